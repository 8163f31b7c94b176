"""Map layers as the renderer and the window see them (Qt-free)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from gisdesk.core.style import RasterStyle, VectorStyle

_ids = itertools.count(1)
_SERVER_SCHEMES = ("postgresql://", "postgres://")


class ServerSource(str):
    """A ``postgresql://`` address used where a workspace file's path goes (a layer's source).

    A ``str`` (``Path()`` would fold its ``//``) that answers ``name``, ``stem`` and
    ``parent`` like a path, for titles and file dialogs. It never holds a password
    (:func:`gisdesk.store.pg_datasource.strip_password`).
    """

    @property
    def name(self) -> str:
        from urllib.parse import unquote, urlsplit

        return unquote(urlsplit(self).path.lstrip("/")) or "server"

    @property
    def stem(self) -> str:
        return self.name

    @property
    def parent(self) -> Path:
        return Path.home()


def is_server_url(text: object) -> bool:
    """Whether ``text`` names a PostgreSQL server (``postgresql://…`` or ``postgres://…``)."""
    return isinstance(text, str) and text.startswith(_SERVER_SCHEMES)


def layer_source(value: "str | Path") -> "Path | ServerSource":
    """``value`` as a layer source: a :class:`ServerSource` for a server address, else a Path."""
    if is_server_url(value):
        return value if isinstance(value, ServerSource) else ServerSource(value)
    return Path(value)


def source_key(value: "str | Path") -> str:
    """A cache key naming a layer source: the address of a server, the resolved path of a file."""
    src = layer_source(value)
    return str(src) if isinstance(src, ServerSource) else str(src.resolve())


@dataclass
class VectorLayer:
    """A vector layer of a SpatiaLite/GeoPackage file.

    Attributes
    ----------
    source : Path
        The database file.
    name : str
        Layer name in the file (table, or ``table(column)``).
    style : VectorStyle
    visible : bool
    title : str
        Shown in the layer tree and legend; defaults to ``name``.
    group : str
        Layer-tree group (Planning, Flood, …).
    """

    source: Path  # or a ServerSource: a postgresql:// address
    name: str
    style: VectorStyle = field(default_factory=VectorStyle)
    visible: bool = True
    title: str = ""
    group: str = ""
    id: str = field(default_factory=lambda: f"layer{next(_ids)}")

    def __post_init__(self) -> None:
        self.source = layer_source(self.source)
        self.title = self.title or self.name


@dataclass
class RasterLayer:
    """A single-band raster (GeoTIFF) drawn with a colour ramp."""

    path: Path
    style: RasterStyle = field(default_factory=RasterStyle)
    visible: bool = True
    title: str = ""
    group: str = ""
    id: str = field(default_factory=lambda: f"layer{next(_ids)}")

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        self.title = self.title or self.path.stem

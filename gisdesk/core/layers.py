"""Map layers as the renderer and the window see them (Qt-free)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from gisdesk.core.style import RasterStyle, VectorStyle

_ids = itertools.count(1)


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

    source: Path
    name: str
    style: VectorStyle = field(default_factory=VectorStyle)
    visible: bool = True
    title: str = ""
    group: str = ""
    id: str = field(default_factory=lambda: f"layer{next(_ids)}")

    def __post_init__(self) -> None:
        self.source = Path(self.source)
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

"""Style files: QGIS ``.qml`` and OGC ``.sld`` read into a gisdesk style and written from one."""

from __future__ import annotations

import os
from pathlib import Path

from gisdesk.core.qgis_style import geometry_of, style_from_qml, style_to_qml
from gisdesk.core.sld_style import style_from_sld, style_to_sld
from gisdesk.core.style import VectorStyle
from gisdesk.store.errors import StoreError
from gisdesk.store.safe_write import write_export

def read_style_file(path: str | os.PathLike[str]) -> tuple[VectorStyle, list[str]]:
    """The style in a ``.qml`` or ``.sld`` file and what of it did not cross.

    Raises
    ------
    StoreError
        The file cannot be read or is not a style gisdesk can use (one line, the reason).
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"Cannot read the style file {p.name}: {exc}") from None
    try:
        if p.suffix.lower() == ".sld" or "StyledLayerDescriptor" in text[:2000]:
            return style_from_sld(text)
        return style_from_qml(text)
    except ValueError as exc:
        raise StoreError(f"{p.name}: {exc}") from None


def write_style_file(style: VectorStyle, kind: str, path: str | os.PathLike[str], layer_name: str = "layer",
                     protected: tuple = ()) -> Path:
    """Write ``style`` (of a layer of ``kind``) as ``.sld`` when ``path`` ends so, else as QGIS ``.qml``.

    Written like an export (:func:`~gisdesk.store.safe_write.write_export`): through a temporary file,
    never over the open workspace (``protected``) or any SQLite file.
    """
    p = Path(path)
    geometry = geometry_of(kind)
    text = style_to_sld(style, geometry, layer_name) if p.suffix.lower() == ".sld" else style_to_qml(style, geometry)
    return write_export(p, text, protected)


__all__ = ["read_style_file", "write_style_file"]

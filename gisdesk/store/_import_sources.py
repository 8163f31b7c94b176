"""Reading one layer of an outside file for the importer: its layers, rows and geometries (no Qt).

Every format GDAL reads goes through pyogrio; CSV and Excel through
:mod:`gisdesk.store._import_tables`. A file with several layers (KML folders,
GeoPackage tables, Excel sheets) is never read as "the first layer" silently: without
a layer name :class:`LayerChoiceRequired` lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from gisdesk.core.text import printable
from gisdesk.store._import_checks import lost_geometries
from gisdesk.store._import_crs import geojson_crs_member
from gisdesk.store._import_tables import is_table, read_table
from gisdesk.store.errors import StoreError


class LayerChoiceRequired(StoreError):
    """The file has several layers and none was named.

    Attributes
    ----------
    layers : list of (str, str or None)
        Every layer's name and geometry type, in the file's order.
    """

    def __init__(self, name: str, layers: list[tuple[str, str | None]]) -> None:
        self.layers = layers
        names = ", ".join(printable(n, 60) for n, _ in layers)
        super().__init__(f"'{printable(name, 80)}' has {len(layers)} layers ({names}).",
                         "Choose the layers to import (--layer NAME, repeatable); nothing was imported.")


@dataclass
class Source:
    """One layer of a file as read, before any check.

    ``refused`` maps 0-based positions to the reason a row could not even be read
    (a CSV coordinate that is not a number); ``lost`` marks geometries the file holds
    but that could not be decoded; ``unit`` is what the messages call a row.
    """

    columns: list[str]
    dtypes: list[str]
    fields: list[np.ndarray]
    geoms: np.ndarray
    fids: np.ndarray | None
    crs: str | None
    refused: dict[int, str] = field(default_factory=dict)
    lost: np.ndarray | None = None
    unit: str = "feature"

    def number(self, i: int) -> int:
        """The position a person finds row ``i`` at: feature 1.., or the spreadsheet row (header = 1)."""
        return i + 2 if self.unit == "row" else i + 1


def source_layers(path: str | Path) -> list[tuple[str, str | None]]:
    """Every layer of a vector file as ``(name, geometry type)`` (None: a table without geometry).

    Raises
    ------
    StoreError
        GDAL cannot open the file.
    """
    import pyogrio

    path = Path(path)
    _regular(path)
    try:
        found = pyogrio.list_layers(path)
    except Exception as exc:  # pyogrio/GDAL errors vary by driver
        raise StoreError(f"Could not read '{printable(path.name, 80)}': {printable(exc, 200)}",
                         "Check that it is a GeoJSON, Shapefile, GeoPackage, KML, CSV or another format GDAL reads; "
                         "nothing was imported.") from exc
    return [(str(name), None if gtype is None else str(gtype)) for name, gtype in found.tolist()]


def offered_layers(path: str | Path) -> list[tuple[str, str | None]]:
    """The layers worth offering for import: those with geometry (every sheet of a table file).

    A GeoPackage's attribute-only tables are left out unless it has nothing else.
    """
    path = Path(path)
    layers = source_layers(path)
    return layers if is_table(path) else [lyr for lyr in layers if lyr[1] is not None] or layers


def choose_layer(path: Path, layer: str | None) -> str | None:
    """``layer``, or the only layer worth importing; LayerChoiceRequired when there are several."""
    if layer is not None:
        return layer
    spatial = offered_layers(path)
    if len(spatial) > 1:
        raise LayerChoiceRequired(path.name, spatial)
    return spatial[0][0] if spatial else None


def _regular(path: Path) -> None:
    if path.exists() and not path.is_file() and not path.is_dir():  # GDAL would wait on a FIFO for ever
        raise StoreError(f"'{printable(path.name, 80)}' is not a regular file.", "Nothing was imported.")


def read_source(path: Path, layer: str | None, x: str | None, y: str | None, wkt: str | None) -> Source:
    """Layer ``layer`` of ``path``: attribute columns, geometries and the CRS the file declares."""
    import pyogrio
    import shapely

    _regular(path)
    if is_table(path):
        rows = read_table(path, layer, x, y, wkt)
        return Source(rows.columns, rows.dtypes, rows.fields, rows.geoms, None, rows.crs or _sidecar_prj(path),
                      dict(rows.refused), None, "row")
    if x is not None or y is not None or wkt is not None:
        raise StoreError("--x, --y and WKT columns apply to CSV and Excel files only.", "Nothing was imported.")
    try:
        meta, fids, wkb, fields = pyogrio.raw.read(path, layer=layer, return_fids=True)
    except Exception as exc:  # pyogrio/GDAL errors vary by driver
        raise StoreError(f"Could not read '{printable(path.name, 80)}': {printable(exc, 200)}",
                         "Check that it is a GeoJSON, Shapefile, GeoPackage or "
                         "another format GDAL reads; nothing was imported.") from exc
    count = len(fids) if fids is not None else (len(fields[0]) if fields else 0)
    geoms = shapely.from_wkb(wkb, on_invalid="ignore") if wkb is not None else np.full(count, None)
    crs = meta.get("crs") or geojson_crs_member(path)
    return Source([str(c) for c in meta["fields"]], [str(t) for t in meta["dtypes"]], list(fields), geoms, fids,
                  crs, {}, lost_geometries(path, layer, fids, wkb, geoms))


def _sidecar_prj(path: Path) -> str | None:
    """The WKT of a ``.prj`` next to a CSV file (as a shapefile has), if there is one."""
    prj = path.with_suffix(".prj")
    try:
        return prj.read_text(encoding="utf-8", errors="replace").strip() or None if prj.is_file() else None
    except OSError:
        return None

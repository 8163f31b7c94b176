"""Bring outside data into a workspace: vector files (GeoJSON, Shapefile, … via pyogrio) and GeoTIFFs.

A vector file becomes a SpatiaLite table with its own R*Tree, written in one
transaction: a file that fails half-way (malformed, wrongly projected, cancelled)
leaves the workspace exactly as it was. A GeoTIFF is referenced, not copied.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np

from gisdesk.store.base import migration
from gisdesk.store.datasource import quote_ident
from gisdesk.store.errors import StoreError

Progress = Callable[[float], bool]  # fraction done -> False to cancel

_SQL_TYPES = {"int": "INTEGER", "uint": "INTEGER", "float": "REAL", "bool": "INTEGER", "datetime": "TEXT",
              "object": "TEXT"}
_MULTI = {"Point": "MULTIPOINT", "LineString": "MULTILINESTRING", "Polygon": "MULTIPOLYGON"}


class ImportCancelled(StoreError):
    """The user cancelled; the workspace is unchanged."""


def table_name_for(path: str | os.PathLike[str], taken: set[str]) -> str:
    """A safe, unused table name from a file name (``Flood zones 2024.geojson`` -> ``flood_zones_2024``)."""
    base = re.sub(r"[^0-9a-zA-Z_]+", "_", Path(path).stem.lower()).strip("_") or "layer"
    if base[0].isdigit():
        base = "l_" + base
    name, k = base, 2
    while name.lower() in {t.lower() for t in taken}:
        name, k = f"{base}_{k}", k + 1
    return name


def _srid_of(crs_text: str | None, path: Path) -> int:
    from pyproj import CRS

    if not crs_text:
        raise StoreError(f"'{path.name}' has no coordinate reference system (no .prj, no crs member).",
                         "Define its CRS first, e.g. ogr2ogr -a_srs EPSG:4326 out.gpkg in.shp; nothing was imported.")
    crs = CRS.from_user_input(crs_text)
    code = crs.to_epsg(min_confidence=70)
    if code is None:
        raise StoreError(f"'{path.name}' uses a CRS without an EPSG code ({crs.name}).",
                         "Reproject it to an EPSG CRS (e.g. ogr2ogr -t_srs EPSG:32648); nothing was imported.")
    return int(code)


def _check_coordinates(geoms: np.ndarray, srid: int, path: Path) -> None:
    """Refuse coordinates that cannot be in the declared CRS (the usual 'wrong .prj' mistake)."""
    import shapely
    from pyproj import CRS

    valid = geoms[~shapely.is_missing(geoms)]
    if len(valid) == 0:
        return
    minx, miny, maxx, maxy = shapely.total_bounds(valid)
    crs = CRS.from_epsg(srid)
    if crs.is_geographic and (minx < -180.5 or maxx > 360.5 or miny < -90.5 or maxy > 90.5):
        raise StoreError(
            f"'{path.name}' says EPSG:{srid} (degrees) but its coordinates reach {minx:.0f}, {miny:.0f} – {maxx:.0f}, {maxy:.0f}.",
            "The file's CRS is probably wrong (metres labelled as degrees); fix its .prj; nothing was imported.")
    if not np.all(np.isfinite([minx, miny, maxx, maxy])):
        raise StoreError(f"'{path.name}' has coordinates that are not finite numbers.", "Nothing was imported.")


def import_vector(workspace: str | os.PathLike[str], path: str | os.PathLike[str], layer: str | None = None,
                  table: str | None = None, progress: Progress | None = None, user: object = None) -> str:
    """Copy one layer of a vector file into ``workspace`` as a new spatial table; return its name.

    Mixed single and multi geometries become the multi type; invalid geometries are
    kept as they are (QGIS does the same) but NULL geometries are allowed.

    Raises
    ------
    StoreError
        Unreadable or malformed file, no or unknown CRS, coordinates impossible for the
        CRS, a locked or read-only workspace. Nothing is written in any of these cases.
    ImportCancelled
        ``progress`` returned False.
    PermissionDenied
        ``user`` (None: the local user) may not add layers to the shared workspace.
    """
    from gisdesk.store._access_check import require_in

    require_in(workspace, user, "import", "layer")  # before anything is read or written
    import pyogrio
    import shapely

    path = Path(path)
    report = progress or (lambda f: True)
    try:
        meta, _fids, wkb, fields = pyogrio.raw.read(path, layer=layer)
    except Exception as exc:  # pyogrio/GDAL errors vary by driver
        raise StoreError(f"Could not read '{path.name}': {exc}", "Check that it is a GeoJSON, Shapefile, GeoPackage or "
                         "another format GDAL reads; nothing was imported.") from exc
    srid = _srid_of(meta.get("crs"), path)
    geoms = shapely.from_wkb(wkb, on_invalid="ignore") if wkb is not None else np.full(len(fields[0]) if fields else 0, None)
    _check_coordinates(geoms, srid, path)
    types = {t for t in shapely.get_type_id(geoms[~shapely.is_missing(geoms)]).tolist()}
    names = {0: "POINT", 1: "LINESTRING", 3: "POLYGON", 4: "MULTIPOINT", 5: "MULTILINESTRING", 6: "MULTIPOLYGON"}
    kinds = {names.get(t, "GEOMETRY") for t in types}
    if len(kinds) == 1:
        gtype = kinds.pop()
    elif kinds and all(k.replace("MULTI", "") == next(iter(kinds)).replace("MULTI", "") for k in kinds):
        gtype = "MULTI" + next(iter(kinds)).replace("MULTI", "")
        single = shapely.get_type_id(geoms) == {"MULTIPOINT": 0, "MULTILINESTRING": 1, "MULTIPOLYGON": 3}[gtype]
        geoms = geoms.copy()
        geoms[single] = [shapely.multipoints([g]) if gtype == "MULTIPOINT" else
                         shapely.multilinestrings([g]) if gtype == "MULTILINESTRING" else shapely.multipolygons([g])
                         for g in geoms[single]]
    else:
        gtype = "GEOMETRY"
    dims = "XYZ" if len(geoms) and bool(shapely.has_z(geoms[~shapely.is_missing(geoms)]).any()) else "XY"
    columns = [str(c) for c in meta["fields"]]
    col_types = [_SQL_TYPES.get(re.sub(r"\d+", "", str(t)).split("[")[0], "TEXT") for t in meta["dtypes"]]
    with migration(workspace) as conn:  # the table and its rows, or nothing
        existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        table = table or table_name_for(path, existing)
        if table in existing:
            raise StoreError(f"The workspace already has a table '{table}'.", "Choose another name; nothing was imported.")
        safe_cols = [c if c.lower() not in ("fid", "geom") else c + "_" for c in columns]
        cols_sql = ", ".join(f"{quote_ident(c)} {t}" for c, t in zip(safe_cols, col_types))
        conn.execute(f"CREATE TABLE {quote_ident(table)} (fid INTEGER PRIMARY KEY{', ' + cols_sql if cols_sql else ''})")
        conn.execute("SELECT AddGeometryColumn(?, 'geom', ?, ?, ?)", (table, srid, gtype, dims))
        out_wkb = shapely.to_wkb(geoms, output_dimension=3 if dims == "XYZ" else 2)
        values = [np.asarray(f, dtype=object) for f in fields]
        marks = "".join("?, " for _ in safe_cols)
        col_list = ", ".join([quote_ident(c) for c in safe_cols] + ["geom"])
        sql = f"INSERT INTO {quote_ident(table)} ({col_list}) VALUES ({marks}GeomFromWKB(?, {srid}))"
        n = len(out_wkb)
        chunk = 20000
        for start in range(0, n, chunk):
            rows = zip(*[_py(v[start:start + chunk]) for v in values], out_wkb[start:start + chunk].tolist())
            conn.executemany(sql, rows)
            if not report(min(0.95, (start + chunk) / max(n, 1))):
                raise ImportCancelled(f"Import of '{path.name}' cancelled; the workspace is unchanged.")
        conn.execute("SELECT CreateSpatialIndex(?, 'geom')", (table,))
    report(1.0)
    return table


def _py(values: np.ndarray) -> list:
    """Plain Python values SQLite can bind (numpy scalars and datetimes become int/float/str)."""
    out = values.tolist()
    if values.dtype.kind == "M":
        return [None if v is None else str(v) for v in out]
    return out


def register_raster(workspace: str | os.PathLike[str], raster: str | os.PathLike[str], title: str = "",
                    group: str = "", user: object = None) -> str:
    """Reference a GeoTIFF from the workspace (``gisdesk_rasters``); return its layer name.

    The path is stored relative to the workspace when the raster sits in its folder.
    ``user`` (None: the local user) must be allowed to add layers (else PermissionDenied).
    """
    from gisdesk.store._access_check import require_in

    require_in(workspace, user, "import", "layer")
    import rasterio
    from rasterio.errors import RasterioIOError

    raster = Path(raster).absolute()
    try:
        with rasterio.open(raster) as src:
            if src.crs is None:
                raise StoreError(f"'{raster.name}' has no coordinate reference system.",
                                 "Assign one with gdal_edit.py -a_srs EPSG:n; nothing was added.")
    except RasterioIOError as exc:
        raise StoreError(f"'{raster.name}' is not a raster GDAL can read ({exc}).", "Nothing was added.") from exc
    ws = Path(workspace).absolute()
    try:
        stored = str(raster.relative_to(ws.parent))
    except ValueError:
        stored = str(raster)
    with migration(workspace) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS gisdesk_rasters (name TEXT PRIMARY KEY, path TEXT, title TEXT, grp TEXT)")
        taken = {r[0] for r in conn.execute("SELECT name FROM gisdesk_rasters")}
        name = table_name_for(raster, taken)
        conn.execute("INSERT INTO gisdesk_rasters VALUES (?, ?, ?, ?)", (name, stored, title or raster.stem, group))
    return name

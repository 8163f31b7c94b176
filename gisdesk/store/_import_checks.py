"""Checks the vector importer makes before anything is written (vectorised, no Qt).

* :func:`coordinate_problems`: features whose coordinates are NaN, infinite, of an absurd
  magnitude or far outside the CRS's area of use, with the reason for each.
* :func:`lost_geometries`: features whose geometry the source holds but could not be read.
* :func:`unique_columns`: column names made unique case-insensitively (``Name``, ``name_2``).
* :func:`safe_table_name`: a table name that is never an SQLite, SpatiaLite, GeoPackage or
  gisdesk name.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from pathlib import Path

import numpy as np

#: No coordinate of any CRS gisdesk draws is this large (metres, feet or degrees).
ABSURD = 1e10
#: Table names (prefixes, lower case) that belong to SQLite, SpatiaLite, GeoPackage or gisdesk.
RESERVED_PREFIXES = ("sqlite_", "idx_", "gpkg_", "rtree_", "gisdesk_", "spatial", "geometry_columns",
                     "geom_cols_ref_sys", "vector_layers", "views_", "virts_", "sql_statements_log",
                     "spatialite", "elementarygeometries", "knn", "rl2", "se_", "iso_metadata", "data_licenses",
                     "raster_coverages", "topologies", "networks", "wms_", "incident", "task")
RESERVED_NAMES = ("users", "routing_rules")
_UNSAFE_COLUMN = re.compile("[\x00-\x1f\x7f-\x9f\"]")


@lru_cache(maxsize=64)
def usable_box(srid: int) -> tuple[float, float, float, float]:
    """(minx, miny, maxx, maxy) outside which a coordinate cannot be meant in ``srid``.

    The CRS's area of use widened by its own size on every side (a projected CRS is still
    usable a little outside it), and never wider than the world in degrees or
    :data:`ABSURD` in other units.
    """
    from pyproj import CRS, Transformer

    crs = CRS.from_epsg(srid)
    world = (-180.5, -90.5, 360.5, 90.5) if crs.is_geographic else (-ABSURD, -ABSURD, ABSURD, ABSURD)
    area = crs.area_of_use
    if area is None:
        return world
    try:
        if crs.is_geographic:
            box = (area.west, area.south, area.east, area.north)
        else:
            box = Transformer.from_crs(4326, crs, always_xy=True).transform_bounds(
                area.west, area.south, area.east, area.north, densify_pts=21)
    except Exception:  # pyproj cannot project the area: fall back to the magnitude check
        return world
    if not np.all(np.isfinite(box)) or box[2] <= box[0] or box[3] <= box[1]:
        return world
    w, h = box[2] - box[0], box[3] - box[1]
    wide = (box[0] - w, box[1] - h, box[2] + w, box[3] + h)
    return (max(wide[0], world[0]), max(wide[1], world[1]), min(wide[2], world[2]), min(wide[3], world[3]))


def coordinate_problems(geoms: np.ndarray, srid: int) -> tuple[np.ndarray, np.ndarray]:
    """Features whose coordinates cannot be stored or drawn in ``srid``.

    Returns
    -------
    (not_finite, outside) : boolean arrays, one value per feature
        ``not_finite``: a NaN or infinite x, y or z. ``outside``: finite, but outside
        :func:`usable_box` (or a z of an absurd magnitude).
    """
    import shapely

    n = len(geoms)
    not_finite, outside = np.zeros(n, bool), np.zeros(n, bool)
    if n == 0:
        return not_finite, outside
    coords, index = shapely.get_coordinates(geoms, include_z=True, return_index=True)
    has_z = shapely.has_z(geoms)[index]  # a 2-D geometry reports z as NaN
    z = np.where(has_z, coords[:, 2], 0.0)
    bad = ~(np.isfinite(coords[:, 0]) & np.isfinite(coords[:, 1]) & np.isfinite(z))
    not_finite[index[bad]] = True
    minx, miny, maxx, maxy = usable_box(srid)
    with np.errstate(invalid="ignore"):
        off = ((coords[:, 0] < minx) | (coords[:, 0] > maxx) | (coords[:, 1] < miny) | (coords[:, 1] > maxy)
               | (np.abs(z) > ABSURD))
    outside[index[off & ~bad]] = True
    outside &= ~not_finite
    return not_finite, outside


def lost_geometries(path: Path, layer: str | None, fids: np.ndarray | None, wkb: np.ndarray | None,
                    geoms: np.ndarray) -> np.ndarray:
    """Features (boolean per feature) whose geometry the source holds but that was not read.

    WKB that shapely cannot parse counts, and for GeoPackage and SpatiaLite sources a
    geometry blob that GDAL returned as NULL (a damaged blob) counts too.
    """
    import shapely

    n = len(geoms)
    if wkb is None or n == 0:
        return np.zeros(n, bool)
    have_wkb = np.not_equal(wkb, None) if wkb.dtype == object else np.ones(n, bool)
    lost = have_wkb & shapely.is_missing(geoms)
    if fids is None or have_wkb.all():
        return lost
    stored = _stored_geometry_fids(path, layer)
    if stored is not None:
        lost |= ~have_wkb & np.isin(fids, stored)
    return lost


def _stored_geometry_fids(path: Path, layer: str | None) -> np.ndarray | None:
    """FIDs with a non-NULL geometry blob in a GeoPackage/SpatiaLite layer; None for other formats."""
    import pyogrio

    try:
        with open(path, "rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                return None
        info = pyogrio.read_info(path, layer=layer)
        table, fid, geom = info["layer_name"], info.get("fid_column") or "rowid", info.get("geometry_name")
        if not geom:
            return None
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            q = lambda s: '"' + str(s).replace('"', '""') + '"'  # noqa: E731
            rows = conn.execute(f"SELECT {q(fid) if fid != 'rowid' else 'rowid'} FROM {q(table)} "
                                f"WHERE {q(geom)} IS NOT NULL").fetchall()
        finally:
            conn.close()
    except Exception:  # a view or an unusual layout: only the WKB check applies
        return None
    return np.fromiter((r[0] for r in rows), np.int64, len(rows))


def unique_columns(columns: list[str], reserved: tuple[str, ...] = ("fid", "geom")) -> list[str]:
    """Column names unique without regard to case: ``["Name", "name", "fid"]`` -> ``["Name", "name_2", "fid_2"]``.

    Control characters and double quotes become ``_``; an empty name becomes ``field``.
    """
    taken = {r.lower() for r in reserved}
    out = []
    for col in columns:
        base = _UNSAFE_COLUMN.sub("_", str(col)).strip() or "field"
        name, k = base, 2
        while name.lower() in taken:
            name, k = f"{base}_{k}", k + 1
        taken.add(name.lower())
        out.append(name)
    return out


def safe_table_name(base: str) -> str:
    """``base`` prefixed with ``l_`` when SQLite, SpatiaLite, GeoPackage or gisdesk owns the name."""
    low = base.lower()
    if base[:1].isdigit() or low.startswith(RESERVED_PREFIXES) or low in RESERVED_NAMES:
        return "l_" + base
    return base

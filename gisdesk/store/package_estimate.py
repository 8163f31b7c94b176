"""How big a package would be, before it is written (the *Take offline* dialog shows it as you choose).

Quick and approximate by design: the R*Tree counts the features whose boxes meet the
area, times the layer's average geometry size (from a sample); the case rows the user
may read in the area's communes, times a typical row; the raster window's pixels, at the
ratio deflate typically reaches on a flood-depth grid. Nothing is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from gisdesk.core import access
from gisdesk.store._access_sql import where
from gisdesk.store._package_source import SpatiaLiteSource, q

#: Bytes a case row takes with its history (an incident with its events, a task with its timeline).
CASE_ROW_BYTES = 600
#: Bytes of a feature beside its geometry (attributes, R*Tree box).
FEATURE_OVERHEAD = 120
#: A cut raster's size relative to the source's compressed blocks under it (overviews, partial tiles).
RASTER_RATIO = 1.4
#: An empty package: SpatiaLite's metadata, the schema with its triggers, statistics.
BASE_BYTES = 350_000
#: Bytes a row of a non-spatial reference table takes with its indexes (gauge readings, rules).
TABLE_ROW_BYTES = 70


@dataclass(frozen=True)
class Estimate:
    """About how many bytes, features and case rows a package would hold, and the communes it covers."""

    bytes: int
    features: int
    cases: int
    communes: tuple[str, ...]


def estimate_package(source: str | os.PathLike[str], *, for_user: str, commune: str | None = None,
                     area: tuple[float, float, float, float] | None = None, crs: str | None = None,
                     layers: list[str] | None = None, margin: float | None = None) -> Estimate:
    """Estimate the package :func:`~gisdesk.store.package_create.create_package` would write.

    Same parameters as ``create_package`` (no signer: nothing is read that the user could
    not read, and nothing is written). Raises :class:`~gisdesk.store.package_create.PackageError`
    for an unknown commune, user or an empty area.
    """
    import shapely

    from gisdesk.store.package_create import (CASE_ROOTS, CASE_CHILDREN, CONTACTS, DEFAULT_MARGIN, NOT_COPIED,
                                              _SCOPE, _area, _receiver)

    with SpatiaLiteSource(source) as src:
        user = _receiver(src, for_user)
        srid = src.map_srid()
        wkb, communes = _area(src, srid, commune, area, crs, DEFAULT_MARGIN if margin is None else margin)
        minx, miny, maxx, maxy = shapely.bounds(shapely.from_wkb(wkb))
        conn = src.conn
        app = set(CASE_ROOTS) | set(CASE_CHILDREN) | {CONTACTS} | NOT_COPIED
        wanted = {n.lower() for n in layers} | {"communes"} if layers else None
        total, features = BASE_BYTES, 0
        share: dict[str, float] = {}  # the part of each layer's features that travels
        for lyr in src.reference_layers(app):
            if wanted is not None and lyr.table.lower() not in wanted:
                continue
            if lyr.indexed:
                n = conn.execute(f"SELECT count(*) FROM {q(f'idx_{lyr.table}_{lyr.column}')} WHERE xmin <= ? "
                                 "AND xmax >= ? AND ymin <= ? AND ymax >= ?", (maxx, minx, maxy, miny)).fetchone()[0]
            else:
                n = conn.execute(f"SELECT count(*) FROM {q(lyr.table)} WHERE MbrIntersects({q(lyr.column)}, "
                                 "BuildMbr(?, ?, ?, ?))", (minx, miny, maxx, maxy)).fetchone()[0]
            size = conn.execute(f"SELECT avg(length({q(lyr.column)})) FROM (SELECT {q(lyr.column)} FROM "
                                f"{q(lyr.table)} LIMIT 500)").fetchone()[0] or 0
            features += n
            total += int(n * (size + FEATURE_OVERHEAD))
            rows = conn.execute(f"SELECT count(*) FROM {q(lyr.table)}").fetchone()[0]
            share[lyr.table.lower()] = n / rows if rows else 0.0
        tables = src.tables()
        spatial = {lyr.table.lower() for lyr in src.reference_layers(app)}
        for low, name in tables.items():  # the reference tables beside the layers (rules, gauge readings)
            if low in app or low in spatial or low.startswith(("idx_", "sqlite_", "spatial", "geometry_", "views_",
                                                             "virts_", "sql_", "gisdesk_")):
                continue
            parents = [p.lower() for _, p, _ in src.foreign_parents(name)]
            part = min((share.get(p, 0.0) for p in parents if p in spatial), default=1.0)
            total += int(conn.execute(f"SELECT count(*) FROM {q(name)}").fetchone()[0] * part * TABLE_ROW_BYTES)
        marks = ", ".join("?" for _ in communes)
        cases = 0
        for table, kind in CASE_ROOTS.items():
            if table not in tables:
                continue
            cond, params = where(access.read_filter(user, kind), {c: f"s.{q(c)}" for c in (
                "commune", "department", "to_department", "to_role")})
            sql = f"SELECT count(*) FROM {q(table)} AS s WHERE ({cond}) AND {_SCOPE[table].replace('src.', '')} IN ({marks})"
            cases += conn.execute(sql, [*params, *communes]).fetchone()[0]
        total += cases * CASE_ROW_BYTES
        total += _raster_bytes(src, (minx, miny, maxx, maxy))
    return Estimate(int(total), int(features), int(cases), tuple(communes))


def _raster_bytes(src: SpatiaLiteSource, bounds: tuple[float, float, float, float]) -> int:
    """The compressed bytes of the source's blocks under the box (GDAL knows each block's size)."""
    import rasterio
    from rasterio.windows import from_bounds

    from gisdesk.store.tiles import is_tile_file

    total = 0
    whole = 0  # basemaps travel whole (package_create): their file size
    for _, path, _, _ in src.rasters():
        if not path.exists():
            continue
        if is_tile_file(path):
            whole += path.stat().st_size
            continue
        with rasterio.open(path) as r:
            win = from_bounds(*bounds, r.transform)
            c0, r0 = win.col_off, win.row_off
            c1, r1 = c0 + win.width, r0 + win.height
            for band in range(1, r.count + 1):
                for (i, j), w in r.block_windows(band):
                    cols = max(0.0, min(c1, w.col_off + w.width) - max(c0, w.col_off))
                    rows = max(0.0, min(r1, w.row_off + w.height) - max(r0, w.row_off))
                    if cols and rows:
                        try:
                            size = r.block_size(band, i, j)
                        except Exception:  # a format without blocks' sizes: the raw pixels
                            size = w.width * w.height * _itemsize(r.dtypes[band - 1])
                        total += size * cols * rows / (w.width * w.height)
    return int(total * RASTER_RATIO) + whole


def _itemsize(dtype: str) -> int:
    import numpy as np

    return np.dtype(dtype).itemsize


def package_choices(source: str | os.PathLike[str]) -> tuple[list[str], list[str]]:
    """What a package of ``source`` can be made of: ``(commune names, reference layer names)``, sorted.

    Both are reference data every signed-in user may read (the access policy's ``layer``).
    """
    from gisdesk.store.package_create import CASE_ROOTS, CASE_CHILDREN, CONTACTS, NOT_COPIED

    with SpatiaLiteSource(source) as src:
        communes = [r[0] for r in src.conn.execute("SELECT name FROM communes ORDER BY name")] \
            if "communes" in src.tables() else []
        app = set(CASE_ROOTS) | set(CASE_CHILDREN) | {CONTACTS} | NOT_COPIED
        return communes, sorted(lyr.table for lyr in src.reference_layers(app))

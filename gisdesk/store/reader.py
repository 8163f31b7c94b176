"""Read a layer's geometries (and a per-feature class code) in bulk.

One aggregate query per chunk returns every blob back to back
(``group_concat(geom, '')`` with bytes as the text factory, so nothing is
re-encoded), their lengths, and one class-code character per feature computed in
SQL from the style. A case layer (incidents and their shapes) gives only the rows the
data source's user may read (:meth:`DataSource.access_where`). Large layers are read in two rowid ranges on two threads
(SQLite releases the GIL while it steps).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from gisdesk.store.datasource import GEOPACKAGE, POSTGIS, DataSource, LayerInfo, quote_ident
from gisdesk.store.geoblob import Geometries, decode_gpkg, decode_spatialite

#: Layers with more rows than this are read in parallel chunks.
PARALLEL_ROWS = 50_000
#: Offset subtracted from class-code characters: code 0 is chr(33) '!'.
CODE_BASE = 33


@dataclass
class ClassExpr:
    """An SQL expression yielding one character per feature: its style class.

    ``sql`` may contain ``?`` placeholders bound from ``params``: attribute values are
    never pasted into SQL. Character ``chr(CODE_BASE + k)`` means class ``k``.
    """

    sql: str
    params: Sequence[object] = ()


@dataclass
class FeatureData:
    """Geometries and per-feature class codes (uint8) of one read."""

    geoms: Geometries
    codes: np.ndarray | None


def _where(ds: DataSource, layer: LayerInfo, bbox: tuple[float, float, float, float] | None) -> tuple[str, list]:
    g = quote_ident(layer.geometry_column)
    clauses, params = [f"{g} IS NOT NULL"], []
    if bbox is not None and layer.spatial_index:
        minx, miny, maxx, maxy = bbox
        idx = quote_ident(layer.spatial_index)
        key = quote_ident(layer.key_column) if layer.key_column != "rowid" else "rowid"
        if ds.format == GEOPACKAGE:
            sub = f"SELECT id FROM {idx} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?"
        else:
            sub = f"SELECT pkid FROM {idx} WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?"
        clauses.append(f"{key} IN ({sub})")
        params += [maxx, minx, maxy, miny]
    cond, cond_params = ds.access_where(layer)  # the rows the user may read (access policy)
    if cond:
        clauses.append(cond)
        params += cond_params
    return " AND ".join(clauses), params


def _fast_points(ds: DataSource, layer: LayerInfo) -> bool:
    """SpatiaLite POINT columns: x, y are the MBR's minimum (bytes 6-21), if little-endian."""
    if ds.format == GEOPACKAGE or layer.geometry_type != "POINT":
        return False
    g = quote_ident(layer.geometry_column)
    row = ds.connection().execute(f"SELECT substr({g}, 2, 1) FROM {quote_ident(layer.table)} WHERE {g} IS NOT NULL LIMIT 1").fetchone()
    return row is None or row[0] == b"\x01"


def _query(ds: DataSource, layer: LayerInfo, where: str, params: list, cls: ClassExpr | None,
           fast_points: bool, rowid_range: tuple[int, int] | None):
    g = quote_ident(layer.geometry_column)
    geom_sql = f"group_concat(substr({g}, 7, 16), '')" if fast_points else f"group_concat({g}, '')"
    sel = [geom_sql, "count(*)" if fast_points else f"group_concat(length({g}))"]
    all_params = list(cls.params) if cls else []
    if cls:
        sel.append(f"group_concat({cls.sql}, '')")
    if rowid_range is not None:
        where += " AND rowid BETWEEN ? AND ?"
    all_params += params
    if rowid_range is not None:
        all_params += list(rowid_range)
    sql = f"SELECT {', '.join(sel)} FROM {quote_ident(layer.table)} WHERE {where}"
    row = ds.connection(spatialite=layer.is_view).execute(sql, all_params).fetchone()
    blob = row[0] or b""
    codes = None
    if cls:
        codes = np.frombuffer(row[2] or b"", np.uint8) - CODE_BASE
    if fast_points:
        xy = np.frombuffer(blob, "<f8").reshape(-1, 2)
        n = len(xy)
        geoms = Geometries("point", xy, np.arange(n + 1, dtype=np.int64), np.arange(n, dtype=np.int64), np.ones(n, bool), n)
        return geoms, codes
    lengths = np.fromstring(row[1], dtype=np.int64, sep=",") if row[1] else np.empty(0, np.int64)
    decode = decode_gpkg if ds.format == GEOPACKAGE else decode_spatialite
    kind = layer.kind if layer.kind != "geometry" else "polygon"
    return decode(blob, lengths, kind), codes


def _pool(ds: DataSource) -> ThreadPoolExecutor:
    """Two reader threads per data source; each keeps its own connection."""
    pool = getattr(ds, "_reader_pool", None)
    if pool is None:
        pool = ThreadPoolExecutor(2, thread_name_prefix="gisdesk-read")
        ds._reader_pool = pool
    return pool


def read_geometries(ds: DataSource, layer: LayerInfo, bbox: tuple[float, float, float, float] | None = None) -> Geometries:
    """Every geometry of ``layer`` (within ``bbox``, in the layer's CRS, when given)."""
    return read_features(ds, layer, bbox).geoms


def read_features(ds: DataSource, layer: LayerInfo, bbox: tuple[float, float, float, float] | None = None,
                  cls: ClassExpr | None = None) -> FeatureData:
    """Geometries within ``bbox`` through the R*Tree, with class codes from ``cls``.

    Parameters
    ----------
    ds : DataSource
    layer : LayerInfo
    bbox : (minx, miny, maxx, maxy), optional
        In the layer's CRS. Features whose index box meets it are returned.
    cls : ClassExpr, optional
        Per-feature class expression (see :class:`ClassExpr`).
    """
    if ds.format == POSTGIS:  # the city server: GiST index, ST_AsBinary in bulk
        from gisdesk.store import pg_features

        return pg_features.read_features(ds, layer, bbox, cls)
    with ds.translating_errors():
        return _read_features(ds, layer, bbox, cls)


def _read_features(ds: DataSource, layer: LayerInfo, bbox: tuple[float, float, float, float] | None,
                   cls: ClassExpr | None) -> FeatureData:
    where, params = _where(ds, layer, bbox)
    fast = _fast_points(ds, layer)
    ranges: list[tuple[int, int] | None] = [None]
    if not layer.is_view and bbox is None:
        # Separate statements: SQLite answers a lone min(rowid)/max(rowid) from the b-tree's ends,
        # but scans the whole table when they share a SELECT with count(*).
        conn = ds.connection(spatialite=False)
        (lo,) = conn.execute(f"SELECT min(rowid) FROM {quote_ident(layer.table)}").fetchone()
        (hi,) = conn.execute(f"SELECT max(rowid) FROM {quote_ident(layer.table)}").fetchone()
        if lo is not None and hi - lo + 1 > PARALLEL_ROWS:  # the rowid span bounds the row count
            mid = (lo + hi) // 2
            ranges = [(lo, mid), (mid + 1, hi)]
    if len(ranges) == 1:
        geoms, codes = _query(ds, layer, where, params, cls, fast, ranges[0])
        return FeatureData(geoms, codes)
    results = list(_pool(ds).map(lambda r: _query(ds, layer, where, params, cls, fast, r), ranges))
    geoms = concat_geometries([r[0] for r in results])
    codes = np.concatenate([r[1] for r in results]) if cls else None
    return FeatureData(geoms, codes)


def concat_geometries(parts: list[Geometries]) -> Geometries:
    """Join decoded chunks, renumbering features."""
    if len(parts) == 1:
        return parts[0]
    xy = np.concatenate([p.xy for p in parts])
    feat_base = np.cumsum([0] + [p.count for p in parts[:-1]])
    vert_base = np.cumsum([0] + [len(p.xy) for p in parts[:-1]])
    offsets = np.concatenate([[0]] + [p.offsets[1:] + vb for p, vb in zip(parts, vert_base)])
    path_feature = np.concatenate([p.path_feature + fb for p, fb in zip(parts, feat_base)])
    exterior = np.concatenate([p.exterior for p in parts])
    boxes = np.concatenate([p.boxes for p in parts]) if all(p.boxes is not None for p in parts) else None
    return Geometries(parts[0].kind, xy, offsets.astype(np.int64), path_feature, exterior, sum(p.count for p in parts),
                      boxes)


__all__ = ["ClassExpr", "FeatureData", "read_features", "read_geometries", "concat_geometries"]

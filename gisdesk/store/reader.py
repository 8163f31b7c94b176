"""Read a layer's geometries (and a per-feature class code) in bulk.

One aggregate query per chunk returns every blob back to back
(``group_concat(geom, '')`` with bytes as the text factory, so nothing is
re-encoded), their lengths, and one class-code character per feature computed in
SQL from the style. A case layer (incidents and their shapes) gives only the rows the
data source's user may read (:meth:`DataSource.access_where`).

A read of a bounding box is planned (:func:`plan_read`): through the spatial index
when the box holds a small share of the layer, otherwise as a scan filtered on each
blob's MBR (SpatiaLite's ``MbrMinX``… read the blob header). Either way the result is
exactly the features whose MBR meets the box. Large reads go in rowid chunks on two
threads (SQLite releases the GIL while it steps); a read can be cancelled between any
two SQLite opcodes (``cancelled``), and decoded chunks can be kept as float32 offsets
(``origin``, :mod:`gisdesk.store.coords`).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from gisdesk.store.coords import compact, feature_boxes, in_bbox, point_geometries, subset
from gisdesk.store.datasource import GEOPACKAGE, POSTGIS, DataSource, LayerInfo, quote_ident
from gisdesk.store.geoblob import Geometries, decode_gpkg, decode_spatialite
from gisdesk.store.read_plan import ReadPlan, plan_read

#: Layers with more rows than this are read in parallel chunks.
PARALLEL_ROWS = 50_000
#: A chunk holds about this many bytes of blobs (it bounds the memory a read holds twice).
CHUNK_BYTES = 4 << 20
#: The cancel check runs every this many SQLite virtual-machine opcodes (well under a millisecond).
PROGRESS_OPCODES = 4000
#: Offset subtracted from class-code characters: code 0 is chr(33) '!'.
CODE_BASE = 33

BBox = tuple[float, float, float, float]


class ReadCancelled(Exception):
    """The read was cancelled (``cancelled()`` became true) while it ran."""


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


def _where(ds: DataSource, layer: LayerInfo, bbox: BBox | None, method: str = "index") -> tuple[str, list]:
    """The WHERE clause and its parameters; ``method`` "index" without an index ignores ``bbox``."""
    g = quote_ident(layer.geometry_column)
    clauses, params = [f"{g} IS NOT NULL"], []
    if bbox is not None and method == "index" and layer.spatial_index:
        minx, miny, maxx, maxy = bbox
        idx = quote_ident(layer.spatial_index)
        key = quote_ident(layer.key_column) if layer.key_column != "rowid" else "rowid"
        if ds.format == GEOPACKAGE:
            sub = f"SELECT id FROM {idx} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?"
        else:
            sub = f"SELECT pkid FROM {idx} WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?"
        clauses.append(f"{key} IN ({sub})")
        params += [maxx, minx, maxy, miny]
    elif bbox is not None and method == "scan":  # SpatiaLite reads the MBR from the blob header
        clauses.append(f"MbrMaxX({g}) >= ? AND MbrMinX({g}) <= ? AND MbrMaxY({g}) >= ? AND MbrMinY({g}) <= ?")
        params += [bbox[0], bbox[2], bbox[1], bbox[3]]
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


@dataclass
class _Read:
    """What every chunk of one read shares."""

    ds: DataSource
    layer: LayerInfo
    where: str
    params: list
    cls: ClassExpr | None
    fast_points: bool
    spatialite: bool
    cancelled: Callable[[], bool] | None
    origin: tuple[float, float] | None
    exact_bbox: BBox | None  # filter on the exact (float64) MBR after the query (index reads)
    on_cancel: Callable[[Callable[[], None]], Callable[[], None]] | None = None


def _query(r: _Read, rowid_range: tuple[int, int] | None) -> tuple[Geometries, np.ndarray | None]:
    if r.cancelled is not None and r.cancelled():
        raise ReadCancelled()
    layer, cls = r.layer, r.cls
    g = quote_ident(layer.geometry_column)
    geom_sql = f"group_concat(substr({g}, 7, 16), '')" if r.fast_points else f"group_concat({g}, '')"
    sel = [geom_sql, "count(*)" if r.fast_points else f"group_concat(length({g}))"]
    all_params = list(cls.params) if cls else []
    if cls:
        sel.append(f"group_concat({cls.sql}, '')")
    where = r.where + (" AND rowid BETWEEN ? AND ?" if rowid_range is not None else "")
    all_params += r.params
    if rowid_range is not None:
        all_params += list(rowid_range)
    sql = f"SELECT {', '.join(sel)} FROM {quote_ident(layer.table)} WHERE {where}"
    conn = r.ds.connection(spatialite=r.spatialite)
    if r.cancelled is not None:
        cancelled = r.cancelled
        conn.set_progress_handler(lambda: 1 if cancelled() else 0, PROGRESS_OPCODES)
    # Connection.interrupt() from the cancelling thread stops SQLite at its next opcode
    # without waiting for this thread to get the GIL back (the progress handler needs it).
    interrupted: list[bool] = []

    def interrupt() -> None:
        interrupted.append(True)
        conn.interrupt()

    forget = r.on_cancel(interrupt) if r.on_cancel is not None else None
    try:
        row = conn.execute(sql, all_params).fetchone()
    except Exception:
        if interrupted or (r.cancelled is not None and r.cancelled()):
            raise ReadCancelled() from None  # SQLite's "interrupted"
        raise
    finally:
        if forget is not None:
            forget()
        if r.cancelled is not None:
            conn.set_progress_handler(None, 0)
    blob = row[0] or b""
    codes = np.frombuffer(row[2] or b"", np.uint8) - CODE_BASE if cls else None
    if r.fast_points:
        geoms = point_geometries(np.frombuffer(blob, "<f8").reshape(-1, 2))
    else:
        lengths = np.fromstring(row[1], dtype=np.int64, sep=",") if row[1] else np.empty(0, np.int64)
        decode = decode_gpkg if r.ds.format == GEOPACKAGE else decode_spatialite
        geoms = decode(blob, lengths, layer.kind if layer.kind != "geometry" else "polygon")
    del blob, row
    if r.exact_bbox is not None and geoms.count:
        keep = in_bbox(feature_boxes(geoms), r.exact_bbox)
        geoms = subset(geoms, keep)
        codes = codes[keep] if codes is not None else None
    return compact(geoms, r.origin), codes


def _pool(ds: DataSource) -> ThreadPoolExecutor:
    """Two reader threads per data source; each keeps its own connection."""
    pool = getattr(ds, "_reader_pool", None)
    if pool is None:
        pool = ThreadPoolExecutor(2, thread_name_prefix="gisdesk-read")
        ds._reader_pool = pool
    return pool


def read_geometries(ds: DataSource, layer: LayerInfo, bbox: BBox | None = None) -> Geometries:
    """Every geometry of ``layer`` (those whose MBR meets ``bbox``, in the layer's CRS, when given)."""
    return read_features(ds, layer, bbox).geoms


def read_features(ds: DataSource, layer: LayerInfo, bbox: BBox | None = None, cls: ClassExpr | None = None, *,
                  cancelled: Callable[[], bool] | None = None, origin: tuple[float, float] | None = None,
                  plan: ReadPlan | None = None, threads: int = 2,
                  on_cancel: Callable[[Callable[[], None]], Callable[[], None]] | None = None,
                  tolerance: float | None = None) -> FeatureData:
    """Geometries whose MBR meets ``bbox``, with class codes from ``cls``.

    Parameters
    ----------
    ds : DataSource
    layer : LayerInfo
    bbox : (minx, miny, maxx, maxy), optional
        In the layer's CRS. Exactly the features whose MBR (float64) meets it are returned;
        None reads every feature.
    cls : ClassExpr, optional
        Per-feature class expression (see :class:`ClassExpr`).
    cancelled : callable, optional
        Polled while SQLite runs (every :data:`PROGRESS_OPCODES` opcodes) and between chunks;
        when it returns True the query is interrupted and :class:`ReadCancelled` raised.
        The connection stays usable.
    origin : (x, y), optional
        Return float32 offsets from this point (:mod:`gisdesk.store.coords`).
    plan : ReadPlan, optional
        How to read (by default :func:`~gisdesk.store.read_plan.plan_read`).
    threads : int
        1 reads the chunks one after another on the calling thread (background loads).
    on_cancel : callable, optional
        ``on_cancel(fn)`` registers ``fn`` to run when the read is cancelled and returns its
        undo; each running query registers its connection's ``interrupt`` (immediate, from
        the cancelling thread). Give it with ``cancelled``.
    tolerance : float, optional
        On the city server only: lines and polygons simplified on the server to this
        deviation (layer units; ``ST_Simplify``, small shapes kept), for a view whose pixel
        is larger (:func:`gisdesk.render._data.simplify_tolerance`). Files ignore it.

    Raises
    ------
    ReadCancelled
        ``cancelled()`` became true.
    """
    if ds.format == POSTGIS:  # the city server: GiST index, ST_AsBinary in bulk
        from gisdesk.store import pg_features

        return pg_features.read_features(ds, layer, bbox, cls, cancelled, on_cancel, tolerance, origin)
    with ds.translating_errors():
        return _read_features(ds, layer, bbox, cls, cancelled, origin, plan, threads, on_cancel)


def _read_features(ds: DataSource, layer: LayerInfo, bbox: BBox | None, cls: ClassExpr | None,
                   cancelled: Callable[[], bool] | None, origin: tuple[float, float] | None,
                   plan: ReadPlan | None, threads: int, on_cancel=None) -> FeatureData:
    method = "whole" if bbox is None else (plan or plan_read(ds, layer, bbox)).method
    # GeoPackage blobs are not read by SpatiaLite's Mbr functions: scan whole and filter on numpy.
    sql_method = "whole" if method == "scan" and ds.format == GEOPACKAGE else method
    where, params = _where(ds, layer, bbox, sql_method)
    fast = _fast_points(ds, layer)
    exact = bbox if bbox is not None and sql_method != "scan" else None
    r = _Read(ds, layer, where, params, cls, fast, layer.is_view or sql_method == "scan", cancelled, origin, exact,
              on_cancel)
    ranges: list[tuple[int, int] | None] = [None]
    if not layer.is_view and method != "index":
        ranges = _chunks(ds, layer, fast)
    if len(ranges) == 1:
        geoms, codes = _query(r, ranges[0])
        return FeatureData(geoms, codes)
    results = _pool(ds).map(lambda rr: _query(r, rr), ranges) if threads > 1 else (_query(r, rr) for rr in ranges)
    if fast:  # copied into one array as chunks arrive: a read never holds the points twice
        span = sum(b - a + 1 for a, b in ranges)
        return _gather_points(results, span, origin, cls is not None)
    results = list(results)
    geoms = concat_geometries([res[0] for res in results])
    codes = np.concatenate([res[1] for res in results]) if cls else None
    return FeatureData(geoms, codes)


def _chunks(ds: DataSource, layer: LayerInfo, fast: bool) -> list[tuple[int, int] | None]:
    """Rowid ranges of about :data:`CHUNK_BYTES` each (two at least above :data:`PARALLEL_ROWS`)."""
    # Separate statements: SQLite answers a lone min(rowid)/max(rowid) from the b-tree's ends,
    # but scans the whole table when they share a SELECT with count(*).
    conn = ds.connection(spatialite=False)
    t = quote_ident(layer.table)
    (lo,) = conn.execute(f"SELECT min(rowid) FROM {t}").fetchone()
    (hi,) = conn.execute(f"SELECT max(rowid) FROM {t}").fetchone()
    if lo is None or hi - lo + 1 <= PARALLEL_ROWS:  # the rowid span bounds the row count
        return [None]
    if fast:
        per_row = 17.0
    else:
        g = quote_ident(layer.geometry_column)
        (avg,) = conn.execute(f"SELECT avg(length({g})) FROM (SELECT {g} FROM {t} WHERE {g} IS NOT NULL LIMIT 64)").fetchone()
        per_row = float(avg or 100.0) + 2
    n = max(2, int(np.ceil((hi - lo + 1) * per_row / CHUNK_BYTES)))
    edges = np.linspace(lo, hi + 1, n + 1).astype(np.int64)
    return [(int(a), int(b) - 1) for a, b in zip(edges[:-1], edges[1:]) if b > a]


def _gather_points(results, span: int, origin: tuple[float, float] | None, with_codes: bool) -> FeatureData:
    """Chunks of points (in rowid order, at most ``span`` in all) into one coordinate array."""
    xy = np.empty((span, 2), np.float32 if origin is not None else np.float64)
    codes = np.empty(span, np.uint8) if with_codes else None
    n = 0
    for geoms, c in results:
        k = geoms.count
        xy[n:n + k] = geoms.xy
        if codes is not None:
            codes[n:n + k] = c
        n += k
    if n < 0.9 * span:  # sparse rowids: do not keep the unused tail
        xy, codes = xy[:n].copy(), None if codes is None else codes[:n].copy()
    return FeatureData(point_geometries(xy[:n], origin), None if codes is None else codes[:n])


def concat_geometries(parts: list[Geometries]) -> Geometries:
    """Join decoded chunks (all in the same frame: the same ``origin``), renumbering features."""
    if len(parts) == 1:
        return parts[0]
    origin = parts[0].origin
    if all(p.kind == "point" and p.path_count == p.count == len(p.xy) and p.boxes is None for p in parts):
        return point_geometries(np.concatenate([p.xy for p in parts]), origin)
    xy = np.concatenate([p.xy for p in parts])
    feat_base = np.cumsum([0] + [p.count for p in parts[:-1]])
    vert_base = np.cumsum([0] + [len(p.xy) for p in parts[:-1]])
    offsets = np.concatenate([[0]] + [p.offsets[1:] + vb for p, vb in zip(parts, vert_base)])
    path_feature = np.concatenate([p.path_feature + fb for p, fb in zip(parts, feat_base)])
    exterior = np.concatenate([p.exterior for p in parts])
    boxes = np.concatenate([p.boxes for p in parts]) if all(p.boxes is not None for p in parts) else None
    return Geometries(parts[0].kind, xy, offsets.astype(np.int64), path_feature, exterior, sum(p.count for p in parts),
                      boxes, origin)


__all__ = ["ClassExpr", "FeatureData", "ReadCancelled", "ReadPlan", "plan_read", "read_features", "read_geometries",
           "concat_geometries"]

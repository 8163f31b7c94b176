"""Bulk reads of a :class:`~gisdesk.store.pg_datasource.ServerDataSource`: geometries, labels, features.

The SQLite readers (:mod:`gisdesk.store.reader`, :mod:`~gisdesk.store.label_reader`,
:mod:`~gisdesk.store.features`) hand over to these functions for a server source, so the
renderer, identify and the attribute table need no change.

* **Drawing**: one aggregate query per layer. The viewport goes through the GiST index
  (``geom && ST_MakeEnvelope(…)``); the geometries come back as one ``bytea`` of
  ``ST_AsBinary`` WKB back to back with their lengths (decoded in bulk by
  :func:`gisdesk.store.geoblob.decode_wkb`), points as one ``bytea`` of big-endian
  doubles; the style's class code per feature rides along as one string.
* **Rows the login may read**: row-level security on the server filters every query;
  nothing here restates a rule.
* Feature ids are a table's single integer primary key, else its ``ctid`` packed into an
  int64 (block << 16 | offset): stable while the session reads, not across an update.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

import numpy as np

from gisdesk.store.datasource import LayerInfo, quote_ident
from gisdesk.store.errors import StoreError
from gisdesk.store.geoblob import Geometries, decode_wkb
from gisdesk.store.table_query import SortedRows

_TOKENS = re.compile(r'("(?:[^"]|"")*")|(\'(?:[^\']|\'\')*\')|(\?)|(%)')
_BLOCK = 20_000


def pg_params(sql: str) -> str:
    """SQLite's ``?`` placeholders as psycopg's ``%s`` (a ``%`` anywhere becomes ``%%``; quoted ``?`` stays)."""
    def swap(m: re.Match) -> str:
        if m.group(3):
            return "%s"
        return (m.group(1) or m.group(2) or "%").replace("%", "%%")
    return _TOKENS.sub(swap, sql)


def key_sql(layer: LayerInfo) -> str:
    """SQL for the int64 feature id of ``layer``."""
    if layer.key_column == "ctid":
        return "(((ctid::text::point)[0])::bigint * 65536 + ((ctid::text::point)[1])::bigint)"
    return quote_ident(layer.key_column)


def _id_match(layer: LayerInfo, ids: list[int]) -> tuple[str, list]:
    if layer.key_column == "ctid":
        return "ctid = ANY(%s::tid[])", [[f"({i >> 16},{i & 0xFFFF})" for i in ids]]
    return f"{quote_ident(layer.key_column)} = ANY(%s)", [ids]


def _box(layer: LayerInfo, bbox: tuple[float, float, float, float] | None) -> tuple[list[str], list]:
    g = quote_ident(layer.geometry_column)
    if bbox is None:
        return [f"{g} IS NOT NULL"], []
    return [f"{g} && ST_MakeEnvelope(%s, %s, %s, %s, {int(layer.srid)})"], [float(v) for v in bbox]


def read_features(ds: Any, layer: LayerInfo, bbox: tuple[float, float, float, float] | None = None,
                  cls: Any = None, cancelled: Callable[[], bool] | None = None,
                  on_cancel: Callable[[Callable[[], None]], Callable[[], None]] | None = None,
                  tolerance: float | None = None, origin: tuple[float, float] | None = None) -> Any:
    """:func:`gisdesk.store.reader.read_features` on the server (same result type).

    ``cancelled`` and ``on_cancel`` as there: a cancel sends PostgreSQL a cancel request for the
    running query (:func:`gisdesk.store.pg_cancel.cancellable`), which then raises
    :class:`~gisdesk.store.reader.ReadCancelled`; the connection stays usable. ``tolerance``: lines
    and polygons come simplified by ``ST_Simplify(…, tolerance, true)`` (none collapses away).
    ``origin``: float32 offsets from it (:func:`gisdesk.store.coords.compact`), as the file readers give.
    """
    from gisdesk.store.coords import compact
    from gisdesk.store.pg_cancel import cancellable
    from gisdesk.store.reader import CODE_BASE, FeatureData

    g, t = quote_ident(layer.geometry_column), quote_ident(layer.table)
    where, params = _box(layer, bbox)
    code = pg_params(cls.sql) if cls else "NULL::text"
    code_params = list(cls.params) if cls else []
    points = layer.geometry_type == "POINT"
    if points:
        where.append(f"NOT ST_IsEmpty({g})")
        geom = f"float8send(ST_X({g})) || float8send(ST_Y({g}))"
        sizes = "count(*)::text"
    else:
        shape = f"ST_Force2D({g})"
        if tolerance and layer.geometry_type not in ("POINT", "MULTIPOINT"):
            shape = f"ST_Simplify({shape}, {float(tolerance)!r}, true)"
        geom = f"ST_AsBinary({shape}, 'NDR')"
        sizes = "string_agg(length(w)::text, ',')"
    sql = (f"SELECT string_agg(w, ''::bytea), {sizes}, string_agg(c, '') FROM "
           f"(SELECT {geom} AS w, {code} AS c FROM {t} WHERE {' AND '.join(where)}) s")
    conn = ds.connection()
    with ds.translating_errors(), cancellable(conn, cancelled, on_cancel):
        row = conn.execute(sql, code_params + params, binary=True).fetchone()
    blob = bytes(row[0] or b"")
    codes = np.frombuffer((row[2] or "").encode("latin-1"), np.uint8) - CODE_BASE if cls else None
    if points:
        xy = np.frombuffer(blob, ">f8").reshape(-1, 2).astype(np.float64)
        n = len(xy)
        geoms = Geometries("point", xy, np.arange(n + 1, dtype=np.int64), np.arange(n, dtype=np.int64),
                           np.ones(n, bool), n)
        return FeatureData(compact(geoms, origin), codes)
    lengths = np.array(row[1].split(","), np.int64) if row[1] else np.empty(0, np.int64)
    kind = layer.kind if layer.kind != "geometry" else "polygon"
    return FeatureData(compact(decode_wkb(blob, lengths, kind), origin), codes)


def read_labels(ds: Any, layer: LayerInfo, column: str, filter_text: str,
                bbox: tuple[float, float, float, float] | None, limit: int | None) -> tuple[list[str], Geometries]:
    """:func:`gisdesk.store.label_reader.read_labels` on the server (``column`` already checked)."""
    from gisdesk.core.expression import parse, to_sql

    g, t, q = quote_ident(layer.geometry_column), quote_ident(layer.table), quote_ident(column)
    where, params = _box(layer, bbox)
    where.append(f"{q} IS NOT NULL AND btrim({q}::text) <> ''")
    if filter_text.strip():
        try:
            cond, cond_params = to_sql(parse(filter_text, [c for c, _ in ds.columns(layer)]))
        except ValueError as exc:
            raise StoreError(f"The label filter of '{layer.name}' is not valid: {exc}") from None
        where.append(f"({pg_params(cond)})")
        params += cond_params
    sql = f"SELECT {q}::text, ST_AsBinary(ST_Force2D({g}), 'NDR') FROM {t} WHERE {' AND '.join(where)}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    with ds.translating_errors():
        rows = ds.connection().execute(sql, params, binary=True).fetchall()
    kind = layer.kind if layer.kind != "geometry" else "polygon"
    if not rows:
        return [], Geometries.empty(kind)
    texts = [r[0] for r in rows]
    blobs = [bytes(r[1]) for r in rows]
    lengths = np.fromiter((len(b) for b in blobs), np.int64, len(blobs))
    return texts, decode_wkb(b"".join(blobs), lengths, kind)


# -- features (identify, selection, attribute table) ------------------------------------
def candidate_ids(ds: Any, layer: LayerInfo, bbox: tuple[float, float, float, float]) -> np.ndarray:
    """Ids whose bounding box meets ``bbox`` (through the GiST index)."""
    where, params = _box(layer, bbox)
    with ds.translating_errors():
        rows = ds.connection().execute(
            f"SELECT {key_sql(layer)} FROM {quote_ident(layer.table)} WHERE {' AND '.join(where)}", params).fetchall()
    return np.array([r[0] for r in rows], np.int64)


def geometries(ds: Any, layer: LayerInfo, ids: np.ndarray | list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(ids, shapely geometries) of ``ids`` that have a geometry."""
    import shapely

    ids = [int(i) for i in np.asarray(ids, np.int64)]
    if not ids:
        return np.empty(0, np.int64), np.empty(0, object)
    g = quote_ident(layer.geometry_column)
    out_ids, blobs = [], []
    with ds.translating_errors():
        for start in range(0, len(ids), _BLOCK):
            cond, params = _id_match(layer, ids[start:start + _BLOCK])
            for fid, blob in ds.connection().execute(
                    f"SELECT {key_sql(layer)}, ST_AsBinary({g}, 'NDR') FROM {quote_ident(layer.table)} "
                    f"WHERE {cond} AND {g} IS NOT NULL", params, binary=True):
                out_ids.append(fid)
                blobs.append(bytes(blob))
    return np.array(out_ids, np.int64), shapely.from_wkb(blobs, on_invalid="ignore")


def _plain(value: Any) -> Any:
    """A value as SQLite would give it: uuids, times and decimals as text or float."""
    if value is None or isinstance(value, (int, float, str, bytes)):
        return value
    if isinstance(value, memoryview):
        return bytes(value)
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def attributes(ds: Any, layer: LayerInfo, ids: np.ndarray | list[int]) -> list[dict[str, Any]]:
    """Attribute rows of ``ids`` (no geometry), in the order given."""
    ids = [int(i) for i in ids]
    cols = [c for c, _ in ds.columns(layer)]
    found = _rows(ds, layer, cols, ids)
    return [dict(zip(cols, found[i])) for i in ids if i in found]


def _rows(ds: Any, layer: LayerInfo, cols: list[str], ids: list[int]) -> dict[int, tuple]:
    found: dict[int, tuple] = {}
    if not ids:
        return found
    sel = ", ".join([key_sql(layer)] + [quote_ident(c) for c in cols])
    with ds.translating_errors():
        for start in range(0, len(ids), _BLOCK):
            cond, params = _id_match(layer, ids[start:start + _BLOCK])
            for row in ds.connection().execute(f"SELECT {sel} FROM {quote_ident(layer.table)} WHERE {cond}", params):
                found[int(row[0])] = tuple(_plain(v) for v in row[1:])
    return found


def distinct_values(ds: Any, layer: LayerInfo, column: str, limit: int = 200) -> tuple[list[Any], bool]:
    """Sorted distinct non-NULL values of ``column`` (at most ``limit``) and whether there are more."""
    col = quote_ident(column)
    with ds.translating_errors():
        rows = ds.connection().execute(f"SELECT DISTINCT {col} FROM {quote_ident(layer.table)} WHERE {col} IS NOT NULL "
                                       f"ORDER BY {col} LIMIT %s", (int(limit) + 1,)).fetchall()
    values = [_plain(r[0]) for r in rows]
    return values[:limit], len(values) > limit


def numeric_values(ds: Any, layer: LayerInfo, column: str) -> tuple[np.ndarray, int]:
    """The values of a numeric ``column`` as float64 (and 0), or none and the count of non-NULL values."""
    col, t = quote_ident(column), quote_ident(layer.table)
    types = dict(ds.columns(layer))
    numeric = any(k in types.get(column, "") for k in ("int", "double", "real", "numeric"))
    with ds.translating_errors():
        if numeric:
            vals = [r[0] for r in ds.connection().execute(f"SELECT {col}::float8 FROM {t} WHERE {col} IS NOT NULL")]
            return np.array(vals, np.float64), 0
        (other,) = ds.connection().execute(f"SELECT count({col}) FROM {t}").fetchone()
    return np.empty(0, np.float64), int(other)


class ServerTableQuery(SortedRows):
    """:class:`gisdesk.store.table_query.TableQuery` on the server (same interface)."""

    def __init__(self, ds: Any, layer: LayerInfo) -> None:
        self.ds = ds
        self.layer = layer
        self.columns: list[str] = [name for name, _ in ds.columns(layer)]
        self.filter_text = ""
        self.sort_column: str | None = None
        self.descending = False
        self._where: str | None = None
        self._params: list[object] = []
        self._ids: np.ndarray | None = None

    def interrupt(self) -> None:
        """Cancel a running :meth:`ids` from another thread."""
        conn = getattr(self.ds._local, "conn", None)
        if conn is not None:
            conn.cancel()

    def set_filter(self, text: str) -> None:
        """Filter rows by an expression (:mod:`gisdesk.core.expression`); the server checks it first."""
        from gisdesk.core.expression import ExpressionError, parse, to_sql

        if not text.strip():
            where, params = None, []
        else:
            where, params = to_sql(parse(text, self.columns))
            where = pg_params(where)
            import psycopg

            try:
                self.ds.connection().execute(f"SELECT 1 FROM {quote_ident(self.layer.table)} WHERE {where} LIMIT 0",
                                             params)
            except psycopg.Error as exc:
                raise ExpressionError(f"The server rejected the filter: {str(exc).splitlines()[0]}", 0) from None
        self.filter_text, self._where, self._params = text.strip(), where, list(params)
        self._ids = None

    def ids(self) -> np.ndarray:
        """Feature ids matching the filter, in sort order."""
        if self._ids is None:
            key = key_sql(self.layer)
            sql = f"SELECT {key} AS k FROM {quote_ident(self.layer.table)}"
            if self._where:
                sql += f" WHERE {self._where}"
            if self.sort_column is not None:
                col = quote_ident(self.sort_column)
                sql += f" ORDER BY {col} IS NULL, {col}{' DESC' if self.descending else ''}, {key}"
            else:
                sql += f" ORDER BY {key}"
            with self.ds.translating_errors():  # one row: the ids joined in the subquery's order
                n, text = self.ds.connection().execute(
                    f"SELECT count(*), string_agg(k::text, ',') FROM ({sql}) s",
                    self._params).fetchone()
            self._ids = np.array(text.split(","), np.int64) if n else np.empty(0, np.int64)
        return self._ids

    @property
    def count(self) -> int:
        return int(len(self.ids()))

    @property
    def total(self) -> int:
        return self.ds.feature_count(self.layer)

    def rows(self, ids: Sequence[int] | np.ndarray) -> list[tuple]:
        """Attribute tuples of ``ids`` in the order given (None for an id that is gone)."""
        ids = [int(i) for i in ids]
        found = _rows(self.ds, self.layer, self.columns, ids)
        empty = (None,) * len(self.columns)
        return [found.get(i, empty) for i in ids]

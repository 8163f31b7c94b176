"""The rows behind an attribute table: filter, sort, feature ids in order, rows by the block.

A :class:`TableQuery` keeps one layer's filter (a :mod:`gisdesk.core.expression`
compiled to bound SQL) and sort column. :meth:`TableQuery.ids` answers every
matching feature id in display order with one query, packed by SQLite into one
string that numpy parses (about 0.15 s for 1,000,000 ids); :meth:`TableQuery.rows`
fetches the attributes of a block of ids with one ``WHERE key IN (…)`` query. Every
query keeps only the rows the data source's user may read (the access policy's read
filter on the case layers), so counts, sorting, filtering and paging see nothing else.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np

from gisdesk.core.expression import ExpressionError, SqlDialect, parse, to_sql
from gisdesk.store._collate_sql import rank_text_values
from gisdesk.store.connection import sqlite_module, translate_error
from gisdesk.store.datasource import DataSource, LayerInfo, quote_ident
from gisdesk.store.errors import StoreError
from gisdesk.store.features import key_sql

#: SQL function registered on the connection for ``ilike``: Unicode lower case of NFC text.
FOLD_FUNCTION = "gisdesk_fold"
#: SQL function registered on the connection for ``upper()``: Unicode upper case of NFC text.
UPPER_FUNCTION = "gisdesk_upper"
_STRFTIME = {"year": "%Y", "month": "%m", "day": "%d", "hour": "%H"}
_BLOCK = 10000  # ids per IN (…) list, well under SQLite's variable limit


def _fold(value: Any) -> str | None:
    if value is None or isinstance(value, bytes):
        return None
    return unicodedata.normalize("NFC", str(value)).lower()


def _upper(value: Any) -> str | None:
    if value is None or isinstance(value, bytes):
        return None
    return unicodedata.normalize("NFC", str(value)).upper()


def _glob_pattern(like: str) -> str:
    """A LIKE pattern (``%``, ``_``) as the equivalent case-sensitive GLOB pattern."""
    out = []
    for ch in like:
        if ch == "%":
            out.append("*")
        elif ch == "_":
            out.append("?")
        elif ch in "*?[":
            out.append(f"[{ch}]")
        else:
            out.append(ch)
    return "".join(out)


class SQLiteDialect(SqlDialect):
    """SQLite's take on ``like``/``ilike``, with PostgreSQL's meaning.

    SQLite's own LIKE ignores case for ASCII letters only, so ``like`` becomes a
    case-sensitive ``GLOB`` and ``ilike`` compares Unicode lower case on both sides
    (``Phú%`` finds ``PHÚ HỘI``). The pattern stays a bound parameter.
    """

    def like(self, operand_sql: str, pattern: str, case_insensitive: bool, negated: bool) -> tuple[str, object]:
        neg = "NOT " if negated else ""
        if case_insensitive:
            return f"{FOLD_FUNCTION}({operand_sql}) {neg}LIKE ?", _fold(pattern)
        return f"{operand_sql} {neg}GLOB ?", _glob_pattern(pattern)

    def call(self, name: str, args: list[str]) -> str:
        """SQLite's spelling of the expression functions (its own lower/upper know ASCII only)."""
        if name == "lower":
            return f"{FOLD_FUNCTION}({args[0]})"
        if name == "upper":
            return f"{UPPER_FUNCTION}({args[0]})"
        if name == "length":
            return f"length({args[0]})"
        if name in _STRFTIME:
            return f"CAST(strftime('{_STRFTIME[name]}', {args[0]}) AS INTEGER)"
        if name == "date":
            return f"date({args[0]})"
        if name == "now":
            return "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
        return super().call(name, args)


SQLITE = SQLiteDialect()


class SortedRows:
    """The sort order and the cached ids shared by the file's and the server's table queries
    (``columns``, ``layer``, ``sort_column``, ``descending`` and ``_ids`` are the subclass's)."""

    def set_sort(self, column: str | None, descending: bool = False) -> None:
        """Sort by ``column`` (case-insensitive name; NULLs last either way) or by feature id (None)."""
        if column is not None:
            match = [c for c in self.columns if c.lower() == column.lower()]
            if not match:
                raise KeyError(f"No column '{column}' in layer '{self.layer.name}'")
            column = match[0]
        if (column, bool(descending)) != (self.sort_column, self.descending):
            self.sort_column, self.descending = column, bool(descending)
            self._ids = None

    def refresh(self) -> None:
        """Forget the cached ids (after the layer's rows changed)."""
        self._ids = None
        self.layer._count = None


class TableQuery(SortedRows):
    """One layer's attribute rows under a filter and a sort order.

    Parameters
    ----------
    ds : DataSource
        The open file (queries run on its text connection of the calling thread).
    layer : LayerInfo
        The layer.

    Attributes
    ----------
    columns : list of str
        The attribute columns (no geometry), in table order.
    filter_text : str
        The filter as typed ("" for none).
    sort_column : str or None
        The column rows are sorted by (then by feature id); None keeps feature-id order.
    descending : bool
    """

    def __init__(self, ds: DataSource, layer: LayerInfo) -> None:
        self.ds = ds
        self.layer = layer
        self.columns: list[str] = [name for name, _ in ds.columns(layer)]
        self.filter_text = ""
        self.sort_column: str | None = None
        self.descending = False
        self._where: str | None = None
        self._params: list[object] = []
        self._ids: np.ndarray | None = None
        self._table = quote_ident(layer.table)
        self._key = key_sql(layer)

    # -- state ---------------------------------------------------------------------
    def interrupt(self) -> None:
        """Stop a running :meth:`ids` from another thread; it then raises StoreError ("interrupted")."""
        conn = getattr(self, "_running", None)
        if conn is not None:
            conn.interrupt()

    def _conn(self) -> Any:
        conn = self.ds.connection(text=True)
        conn.create_function(FOLD_FUNCTION, 1, _fold, deterministic=True)
        conn.create_function(UPPER_FUNCTION, 1, _upper, deterministic=True)
        return conn

    def set_filter(self, text: str) -> None:
        """Filter rows by an expression; blank text shows every row.

        Raises
        ------
        ExpressionError
            The expression is malformed or names an unknown field; the previous
            filter stays in force.
        """
        if not text.strip():
            where, params = None, []
        else:
            where, params = to_sql(parse(text, self.columns), SQLITE)
            try:  # let SQLite check the statement before it replaces the old one
                self._conn().execute(f"SELECT 1 FROM {self._table} WHERE {where} LIMIT 0", params).fetchall()
            except sqlite_module().Error as exc:
                err = translate_error(exc, self.ds.path)
                if type(err) is not StoreError:  # locked, damaged …: not the expression's fault
                    raise err from exc
                raise ExpressionError(f"SQLite rejected the filter: {exc}", 0) from exc
        self.filter_text, self._where, self._params = text.strip(), where, list(params)
        self._ids = None

    # -- answers -------------------------------------------------------------------
    def select_sql(self) -> tuple[str, list[object]]:
        """The SQL (and parameters) selecting the ids in display order."""
        sql = f"SELECT {self._key} AS k FROM {self._table}"
        access, params = self.ds.access_where(self.layer)  # the rows the user may read, first
        conds = [c for c in (access, f"({self._where})" if self._where else "") if c]
        if conds:
            sql += " WHERE " + " AND ".join(conds)
        if self.sort_column is not None:
            col = quote_ident(self.sort_column)
            desc = " DESC" if self.descending else ""
            rank = getattr(self, "_rank_sql", None)  # text in the language's order (numbers first, as SQLite)
            ranked = f"{rank}{desc}, " if rank else ""
            sql += f" ORDER BY {col} IS NULL, {ranked}{col}{desc}, {self._key}"
        else:
            sql += f" ORDER BY {self._key}"
        return sql, params + list(self._params)

    def ids(self) -> np.ndarray:
        """Feature ids (int64) matching the filter, in sort order (cached until filter or sort change)."""
        if self._ids is None:
            conn = self._conn()
            self._running = conn
            try:
                with self.ds.translating_errors():
                    self._rank_sql = None if self.sort_column is None else rank_text_values(
                        conn, self._table, quote_ident(self.sort_column))
                    sql, params = self.select_sql()
                    # One query: SQLite joins the ids into one string in the subquery's order.
                    n, text = conn.execute(f"SELECT count(*), group_concat(k) FROM ({sql})", params).fetchone()
                    ids = np.empty(0, np.int64) if not n else np.fromstring(text, np.int64, sep=",")
                    if len(ids) != n:  # keys that are not plain integers
                        ids = np.fromiter((r[0] for r in conn.execute(sql, params)), np.int64)
            finally:
                self._running = None
            self._ids = ids
        return self._ids

    @property
    def count(self) -> int:
        """Rows matching the filter."""
        return int(len(self.ids()))

    @property
    def total(self) -> int:
        """Rows in the layer (that the user may read)."""
        return self.ds.feature_count(self.layer)

    def rows(self, ids: Sequence[int] | np.ndarray) -> list[tuple]:
        """Attribute tuples (in :attr:`columns` order) of ``ids``, in the order given.

        An id that is no longer in the table gives a tuple of None.
        """
        ids = [int(i) for i in ids]
        if not ids:
            return []
        sel = ", ".join([self._key] + [quote_ident(c) for c in self.columns])
        access, params = self.ds.access_where(self.layer)
        access = f" AND {access}" if access else ""
        found: dict[int, tuple] = {}
        conn = self._conn()
        with self.ds.translating_errors():
            for start in range(0, len(ids), _BLOCK):
                chunk = ids[start:start + _BLOCK]
                marks = ",".join("?" * len(chunk))
                for row in conn.execute(f"SELECT {sel} FROM {self._table} WHERE {self._key} IN ({marks}){access}",
                                        chunk + params):
                    found[int(row[0])] = tuple(row[1:])
        empty = (None,) * len(self.columns)
        return [found.get(i, empty) for i in ids]


def table_query(ds: DataSource, layer: LayerInfo) -> TableQuery:
    """A :class:`TableQuery` for ``layer`` of ``ds`` (on the city server, its server counterpart)."""
    if ds.format == "postgis":
        from gisdesk.store.pg_features import ServerTableQuery

        return ServerTableQuery(ds, layer)  # type: ignore[return-value]
    return TableQuery(ds, layer)

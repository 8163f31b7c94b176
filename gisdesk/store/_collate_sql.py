"""Sorting a text column the way its language sorts names, inside SQLite.

SQLite compares text byte by byte, so "Đông Ba" would come after "Zeta". The distinct text
values of the column (usually far fewer than the rows: 40 commune names among 20,000
incidents; above :data:`MAX_VALUES` the column keeps SQLite's order) are ranked in Python by :mod:`gisdesk.core.collation`, written to a
temporary table, and the query orders by the rank, so the per-row work stays in SQLite.
"""

from __future__ import annotations

from typing import Any

from gisdesk.core import collation

RANKS = "temp.gisdesk_collation"
#: Above this many distinct texts the column keeps SQLite's order (ranking them would cost seconds).
MAX_VALUES = 100_000


def rank_text_values(conn: Any, table_sql: str, column_sql: str, language: str | None = None) -> str | None:
    """Rank the text values of ``column_sql`` in ``table_sql``; returns the SQL expression of a row's rank
    (NULL for numbers, blobs and NULLs), or None when the column holds no text or the ranks cannot be written."""
    values = [r[0] for r in conn.execute(f"SELECT DISTINCT {column_sql} FROM {table_sql} "
                                         f"WHERE typeof({column_sql}) = 'text' LIMIT {MAX_VALUES + 1}")]
    if not values or len(values) > MAX_VALUES:
        return None
    ordered = collation.sort_texts(values, language)
    try:
        conn.execute(f"CREATE TABLE IF NOT EXISTS {RANKS} (v TEXT PRIMARY KEY, r INTEGER NOT NULL)")
        conn.execute(f"DELETE FROM {RANKS}")
        conn.executemany(f"INSERT INTO {RANKS} VALUES (?, ?)", ((v, i) for i, v in enumerate(ordered)))
    except Exception:  # a connection that cannot hold a temporary table: SQLite's own order
        return None
    return f"(SELECT r FROM {RANKS} WHERE v = {column_sql})"

"""The access policy's read filter as an SQL condition (values bound, never pasted)."""

from __future__ import annotations

from gisdesk.core.access import RowFilter


def where(f: RowFilter, column_sql: dict[str, str] | None = None) -> tuple[str, list]:
    """``(condition, params)`` for ``f``: ``1`` (every row), ``0`` (none) or ``<column> = ?``.

    ``column_sql`` maps a filter column to the SQL that reads it (``i.commune``, a
    subquery); by default the column name, quoted.
    """
    if f.everything:
        return "1", []
    if f.nothing or not f.column:
        return "0", []
    col = (column_sql or {}).get(f.column) or '"' + f.column.replace('"', '""') + '"'
    return f"{col} = ?", [f.value]

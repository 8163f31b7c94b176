"""Turn the access policy's :class:`~gisdesk.core.access.RowFilter` into an SQL condition (one place)."""

from __future__ import annotations

from gisdesk.core.access import RowFilter


def where(f: RowFilter, column_sql: dict[str, str] | None = None) -> tuple[str, list]:
    """``(condition, params)`` for the rows ``f`` lets through.

    ``column_sql`` maps the filter's column to the SQL expression that holds it
    (e.g. ``{"commune": "i.commune"}``); by default the column name is used as it is.

    Examples
    --------
    >>> where(RowFilter("eq", "commune", "Phú Hội"), {"commune": "i.commune"})
    ('i.commune = ?', ['Phú Hội'])
    >>> where(RowFilter("all"))
    ('1', [])
    """
    if f.mode == "all":
        return "1", []
    if f.mode == "none" or not f.column:
        return "0", []
    return f"{(column_sql or {}).get(f.column, f.column)} = ?", [f.value]

"""Turn the access policy's :class:`~gisdesk.core.access.RowFilter` into an SQL condition (the one place that does).

Values are bound as parameters, never pasted into the SQL.
"""

from __future__ import annotations

from gisdesk.core.access import RowFilter


def where(f: RowFilter, column_sql: dict[str, str] | None = None) -> tuple[str, list]:
    """``(condition, params)`` keeping the rows ``f`` lets through: ``TRUE``, ``FALSE`` or ``<column> = ?``
    (the same text on SQLite and PostgreSQL).

    Parameters
    ----------
    f : RowFilter
        From :func:`gisdesk.core.access.read_filter`.
    column_sql : dict, optional
        How to write the filter's column in this query (``{"commune": "t.commune"}``, or a
        subquery); by default the column name, quoted.

    Examples
    --------
    >>> where(RowFilter("eq", "commune", "Phú Hội"), {"commune": "t.commune"})
    ('t.commune = ?', ['Phú Hội'])
    >>> where(RowFilter("eq", "commune", "Phú Hội"))
    ('"commune" = ?', ['Phú Hội'])
    >>> where(RowFilter("none"))
    ('FALSE', [])
    """
    if f.everything:
        return "TRUE", []
    if f.nothing or not f.column:
        return "FALSE", []
    col = (column_sql or {}).get(f.column) or '"' + f.column.replace('"', '""') + '"'
    return f"{col} = ?", [f.value]

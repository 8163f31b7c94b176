"""Turn an access :class:`~gisdesk.core.access.RowFilter` into an SQL condition (the one place that does)."""

from __future__ import annotations

from gisdesk.core.access import RowFilter


def where(f: RowFilter, column_sql: dict[str, str] | None = None) -> tuple[str, list]:
    """``(condition, params)`` keeping the rows ``f`` lets through.

    Parameters
    ----------
    f : RowFilter
        From :func:`gisdesk.core.access.read_filter`.
    column_sql : dict, optional
        How to write the filter's column in this query (``{"commune": "t.commune"}``);
        by default the column name itself.

    Examples
    --------
    >>> where(RowFilter("eq", "commune", "Phú Hội"), {"commune": "t.commune"})
    ('t.commune = ?', ['Phú Hội'])
    >>> where(RowFilter("none"))
    ('0', [])
    """
    if f.mode == "all":
        return "1", []
    if f.mode == "eq" and f.column:
        return f"{(column_sql or {}).get(f.column, f.column)} = ?", [f.value]
    return "0", []

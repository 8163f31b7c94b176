"""Free SQL over a workspace, reading only the case rows the user may read.

Plugins run their own ``SELECT`` queries (``ctx.workspace.read``). On the connection
they get, each case table of :data:`gisdesk.core.access.CASE_LAYERS` present in the
file is shadowed by a TEMP view of the same name holding only the user's rows
(unqualified names find ``temp`` before ``main``), and an SQLite authorizer refuses
every other read of those tables and of their R*Trees (``main.incidents``, a view of
one's own over them, ``idx_incidents_geom``): the query fails with "not authorized"
instead of leaking rows. The summaries the incident triggers keep (``incident_codes``, one
row per incident, and ``incident_cells``, counts over every commune) are refused to a user
who reads only some incidents: such a reader computes from the incidents view instead. The filter value is bound into a TEMP table, never pasted
into SQL. For a user who reads everything the connection is the plain one.
"""

from __future__ import annotations

from typing import Any

from gisdesk.core.access import CASE_LAYERS
from gisdesk.store.connection import connect, sqlite_module
from gisdesk.store.datasource import DataSource, quote_ident

_VALUE = "temp.gisdesk_reader_value"


def case_connection(ds: DataSource) -> Any:
    """A read connection of ``ds`` (text, this thread) on which free SQL sees only the user's case rows."""
    if ds.user is None or all(ds.table_where(t)[0] == "" for t in CASE_LAYERS):
        return ds.connection(text=True)
    cached = getattr(ds._local, "case_conn", None)
    if cached is not None and cached[0] == ds.filter_key:
        return cached[1]
    if cached is not None:
        cached[1].close()
    conn = connect(ds.path, read_only=True, wal=False, busy_timeout_ms=ds.busy_timeout_ms, temp_objects=True)
    present = {r[0].lower(): r[0] for r in conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type IN ('table', 'view')")}
    conn.execute(f"CREATE TEMP TABLE {_VALUE.split('.')[1]} (tbl TEXT PRIMARY KEY, value)")
    views: list[str] = []
    # incidents first: the shapes' views read the (already filtered) temp incidents view.
    for table in sorted((t for t in CASE_LAYERS if t in present), key=lambda t: t != "incidents"):
        cond, params = ds.table_where(table, source="temp.incidents")
        if params:  # one bound value per table (``table`` is a CASE_LAYERS key, not input)
            conn.execute(f"INSERT INTO {_VALUE} VALUES (?, ?)", (table, params[0]))
            cond = cond.replace("?", f"(SELECT value FROM {_VALUE} WHERE tbl = '{table}')")
        name = quote_ident(present[table])
        if table == "incident_shapes" and {"incident_lines", "incident_areas"} <= present.keys():
            body = ("SELECT incident_uuid, category, geom FROM temp.incident_areas "
                    "UNION ALL SELECT incident_uuid, category, geom FROM temp.incident_lines")
        else:
            body = f"SELECT rowid AS rowid, * FROM main.{name} WHERE {cond}"
        conn.execute(f"CREATE TEMP VIEW {name} AS {body}")
        views.append(table)
    protected = set(views)
    # the summaries the incident triggers keep cover every commune's incidents: not for a user who reads only
    # some incidents (SQLite names no database for a count(*) of a table, hence `db in ("main", None)` there)
    refused = {"incident_codes", "incident_cells"} if "incidents" in views else set()
    prefixes = tuple(f"idx_{t}_" for t in views)
    module = sqlite_module()

    def authorize(action: int, arg1: str | None, _arg2: str | None, db: str | None, inner: str | None) -> int:
        if action == module.SQLITE_READ and arg1 and db in ("main", None) and arg1.lower() in refused:
            return module.SQLITE_DENY
        if action == module.SQLITE_READ and db == "main" and arg1:
            table = arg1.lower()
            if table.startswith(prefixes) or (table in protected and (inner or "").lower() != table):
                return module.SQLITE_DENY
        return module.SQLITE_OK

    conn.set_authorizer(authorize)
    ds._local.case_conn = (ds.filter_key, conn)
    return conn


__all__ = ["case_connection"]

"""The incident columns and side tables of the dashboards, read from the city server (Qt-free).

The server's counterpart of :mod:`dashboards.columns`: ``ctx.workspace.read`` runs PostgreSQL
there, as the signed-in login, so row-level security has already left only the incidents
that login may read. One query returns each column as one text of comma-separated numbers
(``string_agg`` in ``fid`` order, codes computed in SQL); numpy parses each text in one call,
with no Python loop per incident. No cache: the server's rows change under other
workstations, and the window's live updates tell the panel when to read again.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from dashboards.columns import IncidentColumns, Read
from gisdesk.api import CHANNELS, STATUSES

_MINUTE = "floor(extract(epoch FROM {c}) / 60)::bigint"


def _code(column: str, names: Sequence[str]) -> str:
    """The index of ``column`` in ``names`` (the next index, "other", for any other value)."""
    whens = " ".join(f"WHEN '{n.replace(chr(39), chr(39) * 2)}' THEN {i}" for i, n in enumerate(names))
    return f"(CASE {column} {whens} ELSE {len(names)} END)" if names else "0"


def _agg(expr: str, name: str) -> str:
    return f"coalesce(string_agg(({expr})::text, ',' ORDER BY fid), '') AS {name}"


def _numbers(text: str, n: int, dtype: Any) -> np.ndarray:
    """``n`` comma-separated numbers of ``text`` as a numpy array."""
    if n == 0:
        return np.zeros(0, dtype)
    out = np.array(text.split(","), dtype=dtype)
    if len(out) != n:
        raise ValueError(f"expected {n} values from the server, got {len(out)}")
    return out


def _names(read: Read) -> dict[str, Any]:
    communes = read("SELECT fid, name, population FROM communes ORDER BY name")
    rules = read("SELECT category, department FROM routing_rules") if "routing_rules" in tables(read) else []
    return {"categories": tuple(sorted({r["category"] for r in rules})),
            "departments": tuple(sorted({r["department"] for r in rules if r["department"]})),
            "communes": communes}


def load(read: Read) -> IncidentColumns:
    """Every incident the login may read, as :class:`~dashboards.columns.IncidentColumns` (no coordinates:
    :func:`load_xy` reads them when the hotspots are asked for)."""
    names = _names(read)
    cats, deps = names["categories"], names["departments"]
    columns = {"minute": _MINUTE.format(c="coalesce(occurred_at, reported_at)"),
               "resolved": f"coalesce({_MINUTE.format(c='resolved_at')}, -1)",
               "category": _code("category", cats), "status": _code("status", STATUSES),
               "channel": _code("channel", CHANNELS), "department": _code("department", deps),
               "commune_fid": "coalesce(commune_fid, 0)"}
    sql = "SELECT count(*) AS n, " + ", ".join(_agg(expr, name) for name, expr in columns.items()) + " FROM incidents"
    row = read(sql)[0]
    n = int(row["n"])
    raw = {name: _numbers(row[name], n, np.int64) for name in columns}
    communes = names["communes"]
    fids = np.array([c["fid"] for c in communes], dtype=np.int64)
    lookup = np.full(max(int(fids.max(initial=0)), int(raw["commune_fid"].max(initial=0))) + 1, -1, dtype=np.int16)
    lookup[fids] = np.arange(len(fids), dtype=np.int16)  # fid 0: no commune (-1)
    return IncidentColumns(
        minute=raw["minute"], resolved=raw["resolved"],
        category=raw["category"].astype(np.uint8), status=raw["status"].astype(np.uint8),
        channel=raw["channel"].astype(np.uint8), department=raw["department"].astype(np.uint8),
        commune=lookup[raw["commune_fid"]], x=None, y=None,
        categories=(*cats, "other"), statuses=(*STATUSES, "other"), channels=(*CHANNELS, "other"),
        departments=(*deps, "other"), communes=tuple(c["name"] for c in communes),
        population=np.array([c["population"] or 0 for c in communes], dtype=np.float64))


def load_xy(read: Read, n: int) -> tuple[np.ndarray, np.ndarray]:
    """x, y of every readable incident in fid order (NaN without a point); all NaN when the count is not ``n``."""
    row = read("SELECT count(*) AS n, " + _agg("coalesce(ST_X(geom)::text, 'NaN')", "x") + ", "
               + _agg("coalesce(ST_Y(geom)::text, 'NaN')", "y") + " FROM incidents")[0]
    if int(row["n"]) != n:
        return np.full(n, np.nan), np.full(n, np.nan)
    return _numbers(row["x"], n, np.float64), _numbers(row["y"], n, np.float64)


def tables(read: Read) -> set[str]:
    """The tables and views the login can see on the server."""
    return {r["name"] for r in read("SELECT table_name::text AS name FROM information_schema.tables "
                                    "WHERE table_schema = 'public'")}


def gauge_peaks_sql() -> str:
    """Each hotspot's daily peak reading (hotspot fid, epoch minute of the day, level)."""
    return ("SELECT hotspot_fid AS h, floor(extract(epoch FROM left(time::text, 10)::date) / 60)::bigint AS m, "
            "max(level_m) AS v FROM gauge_readings GROUP BY 1, 2")

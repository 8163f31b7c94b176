"""Task KPIs read from the city server (``gisdesk kpi postgresql://…``).

The same figures as :meth:`gisdesk.store.task_reports.ReportsMixin.kpis` on a workspace:
the time columns of the tasks are read in one query and handed to the numpy functions of
:mod:`gisdesk.core.kpi`. The tasks counted are those the connection's login role may read:
row-level security filters them on the server, nothing here restates a rule.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from gisdesk.core import kpi
from gisdesk.core.callbacks import satisfaction
from gisdesk.core.incidents import to_utc


def _codes(values: np.ndarray) -> tuple[np.ndarray, tuple[str, ...]]:
    """Integer codes (-1 for none) and the sorted names of a column of unit names."""
    present = np.not_equal(values, None) & np.not_equal(values, "") if len(values) else np.zeros(0, bool)
    names, inverse = np.unique(values[present].astype(str), return_inverse=True) if present.any() else ([], None)
    codes = np.full(len(values), -1, np.int64)
    if inverse is not None:
        codes[present] = inverse
    return codes, tuple(str(n) for n in names)


def task_times(conn: Any, commune: str | None = None, department: str | None = None,
               category: str | None = None) -> kpi.TaskTimes:
    """The time columns of the readable tasks (optionally one unit and one incident category)."""
    where, params = ["true"], []
    for col, value in (("commune", commune), ("department", department), ("category", category)):
        if value is not None:
            where.append(f"{col} = %s")
            params.append(value)
    cols = ", ".join(f"extract(epoch FROM {c})::float8" for c in ("created_at", "deadline", "done_at", "cancelled_at"))
    rows = conn.execute(f"SELECT {cols}, commune, department FROM tasks WHERE {' AND '.join(where)}",
                        params).fetchall()
    a = np.array(rows, dtype=object).reshape(-1, 6)
    times = [np.array(a[:, i], dtype=float) for i in range(4)]  # None -> nan
    communes, commune_names = _codes(a[:, 4])
    departments, department_names = _codes(a[:, 5])
    return kpi.TaskTimes(*times, communes, departments, commune_names, department_names)


def _satisfaction(conn: Any, start: Any, end: Any, where: list[str], params: list, group: str | None) -> list[tuple]:
    """Each readable task's latest callback in the range, counted by result (and ``group``)."""
    if conn.execute("SELECT to_regclass('public.task_callbacks')").fetchone()[0] is None:
        return []  # callbacks are not on the server yet
    cond, cparams = ["true"], []
    for op, value in ((">=", start), ("<", end)):
        if value is not None:
            cond.append(f"at {op} %s")
            cparams.append(to_utc(value))
    cols = f"{group}, cb.result" if group else "cb.result"
    return conn.execute(
        f"SELECT {cols}, count(*) FROM (SELECT DISTINCT ON (task_uuid) task_uuid, result FROM task_callbacks "
        f"WHERE {' AND '.join(cond)} ORDER BY task_uuid, at DESC) cb JOIN tasks t ON t.uuid::text = cb.task_uuid::text "
        f"WHERE {' AND '.join(where)} GROUP BY {cols}", cparams + params).fetchall()


def server_kpis(conn: Any, start: Any = None, end: Any = None, commune: str | None = None,
                department: str | None = None, category: str | None = None) -> dict[str, Any]:
    """:func:`gisdesk.core.kpi.summary` with ``by_commune``, ``by_department`` and ``satisfaction``,
    as :meth:`~gisdesk.store.task_reports.ReportsMixin.kpis` gives them on a workspace."""
    times = task_times(conn, commune, department, category)
    out = kpi.summary(times, start, end)
    out["by_commune"] = kpi.by_unit(times, "commune", start, end)
    out["by_department"] = kpi.by_unit(times, "department", start, end)
    where, params = ["true"], []
    for col, value in (("commune", commune), ("department", department), ("category", category)):
        if value is not None:
            where.append(f"t.{col} = %s")
            params.append(value)
    out["satisfaction"] = satisfaction(dict(_satisfaction(conn, start, end, where, params, None)))
    for key, unit in (("by_commune", "commune"), ("by_department", "department")):
        per: dict[str, dict[str, int]] = {}
        if out[key]:
            extra = [f"t.{unit} IS NOT NULL"] + (["t.category = %s"] if category is not None else [])
            for name, result, n in _satisfaction(conn, start, end, extra, [category] if category is not None else [],
                                                 f"t.{unit}"):
                per.setdefault(name, {})[result] = n
        for row in out[key]:
            s = satisfaction(per.get(row["unit"], {}))
            row["satisfaction_rate"], row["satisfaction_responses"] = s["rate"], s["responses"]
    return out


__all__ = ["server_kpis", "task_times"]

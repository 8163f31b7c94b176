"""Numbers about tasks: KPIs, the per-commune overview and the history check.

Mixed into :class:`gisdesk.store.tasks_store.TaskStore` (it uses the store's
connection, user and read filters): every figure counts only the rows the access
policy lets the user read (:func:`gisdesk.core.access.read_filter`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from gisdesk.core import access, kpi


class ReportsMixin:
    """``task_times``, ``kpis``, ``overview`` and ``check_consistency`` of
    :class:`~gisdesk.store.tasks_store.TaskStore`."""

    conn: Any
    user: Any
    sql: Any  #: the connection's :class:`~gisdesk.store.dialect.Dialect`
    _scope: Any  #: the store's read filter as SQL: ``_scope(kind, alias) -> (condition, params)``

    def task_times(self, commune: str | None = None, department: str | None = None,
                   category: str | None = None) -> kpi.TaskTimes:
        """The time columns of every task the user may read (optionally one unit and one incident category),
        for :mod:`gisdesk.core.kpi`."""
        scope, params = self._scope("task", "t.")
        where, params = [scope], list(params)
        for col, value in (("commune", commune), ("department", department), ("category", category)):
            if value is not None:
                where.append(f"t.{col} = ?")
                params.append(value)
        names, joins, codes, code_params = {}, [], [], []
        for col in ("commune", "department"):  # small code tables: the big query returns only numbers
            names[col] = tuple(r[0] for r in self.conn.execute(
                f"SELECT DISTINCT {col} FROM tasks WHERE {col} IS NOT NULL ORDER BY {col}"))
            join, code, p = self.sql.codes(self.conn, f"kpi_{col}", f"t.{col}", names[col])
            joins.append(join)
            codes.append(code)
            code_params += p
        times = ", ".join(self.sql.epoch(f"t.{c}") for c in ("created_at", "deadline", "done_at", "cancelled_at"))
        rows = self.conn.execute(f"SELECT {times}, {', '.join(codes)} FROM tasks t{''.join(joins)} "
                                 f"WHERE {' AND '.join(where)}", code_params + params).fetchall()
        a = np.array(rows, dtype=float).reshape(-1, 6)
        return kpi.TaskTimes(a[:, 0], a[:, 1], a[:, 2], a[:, 3], a[:, 4].astype(np.int64), a[:, 5].astype(np.int64),
                             names["commune"], names["department"])

    def kpis(self, start: Any = None, end: Any = None, commune: str | None = None,
             department: str | None = None, category: str | None = None) -> dict[str, Any]:
        """:func:`gisdesk.core.kpi.summary` plus ``by_commune`` and ``by_department`` rows and
        ``satisfaction`` (:meth:`~gisdesk.store.task_callbacks.CallbacksMixin.satisfaction`; each unit row
        gets ``satisfaction_rate`` and ``satisfaction_responses``)
        (optionally only the tasks of one unit and of one incident ``category``)."""
        times = self.task_times(commune, department, category)
        out = kpi.summary(times, start, end)
        out["by_commune"] = kpi.by_unit(times, "commune", start, end)
        out["by_department"] = kpi.by_unit(times, "department", start, end)
        out["satisfaction"] = self.satisfaction(start, end, commune, department, category)  # rate and responses
        for key, unit in (("by_commune", "commune"), ("by_department", "department")):  # for the ranking
            per = self.satisfaction_by_unit(unit, start, end, category) if out[key] else {}
            for row in out[key]:
                s = per.get(row["unit"], {})
                row["satisfaction_rate"], row["satisfaction_responses"] = s.get("rate"), s.get("responses", 0)
        return out

    def overview(self, start: Any = None, end: Any = None) -> list[dict[str, Any]]:
        """Per commune whose tasks the user may read (all 40 for the city): ``commune``, ``open``,
        ``overdue``, ``completed``, ``on_time_rate``, ``open_questions``; communes without tasks get zeros."""
        per = {r["unit"]: r for r in kpi.by_unit(self.task_times(), "commune", start, end)}
        names = [r[0] for r in self.conn.execute("SELECT name FROM communes ORDER BY name")]
        scope, params = self._scope("question")
        questions = dict(self.conn.execute("SELECT commune, count(*) FROM task_questions WHERE status = 'open' "
                                           f"AND {scope} GROUP BY commune", params))
        readable = access.read_filter(self.user, "task")
        return [{"commune": n, "open": per.get(n, {}).get("backlog", 0), "overdue": per.get(n, {}).get("overdue", 0),
                 "completed": per.get(n, {}).get("completed", 0), "on_time_rate": per.get(n, {}).get("on_time_rate"),
                 "open_questions": questions.get(n, 0)}
                for n in names if readable.matches({"commune": n})]

    def check_consistency(self) -> list[str]:
        """Problems where a task disagrees with its history (empty when all agree).

        Each task must have events numbered 1..version, and the last one's ``to_state``
        must be the task's state. Reads every task the user may read.
        """
        scope, params = self._scope("task", "t.")
        rows = self.conn.execute(
            "SELECT t.uuid, t.state, t.version, e.n, e.maxv, (SELECT to_state FROM task_events "
            "WHERE task_uuid = t.uuid AND version = t.version) FROM tasks t LEFT JOIN (SELECT task_uuid, "
            "count(*) AS n, max(version) AS maxv FROM task_events GROUP BY task_uuid) e ON e.task_uuid = t.uuid "
            f"WHERE {scope} AND (e.n IS NULL OR e.n != t.version OR e.maxv != t.version OR "
            + self.sql.differs("(SELECT to_state FROM task_events WHERE task_uuid = t.uuid AND version = t.version)",
                               "t.state") + ")", params).fetchall()
        return [f"task {u}: state {s} version {v}, but its history has {n or 0} events up to version {m} "
                f"ending in {last}" for u, s, v, n, m, last in rows]

"""Task KPIs as pure numpy functions over columns of task times (no SQL, no Qt).

:meth:`gisdesk.store.tasks_store.TaskStore.task_times` loads the columns in one query;
everything here is vectorised, so a million tasks take well under a second.

Definitions, for a range ``[start, end)`` (UTC; ``start`` missing = since the beginning,
``end`` missing = now, this second included). A task is *resolved* at its ``done_at`` (when its assignee
completed it; verification does not move that time; a reopened task is unresolved again).

completed
    Tasks resolved in the range: ``start <= done_at < end``.
on_time_rate
    Completed tasks with ``done_at <= deadline`` / completed tasks that have a deadline.
resolution_rate
    Of the tasks created in the range and not cancelled before ``end``, the share resolved
    before ``end``.
mean_hours_to_resolve, p90_hours_to_resolve
    Mean and 90th percentile (numpy's linear interpolation) of ``done_at - created_at`` in
    hours over the completed tasks.
backlog
    Tasks open at ``end``: created before ``end``, not resolved before ``end`` and not
    cancelled before ``end``.
overdue
    Backlog tasks whose deadline is before ``end``.

A rate or a time over no tasks is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from gisdesk.core.incidents import iso_utc, to_utc, utc_now


@dataclass(frozen=True)
class TaskTimes:
    """Columns of task times in UTC epoch seconds (``nan`` where there is none) and the units.

    ``commune`` and ``department`` are integer codes into ``communes`` / ``departments``
    (the names), ``-1`` for none; integer codes keep grouping a million tasks cheap.
    """

    created: np.ndarray
    deadline: np.ndarray
    done: np.ndarray
    cancelled: np.ndarray
    commune: np.ndarray
    department: np.ndarray
    communes: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()

    @classmethod
    def from_rows(cls, rows: list[tuple]) -> TaskTimes:
        """From ``(created, deadline, done, cancelled, commune, department)`` rows.

        Times are epoch seconds, ISO texts, datetimes or ``None``; units are names or ``None``.
        """
        cols = list(zip(*rows)) if rows else [()] * 6
        times = [np.array([np.nan if v is None else to_utc(v).timestamp() if not isinstance(v, (int, float))
                           else float(v) for v in c], dtype=float) for c in cols[:4]]
        codes, names = [], []
        for c in cols[4:6]:
            known = sorted({u for u in c if u})
            index = {u: i for i, u in enumerate(known)}
            codes.append(np.array([index.get(u, -1) if u else -1 for u in c], dtype=np.int64))
            names.append(tuple(known))
        return cls(*times, *codes, *names)

    def __len__(self) -> int:
        return len(self.created)


def _bounds(start: datetime | str | None, end: datetime | str | None) -> tuple[float, float]:
    lo = -np.inf if start is None else to_utc(start).timestamp()
    hi = to_utc(end).timestamp() if end is not None else utc_now().timestamp() + 1.0  # now, this second included
    if lo >= hi:
        raise ValueError(f"the range is empty: from {iso_utc(to_utc(start))} is not before "
                         f"to {iso_utc(to_utc(end) if end is not None else utc_now())}")
    return lo, hi


def _masks(t: TaskTimes, lo: float, hi: float) -> dict[str, np.ndarray]:
    with np.errstate(invalid="ignore"):
        resolved_before_end = t.done < hi
        completed = (t.done >= lo) & resolved_before_end
        has_deadline = ~np.isnan(t.deadline)
        on_time = completed & has_deadline & (t.done <= t.deadline)
        cancelled_before_end = t.cancelled < hi
        backlog = (t.created < hi) & ~resolved_before_end & ~cancelled_before_end
        overdue = backlog & (t.deadline < hi)
        cohort = (t.created >= lo) & (t.created < hi) & ~cancelled_before_end
    return {"completed": completed, "with_deadline": completed & has_deadline, "on_time": on_time,
            "backlog": backlog, "overdue": overdue, "cohort": cohort, "cohort_resolved": cohort & resolved_before_end}


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


def summary(t: TaskTimes, start: datetime | str | None = None, end: datetime | str | None = None) -> dict[str, Any]:
    """The KPIs of all tasks in ``t`` for ``[start, end)`` (see the module docstring).

    Returns
    -------
    dict
        ``from``, ``to``, ``tasks``, ``completed``, ``completed_on_time``, ``on_time_rate``,
        ``created``, ``resolved_of_created``, ``resolution_rate``, ``mean_hours_to_resolve``,
        ``p90_hours_to_resolve``, ``backlog``, ``overdue``.
    """
    lo, hi = _bounds(start, end)
    m = _masks(t, lo, hi)
    hours = (t.done[m["completed"]] - t.created[m["completed"]]) / 3600.0
    return {
        "from": None if start is None else iso_utc(to_utc(start)),
        "to": iso_utc(to_utc(end) if end is not None else utc_now()),
        "tasks": int(len(t)),
        "completed": int(m["completed"].sum()),
        "completed_on_time": int(m["on_time"].sum()),
        "on_time_rate": _rate(int(m["on_time"].sum()), int(m["with_deadline"].sum())),
        "created": int(m["cohort"].sum()),
        "resolved_of_created": int(m["cohort_resolved"].sum()),
        "resolution_rate": _rate(int(m["cohort_resolved"].sum()), int(m["cohort"].sum())),
        "mean_hours_to_resolve": float(hours.mean()) if len(hours) else None,
        "p90_hours_to_resolve": float(np.percentile(hours, 90)) if len(hours) else None,
        "backlog": int(m["backlog"].sum()),
        "overdue": int(m["overdue"].sum()),
    }


def by_unit(t: TaskTimes, unit: str = "commune", start: datetime | str | None = None,
            end: datetime | str | None = None) -> list[dict[str, Any]]:
    """Backlog, overdue, completed and on-time rate per commune (or ``unit="department"``).

    One row per unit that holds at least one task in ``t``, sorted by name; tasks held
    by no unit of that kind are left out. Each row: ``unit``, ``backlog``, ``overdue``,
    ``completed``, ``completed_on_time``, ``on_time_rate``.
    """
    if unit not in ("commune", "department"):
        raise ValueError(f"unit must be 'commune' or 'department', not {unit!r}")
    codes, names = getattr(t, unit), (t.communes if unit == "commune" else t.departments)
    lo, hi = _bounds(start, end)
    m = _masks(t, lo, hi)
    held = codes >= 0
    counts = {k: np.bincount(codes[held], weights=m[k][held], minlength=len(names)).astype(np.int64)
              for k in ("backlog", "overdue", "completed", "on_time", "with_deadline")}
    present = np.bincount(codes[held], minlength=len(names)) > 0
    rows = []
    for i in np.flatnonzero(present):
        rows.append({"unit": names[i], "backlog": int(counts["backlog"][i]), "overdue": int(counts["overdue"][i]),
                     "completed": int(counts["completed"][i]), "completed_on_time": int(counts["on_time"][i]),
                     "on_time_rate": _rate(int(counts["on_time"][i]), int(counts["with_deadline"][i]))})
    rows.sort(key=lambda r: r["unit"])
    return rows

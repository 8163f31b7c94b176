"""Settling a sync conflict: who owns the disputed value, both versions side by side, what the record becomes.

Qt-free and SQL-free. A conflict (``gisdesk_sync_conflicts``, written when an offline change
lost) keeps the value that stayed (``kept``) and the losing change whole (``lost``). Somebody
settles it later by choosing one of the two ("Keep current" or "Use the other value");
:mod:`gisdesk.store.sync_resolve` writes that choice as an event through the stores.

Who may choose is :func:`gisdesk.core.access.decide` (``edit`` on a ``conflict``) with
``owner`` from :func:`conflict_owner`:

* ``city`` — the case's state and assignment (commune, department, deadline, priority,
  status): the city decides;
* ``assignee`` — evidence and progress (a progress report, a photo, an answer, an
  incident's description or other attributes): the user who made the losing change may
  settle it, and the city may too.

Examples
--------
>>> conflict_owner("task_event", {"action": "report", "data": {"percent": 40}})
'assignee'
>>> conflict_owner("task_event", {"action": "complete", "to_state": "done"})
'city'
>>> conflict_owner("incident_event", {"field": "priority"})
'city'
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from gisdesk.core.incidents import iso_utc, to_utc
from gisdesk.core.tasks import TRANSITIONS, Task

#: The two choices.
CHOICES: tuple[str, ...] = ("kept", "lost")
#: Incident and task fields that belong to the city (assignment and the case's state).
CITY_FIELDS: frozenset[str] = frozenset({"commune", "department", "deadline", "priority", "status", "state",
                                         "category", "severity"})
#: Task fields shown side by side for a task conflict, in this order.
TASK_FIELDS: tuple[str, ...] = ("state", "commune", "department", "deadline", "progress")


def conflict_owner(kind: str, lost: Mapping[str, Any] | None) -> str:
    """``city`` or ``assignee``: whose value a conflict of ``kind`` over the losing change ``lost`` is."""
    lost = lost or {}
    if kind == "task_event":
        return "assignee" if lost.get("action") == "report" else "city"
    if kind in ("task_attachment", "answer"):
        return "assignee"
    if kind.startswith("incident"):
        return "city" if (lost.get("field") or "status") in CITY_FIELDS else "assignee"
    return "city"


def access_record(conflict: Mapping[str, Any]) -> dict[str, Any]:
    """The columns :func:`gisdesk.core.access.decide` judges a conflict on (unit, owner, author)."""
    return {"commune": conflict.get("commune"), "department": conflict.get("department"),
            "owner": conflict_owner(conflict.get("kind") or "", conflict.get("lost")),
            "author": conflict.get("lost_by")}


def _lost_task_values(lost: Mapping[str, Any]) -> dict[str, Any]:
    data = lost.get("data") or {}
    out: dict[str, Any] = {}
    rule = TRANSITIONS.get(lost.get("action") or "")
    if lost.get("to_state") and (rule is None or rule.target is not None):  # a report keeps the state
        out["state"] = lost["to_state"]
    if lost.get("action") in ("assign", "reassign"):
        for key in ("commune", "department", "deadline"):
            if data.get(key):
                out[key] = data[key]
    if data.get("percent") is not None:
        out["progress"] = int(data["percent"])
    return out


def versions(conflict: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """Both versions side by side: ``(field, kept value, losing value)``, the disputed fields first.

    For a task the losing values are what the offline step would have made of the task
    (its resulting state, its assignment or its progress); for an incident the one attribute
    the offline edit changed; otherwise the losing change's text.
    """
    kind = conflict.get("kind") or ""
    kept = conflict.get("kept") if isinstance(conflict.get("kept"), Mapping) else {"value": conflict.get("kept")}
    lost = conflict.get("lost") if isinstance(conflict.get("lost"), Mapping) else {"value": conflict.get("lost")}
    if kind == "task_event":
        theirs = _lost_task_values(lost)
        rows = [(f, kept.get(f), theirs[f]) for f in TASK_FIELDS if f in theirs]
        rows += [(f, kept.get(f), None) for f in TASK_FIELDS if f not in theirs and kept.get(f) is not None]
        return rows + [("action", None, lost.get("action"))]
    if kind.startswith("incident"):
        field = lost.get("field") or next(iter(kept), "value")
        return [(field, kept.get(field), lost.get("to_state"))]
    text = lost.get("body") or lost.get("name") or lost.get("note") or lost.get("action")
    return [(kind or "value", kept.get("status") or kept.get("value"), text)]


def differs(conflict: Mapping[str, Any]) -> bool:
    """Whether the two versions differ in at least one field (identical ones need no choice but may be closed)."""
    return any(k != v and v is not None for _, k, v in versions(conflict) if _ != "action")


def resolved_task(task: Task, lost: Mapping[str, Any], choice: str, who: str, now: datetime) -> Task:
    """The task after ``who`` chose ``kept`` (unchanged values) or ``lost`` (the losing step's values).

    Choosing the losing value is the owner's explicit decision over the concurrent one, so it is
    not judged again by the transition table: the state, the assignment or the progress the offline
    step made becomes the task's (with the state's time stamps). The version moves on in both cases.
    """
    if choice not in CHOICES:
        raise ValueError(f"choose 'kept' or 'lost', not {choice!r}")
    base = dict(version=task.version + 1, updated_at=now, updated_by=who)
    if choice == "kept":
        return task.evolve(**base)
    values = _lost_task_values(lost)
    changes: dict[str, Any] = dict(base)
    state = values.get("state", task.state)
    changes["state"] = state
    for key in ("commune", "department"):
        if key in values:
            changes[key] = values[key]
    if "deadline" in values:
        changes["deadline"] = to_utc(values["deadline"])
    if "progress" in values:
        changes["progress"] = values["progress"]
    if state != task.state:
        changes["cancelled_at"] = now if state == "cancelled" else None
        changes["done_at"] = (task.done_at or now) if state in ("done", "closed") else None
        changes["closed_at"] = now if state == "closed" else None
        if state == "done":
            changes["progress"] = 100
    return task.evolve(**changes)


def event_data(conflict: Mapping[str, Any], choice: str) -> dict[str, Any]:
    """The ``data`` of the ``resolve`` event: which conflict, which choice, the chosen values."""
    chosen = {f: (k if choice == "kept" else v) for f, k, v in versions(conflict) if f != "action"}
    return {"conflict": conflict.get("id"), "choice": choice, "change": conflict.get("change_id"),
            "values": {f: (iso_utc(v) if isinstance(v, datetime) else v) for f, v in chosen.items()}}


__all__ = ["CHOICES", "CITY_FIELDS", "conflict_owner", "access_record", "versions", "differs", "resolved_task",
           "event_data"]

"""Tasks between the city and its communes: the state machine, SLA deadlines and evidence.

Qt-free and SQL-free: :mod:`gisdesk.store.tasks_store` persists what is defined here and
:mod:`gisdesk.core.kpi` measures it.

States and transitions
----------------------
::

    created --assign--> assigned --accept--> accepted --start--> in_progress --complete--> done --verify--> closed
                           |  ^                                    |  ^ report           |  ^
                   return  |  | reassign (from returned, assigned,  |  |                  |  | reopen (from done
                           v  |  accepted, in_progress)             +--+                  +--+  or closed)
                        returned
    cancel: from every state except closed and cancelled.

:data:`TRANSITIONS` says, for each action, the states it starts from, the state it leads
to and who may take it: ``city`` (dispatcher or administrator) or ``assignee`` (an
officer of the commune or department the task is assigned to). Viewers take none.
Whether a user is that actor is decided by :func:`gisdesk.core.access.decide`
(``"change_status"`` on ``"task"``), never here. :func:`plan` checks one transition and returns the changed task plus the event to log,
or raises :class:`InvalidTransition` / :class:`~gisdesk.core.users.PermissionDenied`.

A task is assigned to exactly one unit: a commune (``commune``) or a city department
(``department``). Its deadline comes from :class:`SlaRules` by category and severity
(severity 4 is the most urgent), counted from the assignment.
"""

from __future__ import annotations

import uuid as _uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Mapping

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from gisdesk.core import access
from gisdesk.core.incidents import SEVERITIES, ValidationError, iso_utc, to_utc, utc_now
from gisdesk.core.users import PermissionDenied, User

STATES: tuple[str, ...] = ("created", "assigned", "accepted", "returned", "in_progress", "done", "closed",
                           "cancelled")
#: States in which a task still waits for work (counts in the backlog and can be overdue).
OPEN_STATES: frozenset[str] = frozenset({"created", "assigned", "accepted", "returned", "in_progress"})
#: States that end the work of the assignee.
FINISHED_STATES: frozenset[str] = frozenset({"done", "closed", "cancelled"})


class InvalidTransition(ValidationError):
    """The action cannot be taken from the task's state, or its fields are missing or wrong."""


class ConflictError(Exception):
    """The task changed since the caller read it; nothing was written. The message says who and when."""


@dataclass(frozen=True)
class Transition:
    """One row of the transition table."""

    action: str
    sources: frozenset[str]
    target: str | None  #: ``None``: the state does not change (a progress report)
    actor: str  #: ``city`` or ``assignee``
    needs_reason: bool = False


def _t(action: str, sources: str, target: str | None, actor: str, needs_reason: bool = False) -> Transition:
    return Transition(action, frozenset(sources.split()), target, actor, needs_reason)


TRANSITIONS: dict[str, Transition] = {t.action: t for t in (
    _t("assign", "created", "assigned", "city"),
    _t("reassign", "returned assigned accepted in_progress", "assigned", "city", needs_reason=True),
    _t("accept", "assigned", "accepted", "assignee"),
    _t("return", "assigned accepted", "returned", "assignee", needs_reason=True),
    _t("start", "accepted", "in_progress", "assignee"),
    _t("report", "in_progress", None, "assignee"),
    _t("complete", "in_progress", "done", "assignee"),
    _t("verify", "done", "closed", "city"),
    _t("reopen", "done closed", "in_progress", "city", needs_reason=True),
    _t("cancel", "created assigned accepted returned in_progress done", "cancelled", "city", needs_reason=True),
)}
ACTIONS: tuple[str, ...] = tuple(TRANSITIONS)
#: The states in which a task waits for each actor (the inbox): the city assigns new and
#: returned tasks and verifies done ones; the assignee works on what it holds.
WAITING_FOR: dict[str, frozenset[str]] = {"city": frozenset({"created", "returned", "done"}),
                                          "assignee": frozenset({"assigned", "accepted", "in_progress"})}


@dataclass
class Task:
    """One piece of work the city gives a commune or a department.

    ``area`` is the place the work is about (the incident's geometry for a task made
    from an incident), a shapely geometry in the workspace CRS, or ``None``.
    ``version`` counts the changes; every change must name the version it was based on.
    """

    title: str
    category: str = ""
    severity: int = 2
    description: str = ""
    state: str = "created"
    commune: str | None = None
    department: str | None = None
    incident_uuid: str | None = None
    area: BaseGeometry | None = None
    deadline: datetime | None = None
    progress: int = 0
    escalated: bool = False
    created_at: datetime = field(default_factory=utc_now)
    created_by: str = ""
    assigned_at: datetime | None = None
    done_at: datetime | None = None
    closed_at: datetime | None = None
    cancelled_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by: str = ""
    version: int = 1
    uuid: str = field(default_factory=lambda: str(_uuid.uuid4()))
    case_no: str | None = None  #: the human case number (``HUE-2026-004213``), given when stored

    def __post_init__(self) -> None:
        for name in ("created_at", "deadline", "assigned_at", "done_at", "closed_at", "cancelled_at", "updated_at"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, to_utc(value))

    def check(self) -> None:
        """Raise :class:`ValidationError` naming the first attribute that is wrong."""
        if not isinstance(self.title, str) or not self.title.strip():
            raise ValidationError("a task needs a title")
        if isinstance(self.severity, bool) or self.severity not in SEVERITIES:
            raise ValidationError(f"severity must be 1, 2, 3 or 4, not {self.severity!r}")
        if self.state not in STATES:
            raise ValidationError(f"state must be one of {', '.join(STATES)}, not {self.state!r}")
        if self.commune and self.department:
            raise ValidationError("a task is assigned to a commune or a department, not both")
        if self.area is not None and (not isinstance(self.area, BaseGeometry) or self.area.is_empty):
            raise ValidationError("the task's area must be a non-empty geometry")

    @property
    def is_open(self) -> bool:
        """Whether work on the task is still pending."""
        return self.state in OPEN_STATES

    def is_overdue(self, now: datetime | None = None) -> bool:
        """Open with a deadline that has passed."""
        return self.is_open and self.deadline is not None and self.deadline < to_utc(now or utc_now())

    def evolve(self, **changes: Any) -> Task:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)


@dataclass(frozen=True)
class SlaRules:
    """Hours from assignment to deadline, by severity with per-category overrides.

    ``hours[(category, severity)]`` wins over ``hours[("*", severity)]``.
    """

    hours: Mapping[tuple[str, int], float]

    def hours_for(self, category: str, severity: int) -> float:
        """The allowed hours for a task of ``category`` and ``severity``."""
        for key in ((category, int(severity)), ("*", int(severity))):
            if key in self.hours:
                return float(self.hours[key])
        raise ValidationError(f"no SLA rule for category {category!r}, severity {severity}")

    def deadline(self, category: str, severity: int, start: datetime) -> datetime:
        """``start`` plus the allowed hours."""
        return to_utc(start) + timedelta(hours=self.hours_for(category, severity))


#: Severity 4 within a day, 3 within three days, 2 within a week, 1 within two weeks;
#: disasters and outages faster.
DEFAULT_SLA: dict[tuple[str, int], float] = {
    ("*", 4): 24.0, ("*", 3): 72.0, ("*", 2): 168.0, ("*", 1): 336.0,
    **{(c, s): h for c in ("flooding", "landslide", "forest fire") for s, h in ((4, 4.0), (3, 12.0), (2, 48.0))},
    **{(c, s): h for c in ("power outage", "water leak") for s, h in ((4, 8.0), (3, 24.0))},
}


@dataclass(frozen=True)
class EvidencePolicy:
    """What ``complete`` needs: by default a note and (a photo or a position inside the area).

    ``tolerance_m`` buffers the task's area when checking a position. A task without
    an area cannot check a position, so it then needs a photo.
    """

    require_note: bool = True
    require_photo_or_position: bool = True
    tolerance_m: float = 50.0

    def check(self, task: Task, note: str, photo: str | None, position: tuple[float, float] | None) -> None:
        """Raise :class:`InvalidTransition` saying what evidence is missing."""
        if self.require_note and not (note or "").strip():
            raise InvalidTransition("completing a task needs a note saying what was done")
        if not self.require_photo_or_position or photo:
            return
        if position is None:
            raise InvalidTransition("completing a task needs a photo or a position at the site")
        if task.area is None:
            raise InvalidTransition("this task has no location to check the position against: attach a photo")
        if not task.area.buffer(self.tolerance_m).covers(Point(position)):
            dist = task.area.distance(Point(position))
            raise InvalidTransition(f"the position is {dist:.0f} m from the task's area (at most "
                                    f"{self.tolerance_m:g} m allowed): report from the site or attach a photo")


@dataclass(frozen=True)
class Event:
    """One line of a task's history (``task_events``)."""

    task_uuid: str
    action: str
    from_state: str | None
    to_state: str
    who: str
    at: datetime
    note: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)


def unit_record(task: Task, action: str | None = None) -> dict[str, Any]:
    """The columns of ``task`` the access policy decides on (and the ``actor`` of ``action``)."""
    rec: dict[str, Any] = {"commune": task.commune, "department": task.department}
    rule = TRANSITIONS.get(action) if action else None
    if rule is not None:
        rec["actor"] = rule.actor
    return rec


def decide(user: User, action: str, task: Task) -> access.Decision:
    """The policy's answer for ``user`` taking transition ``action`` on ``task`` (ignoring its state)."""
    if action not in TRANSITIONS:
        return access.Decision(False, f"unknown action {action!r}: use one of {', '.join(ACTIONS)}")
    seen = access.decide(user, "read", "task", unit_record(task))
    if not seen:
        return seen
    return access.decide(user, "change_status", "task", unit_record(task, action))


def may(user: User, action: str, task: Task) -> bool:
    """Whether ``user``'s role and jurisdiction allow ``action`` on ``task`` (ignoring its state)."""
    return decide(user, action, task).allowed


def allowed_actions(user: User, task: Task) -> list[str]:
    """The actions ``user`` may take on ``task`` now, in table order (for buttons)."""
    return [a for a, t in TRANSITIONS.items() if task.state in t.sources and may(user, a, task)]


def plan(task: Task, action: str, user: User, *, now: datetime | None = None, sla: SlaRules | None = None,
         evidence: EvidencePolicy | None = None, photo_ok: bool = True, **fields: Any) -> tuple[Task, Event]:
    """Check ``action`` by ``user`` on ``task`` and return ``(new task, event)``; nothing is stored.

    Parameters
    ----------
    fields
        ``note`` or ``reason`` (text; ``reason`` is required for return, reassign, reopen
        and cancel); for assign/reassign ``commune`` or ``department`` and optionally
        ``deadline`` (default from ``sla``); for report ``percent`` (0-100), ``photo``
        (an attachment id), ``position`` ((x, y) in the workspace CRS); for complete
        the evidence: ``note``, ``photo``, ``position``.
    photo_ok : bool
        Whether ``photo`` names an image attached to this task (the store checks it).

    Raises
    ------
    PermissionDenied
        The role or jurisdiction does not allow the action.
    InvalidTransition
        The state does not allow it, or a field is missing or wrong.
    """
    rule = TRANSITIONS.get(action)
    if rule is None:
        raise InvalidTransition(f"unknown action {action!r}: use one of {', '.join(ACTIONS)}")
    decision = decide(user, action, task)
    if not decision:
        raise PermissionDenied(f"cannot {action} task '{task.title}': {decision.reason}")
    if task.state not in rule.sources:
        raise InvalidTransition(f"cannot {action} a task that is {task.state.replace('_', ' ')} "
                                f"(only from {', '.join(sorted(rule.sources))})")
    unknown = set(fields) - {"note", "reason", "commune", "department", "deadline", "percent", "photo", "position"}
    if unknown:
        raise InvalidTransition(f"{action} does not take {', '.join(sorted(unknown))}")
    now = to_utc(now or utc_now())
    note = (fields.get("reason") or fields.get("note") or "").strip()
    if rule.needs_reason and not note:
        raise InvalidTransition(f"{action} needs a reason")
    data: dict[str, Any] = {}
    changes: dict[str, Any] = {"updated_at": now, "updated_by": user.username, "version": task.version + 1}
    if rule.target is not None:
        changes["state"] = rule.target
    if action in ("assign", "reassign"):
        commune, department = fields.get("commune"), fields.get("department")
        if bool(commune) == bool(department):
            raise InvalidTransition(f"{action} to a commune or to a department (exactly one)")
        deadline = fields.get("deadline")
        if deadline is None:
            deadline = (sla or SlaRules(DEFAULT_SLA)).deadline(task.category or "*", task.severity, now)
        deadline = to_utc(deadline)
        if deadline <= now:
            raise InvalidTransition(f"the deadline {iso_utc(deadline)} is not in the future")
        changes.update(commune=commune or None, department=department or None, deadline=deadline,
                       assigned_at=now, escalated=False, progress=0)
        data.update(commune=commune, department=department, deadline=iso_utc(deadline))
    elif action in ("report", "complete"):
        photo, position = fields.get("photo"), fields.get("position")
        if photo and not photo_ok:
            raise InvalidTransition(f"photo {photo} is not an image attached to this task")
        if position is not None:
            try:
                position = (float(position[0]), float(position[1]))
            except (TypeError, ValueError, IndexError) as exc:
                raise InvalidTransition("position must be (x, y) in the workspace CRS") from exc
        if action == "report":
            percent = fields.get("percent")
            if isinstance(percent, bool) or not isinstance(percent, (int, float)) or not 0 <= percent <= 100:
                raise InvalidTransition(f"percent must be a number from 0 to 100, not {percent!r}")
            if not note and photo is None and position is None and percent == task.progress:
                raise InvalidTransition("a progress report needs a new percent, a note, a photo or a position")
            changes["progress"] = int(round(percent))
            data["percent"] = int(round(percent))
        else:
            (evidence or EvidencePolicy()).check(task, note, photo, position)
            changes.update(progress=100, done_at=now)
        data.update({k: v for k, v in (("photo", photo), ("position", position)) if v is not None})
    elif action == "verify":
        changes["closed_at"] = now
    elif action == "reopen":
        changes.update(done_at=None, closed_at=None)
    elif action == "cancel":
        changes["cancelled_at"] = now
    new = task.evolve(**changes)
    event = Event(task.uuid, action, task.state, new.state, user.username, now, note or None, data)
    return new, event


def overdue(tasks: list[Task], now: datetime | None = None) -> list[Task]:
    """The open tasks whose deadline has passed and which are not yet escalated."""
    now = to_utc(now or utc_now())
    return [t for t in tasks if t.is_overdue(now) and not t.escalated]


def area_from_wkb(wkb: bytes | None) -> BaseGeometry | None:
    """The task area stored as WKB (``None`` stays ``None``)."""
    return shapely.from_wkb(bytes(wkb)) if wkb is not None else None

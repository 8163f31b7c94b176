"""Tasks written for people: state and action names, deadlines, urgency, search (Qt-free).

Everything the inbox and the detail say about a task's state and deadline is built here,
so it can be tested without a window. Each function takes ``tr`` (the caller's translation
function; identity by default) and, where the answer depends on the moment, ``now`` and
``tz`` (the local time zone the user reads dates in).

Examples
--------
>>> from datetime import datetime, timezone
>>> now = datetime(2026, 11, 29, 16, 20, tzinfo=timezone.utc)
>>> due_text(datetime(2026, 11, 30, 4, 20, tzinfo=timezone.utc), now, tz=timezone.utc)
'due 30 Nov 04:20 (in 12 h)'
>>> due_text(datetime(2026, 11, 26, 16, 0, tzinfo=timezone.utc), now, tz=timezone.utc)
'3 days late (due 26 Nov 16:00)'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

Tr = Callable[[str], str]


def _same(text: str) -> str:
    return text


#: States as people say them.
STATE_LABELS: dict[str, str] = {"created": "new", "assigned": "assigned", "accepted": "accepted",
                                "returned": "returned", "in_progress": "in progress", "done": "done, to verify",
                                "closed": "closed", "cancelled": "cancelled"}
#: Button labels of the actions.
ACTION_LABELS: dict[str, str] = {"assign": "Assign…", "reassign": "Reassign…", "accept": "Accept",
                                 "return": "Return…", "start": "Start work", "report": "Report progress…",
                                 "complete": "Complete…", "verify": "Verify and close", "reopen": "Reopen…",
                                 "cancel": "Cancel task…"}
#: What a history line says an action did.
ACTION_PAST: dict[str, str] = {"create": "created the task", "assign": "assigned it", "reassign": "reassigned it",
                               "accept": "accepted", "return": "returned it", "start": "started work",
                               "report": "reported progress", "complete": "completed the work",
                               "verify": "verified and closed it", "reopen": "reopened it",
                               "cancel": "cancelled it", "escalate": "escalated it (overdue)"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Urgency groups of the inbox, most urgent first, with their headings.
URGENCY: tuple[tuple[str, str], ...] = (("overdue", "Overdue"), ("today", "Due today"), ("later", "Later"),
                                        ("none", "No deadline"))
#: The due filter's choices: key -> label.
DUE_FILTERS: tuple[tuple[str, str], ...] = (("", "Any deadline"), ("overdue", "Overdue"), ("today", "Due today"),
                                            ("week", "Due this week"))
OPEN_STATES = frozenset({"created", "assigned", "accepted", "returned", "in_progress"})


def state_label(state: str, tr: Tr = _same) -> str:
    """``in_progress`` -> ``in progress`` (unknown states: underscores as spaces)."""
    return tr(STATE_LABELS.get(state, state.replace("_", " ")))


def action_label(action: str, tr: Tr = _same) -> str:
    """The button label of ``action`` (``Report progress…``)."""
    return tr(ACTION_LABELS.get(action, action.replace("_", " ").capitalize()))


def action_past(action: str, tr: Tr = _same) -> str:
    """What a history line says ``action`` did (``reported progress``)."""
    return tr(ACTION_PAST.get(action, action.replace("_", " ")))


def short_date(value: datetime, tz: tzinfo | None = None, tr: Tr = _same) -> str:
    """``30 Nov 04:20`` in ``tz`` (default: the machine's local time)."""
    local = value.astimezone(tz)
    return f"{local.day} {tr(MONTHS[local.month - 1])} {local:%H:%M}"


def span_text(delta: timedelta, tr: Tr = _same) -> str:
    """A length of time as people say it: ``25 min``, ``12 h``, ``1 day``, ``3 days``.

    Under an hour in minutes, under two days in hours, then in whole days (rounded).
    """
    seconds = abs(delta.total_seconds())
    if seconds < 3600:
        return tr("{n} min").format(n=max(1, round(seconds / 60)))
    if seconds < 48 * 3600:
        return tr("{n} h").format(n=round(seconds / 3600))
    days = round(seconds / 86400)
    return tr("1 day") if days == 1 else tr("{n} days").format(n=days)


def due_text(deadline: datetime | None, now: datetime, *, is_open: bool = True, tz: tzinfo | None = None,
             tr: Tr = _same) -> str:
    """The deadline for people.

    ``due 30 Nov 04:20 (in 12 h)`` before it; ``3 days late (due 26 Nov 16:00)`` after it
    while the task is open; ``due 30 Nov 04:20`` once the work is finished; ``no deadline``.
    """
    if deadline is None:
        return tr("no deadline")
    when = short_date(deadline, tz, tr)
    if not is_open:
        return tr("due {when}").format(when=when)
    left = deadline - now
    if left.total_seconds() < 0:
        return tr("{span} late (due {when})").format(span=span_text(left, tr), when=when)
    return tr("due {when} (in {span})").format(when=when, span=span_text(left, tr))


def due_short(deadline: datetime | None, now: datetime, *, is_open: bool = True, tr: Tr = _same) -> str:
    """For a table cell: ``in 12 h``, ``3 days late``, ``—`` without a deadline (the date is in the tooltip)."""
    if deadline is None:
        return "—"
    left = deadline - now
    if not is_open:
        return tr("finished")
    if left.total_seconds() < 0:
        return tr("{span} late").format(span=span_text(left, tr))
    return tr("in {span}").format(span=span_text(left, tr))


def _day_end(now: datetime, tz: tzinfo | None, days: int = 1) -> datetime:
    local = now.astimezone(tz)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + timedelta(days=days)


def urgency(deadline: datetime | None, now: datetime, *, is_open: bool = True, tz: tzinfo | None = None) -> str:
    """The inbox group: ``overdue`` (open, deadline passed), ``today`` (open, due before local
    midnight), ``none`` (no deadline) or ``later`` (the rest, finished work waiting to be verified included)."""
    if deadline is None:
        return "none"
    if is_open and deadline < now:
        return "overdue"
    if is_open and deadline < _day_end(now, tz):
        return "today"
    return "later"


def due_matches(key: str, deadline: datetime | None, now: datetime, *, is_open: bool = True,
                tz: tzinfo | None = None) -> bool:
    """Whether a task passes the due filter ``key``: ``""`` (any), ``overdue``, ``today`` (open,
    not late, due before local midnight) or ``week`` (open, not late, due before the end of the
    local week, Sunday 24:00)."""
    if not key:
        return True
    if deadline is None or not is_open:
        return False
    if key == "overdue":
        return deadline < now
    if deadline < now:
        return False
    if key == "today":
        return deadline < _day_end(now, tz)
    if key == "week":
        local = now.astimezone(tz)
        return deadline < _day_end(now, tz, days=7 - local.weekday())
    raise ValueError(f"unknown due filter {key!r}")


def fold(text: str) -> str:
    """Lower case without accents (``Phú Hội`` -> ``phu hoi``, ``Đông Ba`` -> ``dong ba``) for searching."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def search_text(task: Any) -> str:
    """What the search box looks in: title, case number (if the task has one), category, commune, department."""
    parts = (task.title, getattr(task, "case_number", None), task.category, task.commune, task.department)
    return fold(" ".join(p for p in parts if p))


def matches(task: Any, query: str) -> bool:
    """Whether every word of ``query`` is found in the task's :func:`search_text` (accents ignored)."""
    hay = search_text(task)
    return all(word in hay for word in fold(query).split())


#: Notification kinds: the heading of a group of them.
GROUP_TEXT: dict[str, str] = {"escalated": "{n} overdue tasks", "assigned": "{n} new tasks",
                              "complete": "{n} tasks completed, to verify", "return": "{n} tasks returned",
                              "reopened": "{n} tasks reopened", "dispatched": "{n} tasks dispatched automatically",
                              "confirm_dispatch": "{n} automatic dispatches to confirm"}


def group_notifications(notes: Iterable[Mapping[str, Any]], tr: Tr = _same) -> list[dict[str, Any]]:
    """Notifications grouped by kind, the newest group first.

    Each group: ``kind``, ``text`` (``21 overdue tasks``; a single notification keeps its own
    message), ``count``, ``ids`` and ``items`` (the notifications, in the given order).
    """
    groups: dict[str, dict[str, Any]] = {}
    for n in notes:
        g = groups.setdefault(n["kind"], {"kind": n["kind"], "items": []})
        g["items"].append(dict(n))
    out = []
    for g in groups.values():
        n = len(g["items"])
        g["count"] = n
        g["ids"] = [i["id"] for i in g["items"]]
        if n == 1:
            g["text"] = g["items"][0]["message"]
        else:
            g["text"] = tr(GROUP_TEXT.get(g["kind"], "{n} notifications ({kind})")).format(n=n, kind=g["kind"])
        out.append(g)
    return out


def now_utc() -> datetime:
    """The current moment (UTC)."""
    return datetime.now(timezone.utc)

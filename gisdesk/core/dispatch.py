"""Automatic dispatch (the Chongqing pattern): rules that turn arriving incidents into assigned tasks.

Qt-free and SQL-free: :mod:`gisdesk.store.dispatch_store` keeps the rules
(``dispatch_rules``) and applies them as incidents are stored.

A :class:`DispatchRule` matches an incident by

* ``source`` -- how it came in: ``camera``, ``sensor``, ``hotline``, ``officer`` or
  ``open311`` (:data:`SOURCE_CHANNEL` maps each to the incident's ``channel``; Open311
  requests arrive on the ``app`` channel); ``None`` matches every source;
* ``category`` -- one incident category, or ``None`` for all;
* ``min_severity`` -- the incident's severity is at least this (1 matches all);
* ``area`` -- the name of the commune the incident lies in, or ``None`` for the whole city.

Rules are tried in priority order (lower ``priority`` first, then lower ``id``); the
first enabled rule that matches decides, and an incident no rule matches waits for the
dispatcher as before. The rule's ``action`` is ``assign`` (a task is created and assigned
at once, with the SLA deadline) or ``confirm`` (the task is created unassigned and the
dispatcher is notified to confirm the proposed unit). An incident marked
``needs_review`` (a low-confidence detection) is never assigned without a person: an
``assign`` rule then acts as ``confirm``.

The routed unit
---------------
The task goes to the unit routing already gave the incident: its **commune** (whose
officers work in the field) unless the rule's ``unit`` is ``department``, which sends it
to the incident's **department** (from the routing rules by category: flooding to the
disaster board, power outages to the power company ...). When the chosen unit is
missing (an incident outside every commune) the other one is used.

Examples
--------
>>> rules = [DispatchRule(1, "camera floods", source="camera", category="flooding", min_severity=2)]
>>> match(rules, {"channel": "camera", "category": "flooding", "severity": 3, "commune": "Phú Hội"}).label
"R1 'camera floods'"
>>> match(rules, {"channel": "hotline", "category": "flooding", "severity": 3, "commune": "Phú Hội"}) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from gisdesk.core.incidents import SEVERITIES, ValidationError
from gisdesk.core.users import User

#: Rule sources and the incident channel each stands for.
SOURCE_CHANNEL: dict[str, str] = {"camera": "camera", "sensor": "sensor", "hotline": "hotline",
                                  "officer": "officer", "open311": "app"}
SOURCES: tuple[str, ...] = tuple(SOURCE_CHANNEL)
#: What a matching rule does.
RULE_ACTIONS: tuple[str, ...] = ("assign", "confirm")
#: Which of the incident's routed units gets the task.
UNITS: tuple[str, ...] = ("commune", "department")
#: Who takes the automatic steps: the system, on behalf of the city (a city role, so the
#: access policy decides its steps like a dispatcher's; it is in no ``users`` table and
#: cannot sign in).
SYSTEM = User("system", "gisdesk dispatch (for the city)", "city_dispatcher")


@dataclass(frozen=True)
class DispatchRule:
    """One editable dispatch rule (see the module docstring for each field)."""

    id: int | None
    name: str
    source: str | None = None
    category: str | None = None
    min_severity: int = 1
    area: str | None = None
    action: str = "assign"
    unit: str = "commune"
    priority: int = 100
    enabled: bool = True

    @property
    def label(self) -> str:
        """``R3 'camera floods'``: how events and notes name the rule."""
        return f"R{self.id if self.id is not None else '?'} '{self.name}'"

    def check(self) -> None:
        """Raise :class:`ValidationError` naming the first field that is wrong."""
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValidationError("a dispatch rule needs a name")
        if self.source is not None and self.source not in SOURCE_CHANNEL:
            raise ValidationError(f"source must be one of {', '.join(SOURCES)} (or any), not {self.source!r}")
        if isinstance(self.min_severity, bool) or self.min_severity not in SEVERITIES:
            raise ValidationError(f"minimum severity must be 1, 2, 3 or 4, not {self.min_severity!r}")
        if self.action not in RULE_ACTIONS:
            raise ValidationError(f"action must be assign or confirm, not {self.action!r}")
        if self.unit not in UNITS:
            raise ValidationError(f"unit must be commune or department, not {self.unit!r}")
        if isinstance(self.priority, bool) or not isinstance(self.priority, int):
            raise ValidationError(f"priority must be a whole number, not {self.priority!r}")

    def evolve(self, **changes: Any) -> DispatchRule:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)


def ordered(rules: Iterable[DispatchRule]) -> list[DispatchRule]:
    """The enabled rules in the order they are tried (priority, then id)."""
    return sorted((r for r in rules if r.enabled), key=lambda r: (r.priority, r.id if r.id is not None else 1 << 62))


def _columns(incidents: Any) -> dict[str, np.ndarray]:
    """``channel``, ``category``, ``severity``, ``commune`` as arrays, from a list of records or of columns."""
    if isinstance(incidents, Mapping):
        cols = incidents
    else:
        rows = list(incidents)
        cols = {k: [r.get(k) if isinstance(r, Mapping) else getattr(r, k, None) for r in rows]
                for k in ("channel", "category", "severity", "commune")}
    out = {k: np.asarray(cols.get(k, ()), dtype=object) for k in ("channel", "category", "commune")}
    out["severity"] = np.asarray(cols.get("severity", ()), dtype=np.int64)
    return out


def first_match(rules: Sequence[DispatchRule], incidents: Any) -> np.ndarray:
    """For each incident, the index in :func:`ordered` ``(rules)`` of the rule that takes it, -1 for none.

    ``incidents`` is a list of records (mappings or objects with ``channel``, ``category``,
    ``severity``, ``commune``) or a mapping of those columns. One pass per rule, vectorised
    over the incidents.
    """
    cols = _columns(incidents)
    n = len(cols["severity"])
    taken = np.full(n, -1, dtype=np.int64)
    for k, rule in enumerate(ordered(rules)):
        ok = taken < 0
        if rule.source is not None:
            ok &= cols["channel"] == SOURCE_CHANNEL[rule.source]
        if rule.category is not None:
            ok &= cols["category"] == rule.category
        ok &= cols["severity"] >= rule.min_severity
        if rule.area is not None:
            ok &= cols["commune"] == rule.area
        taken[ok] = k
    return taken


def match(rules: Sequence[DispatchRule], incident: Any) -> DispatchRule | None:
    """The rule that dispatches ``incident`` (a mapping or an :class:`~gisdesk.core.incidents.Incident`), or None."""
    k = int(first_match(rules, [incident])[0])
    return ordered(rules)[k] if k >= 0 else None


@dataclass(frozen=True)
class DryRun:
    """What one rule would have dispatched: ``count`` incidents, their ``uuids`` (when given)."""

    rule: DispatchRule
    count: int
    uuids: tuple[str, ...] = ()

    def sentence(self, what: str = "the incidents") -> str:
        """``rule R3 'camera floods' would have dispatched 312 of the 1,840 incidents``-style text."""
        return f"rule {self.rule.label} would have dispatched {self.count:,} of {what}"


def dry_run(rules: Sequence[DispatchRule], incidents: Any) -> list[DryRun]:
    """How many of ``incidents`` each enabled rule would dispatch (in the order rules are tried).

    Each incident counts for the first rule that takes it, as when it arrives; nothing is
    written. Records with a ``uuid`` give the dispatched UUIDs too.

    Examples
    --------
    >>> rules = [DispatchRule(1, "severe", min_severity=4), DispatchRule(2, "floods", category="flooding")]
    >>> incs = [{"channel": "app", "category": "flooding", "severity": 4, "commune": "A"},
    ...         {"channel": "app", "category": "flooding", "severity": 2, "commune": "A"}]
    >>> [(r.rule.name, r.count) for r in dry_run(rules, incs)]
    [('severe', 1), ('floods', 1)]
    """
    taken = first_match(rules, incidents)
    uuids = None
    if not isinstance(incidents, Mapping):
        incidents = list(incidents)
        uuids = np.asarray([r.get("uuid") if isinstance(r, Mapping) else getattr(r, "uuid", None)
                            for r in incidents], dtype=object)
    elif "uuid" in incidents:
        uuids = np.asarray(incidents["uuid"], dtype=object)
    out = []
    for k, rule in enumerate(ordered(rules)):
        hit = taken == k
        ids = tuple(str(u) for u in uuids[hit]) if uuids is not None and len(uuids) == len(hit) else ()
        out.append(DryRun(rule, int(hit.sum()), ids))
    return out


def target(rule: DispatchRule, incident: Mapping[str, Any]) -> dict[str, str]:
    """The unit the task goes to: ``{"commune": ...}`` or ``{"department": ...}`` (see "The routed unit").

    Raises
    ------
    ValidationError
        The incident has neither a commune nor a department.
    """
    order = ("department", "commune") if rule.unit == "department" else ("commune", "department")
    for col in order:
        if incident.get(col):
            return {col: incident[col]}
    raise ValidationError("the incident has no commune or department to dispatch to")


def effective_action(rule: DispatchRule, incident: Mapping[str, Any]) -> str:
    """``assign`` or ``confirm``: a rule never assigns an incident that needs review without a person."""
    return "confirm" if incident.get("needs_review") else rule.action

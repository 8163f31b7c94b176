"""The access policy: who may see and do what, decided in one place.

Qt-free and SQL-free. Every store asks :func:`decide` (or :func:`require`) before a
change and applies :func:`read_filter` to every query; panels and plugins ask the same
functions to enable their buttons and never restate a rule. On the city server the same
filters are turned into row-level-security policies.

The rules, as a city runs them
------------------------------
=================== ========== ====================== ======================= ============== ==============
kind                action     viewer                 commune officer         department     dispatcher /
                                                                              officer        administrator
=================== ========== ====================== ======================= ============== ==============
incident, shape,    read       all                    own commune             own department all
attachment          create     no                     anywhere (routed by     anywhere       yes
                                                      location)
                    edit,      no                     own commune (and it     own department yes
                    change_                           stays there)            (and it stays
                    status,                                                   there)
                    delete
                    reroute    no                     no                      no             yes
task                read       all                    own commune             own department all
                    create,    no                     no                      no             yes
                    reroute
                    change_    no                     the transitions whose   same           the city's
                    status                            actor is the assignee,                 transitions
                                                      on own commune's tasks
question            read       all                    own commune's           addressed to   all
                                                                              own department
                    create     no                     own commune             no             no
                    edit       no                     own commune's           addressed to   all
                    (reply)                                                   own department
                    change_    no                     own commune's           no             all
                    status
                    (close)
callback            read       all                    own commune's tasks'    own            all
                                                      callbacks               department's
                    create     no                     no                      no             yes (and they
                                                                                             read reporter
                                                                                             contacts)
notification        read       none                   own commune's           own            the city's
                                                                              department's
layer               read       all                    all                     all            all
                    import     no                     no                      no             yes
                    delete
layer feature       edit       no                     the layers of           the layers of  yes, every
(``edit`` with                                        FEATURE_EDITORS, own    FEATURE_EDITORS layer
``record["layer"]``)                                  commune's features
style               read       all                    all                     all            all
                    restyle    no                     no                      no             yes
routing_rule        read       all                    all                     all            all
                    edit       no                     no                      no             yes
user                read       self                   self                    self           self (admin:
                                                                                             all)
                    administer no                     no                      no             administrator
package             create     no                     no                      no             yes
conflict            read       all                    own commune's           own            all
                                                                              department's
                    edit       no                     those over their own    same           yes
                    (settle)                          evidence or progress
                                                      (owner ``assignee``,
                                                      author themselves)
=================== ========== ====================== ======================= ============== ==============

A callback is the reporter's answer when the city calls back after a case closed. A package is
an offline copy of what one user may read (``gisdesk package create``): the city hands it out. A
conflict is the losing value of a sync (:mod:`gisdesk.core.conflict_resolution` says whose value it
is: ``owner`` ``city`` for a case's state and assignment, ``assignee`` for evidence and progress).

A deactivated account reads nothing and does nothing. A name that is not in the
workspace's ``users`` table acts as a viewer (the stores re-read the role from the
table, never from a setting).

Examples
--------
>>> from gisdesk.core.users import User
>>> officer = User("phu_hoi", "Officer Phú Hội", "commune_officer", commune="Phú Hội")
>>> decide(officer, "edit", "incident", {"commune": "Vĩnh Ninh"}).allowed
False
>>> read_filter(officer, "incident")
RowFilter(mode='eq', column='commune', value='Phú Hội')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from gisdesk.core.users import CITY_ROLES, PermissionDenied, User

#: Every kind of record the policy knows.
KINDS: tuple[str, ...] = ("incident", "incident_shape", "attachment", "task", "question", "notification",
                          "layer", "style", "routing_rule", "user", "callback", "package", "conflict")
#: Every action the policy knows.
ACTIONS: tuple[str, ...] = ("read", "create", "edit", "change_status", "reroute", "delete", "import",
                            "restyle", "administer")
#: Kinds whose rows belong to a commune or a department (read filtered per row).
CASE_KINDS: frozenset[str] = frozenset({"incident", "incident_shape", "attachment", "task", "question",
                                        "notification", "callback", "conflict"})
#: Kinds everybody signed in may read whole (the reference data of the city).
REFERENCE_KINDS: frozenset[str] = frozenset({"layer", "style", "routing_rule"})
#: Map layers (workspace tables) that hold case rows, and the kind each holds.
CASE_LAYERS: Mapping[str, str] = {"incidents": "incident", "incident_lines": "incident_shape",
                                  "incident_areas": "incident_shape", "incident_shapes": "incident_shape"}
#: Reference layers whose features others than the city may add, move, change or delete, by role
#: (``decide(user, "edit", "layer", {"layer": name, "commune": …})``); the city edits every layer.
FEATURE_EDITORS: Mapping[str, frozenset[str]] = {"commune_officer": frozenset({"flood_hotspots"}),
                                                 "department_officer": frozenset({"drains", "pumping_stations"})}


@dataclass(frozen=True)
class Decision:
    """The answer of the policy: ``allowed``, and the reason when it is not."""

    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


@dataclass(frozen=True)
class RowFilter:
    """Which rows of a kind a user may read, in terms a store turns into a query.

    ``mode`` is ``all`` (every row), ``none`` (no row) or ``eq`` (the rows whose
    ``column`` equals ``value``). For an ``incident_shape`` or an ``attachment`` the
    column is the parent incident's (or task's) column.
    """

    mode: str
    column: str | None = None
    value: str | None = None

    @property
    def everything(self) -> bool:
        return self.mode == "all"

    @property
    def nothing(self) -> bool:
        return self.mode == "none"

    def matches(self, record: Mapping[str, Any]) -> bool:
        """Whether one record (a mapping with the filter's column) passes."""
        if self.mode == "all":
            return True
        if self.mode == "none":
            return False
        value = record.get(self.column) if self.column else None
        return value is not None and value == self.value


ALL = RowFilter("all")
NONE = RowFilter("none")

_OK = Decision(True)


def _unit_column(user: User, kind: str) -> tuple[str, str] | None:
    """The (column, value) that ties a row of ``kind`` to the officer's unit."""
    if user.role == "commune_officer" and user.commune:
        return "commune", user.commune
    if user.role == "department_officer" and user.department:
        return ("to_department" if kind == "question" else "department"), user.department
    return None


def read_filter(user: User, kind: str) -> RowFilter:
    """The rows of ``kind`` that ``user`` may read.

    Examples
    --------
    >>> from gisdesk.core.users import User
    >>> read_filter(User("v", "V", "viewer"), "incident").everything
    True
    >>> read_filter(User("v", "V", "viewer"), "notification").nothing
    True
    """
    _check_kind(kind)
    if not user.active:
        return NONE
    if kind in REFERENCE_KINDS:
        return ALL
    if kind == "user":
        return ALL if user.role == "administrator" else RowFilter("eq", "username", user.username)
    if kind == "notification":
        if user.role in CITY_ROLES:
            return RowFilter("eq", "to_role", "city_dispatcher")
        unit = _unit_column(user, kind)
        return RowFilter("eq", *unit) if unit else NONE
    if user.role in CITY_ROLES or user.role == "viewer":
        return ALL
    unit = _unit_column(user, kind)
    return RowFilter("eq", *unit) if unit else NONE


def decide(user: User, action: str, kind: str, record: Mapping[str, Any] | None = None) -> Decision:
    """Whether ``user`` may take ``action`` on a record of ``kind``, and why not.

    Parameters
    ----------
    user : User
        The signed-in user (role and unit as the workspace's ``users`` table says).
    action : str
        One of :data:`ACTIONS`.
    kind : str
        One of :data:`KINDS`.
    record : mapping, optional
        The record's unit columns (``commune``, ``department``, ``to_department``, and for
        a task transition ``actor``: ``city`` or ``assignee``). Without it the answer is
        whether the user may take the action on *some* record of the kind (for menus).
    """
    _check_kind(kind)
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}: use one of {', '.join(ACTIONS)}")
    who = f"{user.username} ({_role_words(user)})"
    if not user.active:
        return Decision(False, f"the account {user.username} is deactivated")
    if action == "read":
        if record is None or read_filter(user, kind).matches(record):
            return _OK if not read_filter(user, kind).nothing else Decision(False, f"{who} cannot read {kind}s")
        return Decision(False, f"{who} cannot see this {_kind_words(kind)}: it belongs to {_owner(record)}")
    if user.role == "viewer":
        return Decision(False, f"{who} may look but not change anything")
    city = user.role in CITY_ROLES
    if kind == "user":
        if action == "administer" and user.role != "administrator":
            return Decision(False, f"only an administrator manages accounts; {who}")
        if action != "administer" and user.role != "administrator":
            return Decision(False, f"only an administrator changes accounts; {who}")
        return _OK
    if kind == "layer" and action == "edit":
        return _decide_feature_edit(user, record, who)
    if kind in REFERENCE_KINDS:
        if city:
            return _OK
        what = {"layer": "add or remove layers of the shared workspace", "style": "save styles for everyone",
                "routing_rule": "change the routing rules"}[kind]
        return Decision(False, f"only the city (dispatcher or administrator) may {what}; {who}")
    if kind == "package":  # an offline copy of one user's cases is handed out by the city
        if action == "create" and city:
            return _OK
        return Decision(False, f"only the city (dispatcher or administrator) hands out offline packages; {who}")
    if kind == "conflict":  # settling a sync conflict: keep the current value or use the losing one
        return _decide_conflict(user, action, record, who)
    if kind == "callback":  # calling the reporter back is the city's step; append-only
        if action == "create" and city:
            return _OK
        return Decision(False, f"only the city (dispatcher or administrator) calls reporters back; {who}")
    if kind == "notification":
        if action == "edit" and (record is None or read_filter(user, kind).matches(record)):
            return _OK  # marking one's own notifications read
        return Decision(False, f"{who} cannot change this notification")
    if action in ("import", "restyle", "administer"):
        return Decision(False, f"{action} does not apply to {_kind_words(kind)}s")
    if kind == "question":
        return _decide_question(user, action, record, who)
    if kind == "task":
        return _decide_task(user, action, record, who)
    # incidents, their shapes and attachments
    if action == "create":
        return _OK
    if city:
        return _OK
    if action == "reroute":
        return Decision(False, f"only the city (dispatcher or administrator) may send a case to another unit; "
                               f"{who}")
    return _own(user, kind, record, who, action)


def require(user: User, action: str, kind: str, record: Mapping[str, Any] | None = None) -> None:
    """Raise :class:`PermissionDenied` with the reason when :func:`decide` says no."""
    decision = decide(user, action, kind, record)
    if not decision.allowed:
        raise PermissionDenied(decision.reason)


def may_read(user: User, kind: str, record: Mapping[str, Any]) -> bool:
    """Whether ``user`` may read this one record of ``kind``."""
    return read_filter(user, kind).matches(record)


def holds(user: User, record: Mapping[str, Any]) -> bool:
    """Whether ``user`` is the officer of the unit a task, incident or question row is assigned to."""
    unit = _unit_column(user, "task")
    return bool(user.active and unit and record.get(unit[0]) is not None and record.get(unit[0]) == unit[1])


def _decide_task(user: User, action: str, record: Mapping[str, Any] | None, who: str) -> Decision:
    city = user.role in CITY_ROLES
    if action in ("create", "reroute", "delete"):
        if city and action != "delete":
            return _OK
        if action == "delete":
            return Decision(False, "tasks are never deleted; the city cancels them")
        return Decision(False, f"only the city (dispatcher or administrator) may {_verb(action)} tasks; {who}")
    if action == "change_status":
        actor = (record or {}).get("actor")
        if actor == "city":
            return _OK if city else Decision(
                False, f"only the city (dispatcher or administrator) may take this step; {who}")
        if record is None:
            return _OK if _unit_column(user, "task") or city else Decision(False, f"{who} works on no tasks")
        if holds(user, record):
            return _OK
        unit = record.get("commune") or record.get("department") or "the assigned unit"
        return Decision(False, f"only the officers of {unit} may take this step; {who}")
    # edit: attachments and reports on the task
    if city:
        return _OK
    return _own(user, "task", record, who, action)


def _decide_conflict(user: User, action: str, record: Mapping[str, Any] | None, who: str) -> Decision:
    if action != "edit":
        return Decision(False, f"a sync conflict is only settled (kept or other value), never {_verb(action)}d; {who}")
    if user.role in CITY_ROLES:
        return _OK
    rec = record or {}
    if record is None:
        return _OK if _unit_column(user, "conflict") else Decision(False, f"{who} settles no conflicts")
    if rec.get("owner") == "assignee":
        if rec.get("author") == user.username and holds(user, rec):
            return _OK
        return Decision(False, f"only the city or {rec.get('author') or 'the officer'} who made the losing change "
                               f"may settle this conflict; {who}")
    return Decision(False, f"only the city (dispatcher or administrator) settles a conflict over a case's state or "
                           f"assignment (commune, deadline, priority); {who}")


def _decide_question(user: User, action: str, record: Mapping[str, Any] | None, who: str) -> Decision:
    city = user.role in CITY_ROLES
    rec = record or {}
    asks = user.role == "commune_officer" and (record is None or rec.get("commune") == user.commune)
    if action == "create":
        return _OK if user.role == "commune_officer" and asks else Decision(
            False, f"only a commune officer asks questions, for their own commune; {who}")
    if action == "edit":  # reply in the thread
        answers = city or (user.role == "department_officer"
                           and (record is None or rec.get("to_department") == user.department))
        if answers or asks:
            return _OK
        return Decision(False, f"{who} is neither the asking commune nor the side that answers")
    if action == "change_status":  # close
        if city or asks:
            return _OK
        return Decision(False, f"only {rec.get('commune') or 'the asking commune'} or the city may close "
                               f"this question; {who}")
    return Decision(False, f"questions cannot be {_verb(action)}d; {who}")


def _decide_feature_edit(user: User, record: Mapping[str, Any] | None, who: str) -> Decision:
    if user.role in CITY_ROLES:
        return _OK
    layers = FEATURE_EDITORS.get(user.role, frozenset())
    layer = (record or {}).get("layer")
    if layer is None and layers:
        return _OK
    if layer is not None and str(layer).lower() in layers:
        if user.role == "commune_officer" and record and "commune" in record and record["commune"] != user.commune:
            return Decision(False, f"{who} may edit only the features of {user.commune} in {layer}; this one "
                                   f"belongs to {record['commune'] or 'no commune'}")
        return _OK
    return Decision(False, f"only the city (dispatcher or administrator) may edit the features of "
                           f"{layer or 'reference layers'}; {who}")


def _own(user: User, kind: str, record: Mapping[str, Any] | None, who: str, action: str) -> Decision:
    unit = _unit_column(user, kind)
    if unit is None:
        return Decision(False, f"{who} cannot {_verb(action)} {_kind_words(kind)}s")
    if record is None or record.get(unit[0]) == unit[1]:
        return _OK
    return Decision(False, f"{who} may {_verb(action)} only the {_kind_words(kind)}s of {unit[1]}; "
                           f"this one belongs to {record.get(unit[0]) or _owner(record)}")


def answers_side(user: User, question: Mapping[str, Any]) -> bool:
    """Whether ``user`` is on the side that must answer ``question`` (the city, or its department)."""
    if not user.active:
        return False
    return user.role in CITY_ROLES or (user.role == "department_officer"
                                       and question.get("to_department") == user.department)


def asks(user: User, question: Mapping[str, Any]) -> bool:
    """Whether ``user`` is an officer of the commune that asked ``question``."""
    return user.active and user.role == "commune_officer" and question.get("commune") == user.commune


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")


def _owner(record: Mapping[str, Any] | None) -> str:
    rec = record or {}
    return rec.get("commune") or rec.get("department") or rec.get("to_department") or "the city"


def _role_words(user: User) -> str:
    role = user.role.replace("_", " ")
    return f"{role} of {user.commune or user.department}" if (user.commune or user.department) else role


def _kind_words(kind: str) -> str:
    return {"incident_shape": "incident shape", "routing_rule": "routing rule"}.get(kind, kind)


def _verb(action: str) -> str:
    return {"change_status": "change the status of", "reroute": "re-route", "edit": "edit", "delete": "delete",
            "create": "create", "import": "import", "restyle": "restyle", "administer": "administer"}.get(
        action, action)

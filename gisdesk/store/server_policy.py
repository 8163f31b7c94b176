"""Row-level security for the city server, generated from the one access policy.

Nothing here restates a rule. For each officer role a *template user* is made whose
commune, department and name are placeholders; :func:`gisdesk.core.access.read_filter`
gives each table's ``USING`` condition and :func:`gisdesk.core.access.decide`, probed on
records that hold the placeholders or another unit's values, gives the ``WITH CHECK``
conditions of INSERT and UPDATE and the ``USING`` of UPDATE and DELETE. Every derived
condition is checked against ``decide`` on all combinations of own/other values before it
is used (:class:`PolicyNotExpressible` otherwise).

On the server the placeholders become look-ups of ``current_user`` in
``gisdesk_officers`` (login role -> role, commune, department, active), a table no officer
can write. No session setting a client could change takes part.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Mapping

from gisdesk.core import access
from gisdesk.core.users import User
from gisdesk.store.schema import APPEND_ONLY_TABLES

#: The group role of each gisdesk role (NOLOGIN; each officer's login role is a member of one).
GROUP_ROLES: Mapping[str, str] = {
    "viewer": "gisdesk_viewer", "commune_officer": "gisdesk_commune_officer",
    "department_officer": "gisdesk_department_officer", "city_dispatcher": "gisdesk_dispatcher",
    "administrator": "gisdesk_admin"}
#: The role that owns every gisdesk table (NOLOGIN; no officer is a member).
OWNER_ROLE = "gisdesk_owner"
#: Login role -> gisdesk role and unit; read by the policies, written only by ``gisdesk users``.
OFFICERS_TABLE = "gisdesk_officers"
COMMANDS = ("SELECT", "INSERT", "UPDATE", "DELETE")

_ME_C, _ME_D, _ME_U, _OTHER = "\x00my-commune", "\x00my-department", "\x00me", "\x00another unit"
_UNIT_COLUMNS = ("commune", "department", "to_department", "to_role", "username")
#: A condition: alternatives (OR) of conjunctions of (column, value) equalities; () alone means "always".
Cond = tuple[tuple[tuple[str, str], ...], ...]
FALSE: Cond = ()
TRUE: Cond = ((),)


class PolicyNotExpressible(RuntimeError):
    """The access policy decides a case in a way these equality conditions cannot express."""


@dataclass(frozen=True)
class Alt:
    """One way to be allowed a command: the policy's ``action`` on the record, plus an SQL ``guard``."""

    action: str
    extra: Mapping[str, str] = field(default_factory=dict)
    guard: str | None = None
    #: The policy's kind for this alternative when it is not the table's (a contact is written by an incident's creator).
    kind: str | None = None


@dataclass(frozen=True)
class TableRule:
    """How a table's rows map onto the policy.

    ``kind`` is the policy's record kind; ``parent`` is ``(table, key, fk)`` when the unit
    columns are the parent row's; ``writes`` gives, per command, the alternatives that allow it;
    ``author`` is the column that must name ``current_user`` on INSERT; ``read_action`` is the
    policy's action that reading a row needs (``read``; ``create`` for the reporter contacts,
    which only those who record callbacks read).
    """

    kind: str
    parent: tuple[str, str, str] | None = None
    writes: Mapping[str, tuple[Alt, ...]] = field(default_factory=dict)
    author: str | None = None
    read_action: str = "read"


_TASK_STEPS = (Alt("edit"), Alt("change_status", {"actor": "city"}), Alt("change_status", {"actor": "assignee"}))
_INC = ("incidents", "uuid", "incident_uuid")
_TASK = ("tasks", "uuid", "task_uuid")
#: A reporter's contact is written by whoever recorded the incident's creation (never changed afterwards).
_CREATOR = ("EXISTS (SELECT 1 FROM incident_events e WHERE e.incident_uuid = incident_contacts.incident_uuid "
            "AND e.action = 'created' AND e.who = current_user::text)")
_CONTACT_WRITE = (Alt("create", kind="incident", guard=_CREATOR),)

#: Every application table and its place in the policy.
TABLE_RULES: Mapping[str, TableRule] = {
    "incidents": TableRule("incident", writes={
        "INSERT": (Alt("create"),), "UPDATE": (Alt("edit"), Alt("change_status"), Alt("reroute")),
        "DELETE": (Alt("delete"),)}),
    "incident_lines": TableRule("incident_shape", _INC, {
        "INSERT": (Alt("create"),), "UPDATE": (Alt("edit"),), "DELETE": (Alt("delete"),)}),
    "incident_areas": TableRule("incident_shape", _INC, {
        "INSERT": (Alt("create"),), "UPDATE": (Alt("edit"),), "DELETE": (Alt("delete"),)}),
    "incident_attachments": TableRule("attachment", _INC, {
        "INSERT": (Alt("create"),), "DELETE": (Alt("delete"),)}, author="added_by"),
    # history: appended by whoever may change the incident (or creates it: the 'created' event)
    "incident_events": TableRule("incident", _INC, {
        "INSERT": (Alt("edit"), Alt("change_status"), Alt("create", guard="incident_events.action = 'created'"))}, author="who"),
    "tasks": TableRule("task", writes={
        "INSERT": (Alt("create"),), "UPDATE": (*_TASK_STEPS, Alt("reroute")), "DELETE": (Alt("delete"),)}),
    "task_events": TableRule("task", _TASK, {"INSERT": (*_TASK_STEPS, Alt("create"))}, author="who"),
    "task_attachments": TableRule("task", _TASK, {"INSERT": (Alt("edit"),), "DELETE": (Alt("delete"),)},
                                  author="added_by"),
    "task_notifications": TableRule("notification", writes={
        "INSERT": (Alt("create"),), "UPDATE": (Alt("edit"),), "DELETE": (Alt("delete"),)}),
    "task_questions": TableRule("question", writes={
        "INSERT": (Alt("create"),), "UPDATE": (Alt("edit"), Alt("change_status")), "DELETE": (Alt("delete"),)},
        author="asked_by"),
    "task_answers": TableRule("question", ("task_questions", "uuid", "question_uuid"),
                              {"INSERT": (Alt("edit"),)}, author="who"),
    "routing_rules": TableRule("routing_rule", writes={c: (Alt("edit"),) for c in ("INSERT", "UPDATE", "DELETE")}),
    # the SLA table is the city's configuration, like the routing rules
    "task_sla": TableRule("routing_rule", writes={c: (Alt("edit"),) for c in ("INSERT", "UPDATE", "DELETE")}),
    "gisdesk_layer_state": TableRule("style", writes={c: (Alt("restyle"),) for c in ("INSERT", "UPDATE", "DELETE")}),
    "users": TableRule("user", writes={c: (Alt("administer"),) for c in ("INSERT", "UPDATE", "DELETE")}),
    # dispatch rules are routing reference data, like the routing rules
    "dispatch_rules": TableRule("routing_rule", writes={c: (Alt("edit"),) for c in ("INSERT", "UPDATE", "DELETE")}),
    # the city records callbacks (append-only); reads follow the task
    "task_callbacks": TableRule("callback", _TASK, {"INSERT": (Alt("create"),)}, author="who"),
    # personal data: read by those who record callbacks; written with the incident by its creator
    "incident_contacts": TableRule("callback", _INC, {"INSERT": _CONTACT_WRITE}, read_action="create"),
    # the workspace's settings (city name, case-number prefix, map CRS): the city's, like its layers
    "gisdesk_meta": TableRule("layer", writes={c: (Alt("import"),) for c in ("INSERT", "UPDATE", "DELETE")}),
}


def template_user(role: str) -> User:
    """A user of ``role`` whose unit and name are placeholders (the policies' ``current_user``)."""
    return User(_ME_U, "template", role, commune=_ME_C, department=_ME_D)


def _own_record(user: User, kind: str, extra: Mapping[str, str]) -> dict[str, str]:
    rec = {"commune": _ME_C, "department": _ME_D, "to_department": _ME_D, "to_role": _OTHER, "username": _ME_U}
    f = access.read_filter(user, kind)
    if f.mode == "eq" and f.column:
        rec[f.column] = f.value
    return {**rec, **extra}


def read_cond(user: User, kind: str) -> Cond:
    """The policy's read filter as a condition."""
    f = access.read_filter(user, kind)
    return TRUE if f.everything else FALSE if f.nothing else (((f.column, f.value),),)


def action_cond(user: User, action: str, kind: str, extra: Mapping[str, str] | None = None) -> Cond:
    """The records on which :func:`access.decide` allows ``action``, as a condition (checked exhaustively)."""
    own = _own_record(user, kind, extra or {})
    if not access.decide(user, action, kind, own):
        cond: Cond = FALSE
        needed: tuple[str, ...] = ()
    else:
        needed = tuple(c for c in _UNIT_COLUMNS if not access.decide(user, action, kind, {**own, c: _OTHER}))
        cond = (tuple((c, own[c]) for c in needed),)
    for n in range(len(_UNIT_COLUMNS) + 1):  # the condition must agree with decide on every own/other mix
        for flipped in itertools.combinations(_UNIT_COLUMNS, n):
            rec = {**own, **{c: _OTHER for c in flipped}}
            expect = bool(access.decide(user, action, kind, rec))
            got = bool(cond) and not set(flipped) & set(needed)
            if expect != got:
                raise PolicyNotExpressible(f"{user.role} {action} {kind}: decide() on {flipped} other is {expect}")
    return cond


def unit_sql(value: str) -> str:
    """SQL for a condition's value: the officer's own unit (looked up for ``current_user``) or a literal."""
    lookup = f"(SELECT o.{{}} FROM {OFFICERS_TABLE} o WHERE o.login = current_user AND o.active)"
    if value == _ME_C:
        return lookup.format("commune")
    if value == _ME_D:
        return lookup.format("department")
    if value == _ME_U:
        return "current_user::text"
    return "'" + value.replace("'", "''") + "'"


def cond_sql(cond: Cond, prefix: str) -> str:
    """A condition as SQL over the columns of ``prefix`` (a table name or alias)."""
    if cond == FALSE:
        return "false"
    if () in cond:
        return "true"
    ors = [" AND ".join(f"{prefix}.{c} = {unit_sql(v)}" for c, v in conj) for conj in cond]
    return " OR ".join(f"({o})" for o in ors) if len(ors) > 1 else ors[0]


def member_sql(role: str) -> str:
    """True when ``current_user`` is an active officer of ``role`` in ``gisdesk_officers``."""
    return (f"EXISTS (SELECT 1 FROM {OFFICERS_TABLE} o WHERE o.login = current_user "
            f"AND o.role = '{role}' AND o.active)")


@dataclass(frozen=True)
class Policy:
    """One generated policy of ``table`` for a group role and a command.

    A command a role may use on no row gets neither a policy nor a grant (so it fails
    with "permission denied" rather than touching zero rows).
    """

    table: str
    role: str
    command: str
    using: str | None
    check: str | None

    @property
    def name(self) -> str:
        return f"gd_{self.role}_{self.command.lower()}"

    def create_sql(self) -> str:
        group = GROUP_ROLES[self.role]
        sql = f'CREATE POLICY {self.name} ON {self.table} AS PERMISSIVE FOR {self.command} TO "{group}"'
        if self.using is not None:
            sql += f" USING ({self.using})"
        if self.check is not None:
            sql += f" WITH CHECK ({self.check})"
        return sql


def _scoped(rule: TableRule, table: str, cond: Cond) -> str:
    """``cond`` over this table's row, or over its parent row through the foreign key."""
    if rule.parent is None or cond == FALSE or () in cond:
        return cond_sql(cond, table)
    ptable, key, fk = rule.parent
    return f"EXISTS (SELECT 1 FROM {ptable} p WHERE p.{key} = {table}.{fk} AND ({cond_sql(cond, 'p')}))"


def _alts_sql(rule: TableRule, table: str, user: User, alts: tuple[Alt, ...]) -> str | None:
    parts = []
    for alt in alts:
        cond = action_cond(user, alt.action, alt.kind or rule.kind, alt.extra)
        if cond == FALSE:
            continue
        body = _scoped(rule, table, cond)
        parts.append(f"({alt.guard}) AND ({body})" if alt.guard else body)
    parts = list(dict.fromkeys(parts))
    if not parts:
        return None
    if "true" in parts:
        return "true"
    return " OR ".join(f"({p})" for p in parts)


def table_policies(table: str) -> list[Policy]:
    """The policies of ``table`` for every group role (commands a role may not use have none)."""
    rule = TABLE_RULES[table]
    out = []
    for role in GROUP_ROLES:
        user = template_user(role)
        me = member_sql(role)
        read = read_cond(user, rule.kind) if rule.read_action == "read" else action_cond(user, rule.read_action,
                                                                                           rule.kind)
        if read != FALSE:
            out.append(Policy(table, role, "SELECT", f"{me} AND ({_scoped(rule, table, read)})", None))
        for command in ("INSERT", "UPDATE", "DELETE"):
            if command != "INSERT" and table in APPEND_ONLY_TABLES:
                continue
            body = _alts_sql(rule, table, user, rule.writes.get(command, ()))
            if body is None:
                continue
            expr = f"{me} AND ({body})"
            if command == "INSERT":
                author = f" AND {table}.{rule.author} = current_user::text" if rule.author else ""
                out.append(Policy(table, role, command, None, expr + author))
            elif command == "UPDATE":
                out.append(Policy(table, role, command, expr, expr))
            else:
                out.append(Policy(table, role, command, expr, None))
    return out


def security_sql(table: str) -> list[str]:
    """Statements that (re)apply RLS, grants and policies to ``table`` (run as its owner; idempotent)."""
    groups = ", ".join(f'"{g}"' for g in GROUP_ROLES.values())
    stmts = [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY", f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
             f"REVOKE ALL ON {table} FROM PUBLIC, {groups}",
             f"CREATE POLICY gd_owner_all ON {table} TO {OWNER_ROLE} USING (true) WITH CHECK (true)"]
    for p in table_policies(table):
        stmts.append(f'GRANT {p.command} ON {table} TO "{GROUP_ROLES[p.role]}"')
        stmts.append(p.create_sql())
    return stmts


def officers_security_sql() -> list[str]:
    """RLS on ``gisdesk_officers``: each officer reads their own row, the administrator all; nobody writes."""
    groups = ", ".join(f'"{g}"' for g in GROUP_ROLES.values())
    t = OFFICERS_TABLE
    stmts = [f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY", f"ALTER TABLE {t} FORCE ROW LEVEL SECURITY",
             f"REVOKE ALL ON {t} FROM PUBLIC, {groups}", f"GRANT SELECT ON {t} TO {groups}",
             f"CREATE POLICY gd_owner_all ON {t} TO {OWNER_ROLE} USING (true) WITH CHECK (true)",
             f"CREATE POLICY gd_self_select ON {t} FOR SELECT TO {groups} USING (login = current_user)"]
    admin = [r for r in GROUP_ROLES if access.decide(template_user(r), "administer", "user")]
    for role in admin:  # no look-up of this table inside its own policy (that would recurse)
        stmts.append(f'CREATE POLICY gd_{role}_select ON {t} FOR SELECT TO "{GROUP_ROLES[role]}" USING (true)')
    return stmts


#: Changes that are their own action in the policy: table -> (columns, when the change is that action, action).
GUARDED_COLUMNS: Mapping[str, tuple[tuple[str, ...], str, str]] = {
    "incidents": (("commune", "department"), "OLD.commune IS DISTINCT FROM NEW.commune OR "
                                             "OLD.department IS DISTINCT FROM NEW.department", "reroute"),
    "tasks": (("commune", "department"), "OLD.commune IS DISTINCT FROM NEW.commune OR "
                                         "OLD.department IS DISTINCT FROM NEW.department", "reroute"),
    # closing (or reopening) a question is not replying to it (a reply sets 'open'/'answered')
    "task_questions": (("status",), "(OLD.status = 'closed') IS DISTINCT FROM (NEW.status = 'closed')",
                       "change_status"),
}


def column_guard_sql(table: str) -> list[str]:
    """A trigger refusing a change of the guarded columns unless the policy allows their action on the old row.

    ``WITH CHECK`` sees only the new row and an UPDATE policy cannot tell which columns
    changed, so a re-route (a new department for an own-commune incident) or the closing
    of a question would pass as an edit; this trigger compares old and new. The table's
    owner (the ``gisdesk server`` commands) passes.
    """
    columns, changed, action = GUARDED_COLUMNS[table]
    kind = TABLE_RULES[table].kind
    branches, denied = [], None
    for role in GROUP_ROLES:
        cond = action_cond(template_user(role), action, kind)
        if cond == FALSE:
            denied = denied or (role if role != "viewer" else None)
            continue
        branches.append(f"({member_sql(role)} AND ({cond_sql(cond, 'OLD')}))")
    reason = access.decide(template_user(denied or "viewer"), action, kind).reason.split(";")[0]
    allowed = " OR ".join(branches) or "false"
    fn = f"gisdesk_guard_{table}"
    quoted = "'" + reason.replace("'", "''") + "'"
    body = (f"BEGIN IF current_user::text <> '{OWNER_ROLE}' AND NOT ({allowed}) THEN "
            f"RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = {quoted}; END IF; "
            f"RETURN NEW; END")
    return [f"CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql SECURITY INVOKER "
            f"SET search_path = public AS $fn$ {body} $fn$",
            f"REVOKE ALL ON FUNCTION {fn}() FROM PUBLIC",
            f"DROP TRIGGER IF EXISTS {fn} ON {table}",
            f"CREATE TRIGGER {fn} BEFORE UPDATE OF {', '.join(columns)} ON {table} FOR EACH ROW "
            f"WHEN ({changed}) EXECUTE FUNCTION {fn}()"]

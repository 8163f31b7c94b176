"""Dispatch rules in a workspace (``dispatch_rules``) and the automatic dispatch of arriving incidents.

``dispatch_rules``
    ``id`` (``R<id>`` in events), ``name``, ``source``, ``category``, ``min_severity``,
    ``area`` (a commune name), ``action`` (``assign``/``confirm``), ``unit``
    (``commune``/``department``), ``priority``, ``enabled``, ``updated_at``, ``updated_by``.
    NULL ``source``/``category``/``area`` match everything. The matching itself is
    :mod:`gisdesk.core.dispatch`.

Dispatch rules are routing reference data: everybody signed in reads them, and the
access policy's ``edit`` on ``routing_rule`` decides who changes them (the city).

:func:`dispatch_new` is called by :meth:`gisdesk.store.incidents_store.IncidentStore.add`
after every committed incident -- typed in a form, ``incidents add``, camera detection
and Open311 imports all pass there. When a rule matches, the system
(:data:`gisdesk.core.dispatch.SYSTEM`, acting for the city) creates the task from the
incident through :class:`~gisdesk.store.tasks_store.TaskStore` (same state machine, same
policy) and, for an ``assign`` rule, assigns it to the routed unit with the SLA deadline.
Every automatic step is an event whose note names the rule (``dispatched by rule R3
'camera floods'``): the task's ``create`` and ``assign`` events and a ``dispatch`` event
on the incident. A ``confirm`` rule leaves the task unassigned and notifies the
dispatcher. A dispatch that fails leaves the incident stored and says why in a
``dispatch_failed`` incident event.
"""

from __future__ import annotations

import os
import uuid as _uuid
from datetime import datetime
from typing import Any, Callable

import numpy as np

from gisdesk.core import access
from gisdesk.core.dispatch import SYSTEM, DispatchRule, DryRun, dry_run, effective_action, match, target
from gisdesk.core.incidents import ValidationError, iso_utc, to_utc, utc_now
from gisdesk.core.tasks import EvidencePolicy, Task
from gisdesk.store._access_sql import where as filter_sql
from gisdesk.store.base import ConnectionStore, migration
from gisdesk.store.tasks_store import TaskStore, ensure_tasks_schema
from gisdesk.store.users_store import resolve_user

_COLUMNS = ("id", "name", "source", "category", "min_severity", "area", "action", "unit", "priority", "enabled")
_SCHEMA = """CREATE TABLE IF NOT EXISTS dispatch_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, source TEXT, category TEXT,
    min_severity INTEGER NOT NULL DEFAULT 1, area TEXT, action TEXT NOT NULL DEFAULT 'assign',
    unit TEXT NOT NULL DEFAULT 'commune', priority INTEGER NOT NULL DEFAULT 100, enabled INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT, updated_by TEXT)"""


def ensure_dispatch_schema(workspace: str | os.PathLike[str] | Any) -> None:
    """Add ``dispatch_rules`` (and the task tables) to a workspace; safe to run again."""
    ensure_tasks_schema(workspace)
    with migration(workspace) as conn:
        conn.execute(_SCHEMA)


def _rule(row: tuple) -> DispatchRule:
    d = dict(zip(_COLUMNS, row))
    d["enabled"] = bool(d["enabled"])
    return DispatchRule(**d)


def read_rules(conn: Any) -> list[DispatchRule]:
    """Every rule of the workspace (enabled or not), in the order they are tried."""
    from gisdesk.store.dialect import dialect_of

    if not dialect_of(conn).has_table(conn, "dispatch_rules"):  # not on the city server yet
        return []
    return [_rule(r) for r in conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM dispatch_rules "
                                           "ORDER BY priority, id")]


class _SystemTasks(TaskStore):
    """The task store of the automatic dispatch: on an open connection, acting as :data:`SYSTEM`."""

    def __init__(self, conn: Any, now: Callable[[], datetime] | None = None) -> None:
        from gisdesk.store.incidents_store import _srid

        from gisdesk.store.dialect import dialect_of

        self.path, self.on_transition, self.conn, self.sql = None, None, conn, dialect_of(conn)
        self.user, self.evidence, self.srid = SYSTEM, EvidencePolicy(), _srid(conn)
        if now is not None:
            self._now = now

    def close(self) -> None:
        """The connection belongs to the caller."""


def dispatch_incident(conn: Any, incident_uuid: str, rules: list[DispatchRule] | None = None,
                      now: Callable[[], datetime] | None = None) -> Task | None:
    """Apply the workspace's dispatch rules to one stored incident; returns the task made, or None.

    Raises what the task store raises (nothing of a failed step is kept).
    """
    rules = read_rules(conn) if rules is None else rules
    if not any(r.enabled for r in rules):
        return None
    cur = conn.execute("SELECT uuid, channel, category, severity, commune, department, needs_review, status "
                       "FROM incidents WHERE uuid = ?", (incident_uuid,))
    row = cur.fetchone()
    if row is None:
        raise KeyError(f"no incident {incident_uuid}")
    inc = dict(zip([d[0] for d in cur.description], row))
    rule = match(rules, inc)
    if rule is None or inc["status"] not in ("new", "assigned", "in_progress"):
        return None
    if conn.execute("SELECT 1 FROM tasks WHERE incident_uuid = ?", (incident_uuid,)).fetchone():
        return None  # a person (or an earlier run) already made its task
    note = f"dispatched by rule {rule.label}"
    tasks = _SystemTasks(conn, now)
    unit = target(rule, inc)
    task = tasks.create_from_incident(incident_uuid, note=note)
    if effective_action(rule, inc) == "assign":
        task = tasks.transition(task.uuid, "assign", task.version, note=note, **unit)
        said = f"{note}: case {task.case_no} assigned to {next(iter(unit.values()))}, due {iso_utc(task.deadline)}"
    else:
        why = " (the incident needs review)" if rule.action == "assign" else ""
        said = f"{note}: case {task.case_no} waits for the dispatcher to confirm {next(iter(unit.values()))}{why}"
        with tasks.transaction():
            tasks._notify("confirm_dispatch", f"rule {rule.label} proposes {next(iter(unit.values()))} for case "
                          f"{task.case_no} '{task.title}'{why}: confirm the assignment", task.uuid,
                          to_role="city_dispatcher")
    _incident_event(conn, incident_uuid, "dispatch", said, tasks._now())
    return task


def _incident_event(conn: Any, incident_uuid: str, action: str, note: str, at: datetime) -> None:
    conn.execute("INSERT INTO incident_events (id, incident_uuid, at, who, action, note, version) "
                 "VALUES (?, ?, ?, ?, ?, ?, (SELECT version FROM incidents WHERE uuid = ?))",
                 (str(_uuid.uuid4()), incident_uuid, iso_utc(at), SYSTEM.username, action, note, incident_uuid))


def dispatch_new(conn: Any, incident_uuid: str, *, as_job: bool = False) -> Task | None:
    """The hook after an incident is committed: dispatch it, and never lose it when that fails.

    A failure is written as a ``dispatch_failed`` event on the incident (the dispatcher
    then handles it by hand) and ``None`` is returned. On the city server the officer's
    session does not dispatch (the system's steps are refused there by row-level security):
    the server's dispatch job does, with the owner's rights (``as_job``,
    :func:`gisdesk.store.server_jobs.dispatch_pending`).
    """
    from gisdesk.store.dialect import dialect_of

    if dialect_of(conn).server and not as_job:
        return None
    rules = read_rules(conn)
    if not any(r.enabled for r in rules):
        return None
    try:
        return dispatch_incident(conn, incident_uuid, rules)
    except Exception as exc:  # the incident is stored whatever happens here
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        _incident_event(conn, incident_uuid, "dispatch_failed", f"automatic dispatch failed: {exc}", utc_now())
        return None


class DispatchStore(ConnectionStore):
    """Read, edit and try out the dispatch rules as one signed-in user.

    Parameters
    ----------
    workspace : path-like or str
        A gisdesk workspace (``dispatch_rules`` is added when missing), or the city server's
        ``postgresql://`` URL (its login role acts; row-level security lets only the city write).
    user : User or str
        Who acts (re-read from the ``users`` table). Changing rules needs the policy's
        ``edit`` on ``routing_rule``; a refusal writes nothing.
    """

    def __init__(self, workspace: str | os.PathLike[str], user: Any) -> None:
        from gisdesk.store.base import open_workspace
        from gisdesk.store.dialect import dialect_of

        self.conn = open_workspace(workspace)  # a file, or the city server's URL (the login role acts)
        try:
            if dialect_of(self.conn).migrates_in_place:  # the server's schema is `gisdesk server init`'s
                ensure_dispatch_schema(self.conn)
            self.user = resolve_user(self.conn, user)
        except BaseException:
            self.conn.close()
            raise

    def rules(self) -> list[DispatchRule]:
        """Every rule, in the order they are tried (disabled ones too)."""
        access.require(self.user, "read", "routing_rule")
        return read_rules(self.conn)

    def save(self, rule: DispatchRule) -> DispatchRule:
        """Add a rule (``id`` None) or change one; returns it as stored (with its id)."""
        access.require(self.user, "edit", "routing_rule")
        rule = rule.evolve(name=(rule.name or "").strip())
        rule.check()
        if rule.area is not None and not self.conn.execute("SELECT 1 FROM communes WHERE name = ?",
                                                           (rule.area,)).fetchone():
            raise ValidationError(f"there is no commune named {rule.area!r}")
        if rule.category is not None and not self.conn.execute(
                "SELECT 1 FROM routing_rules WHERE category = ?", (rule.category,)).fetchone():
            raise ValidationError(f"there is no category {rule.category!r} in the routing rules")
        values = [getattr(rule, c) for c in _COLUMNS[1:]]
        values[-1] = int(values[-1])
        stamp = [iso_utc(utc_now()), self.user.username]
        with self.transaction() as c:
            if rule.id is None:
                cur = c.execute(f"INSERT INTO dispatch_rules ({', '.join(_COLUMNS[1:])}, updated_at, updated_by) "
                                f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))}) RETURNING id",  # both engines
                                values + stamp)
                rule = rule.evolve(id=int(cur.fetchone()[0]))
            elif c.execute(f"UPDATE dispatch_rules SET {', '.join(f'{k} = ?' for k in _COLUMNS[1:])}, updated_at = ?, "
                           "updated_by = ? WHERE id = ?", values + stamp + [rule.id]).rowcount != 1:
                raise KeyError(f"no dispatch rule R{rule.id}")
        return rule

    def delete(self, rule_id: int) -> None:
        """Remove a rule (the tasks it dispatched keep their events naming it)."""
        access.require(self.user, "edit", "routing_rule")
        with self.transaction() as c:
            if c.execute("DELETE FROM dispatch_rules WHERE id = ?", (int(rule_id),)).rowcount != 1:
                raise KeyError(f"no dispatch rule R{rule_id}")

    def dry_run(self, rules: list[DispatchRule] | None = None, start: Any = None,
                end: Any = None) -> tuple[list[DryRun], int]:
        """What ``rules`` (default: the stored ones) would have dispatched of the incidents that
        occurred in ``[start, end)`` and that this user may read; returns the rows and how many incidents were tried.

        Nothing is written (``dispatch rule R3 'camera floods' would have dispatched 312 of 1,840 incidents``).
        """
        rules = self.rules() if rules is None else rules
        scope, params = filter_sql(access.read_filter(self.user, "incident"))
        cond = [scope]
        for op, value in ((">=", start), ("<", end)):
            if value is not None:
                cond.append(f"COALESCE(occurred_at, reported_at) {op} ?")
                params.append(iso_utc(to_utc(value)))
        cur = self.conn.execute("SELECT uuid, channel, category, severity, commune FROM incidents "
                                f"WHERE {' AND '.join(cond)}", params)
        a = np.array(cur.fetchall(), dtype=object).reshape(-1, 5)
        cols = {name: a[:, i] for i, name in enumerate(("uuid", "channel", "category", "severity", "commune"))}
        return dry_run(rules, cols), len(a)

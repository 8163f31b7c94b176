"""Tasks in a gisdesk workspace: schema and the :class:`TaskStore` (jurisdiction, versions, history).

Schema (:func:`ensure_tasks_schema`)
------------------------------------
``tasks``
    One row per task: ``uuid`` (primary key), ``title``, ``description``, ``category``,
    ``severity``, ``state``, ``commune`` / ``department`` (the unit it is assigned to, at
    most one), ``incident_uuid``, ``area`` (WKB in the workspace CRS: the incident's
    geometry, or none), ``deadline``, ``progress`` (0-100), ``escalated`` (0/1),
    ``created_at``/``created_by``, ``assigned_at``, ``done_at``, ``closed_at``,
    ``cancelled_at``, ``updated_at``/``updated_by`` and ``version`` (1 at creation, +1 per change).
``task_events``
    The append-only history (triggers refuse UPDATE and DELETE): ``id`` (UUID),
    ``task_uuid``, ``version`` (the task version this event produced; unique per task),
    ``at``, ``who``, ``action``, ``from_state``, ``to_state``, ``note``, ``data`` (JSON:
    assignee, deadline, percent, photo, position). Every change of a task writes exactly
    one event in the same transaction, so the task's ``state`` and ``version`` equal the
    last event's ``to_state`` and ``version`` (:meth:`TaskStore.check_consistency`).
``task_attachments``
    Photos and files of a task (checked by their bytes like incident attachments).
``task_sla``
    ``(category, severity) -> hours``; category ``*`` is the default per severity.
``task_notifications``
    Messages for a role or unit (escalations for the city dispatcher, new assignments
    for a commune or department): ``to_role``, ``commune``, ``department``, ``task_uuid``,
    ``kind``, ``message``, ``read_at``.
``task_questions`` / ``task_answers``
    Two-level interaction (:mod:`gisdesk.store.task_questions`: ``ask``, ``answer``,
    ``questions``): a question from a commune to the city (``to_department``
    NULL) or a department, tied to a task, an incident or a position; the answers are an
    append-only thread.

Every timestamp is UTC ISO 8601; every key is a UUID. Changes run in ``BEGIN IMMEDIATE``
transactions, so two processes changing one task are serialised and the second one
finds a newer version (:class:`~gisdesk.core.tasks.ConflictError`).
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid as _uuid
from datetime import datetime
from typing import Any, Callable

import shapely

from gisdesk.core import access
from gisdesk.core.incidents import ValidationError, iso_utc, to_utc, utc_now
from gisdesk.core.tasks import (
    DEFAULT_SLA,
    OPEN_STATES,
    WAITING_FOR,
    ConflictError,
    EvidencePolicy,
    Event,
    SlaRules,
    Task,
    area_from_wkb,
    plan,
    unit_record,
)
from gisdesk.core.dispatch import SYSTEM
from gisdesk.core.users import PermissionDenied, User
from gisdesk.store._access_sql import where as filter_sql
from gisdesk.store.base import ConnectionStore, migration, open_workspace
from gisdesk.store.task_callbacks import CallbacksMixin, ensure_callbacks_schema
from gisdesk.store.case_numbers import ensure_case_numbers, looks_like_case_number, next_case_number
from gisdesk.store.connection import connect
from gisdesk.store.dialect import dialect_of
from gisdesk.store.incidents_store import attachment_type
from gisdesk.store.task_questions import QuestionsMixin
from gisdesk.store.task_reports import ReportsMixin
from gisdesk.store.users_store import ensure_users_schema, resolve_user

_TASK_COLUMNS = ("uuid", "title", "description", "category", "severity", "state", "commune", "department",
                 "incident_uuid", "area", "deadline", "progress", "escalated", "created_at", "created_by",
                 "assigned_at", "done_at", "closed_at", "cancelled_at", "updated_at", "updated_by", "version",
                 "case_no")
_SELECT = f"SELECT {', '.join(_TASK_COLUMNS)} FROM tasks"
#: A notification: ``(id, at, to_role, commune, department, task_uuid, kind, message)``, unread.
_NOTIFY_SQL = ("INSERT INTO task_notifications (id, at, to_role, commune, department, task_uuid, kind, message) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_OPEN_SQL = "(" + ", ".join(f"'{s}'" for s in sorted(OPEN_STATES)) + ")"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS tasks (
    uuid TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT, category TEXT, severity INTEGER NOT NULL,
    state TEXT NOT NULL, commune TEXT, department TEXT, incident_uuid TEXT, area BLOB, deadline TEXT,
    progress INTEGER NOT NULL DEFAULT 0, escalated INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL,
    created_by TEXT NOT NULL, assigned_at TEXT, done_at TEXT, closed_at TEXT, cancelled_at TEXT,
    updated_at TEXT, updated_by TEXT, version INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS idx_tasks_commune ON tasks (commune, state);
CREATE INDEX IF NOT EXISTS idx_tasks_department ON tasks (department, state);
CREATE INDEX IF NOT EXISTS idx_tasks_deadline ON tasks (state, deadline);
CREATE INDEX IF NOT EXISTS idx_tasks_incident ON tasks (incident_uuid);
CREATE TABLE IF NOT EXISTS task_events (
    id TEXT PRIMARY KEY, task_uuid TEXT NOT NULL, version INTEGER NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL,
    action TEXT NOT NULL, from_state TEXT, to_state TEXT NOT NULL, note TEXT, data TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS idx_task_events_task ON task_events (task_uuid, version);
CREATE TABLE IF NOT EXISTS task_attachments (
    id TEXT PRIMARY KEY, task_uuid TEXT NOT NULL, name TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL,
    sha256 TEXT NOT NULL, data BLOB NOT NULL, added_at TEXT NOT NULL, added_by TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS idx_task_attachments_task ON task_attachments (task_uuid);
CREATE TABLE IF NOT EXISTS task_sla (category TEXT NOT NULL, severity INTEGER NOT NULL, hours REAL NOT NULL,
    PRIMARY KEY (category, severity));
CREATE TABLE IF NOT EXISTS task_notifications (
    id TEXT PRIMARY KEY, at TEXT NOT NULL, to_role TEXT, commune TEXT, department TEXT, task_uuid TEXT,
    kind TEXT NOT NULL, message TEXT NOT NULL, read_at TEXT, read_by TEXT);
CREATE TABLE IF NOT EXISTS task_questions (
    uuid TEXT PRIMARY KEY, asked_at TEXT NOT NULL, asked_by TEXT NOT NULL, commune TEXT NOT NULL,
    to_department TEXT, task_uuid TEXT, incident_uuid TEXT, x REAL, y REAL, subject TEXT NOT NULL,
    body TEXT NOT NULL, status TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS idx_task_questions_commune ON task_questions (commune, status);
CREATE TABLE IF NOT EXISTS task_answers (
    id TEXT PRIMARY KEY, question_uuid TEXT NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS idx_task_answers_q ON task_answers (question_uuid, at);
""" + "".join(f"""
CREATE TRIGGER IF NOT EXISTS {t}_no_{op.lower()} BEFORE {op} ON {t} BEGIN
    SELECT RAISE(ABORT, '{t} is append-only'); END;""" for t in ("task_events", "task_answers")
                for op in ("UPDATE", "DELETE"))


def ensure_tasks_schema(workspace: str | os.PathLike[str] | Any) -> None:
    """Add the task, question and user tables to a workspace; safe to run again."""
    with migration(workspace, workspace_only=True) as conn:
        for statement in _SCHEMA.split(";\n"):
            if statement.strip():
                conn.execute(statement)
        conn.executemany("INSERT OR IGNORE INTO task_sla VALUES (?, ?, ?)",
                         [(c, s, h) for (c, s), h in DEFAULT_SLA.items()])
        ensure_case_numbers(conn)
        ensure_callbacks_schema(conn)
        ensure_users_schema(conn)


def _iso(value: datetime | None) -> str | None:
    return iso_utc(value) if value is not None else None


def _task(row: tuple) -> Task:
    d = dict(zip(_TASK_COLUMNS, row))
    d["area"] = area_from_wkb(d["area"])
    d["escalated"] = bool(d["escalated"])
    d["description"] = d["description"] or ""
    d["category"] = d["category"] or ""
    d["updated_by"] = d["updated_by"] or ""
    return Task(**d)


def _new_id() -> str:
    return str(_uuid.uuid4())


def _states_sql(states: frozenset[str] | set[str]) -> str:
    return "(" + ", ".join(f"'{s}'" for s in sorted(states)) + ")"


class TaskStore(QuestionsMixin, ReportsMixin, CallbacksMixin, ConnectionStore):
    """Read and change tasks and questions as one signed-in user.

    Parameters
    ----------
    workspace : path-like or str
        A gisdesk workspace (the task tables are added when missing), or the city server
        (``postgresql://LOGIN@HOST/DATABASE``: its schema is ``gisdesk server init``'s).
    user : User
        Who acts. Its role, commune and department are re-read from the ``users`` table;
        a name that is not in the table acts as a ``viewer`` (read-only). On the server the
        login role acts (``None``, or its name; another name is refused).
    evidence : EvidencePolicy, optional
        What completing a task needs (default: a note and a photo or a position).
    on_transition : callable, optional
        Called with the changed :class:`Task` after each committed :meth:`transition`
        (the plugin API fires ``on_task_changed`` with it).

    Every read applies :func:`gisdesk.core.access.read_filter`; every change asks
    :func:`gisdesk.core.access.decide` and checks the state and the version, and on any failure raises
    (PermissionDenied, InvalidTransition, ConflictError, ValidationError) having changed nothing.
    """

    def __init__(self, workspace: str | os.PathLike[str], user: User, evidence: EvidencePolicy | None = None,
                 on_transition: Callable[[Task], Any] | None = None, *, read_only: bool = False) -> None:
        self.path = workspace
        self.on_transition = on_transition
        # read_only: SQLite mode=ro, no migration (gisdesk kpi); a non-workspace file is refused first.
        # The KPIs build TEMP tables, which a query-only connection refuses: ask for a mode=ro one.
        self.conn = open_workspace(workspace, read_only=read_only, temp_objects=read_only)  # or a server URL
        self.sql = dialect_of(self.conn)
        if not read_only and self.sql.migrates_in_place:  # the server's schema is `gisdesk server init`'s
            ensure_tasks_schema(self.conn)
        self.user = resolve_user(self.conn, user)
        self.evidence = evidence or EvidencePolicy()
        from gisdesk.store.incidents_store import _srid

        self.srid = _srid(self.conn)

    def _now(self) -> datetime:
        """The time written on changes (the demo generator replaces it to write a past history)."""
        return utc_now()

    # --- the access policy ---------------------------------------------------------
    def may(self, action: str, kind: str, record: dict[str, Any] | None = None) -> access.Decision:
        """:func:`gisdesk.core.access.decide` for this store's user (for buttons and menus)."""
        return access.decide(self.user, action, kind, record)

    def _require(self, action: str, kind: str, record: dict[str, Any] | None = None) -> None:
        access.require(self.user, action, kind, record)

    def _scope(self, kind: str = "task", alias: str = "") -> tuple[str, list[Any]]:
        """SQL condition limiting rows of ``kind`` to what the user may read (the policy's read filter)."""
        f = access.read_filter(self.user, kind)
        return filter_sql(f, {f.column: alias + f.column} if f.column else None)

    def _load(self, task_id: str) -> Task:
        row = self.conn.execute(_SELECT + " WHERE uuid = ?", (task_id,)).fetchone()
        if row is None:
            raise KeyError(f"no task {task_id}")
        task = _task(row)
        self._require("read", "task", unit_record(task))
        return task

    # --- reading ---------------------------------------------------------------------
    def task(self, task_id: str) -> Task:
        """One task (KeyError if there is none, PermissionDenied outside the user's jurisdiction)."""
        return self._load(task_id)

    def find(self, ref: str) -> Task:
        """One task by its UUID or its case number (``HUE-2026-004213``, any letter case)."""
        ref = (ref or "").strip()
        if looks_like_case_number(ref):
            row = self.conn.execute("SELECT uuid FROM tasks WHERE case_no = ?", (ref.upper(),)).fetchone()
            if row is None:
                raise KeyError(f"no task {ref}")
            ref = row[0]
        return self._load(ref)

    def tasks(self, state: str | list[str] | None = None, commune: str | None = None,
              department: str | None = None, open_only: bool = False, limit: int | None = None,
              search: str | None = None) -> list[Task]:
        """The tasks the user may read that match every filter, newest first.

        ``search`` keeps the tasks whose case number or title contains it (any letter case)."""
        where, params = self._scope()
        where, params = [where], list(params)
        if search:
            where.append("(case_no LIKE ? OR title LIKE ?)")
            params += [f"%{search.strip()}%"] * 2
        for col, value in (("state", state), ("commune", commune), ("department", department)):
            if value is not None:
                values = [value] if isinstance(value, str) else list(value)
                where.append(f"{col} IN ({', '.join('?' * len(values))})")
                params += values
        if open_only:
            where.append(f"state IN {_OPEN_SQL}")
        sql = f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY created_at DESC, {self.sql.insert_order} DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_task(r) for r in self.conn.execute(sql, params)]

    def inbox(self, limit: int = 500, now: datetime | str | None = None) -> list[Task]:
        """The tasks waiting for this user, overdue first, then by deadline.

        Those who take the city's steps (the policy says who): tasks to assign (created,
        returned), to verify (done) and escalated open ones. Those who take the assignee's
        steps: tasks of their unit that are assigned, accepted or in progress. Anyone else
        (viewers): every open task they may read.
        """
        scope, params = self._scope()
        if self.may("change_status", "task", {"actor": "city"}):
            which = f"(state IN {_states_sql(WAITING_FOR['city'])} OR (escalated = 1 AND state IN {_OPEN_SQL}))"
        elif self.may("change_status", "task"):
            which = f"state IN {_states_sql(WAITING_FOR['assignee'])}"
        else:
            which = f"state IN {_OPEN_SQL}"
        now_iso = iso_utc(to_utc(now) if now is not None else utc_now())
        sql = (f"{_SELECT} WHERE {scope} AND {which} ORDER BY (state IN {_OPEN_SQL} AND deadline < ?) DESC, "
               f"deadline IS NULL, deadline, created_at LIMIT {int(limit)}")
        return [_task(r) for r in self.conn.execute(sql, [*params, now_iso])]

    def timeline(self, task_id: str) -> list[dict[str, Any]]:
        """The history of one task, oldest first: ``version``, ``at``, ``who``, ``action``,
        ``from_state``, ``to_state``, ``note``, ``data`` (a dict)."""
        self._load(task_id)
        cur = self.conn.execute("SELECT version, at, who, action, from_state, to_state, note, data FROM task_events "
                                "WHERE task_uuid = ? ORDER BY version", (task_id,))
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r)) for r in cur]
        for r in rows:
            r["data"] = json.loads(r["data"]) if r["data"] else {}
        return rows

    def allowed_actions(self, task_id: str) -> list[str]:
        """The actions the user may take on the task now (for the panel's buttons)."""
        from gisdesk.core.tasks import allowed_actions

        return allowed_actions(self.user, self._load(task_id))

    # --- changing --------------------------------------------------------------------
    def sla_rules(self) -> SlaRules:
        """The workspace's SLA rules (``task_sla``)."""
        return SlaRules({(c, int(s)): float(h) for c, s, h in self.conn.execute("SELECT * FROM task_sla")})

    def set_sla(self, category: str, severity: int, hours: float) -> None:
        """Set the hours allowed for ``category`` (``*`` = default) and ``severity`` (city only).

        The SLA rules are routing reference data: the policy's ``edit`` on ``routing_rule`` decides."""
        self._require("edit", "routing_rule")
        if not hours or float(hours) <= 0:
            raise ValidationError(f"SLA hours must be positive, not {hours!r}")
        self.conn.execute(self.sql.upsert("task_sla", ("category", "severity", "hours"), ("category", "severity")),
                          (category, int(severity), float(hours)))

    def create(self, title: str, *, category: str = "", severity: int = 2, description: str = "",
               area: Any = None, incident_uuid: str | None = None, note: str | None = None) -> Task:
        """A new task in state ``created`` (city only), with a ``create`` event."""
        self._require("create", "task")
        now = self._now()
        task = Task(title=title.strip() if isinstance(title, str) else title, category=category, severity=severity,
                    description=description, area=area, incident_uuid=incident_uuid, created_at=now,
                    created_by=self.user.username, updated_at=now, updated_by=self.user.username)
        task.check()
        with self.transaction():
            task.case_no = next_case_number(self.conn, iso_utc(now))
            self._insert(task)
            self._event(Event(task.uuid, "create", None, "created", self.user.username, now, note,
                              {"incident_uuid": incident_uuid} if incident_uuid else {}), 1)
        return task

    def create_from_incident(self, incident_uuid: str, title: str | None = None, note: str | None = None) -> Task:
        """A task about an incident: its category, severity and geometry (the area) are copied."""
        self._require("create", "task")  # before reading: a refusal says nothing about the incident
        row = self.conn.execute(f"SELECT i.category, i.severity, i.description, "
                                f"{self.sql.as_wkb('COALESCE(s.geom, i.geom)')} "
                                "FROM incidents i LEFT JOIN incident_shapes s ON s.incident_uuid = i.uuid "
                                "WHERE i.uuid = ?", (incident_uuid,)).fetchone()
        if row is None:
            raise KeyError(f"no incident {incident_uuid}")
        category, severity, description, wkb = row
        return self.create(title or f"{category.capitalize()}: {description or incident_uuid[:8]}"[:120],
                           category=category, severity=int(severity), description=description or "",
                           area=shapely.from_wkb(wkb) if wkb else None, incident_uuid=incident_uuid, note=note)

    def transition(self, task_id: str, action: str, version: int, **fields: Any) -> Task:
        """Take ``action`` on a task the caller read at ``version``; returns the changed task.

        ``fields`` are those of :func:`gisdesk.core.tasks.plan` (``note``/``reason``,
        ``commune``/``department``/``deadline``, ``percent``, ``photo``, ``position``).

        Raises
        ------
        ConflictError
            The task has a newer version ("changed by X at T; reload").
        PermissionDenied, InvalidTransition
            As :func:`~gisdesk.core.tasks.plan`.
        """
        with self.transaction():
            task = self._load(task_id)
            if task.version != version:
                raise ConflictError(f"task '{task.title}' was changed by {task.updated_by} at "
                                    f"{_iso(task.updated_at)} (version {task.version}, you had {version}); reload")
            photo = fields.get("photo")
            photo_ok = not photo or self.conn.execute(
                "SELECT 1 FROM task_attachments WHERE id = ? AND task_uuid = ? AND mime LIKE 'image/%'",
                (photo, task_id)).fetchone() is not None
            if fields.get("commune") and not self.conn.execute(
                    "SELECT 1 FROM communes WHERE name = ?", (fields["commune"],)).fetchone():
                raise ValidationError(f"there is no commune named {fields['commune']!r}")
            new, event = plan(task, action, self.user, now=self._now(), sla=self.sla_rules(),
                              evidence=self.evidence, photo_ok=photo_ok, **fields)
            self._update(new, task.version)
            self._event(event, new.version)
            self._notify_for(new, event)
        if self.on_transition is not None:  # after the commit: listeners see the stored task
            self.on_transition(new)
        return new

    def escalate_overdue(self, now: datetime | str | None = None) -> list[str]:
        """Flag open tasks past their deadline (within the user's jurisdiction) as escalated.

        Each gets an ``escalate`` event and a notification for the city dispatcher.
        Returns the escalated task ids. Only users the policy lets ``edit`` tasks run it
        (viewers do not).
        """
        self._require("edit", "task")
        if self.sql.server and self.user != SYSTEM:  # its events are the system's: refused to officers by RLS
            raise PermissionDenied("on the city server overdue tasks are escalated by the server's job: "
                                   "'gisdesk server escalate URL' (run by the database administrator)")
        when = to_utc(now) if now is not None else self._now()
        scope, params = self._scope()
        with self.transaction() as c:
            rows = c.execute(f"SELECT uuid, state, version, title, deadline, commune, department FROM tasks "
                             f"WHERE {scope} AND state IN {_OPEN_SQL} AND escalated = 0 AND deadline < ?",
                             [*params, iso_utc(when)]).fetchall()
            at = iso_utc(when)
            c.executemany("UPDATE tasks SET escalated = 1, version = version + 1, updated_at = ?, updated_by = "
                          "'system' WHERE uuid = ?", [(at, r[0]) for r in rows])
            c.executemany("INSERT INTO task_events VALUES (?, ?, ?, ?, 'system', 'escalate', ?, ?, ?, NULL)",
                          [(_new_id(), r[0], r[2] + 1, at, r[1], r[1], f"deadline {r[4]} passed") for r in rows])
            c.executemany(_NOTIFY_SQL,
                          [(_new_id(), at, "city_dispatcher", None, None, r[0], "escalated",
                            f"overdue since {r[4][:16].replace('T', ' ')} UTC: '{r[3]}' ({r[5] or r[6] or 'unassigned'})")
                           for r in rows])
        return [r[0] for r in rows]

    def attach(self, task_id: str, name: str, data: bytes, *, att_id: str | None = None) -> str:
        """Keep a photo or file with a task (its officers or the city); returns the attachment id.

        ``att_id`` keeps the id the attachment has elsewhere (a change replayed from a package)."""
        task = self._load(task_id)
        self._require("edit", "task", unit_record(task))
        mime = attachment_type(name, data)
        att_id = att_id or _new_id()
        self.conn.execute("INSERT INTO task_attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (att_id, task_id, os.path.basename(name), mime, len(data), hashlib.sha256(data).hexdigest(),
                           bytes(data), iso_utc(self._now()), self.user.username))
        return att_id

    def attachments(self, task_id: str) -> list[dict[str, Any]]:
        """The files of a task (``id``, ``name``, ``mime``, ``size``, ``added_at``, ``added_by``)."""
        self._load(task_id)
        cur = self.conn.execute("SELECT id, name, mime, size, added_at, added_by FROM task_attachments "
                                f"WHERE task_uuid = ? ORDER BY added_at, {self.sql.insert_order}", (task_id,))
        return [dict(zip([d[0] for d in cur.description], r)) for r in cur]

    def attachment_data(self, att_id: str) -> bytes:
        """The bytes of one attachment (within the user's jurisdiction)."""
        row = self.conn.execute("SELECT task_uuid, data FROM task_attachments WHERE id = ?", (att_id,)).fetchone()
        if row is None:
            raise KeyError(f"no attachment {att_id}")
        self._load(row[0])
        return bytes(row[1])

    # --- writing helpers -------------------------------------------------------------
    def _values(self, task: Task) -> list[Any]:
        out = []
        for name in _TASK_COLUMNS:
            v = getattr(task, name)
            out.append(shapely.to_wkb(v) if name == "area" and v is not None else
                       _iso(v) if isinstance(v, datetime) else int(v) if isinstance(v, bool) else v)
        return out

    def _insert(self, task: Task) -> None:
        self.conn.execute(f"INSERT INTO tasks ({', '.join(_TASK_COLUMNS)}) VALUES "
                          f"({', '.join('?' * len(_TASK_COLUMNS))})", self._values(task))

    def _update(self, task: Task, old_version: int) -> None:
        cols = [c for c in _TASK_COLUMNS if c != "uuid"]
        values = dict(zip(_TASK_COLUMNS, self._values(task)))
        cur = self.conn.execute(f"UPDATE tasks SET {', '.join(c + ' = ?' for c in cols)} WHERE uuid = ? "
                                f"AND version = ?", [values[c] for c in cols] + [task.uuid, old_version])
        if cur.rowcount != 1:  # cannot happen inside BEGIN IMMEDIATE; kept as a last guard
            raise ConflictError(f"task {task.uuid} changed meanwhile; reload")

    def _event(self, event: Event, version: int) -> None:
        self.conn.execute("INSERT INTO task_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (_new_id(), event.task_uuid, version, iso_utc(event.at), event.who, event.action,
                           event.from_state, event.to_state, event.note,
                           json.dumps(dict(event.data), ensure_ascii=False) if event.data else None))

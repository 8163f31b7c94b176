"""Satisfaction callbacks on closed tasks and the reporter contacts they use.

Mixed into :class:`gisdesk.store.tasks_store.TaskStore`. Tables (added by
:func:`ensure_callbacks_schema`, part of the task schema):

``task_callbacks``
    Append-only (triggers refuse UPDATE and DELETE): ``id``, ``task_uuid``, ``at``,
    ``who``, ``result`` (:data:`gisdesk.core.callbacks.RESULTS`), ``note``, ``reopened``
    (1 when the callback reopened the case).
``incident_contacts``
    The reporter's contact for a callback (``incident_uuid``, ``name``, ``email``,
    ``phone``), e.g. from an Open311 GeoReport v2 request. Only those the policy lets
    record callbacks read it (personal data: not on the map layer, not exported).

The access policy's kind ``callback`` decides: the city records them, and reads follow
the task they belong to.
"""

from __future__ import annotations

import uuid as _uuid
from typing import Any

from gisdesk.core import access
from gisdesk.core.callbacks import RESULT_WORDS, check_result, satisfaction
from gisdesk.core.incidents import ValidationError, iso_utc, to_utc
from gisdesk.core.tasks import InvalidTransition, unit_record

_SCHEMA = ("""CREATE TABLE IF NOT EXISTS task_callbacks (
    id TEXT PRIMARY KEY, task_uuid TEXT NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL, result TEXT NOT NULL,
    note TEXT, reopened INTEGER NOT NULL DEFAULT 0)""",
           "CREATE INDEX IF NOT EXISTS idx_task_callbacks_task ON task_callbacks (task_uuid, at)",
           """CREATE TABLE IF NOT EXISTS incident_contacts (
    incident_uuid TEXT PRIMARY KEY, name TEXT, email TEXT, phone TEXT)""",
           *(f"""CREATE TRIGGER IF NOT EXISTS task_callbacks_no_{op.lower()} BEFORE {op} ON task_callbacks BEGIN
    SELECT RAISE(ABORT, 'task_callbacks is append-only'); END""" for op in ("UPDATE", "DELETE")))
#: Results after which the case may be reopened with the callback as the reason.
REOPENING: frozenset[str] = frozenset({"not_satisfied", "partly"})


def ensure_callbacks_schema(conn: Any) -> None:
    """Create the callback and contact tables (inside the task schema's migration)."""
    for statement in _SCHEMA:
        conn.execute(statement)


def keep_contact(conn: Any, incident_uuid: str, name: str | None = None, email: str | None = None,
                 phone: str | None = None) -> bool:
    """Keep a reporter's contact for the callback (nothing is written when all three are empty)."""
    values = [(v or "").strip()[:200] or None for v in (name, email, phone)]
    if not any(values):
        return False
    from gisdesk.store.dialect import dialect_of

    if dialect_of(conn).migrates_in_place:
        ensure_callbacks_schema(conn)
        conn.execute("INSERT OR REPLACE INTO incident_contacts VALUES (?, ?, ?, ?)", (incident_uuid, *values))
    else:  # the server: written once, with the new incident, by its creator (row-level security)
        conn.execute("INSERT INTO incident_contacts VALUES (?, ?, ?, ?)", (incident_uuid, *values))
    return True


class CallbacksMixin:
    """``record_callback``, ``callbacks``, ``reporter_contact``, ``satisfaction`` and ``satisfaction_by_unit``
    of the task store."""

    conn: Any
    user: Any
    sql: Any  #: the connection's :class:`~gisdesk.store.dialect.Dialect`
    _scope: Any
    _load: Any
    transaction: Any
    transition: Any
    _now: Any

    def record_callback(self, task_id: str, result: str, note: str = "", *, reopen: bool = False) -> dict[str, Any]:
        """Record the reporter's answer on a closed task (the city only); returns the callback row.

        ``result`` is ``satisfied``, ``partly``, ``not_satisfied`` or ``not_reached``. With
        ``reopen`` a ``not_satisfied`` or ``partly`` answer also reopens the case (the
        ``reopen`` transition, the callback as its reason).

        Raises
        ------
        PermissionDenied
            Not the city (nothing written).
        ValidationError, InvalidTransition
            An unknown result, a task that is not closed, or reopening after a
            satisfied or unreached call (nothing written).
        """
        task = self._load(task_id)
        access.require(self.user, "create", "callback", unit_record(task))
        result = check_result(result)
        if task.state != "closed":
            raise InvalidTransition(f"the reporter is called back once the case is closed; this one is "
                                    f"{task.state.replace('_', ' ')}")
        if reopen and result not in REOPENING:
            raise InvalidTransition(f"only a not satisfied or partly satisfied callback reopens a case, not "
                                    f"'{RESULT_WORDS[result]}'")
        row = {"id": str(_uuid.uuid4()), "task_uuid": task.uuid, "at": iso_utc(self._now()),
               "who": self.user.username, "result": result, "note": (note or "").strip() or None,
               "reopened": int(bool(reopen))}
        if reopen:  # first: a refused reopen writes nothing at all
            self.transition(task.uuid, "reopen", task.version,
                            reason=f"callback: {RESULT_WORDS[result]}" + (f" ({row['note']})" if row["note"] else ""))
        with self.transaction() as c:
            c.execute("INSERT INTO task_callbacks VALUES (?, ?, ?, ?, ?, ?, ?)", tuple(row.values()))
        return row

    def callbacks(self, task_id: str) -> list[dict[str, Any]]:
        """The callbacks of one task, oldest first (``id``, ``at``, ``who``, ``result``, ``note``, ``reopened``)."""
        task = self._load(task_id)
        access.require(self.user, "read", "callback", unit_record(task))
        if not self.sql.has_table(self.conn, "task_callbacks"):  # not on the city server yet
            return []
        cur = self.conn.execute("SELECT id, at, who, result, note, reopened FROM task_callbacks WHERE task_uuid = ? "
                                f"ORDER BY at, {self.sql.insert_order}", (task.uuid,))
        return [dict(zip([d[0] for d in cur.description], r)) for r in cur]

    def reporter_contact(self, task_id: str) -> dict[str, Any] | None:
        """The contact of the reporter of the task's incident (those who call back only), or None."""
        task = self._load(task_id)
        access.require(self.user, "create", "callback", unit_record(task))
        if not task.incident_uuid:
            return None
        cur = self.conn.execute("SELECT name, email, phone FROM incident_contacts WHERE incident_uuid = ?",
                                (task.incident_uuid,))
        row = cur.fetchone()
        return dict(zip(("name", "email", "phone"), row)) if row else None

    def satisfaction(self, start: Any = None, end: Any = None, commune: str | None = None,
                     department: str | None = None, category: str | None = None) -> dict[str, Any]:
        """The satisfaction rate of the readable tasks (:func:`gisdesk.core.callbacks.satisfaction`).

        Each task counts once, with its latest callback made in ``[start, end)``;
        ``commune``, ``department`` and ``category`` narrow the tasks as in ``kpis``.
        """
        scope, params = self._scope("callback", "t.")
        where, params = [scope], list(params)
        for col, value in (("commune", commune), ("department", department), ("category", category)):
            if value is not None:
                where.append(f"t.{col} = ?")
                params.append(value)
        return satisfaction(dict(self._callback_counts(where, params, start, end, None)))

    def satisfaction_by_unit(self, unit: str, start: Any = None, end: Any = None,
                             category: str | None = None) -> dict[str, dict[str, Any]]:
        """Per ``commune`` or ``department`` (``unit``) the tasks are assigned to: its satisfaction
        (as :meth:`satisfaction`), for the readable tasks (of ``category``) with a callback in ``[start, end)``."""
        if unit not in ("commune", "department"):
            raise ValidationError(f"unit must be commune or department, not {unit!r}")
        scope, params = self._scope("callback", "t.")
        where, params = [scope, f"t.{unit} IS NOT NULL"], list(params)
        if category is not None:
            where.append("t.category = ?")
            params.append(category)
        per: dict[str, dict[str, int]] = {}
        for name, result, n in self._callback_counts(where, params, start, end, f"t.{unit}"):
            per.setdefault(name, {})[result] = n
        return {name: satisfaction(counts) for name, counts in per.items()}

    def _callback_counts(self, where: list[str], params: list[Any], start: Any, end: Any,
                         group: str | None) -> list[tuple]:
        """``(result, count)`` rows (``(group, result, count)`` with ``group``) of each task's latest callback."""
        if not self.sql.has_table(self.conn, "task_callbacks"):  # not on the city server yet
            return []
        for op, value in ((">=", start), ("<", end)):
            if value is not None:
                where.append(f"cb.at {op} ?")
                params.append(iso_utc(to_utc(value)))
        order = self.sql.insert_order  # task_callbacks is append-only: the insertion order on both engines
        where.append(f"cb.{order} = (SELECT max({order}) FROM task_callbacks WHERE task_uuid = cb.task_uuid "
                     + ("AND at >= ? " if start is not None else "") + ("AND at < ? " if end is not None else "") + ")")
        params += [iso_utc(to_utc(v)) for v in (start, end) if v is not None]
        cols = f"{group}, cb.result" if group else "cb.result"
        return self.conn.execute(f"SELECT {cols}, count(*) FROM task_callbacks cb JOIN tasks t ON t.uuid = cb.task_uuid "
                                 f"WHERE {' AND '.join(where)} GROUP BY {cols}", params).fetchall()


__all__ = ["CallbacksMixin", "REOPENING", "ValidationError", "ensure_callbacks_schema", "keep_contact"]

"""Replaying one change through the stores, with the ids it had where it was made.

Used on both sides: the source replays a package's changes (:mod:`gisdesk.store.sync_apply`)
and a package re-applies its own changes that the source has not answered yet on top of
the source's newer state (:mod:`gisdesk.store.sync_down`). Every replay goes through
:class:`~gisdesk.store.tasks_store.TaskStore`, so the access policy, the state machine,
the versions and the notifications are exactly those of the panel and ``gisdesk tasks``.
"""

from __future__ import annotations

import base64
import json
import uuid as _uuid
from typing import Any

from gisdesk.core import tasks as task_rules
from gisdesk.core.incidents import ValidationError, iso_utc, to_utc
from gisdesk.core.sync_rules import Verdict, judge_task_change
from gisdesk.core.tasks import Event, InvalidTransition, Task
from gisdesk.core.users import PermissionDenied
from gisdesk.store.tasks_store import _SELECT, TaskStore, _task


class ReplayTaskStore(TaskStore):
    """A :class:`TaskStore` whose next event gets a given id (and extra ``data``), so a change keeps
    its UUID wherever it is replayed."""

    next_event_id: str | None = None
    next_event_data: dict[str, Any] | None = None

    def _event(self, event: Event, version: int) -> None:
        if self.next_event_id is None and not self.next_event_data:
            super()._event(event, version)
            return
        data = {**dict(event.data), **(self.next_event_data or {})}
        self.conn.execute("INSERT INTO task_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (self.next_event_id or str(_uuid.uuid4()), event.task_uuid, version, iso_utc(event.at),
                           event.who, event.action, event.from_state, event.to_state, event.note,
                           json.dumps(data, ensure_ascii=False) if data else None))
        self.next_event_id, self.next_event_data = None, None

    def raw_task(self, task_uuid: str) -> Task:
        """The task as stored, without the read check (KeyError when there is none)."""
        row = self.conn.execute(_SELECT + " WHERE uuid = ?", (task_uuid,)).fetchone()
        if row is None:
            raise KeyError(f"no task {task_uuid} here")
        return _task(row)


def transition_fields(rec: dict[str, Any]) -> dict[str, Any]:
    """The :meth:`TaskStore.transition` fields an event record carries (note, unit, deadline, evidence)."""
    data = rec.get("data") or {}
    fields: dict[str, Any] = {}
    if rec.get("note"):
        fields["note"] = rec["note"]
    if rec.get("action") in ("assign", "reassign"):
        for key in ("commune", "department"):
            if data.get(key):
                fields[key] = data[key]
        if data.get("deadline"):
            fields["deadline"] = to_utc(data["deadline"])
    if rec.get("action") == "report":
        fields["percent"] = data.get("percent")
    if rec.get("action") in ("report", "complete"):
        if data.get("photo"):
            fields["photo"] = data["photo"]
        if data.get("position") is not None:
            fields["position"] = tuple(data["position"])
    return fields


def replay_event(store: ReplayTaskStore, rec: dict[str, Any], extra: dict[str, Any] | None = None) -> Task:
    """Take the step ``rec`` describes on the task as it is now, keeping the event's id."""
    task = store.raw_task(rec["task_uuid"])
    store.next_event_id, store.next_event_data = rec["id"], extra
    try:
        return store.transition(task.uuid, rec["action"], task.version, **transition_fields(rec))
    finally:
        store.next_event_id, store.next_event_data = None, None


def _unit_at(store: ReplayTaskStore, task: Task, version: int) -> Task:
    """``task`` with the commune/department it had at ``version`` (from its assign/reassign events)."""
    row = store.conn.execute("SELECT data FROM task_events WHERE task_uuid = ? AND version <= ? AND action IN "
                             "('assign', 'reassign') ORDER BY version DESC LIMIT 1", (task.uuid, version)).fetchone()
    if row is None or not row[0]:
        return task
    data = json.loads(row[0])
    return task.evolve(commune=data.get("commune") or None, department=data.get("department") or None)


def judge_event(store: ReplayTaskStore, rec: dict[str, Any], package_id: str,
                base: int | None = None) -> tuple[Verdict, Task]:
    """What :func:`gisdesk.core.sync_rules.judge_task_change` says about replaying ``rec`` here now.

    ``base`` is the last version of the task the package had from here before its chain of
    unanswered changes on it began (default: the version before ``rec``'s)."""
    task = store.raw_task(rec["task_uuid"])
    base = int(rec["version"]) - 1 if base is None else int(base)
    cur = store.conn.execute(
        "SELECT action, to_state, who, data FROM task_events WHERE task_uuid = ? AND version > ? "
        "AND action NOT IN ('escalate', 'conflict') AND CAST(id AS TEXT) NOT IN (SELECT change_id FROM gisdesk_sync_in "
        f"WHERE {store.sql.same('package_id', '?')}) ORDER BY version", (task.uuid, base, package_id))
    concurrent = [{"action": a, "to_state": s, "who": w, "data": json.loads(d) if d else {}} for a, s, w, d in cur]
    user = store.user
    verdict = judge_task_change(rec, task, concurrent, task_rules.decide(user, rec["action"], task),
                                task_rules.decide(user, rec["action"], _unit_at(store, task, base)))
    if concurrent and verdict.outcome == "apply":
        verdict = Verdict("apply", "concurrent")  # a store refusal is then a conflict, not a refusal
    return verdict, task


def write_conflict(store: ReplayTaskStore, rec: dict[str, Any], package_id: str | None, kind: str,
                   record_uuid: str, reason: str, kept: Any, kept_by: str | None,
                   unit: dict[str, Any]) -> str:
    """Keep a losing change in ``gisdesk_sync_conflicts`` and, for a task, add a ``conflict`` event to its
    timeline (the state does not change; the version does, as for any event). Returns the conflict id."""
    cid = str(_uuid.uuid4())
    now = iso_utc(store._now())
    lost = {k: v for k, v in rec.items() if k != "data" or kind != "task_attachment"}
    store.conn.execute("INSERT INTO gisdesk_sync_conflicts (id, at, package_id, change_id, kind, record_uuid, commune, "
                       "department, field, kept, kept_by, lost, lost_by, lost_at, reason) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (cid, now, package_id, rec["id"], kind, record_uuid, unit.get("commune"), unit.get("department"),
                        "state" if kind == "task_event" else kind, json.dumps(kept, ensure_ascii=False, default=str),
                        kept_by, json.dumps(lost, ensure_ascii=False, default=str), rec.get("who") or rec.get("asked_by"),
                        rec.get("at") or rec.get("asked_at"), reason))
    if kind == "task_event":
        task = store.raw_task(record_uuid)
        v = task.version + 1
        store.conn.execute("UPDATE tasks SET version = ?, updated_at = ?, updated_by = ? WHERE uuid = ? AND version = ?",
                           (v, now, rec.get("who") or "sync", task.uuid, task.version))
        store.conn.execute("INSERT INTO task_events VALUES (?, ?, ?, ?, ?, 'conflict', ?, ?, ?, ?)",
                           (str(_uuid.uuid4()), task.uuid, v, now, rec.get("who") or "sync", task.state, task.state,
                            reason, json.dumps({"conflict": cid, "change": rec["id"], "lost_action": rec.get("action"),
                                                "lost_at": rec.get("at")}, ensure_ascii=False)))
    return cid


def replay_other(store: ReplayTaskStore, rec: dict[str, Any]) -> None:
    """Replay an attachment, a question, an answer or a question's close through the store (same ids)."""
    kind = rec["kind"]
    if kind == "task_attachment":
        if rec.get("data") is None:
            raise ValidationError("the attachment's bytes are missing from the changes file")
        store.attach(rec["task_uuid"], rec["name"], base64.b64decode(rec["data"]), att_id=rec["id"])
    elif kind == "question":
        pos = (rec["x"], rec["y"]) if rec.get("x") is not None and rec.get("y") is not None else None
        store.ask(rec["subject"], rec["body"], to_department=rec.get("to_department"), task_uuid=rec.get("task_uuid"),
                  incident_uuid=rec.get("incident_uuid"), position=pos, question_id=rec["id"])
    elif kind == "answer":
        store.answer(rec["question_uuid"], rec["body"], answer_id=rec["id"])
    elif kind == "question_close":
        store.close_question(rec["question_uuid"])
    else:
        raise ValidationError(f"unknown kind of change {kind!r}")


__all__ = ["ReplayTaskStore", "replay_event", "judge_event", "write_conflict", "replay_other", "transition_fields",
           "InvalidTransition", "PermissionDenied"]

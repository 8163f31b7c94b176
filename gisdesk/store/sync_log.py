"""The change log of a package and the sync tables both sides keep.

Tables (:func:`ensure_sync_schema`, added to the package and to the source the first time
they sync; both are gisdesk workspaces)
-----------------------------------------------------------------------------------------
``gisdesk_sync_out`` (the package's outbox, its change log)
    ``seq`` (the package's sequence number, 1, 2, …), ``change_id`` (the UUID of the event,
    question, answer or attachment the change is; unique), ``kind``, ``record`` (the task or
    question it is about), ``payload`` (JSON), ``collected_at``, ``sent_at``, ``state``
    (``pending`` until the source answered; then ``applied``, ``identical``, ``conflict`` or
    ``refused``), ``reason`` (the source's words) and ``acked_at``. Rows are never deleted: a
    refused or conflicting change stays there, with the reason, for the user to see.
``gisdesk_sync_in`` (what arrived from the other side)
    ``change_id`` (primary key: the same change is never applied twice), ``package_id``,
    ``seq``, ``kind``, ``record``, ``received_at``, ``result``, ``reason``, ``conflict_id``.
``gisdesk_sync_conflicts`` (the losing values, where the city sees them)
    ``id``, ``at`` (the source's clock), ``package_id``, ``change_id``, ``kind``,
    ``record_uuid``, ``commune``, ``department``, ``field``, ``kept`` / ``kept_by`` (the value
    that stays and who made it), ``lost`` / ``lost_by`` / ``lost_at`` (the losing change whole,
    its author and the device's time), ``reason``, and ``resolved_at`` / ``resolved_by`` /
    ``resolution`` for whoever settles it later.
``gisdesk_sync_peers`` (the source's packages; :func:`gisdesk.store.package_meta.register_package`)

What a change is
----------------
The stores already write every change as an append-only row with a UUID: a task's
``task_events`` row, a ``task_questions`` row (asked), a ``task_answers`` row, a
``task_attachments`` row. :func:`collect` copies the rows the package wrote (above its
``local_mark``, not received from the source, not yet logged) into the outbox in the order
they were written. Closing a question writes no row, so it becomes a change whose id is
derived from the question and its thread length (the same close on both sides is the same
change). Escalations (``who`` = ``system``) do not travel: the source escalates by its own clock.
"""

from __future__ import annotations

import base64
import json
import uuid as _uuid
from typing import Any

from gisdesk.core.incidents import iso_utc, utc_now
from gisdesk.store.base import migration, write_transaction
from gisdesk.store.package_meta import PEERS_DDL

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS gisdesk_sync_out (seq INTEGER PRIMARY KEY, change_id TEXT NOT NULL UNIQUE, "
    "kind TEXT NOT NULL, record TEXT, payload TEXT NOT NULL, collected_at TEXT NOT NULL, sent_at TEXT, "
    "state TEXT NOT NULL DEFAULT 'pending', reason TEXT, acked_at TEXT)",
    "CREATE TABLE IF NOT EXISTS gisdesk_sync_in (change_id TEXT PRIMARY KEY, package_id TEXT, seq INTEGER, "
    "kind TEXT NOT NULL, record TEXT, received_at TEXT NOT NULL, result TEXT NOT NULL, reason TEXT, conflict_id TEXT)",
    "CREATE INDEX IF NOT EXISTS idx_gisdesk_sync_in_pkg ON gisdesk_sync_in (package_id, received_at)",
    "CREATE TABLE IF NOT EXISTS gisdesk_sync_conflicts (id TEXT PRIMARY KEY, at TEXT NOT NULL, package_id TEXT, "
    "change_id TEXT NOT NULL, kind TEXT NOT NULL, record_uuid TEXT NOT NULL, commune TEXT, department TEXT, "
    "field TEXT, kept TEXT, kept_by TEXT, lost TEXT, lost_by TEXT, lost_at TEXT, reason TEXT NOT NULL, "
    "resolved_at TEXT, resolved_by TEXT, resolution TEXT)",
    "CREATE INDEX IF NOT EXISTS idx_gisdesk_sync_conflicts_rec ON gisdesk_sync_conflicts (record_uuid)",
    PEERS_DDL,
)
#: Namespace of the derived change ids (question closes).
SYNC_NAMESPACE = _uuid.UUID("6f1c2b1e-8d1a-4f57-9a59-2c4a1d5e7b10")
#: Task events that never travel (the receiving side makes its own).
LOCAL_ONLY_ACTIONS: tuple[str, ...] = ("escalate", "conflict")
_NOT_LOGGED = ("{col} NOT IN (SELECT change_id FROM gisdesk_sync_out) "
               "AND {col} NOT IN (SELECT change_id FROM gisdesk_sync_in)")


def ensure_sync_schema(conn: Any) -> None:
    """Add the sync tables to the workspace behind ``conn`` (a gisdesk workspace); safe to run again.

    On the city server ``gisdesk server init`` makes them (:mod:`gisdesk.store.sync_server`): only checked."""
    from gisdesk.store.dialect import dialect_of

    if dialect_of(conn).server:
        from gisdesk.store.sync_server import require_sync_tables

        require_sync_tables(conn)
        return
    with migration(conn, workspace_only=True) as c:
        for statement in _SCHEMA:
            c.execute(statement)


def close_id(question_uuid: str, answers: int) -> str:
    """The change id of closing ``question_uuid`` after ``answers`` answers (the same on both sides)."""
    return str(_uuid.uuid5(SYNC_NAMESPACE, f"close:{question_uuid}:{int(answers)}"))


def _rows(conn: Any, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur]


def collect(conn: Any, identity: dict[str, Any]) -> int:
    """Log the changes the package wrote since the last call; returns how many were added.

    Attachments come before the events that name them, questions before their answers,
    incidents first; within a kind, the order the rows were written.
    """
    from gisdesk.store.sync_incidents import collect_incidents  # it imports the stores, which import this

    mark = identity.get("local_mark") or {}
    now = iso_utc(utc_now())
    found: list[tuple[str, str, str, dict[str, Any]]] = []
    with write_transaction(conn):
        found += collect_incidents(conn, mark, _NOT_LOGGED)  # first: questions may name a new incident
        for r in _rows(conn, "SELECT id, task_uuid, name, mime, size, sha256, added_at, added_by FROM task_attachments "
                             f"WHERE rowid > ? AND {_NOT_LOGGED.format(col='id')} ORDER BY rowid",
                       (mark.get("task_attachments", 0),)):
            found.append((r["id"], "task_attachment", r["task_uuid"], r))
        for r in _rows(conn, "SELECT uuid AS id, asked_at, asked_by, commune, to_department, task_uuid, "
                             "incident_uuid, x, y, subject, body FROM task_questions "
                             f"WHERE rowid > ? AND {_NOT_LOGGED.format(col='uuid')} ORDER BY rowid",
                       (mark.get("task_questions", 0),)):
            found.append((r["id"], "question", r["id"], r))
        for r in _rows(conn, "SELECT id, task_uuid, version, at, who, action, from_state, to_state, note, data "
                             f"FROM task_events WHERE rowid > ? AND {_NOT_LOGGED.format(col='id')} "
                             f"AND action NOT IN {LOCAL_ONLY_ACTIONS!r} AND who NOT IN ('system') ORDER BY rowid",
                       (mark.get("task_events", 0),)):
            r["data"] = json.loads(r["data"]) if r["data"] else {}
            if r["action"] == "create":  # a task made offline travels with its fields (sync_offline_tasks)
                from gisdesk.store.sync_offline_tasks import created_task

                r["task"] = created_task(conn, r["task_uuid"])
            found.append((r["id"], "task_event", r["task_uuid"], r))
        for r in _rows(conn, "SELECT id, question_uuid, at, who, body FROM task_answers "
                             f"WHERE rowid > ? AND {_NOT_LOGGED.format(col='id')} ORDER BY rowid",
                       (mark.get("task_answers", 0),)):
            found.append((r["id"], "answer", r["question_uuid"], r))
        for r in _rows(conn, "SELECT q.uuid, q.updated_at, (SELECT count(*) FROM task_answers a WHERE "
                             "a.question_uuid = q.uuid) AS n FROM task_questions q WHERE q.status = 'closed' "
                             "ORDER BY q.updated_at, q.rowid"):
            cid = close_id(r["uuid"], r["n"])
            if not conn.execute(f"SELECT 1 WHERE {_NOT_LOGGED.format(col='?')}", (cid, cid)).fetchone():
                continue
            found.append((cid, "question_close", r["uuid"], {"id": cid, "question_uuid": r["uuid"],
                                                             "answers": r["n"], "at": r["updated_at"],
                                                             "who": identity.get("user")}))
        from gisdesk.store.sync_features import collect_features

        found += collect_features(conn, identity)  # reference-layer edits, one change per feature
        conn.executemany("INSERT INTO gisdesk_sync_out (change_id, kind, record, payload, collected_at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         [(cid, kind, rec, json.dumps(p, ensure_ascii=False), now) for cid, kind, rec, p in found])
    return len(found)


def outbox(conn: Any, states: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """The package's change log, oldest first (``seq``, ``change_id``, ``kind``, ``record``, ``state``,
    ``reason``, ``sent_at``, ``acked_at``, ``payload`` as a dict); only ``states`` when given."""
    where = f" WHERE state IN ({', '.join('?' * len(states))})" if states else ""
    rows = _rows(conn, "SELECT seq, change_id, kind, record, state, reason, sent_at, acked_at, payload "
                       f"FROM gisdesk_sync_out{where} ORDER BY seq", tuple(states or ()))
    for r in rows:
        r["payload"] = json.loads(r["payload"])
    return rows


def unacknowledged(conn: Any) -> list[dict[str, Any]]:
    """The changes to send: logged but not yet answered by the source, as change records."""
    out = []
    for r in outbox(conn, ("pending",)):
        rec = dict(r["payload"], id=r["change_id"], kind=r["kind"], seq=r["seq"])
        if r["kind"] == "task_attachment":
            row = conn.execute("SELECT data FROM task_attachments WHERE id = ?", (r["change_id"],)).fetchone()
            rec["data"] = base64.b64encode(bytes(row[0])).decode() if row else None
        out.append(rec)
    return out

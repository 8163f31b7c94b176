"""From the source to the package: the answers to its changes and the records it may see that changed.

``export_down`` (``gisdesk package export-changes SOURCE --for PACKAGE -o FILE``) writes a
``down`` changes file for one package: the result of every change of the package the source
received since the package last heard from it (``result`` records: applied, identical,
conflict with the conflict, refused with the reason), and, within what the package's user
may read (:func:`gisdesk.core.access.read_filter`), every task, question, attachment,
notification and conflict that changed at the source since then. The source is the
authority for what it has accepted: a ``task`` record carries the task's row *and its whole
history* as the source has it.

``apply_down`` (``gisdesk package apply-changes PACKAGE FILE``) applies such a file to the
package in **one** transaction (an interrupted apply leaves the package as it was; running
it again is harmless):

1. the package's own new changes are logged first (:func:`gisdesk.store.sync_log.collect`),
   so nothing typed offline can be overwritten unlogged;
2. the results mark the package's logged changes ``applied``/``identical``/``conflict``/
   ``refused`` with the source's reason (they stay in the log, shown by
   ``gisdesk package status``);
3. each task's row and history become the source's (the package's copy is a replica: its
   acknowledged events are in the source's history, its losing ones in a conflict record);
4. the package's changes the source has not answered yet are replayed on top, with their
   own ids, so the package shows them until the source answers.
"""

from __future__ import annotations

import base64
import json
import os
from datetime import timedelta
from typing import Any

from gisdesk.core import access
from gisdesk.core.incidents import iso_utc, to_utc, utc_now
from gisdesk.core.tasks import InvalidTransition
from gisdesk.core.users import PermissionDenied
from gisdesk.store._access_sql import where as filter_sql
from gisdesk.store.base import open_workspace, write_transaction
from gisdesk.store.dialect import dialect_of
from gisdesk.store.package_meta import package_peer, read_identity, write_identity
from gisdesk.store.sync_format import ChangesFileError, read_changes, read_manifest, write_changes
from gisdesk.store.sync_log import _rows, close_id, collect, ensure_sync_schema, outbox
from gisdesk.store.sync_replay import ReplayTaskStore, replay_event, replay_other
from gisdesk.store.tasks_store import _TASK_COLUMNS
from gisdesk.store.users_store import resolve_user

#: Which record a change's ``record`` column names, by the change's kind.
_RECORD_KIND = {"task_event": "task", "task_attachment": "task", "question": "question", "answer": "question",
                "question_close": "question", "incident_create": "incident", "incident_event": "incident",
                "incident_included": "incident", "feature_change": "feature"}
#: Changes at the source this close to ``since`` are sent again (a transaction that began before the
#: last file was written may have committed after it); the package skips what it has.
SINCE_MARGIN = timedelta(minutes=5)


def in_list(column: str, values: list[str] | set[str]) -> tuple[str, list[str]]:
    """``column IN (?, …)`` for ``values`` (``1 = 0`` for none), on both engines."""
    values = sorted(values)
    return (f"{column} IN ({', '.join('?' * len(values))})" if values else "1 = 0"), values


def _scope(conn: Any, user: Any, kind: str, alias: str = "") -> tuple[str, list[Any]]:
    f = access.read_filter(user, kind)
    return filter_sql(f, {f.column: alias + f.column} if f.column else None)


def export_down(source: str | os.PathLike[str], package_id: str, out: str | os.PathLike[str],
                since: str | None = None, change_ids: list[str] | None = None) -> dict[str, Any]:
    """Write the source's changes file for package ``package_id``; returns its manifest.

    ``since`` (source time) limits the records to those changed after it (default: what
    the package said in its last changes file, or everything it may read). ``change_ids``
    adds the results of those changes (those of a file just applied) to the results of
    every change received since ``since``.
    """
    conn = open_workspace(source)
    try:
        ensure_sync_schema(conn)
        peer = package_peer(conn, package_id)
        if peer is None:
            raise ChangesFileError(f"this workspace knows no package {package_id}")
        server = dialect_of(conn).server
        if server:  # the policy's view for the package's user (RLS limits the connecting officer besides)
            from gisdesk.store.sync_server import package_user

            user = package_user(conn, peer["username"])
        else:
            user = resolve_user(conn, peer["username"])
        mark = iso_utc(utc_now())
        # default: what the package said it last heard, or (a first sync) when it was made from here
        since = since or peer["since"] or peer["created_at"] or ""
        # (a first sync: from the beginning, as a time both engines compare)
        after = iso_utc(to_utc(since) - SINCE_MARGIN) if since else "0001-01-01T00:00:00Z"
        records: list[dict[str, Any]] = []
        ids = list(change_ids or [])
        named: dict[str, set[str]] = {"task": set(), "question": set(), "incident": set(), "feature": set()}
        listed, listed_params = in_list("change_id", set(ids))
        for r in _rows(conn, "SELECT change_id, kind, record, result, reason, conflict_id FROM gisdesk_sync_in "
                             f"WHERE package_id = ? AND (received_at >= ? OR {listed}) ORDER BY seq",
                       (package_id, after, *listed_params)):
            records.append({"kind": "result", "id": r["change_id"], "change_kind": r["kind"], "result": r["result"],
                            "reason": r["reason"], "conflict_id": r["conflict_id"]})
            if r["result"] != "applied":  # the package shows what it did: bring it back to the source's state
                named[_RECORD_KIND.get(r["kind"], "task")].add(r["record"])
        records += _tasks_since(conn, user, after, named["task"])
        records += _questions_since(conn, user, after, named["question"])
        from gisdesk.store.sync_incidents import incidents_since

        records += incidents_since(conn, user, after, lambda kind: _scope(conn, user, kind), named["incident"])
        from gisdesk.store.sync_features import features_since

        records += features_since(conn, after, named["feature"], user)
        scope, params = _scope(conn, user, "notification")
        for r in _rows(conn, f"SELECT * FROM task_notifications WHERE at >= ? AND {scope} ORDER BY at",
                       (after, *params)):
            records.append({"kind": "notification", "id": r["id"], "row": r})
        scope, params = _scope(conn, user, "task")
        for r in _rows(conn, f"SELECT * FROM gisdesk_sync_conflicts WHERE (package_id = ? OR {scope}) AND (at >= ? "
                             "OR resolved_at >= ?) ORDER BY at", (package_id, *params, after, after)):
            records.append({"kind": "conflict", "id": r["id"], "row": r})
    finally:
        conn.close()
    if server:
        from gisdesk.store.sync_server import public_url

        source = public_url(str(source))
    manifest = {"direction": "down", "package_id": package_id, "user": peer["username"], "source": str(source),
                "written_at": mark, "since": mark, "count": len(records)}
    return write_changes(out, manifest, records, peer["key"])


def _tasks_since(conn: Any, user: Any, after: str, named: set[str]) -> list[dict[str, Any]]:
    scope, params = _scope(conn, user, "task")
    listed, listed_params = in_list("uuid", named)
    cols = ", ".join(_TASK_COLUMNS)
    rows = _rows(conn, f"SELECT {cols} FROM tasks WHERE {scope} AND (updated_at >= ? OR uuid IN "
                       f"(SELECT task_uuid FROM task_events WHERE at >= ?) OR {listed}) "
                       "ORDER BY updated_at", (*params, after, after, *listed_params))
    out = []
    for r in rows:
        r["area"] = bytes(r["area"]).hex() if r["area"] is not None else None
        events = _rows(conn, "SELECT * FROM task_events WHERE task_uuid = ? ORDER BY version", (r["uuid"],))
        atts = _rows(conn, "SELECT * FROM task_attachments WHERE task_uuid = ? AND added_at >= ?", (r["uuid"], after))
        for a in atts:
            a["data"] = base64.b64encode(bytes(a["data"])).decode()
        out.append({"kind": "task", "id": r["uuid"], "row": r, "events": events, "attachments": atts})
    return out


def _questions_since(conn: Any, user: Any, after: str, named: set[str]) -> list[dict[str, Any]]:
    scope, params = _scope(conn, user, "question")
    out = []
    listed, listed_params = in_list("uuid", named)
    order = dialect_of(conn).insert_order
    for q in _rows(conn, f"SELECT * FROM task_questions WHERE {scope} AND (updated_at >= ? OR {listed}) "
                         "ORDER BY updated_at", (*params, after, *listed_params)):
        answers = _rows(conn, f"SELECT * FROM task_answers WHERE question_uuid = ? ORDER BY at, {order}", (q["uuid"],))
        out.append({"kind": "question_state", "id": q["uuid"], "row": q, "answers": answers})
    return out


# --- the package side ---------------------------------------------------------------------------
def _insert(conn: Any, table: str, row: dict[str, Any], verb: str = "INSERT OR IGNORE") -> None:
    cols = list(row)
    conn.execute(f"{verb} INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                 [row[c] for c in cols])


def _received(conn: Any, ids: list[tuple[str, str, str]]) -> None:
    now = iso_utc(utc_now())
    conn.executemany("INSERT OR IGNORE INTO gisdesk_sync_in (change_id, kind, record, received_at, result) "
                     "VALUES (?, ?, ?, ?, 'received')", [(i, k, r, now) for i, k, r in ids])


def _replace_history(conn: Any, task_uuid: str, events: list[dict[str, Any]]) -> None:
    """Make the package's history of one task the source's (rows the source does not have, or has at
    another version, go; the append-only guard is lifted for this only, inside the transaction)."""
    theirs = {(e["id"], int(e["version"])) for e in events}
    ours = {(i, int(v)) for i, v in conn.execute("SELECT id, version FROM task_events WHERE task_uuid = ?", (task_uuid,))}
    stale = ours - theirs
    if stale:
        trig = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'task_events_no_delete'"
                            ).fetchone()
        conn.execute("DROP TRIGGER IF EXISTS task_events_no_delete")
        conn.executemany("DELETE FROM task_events WHERE id = ?", [(i,) for i, _ in stale])
        if trig:
            conn.execute(trig[0])
    for e in events:
        if (e["id"], int(e["version"])) not in ours or (e["id"], int(e["version"])) in stale:
            _insert(conn, "task_events", e, "INSERT OR REPLACE")
    _received(conn, [(e["id"], "task_event", task_uuid) for e in events])


def _without_guard(conn: Any, trigger: str, sql: str, params: tuple) -> None:
    """Run a DELETE on an append-only table inside the caller's transaction (its trigger lifted and put back)."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)).fetchone()
    conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.execute(sql, params)
    if row:
        conn.execute(row[0])


def _forget_new_record(conn: Any, kind: str | None, change_id: str) -> None:
    """A question, answer or incident the package made that the source refused (or kept as a conflict)
    leaves the package's copy of the shared records; the change itself, whole, stays in the log."""
    if kind == "question":
        conn.execute("DELETE FROM task_questions WHERE uuid = ?", (change_id,))
    elif kind == "answer":
        _without_guard(conn, "task_answers_no_delete", "DELETE FROM task_answers WHERE id = ?", (change_id,))
    elif kind == "incident_create":
        from gisdesk.store.sync_incidents import apply_incident_record

        row = conn.execute("SELECT incident_uuid FROM incident_events WHERE id = ?", (change_id,)).fetchone()
        if row:
            apply_incident_record(conn, {"kind": "incident_deleted", "id": row[0]}, lambda ids: None)


def apply_down(package: str | os.PathLike[str], changes: str | os.PathLike[str]) -> dict[str, int]:
    """Apply the source's changes file to the package; returns counts (``results``, ``tasks``,
    ``questions``, ``notifications``, ``conflicts``, ``replayed``, ``pending``)."""
    name = os.path.basename(str(changes))
    manifest = read_manifest(changes)
    conn = open_workspace(package)
    try:
        ident = read_identity(conn)
        if ident is None:
            raise ChangesFileError(f"'{os.path.basename(str(package))}' is not a package: apply '{name}' to package "
                                   f"{manifest.get('package_id')}")
        if manifest.get("direction") != "down":
            raise ChangesFileError(f"'{name}' holds a package's changes for its source: apply it to the source")
        if manifest.get("package_id") != ident["package_id"]:
            raise ChangesFileError(f"'{name}' is for package {manifest.get('package_id')} (user {manifest.get('user')}), "
                                   f"not this one ({ident['package_id']}, user {ident['user']}); nothing applied")
        ensure_sync_schema(conn)
    finally:
        conn.close()
    manifest, records = read_changes(changes, ident.get("key") or None)
    counts = dict.fromkeys(("results", "tasks", "questions", "incidents", "notifications", "conflicts", "replayed",
                            "pending"), 0)
    with ReplayTaskStore(package, ident["user"]) as store:
        conn = store.conn
        collect(conn, ident)  # nothing typed offline is overwritten before it is logged
        from gisdesk.store.sync_apply import _incidents

        _incidents(store)  # opened before the transaction holds the write lock
        with write_transaction(conn):
            touched = _apply_records(conn, records, counts)
            from gisdesk.store.sync_features import apply_feature_records

            counts["features"] = apply_feature_records(conn, records)
            counts["replayed"], counts["pending"] = _replay_pending(store, touched)
            write_identity(conn, since=manifest.get("since") or "", last_sync=iso_utc(utc_now()))
    return counts


def _apply_records(conn: Any, records: list[dict[str, Any]], counts: dict[str, int]) -> set[str]:
    now, touched = iso_utc(utc_now()), set()
    for rec in records:
        kind = rec.get("kind")
        if kind == "result":
            conn.execute("UPDATE gisdesk_sync_out SET state = ?, reason = ?, acked_at = COALESCE(acked_at, ?) "
                         "WHERE change_id = ?", (rec["result"], rec.get("reason"), now, rec["id"]))
            if rec["result"] in ("refused", "conflict"):
                _forget_new_record(conn, rec.get("change_kind"), rec["id"])
            counts["results"] += 1
        elif kind == "task":
            row = dict(rec["row"])
            row["area"] = bytes.fromhex(row["area"]) if row.get("area") else None
            _insert(conn, "tasks", row, "INSERT OR REPLACE")
            _replace_history(conn, row["uuid"], rec.get("events") or [])
            for a in rec.get("attachments") or []:
                _insert(conn, "task_attachments", dict(a, data=base64.b64decode(a["data"])))
            _received(conn, [(a["id"], "task_attachment", row["uuid"]) for a in rec.get("attachments") or []])
            touched.add(row["uuid"])
            counts["tasks"] += 1
        elif kind == "question_state":
            q = rec["row"]
            _insert(conn, "task_questions", q, "INSERT OR REPLACE")
            for a in rec.get("answers") or []:
                _insert(conn, "task_answers", a)
            ids = [(q["uuid"], "question", q["uuid"])] + [(a["id"], "answer", q["uuid"]) for a in rec.get("answers") or []]
            if q["status"] == "closed":
                ids.append((close_id(q["uuid"], len(rec.get("answers") or [])), "question_close", q["uuid"]))
            _received(conn, ids)
            touched.add(q["uuid"])
            counts["questions"] += 1
        elif kind in ("incident", "incident_deleted"):
            from gisdesk.store.sync_incidents import apply_incident_record

            touched.add(apply_incident_record(conn, rec, lambda ids: _received(conn, ids)))
            counts["incidents"] = counts.get("incidents", 0) + 1
        elif kind == "notification":
            _insert(conn, "task_notifications", rec["row"])
            counts["notifications"] += 1
        elif kind == "conflict":
            _insert(conn, "gisdesk_sync_conflicts", rec["row"], "INSERT OR REPLACE")
            counts["conflicts"] += 1
    return touched


def _replay_pending(store: ReplayTaskStore, touched: set[str]) -> tuple[int, int]:
    """Replay the package's unanswered changes on the records the source's file replaced."""
    replayed = pending = 0
    for r in outbox(store.conn, ("pending",)):
        pending += 1
        rec = dict(r["payload"], id=r["change_id"], kind=r["kind"])
        if r["record"] not in touched:
            continue
        try:
            with write_transaction(store.conn):
                if r["kind"] == "task_event":
                    if store.conn.execute("SELECT 1 FROM task_events WHERE id = ?", (r["change_id"],)).fetchone():
                        continue
                    if rec.get("action") == "resolve":  # settled here, not answered yet: settle it again
                        from gisdesk.store.sync_resolve import apply_resolution

                        if apply_resolution(store, rec)[0] == "refused":
                            raise ValueError("the conflict was settled otherwise")
                        replayed += 1
                        continue
                    task = replay_event(store, rec)
                    payload = dict(r["payload"], version=task.version)  # its base is now the source's history
                    store.conn.execute("UPDATE gisdesk_sync_out SET payload = ?, reason = NULL WHERE seq = ?",
                                       (json.dumps(payload, ensure_ascii=False), r["seq"]))
                elif r["kind"] == "question_close":
                    replay_other(store, rec)
                elif r["kind"] in ("incident_event", "incident_create"):
                    if store.conn.execute("SELECT 1 FROM incident_events WHERE id = ?", (r["change_id"],)).fetchone():
                        continue
                    from gisdesk.store.sync_apply import _incidents
                    from gisdesk.store.sync_incidents import apply_incident

                    result, reason, _ = apply_incident(_incidents(store), dict(rec, incident_uuid=r["record"]), "",
                                                       lambda *a: None)
                    if result == "conflict":
                        raise ValueError(reason)
                else:
                    continue  # questions, answers and attachments are never removed from the package
            replayed += 1
        except (InvalidTransition, PermissionDenied, KeyError, ValueError) as exc:
            store.conn.execute("UPDATE gisdesk_sync_out SET reason = ? WHERE seq = ?",
                               (f"does not apply here after the source's changes ({exc}); it is sent again and the "
                                "source decides", r["seq"]))
    return replayed, pending

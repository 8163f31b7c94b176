"""The source applies a package's changes file (``gisdesk package apply-changes SOURCE FILE``).

Each change is replayed as the package's user through the stores
(:mod:`gisdesk.store.sync_replay`), judged by the case rules
(:mod:`gisdesk.core.sync_rules`), and its result is written to ``gisdesk_sync_in`` *in the
same transaction* as the change itself. So:

* a change already in ``gisdesk_sync_in`` is not applied again (re-sending a file, a
  replay, a retry after an interruption: its first result is reported again);
* a process killed between two changes leaves every earlier change applied and recorded,
  and the next run goes on from there;
* a change the policy or the workflow refuses is recorded with the reason (and goes back to
  the package in the next file for it); a conflict keeps the losing change in
  ``gisdesk_sync_conflicts`` and adds a ``conflict`` event to the task's timeline.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable

from gisdesk.core.incidents import ValidationError, iso_utc, utc_now
from gisdesk.core.tasks import ConflictError, InvalidTransition, unit_record
from gisdesk.core.users import PermissionDenied
from gisdesk.store.base import open_workspace, write_transaction
from gisdesk.store.dialect import dialect_of
from gisdesk.store.package_meta import is_package, package_peer
from gisdesk.store.sync_format import ChangesFileError, read_changes, read_manifest
from gisdesk.store.sync_log import ensure_sync_schema
from gisdesk.store.sync_replay import ReplayTaskStore, judge_event, replay_event, replay_other, write_conflict

#: Changes applied per commit (``GISDESK_SYNC_BATCH`` overrides: the interruption tests commit more often).
BATCH = max(1, int(os.environ.get("GISDESK_SYNC_BATCH") or 50))
#: The fields each kind of change must carry.
_NEEDS: dict[str, tuple[str, ...]] = {
    "task_event": ("task_uuid", "action", "version", "who"), "task_attachment": ("task_uuid", "name", "data"),
    "question": ("subject", "body"), "answer": ("question_uuid", "body"), "question_close": ("question_uuid",),
    "incident_create": ("incident_uuid", "incident"), "incident_event": ("incident_uuid", "action"),
    "incident_included": ("incident_uuid", "into"), "feature_change": ("layer", "fkey", "op")}
#: Errors of one change that make it refused (or a conflict), never an aborted apply.
_REFUSALS = (PermissionDenied, ValidationError, ConflictError, KeyError, TypeError, ValueError)


class SyncCancelled(Exception):
    """The sync was cancelled at a safe point (between steps or batches): what was committed stays, the rest
    is sent again by the next sync (never applied twice)."""


@dataclass
class ApplyReport:
    """What applying a changes file did: one ``results`` row per change (``id``, ``seq``, ``kind``,
    ``record``, ``result``, ``reason``, ``conflict_id``, ``again``: it had been applied before)."""

    package_id: str
    user: str
    results: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many changes had each result (``again`` counts those already applied before)."""
        out: dict[str, int] = {}
        for r in self.results:
            out[r["result"]] = out.get(r["result"], 0) + 1
            if r["again"]:
                out["again"] = out.get("again", 0) + 1
        return out


def _peer_for(conn: Any, manifest: dict[str, Any], name: str) -> dict[str, Any]:
    peer = package_peer(conn, str(manifest.get("package_id")))
    if peer is None:
        raise ChangesFileError(f"'{name}' comes from package {manifest.get('package_id')} (user "
                               f"{manifest.get('user')}), which was not made from this workspace; apply it to its "
                               "source, or run 'gisdesk sync PACKAGE --to SOURCE' once with both files at hand")
    if peer["username"] != manifest.get("user"):
        raise ChangesFileError(f"'{name}' says it holds changes of {manifest.get('user')}, but package "
                               f"{peer['package_id']} was made for {peer['username']}; nothing applied")
    return peer


def apply_up(source: str | os.PathLike[str], changes: str | os.PathLike[str],
             progress: Callable[[float], Any] | None = None,
             cancelled: Callable[[], bool] | None = None) -> ApplyReport:
    """Apply a package's changes file to its source; returns what happened to each change.

    ``progress(fraction)`` is called after each committed batch; ``cancelled()`` is asked before each
    batch, and when it says yes :class:`SyncCancelled` is raised there (the batches before it stay
    applied and recorded; the package still holds every change as unanswered and sends them again).

    Raises
    ------
    ChangesFileError
        The file is not a changes file, was altered, is signed with another key, is a file
        for a package (``down``), or comes from a package this source does not know.
    """
    name = os.path.basename(str(changes))
    manifest = read_manifest(changes)
    if manifest.get("direction") != "up":
        raise ChangesFileError(f"'{name}' carries the source's changes for package {manifest.get('package_id')}: "
                               "apply it to that package, not to a source")
    conn = open_workspace(source)
    try:
        if is_package(conn):
            raise ChangesFileError(f"'{os.path.basename(str(source))}' is itself a package: apply '{name}' to "
                                   "the workspace the package was made from")
        ensure_sync_schema(conn)
        peer = _peer_for(conn, manifest, name)
        if dialect_of(conn).server:  # applied as its user: RLS checks it too
            from gisdesk.store.sync_server import require_package_login

            require_package_login(conn, peer["username"])
    finally:
        conn.close()
    manifest, records = read_changes(changes, peer["key"])
    report = ApplyReport(peer["package_id"], peer["username"])
    with ReplayTaskStore(source, peer["username"]) as store:
        _incidents(store)  # opened (and its schema checked) before the batches hold the write lock
        bases: dict[str, int] = {}  # per task: the version the package's chain of unanswered changes starts from
        for start in range(0, len(records), BATCH):
            if cancelled is not None and cancelled():
                raise SyncCancelled(f"cancelled after {start} of {len(records)} changes; the next sync sends the "
                                    "rest (and none twice)")
            # one commit per batch (a commit waits for the disk); each change with its result in a savepoint
            # inside it, so a batch is applied and recorded whole or not at all
            with write_transaction(store.conn):
                for rec in records[start:start + BATCH]:
                    if rec.get("kind") == "task_event" and rec.get("task_uuid") not in bases:
                        try:
                            bases[rec["task_uuid"]] = int(rec["version"]) - 1
                        except (KeyError, TypeError, ValueError):
                            pass
                    report.results.append(_apply_one(store, rec, peer["package_id"], bases))
            if progress is not None:
                progress(min(1.0, (start + BATCH) / len(records)))
        with write_transaction(store.conn) as c:
            c.execute("UPDATE gisdesk_sync_peers SET last_seen = ?, since = COALESCE(?, since), "
                      "last_seq = CASE WHEN last_seq > ? THEN last_seq ELSE ? END WHERE package_id = ?",
                      (iso_utc(utc_now()), manifest.get("since") or None, int(manifest.get("last_seq") or 0),
                       int(manifest.get("last_seq") or 0), peer["package_id"]))
    return report


def _result(rec: dict[str, Any], result: str, reason: str | None, conflict_id: str | None, again: bool) -> dict:
    return {"id": rec.get("id"), "seq": rec.get("seq"), "kind": rec.get("kind"),
            "record": rec.get("task_uuid") or rec.get("question_uuid") or rec.get("feature") or rec.get("id"),
            "result": result, "reason": reason, "conflict_id": conflict_id, "again": again}


def _apply_one(store: ReplayTaskStore, rec: dict[str, Any], package_id: str,
               bases: dict[str, int] | None = None) -> dict[str, Any]:
    """Apply one change and record its result, in one transaction (or report its earlier result)."""
    with write_transaction(store.conn) as c:
        row = c.execute("SELECT result, reason, conflict_id FROM gisdesk_sync_in WHERE change_id = ?",
                        (rec.get("id"),)).fetchone()
        if row is not None:
            return _result(rec, row[0], row[1], row[2], True)
        try:
            with write_transaction(c):
                result, reason, conflict_id = _decide_and_apply(store, rec, package_id, bases or {})
        except _REFUSALS as exc:
            result, reason, conflict_id = "refused", _words(exc), None
        c.execute("INSERT INTO gisdesk_sync_in (change_id, package_id, seq, kind, record, received_at, result, reason, "
                  "conflict_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  (rec.get("id"), package_id, rec.get("seq"), rec.get("kind") or "?",
                   rec.get("task_uuid") or rec.get("question_uuid") or rec.get("feature") or rec.get("id"),
                   iso_utc(utc_now()), result, reason, conflict_id))
    return _result(rec, result, reason, conflict_id, False)


def _incidents(store: ReplayTaskStore) -> Any:
    """The incident store of this apply, on the task store's connection (one transaction for both)."""
    inc = getattr(store, "_sync_incidents", None)
    if inc is None:
        from gisdesk.store.sync_incidents import ReplayIncidentStore

        inc = ReplayIncidentStore(store.path, store.user.username)
        inc.conn.close()
        inc.conn = store.conn
        store._sync_incidents = inc
    return inc


def _words(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return str(exc.args[0]) if exc.args else "a record it names does not exist here"
    if isinstance(exc, (TypeError, ValueError)) and not isinstance(exc, ValidationError):
        return f"malformed change ({exc})"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _decide_and_apply(store: ReplayTaskStore, rec: dict[str, Any], package_id: str,
                      bases: dict[str, int]) -> tuple[str, str | None, str | None]:
    if not rec.get("id"):
        raise ValueError("the change has no id")
    kind = rec.get("kind")
    if kind not in _NEEDS:
        raise ValueError(f"unknown kind of change {kind!r}")
    missing = [k for k in _NEEDS[kind] if rec.get(k) in (None, "")]
    if missing:
        raise ValueError(f"{kind} without {', '.join(missing)}")
    here = {"task_event": "task_events", "answer": "task_answers", "incident_event": "incident_events",
            "incident_create": "incident_events"}.get(kind or "")
    if here and store.conn.execute(f"SELECT 1 FROM {here} WHERE id = ?", (rec["id"],)).fetchone():
        return "identical", "already here (the package was made with it)", None
    author = rec.get("who") or rec.get("asked_by") or rec.get("added_by")
    if author != store.user.username:
        return "refused", (f"made by {author} on the package, which belongs to {store.user.username}: only the "
                           "package's user's changes travel"), None
    if kind == "feature_change":
        from gisdesk.store.sync_features import apply_feature

        return apply_feature(store.conn, store.user, rec, package_id)
    if kind == "task_event":
        if rec.get("action") == "create":  # a task made offline (where the policy lets its user create one)
            from gisdesk.store.sync_offline_tasks import replay_create

            return replay_create(store, rec, package_id)
        if rec.get("action") == "resolve":  # a conflict settled in the package: settled here the same way
            from gisdesk.store.sync_resolve import apply_resolution

            return apply_resolution(store, rec)
        verdict, task = judge_event(store, rec, package_id, bases.get(rec["task_uuid"]))
        if verdict.outcome == "apply":
            try:
                replay_event(store, rec, {"offline_at": rec.get("at"), "package": package_id})
                return "applied", None, None
            except (InvalidTransition, PermissionDenied) as exc:
                if verdict.reason != "concurrent":
                    raise
                verdict = type(verdict)("conflict", f"offline {rec.get('action')} by {rec.get('who')} lost: {exc}")
        if verdict.outcome == "conflict":
            kept = {"state": task.state, "commune": task.commune, "department": task.department,
                    "deadline": iso_utc(task.deadline) if task.deadline else None, "version": task.version}
            kept_by = store.conn.execute(  # who made the value that stays (not an earlier conflict's author)
                "SELECT who FROM task_events WHERE task_uuid = ? AND action NOT IN ('conflict', 'escalate') "
                "ORDER BY version DESC LIMIT 1", (task.uuid,)).fetchone()
            cid = write_conflict(store, rec, package_id, "task_event", task.uuid, verdict.reason, kept,
                                 kept_by[0] if kept_by else task.updated_by, unit_record(task))
            return "conflict", verdict.reason, cid
        return verdict.outcome, verdict.reason or None, None
    if kind in ("incident_create", "incident_event", "incident_included"):
        from gisdesk.store.sync_incidents import apply_incident

        return apply_incident(_incidents(store), rec, package_id,
                              lambda *a: write_conflict(store, *a))
    if kind == "answer":
        q = store._question(rec["question_uuid"])
        if q["status"] == "closed":
            reason = f"answer by {rec.get('who')} arrived after the question was closed; kept as a conflict"
            cid = write_conflict(store, rec, package_id, "answer", q["uuid"], reason, {"status": "closed"},
                                 None, {"commune": q["commune"], "department": q["to_department"]})
            return "conflict", reason, cid
    if kind == "question_close":
        q = store._question(rec["question_uuid"])
        if q["status"] == "closed":
            return "identical", "the question was already closed", None
    if kind in ("question", "task_attachment"):
        table, col = ("task_questions", "uuid") if kind == "question" else ("task_attachments", "id")
        if store.conn.execute(f"SELECT 1 FROM {table} WHERE {col} = ?", (rec["id"],)).fetchone():
            return "identical", "already here", None
    replay_other(store, rec)
    return "applied", None, None

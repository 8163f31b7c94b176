"""Settle a sync conflict: keep the current value or use the losing one, as an event through the stores.

:func:`resolve_conflict` is what the Conflicts list's "Keep current" / "Use the other value"
buttons call. In one transaction it

1. asks the access policy whether the user may settle it (``edit`` on a ``conflict``, with the
   owner :func:`gisdesk.core.conflict_resolution.conflict_owner` gives: the city for a case's
   state and assignment, the author of the losing change for their own evidence and progress);
2. checks the record's version (the one the form showed) and writes the choice as an event of
   the record: a ``resolve`` event in the task's timeline (with the chosen values; a losing
   value that wins becomes the task's), or for an incident an attribute change through the
   :class:`~gisdesk.store.incidents_store.IncidentStore` plus a ``resolve`` event;
3. records it against the conflict (``resolved_at``, ``resolved_by``, ``resolution``: the
   choice and the event's id).

A ``resolve`` task event travels by sync like any change: made in a package it is replayed at
the source by :func:`apply_resolution` (the policy asked again there, with the same event id),
and a conflict settled at the source goes down to the packages with the task's history.
"""

from __future__ import annotations

import json
import os
import uuid as _uuid
from typing import Any

from gisdesk.core import access
from gisdesk.core.conflict_resolution import CHOICES, access_record, event_data, resolved_task
from gisdesk.core.incidents import ValidationError, iso_utc
from gisdesk.core.tasks import ConflictError, Event
from gisdesk.store.base import write_transaction
from gisdesk.store.sync_log import ensure_sync_schema
from gisdesk.store.sync_replay import ReplayTaskStore

_COLS = ("id", "at", "package_id", "change_id", "kind", "record_uuid", "commune", "department", "field", "kept",
         "kept_by", "lost", "lost_by", "lost_at", "reason", "resolved_at", "resolved_by", "resolution")


def _json(text: Any) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return text


def read_conflict(conn: Any, conflict_id: str) -> dict[str, Any]:
    """One conflict row with ``kept``, ``lost`` and ``resolution`` decoded (KeyError when there is none)."""
    row = conn.execute(f"SELECT {', '.join(_COLS)} FROM gisdesk_sync_conflicts WHERE id = ?",
                       (conflict_id,)).fetchone()
    if row is None:
        raise KeyError(f"no sync conflict {conflict_id} here")
    out = dict(zip(_COLS, row))
    for key in ("kept", "lost", "resolution"):
        out[key] = _json(out[key])
    return out


def _settle(store: ReplayTaskStore, conflict_id: str, choice: str, version: int | None, note: str,
            event_id: str | None) -> dict[str, Any]:
    """The work of :func:`resolve_conflict` on an open store, inside its transaction."""
    if choice not in CHOICES:
        raise ValidationError(f"choose 'kept' (keep current) or 'lost' (use the other value), not {choice!r}")
    row = read_conflict(store.conn, conflict_id)
    if row["resolved_at"]:
        how = "kept the current value" if (row["resolution"] or {}).get("choice") == "kept" else "used the other value"
        raise ValidationError(f"this conflict was already settled by {row['resolved_by']} at "
                              f"{row['resolved_at'][:16].replace('T', ' ')} ({how}); nothing changed")
    access.require(store.user, "edit", "conflict", access_record(row))
    now = store._now()
    who = store.user.username
    data = event_data(row, choice)
    note = note or ("kept the current value" if choice == "kept" else "used the other value") + \
        f" of the sync conflict ({row['reason']})"
    eid = event_id or str(_uuid.uuid4())
    kind = row["kind"]
    if kind == "task_event":
        task = store._load(row["record_uuid"])  # the read check
        if version is not None and task.version != int(version):
            raise ConflictError(f"the task was changed by {task.updated_by} (version {task.version}, the form showed "
                                f"{version}); reload the conflict and choose again")
        new = resolved_task(task, row["lost"] or {}, choice, who, now)
        store._update(new, task.version)
        store.next_event_id = eid
        store._event(Event(task.uuid, "resolve", task.state, new.state, who, now, note, data), new.version)
    elif kind.startswith("incident"):
        eid = _settle_incident(store, row, choice, version, note, eid)
    elif choice == "lost":
        raise ValidationError(f"a conflict over a {kind.replace('_', ' ')} can only be closed by keeping the "
                              "current value here; make the change again if it is still wanted")
    store.conn.execute("UPDATE gisdesk_sync_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? "
                       "WHERE id = ? AND resolved_at IS NULL",
                       (iso_utc(now), who, json.dumps({"choice": choice, "event": eid, "values": data["values"],
                                                       "note": note}, ensure_ascii=False, default=str), conflict_id))
    return read_conflict(store.conn, conflict_id)


def _settle_incident(store: ReplayTaskStore, row: dict[str, Any], choice: str, version: int | None, note: str,
                     eid: str) -> str:
    from gisdesk.store.sync_apply import _incidents
    from gisdesk.store.sync_incidents import _value

    inc = _incidents(store)
    current = inc.get(row["record_uuid"])
    if version is not None and current.version != int(version):
        raise ConflictError(f"the incident was changed (version {current.version}, the form showed {version}); "
                            "reload the conflict and choose again")
    lost = row["lost"] or {}
    if choice == "lost" and lost.get("field"):
        inc.update(row["record_uuid"], {lost["field"]: _value(lost["field"], lost.get("to_state"))}, reason=note,
                   version=current.version)
    inc.next_event_id = eid
    inc.add_event(row["record_uuid"], "resolve", note)
    return eid


def resolve_conflict(workspace: str | os.PathLike[str], user: Any, conflict_id: str, choice: str, *,
                     version: int | None = None, note: str = "") -> dict[str, Any]:
    """Settle one conflict as ``user``: ``choice`` ``kept`` (keep current) or ``lost`` (use the other value).

    Parameters
    ----------
    workspace : path
        The workspace or package holding the conflict.
    user : User or str
        Who chooses (the store re-reads the role from the workspace).
    conflict_id : str
        The conflict's id (``gisdesk_sync_conflicts.id``).
    choice : {'kept', 'lost'}
    version : int, optional
        The record's version the form showed; a newer one is refused (ConflictError).
    note : str, optional
        Words for the event (default: which value was chosen, and the conflict's reason).

    Returns
    -------
    dict
        The conflict row as now stored (``resolved_at``, ``resolved_by``, ``resolution``).

    Raises
    ------
    PermissionDenied
        The policy's reason (e.g. a commune officer and a conflict over the assignment).
    ValidationError, ConflictError, KeyError
        Already settled; the record changed since the form was shown; no such conflict.
        In every case nothing was written.
    """
    from gisdesk.store.sync_apply import _incidents

    with ReplayTaskStore(workspace, user) as store:
        ensure_sync_schema(store.conn)
        _incidents(store)  # opened (its schema checked) before the transaction holds the write lock
        with write_transaction(store.conn):
            return _settle(store, conflict_id, choice, version, note, None)


def apply_resolution(store: ReplayTaskStore, rec: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """Replay a ``resolve`` task event that came by sync (same id, the policy asked again for its author);
    returns ``(result, reason, conflict_id)`` as :mod:`gisdesk.store.sync_apply` records it."""
    data = rec.get("data") or {}
    cid = data.get("conflict")
    if not cid:
        raise ValueError("a resolve event without its conflict")
    if store.conn.execute("SELECT 1 FROM task_events WHERE id = ?", (rec["id"],)).fetchone():
        return "identical", "already here", None
    try:
        row = read_conflict(store.conn, cid)
    except KeyError:
        return "refused", f"the conflict {cid} is not known here", None
    if row["resolved_at"] and (row["resolution"] or {}).get("event") != rec["id"]:
        return "refused", (f"the conflict was settled here first by {row['resolved_by']} at "
                           f"{row['resolved_at'][:16].replace('T', ' ')}; that choice stays"), None
    with write_transaction(store.conn):
        _settle(store, cid, data.get("choice") or "", None, rec.get("note") or "", rec["id"])
    return "applied", None, None


def conflict_view(workspace: str | os.PathLike[str], user: Any, conflict: dict[str, Any]) -> dict[str, Any]:
    """What the resolution form shows besides the conflict row: the record's ``version`` now (given back to
    :func:`resolve_conflict`), and ``kept_geom`` / ``lost_geom`` (shapely, workspace CRS, or None): where the
    record is and where the losing change put it (a position reported with a step, an incident's moved shape).
    Raises PermissionDenied / KeyError when the user may not read the record or it is gone."""
    import shapely

    with ReplayTaskStore(workspace, user) as store:
        lost = conflict.get("lost") if isinstance(conflict.get("lost"), dict) else {}
        kind = conflict.get("kind") or ""
        if kind.startswith("incident"):
            from gisdesk.store.sync_apply import _incidents

            inc = _incidents(store).get(conflict["record_uuid"])
            moved = lost.get("field") == "geometry" and lost.get("to_state")
            return {"version": inc.version, "kept_geom": inc.geometry,
                    "lost_geom": shapely.from_wkt(lost["to_state"]) if moved else None}
        if kind not in ("task_event", "task_attachment"):  # a question's answer: no place, no version
            return {"version": None, "kept_geom": None, "lost_geom": None}
        task = store._load(conflict["record_uuid"])
        pos = (lost.get("data") or {}).get("position")
        return {"version": task.version, "kept_geom": task.area,
                "lost_geom": shapely.Point(*pos[:2]) if pos else None}


__all__ = ["resolve_conflict", "read_conflict", "apply_resolution", "conflict_view"]

"""Incidents between a package and its source: new ones, attribute and status changes, deletions.

Changes (``up``)
----------------
``incident_create``
    An incident reported in the package: its ``created`` event's id, and the incident as it
    is when the change is logged (:func:`~gisdesk.store.incident_reads.snapshot`). Replayed with
    :meth:`IncidentStore.add` (same UUID; validated, routed and, at the source, dispatched by
    its rules). Later edits in the package travel as ``incident_event`` changes; those already
    in the snapshot then arrive as *identical*.
``incident_event``
    One ``incident_events`` row that changed one attribute (``changed``, ``status``,
    ``override``: ``field``, ``from_state``, ``to_state`` as text), a ``deleted`` or a
    ``linked_duplicate``. Judged per feature and attribute: the source's value equals the new
    one: *identical*; equals the old one: replayed with :meth:`IncidentStore.update` (or
    ``delete``/``link_duplicate``); anything else was changed at the source meanwhile: a
    *conflict*, the source's value stays and the losing one is kept in
    ``gisdesk_sync_conflicts`` and as a ``conflict`` event in the incident's history.

Not sent: ``routed`` events (they follow from another change, and the source routes by its
own rules), the automatic dispatch's events (the source dispatches by its own rules) and
``restored``.

Back (``down``)
---------------
``incident`` records: the row, the geometry and shape (WKB, hex) and the whole history of
every incident the package's user may read that changed at the source; ``incident_deleted``
for those deleted there.
"""

from __future__ import annotations

import json
from typing import Any

import shapely

from gisdesk.core import access
from gisdesk.core.incidents import ValidationError, iso_utc
from gisdesk.store.incident_reads import _unit, snapshot
from gisdesk.store.incidents_store import SHAPE_TABLES, IncidentStore, _put_shape, _srid, _text

#: Incident event actions that never travel (they follow from others, or the source makes its own).
LOCAL_ONLY: tuple[str, ...] = ("routed", "dispatch", "dispatch_failed", "duplicate_linked", "conflict")
#: Who writes events that never travel (the automatic dispatch).
SYSTEM_USERS: tuple[str, ...] = ("system",)
_EDIT_ACTIONS = ("changed", "status", "override")


class ReplayIncidentStore(IncidentStore):
    """An :class:`IncidentStore` whose next event gets a given id (a change keeps its UUID)."""

    next_event_id: str | None = None

    def _event(self, c: Any, uuid: str, version: int | None, action: str, field: str | None = None,
               old: Any = None, new: Any = None, note: str | None = None) -> None:
        if self.next_event_id is None:
            super()._event(c, uuid, version, action, field, old, new, note)
            return
        eid, self.next_event_id = self.next_event_id, None
        c.execute("INSERT INTO incident_events (id, incident_uuid, at, who, action, field, from_state, to_state, "
                  "note, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  (eid, uuid, iso_utc(self._clock()), self.user.username, action, field, _text(old), _text(new),
                   note, version))

    @staticmethod
    def _clock():
        from gisdesk.core.incidents import utc_now

        return utc_now()


def collect_incidents(conn: Any, mark: dict[str, int], not_logged: str) -> list[tuple[str, str, str, dict]]:
    """The incident changes the package wrote since they were last logged (see the module docstring)."""
    out: list[tuple[str, str, str, dict]] = []
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'incident_events'").fetchone():
        return out
    cur = conn.execute("SELECT id, incident_uuid, at, who, action, field, from_state, to_state, note, version "
                       f"FROM incident_events WHERE rowid > ? AND {not_logged.format(col='id')} "
                       f"AND action NOT IN {LOCAL_ONLY!r} AND who NOT IN ('system') ORDER BY rowid",
                       (mark.get("incident_events", 0),))
    names = [d[0] for d in cur.description]
    created: dict[str, str] = {}  # incidents reported in this batch: their later edits are in the snapshot
    for row in cur.fetchall():
        r = dict(zip(names, row))
        if r["action"] == "created":
            snap = _snapshot_now(conn, r["incident_uuid"])
            if snap is None:  # deleted again in the package: the create travels from its deletion's snapshot
                snap = _deleted_snapshot(conn, r["incident_uuid"])
            if snap is None:
                continue
            created[r["incident_uuid"]] = r["id"]
            out.append((r["id"], "incident_create", r["incident_uuid"], {**r, "incident": snap}))
        elif r["incident_uuid"] in created and r["action"] != "deleted":
            out.append((r["id"], "incident_included", r["incident_uuid"], {**r, "into": created[r["incident_uuid"]]}))
        else:
            out.append((r["id"], "incident_event", r["incident_uuid"], r))
    return out


def _snapshot_now(conn: Any, uuid: str) -> dict[str, Any] | None:
    from gisdesk.store.dialect import dialect_of
    from gisdesk.store.incident_reads import _incident, _select

    row = conn.execute(_select(dialect_of(conn)) + " WHERE i.uuid = ?", (uuid,)).fetchone()
    if row is None:
        return None
    snap = snapshot(_incident(row))
    snap["external_id"] = conn.execute("SELECT external_id FROM incidents WHERE uuid = ?", (uuid,)).fetchone()[0]
    return snap


def _deleted_snapshot(conn: Any, uuid: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT note FROM incident_events WHERE incident_uuid = ? AND action = 'deleted' "
                       "ORDER BY rowid LIMIT 1", (uuid,)).fetchone()
    try:
        return json.loads(row[0])["snapshot"] if row else None
    except (TypeError, ValueError, KeyError):
        return None


def _value(field: str, text: str | None) -> Any:
    """An attribute's value from its event text (:func:`gisdesk.store.incidents_store._text`)."""
    if text is None:
        return None
    if field == "geometry":
        return shapely.from_wkt(text)
    if field == "severity":
        return int(text)
    if field == "needs_review":
        return text in ("True", "1", "true")
    if field == "notes":
        return json.loads(text)
    return text


def _current_text(inc: Any, field: str) -> str | None:
    value = getattr(inc, field)
    return value.wkt if field == "geometry" else _text(value)


def apply_incident(inc_store: ReplayIncidentStore, rec: dict[str, Any], package_id: str,
                   write_conflict: Any) -> tuple[str, str | None, str | None]:
    """Replay one incident change at the source; returns ``(result, reason, conflict_id)``."""
    from gisdesk.store.incident_reads import from_snapshot

    uuid = rec["incident_uuid"]
    if rec["kind"] == "incident_included":  # an edit made before the report was sent: part of its snapshot
        row = inc_store.conn.execute("SELECT result, reason FROM gisdesk_sync_in WHERE change_id = ?",
                                     (rec.get("into"),)).fetchone()
        if row is None:
            raise KeyError(f"the report {rec.get('into')} this edit belongs to has not arrived")
        return row[0], (row[1] or "") + " (this edit was part of the incident as reported)", None
    exists = inc_store.conn.execute("SELECT 1 FROM incidents WHERE uuid = ?", (uuid,)).fetchone() is not None
    if rec["kind"] == "incident_create":
        if exists:
            return "identical", "the incident is already here", None
        snap = rec["incident"]
        inc = from_snapshot({k: v for k, v in snap.items() if k not in ("commune", "department")})
        inc_store.next_event_id = rec["id"]
        inc_store.add(inc, note=rec.get("note"), external_id=snap.get("external_id"))
        return "applied", None, None
    action, field = rec["action"], rec.get("field")
    if not exists:
        if action == "deleted":
            return "identical", "the incident was deleted here too", None
        raise KeyError(f"no incident {uuid} here (deleted meanwhile?)")
    current = inc_store.get(uuid)  # PermissionDenied when the user may not read it
    if action == "deleted":
        inc_store.next_event_id = rec["id"]
        inc_store.delete(uuid, reason=_reason(rec))
        return "applied", None, None
    if action == "linked_duplicate":
        if current.duplicate_of == rec.get("to_state"):
            return "identical", "already linked as a duplicate here", None
        inc_store.next_event_id = rec["id"]
        inc_store.link_duplicate(uuid, rec["to_state"], reason=rec.get("note") or "")
        return "applied", None, None
    if action not in _EDIT_ACTIONS or not field:
        if action in ("restored",):
            return "refused", "bringing back a deleted incident does not travel yet: do it at the source", None
        inc_store.add_event(uuid, action, rec.get("note") or action)
        return "applied", None, None
    now_text = _current_text(current, field)
    if now_text == rec.get("to_state"):
        return "identical", f"{field} is already {rec.get('to_state')!r} here", None
    if now_text != rec.get("from_state"):
        reason = (f"offline change of {field} by {rec.get('who')} lost: it was changed here meanwhile "
                  f"({rec.get('from_state')!r} -> {now_text!r}); the value here stays")
        cid = write_conflict(rec, package_id, "incident_event", uuid, reason, {field: now_text}, None, _unit(current))
        inc_store.conn.execute(
            "INSERT INTO incident_events (id, incident_uuid, at, who, action, field, from_state, to_state, note, "
            "version) VALUES (?, ?, ?, ?, 'conflict', ?, ?, ?, ?, ?)",
            (cid, uuid, iso_utc(inc_store._clock()), rec.get("who"), field, now_text, rec.get("to_state"),
             reason, current.version))
        return "conflict", reason, cid
    inc_store.next_event_id = rec["id"]
    inc_store.update(uuid, {field: _value(field, rec.get("to_state"))}, reason=rec.get("note") or "",
                     version=current.version)
    return "applied", None, None


def _reason(rec: dict[str, Any]) -> str:
    try:
        return json.loads(rec.get("note") or "{}").get("reason") or ""
    except (ValueError, AttributeError):
        return ""


# --- back to the package ----------------------------------------------------------------------------
_COLS = ("uuid", "category", "severity", "channel", "status", "description", "reported_at", "resolved_at",
         "updated_at", "commune_fid", "commune", "department", "camera_fid", "occurred_at", "address",
         "duplicate_of", "needs_review", "notes", "external_id", "version")


def incidents_since(conn: Any, user: Any, after: str, scope_sql: Any,
                    named: set[str] = frozenset()) -> list[dict[str, Any]]:
    """``incident`` and ``incident_deleted`` records for what changed at the source since ``after``
    (and the incidents ``named``, whatever their time)."""
    from gisdesk.store.dialect import dialect_of
    from gisdesk.store.sync_down import in_list

    scope, params = scope_sql("incident")
    sql = dialect_of(conn)
    listed, listed_params = in_list("uuid", named)

    def hexed(geom: str) -> str:
        return f"upper(encode({sql.as_wkb(geom)}, 'hex'))" if sql.server else f"hex({sql.as_wkb(geom)})"

    cur = conn.execute(
        f"SELECT {', '.join(_COLS)}, {hexed('geom')}, "
        f"(SELECT {hexed('geom')} FROM incident_shapes s WHERE s.incident_uuid = incidents.uuid) FROM incidents "
        f"WHERE {scope} AND (uuid IN (SELECT incident_uuid FROM incident_events WHERE at >= ?) OR {listed})",
        (*params, after, *listed_params))
    out = []
    for row in cur.fetchall():
        r = dict(zip(_COLS, row[:len(_COLS)]))
        events = conn.execute("SELECT id, incident_uuid, at, who, action, field, from_state, to_state, note, version "
                              f"FROM incident_events WHERE incident_uuid = ? ORDER BY {sql.insert_order}", (r["uuid"],))
        names = [d[0] for d in events.description]
        out.append({"kind": "incident", "id": r["uuid"], "row": r, "point": row[len(_COLS)],
                    "shape": row[len(_COLS) + 1], "events": [dict(zip(names, e)) for e in events.fetchall()]})
    f = access.read_filter(user, "incident")
    for uuid, note in conn.execute("SELECT incident_uuid, note FROM incident_events WHERE action = 'deleted' AND at >= ? "
                                   "AND incident_uuid NOT IN (SELECT uuid FROM incidents)", (after,)).fetchall():
        try:
            unit = _unit(json.loads(note)["snapshot"])
        except (TypeError, ValueError, KeyError):
            continue
        if f.matches(unit):
            out.append({"kind": "incident_deleted", "id": uuid})
    return out


def apply_incident_record(conn: Any, rec: dict[str, Any], received: Any) -> str:
    """Make the package's copy of one incident the source's (row, point, shape, history)."""
    uuid = rec["id"]
    srid = _srid(conn)
    if rec["kind"] == "incident_deleted":
        for table, _, _ in SHAPE_TABLES.values():
            conn.execute(f"DELETE FROM {table} WHERE incident_uuid = ?", (uuid,))
        conn.execute("DELETE FROM incidents WHERE uuid = ?", (uuid,))
        return uuid
    r = rec["row"]
    cols = [c for c in _COLS if c != "uuid"]
    if conn.execute("SELECT 1 FROM incidents WHERE uuid = ?", (uuid,)).fetchone():
        conn.execute(f"UPDATE incidents SET {', '.join(c + ' = ?' for c in cols)}, geom = GeomFromWKB(?, ?) "
                     "WHERE uuid = ?", [r[c] for c in cols] + [bytes.fromhex(rec["point"]), srid, uuid])
    else:
        conn.execute(f"INSERT INTO incidents ({', '.join(_COLS)}, geom) VALUES ({', '.join('?' * len(_COLS))}, "
                     "GeomFromWKB(?, ?))", [r[c] for c in _COLS] + [bytes.fromhex(rec["point"]), srid])
    if rec.get("shape"):
        _put_shape(conn, uuid, r["category"], shapely.from_wkb(bytes.fromhex(rec["shape"])), srid)
    else:
        for table, _, _ in SHAPE_TABLES.values():
            conn.execute(f"DELETE FROM {table} WHERE incident_uuid = ?", (uuid,))
    theirs = {e["id"] for e in rec["events"]}
    stale = [i for (i,) in conn.execute("SELECT id FROM incident_events WHERE incident_uuid = ?", (uuid,))
             if i not in theirs]
    if stale:
        trig = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                            "name = 'incident_events_no_delete'").fetchone()
        conn.execute("DROP TRIGGER IF EXISTS incident_events_no_delete")
        conn.executemany("DELETE FROM incident_events WHERE id = ?", [(i,) for i in stale])
        if trig:
            conn.execute(trig[0])
    cols_e = ("id", "incident_uuid", "at", "who", "action", "field", "from_state", "to_state", "note", "version")
    conn.executemany(f"INSERT OR IGNORE INTO incident_events ({', '.join(cols_e)}) VALUES ({', '.join('?' * 10)})",
                     [[e[c] for c in cols_e] for e in rec["events"]])
    received([(e["id"], "incident_event", uuid) for e in rec["events"]])
    return uuid


__all__ = ["ReplayIncidentStore", "collect_incidents", "apply_incident", "incidents_since", "apply_incident_record",
           "ValidationError"]

"""Edits made to incidents outside gisdesk (in QGIS, with ``sqlite3``, …) are noticed, not lost.

QGIS writes a workspace's ``incidents`` table directly: a new point, a moved one, a changed
status. Without help such a change would bypass the history (no event) and the routing (no
commune, no department). Plain-SQL triggers, installed by the incident migration, record it
in the same transaction as the edit, whoever makes it:

* an **update** that leaves ``version`` as it was (gisdesk raises it in every change it
  makes) writes an ``edited_outside`` event (with the status before and after), raises the
  version and marks the incident for review;
* an **insert** with an empty ``updated_at`` (gisdesk always sets the time; the defaults it
  writes into the layer's QGIS style leave it empty for a feature drawn in QGIS) gets a clean ``uuid`` (QGIS's ``uuid()`` default, written into the layer's QGIS style,
  has braces; a missing one is made), the times, status ``new`` and ``needs_review``, and a
  ``created_outside`` event;
* a **delete** with no ``deleted`` event (gisdesk writes one first) writes ``deleted_outside``
  with the status it had.

The triggers call only core SQLite functions, so any program can still write the table.
Routing needs the commune polygons: the next time gisdesk opens the workspace for writing,
:func:`settle` routes the incidents created outside (commune and department by the rules) and
records a ``routed`` event. The timeline shows these events as "edited outside gisdesk".
"""

from __future__ import annotations

from typing import Any

#: Who the events of an outside edit name.
OUTSIDE = "outside gisdesk"
_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
_UUID = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' "
         "|| substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' "
         "|| hex(randomblob(6)))")

TRIGGERS = {
    "incidents_outside_update": f"""
        CREATE TRIGGER IF NOT EXISTS incidents_outside_update AFTER UPDATE ON incidents
        WHEN NEW.version IS OLD.version AND NEW.uuid IS NOT NULL AND coalesce(OLD.updated_at, '') <> ''
        BEGIN
            INSERT INTO incident_events (id, incident_uuid, at, who, action, field, from_state, to_state, note,
                                         version)
            VALUES ({_UUID}, NEW.uuid, {_NOW}, '{OUTSIDE}', 'edited_outside', NULL, OLD.status, NEW.status,
                    'changed outside gisdesk (e.g. in QGIS): check it', OLD.version + 1);
            UPDATE incidents SET version = OLD.version + 1, needs_review = 1, updated_at = {_NOW}
            WHERE rowid = NEW.rowid;
        END""",
    "incidents_outside_insert": f"""
        CREATE TRIGGER IF NOT EXISTS incidents_outside_insert AFTER INSERT ON incidents
        WHEN coalesce(NEW.updated_at, '') = ''
        BEGIN
            UPDATE incidents SET uuid = CASE WHEN coalesce(trim(NEW.uuid, '{{}} '), '') = '' THEN {_UUID}
                                             ELSE lower(trim(NEW.uuid, '{{}} ')) END, status = coalesce(nullif(NEW.status, ''), 'new'),
                reported_at = coalesce(nullif(NEW.reported_at, ''), {_NOW}),
                occurred_at = coalesce(nullif(NEW.occurred_at, ''), nullif(NEW.reported_at, ''), {_NOW}), updated_at = {_NOW}, needs_review = 1, version = 1,
                severity = coalesce(NEW.severity, 2), channel = coalesce(nullif(NEW.channel, ''), 'officer')
            WHERE rowid = NEW.rowid;
            INSERT INTO incident_events (id, incident_uuid, at, who, action, field, from_state, to_state, note,
                                         version)
            SELECT {_UUID}, uuid, {_NOW}, '{OUTSIDE}', 'created_outside', NULL, NULL, status,
                   'created outside gisdesk (e.g. in QGIS): routed when gisdesk next opens the workspace', 1
            FROM incidents WHERE rowid = NEW.rowid;
        END""",
    "incidents_outside_delete": f"""
        CREATE TRIGGER IF NOT EXISTS incidents_outside_delete AFTER DELETE ON incidents
        WHEN OLD.uuid IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM incident_events WHERE incident_uuid = OLD.uuid AND action = 'deleted')
        BEGIN
            INSERT INTO incident_events (id, incident_uuid, at, who, action, field, from_state, to_state, note,
                                         version)
            VALUES ({_UUID}, OLD.uuid, {_NOW}, '{OUTSIDE}', 'deleted_outside', NULL, OLD.status, NULL,
                    'deleted outside gisdesk (e.g. in QGIS)', OLD.version + 1);
        END""",
}


def install(conn: Any) -> None:
    """Create the triggers (inside the caller's migration transaction); safe to run again."""
    for sql in TRIGGERS.values():
        conn.execute(sql)
    # settle() looks for incidents without a commune at every writable open: a partial index keeps that
    # a lookup of the few unrouted rows, not a scan of every incident
    conn.execute("CREATE INDEX IF NOT EXISTS idx_incidents_unrouted ON incidents (uuid) WHERE commune IS NULL")


def settle(store: Any) -> int:
    """Route the incidents created outside gisdesk that have no commune yet; returns how many.

    ``store`` is a writable :class:`~gisdesk.store.incidents_store.IncidentStore` on a workspace.
    Each gets its commune and department by the routing rules, and a ``routed`` event.
    """
    from gisdesk.core.incidents import route_many
    from gisdesk.store.base import write_transaction

    rows = store.conn.execute(
        f"SELECT i.uuid, i.category, {store.sql.as_wkb('i.geom')} FROM incidents i WHERE i.commune IS NULL "
        "AND i.geom IS NOT NULL AND EXISTS (SELECT 1 FROM incident_events e WHERE e.incident_uuid = i.uuid "
        "AND e.action = 'created_outside')").fetchall()
    if not rows:
        return 0
    import shapely

    geoms = shapely.from_wkb([r[2] for r in rows])
    routed = route_many(list(geoms), [r[1] or "other" for r in rows], store.communes, store.rules())
    with write_transaction(store.conn) as c:
        for (uuid, _cat, _wkb), (commune, department) in zip(rows, routed):
            version = c.execute("SELECT version FROM incidents WHERE uuid = ?", (uuid,)).fetchone()[0] + 1
            c.execute("UPDATE incidents SET commune = ?, department = ?, version = ? WHERE uuid = ?",
                      (commune, department, version, uuid))
            store._event(c, uuid, version, "routed", "commune", None, commune,
                         f"created outside gisdesk; routed to {commune or 'no commune'} / {department or '—'}")
    return len(rows)


__all__ = ["OUTSIDE", "TRIGGERS", "install", "settle"]

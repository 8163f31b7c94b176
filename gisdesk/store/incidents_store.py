"""Incidents in a gisdesk workspace: schema migration and the :class:`IncidentStore`.

Schema decisions
----------------
* The demo ``incidents`` table stays the map layer: a POINT table (workspace SRID) that
  renders and filters fast. :func:`ensure_schema` only *adds* to it, with ``ALTER TABLE
  ADD COLUMN`` (no row is rewritten or lost): ``occurred_at`` (filled from
  ``reported_at`` for old rows), ``address``, ``duplicate_of``, ``needs_review``,
  ``notes`` (a JSON list of text) and ``external_id`` (an Open311 id that was not a UUID).
* A line or polygon incident keeps its real shape in ``incident_lines`` (MULTILINESTRING)
  or ``incident_areas`` (MULTIPOLYGON): ``incident_uuid`` primary key, spatial index. One
  geometry type per table, so each is an ordinary map layer (GIS tools cannot draw a
  mixed-type layer well). Its row in ``incidents`` carries a representative point inside
  the shape (``point_on_surface``), so the point layer still shows every incident. Point
  incidents have no shape row. The view ``incident_shapes`` (``incident_uuid``,
  ``category``, ``geom``) reads both tables; workspaces from before the split are migrated.
* ``incident_events`` is the append-only history (triggers refuse UPDATE and DELETE):
  ``id`` (UUID), ``incident_uuid``, ``at`` (UTC ISO), ``who``, ``action``, ``field``,
  ``from_state``, ``to_state``, ``note``.
  The shape row repeats the ``category`` so the shapes layer can use category symbols.
* ``routing_rules`` (``category`` primary key -> ``department``) is the editable rules
  table and the editable category list; it starts from
  :data:`gisdesk.core.incidents.DEFAULT_ROUTING` plus the pairs already in ``incidents``.
* ``incident_attachments`` keeps photos and files inside the workspace (``data`` BLOB, at
  most :data:`MAX_ATTACHMENT_BYTES`); images are checked by their first bytes, not by
  their name, and only the types in :data:`ATTACHMENT_TYPES` are accepted.
* Deleting an incident removes its rows but not its history: a ``deleted`` event keeps
  a JSON snapshot, from which :meth:`IncidentStore.restore` can bring it back (undo).

Every timestamp is UTC ISO 8601 (``2026-05-01T08:30:00Z``); every key is a UUID.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid as _uuid
from datetime import timedelta
from typing import Any, Mapping

import shapely
from shapely.geometry.base import BaseGeometry

from gisdesk.core.incidents import (
    DEFAULT_ROUTING,
    OPEN_STATUSES,
    Communes,
    Incident,
    ValidationError,
    find_duplicates,
    iso_utc,
    route,
    to_utc,
    utc_now,
    validate_geometry,
)
from gisdesk.store.base import ConnectionStore, migration, open_workspace
from gisdesk.store.connection import connect

#: The largest photo or file kept with an incident (bytes).
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
#: Accepted attachment types: MIME type -> the first bytes a file of that type starts with.
ATTACHMENT_TYPES: dict[str, tuple[bytes, ...]] = {
    "image/jpeg": (b"\xff\xd8\xff",), "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"), "image/webp": (b"RIFF",), "application/pdf": (b"%PDF-",),
    "text/plain": (),
}
_IMAGE_SUFFIXES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
                   ".webp": "image/webp"}
_NEW_COLUMNS = {"occurred_at": "TEXT", "address": "TEXT", "duplicate_of": "TEXT",
                "needs_review": "INTEGER NOT NULL DEFAULT 0", "notes": "TEXT", "external_id": "TEXT"}
_EDITABLE = ("category", "severity", "description", "channel", "occurred_at", "address", "geometry",
             "commune", "department", "status", "needs_review", "notes")
_SELECT = ("SELECT i.uuid, i.category, i.severity, i.description, i.channel, "
           "COALESCE(i.occurred_at, i.reported_at), i.address, i.commune, i.department, i.status, "
           "i.duplicate_of, i.needs_review, i.notes, AsBinary(COALESCE(a.geom, l.geom, i.geom)) "
           "FROM incidents i LEFT JOIN incident_areas a ON a.incident_uuid = i.uuid "
           "LEFT JOIN incident_lines l ON l.incident_uuid = i.uuid")
#: Shape tables by dimension: (table, geometry type, SpatiaLite cast).
SHAPE_TABLES = {1: ("incident_lines", "MULTILINESTRING", "CastToMultiLinestring"),
                2: ("incident_areas", "MULTIPOLYGON", "CastToMultiPolygon")}


def _shape_tables(conn: Any) -> None:
    """Create the line and area tables, move shapes of the old mixed table into them, add the view."""
    names = {r[0]: r[1] for r in conn.execute("SELECT name, type FROM sqlite_master")}
    for table, gtype, _ in SHAPE_TABLES.values():
        if table not in names:
            conn.execute(f"CREATE TABLE {table} (incident_uuid TEXT PRIMARY KEY, category TEXT)")
            conn.execute(f"SELECT AddGeometryColumn('{table}', 'geom', ?, '{gtype}', 'XY')", (_srid(conn),))
            conn.execute(f"SELECT CreateSpatialIndex('{table}', 'geom')")
    if names.get("incident_shapes") == "table":  # a workspace from before the split
        have = {r[1] for r in conn.execute("PRAGMA table_info(incident_shapes)")}
        cat = "s.category" if "category" in have else "(SELECT category FROM incidents WHERE uuid = s.incident_uuid)"
        for dim, (table, _, cast) in SHAPE_TABLES.items():
            conn.execute(f"INSERT OR REPLACE INTO {table} (incident_uuid, category, geom) SELECT s.incident_uuid, "
                         f"{cat}, {cast}(s.geom) FROM incident_shapes s WHERE ST_Dimension(s.geom) = ?", (dim,))
        conn.execute("SELECT DisableSpatialIndex('incident_shapes', 'geom')")
        conn.execute("SELECT DiscardGeometryColumn('incident_shapes', 'geom')")
        conn.execute("DROP TABLE IF EXISTS idx_incident_shapes_geom")
        conn.execute("DROP TABLE incident_shapes")
        if "gisdesk_layer_groups" in names:
            conn.execute("DELETE FROM gisdesk_layer_groups WHERE layer = 'incident_shapes'")
    conn.execute("CREATE VIEW IF NOT EXISTS incident_shapes AS "
                 "SELECT incident_uuid, category, geom FROM incident_areas "
                 "UNION ALL SELECT incident_uuid, category, geom FROM incident_lines")
    if "gisdesk_layer_groups" in names:  # the shape layers sit just under the incident points, in their group
        for table in ("incident_lines", "incident_areas"):
            conn.execute(f"INSERT OR IGNORE INTO gisdesk_layer_groups SELECT '{table}', grp, position "
                         "FROM gisdesk_layer_groups WHERE layer = 'incidents'")


def _put_shape(conn: Any, uuid: str, category: str, geom: BaseGeometry, srid: int) -> None:
    """Store the shape of a line or polygon incident (and remove any earlier one)."""
    for table, _, _ in SHAPE_TABLES.values():
        conn.execute(f"DELETE FROM {table} WHERE incident_uuid = ?", (uuid,))
    dim = int(shapely.get_dimensions(geom))
    if dim in SHAPE_TABLES:
        table, _, cast = SHAPE_TABLES[dim]
        conn.execute(f"INSERT INTO {table} (incident_uuid, category, geom) VALUES (?, ?, {cast}(GeomFromWKB(?, ?)))",
                     (uuid, category, shapely.to_wkb(geom), srid))


def _srid(conn: Any) -> int:
    row = conn.execute("SELECT srid FROM geometry_columns WHERE f_table_name = 'incidents'").fetchone()
    return int(row[0]) if row else 32648


def ensure_schema(workspace: str | os.PathLike[str] | Any) -> None:
    """Add the incident tables and columns to a workspace; safe to run again.

    ``workspace`` is a path or an open connection. Existing rows are kept.
    """
    with migration(workspace, workspace_only=True) as conn:
        have = {r[1] for r in conn.execute("PRAGMA table_info(incidents)")}
        for name, decl in _NEW_COLUMNS.items():
            if name not in have:
                conn.execute(f"ALTER TABLE incidents ADD COLUMN {name} {decl}")
        if "occurred_at" not in have:
            conn.execute("UPDATE incidents SET occurred_at = reported_at WHERE occurred_at IS NULL")
        conn.execute("""CREATE TABLE IF NOT EXISTS incident_events (
            id TEXT PRIMARY KEY, incident_uuid TEXT NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL,
            action TEXT NOT NULL, field TEXT, from_state TEXT, to_state TEXT, note TEXT)""")
        conn.execute("CREATE INDEX IF NOT EXISTS idx_incident_events_uuid ON incident_events (incident_uuid, at)")
        for op in ("UPDATE", "DELETE"):
            conn.execute(f"""CREATE TRIGGER IF NOT EXISTS incident_events_no_{op.lower()}
                BEFORE {op} ON incident_events BEGIN
                SELECT RAISE(ABORT, 'incident_events is append-only'); END""")
        conn.execute("""CREATE TABLE IF NOT EXISTS routing_rules (
            category TEXT PRIMARY KEY, department TEXT NOT NULL, updated_at TEXT, updated_by TEXT)""")
        now = iso_utc(utc_now())
        conn.executemany("INSERT OR IGNORE INTO routing_rules VALUES (?, ?, ?, 'gisdesk')",
                         [(c, d, now) for c, d in DEFAULT_ROUTING.items()])
        conn.execute("INSERT OR IGNORE INTO routing_rules SELECT category, MIN(department), ?, 'gisdesk' "
                     "FROM incidents WHERE department IS NOT NULL GROUP BY category", (now,))
        _shape_tables(conn)
        conn.execute("""CREATE TABLE IF NOT EXISTS incident_attachments (
            id TEXT PRIMARY KEY, incident_uuid TEXT NOT NULL, name TEXT NOT NULL, mime TEXT NOT NULL,
            size INTEGER NOT NULL, sha256 TEXT NOT NULL, data BLOB NOT NULL, added_at TEXT NOT NULL,
            added_by TEXT NOT NULL)""")
        conn.execute("CREATE INDEX IF NOT EXISTS idx_incident_attachments_uuid "
                     "ON incident_attachments (incident_uuid)")
        conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS idx_incidents_uuid_u ON incidents (uuid)")


class IncidentStore(ConnectionStore):
    """Create, read, change and link incidents in a workspace, recording every change.

    Parameters
    ----------
    workspace : path-like
        A gisdesk workspace with an ``incidents`` POINT table and ``communes``.
    user : str
        Who is making the changes (written to ``incident_events.who``).
    """

    def __init__(self, workspace: str | os.PathLike[str], user: str, *, read_only: bool = False) -> None:
        self.path = workspace
        self.user = user
        # read_only: SQLite mode=ro, no migration (exports); a non-workspace file is refused first.
        self.conn = open_workspace(workspace, read_only=read_only)
        if not read_only:
            ensure_schema(self.conn)
        self.srid = _srid(self.conn)
        rows = self.conn.execute("SELECT name, AsBinary(geom) FROM communes ORDER BY fid").fetchall()
        self.communes = Communes.build([r[0] for r in rows], shapely.from_wkb([r[1] for r in rows]))
        self.boundary = self.communes.boundary

    # --- rules -----------------------------------------------------------------------
    def rules(self) -> dict[str, str]:
        """Category -> department (the editable routing rules; its keys are the category list)."""
        return dict(self.conn.execute("SELECT category, department FROM routing_rules ORDER BY category"))

    def set_rule(self, category: str, department: str) -> None:
        """Add or change the department a category is routed to."""
        if not category.strip() or not department.strip():
            raise ValidationError("a routing rule needs a category and a department")
        self.conn.execute("INSERT OR REPLACE INTO routing_rules VALUES (?, ?, ?, ?)",
                          (category.strip(), department.strip(), iso_utc(utc_now()), self.user))

    # --- events ----------------------------------------------------------------------
    def _event(self, uuid: str, action: str, field: str | None = None, old: Any = None, new: Any = None,
               note: str | None = None) -> None:
        self.conn.execute("INSERT INTO incident_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (str(_uuid.uuid4()), uuid, iso_utc(utc_now()), self.user, action, field,
                           _text(old), _text(new), note))

    def events(self, uuid: str) -> list[dict[str, Any]]:
        """The history of one incident, oldest first."""
        cur = self.conn.execute("SELECT at, who, action, field, from_state, to_state, note FROM incident_events "
                                "WHERE incident_uuid = ? ORDER BY at, rowid", (uuid,))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur]

    # --- incidents -------------------------------------------------------------------
    def prepare(self, incident: Incident) -> Incident:
        """Validate, repair and route ``incident`` (without storing it); notes say what was done."""
        incident.check()
        geom, notes = validate_geometry(incident.geometry, self.boundary)
        commune, department = route(geom, incident.category, self.communes, self.rules())
        return incident.evolve(geometry=geom, notes=list(incident.notes) + notes,
                               commune=incident.commune or commune,
                               department=incident.department or department)

    def create(self, incident: Incident, *, note: str | None = None, external_id: str | None = None) -> str:
        """Validate, route and store ``incident`` with a ``created`` event, in one transaction.

        Returns
        -------
        str
            The incident's UUID.

        Raises
        ------
        ValidationError
            The incident or its geometry cannot be stored (nothing is written).
        """
        inc = self.prepare(incident)
        with self.transaction() as c:
            self._insert(c, inc, None, external_id)
            self._event(inc.uuid, "created", None, None, inc.status, note or "; ".join(inc.notes) or None)
        return inc.uuid

    def _insert(self, c: Any, inc: Incident, reported_at: str | None, external_id: str | None) -> None:
        """Write the rows of ``inc`` (point, and shape for a line or area) inside a transaction."""
        if c.execute("SELECT 1 FROM incidents WHERE uuid = ?", (inc.uuid,)).fetchone():
            raise ValidationError(f"an incident with uuid {inc.uuid} already exists")
        anchor = inc.geometry if inc.geometry.geom_type == "Point" else shapely.point_on_surface(inc.geometry)
        now = iso_utc(utc_now())
        fid = c.execute("SELECT fid FROM communes WHERE name = ?", (inc.commune,)).fetchone()
        c.execute("INSERT INTO incidents (uuid, category, severity, channel, status, description, reported_at, "
                  "resolved_at, updated_at, commune_fid, commune, department, occurred_at, address, duplicate_of, "
                  "needs_review, notes, external_id, geom) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, MakePoint(?, ?, ?))",
                  (inc.uuid, inc.category, int(inc.severity), inc.channel, inc.status, inc.description,
                   reported_at or now, None if inc.is_open else now, now, fid[0] if fid else None, inc.commune,
                   inc.department, iso_utc(inc.occurred_at), inc.address, inc.duplicate_of, int(inc.needs_review),
                   json.dumps(inc.notes, ensure_ascii=False), external_id, anchor.x, anchor.y, self.srid))
        _put_shape(c, inc.uuid, inc.category, inc.geometry, self.srid)

    def get(self, uuid: str) -> Incident:
        """The stored incident ``uuid`` (KeyError if there is none)."""
        row = self.conn.execute(_SELECT + " WHERE i.uuid = ?", (uuid,)).fetchone()
        if row is None:
            raise KeyError(f"no incident {uuid}")
        return _incident(row)

    def list(self, status: str | list[str] | None = None, category: str | list[str] | None = None,
             commune: str | None = None, channel: str | None = None, since: Any = None, until: Any = None,
             open_only: bool = False, limit: int | None = None) -> list[Incident]:
        """Incidents matching every given filter, newest first (``since``/``until`` on ``occurred_at``)."""
        where, params = [], []
        for col, value in (("status", status), ("category", category), ("commune", commune), ("channel", channel)):
            if value is not None:
                values = [value] if isinstance(value, str) else list(value)
                where.append(f"i.{col} IN ({', '.join('?' * len(values))})")
                params += values
        if open_only:
            where.append(f"i.status IN ({', '.join('?' * len(OPEN_STATUSES))})")
            params += sorted(OPEN_STATUSES)
        for op, value in ((">=", since), ("<=", until)):
            if value is not None:
                where.append(f"COALESCE(i.occurred_at, i.reported_at) {op} ?")
                params.append(iso_utc(to_utc(value)))
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY COALESCE(i.occurred_at, i.reported_at) DESC, i.fid DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_incident(r) for r in self.conn.execute(sql, params)]

    def duplicates(self, incident: Incident, distance_m: float = 100.0, hours: float = 24.0) -> list[Incident]:
        """Open stored incidents ``incident`` may duplicate, nearest first (nothing is linked)."""
        window = timedelta(hours=hours)
        pool = self.list(category=incident.category, open_only=True, since=incident.occurred_at - window,
                         until=incident.occurred_at + window)
        return find_duplicates(incident, pool, distance_m, hours)

    def update(self, uuid: str, changes: Mapping[str, Any], reason: str = "") -> Incident:
        """Apply ``changes`` (attribute -> new value), one event per changed attribute.

        Changing ``commune`` or ``department`` overrides the routing and needs a ``reason``.
        A new ``geometry`` is validated and re-routed to its commune (unless ``commune`` is given);
        a new ``category`` is re-routed to its department by the rules (unless ``department`` is given).
        """
        unknown = set(changes) - set(_EDITABLE)
        if unknown:
            raise ValidationError(f"cannot change {', '.join(sorted(unknown))}")
        old = self.get(uuid)
        changes = dict(changes)
        if ({"commune", "department"} & set(changes)) and not reason.strip():
            raise ValidationError("overriding the commune or department needs a reason")
        if "occurred_at" in changes:
            changes["occurred_at"] = to_utc(changes["occurred_at"])
        routed = set()  # attributes set by the routing, not by the caller
        if "category" in changes and "department" not in changes:
            department = self.rules().get(changes["category"])
            if department:
                changes["department"] = department
                routed.add("department")
        if "geometry" in changes:
            geom, notes = validate_geometry(changes["geometry"], self.boundary)
            changes["geometry"] = geom
            if "commune" not in changes:
                changes["commune"] = route(geom, old.category, self.communes, {})[0]
                routed.add("commune")
            if notes:
                changes["notes"] = list(changes.get("notes", old.notes)) + notes
        new = old.evolve(**changes)
        new.check()
        diff = [k for k in changes if getattr(old, k) != getattr(new, k)]
        now = iso_utc(utc_now())
        with self.transaction() as c:
            for key in diff:
                value = getattr(new, key)
                if key == "geometry":
                    anchor = value if value.geom_type == "Point" else shapely.point_on_surface(value)
                    c.execute("UPDATE incidents SET geom = MakePoint(?, ?, ?) WHERE uuid = ?",
                              (anchor.x, anchor.y, self.srid, uuid))
                    _put_shape(c, uuid, new.category, value, self.srid)
                    self._event(uuid, "changed", key, old.geometry.wkt, value.wkt, reason or None)
                    continue
                stored = (iso_utc(value) if key == "occurred_at" else json.dumps(value, ensure_ascii=False)
                          if key == "notes" else int(value) if key == "needs_review" else value)
                c.execute(f"UPDATE incidents SET {key} = ? WHERE uuid = ?", (stored, uuid))
                if key == "category":
                    for table, _, _ in SHAPE_TABLES.values():
                        c.execute(f"UPDATE {table} SET category = ? WHERE incident_uuid = ?", (value, uuid))
                if key == "commune":
                    c.execute("UPDATE incidents SET commune_fid = (SELECT fid FROM communes WHERE name = ?) "
                              "WHERE uuid = ?", (value, uuid))
                if key == "status":
                    c.execute("UPDATE incidents SET resolved_at = ? WHERE uuid = ?",
                              (None if new.is_open else now, uuid))
                action = ("routed" if key in routed else "override" if key in ("commune", "department")
                          else "status" if key == "status" else "changed")
                self._event(uuid, action, key, getattr(old, key), value, reason or None)
            if diff:
                c.execute("UPDATE incidents SET updated_at = ? WHERE uuid = ?", (now, uuid))
        return new

    def link_duplicate(self, uuid: str, of_uuid: str, reason: str = "") -> Incident:
        """Mark ``uuid`` a duplicate of ``of_uuid`` (status ``duplicate``), with an event on both."""
        if uuid == of_uuid:
            raise ValidationError("an incident cannot duplicate itself")
        target = self.get(of_uuid)
        if target.duplicate_of == uuid:
            raise ValidationError(f"{of_uuid} is already a duplicate of {uuid}")
        old = self.get(uuid)
        now = iso_utc(utc_now())
        with self.transaction() as c:
            c.execute("UPDATE incidents SET duplicate_of = ?, status = 'duplicate', resolved_at = ?, updated_at = ? "
                      "WHERE uuid = ?", (of_uuid, now, now, uuid))
            self._event(uuid, "linked_duplicate", "duplicate_of", old.duplicate_of, of_uuid, reason or None)
            self._event(of_uuid, "duplicate_linked", None, None, uuid, reason or None)
        return self.get(uuid)

    def delete(self, uuid: str, reason: str = "") -> dict[str, Any]:
        """Remove an incident from the map and lists; its history stays.

        A ``deleted`` event keeps a JSON snapshot of the incident; the attachments stay
        in the workspace. Returns the snapshot, which :meth:`restore` takes back.
        """
        row = self.conn.execute("SELECT reported_at, external_id FROM incidents WHERE uuid = ?", (uuid,)).fetchone()
        if row is None:
            raise KeyError(f"no incident {uuid}")
        snap = snapshot(self.get(uuid))
        snap["reported_at"], snap["external_id"] = row
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM incidents WHERE duplicate_of = ?", (uuid,)).fetchone():
                raise ValidationError("other incidents are linked to this one as duplicates: unlink them first")
            for table, _, _ in SHAPE_TABLES.values():
                c.execute(f"DELETE FROM {table} WHERE incident_uuid = ?", (uuid,))
            c.execute("DELETE FROM incidents WHERE uuid = ?", (uuid,))
            self._event(uuid, "deleted", None, snap["status"], None,
                        json.dumps({"reason": reason, "snapshot": snap}, ensure_ascii=False))
        return snap

    def restore(self, snap: Mapping[str, Any], reason: str = "") -> str:
        """Bring back an incident :meth:`delete` removed, with the same UUID and history."""
        inc = from_snapshot(snap)
        with self.transaction() as c:
            self._insert(c, inc, snap.get("reported_at"), snap.get("external_id"))
            self._event(inc.uuid, "restored", None, None, inc.status, reason or None)
        return inc.uuid

    # --- attachments -----------------------------------------------------------------
    def attach(self, uuid: str, name: str, data: bytes, max_bytes: int = MAX_ATTACHMENT_BYTES) -> str:
        """Keep a photo or file with incident ``uuid``; returns the attachment id.

        Raises
        ------
        ValidationError
            Too big, empty, a type not in :data:`ATTACHMENT_TYPES`, or an image whose
            bytes are not the image its name says (nothing is written).
        """
        self.get(uuid)  # KeyError for an unknown incident
        mime = attachment_type(name, data, max_bytes)
        att_id = str(_uuid.uuid4())
        with self.transaction() as c:
            c.execute("INSERT INTO incident_attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (att_id, uuid, os.path.basename(name), mime, len(data), hashlib.sha256(data).hexdigest(),
                       bytes(data), iso_utc(utc_now()), self.user))
            self._event(uuid, "attached", "attachment", None, os.path.basename(name), mime)
        return att_id

    def attachments(self, uuid: str) -> list[dict[str, Any]]:
        """The attachments of ``uuid`` (``id``, ``name``, ``mime``, ``size``, ``added_at``, ``added_by``), oldest first."""
        cur = self.conn.execute("SELECT id, name, mime, size, added_at, added_by FROM incident_attachments "
                                "WHERE incident_uuid = ? ORDER BY added_at, rowid", (uuid,))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur]

    def attachment_data(self, att_id: str) -> bytes:
        """The bytes of one attachment (KeyError if there is none)."""
        row = self.conn.execute("SELECT data FROM incident_attachments WHERE id = ?", (att_id,)).fetchone()
        if row is None:
            raise KeyError(f"no attachment {att_id}")
        return bytes(row[0])

    def remove_attachment(self, att_id: str, reason: str = "") -> None:
        """Remove one attachment (an event on its incident says which)."""
        row = self.conn.execute("SELECT incident_uuid, name FROM incident_attachments WHERE id = ?",
                                (att_id,)).fetchone()
        if row is None:
            raise KeyError(f"no attachment {att_id}")
        with self.transaction() as c:
            c.execute("DELETE FROM incident_attachments WHERE id = ?", (att_id,))
            self._event(row[0], "detached", "attachment", row[1], None, reason or None)

    def add_event(self, uuid: str, action: str, note: str) -> None:
        """Record something that happened to an incident without changing it (e.g. a repeated detection)."""
        with self.transaction():
            self._event(uuid, action, None, None, None, note)


def attachment_type(name: str, data: bytes, max_bytes: int = MAX_ATTACHMENT_BYTES) -> str:
    """The MIME type of an attachment, checked against its bytes; ValidationError when refused."""
    size = len(data)
    if size == 0:
        raise ValidationError(f"{name} is empty")
    if size > max_bytes:
        raise ValidationError(f"{name} is {size / 1048576:.1f} MB; attachments may be at most "
                              f"{max_bytes / 1048576:.0f} MB")
    head = bytes(data[:16])
    for mime, magics in ATTACHMENT_TYPES.items():
        if magics and head.startswith(magics):
            if mime == "image/webp" and head[8:12] != b"WEBP":
                continue
            claimed = _IMAGE_SUFFIXES.get(os.path.splitext(name)[1].lower())
            if claimed and claimed != mime:
                raise ValidationError(f"{name} is named {claimed.split('/')[1].upper()} but holds "
                                      f"{mime.split('/')[1].upper()}")
            return mime
    suffix = os.path.splitext(name)[1].lower()
    if suffix in _IMAGE_SUFFIXES:
        raise ValidationError(f"{name} is not a {suffix[1:].upper()} image (its bytes say otherwise)")
    if suffix in (".txt", ".csv", ".md", ".log", ""):
        try:
            bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError(f"{name} is not UTF-8 text") from None
        if b"\x00" not in data:
            return "text/plain"
    raise ValidationError(f"{name}: only JPEG, PNG, GIF and WebP photos, PDF and plain text files can be attached")


def snapshot(inc: Incident) -> dict[str, Any]:
    """An incident as JSON-ready values (geometry as WKT), e.g. for an undo or an event."""
    return {"uuid": inc.uuid, "category": inc.category, "geometry": inc.geometry.wkt, "severity": int(inc.severity),
            "description": inc.description, "channel": inc.channel, "occurred_at": iso_utc(inc.occurred_at),
            "address": inc.address, "commune": inc.commune, "department": inc.department, "status": inc.status,
            "duplicate_of": inc.duplicate_of, "needs_review": bool(inc.needs_review), "notes": list(inc.notes)}


def from_snapshot(snap: Mapping[str, Any]) -> Incident:
    """The :class:`Incident` a :func:`snapshot` describes."""
    fields = {k: v for k, v in snap.items() if k not in ("reported_at", "external_id")}
    fields["geometry"] = shapely.from_wkt(fields["geometry"])
    return Incident(**fields)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return iso_utc(value)
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False)
    return str(value)


def _incident(row: tuple) -> Incident:
    (uuid, category, severity, description, channel, occurred, address, commune, department, status,
     duplicate_of, needs_review, notes, wkb) = row
    geom: BaseGeometry = shapely.from_wkb(wkb)
    if geom.geom_type.startswith("Multi") and len(geom.geoms) == 1:  # shape tables hold multi types
        geom = geom.geoms[0]
    return Incident(category=category, geometry=geom, severity=int(severity), description=description or "",
                    channel=channel, occurred_at=occurred, address=address or "", commune=commune,
                    department=department, status=status, duplicate_of=duplicate_of,
                    needs_review=bool(needs_review), notes=json.loads(notes) if notes else [], uuid=uuid)

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
* ``incidents.version`` (1 at creation, +1 per change; old rows 1) and
  ``incident_events.version`` (the incident version the event produced, or the version it
  was recorded at when it changed nothing): a writer gives the version it read and a
  stale one gets :class:`~gisdesk.core.tasks.ConflictError` naming the other change.
* Deleting an incident removes its rows but not its history: a ``deleted`` event keeps
  a JSON snapshot, from which :meth:`IncidentStore.restore` can bring it back (undo).

Every timestamp is UTC ISO 8601 (``2026-05-01T08:30:00Z``); every key is a UUID.

Access: an :class:`IncidentStore` is bound to one user (re-read from the ``users`` table)
and asks :mod:`gisdesk.core.access` for everything: reads see only the rows
:func:`~gisdesk.core.access.read_filter` lets through, every change is checked by
:func:`~gisdesk.core.access.require` on the record before *and after* it (a commune
officer cannot move an incident out of their commune) and a refusal writes nothing.
"""

from __future__ import annotations

import json
import os
import uuid as _uuid
from typing import Any, Mapping

import shapely
from shapely.geometry.base import BaseGeometry

from gisdesk.core.incidents import (
    DEFAULT_ROUTING,
    Communes,
    Incident,
    ValidationError,
    iso_utc,
    route,
    to_utc,
    utc_now,
    validate_geometry,
)
from gisdesk.core import access
from gisdesk.core.users import PermissionDenied, User
from gisdesk.store import outside_edits
from gisdesk.store.base import ConnectionStore, migration, open_workspace
from gisdesk.store.connection import connect
from gisdesk.store.dialect import dialect_of
from gisdesk.store.incident_attachments import (  # noqa: F401 (re-exported)
    ATTACHMENT_TYPES,
    MAX_ATTACHMENT_BYTES,
    AttachmentsMixin,
    attachment_type,
)
from gisdesk.store.incident_codes import ensure_codes
from gisdesk.store.incident_reads import IncidentReadsMixin, _unit, from_snapshot, snapshot  # noqa: F401
from gisdesk.store.users_store import resolve_user

_NEW_COLUMNS = {"occurred_at": "TEXT", "address": "TEXT", "duplicate_of": "TEXT",
                "needs_review": "INTEGER NOT NULL DEFAULT 0", "notes": "TEXT", "external_id": "TEXT",
                "version": "INTEGER NOT NULL DEFAULT 1"}
_EDITABLE = ("category", "severity", "description", "channel", "occurred_at", "address", "geometry",
             "commune", "department", "status", "needs_review", "notes")
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
        table, gtype, _ = SHAPE_TABLES[dim]
        sql = dialect_of(conn)
        conn.execute(f"INSERT INTO {table} (incident_uuid, category, geom) "
                     f"VALUES (?, ?, {sql.multi(sql.from_wkb('?', '?'), gtype)})",
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
        if "version" not in {r[1] for r in conn.execute("PRAGMA table_info(incident_events)")}:
            conn.execute("ALTER TABLE incident_events ADD COLUMN version INTEGER")
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
        outside_edits.install(conn)  # edits made in QGIS get history instead of bypassing it
        ensure_codes(conn)  # the dashboards' integer codes, kept by triggers (gisdesk.store.incident_codes)


class IncidentStore(IncidentReadsMixin, AttachmentsMixin, ConnectionStore):
    """Create, read, change and link incidents in a workspace as one user, recording every change.

    Parameters
    ----------
    workspace : path-like or str
        A gisdesk workspace with an ``incidents`` POINT table and ``communes``, or the city
        server (``postgresql://LOGIN@HOST/DATABASE``, see :mod:`gisdesk.store.dialect`).
    user : User or str
        Who acts. Role, commune and department are re-read from the workspace's ``users``
        table (:func:`~gisdesk.store.users_store.resolve_user`): a name that is not there
        only reads. ``self.user`` is the result; events record its ``username``. On the
        server the login role acts (``None``, or its name; another name is refused).

    Every read returns only what :func:`gisdesk.core.access.read_filter` lets the user
    see (an incident outside it is a :class:`PermissionDenied`, never its content);
    every change is refused with :class:`PermissionDenied` (the policy's reason) or
    :class:`~gisdesk.core.tasks.ConflictError` (a stale ``version``) having written nothing.
    """

    def __init__(self, workspace: str | os.PathLike[str], user: User | str, *, read_only: bool = False) -> None:
        self.path = workspace
        # read_only: SQLite mode=ro, no migration (exports); a non-workspace file is refused first.
        self.conn = open_workspace(workspace, read_only=read_only)  # a file, or a postgresql:// URL
        self.sql = dialect_of(self.conn)
        try:
            if not read_only and self.sql.migrates_in_place:  # the server's schema is `gisdesk server init`'s
                ensure_schema(self.conn)
            self.user: User = resolve_user(self.conn, user)
            self.srid = _srid(self.conn)
            rows = self.conn.execute(f"SELECT name, {self.sql.as_wkb('geom')} FROM communes ORDER BY fid").fetchall()
        except BaseException:
            self.conn.close()
            raise
        self.communes = Communes.build([r[0] for r in rows], shapely.from_wkb([r[1] for r in rows]))
        self.boundary = self.communes.boundary
        if not read_only and self.sql.migrates_in_place:
            outside_edits.settle(self)  # incidents drawn in QGIS since: routed, with an event

    # --- who acts ----------------------------------------------------------------------
    def bind(self, user: User | str) -> User:
        """Act as ``user`` from now on (re-read from the ``users`` table); returns who that is."""
        self.user = resolve_user(self.conn, user)
        return self.user

    # --- rules -----------------------------------------------------------------------
    def rules(self) -> dict[str, str]:
        """Category -> department (the editable routing rules; its keys are the category list)."""
        return dict(self.conn.execute("SELECT category, department FROM routing_rules ORDER BY category"))

    def set_rule(self, category: str, department: str) -> None:
        """Add or change the department a category is routed to (the city only)."""
        access.require(self.user, "edit", "routing_rule")
        if not category.strip() or not department.strip():
            raise ValidationError("a routing rule needs a category and a department")
        with self.transaction() as c:
            c.execute(self.sql.upsert("routing_rules", ("category", "department", "updated_at", "updated_by"),
                                      ("category",)),
                      (category.strip(), department.strip(), iso_utc(utc_now()), self.user.username))

    # --- events ----------------------------------------------------------------------
    def _event(self, c: Any, uuid: str, version: int | None, action: str, field: str | None = None,
               old: Any = None, new: Any = None, note: str | None = None) -> None:
        c.execute("INSERT INTO incident_events (id, incident_uuid, at, who, action, field, from_state, to_state, "
                  "note, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  (str(_uuid.uuid4()), uuid, iso_utc(utc_now()), self.user.username, action, field,
                   _text(old), _text(new), note, version))

    # --- incidents -------------------------------------------------------------------
    def _prepare(self, incident: Incident) -> tuple[Incident, tuple[str | None, str | None]]:
        incident.check()
        geom, notes = validate_geometry(incident.geometry, self.boundary)
        routed = route(geom, incident.category, self.communes, self.rules())
        return incident.evolve(geometry=geom, notes=list(incident.notes) + notes,
                               commune=incident.commune or routed[0],
                               department=incident.department or routed[1]), routed

    def prepare(self, incident: Incident) -> Incident:
        """Validate, repair and route ``incident`` (without storing it); notes say what was done."""
        return self._prepare(incident)[0]

    def create(self, incident: Incident, *, note: str | None = None, external_id: str | None = None) -> str:
        """Validate, route and store ``incident`` with a ``created`` event, in one transaction.

        Returns
        -------
        str
            The incident's UUID.

        Raises
        ------
        PermissionDenied
            A viewer, or a commune or department given that differs from the routing
            without the right to re-route (nothing is written).
        ValidationError
            The incident or its geometry cannot be stored (nothing is written).
        """
        return self.add(incident, note=note, external_id=external_id).uuid

    def add(self, incident: Incident, *, note: str | None = None, external_id: str | None = None) -> Incident:
        """As :meth:`create`, returning the stored incident (which the user may no longer read:
        a commune officer reports anywhere, and the report goes to the commune it lies in).

        After the commit the workspace's dispatch rules may make a task of it
        (:func:`gisdesk.store.dispatch_store.dispatch_new`)."""
        access.require(self.user, "create", "incident")
        inc, routed = self._prepare(incident)
        with self.transaction() as c:
            access.require(self.user, "create", "incident", _unit(inc))
            if (incident.commune and incident.commune != routed[0]) or \
                    (incident.department and incident.department != routed[1]):
                access.require(self.user, "reroute", "incident", _unit(inc))
            self._insert(c, inc, None, external_id, 1)
            self._event(c, inc.uuid, 1, "created", None, None, inc.status, note or "; ".join(inc.notes) or None)
        from gisdesk.store.dispatch_store import dispatch_new  # the one hook of automatic dispatch

        dispatch_new(self.conn, inc.uuid)
        return inc.evolve(version=1)

    def _insert(self, c: Any, inc: Incident, reported_at: str | None, external_id: str | None,
                version: int) -> None:
        """Write the rows of ``inc`` (point, and shape for a line or area) inside a transaction."""
        if c.execute("SELECT 1 FROM incidents WHERE uuid = ?", (inc.uuid,)).fetchone():
            raise ValidationError(f"an incident with uuid {inc.uuid} already exists")
        anchor = inc.geometry if inc.geometry.geom_type == "Point" else shapely.point_on_surface(inc.geometry)
        now = iso_utc(utc_now())
        fid = c.execute("SELECT fid FROM communes WHERE name = ?", (inc.commune,)).fetchone()
        c.execute("INSERT INTO incidents (uuid, category, severity, channel, status, description, reported_at, "
                  "resolved_at, updated_at, commune_fid, commune, department, occurred_at, address, duplicate_of, "
                  "needs_review, notes, external_id, version, geom) "
                  f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {self.sql.point('?', '?', '?')})",
                  (inc.uuid, inc.category, int(inc.severity), inc.channel, inc.status, inc.description,
                   reported_at or now, None if inc.is_open else now, now, fid[0] if fid else None, inc.commune,
                   inc.department, iso_utc(inc.occurred_at), inc.address, inc.duplicate_of, int(inc.needs_review),
                   json.dumps(inc.notes, ensure_ascii=False), external_id, version, anchor.x, anchor.y, self.srid))
        _put_shape(c, inc.uuid, inc.category, inc.geometry, self.srid)

    def update(self, uuid: str, changes: Mapping[str, Any], reason: str = "", *,
               version: int | None = None) -> Incident:
        """Apply ``changes`` (attribute -> new value), one event per changed attribute.

        Changing ``commune`` or ``department`` overrides the routing: it needs a ``reason``
        and the right to re-route. A new ``geometry`` is validated and re-routed to its
        commune (unless ``commune`` is given); a new ``category`` is re-routed to its
        department by the rules (unless ``department`` is given). The user needs the
        right to edit (attributes), change the status and re-route (overrides) the
        incident as it was *and* as it would be.

        Parameters
        ----------
        version : int, optional
            The version the caller read (``Incident.version``); a newer stored one raises
            :class:`~gisdesk.core.tasks.ConflictError` naming who changed what meanwhile.
        """
        unknown = set(changes) - set(_EDITABLE)
        if unknown:
            raise ValidationError(f"cannot change {', '.join(sorted(unknown))}")
        changes = dict(changes)
        if ({"commune", "department"} & set(changes)) and not reason.strip():
            raise ValidationError("overriding the commune or department needs a reason")
        if "occurred_at" in changes:
            changes["occurred_at"] = to_utc(changes["occurred_at"])
        geom_notes: list[str] = []
        if "geometry" in changes:
            changes["geometry"], geom_notes = validate_geometry(changes["geometry"], self.boundary)
        now = iso_utc(utc_now())
        with self.transaction() as c:
            old = self.get(uuid)  # read inside the lock: the "from" values are the real ones
            self._check_version(c, uuid, old.version, version)
            routed = set()  # attributes set by the routing, not by the caller
            if "category" in changes and "department" not in changes:
                department = self.rules().get(changes["category"])
                if department:
                    changes["department"] = department
                    routed.add("department")
            if "geometry" in changes:
                if "commune" not in changes:
                    changes["commune"] = route(changes["geometry"], old.category, self.communes, {})[0]
                    routed.add("commune")
                if geom_notes:
                    changes["notes"] = list(changes.get("notes", old.notes)) + geom_notes
            new = old.evolve(**changes)
            new.check()
            diff = [k for k in changes if getattr(old, k) != getattr(new, k)]
            self._require_change(old, new, diff or list(changes), routed)  # a no-op is checked too
            if not diff:
                return old
            v = old.version + 1
            sets: list[str] = []
            params: list[Any] = []
            for key in diff:
                key_sets, key_params = self._write(c, uuid, key, old, new, now)
                sets += key_sets
                params += key_params
                action = ("routed" if key in routed else "override" if key in ("commune", "department")
                          else "status" if key == "status" else "changed")
                before, after = ((old.geometry.wkt, new.geometry.wkt) if key == "geometry"
                                 else (getattr(old, key), getattr(new, key)))
                self._event(c, uuid, v, action, key, before, after, reason or None)
            # one statement changes the row and raises its version: an UPDATE that leaves the version
            # as it was is an edit made outside gisdesk (store/outside_edits.py)
            c.execute(f"UPDATE incidents SET {', '.join(sets + ['updated_at = ?', 'version = ?'])} WHERE uuid = ?",
                      (*params, now, v, uuid))
        return new.evolve(version=v)

    def _require_change(self, old: Incident, new: Incident, diff: list[str], routed: set[str]) -> None:
        """PermissionDenied unless the user may make this change, judged on the incident before
        and after it (a change may not carry an incident out of the user's reach)."""
        actions = []
        if any(k not in ("status", "commune", "department") or k in routed for k in diff):
            actions.append("edit")
        if "status" in diff:
            actions.append("change_status")
        if any(k in ("commune", "department") and k not in routed for k in diff):
            actions.append("reroute")
        for action in actions:
            access.require(self.user, action, "incident", _unit(old))
            after = access.decide(self.user, action, "incident", _unit(new))
            if not after:
                raise PermissionDenied(f"{after.reason} (after this change)")

    def _write(self, c: Any, uuid: str, key: str, old: Incident, new: Incident,
               now: str) -> tuple[list[str], list[Any]]:
        """The assignments (``col = ?``) and parameters that write one changed attribute of ``new`` to its
        ``incidents`` row; the shape tables are written here (inside the update's transaction)."""
        value = getattr(new, key)
        if key == "geometry":
            anchor = value if value.geom_type == "Point" else shapely.point_on_surface(value)
            _put_shape(c, uuid, new.category, value, self.srid)
            return [f"geom = {self.sql.point('?', '?', '?')}"], [anchor.x, anchor.y, self.srid]
        stored = (iso_utc(value) if key == "occurred_at" else json.dumps(value, ensure_ascii=False)
                  if key == "notes" else int(value) if key == "needs_review" else value)
        sets, params = [f"{key} = ?"], [stored]
        if key == "category":
            for table, _, _ in SHAPE_TABLES.values():
                c.execute(f"UPDATE {table} SET category = ? WHERE incident_uuid = ?", (value, uuid))
        if key == "commune":
            sets.append("commune_fid = (SELECT fid FROM communes WHERE name = ?)")
            params.append(value)
        if key == "status":
            sets.append("resolved_at = ?")
            params.append(None if new.is_open else now)
        return sets, params

    def link_duplicate(self, uuid: str, of_uuid: str, reason: str = "", *, version: int | None = None) -> Incident:
        """Mark ``uuid`` a duplicate of ``of_uuid`` (status ``duplicate``), with an event on both.

        The user needs the right to change the status of ``uuid`` and to read ``of_uuid``.
        """
        if uuid == of_uuid:
            raise ValidationError("an incident cannot duplicate itself")
        now = iso_utc(utc_now())
        with self.transaction() as c:
            target = self.get(of_uuid)
            if target.duplicate_of == uuid:
                raise ValidationError(f"{of_uuid} is already a duplicate of {uuid}")
            old = self.get(uuid)
            self._check_version(c, uuid, old.version, version)
            access.require(self.user, "change_status", "incident", _unit(old))
            v = old.version + 1
            c.execute("UPDATE incidents SET duplicate_of = ?, status = 'duplicate', resolved_at = ?, updated_at = ?, "
                      "version = ? WHERE uuid = ?", (of_uuid, now, now, v, uuid))
            self._event(c, uuid, v, "linked_duplicate", "duplicate_of", old.duplicate_of, of_uuid, reason or None)
            if old.status != "duplicate":
                self._event(c, uuid, v, "status", "status", old.status, "duplicate", reason or None)
            self._event(c, of_uuid, target.version, "duplicate_linked", None, None, uuid, reason or None)
        return self.get(uuid)

    def delete(self, uuid: str, reason: str = "", *, version: int | None = None) -> dict[str, Any]:
        """Remove an incident from the map and lists; its history stays.

        A ``deleted`` event keeps a JSON snapshot of the incident; the attachments stay
        in the workspace. Returns the snapshot, which :meth:`restore` takes back.
        """
        with self.transaction() as c:
            old = self.get(uuid)
            self._check_version(c, uuid, old.version, version)
            access.require(self.user, "delete", "incident", _unit(old))
            if c.execute("SELECT 1 FROM incidents WHERE duplicate_of = ?", (uuid,)).fetchone():
                raise ValidationError("other incidents are linked to this one as duplicates: unlink them first")
            snap = snapshot(old)
            snap["reported_at"], snap["external_id"] = c.execute(
                "SELECT reported_at, external_id FROM incidents WHERE uuid = ?", (uuid,)).fetchone()
            snap["version"] = old.version + 1
            # the event first: on the server an officer's event must name an incident it can still see
            self._event(c, uuid, old.version + 1, "deleted", None, snap["status"], None,
                        json.dumps({"reason": reason, "snapshot": snap}, ensure_ascii=False))
            for table, _, _ in SHAPE_TABLES.values():
                c.execute(f"DELETE FROM {table} WHERE incident_uuid = ?", (uuid,))
            c.execute("DELETE FROM incidents WHERE uuid = ?", (uuid,))
        return snap

    def restore(self, snap: Mapping[str, Any], reason: str = "") -> str:
        """Bring back an incident :meth:`delete` removed, with the same UUID and history
        (the right to delete it is the right to bring it back)."""
        inc = from_snapshot(snap)
        with self.transaction() as c:
            access.require(self.user, "delete", "incident", _unit(inc))
            prior = self._deleted_owner(c, inc.uuid)
            if prior is not None:
                access.require(self.user, "delete", "incident", prior)
            last = c.execute("SELECT max(version) FROM incident_events WHERE incident_uuid = ?",
                             (inc.uuid,)).fetchone()[0]
            # on the server a commune officer sees no history of a deleted incident: the snapshot keeps its version
            v = int(last or snap.get("version") or 0) + 1
            self._insert(c, inc, snap.get("reported_at"), snap.get("external_id"), v)
            self._event(c, inc.uuid, v, "restored", None, None, inc.status, reason or None)
        return inc.uuid

    def add_event(self, uuid: str, action: str, note: str) -> None:
        """Record something that happened to an incident without changing it (e.g. a repeated detection)."""
        with self.transaction() as c:
            owner = self._owner_row(c, uuid)
            access.require(self.user, "edit", "incident", owner)
            self._event(c, uuid, owner["version"], action, None, None, None, note)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return iso_utc(value)
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False)
    return str(value)

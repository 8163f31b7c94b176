"""The reading half of the incident store: every query applies the access policy's read filter.

Mixed into :class:`~gisdesk.store.incidents_store.IncidentStore` (it uses the store's
``conn``, ``user``, ``communes``). An incident the user may not read is never returned:
lists leave it out, :meth:`IncidentReadsMixin.get` raises
:class:`~gisdesk.core.users.PermissionDenied` with the policy's reason and no content.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, Mapping

import shapely
from shapely.geometry.base import BaseGeometry

from gisdesk.core import access
from gisdesk.core.access import Decision
from gisdesk.core.incidents import OPEN_STATUSES, Incident, find_duplicates, iso_utc, to_utc
from gisdesk.core.tasks import ConflictError
from gisdesk.core.users import User
from gisdesk.store._access_sql import where as _where
from gisdesk.store.dialect import Dialect

def _select(sql: Dialect) -> str:
    """The incident columns :func:`_incident` reads, with the shape (or the point) as WKB."""
    return ("SELECT i.uuid, i.category, i.severity, i.description, i.channel, "
            "COALESCE(i.occurred_at, i.reported_at), i.address, i.commune, i.department, i.status, "
            f"i.duplicate_of, i.needs_review, i.notes, {sql.as_wkb('COALESCE(a.geom, l.geom, i.geom)')}, i.version "
            "FROM incidents i LEFT JOIN incident_areas a ON a.incident_uuid = i.uuid "
            "LEFT JOIN incident_lines l ON l.incident_uuid = i.uuid")
_UNIT_SQL = {"commune": "i.commune", "department": "i.department"}


def _unit(record: Incident | Mapping[str, Any]) -> dict[str, Any]:
    """The columns the access policy decides on: ``commune`` and ``department``."""
    if isinstance(record, Incident):
        return {"commune": record.commune, "department": record.department}
    return {"commune": record.get("commune"), "department": record.get("department")}



class IncidentReadsMixin:
    """Reads of :class:`~gisdesk.store.incidents_store.IncidentStore`, filtered for ``self.user``."""

    conn: Any
    user: User
    sql: Dialect

    def may(self, action: str, record: Incident | Mapping[str, Any] | None = None,
            kind: str = "incident") -> Decision:
        """What the policy says about ``action`` on ``record`` (an incident, or its unit columns)."""
        return access.decide(self.user, action, kind, None if record is None else _unit(record))

    def _scope(self) -> tuple[str, list]:
        """SQL condition (on alias ``i``) for the incident rows the user may read."""
        return _where(access.read_filter(self.user, "incident"), _UNIT_SQL)

    def _owner_row(self, c: Any, uuid: str) -> dict[str, Any]:
        """``commune``, ``department`` and ``version`` of a stored incident the user may read."""
        row = c.execute("SELECT commune, department, version FROM incidents WHERE uuid = ?", (uuid,)).fetchone()
        if row is None:
            raise KeyError(f"no incident {uuid}")
        rec = {"commune": row[0], "department": row[1], "version": int(row[2] or 1)}
        access.require(self.user, "read", "incident", rec)
        return rec

    def _deleted_owner(self, c: Any, uuid: str) -> dict[str, Any] | None:
        """The unit of a deleted incident, from the snapshot its last ``deleted`` event keeps."""
        row = c.execute("SELECT note FROM incident_events WHERE incident_uuid = ? AND action = 'deleted' "
                        f"ORDER BY {self.sql.insert_order} DESC LIMIT 1", (uuid,)).fetchone()
        if row is None:
            return None
        try:
            return _unit(json.loads(row[0])["snapshot"])
        except (TypeError, ValueError, KeyError):
            return {"commune": None, "department": None}

    def departments(self) -> list[str]:
        """Departments named in the rules or on the incidents the user may read, sorted."""
        scope, params = self._scope()
        rows = self.conn.execute("SELECT department FROM routing_rules UNION SELECT i.department FROM incidents i "
                                 f"WHERE i.department IS NOT NULL AND {scope}", params)
        return sorted({r[0] for r in rows})

    def events(self, uuid: str) -> list[dict[str, Any]]:
        """The history of one incident the user may read, oldest first (a deleted one's too)."""
        try:
            self._owner_row(self.conn, uuid)
        except KeyError:
            owner = self._deleted_owner(self.conn, uuid)
            if owner is not None:
                access.require(self.user, "read", "incident", owner)
            elif not access.read_filter(self.user, "incident").everything:
                return []
        cur = self.conn.execute("SELECT at, who, action, field, from_state, to_state, note, version "
                                f"FROM incident_events WHERE incident_uuid = ? ORDER BY at, {self.sql.insert_order}",
                                (uuid,))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur]

    def _check_version(self, c: Any, uuid: str, current: int, version: int | None) -> None:
        """ConflictError naming who changed what since ``version``, when it is not ``current``."""
        if version is None or int(version) == current:
            return
        rows = c.execute("SELECT who, at, COALESCE(field, action) FROM incident_events WHERE incident_uuid = ? "
                         f"AND version > ? ORDER BY {self.sql.insert_order}", (uuid, int(version))).fetchall()
        who = ", ".join(dict.fromkeys(r[0] for r in rows)) or "someone else"
        what = ", ".join(dict.fromkeys(r[2] for r in rows)) or "unknown fields"
        when = f" at {rows[-1][1]}" if rows else ""
        raise ConflictError(f"incident {uuid[:8]} was changed by {who}{when} ({what}) since you read it "
                            f"(version {version}, now {current}); reload it and make your change again")

    def get(self, uuid: str) -> Incident:
        """The stored incident ``uuid`` (KeyError if there is none, PermissionDenied if the user
        may not read it)."""
        row = self.conn.execute(_select(self.sql) + " WHERE i.uuid = ?", (uuid,)).fetchone()
        if row is None:
            raise KeyError(f"no incident {uuid}")
        access.require(self.user, "read", "incident", {"commune": row[7], "department": row[8]})
        return _incident(row)

    def list(self, status: str | list[str] | None = None, category: str | list[str] | None = None,
             commune: str | None = None, channel: str | None = None, since: Any = None, until: Any = None,
             open_only: bool = False, limit: int | None = None) -> list[Incident]:
        """Incidents the user may read matching every given filter, newest first (``since``/``until``
        on ``occurred_at``)."""
        scope, params = self._scope()
        where = [scope]
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
        sql = _select(self.sql) + " WHERE " + " AND ".join(where)
        sql += " ORDER BY COALESCE(i.occurred_at, i.reported_at) DESC, i.fid DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_incident(r) for r in self.conn.execute(sql, params)]

    def count(self) -> int:
        """How many incidents the user may read."""
        scope, params = self._scope()
        return int(self.conn.execute(f"SELECT count(*) FROM incidents i WHERE {scope}", params).fetchone()[0])

    def at(self, x: float, y: float, tolerance: float) -> str | None:
        """The UUID of the readable incident nearest (x, y) within ``tolerance``, shapes included."""
        scope, params = self._scope()
        in_box, box = self.sql.in_box("i", "incidents", x, y, tolerance, self.srid)
        parts, args = [f"SELECT i.uuid, {self.sql.as_wkb('i.geom')} FROM incidents i WHERE {in_box} "
                       f"AND i.uuid NOT IN (SELECT incident_uuid FROM incident_shapes) AND {scope}"], box + params
        for table in ("incident_lines", "incident_areas"):
            in_box, box = self.sql.in_box("s", table, x, y, tolerance, self.srid)
            parts.append(f"SELECT s.incident_uuid, {self.sql.as_wkb('s.geom')} FROM {table} s JOIN incidents i "
                         f"ON i.uuid = s.incident_uuid WHERE {in_box} AND {scope}")
            args += box + params
        rows = self.conn.execute(" UNION ALL ".join(parts), args).fetchall()
        if not rows:
            return None
        dist = shapely.distance(shapely.from_wkb([r[1] for r in rows]), shapely.Point(x, y))
        k = int(dist.argmin())
        return rows[k][0] if dist[k] <= tolerance else None

    def duplicates(self, incident: Incident, distance_m: float = 100.0, hours: float = 24.0) -> list[Incident]:
        """Open stored incidents the user may read that ``incident`` may duplicate, nearest first
        (nothing is linked)."""
        window = timedelta(hours=hours)
        pool = self.list(category=incident.category, open_only=True, since=incident.occurred_at - window,
                         until=incident.occurred_at + window)
        return find_duplicates(incident, pool, distance_m, hours)


def snapshot(inc: Incident) -> dict[str, Any]:
    """An incident as JSON-ready values (geometry as WKT), e.g. for an undo or an event."""
    return {"uuid": inc.uuid, "category": inc.category, "geometry": inc.geometry.wkt, "severity": int(inc.severity),
            "description": inc.description, "channel": inc.channel, "occurred_at": iso_utc(inc.occurred_at),
            "address": inc.address, "commune": inc.commune, "department": inc.department, "status": inc.status,
            "duplicate_of": inc.duplicate_of, "needs_review": bool(inc.needs_review), "notes": list(inc.notes)}


def from_snapshot(snap: Mapping[str, Any]) -> Incident:
    """The :class:`Incident` a :func:`snapshot` describes."""
    fields = {k: v for k, v in snap.items() if k not in ("reported_at", "external_id", "version")}
    fields["geometry"] = shapely.from_wkt(fields["geometry"])
    return Incident(**fields)


def _incident(row: tuple) -> Incident:
    (uuid, category, severity, description, channel, occurred, address, commune, department, status,
     duplicate_of, needs_review, notes, wkb, version) = row
    geom: BaseGeometry = shapely.from_wkb(wkb)
    if geom.geom_type.startswith("Multi") and len(geom.geoms) == 1:  # shape tables hold multi types
        geom = geom.geoms[0]
    return Incident(category=category, geometry=geom, severity=int(severity), description=description or "",
                    channel=channel, occurred_at=occurred, address=address or "", commune=commune,
                    department=department, status=status, duplicate_of=duplicate_of,
                    needs_review=bool(needs_review), notes=json.loads(notes) if notes else [], uuid=uuid,
                    version=int(version or 1))

"""Incident feeds in and out: camera AI detections, Open311 GeoReport v2, GeoJSON.

* :func:`import_detections` reads a CSV or JSON-lines feed (``camera_id, type, time,
  confidence, snapshot``), places each detection at its camera (``cameras.code``), skips
  repeats of an open incident (same category within ``distance_m`` and ``hours``: the
  repeat is recorded as a ``detection`` event on that incident instead) and marks low
  confidence for review. Bad lines are reported with their line number; good lines import.
* :func:`export_open311` / :func:`import_open311`: GeoReport v2 service requests. ``status``
  is ``open``/``closed`` as the standard says; the gisdesk status travels in
  ``status_notes`` and the severity in ``severity`` (an extra key GeoReport clients
  ignore), so export-then-import gives the same incidents. The reporter's ``email``, ``phone``
  and name are kept apart for the satisfaction callback (:func:`gisdesk.store.task_callbacks.keep_contact`),
  never exported. Lines and polygons export as
  their representative point.
* :func:`export_geojson`: a FeatureCollection in EPSG:4326 with the full geometries.
"""

from __future__ import annotations

import json
import os
import uuid as _uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import Point, mapping

from gisdesk.core.incidents import Incident, ValidationError, iso_utc, to_utc
from gisdesk.core.text import printable
from gisdesk.store import _feed_read as fr
from gisdesk.store.incidents_store import IncidentStore
from gisdesk.store.task_callbacks import keep_contact

#: Camera AI types that map to an incident category; other types are used as they are.
DETECTION_CATEGORY: dict[str, str] = {
    "red-light running": "traffic violation", "helmet violation": "traffic violation",
    "wrong-way driving": "traffic violation", "illegal parking": "traffic violation",
    "littering": "illegal dumping", "smoke": "straw burning", "fire": "forest fire",
    "water level": "flooding", "waterlogging": "flooding",
}
DETECTION_FIELDS = ("camera_id", "type", "time", "confidence")


@dataclass
class ImportReport:
    """What an import did: created UUIDs, duplicates and rejected records with reasons.

    Positions (``line``) are file line numbers for detection feeds and 1-based array
    positions for Open311 (``unit`` says which). Reasons are printable (control characters
    from the input escaped). ``duplicates`` holds records already imported (by their
    detection or request id) and repeats of open incidents.
    """

    created: list[str] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (line, existing uuid)
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    unit: str = "line"

    def counts(self) -> dict[str, int]:
        """``{"created": n, "duplicates": n, "rejected": n}``."""
        return {"created": len(self.created), "duplicates": len(self.duplicates), "rejected": len(self.rejected)}

    def summary(self) -> str:
        """One line of counts followed by one line per rejected input record."""
        c = self.counts()
        lines = [f"created {c['created']}, duplicates {c['duplicates']}, rejected {c['rejected']}"]
        lines += [f"  {self.unit} {n}: {printable(reason, 300)}" for n, reason in self.rejected]
        return "\n".join(lines)


def _detection(rec: dict[str, Any], cameras: dict[str, tuple[float, float]]) -> tuple[str, Point, Any, float, str]:
    missing = [f for f in DETECTION_FIELDS if rec.get(f) in (None, "")]
    if missing:
        raise ValidationError(f"missing field{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    for key in ("camera_id", "type"):
        if not isinstance(rec[key], str):
            raise ValidationError(f"wrong type: {key} must be text, not {fr._json_type(rec[key])}")
    cam, kind = fr.text(rec, "camera_id", required=True), fr.text(rec, "type", required=True)
    if cam not in cameras:
        raise ValidationError(f"unknown camera '{printable(cam, 60)}'")
    conf = fr.number(rec, "confidence", 0.0, 1.0)
    when = fr.when(rec, "time")
    return kind.strip(), Point(cameras[cam]), when, conf, fr.text(rec, "snapshot", limit=1000)


def _detection_key(rec: dict[str, Any], cam: str, kind: str, when: Any) -> str:
    """The detection's own id, or one made of camera, type and time (the same detection twice is one)."""
    own = fr.text(rec, "detection_id", numbers=True) or fr.text(rec, "id", numbers=True)
    return f"det:{own}" if own else f"det:{cam}|{kind}|{iso_utc(when)}"


def _imported_detections(store: IncidentStore) -> dict[str, str]:
    """Detection key -> incident UUID, for keys stored as an external id or on a ``detection`` event."""
    keys = {r[1]: r[0] for r in store.conn.execute(
        "SELECT uuid, external_id FROM incidents WHERE external_id LIKE 'det:%'")}
    for uid, note in store.conn.execute("SELECT incident_uuid, note FROM incident_events "
                                        "WHERE action = 'detection' AND note LIKE '[det:%]%'"):
        keys.setdefault(note[1:note.find("]")], uid)
    return keys


def import_detections(store: IncidentStore, path: str | os.PathLike[str], *, min_confidence: float = 0.6,
                      distance_m: float = 50.0, hours: float = 2.0,
                      should_stop: fr.StopCheck | None = None) -> ImportReport:
    """Import a camera detection feed (CSV with a header, JSON lines or a JSON array) into incidents.

    Each line stands alone: a bad line is reported with its number and reason, the good
    ones import. A detection already imported (same ``detection_id``/``id``, or the same
    camera, type and time) is skipped, so running the same feed again imports only what
    was left.

    Parameters
    ----------
    store : IncidentStore
        Where the incidents go.
    path : path-like
        The feed: ``camera_id, type, time, confidence[, snapshot][, id]`` per line.
    min_confidence : float
        Detections below it are imported with ``needs_review``.
    distance_m, hours : float
        A detection of the same category within these of an open incident is a duplicate.
    should_stop : callable, optional
        Asked between lines; True stops the import (what was imported stays).

    Returns
    -------
    ImportReport
        Good lines import even when others are rejected.

    Raises
    ------
    FeedError
        The file cannot be read as a whole (missing, a folder, empty, not a feed, nested
        too deeply), or the workspace refused a write part-way (``exc.report`` then holds
        what was imported before). A StoreError: the CLI prints it in one line.
    """
    report = ImportReport()
    records = fr.detection_records(path, DETECTION_FIELDS)
    sql = store.sql
    cameras = {code: (x, y) for code, x, y in store.conn.execute(
        f"SELECT code, {sql.x('geom')}, {sql.y('geom')} FROM cameras")}
    seen = _imported_detections(store)
    for n, rec, error in records:
        if should_stop is not None and should_stop():
            raise fr.stopped(path, "line", n, RuntimeError("cancelled"), report)
        if error:
            report.rejected.append((n, printable(error, 300)))
            continue
        try:
            kind, where, when, conf, snapshot = _detection(rec, cameras)
            key = _detection_key(rec, rec["camera_id"], kind, when)
            if key in seen:
                report.duplicates.append((n, seen[key]))
                continue
            category = DETECTION_CATEGORY.get(kind, kind)
            desc = f"{kind} detected by camera {rec['camera_id']} (confidence {conf:.2f})"
            notes = [f"snapshot: {snapshot}"] if snapshot else []
            inc = Incident(category, where, severity=2, description=desc, channel="camera", occurred_at=when,
                           needs_review=conf < min_confidence, notes=notes)
            dup = store.duplicates(inc, distance_m, hours)
            if dup:
                store.add_event(dup[0].uuid, "detection",
                                f"[{key}] line {n}: {desc} at {iso_utc(when)} {snapshot}".strip())
                report.duplicates.append((n, dup[0].uuid))
                seen[key] = dup[0].uuid
            else:
                seen[key] = store.create(inc, note=f"camera detection, line {n}", external_id=key)
                report.created.append(seen[key])
        except fr.RECORD_ERRORS as exc:
            report.rejected.append((n, fr.reason(exc)))
        except Exception as exc:  # the workspace refused (locked, full, permission): stop, keep what is in
            raise fr.stopped(path, "line", n, exc, report) from exc
    return report


def _to_wgs84(store: IncidentStore) -> Transformer:
    return Transformer.from_crs(store.srid, 4326, always_xy=True)


def export_open311(store: IncidentStore, path: str | os.PathLike[str], **filters: Any) -> int:
    """Write the incidents (``store.list(**filters)``) as a GeoReport v2 JSON array; returns the count.

    The file is written by :func:`gisdesk.store.safe_write.write_export`: never over the
    store's workspace or any SQLite file (:class:`~gisdesk.store.errors.UnsafeTargetError`),
    and through a temporary file and an atomic rename.
    """
    from gisdesk.store.safe_write import check_export_target, write_export

    check_export_target(path, [store.path])  # refuse before the work, not after
    tr = _to_wgs84(store)
    out = []
    for inc in store.list(**filters):
        p = inc.geometry if inc.geometry.geom_type == "Point" else shapely.point_on_surface(inc.geometry)
        lon, lat = tr.transform(p.x, p.y)
        out.append({"service_request_id": inc.uuid, "status": "open" if inc.is_open else "closed",
                    "status_notes": inc.status, "service_name": inc.category, "service_code": inc.category,
                    "description": inc.description, "agency_responsible": inc.department,
                    "requested_datetime": iso_utc(inc.occurred_at), "address": inc.address,
                    "lat": round(lat, 8), "long": round(lon, 8), "severity": inc.severity})
    write_export(path, json.dumps(out, ensure_ascii=False, indent=1), [store.path])
    return len(out)


_STATUSES = ("new", "assigned", "in_progress", "resolved", "closed", "rejected", "duplicate")


def _request(rec: Any, tr: Transformer) -> tuple[Incident, str | None]:
    """The incident a GeoReport v2 request describes and its external id (None when it is a UUID)."""
    if not isinstance(rec, dict):
        raise ValidationError(f"not a JSON object but {fr._json_type(rec)}")
    key = "service_name" if rec.get("service_name") not in (None, "") else "service_code"
    if rec.get(key) in (None, ""):
        raise ValidationError("missing field: service_name/service_code")
    category = fr.text(rec, key, required=True)
    lat, lon = fr.number(rec, "lat", -90.0, 90.0), fr.number(rec, "long", -180.0, 180.0)
    x, y = tr.transform(lon, lat)
    rid = fr.text(rec, "service_request_id", numbers=True)
    try:
        uid, external = str(_uuid.UUID(rid)), None
    except ValueError:
        uid, external = str(_uuid.uuid4()), rid or _content_id(rec)
    notes = rec.get("status_notes")
    status = notes if isinstance(notes, str) and notes in _STATUSES else (
        "closed" if rec.get("status") == "closed" else "new")
    occurred = fr.when(rec, "requested_datetime") if rec.get("requested_datetime") not in (None, "") \
        else to_utc("1970-01-01")
    inc = Incident(category, Point(x, y), severity=fr.severity(rec), description=fr.text(
        rec, "description", limit=fr.LONG_TEXT, newlines=True), channel="app", occurred_at=occurred,
        address=fr.text(rec, "address", limit=500), status=status, uuid=uid)
    return inc, external


def _reporter(rec: dict[str, Any]) -> tuple[str, str, str]:
    """The GeoReport v2 reporter contact (name from ``first_name``/``last_name``, ``email``, ``phone``)."""
    name = " ".join(t for t in (fr.text(rec, "first_name", limit=100), fr.text(rec, "last_name", limit=100)) if t)
    return name, fr.text(rec, "email", limit=200), fr.text(rec, "phone", limit=50, numbers=True)


def _content_id(rec: dict[str, Any]) -> str:
    """An id for a request that has none: the same request read twice gets the same id."""
    import hashlib

    body = json.dumps(rec, sort_keys=True, ensure_ascii=True, default=str)
    return "open311:" + hashlib.sha256(body.encode("ascii", "backslashreplace")).hexdigest()[:24]


def import_open311(store: IncidentStore, path: str | os.PathLike[str], *,
                   should_stop: fr.StopCheck | None = None) -> ImportReport:
    """Import GeoReport v2 service requests (a JSON array, or ``{"service_requests": [...]}``).

    Each request stands alone: a bad one is reported with its 1-based position in the
    array and the reason, the good ones import. A request already imported (same
    ``service_request_id``; for a request without one, the same content) is skipped, so
    running the same file again imports only what was left. ``should_stop`` as in
    :func:`import_detections`.

    Raises
    ------
    FeedError
        The file cannot be read as a whole, or the workspace refused a write part-way.
    """
    records = fr.open311_records(path)
    tr = Transformer.from_crs(4326, store.srid, always_xy=True)
    report = ImportReport(unit="request")
    uuids, externals = set(), {}
    for uid, ext in store.conn.execute("SELECT uuid, external_id FROM incidents"):
        uuids.add(uid)
        if ext is not None:
            externals[ext] = uid
    for n, rec in records:
        if should_stop is not None and should_stop():
            raise fr.stopped(path, "request", n, RuntimeError("cancelled"), report)
        try:
            inc, external = _request(rec, tr)
            if inc.uuid in uuids or external in externals:
                report.duplicates.append((n, externals.get(external, inc.uuid)))
                continue
            contact = _reporter(rec)  # checked before anything is written
            report.created.append(store.create(inc, note=f"Open311 import, request {n}", external_id=external))
            keep_contact(store.conn, inc.uuid, *contact)
            uuids.add(inc.uuid)
            if external:
                externals[external] = inc.uuid
        except fr.RECORD_ERRORS as exc:
            report.rejected.append((n, fr.reason(exc)))
        except Exception as exc:  # the workspace refused (locked, full, permission): stop, keep what is in
            raise fr.stopped(path, "request", n, exc, report) from exc
    return report


def export_geojson(store: IncidentStore, path: str | os.PathLike[str], **filters: Any) -> int:
    """Write the incidents as a GeoJSON FeatureCollection in EPSG:4326; returns the count.

    Written like :func:`export_open311`: never over the workspace or any SQLite file, atomically.
    """
    from gisdesk.store.safe_write import check_export_target, write_export

    check_export_target(path, [store.path])
    tr = _to_wgs84(store)
    feats = []
    for inc in store.list(**filters):
        geom = shapely.transform(inc.geometry, lambda xy: np.column_stack(tr.transform(*xy.T)))
        props = {"uuid": inc.uuid, "category": inc.category, "severity": inc.severity, "status": inc.status,
                 "channel": inc.channel, "description": inc.description, "occurred_at": iso_utc(inc.occurred_at),
                 "address": inc.address, "commune": inc.commune, "department": inc.department,
                 "duplicate_of": inc.duplicate_of, "needs_review": inc.needs_review}
        feats.append({"type": "Feature", "id": inc.uuid, "geometry": mapping(geom), "properties": props})
    write_export(path, json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False),
                 [store.path])
    return len(feats)

"""Incident feeds in and out: camera AI detections, Open311 GeoReport v2, GeoJSON.

* :func:`import_detections` reads a CSV or JSON-lines feed (``camera_id, type, time,
  confidence, snapshot``), places each detection at its camera (``cameras.code``), skips
  repeats of an open incident (same category within ``distance_m`` and ``hours``: the
  repeat is recorded as a ``detection`` event on that incident instead) and marks low
  confidence for review. Bad lines are reported with their line number; good lines import.
* :func:`export_open311` / :func:`import_open311`: GeoReport v2 service requests. ``status``
  is ``open``/``closed`` as the standard says; the gisdesk status travels in
  ``status_notes`` and the severity in ``severity`` (an extra key GeoReport clients
  ignore), so export-then-import gives the same incidents. Lines and polygons export as
  their representative point.
* :func:`export_geojson`: a FeatureCollection in EPSG:4326 with the full geometries.
"""

from __future__ import annotations

import csv
import io
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
from gisdesk.store.incidents_store import IncidentStore

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
    """What an import did: created UUIDs, duplicates and rejected lines with reasons."""

    created: list[str] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (line, existing uuid)
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)

    def counts(self) -> dict[str, int]:
        """``{"created": n, "duplicates": n, "rejected": n}``."""
        return {"created": len(self.created), "duplicates": len(self.duplicates), "rejected": len(self.rejected)}

    def summary(self) -> str:
        """One line of counts followed by one line per rejected input line."""
        c = self.counts()
        lines = [f"created {c['created']}, duplicates {c['duplicates']}, rejected {c['rejected']}"]
        lines += [f"  line {n}: {reason}" for n, reason in self.rejected]
        return "\n".join(lines)


def _read_detections(path: Path) -> list[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, record or None, error) for every non-blank line."""
    text = path.read_text(encoding="utf-8-sig")
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    out: list[tuple[int, dict[str, Any] | None, str | None]] = []
    if first.lstrip().startswith("{"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                out.append((n, None, f"malformed JSON ({exc.msg} at column {exc.colno})"))
                continue
            out.append((n, rec, None) if isinstance(rec, dict) else (n, None, "not a JSON object"))
        return out
    reader = csv.DictReader(io.StringIO(text))
    for rec in reader:
        n = reader.line_num
        if None in rec:
            out.append((n, None, "more values than columns"))
        else:
            out.append((n, {k.strip(): v for k, v in rec.items() if k is not None}, None))
    return out


def _detection(rec: dict[str, Any], cameras: dict[str, tuple[float, float]]) -> tuple[str, Point, Any, float, str]:
    missing = [f for f in DETECTION_FIELDS if rec.get(f) in (None, "")]
    if missing:
        raise ValidationError(f"missing field{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    cam, kind = rec["camera_id"], rec["type"]
    if not isinstance(cam, str) or not isinstance(kind, str):
        raise ValidationError("wrong type: camera_id and type must be text")
    if cam not in cameras:
        raise ValidationError(f"unknown camera '{cam}'")
    conf = rec["confidence"]
    if isinstance(conf, bool):
        raise ValidationError(f"wrong type: confidence must be a number, not {conf!r}")
    try:
        conf = float(conf)
    except (TypeError, ValueError):
        raise ValidationError(f"wrong type: confidence must be a number, not {conf!r}") from None
    if not 0.0 <= conf <= 1.0:
        raise ValidationError(f"confidence {conf} is outside 0..1")
    if not isinstance(rec["time"], str):
        raise ValidationError(f"wrong type: time must be ISO 8601 text, not {rec['time']!r}")
    when = to_utc(rec["time"])
    return kind.strip(), Point(cameras[cam]), when, conf, str(rec.get("snapshot") or "")


def import_detections(store: IncidentStore, path: str | os.PathLike[str], *, min_confidence: float = 0.6,
                      distance_m: float = 50.0, hours: float = 2.0) -> ImportReport:
    """Import a camera detection feed (CSV with a header, or JSON lines) into incidents.

    Parameters
    ----------
    store : IncidentStore
        Where the incidents go.
    path : path-like
        The feed: ``camera_id, type, time, confidence[, snapshot]`` per line.
    min_confidence : float
        Detections below it are imported with ``needs_review``.
    distance_m, hours : float
        A detection of the same category within these of an open incident is a duplicate.

    Returns
    -------
    ImportReport
        Good lines import even when others are rejected.
    """
    report = ImportReport()
    cameras = {code: (x, y) for code, x, y in store.conn.execute("SELECT code, X(geom), Y(geom) FROM cameras")}
    for n, rec, error in _read_detections(Path(path)):
        if error:
            report.rejected.append((n, error))
            continue
        try:
            kind, where, when, conf, snapshot = _detection(rec, cameras)
            category = DETECTION_CATEGORY.get(kind, kind)
            desc = f"{kind} detected by camera {rec['camera_id']} (confidence {conf:.2f})"
            notes = [f"snapshot: {snapshot}"] if snapshot else []
            inc = Incident(category, where, severity=2, description=desc, channel="camera", occurred_at=when,
                           needs_review=conf < min_confidence, notes=notes)
            dup = store.duplicates(inc, distance_m, hours)
            if dup:
                store.add_event(dup[0].uuid, "detection", f"line {n}: {desc} at {iso_utc(when)} {snapshot}".strip())
                report.duplicates.append((n, dup[0].uuid))
                continue
            report.created.append(store.create(inc, note=f"camera detection, line {n}"))
        except ValidationError as exc:
            report.rejected.append((n, str(exc)))
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


def import_open311(store: IncidentStore, path: str | os.PathLike[str]) -> ImportReport:
    """Import GeoReport v2 service requests (a JSON array); line numbers are 1-based array positions."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        return ImportReport(rejected=[(exc.lineno, f"malformed JSON ({exc.msg})")])
    if isinstance(data, dict):
        data = data.get("service_requests", [data])
    tr = Transformer.from_crs(4326, store.srid, always_xy=True)
    report = ImportReport()
    for n, rec in enumerate(data if isinstance(data, list) else [], 1):
        try:
            if not isinstance(rec, dict):
                raise ValidationError("not a JSON object")
            category = rec.get("service_name") or rec.get("service_code")
            if not category or rec.get("lat") is None or rec.get("long") is None:
                raise ValidationError("missing field: service_name/service_code, lat and long are required")
            try:
                x, y = tr.transform(float(rec["long"]), float(rec["lat"]))
            except (TypeError, ValueError):
                raise ValidationError("wrong type: lat and long must be numbers") from None
            rid = str(rec.get("service_request_id") or "")
            try:
                uid, external = str(_uuid.UUID(rid)), None
            except ValueError:
                uid, external = str(_uuid.uuid4()), rid or None
            status = rec.get("status_notes") if rec.get("status_notes") in (
                "new", "assigned", "in_progress", "resolved", "closed", "rejected", "duplicate") else (
                "closed" if rec.get("status") == "closed" else "new")
            if store.conn.execute("SELECT 1 FROM incidents WHERE uuid = ? OR (external_id IS NOT NULL AND "
                                  "external_id = ?)", (uid, external)).fetchone():
                report.duplicates.append((n, uid))
                continue
            inc = Incident(str(category), Point(x, y), severity=int(rec.get("severity") or 2),
                           description=rec.get("description") or "", channel="app",
                           occurred_at=rec.get("requested_datetime") or iso_utc(to_utc("1970-01-01")),
                           address=rec.get("address") or "", status=status, uuid=uid)
            report.created.append(store.create(inc, note=f"Open311 import, request {n}", external_id=external))
        except ValidationError as exc:
            report.rejected.append((n, str(exc)))
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

"""Incident feeds on a real demo-city workspace: camera detections, Open311 round trip, GeoJSON."""

from __future__ import annotations

import json
import shutil

import pytest
import shapely
from shapely.geometry import Point

from gisdesk.core.incidents import Incident
from gisdesk.store.incident_io import export_geojson, export_open311, import_detections, import_open311
from gisdesk.store.incidents_store import IncidentStore


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from gisdesk.testing import DEMO_TODAY
    from sample_layers.generate import build_workspace

    # pinned: the incidents made below are dated after the demo's history ends
    return build_workspace(tmp_path_factory.mktemp("hue") / "hue.sqlite", incidents=2000, today=DEMO_TODAY)


def _store(demo, tmp_path, name="hue.sqlite"):
    path = tmp_path / name
    shutil.copy(demo, path)
    return IncidentStore(path, "dispatcher")  # importing writes: a role that may create incidents


def test_bad_detection_lines_reported_by_number_and_good_lines_imported(demo, tmp_path):
    store = _store(demo, tmp_path)
    lines = [
        '{"camera_id": "CAM-0001", "type": "road damage", "time": "2026-11-01T08:00:00Z", "confidence": 0.9, '
        '"snapshot": "snaps/1.jpg"}',
        '{"camera_id": "CAM-0001", "type": "road damage", "time": "2026-11-01T08:20:00Z", "confidence": 0.95}',
        '{"camera_id": "CAM-0002", "type": "littering", "time": "2026-11-01T09:00:00+07:00", "confidence": 0.3}',
        '{"camera_id": "CAM-0002", "type": "littering", "time": "2026-11-01T09:00:00Z", "confidence": 0.8',
        '{"camera_id": "CAM-9999", "type": "fire", "time": "2026-11-01T09:00:00Z", "confidence": 0.8}',
        '{"camera_id": "CAM-0003", "time": "2026-11-01T09:00:00Z", "confidence": 0.8}',
        '{"camera_id": "CAM-0003", "type": "fire", "time": "2026-11-01T09:00:00Z", "confidence": "high"}',
        '',
        '{"camera_id": "CAM-0003", "type": "fire", "time": 20261101, "confidence": 0.7}',
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_detections(store, feed, min_confidence=0.6)
    assert report.counts() == {"created": 2, "duplicates": 1, "rejected": 5}
    reasons = dict(report.rejected)
    assert "malformed JSON" in reasons[4]
    assert "unknown camera 'CAM-9999'" in reasons[5]
    assert "missing field: type" in reasons[6]
    assert "wrong type" in reasons[7] and "confidence" in reasons[7]
    assert "wrong type" in reasons[9] and "time" in reasons[9]
    road, litter = (store.get(u) for u in report.created)
    cam1 = store.conn.execute("SELECT X(geom), Y(geom) FROM cameras WHERE code = 'CAM-0001'").fetchone()
    assert road.geometry.equals(Point(cam1)) and road.channel == "camera" and not road.needs_review
    assert road.commune is not None and road.department == "Sở Xây dựng"
    assert "snapshot: snaps/1.jpg" in road.notes
    assert litter.category == "illegal dumping" and litter.needs_review
    assert report.duplicates[0] == (2, road.uuid)
    assert store.events(road.uuid)[-1]["action"] == "detection"
    # the same feed again creates nothing new
    again = import_detections(store, feed)
    assert again.counts()["created"] == 0 and again.counts()["duplicates"] == 3
    assert "line 4: malformed JSON" in again.summary()


def test_csv_detection_feed(demo, tmp_path):
    store = _store(demo, tmp_path)
    feed = tmp_path / "feed.csv"
    feed.write_text("camera_id,type,time,confidence,snapshot\n"
                    "CAM-0010,flooding,2026-11-02T01:00:00Z,0.81,a.jpg\n"
                    "CAM-0010,flooding,2026-11-02T01:00:00Z,,a.jpg\n"
                    "CAM-0011,flooding,not a time,0.9,b.jpg\n", encoding="utf-8")
    report = import_detections(store, feed)
    assert report.counts() == {"created": 1, "duplicates": 0, "rejected": 2}
    assert [n for n, _ in report.rejected] == [3, 4]
    assert "missing field: confidence" in report.rejected[0][1] and "ISO 8601" in report.rejected[1][1]


def test_open311_export_then_import_gives_the_same_incidents(demo, tmp_path):
    src = _store(demo, tmp_path, "src.sqlite")
    c = shapely.point_on_surface(src.communes.polygons[7])
    made = [src.create(Incident("fallen tree", Point(c.x + 10 * i, c.y), severity=1 + i % 4, channel="hotline",
                                description=f"cây đổ số {i}", address=f"{i} Lê Lợi", occurred_at="2026-12-03T02:00:00Z",
                                status=("new", "in_progress", "closed")[i % 3])) for i in range(6)]
    out = tmp_path / "requests.json"
    assert export_open311(src, out, category="fallen tree", since="2026-12-01T00:00:00Z") == 6
    sent = json.loads(out.read_text(encoding="utf-8"))
    assert {"service_request_id", "status", "service_name", "service_code", "description", "requested_datetime",
            "lat", "long", "address"} <= set(sent[0])
    assert 107 < sent[0]["long"] < 108 and 16 < sent[0]["lat"] < 17
    dst = _store(demo, tmp_path, "dst.sqlite")
    report = import_open311(dst, out)
    assert report.counts() == {"created": 6, "duplicates": 0, "rejected": 0}
    for uid in made:
        a, b = src.get(uid), dst.get(uid)
        assert a.geometry.distance(b.geometry) < 0.01
        for f in ("category", "severity", "description", "address", "occurred_at", "status", "commune", "department"):
            assert getattr(a, f) == getattr(b, f), f
    assert import_open311(dst, out).counts()["duplicates"] == 6  # importing twice adds nothing


def test_open311_bad_requests_are_reported_and_good_ones_import(demo, tmp_path):
    store = _store(demo, tmp_path)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([
        {"service_request_id": "HUE-1", "service_name": "noise", "lat": 16.46, "long": 107.58,
         "requested_datetime": "2026-11-01T10:00:00+07:00", "status": "open"},
        {"service_request_id": "HUE-2", "service_name": "noise", "lat": "north", "long": 107.58},
        {"service_request_id": "HUE-3", "lat": 16.46, "long": 107.58},
    ]), encoding="utf-8")
    report = import_open311(store, path)
    assert report.counts() == {"created": 1, "duplicates": 0, "rejected": 2}
    assert [n for n, _ in report.rejected] == [2, 3]
    assert store.get(report.created[0]).occurred_at.hour == 3
    assert import_open311(store, path).counts()["duplicates"] == 1  # same external id


def test_geojson_export_is_wgs84_with_full_shapes(demo, tmp_path):
    store = _store(demo, tmp_path)
    c = shapely.point_on_surface(store.communes.polygons[3])
    uid = store.create(Incident("flooding", c.buffer(100), occurred_at="2026-12-04T00:00:00Z"))
    out = tmp_path / "inc.geojson"
    assert export_geojson(store, out, since="2026-12-04T00:00:00Z") == 1
    fc = json.loads(out.read_text(encoding="utf-8"))
    feat = fc["features"][0]
    assert feat["id"] == uid and feat["geometry"]["type"] == "Polygon"
    lon, lat = feat["geometry"]["coordinates"][0][0]
    assert 107 < lon < 108 and 16 < lat < 17


def test_cli_imports_detections_and_prints_counts_and_bad_lines(demo, tmp_path, capsys):
    from gisdesk.incidents_cli import main

    path = tmp_path / "hue.sqlite"
    shutil.copy(demo, path)
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"camera_id": "CAM-0005", "type": "flooding", "time": "2026-12-05T00:00:00Z", "confidence": 0.9}\n'
                    '{"camera_id": "nope", "type": "flooding", "time": "2026-12-05T00:00:00Z", "confidence": 0.9}\n',
                    encoding="utf-8")
    assert main(["import-detections", str(path), str(feed), "--user", "dispatcher"]) == 1
    out = capsys.readouterr().out
    assert "created 1, duplicates 0, rejected 1" in out and "line 2: unknown camera 'nope'" in out
    geo = tmp_path / "out.geojson"
    assert main(["export-geojson", str(path), str(geo), "--since", "2026-12-05T00:00:00Z"]) == 0
    assert "exported 1 incidents" in capsys.readouterr().out

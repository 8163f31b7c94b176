"""Automatic dispatch in a real workspace: rules stored under the policy, applied as incidents arrive."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from shapely.geometry import Point

from gisdesk.core.dispatch import DispatchRule
from gisdesk.core.incidents import Incident, ValidationError, to_utc
from gisdesk.core.users import PermissionDenied
from gisdesk.store.dispatch_store import DispatchStore
from gisdesk.store.incident_io import import_detections, import_open311
from gisdesk.store.incidents_store import IncidentStore
from gisdesk.store.tasks_store import TaskStore


@pytest.fixture
def rules(workspace):
    """The dispatcher's rule store, without the demo's rules (each test writes its own)."""
    with DispatchStore(workspace, "dispatcher") as store:
        for rule in store.rules():
            store.delete(rule.id)
        yield store


def test_the_demo_has_rules_and_tasks_they_dispatched(workspace):
    with DispatchStore(workspace, "viewer") as store:
        names = [r.name for r in store.rules()]
    assert "camera detections" in names and len(names) >= 4
    with TaskStore(workspace, "dispatcher") as city:
        made = [t for t in city.tasks() if t.created_by == "system"]
        assert made and all(city.timeline(t.uuid)[0]["note"].startswith("dispatched by rule R") for t in made)


def camera_commune(conn, code):
    return conn.execute("SELECT c.name FROM communes c, cameras k WHERE k.code = ? AND ST_Contains(c.geom, k.geom)",
                        (code,)).fetchone()[0]


def feed(tmp_path, lines):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def test_only_the_city_edits_rules_and_a_refusal_writes_nothing(workspace, rules):
    with DispatchStore(workspace, "phu_hoi") as officer:
        assert officer.rules() == []  # everybody reads them
        with pytest.raises(PermissionDenied, match="routing rules"):
            officer.save(DispatchRule(None, "mine"))
    saved = rules.save(DispatchRule(None, "camera floods", source="camera", category="flooding"))
    assert saved.id is not None and rules.rules() == [saved]
    with pytest.raises(ValidationError, match="no commune named"):
        rules.save(DispatchRule(None, "nowhere", area="Atlantis"))
    with pytest.raises(ValidationError, match="no category"):
        rules.save(DispatchRule(None, "odd", category="unicorns"))
    rules.save(saved.evolve(enabled=False))
    assert rules.rules()[0].enabled is False
    rules.delete(saved.id)
    assert rules.rules() == []


def test_camera_detection_is_dispatched_to_its_commune_with_the_sla_deadline(workspace, rules, tmp_path):
    rule = rules.save(DispatchRule(None, "camera floods", source="camera", category="flooding"))
    incidents = IncidentStore(workspace, "dispatcher")
    report = import_detections(incidents, feed(tmp_path, [
        {"camera_id": "CAM-0001", "type": "waterlogging", "time": "2026-11-20T08:00:00Z", "confidence": 0.9},
        {"camera_id": "CAM-0002", "type": "littering", "time": "2026-11-20T08:00:00Z", "confidence": 0.9}]))
    assert report.counts()["created"] == 2
    flood_uuid, litter_uuid = report.created
    commune = camera_commune(incidents.conn, "CAM-0001")
    with TaskStore(workspace, "dispatcher") as city:
        task = city.tasks(search=None)[0]
        assert task.incident_uuid == flood_uuid and task.state == "assigned" and task.commune == commune
        assert task.deadline == task.assigned_at + timedelta(hours=48)  # flooding, severity 2: 48 h
        assert task.created_by == "system" and task.case_no
        events = city.timeline(task.uuid)
        label = f"dispatched by rule R{rule.id} 'camera floods'"
        assert [(e["action"], e["who"], e["note"]) for e in events] == [("create", "system", label),
                                                                          ("assign", "system", label)]
        assert not [t for t in city.tasks() if t.incident_uuid == litter_uuid]  # no rule for littering
    notes = incidents.conn.execute("SELECT who, note FROM incident_events WHERE incident_uuid = ? AND "
                                   "action = 'dispatch'", (flood_uuid,)).fetchall()
    assert notes == [("system", f"{label}: case {task.case_no} assigned to {commune}, due "
                                f"{task.deadline.strftime('%Y-%m-%dT%H:%M:%SZ')}")]
    incidents.close()


def slug(commune):
    from gisdesk.core.users import slug as s

    return s(commune)


def test_confirmation_rule_leaves_the_task_for_the_dispatcher(workspace, rules):
    rule = rules.save(DispatchRule(None, "hotline severe", source="hotline", min_severity=3, action="confirm",
                                   unit="department"))
    with IncidentStore(workspace, "phu_hoi") as officer:
        xy = officer.conn.execute("SELECT X(geom), Y(geom) FROM incidents WHERE commune = 'Phú Hội' "
                                  "LIMIT 1").fetchone()
        mild = officer.create(Incident("road damage", Point(xy), severity=2, channel="hotline"))
        severe = officer.create(Incident("road damage", Point(xy), severity=3, channel="hotline"))
    with TaskStore(workspace, "dispatcher") as city:
        made = [t for t in city.tasks() if t.incident_uuid in (mild, severe)]
        assert [(t.incident_uuid, t.state, t.commune, t.department) for t in made] == [(severe, "created", None, None)]
        note = [n for n in city.notifications() if n["task_uuid"] == made[0].uuid]
        assert [n["kind"] for n in note] == ["confirm_dispatch"]
        assert f"rule R{rule.id} 'hotline severe' proposes Sở Xây dựng" in note[0]["message"]
        assert city.timeline(made[0].uuid)[0]["note"] == f"dispatched by rule R{rule.id} 'hotline severe'"


def test_low_confidence_detection_waits_for_confirmation_even_under_an_assign_rule(workspace, rules, tmp_path):
    rules.save(DispatchRule(None, "all cameras", source="camera"))
    with IncidentStore(workspace, "dispatcher") as incidents:
        report = import_detections(incidents, feed(tmp_path, [
            {"camera_id": "CAM-0003", "type": "fire", "time": "2026-11-20T09:00:00Z", "confidence": 0.3}]))
    with TaskStore(workspace, "dispatcher") as city:
        task = [t for t in city.tasks() if t.incident_uuid == report.created[0]][0]
        assert task.state == "created"
        assert any(n["kind"] == "confirm_dispatch" and "needs review" in n["message"]
                   for n in city.notifications() if n["task_uuid"] == task.uuid)


def test_area_rule_and_open311_source_keep_the_reporter_contact(workspace, rules, tmp_path):
    rule = rules.save(DispatchRule(None, "app requests", source="open311"))
    path = tmp_path / "requests.json"
    path.write_text(json.dumps([{"service_request_id": "req-1", "service_name": "noise", "lat": 16.4637,
                                 "long": 107.5909, "description": "karaoke", "email": "lan@example.vn",
                                 "phone": "+84 234 555 0101", "first_name": "Lan", "last_name": "Nguyễn"}]))
    with IncidentStore(workspace, "dispatcher") as incidents:
        report = import_open311(incidents, path)
    assert report.counts()["created"] == 1
    with TaskStore(workspace, "dispatcher") as city:
        task = [t for t in city.tasks() if t.incident_uuid == report.created[0]][0]
        assert task.state == "assigned"
        assert city.timeline(task.uuid)[1]["note"] == f"dispatched by rule R{rule.id} 'app requests'"
        assert city.reporter_contact(task.uuid) == {"name": "Lan Nguyễn", "email": "lan@example.vn",
                                                    "phone": "+84 234 555 0101"}
        commune = task.commune
    with TaskStore(workspace, slug(commune)) as officer:
        if officer.user.role == "commune_officer":  # a demo commune: its officer may not read the contact
            with pytest.raises(PermissionDenied):
                officer.reporter_contact(task.uuid)


def test_dry_run_counts_what_the_rules_would_have_dispatched(workspace, rules):
    stored = rules.save(DispatchRule(None, "camera floods", source="camera", category="flooding"))
    severe = DispatchRule(None, "severe", min_severity=4, priority=200)
    start, end = to_utc("2026-10-20T00:00:00Z"), to_utc("2026-11-20T00:00:00Z")
    runs, tried = rules.dry_run([stored, severe], start, end)
    q = ("SELECT count(*) FROM incidents WHERE COALESCE(occurred_at, reported_at) >= '2026-10-20T00:00:00Z' AND "
         "COALESCE(occurred_at, reported_at) < '2026-11-20T00:00:00Z'")
    assert tried == rules.conn.execute(q).fetchone()[0] > 0
    floods = rules.conn.execute(q + " AND channel = 'camera' AND category = 'flooding'").fetchone()[0]
    severe_rest = rules.conn.execute(q + " AND severity >= 4 AND NOT (channel = 'camera' AND category = "
                                         "'flooding')").fetchone()[0]
    assert [(r.rule.name, r.count) for r in runs] == [("camera floods", floods), ("severe", severe_rest)]
    assert floods > 0 and severe_rest > 0
    with TaskStore(workspace, "dispatcher") as city:
        before = len(city.tasks())
    assert rules.dry_run()[1] > 0
    with TaskStore(workspace, "dispatcher") as city:
        assert len(city.tasks()) == before  # nothing written

"""One case from report to verified, headless: detection -> rule -> commune -> done -> verified -> callback -> KPIs."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta

from gisdesk.core.dispatch import DispatchRule
from gisdesk.core.users import slug
from gisdesk.store.dispatch_store import DispatchStore
from gisdesk.store.incident_io import import_detections
from gisdesk.store.incidents_store import IncidentStore
from gisdesk.store.tasks_store import TaskStore
from gisdesk.store.users_store import UserStore
from sample_layers._tasks import DEMO_PASSWORD

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_a_camera_detection_flows_to_a_satisfied_callback(workspace, tmp_path):
    with DispatchStore(workspace, "dispatcher") as rules:
        rule = rules.save(DispatchRule(None, "camera floods", source="camera", category="flooding", priority=1))
    with TaskStore(workspace, "dispatcher") as city:
        before = city.kpis()
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"camera_id": "CAM-0001", "type": "waterlogging", "time": "2026-12-01T08:00:00Z",
                                "confidence": 0.95}) + "\n", encoding="utf-8")
    with IncidentStore(workspace, "dispatcher") as incidents:
        (incident,) = import_detections(incidents, feed).created
        commune = incidents.get(incident).commune
    with TaskStore(workspace, "dispatcher") as city:
        (task,) = [t for t in city.tasks() if t.incident_uuid == incident]
    assert task.state == "assigned" and task.commune == commune
    assert task.deadline - task.assigned_at == timedelta(hours=48)  # flooding, severity 2
    officer_name = slug(commune)
    with UserStore(workspace) as users:  # the commune's officer (made here when the demo has none)
        if officer_name not in {u.username for u in users.all_users()}:
            users.create_user(users.authenticate("admin", DEMO_PASSWORD), officer_name, "a-long-password-1",
                              "commune_officer", "Officer", commune=commune)
    with TaskStore(workspace, officer_name) as officer:
        assert task.uuid in [t.uuid for t in officer.inbox()]
        t = officer.transition(task.uuid, "accept", task.version)
        t = officer.transition(t.uuid, "start", t.version)
        photo = officer.attach(t.uuid, "site.png", PNG)
        t = officer.transition(t.uuid, "report", t.version, percent=60, photo=photo, note="pumping")
        t = officer.transition(t.uuid, "complete", t.version, note="drain cleared", photo=photo)
    with TaskStore(workspace, "dispatcher") as city:
        t = city.transition(t.uuid, "verify", t.version)
        city.record_callback(t.uuid, "satisfied", "the street is dry")
        after = city.kpis()
        timeline = [(e["action"], e["who"]) for e in city.timeline(t.uuid)]
    assert timeline == [("create", "system"), ("assign", "system"), ("accept", officer_name),
                        ("start", officer_name), ("report", officer_name), ("complete", officer_name),
                        ("verify", "dispatcher")]
    assert after["completed"] == before["completed"] + 1
    assert after["satisfaction"]["satisfied"] == before["satisfaction"]["satisfied"] + 1
    assert after["satisfaction"]["responses"] == before["satisfaction"]["responses"] + 1
    cli = subprocess.run([sys.executable, "-m", "gisdesk.cli", "kpi", str(workspace), "--json"], capture_output=True,
                         text=True, timeout=180)
    assert json.loads(cli.stdout)["satisfaction"] == after["satisfaction"]
    assert f"rule R{rule.id} 'camera floods'" in json.dumps(
        json.loads(subprocess.run([sys.executable, "-m", "gisdesk.cli", "tasks", "show", str(workspace), t.case_no,
                                   "--json"], capture_output=True, text=True, timeout=180).stdout)["timeline"],
        ensure_ascii=False)

"""Tasks created offline (issue 14 with the access policy): they travel where the policy lets the package's
user create tasks, and are refused at creation time on the laptop where it does not.

The rules, from gisdesk/core/access.py's table: ``create`` ``task`` is the city's (dispatcher, administrator);
a commune officer may not create (or sub-assign) tasks. A task made offline keeps its UUID and its event's id
at the source, gets the source's case number and time, and the laptop's time is kept as ``offline_at``.
"""

from __future__ import annotations

import json

import pytest
import shapely

from gisdesk.core.users import PermissionDenied
from gisdesk.store.connection import connect
from gisdesk.store.sync_session import export_up, status, sync
from tests.store.test_sync import make_package, store


def test_a_task_created_in_the_dispatchers_package_travels_with_its_fields(workspace, tmp_path):
    pkg = make_package(workspace, tmp_path, user="dispatcher")
    area = shapely.box(0, 0, 10, 10)
    with store(pkg, "dispatcher") as laptop:
        t = laptop.create("Sandbags at the school", category="flooding", severity=3, description="north gate",
                          area=area, note="made in the field")
        t = laptop.transition(t.uuid, "assign", t.version, commune="Phú Hội")
        created_id = laptop.conn.execute("SELECT id FROM task_events WHERE task_uuid = ? AND action = 'create'",
                                         (t.uuid,)).fetchone()[0]
    report, counts = sync(pkg)
    assert [(r["kind"], r["result"]) for r in report.results] == [("task_event", "applied"), ("task_event", "applied")]
    with store(workspace, "dispatcher") as city:
        got = city.task(t.uuid)
        timeline = city.timeline(t.uuid)
        created = city.conn.execute("SELECT id, data FROM task_events WHERE task_uuid = ? AND action = 'create'",
                                    (t.uuid,)).fetchone()
    assert (got.title, got.category, got.severity, got.description, got.state, got.commune) == \
        ("Sandbags at the school", "flooding", 3, "north gate", "assigned", "Phú Hội")
    assert got.area.equals(area)
    assert [(e["action"], e["who"]) for e in timeline] == [("create", "dispatcher"), ("assign", "dispatcher")]
    assert created[0] == created_id  # the same change, never a copy
    assert {"offline_at", "package"} <= set(json.loads(created[1]))
    # the source's case number comes back to the package
    with store(pkg, "dispatcher") as laptop:
        assert laptop.task(t.uuid).case_no == got.case_no
    again, _ = sync(pkg)  # nothing twice
    with store(workspace, "dispatcher") as city:
        assert len(city.timeline(t.uuid)) == 2
    assert all(r["state"] == "applied" for r in status(pkg)["log"])


def test_a_commune_officer_cannot_create_a_task_offline_and_nothing_is_logged(workspace, tmp_path):
    pkg = make_package(workspace, tmp_path, user="phu_hoi")
    with connect(pkg) as conn:
        before = conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
    with store(pkg, "phu_hoi") as laptop, pytest.raises(PermissionDenied, match="only the city|may not|cannot"):
        laptop.create("Clear our drain", category="flooding", severity=2)
    with connect(pkg) as conn:
        assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == before
    manifest = export_up(pkg, tmp_path / "up.gdsync")
    assert manifest["count"] == 0

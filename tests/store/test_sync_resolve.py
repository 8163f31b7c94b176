"""Settling a sync conflict: the choice is an event through the stores, checked by the policy, and it travels.

Expected values are written from the rules (gisdesk/core/conflict_resolution.py's docstring and the issue):
"the city settles a conflict over a task's state; the author settles one over their own progress report".
"""

from __future__ import annotations

import json

import pytest

from gisdesk.core.tasks import ConflictError
from gisdesk.core.users import PermissionDenied
from gisdesk.core.incidents import ValidationError
from gisdesk.store.connection import connect
from gisdesk.store.sync_conflicts import list_conflicts
from gisdesk.store.sync_resolve import resolve_conflict
from gisdesk.store.sync_session import sync
from tests.store.test_sync import PNG, actions, assigned_task, city, inside, make_package, store  # noqa: F401 (fixture)


def _completed_while_cancelled(city, tmp_path, moved: tuple[float, float] = (0.0, 0.0)):
    """phu_hoi completes offline (with the position, ``moved`` metres from the task's place); the city cancels
    meanwhile: 3 conflicts."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        a = officer.transition(t.uuid, "accept", t.version)
        a = officer.transition(t.uuid, "start", a.version)
        x, y = inside(t)
        officer.transition(t.uuid, "complete", a.version, note="cleared", position=(x + moved[0], y + moved[1]))
    with store(city, "dispatcher") as d:
        d.transition(t.uuid, "cancel", t.version, reason="duplicate of another case")
    sync(pkg)
    return t, pkg


def _conflict_of(path, user, task_uuid, action):
    return next(c for c in list_conflicts(path, user) if c["record_uuid"] == task_uuid and c["lost"]["action"] == action)


def test_the_city_uses_the_losing_value_and_the_task_has_it(city, tmp_path):
    t, _ = _completed_while_cancelled(city, tmp_path)
    c = _conflict_of(city, "dispatcher", t.uuid, "complete")
    # the value that stays is the city's cancel, for each of the three (not the author of an earlier conflict)
    assert [x["kept_by"] for x in list_conflicts(city, "dispatcher")] == ["dispatcher"] * 3
    with store(city, "dispatcher") as d:
        before = d.task(t.uuid)
    row = resolve_conflict(city, "dispatcher", c["id"], "lost", version=before.version)
    with store(city, "dispatcher") as d:
        after = d.task(t.uuid)
        timeline = d.timeline(t.uuid)
        assert d.check_consistency() == []
    assert (after.state, after.version, after.updated_by) == ("done", before.version + 1, "dispatcher")
    assert after.cancelled_at is None and after.done_at is not None
    last = timeline[-1]
    assert (last["action"], last["who"], last["from_state"], last["to_state"]) == \
        ("resolve", "dispatcher", "cancelled", "done")
    data = last["data"] if isinstance(last["data"], dict) else json.loads(last["data"])
    assert data["conflict"] == c["id"] and data["choice"] == "lost" and data["values"]["state"] == "done"
    assert row["resolved_by"] == "dispatcher" and row["resolved_at"] and row["resolution"]["choice"] == "lost"
    listed = _conflict_of(city, "dispatcher", t.uuid, "complete")
    assert listed["resolved_at"] == row["resolved_at"]  # the list shows it resolved
    # settled once: a second choice changes nothing and says why
    with pytest.raises(ValidationError, match="already settled by dispatcher"):
        resolve_conflict(city, "dispatcher", c["id"], "kept")


def test_keep_current_writes_an_event_and_changes_no_value(city, tmp_path):
    t, _ = _completed_while_cancelled(city, tmp_path)
    c = _conflict_of(city, "dispatcher", t.uuid, "accept")
    resolve_conflict(city, "dispatcher", c["id"], "kept")
    with store(city, "dispatcher") as d:
        after = d.task(t.uuid)
    assert after.state == "cancelled"
    assert actions(city, t.uuid)[-1] == ("resolve", "dispatcher", "cancelled")


def test_a_commune_officer_cannot_settle_a_city_field_and_nothing_changes(city, tmp_path):
    t, _ = _completed_while_cancelled(city, tmp_path)
    c = _conflict_of(city, "phu_hoi", t.uuid, "complete")  # they see it (their commune's) …
    with store(city, "dispatcher") as d:
        version = d.task(t.uuid).version
    with pytest.raises(PermissionDenied, match=r"only the city \(dispatcher or administrator\) settles a conflict "
                                               r"over a case's state or assignment"):
        resolve_conflict(city, "phu_hoi", c["id"], "lost")  # … but may not settle it
    with store(city, "dispatcher") as d:
        assert (d.task(t.uuid).state, d.task(t.uuid).version) == ("cancelled", version)
    assert _conflict_of(city, "dispatcher", t.uuid, "complete")["resolved_at"] is None


def test_a_stale_form_is_refused(city, tmp_path):
    t, _ = _completed_while_cancelled(city, tmp_path)
    c = _conflict_of(city, "dispatcher", t.uuid, "complete")
    with store(city, "dispatcher") as d:
        version = d.task(t.uuid).version
    resolve_conflict(city, "dispatcher", _conflict_of(city, "dispatcher", t.uuid, "accept")["id"], "kept")
    with pytest.raises(ConflictError, match="reload"):
        resolve_conflict(city, "dispatcher", c["id"], "lost", version=version)
    assert _conflict_of(city, "dispatcher", t.uuid, "complete")["resolved_at"] is None


def test_the_author_settles_their_own_progress_report_in_the_package_and_it_travels(city, tmp_path):
    """A progress report that lost (the city cancelled meanwhile) is the assignee's: phu_hoi settles it on
    the laptop ("keep current"); the next sync settles it at the source the same way, by phu_hoi."""
    t = assigned_task(city)
    with store(city, "phu_hoi") as officer:
        a = officer.transition(t.uuid, "accept", t.version)
        a = officer.transition(t.uuid, "start", a.version)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        photo = officer.attach(t.uuid, "site.png", PNG)
        officer.transition(t.uuid, "report", a.version, percent=40, photo=photo, note="half")
    with store(city, "dispatcher") as d:
        d.transition(t.uuid, "cancel", a.version, reason="no longer needed")
    sync(pkg)
    c = _conflict_of(pkg, "phu_hoi", t.uuid, "report")  # the conflict came down to the laptop
    with pytest.raises(PermissionDenied, match="only the city or phu_hoi"):
        resolve_conflict(pkg, "vinh_ninh", c["id"], "kept")
    resolve_conflict(pkg, "phu_hoi", c["id"], "kept")
    assert _conflict_of(pkg, "phu_hoi", t.uuid, "report")["resolved_by"] == "phu_hoi"
    report, _ = sync(pkg)
    assert [(r["kind"], r["result"]) for r in report.results] == [("task_event", "applied")]
    at_city = _conflict_of(city, "dispatcher", t.uuid, "report")
    assert at_city["resolved_by"] == "phu_hoi" and at_city["resolved_at"]
    assert actions(city, t.uuid)[-1] == ("resolve", "phu_hoi", "cancelled")
    assert actions(pkg, t.uuid, "phu_hoi") == actions(city, t.uuid)
    with store(city, "dispatcher") as d:
        assert d.check_consistency() == []


def test_an_incident_status_conflict_settled_by_the_city_with_the_other_value(city, tmp_path):
    """Laptop: an incident 'assigned'; city meanwhile: 'rejected' (a conflict; status is the city's). The city
    uses the other value: the incident is 'assigned', written through the incident store, with a 'resolve'
    event; phu_hoi may not settle it (status belongs to the city)."""
    from gisdesk.store.incidents_store import IncidentStore

    conn = connect(city)
    inc = conn.execute("SELECT uuid FROM incidents WHERE commune = 'Phú Hội' AND status = 'closed' ORDER BY fid "
                       "LIMIT 1").fetchone()[0]
    conn.close()
    pkg = make_package(city, tmp_path)
    with IncidentStore(pkg, "phu_hoi") as laptop:
        laptop.update(inc, {"status": "assigned"})
    with IncidentStore(city, "dispatcher") as office:
        office.update(inc, {"status": "rejected"})
    sync(pkg)
    c = next(x for x in list_conflicts(city, "dispatcher") if x["record_uuid"] == inc)
    with pytest.raises(PermissionDenied, match="only the city"):
        resolve_conflict(city, "phu_hoi", c["id"], "lost")
    with IncidentStore(city, "dispatcher") as s:
        version = s.get(inc).version
    row = resolve_conflict(city, "dispatcher", c["id"], "lost", version=version)
    with IncidentStore(city, "dispatcher") as s:
        assert s.get(inc).status == "assigned" and s.get(inc).version > version
    conn = connect(city)
    history = conn.execute("SELECT action, who, field, to_state FROM incident_events WHERE incident_uuid = ? "
                           "ORDER BY rowid", (inc,)).fetchall()
    conn.close()
    assert history[-1][:2] == ("resolve", "dispatcher")
    assert ("status", "assigned") in [(f, t) for _, who, f, t in history[-3:] if who == "dispatcher"]
    assert row["resolved_by"] == "dispatcher" and row["resolution"]["event"] and row["resolution"]["choice"] == "lost"

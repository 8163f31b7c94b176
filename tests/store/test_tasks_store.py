"""Tasks in a real workspace: the whole workflow, jurisdiction, conflicts, audit, escalation, questions, KPIs."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta

import pytest
import shapely

from gisdesk.core import kpi
from gisdesk.core.incidents import utc_now
from gisdesk.core.tasks import ConflictError, InvalidTransition
from gisdesk.core.users import PermissionDenied, User
from gisdesk.store.connection import connect
from gisdesk.store.tasks_store import TaskStore

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
NAMES = ("admin", "dispatcher", "viewer", "phu_hoi", "vinh_ninh", "xaydung", "moitruong")


@pytest.fixture
def stores(workspace):
    """One store per demo user (the role and unit come from the users table)."""
    opened = {n: TaskStore(workspace, User(n, n, "viewer")) for n in NAMES}
    yield opened
    for s in opened.values():
        s.close()


def incident_in(store, commune):
    return store.conn.execute("SELECT uuid FROM incidents WHERE commune = ? ORDER BY fid LIMIT 1",
                              (commune,)).fetchone()[0]


def new_task(stores, commune="Phú Hội", department=None):
    city = stores["dispatcher"]
    t = city.create_from_incident(incident_in(city, "Phú Hội"))
    unit = {"department": department} if department else {"commune": commune}
    return city.transition(t.uuid, "assign", t.version, **unit)


def test_roles_come_from_the_users_table(stores, workspace):
    assert stores["phu_hoi"].user.commune == "Phú Hội" and stores["xaydung"].user.department == "Sở Xây dựng"
    forged = TaskStore(workspace, User("intruder", "x", "city_dispatcher"))
    assert forged.user.role == "viewer"  # not in the table: read-only
    with pytest.raises(PermissionDenied):
        forged.create("anything")
    forged.close()


def test_dispatcher_assigns_commune_completes_city_verifies(stores):
    city, officer = stores["dispatcher"], stores["phu_hoi"]
    t = new_task(stores)
    assert t.state == "assigned" and t.deadline > utc_now() and t.area is not None
    assert t.uuid in [x.uuid for x in officer.inbox()]
    assert any(n["kind"] == "assigned" and n["task_uuid"] == t.uuid for n in officer.notifications())
    assert officer.allowed_actions(t.uuid) == ["accept", "return"]
    t = officer.transition(t.uuid, "accept", t.version)
    t = officer.transition(t.uuid, "start", t.version)
    photo = officer.attach(t.uuid, "site.png", PNG)
    t = officer.transition(t.uuid, "report", t.version, percent=50, note="half the drain cleared", photo=photo)
    inside = shapely.get_coordinates(t.area)[0]
    t = officer.transition(t.uuid, "complete", t.version, note="cleared", position=tuple(inside))
    assert t.uuid in [x.uuid for x in city.inbox()]  # to verify
    t = city.transition(t.uuid, "verify", t.version)
    assert (t.state, t.version, t.progress) == ("closed", 7, 100)
    steps = [(e["action"], e["from_state"], e["to_state"], e["who"]) for e in city.timeline(t.uuid)]
    assert steps == [("create", None, "created", "dispatcher"), ("assign", "created", "assigned", "dispatcher"),
                     ("accept", "assigned", "accepted", "phu_hoi"), ("start", "accepted", "in_progress", "phu_hoi"),
                     ("report", "in_progress", "in_progress", "phu_hoi"), ("complete", "in_progress", "done", "phu_hoi"),
                     ("verify", "done", "closed", "dispatcher")]
    assert city.timeline(t.uuid)[4]["data"] == {"percent": 50, "photo": photo}
    assert city.check_consistency() == []


def test_a_refused_change_changes_nothing(stores):
    t = new_task(stores)
    officer = stores["phu_hoi"]
    before = officer.timeline(t.uuid)
    with pytest.raises(InvalidTransition, match="cannot complete a task that is assigned"):
        officer.transition(t.uuid, "complete", t.version, note="x", position=(0, 0))
    with pytest.raises(InvalidTransition, match="needs a reason"):
        officer.transition(t.uuid, "return", t.version)
    t2 = officer.transition(t.uuid, "accept", t.version)
    t2 = officer.transition(t.uuid, "start", t2.version)
    with pytest.raises(InvalidTransition, match="photo or a position"):
        officer.transition(t.uuid, "complete", t2.version, note="done")
    other_photo = stores["dispatcher"].attach(new_task(stores).uuid, "p.png", PNG)
    with pytest.raises(InvalidTransition, match="not an image attached to this task"):
        officer.transition(t.uuid, "complete", t2.version, note="done", photo=other_photo)
    assert len(officer.timeline(t.uuid)) == len(before) + 2 and officer.task(t.uuid).version == t2.version


# --- jurisdiction: every role x action x own/other commune --------------------------------------
ACTIONS = {  # action -> (state to bring the task to first, fields)
    "read": (None, {}), "accept": ("assigned", {}), "return": ("assigned", {"reason": "not ours"}),
    "start": ("accepted", {}), "report": ("in_progress", {"percent": 30}),
    "verify": ("done", {}), "reopen": ("done", {"reason": "again"}), "cancel": ("assigned", {"reason": "dup"}),
    "reassign": ("assigned", {"commune": "Vĩnh Ninh", "reason": "wrong ward"}), "attach": (None, {}),
    "ask": (None, {}),
}
EXPECTED = {  # who -> actions allowed on a task of Phú Hội
    "admin": {"read", "verify", "reopen", "cancel", "reassign", "attach"},
    "dispatcher": {"read", "verify", "reopen", "cancel", "reassign", "attach"},
    "viewer": {"read"},
    "phu_hoi": {"read", "accept", "return", "start", "report", "attach", "ask"},
    "vinh_ninh": set(),
    "xaydung": set(),
}


def bring_to(stores, state):
    t = new_task(stores)
    officer, city = stores["phu_hoi"], stores["dispatcher"]
    path = {"assigned": [], "accepted": ["accept"], "in_progress": ["accept", "start"],
            "done": ["accept", "start", "complete"]}[state]
    for action in path:
        extra = {"note": "ok", "photo": officer.attach(t.uuid, "p.png", PNG)} if action == "complete" else {}
        t = officer.transition(t.uuid, action, t.version, **extra)
    return t


@pytest.mark.parametrize("who", list(EXPECTED))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_jurisdiction_matrix(stores, who, action):
    state, fields = ACTIONS[action]
    t = bring_to(stores, state or "assigned")
    store = stores[who]
    events = len(stores["dispatcher"].timeline(t.uuid))

    def attempt():
        if action == "read":
            store.task(t.uuid)
            store.timeline(t.uuid)
        elif action == "attach":
            store.attach(t.uuid, "p.png", PNG)
        elif action == "ask":
            store.ask("Which pump?", "Which pump should we use?", task_uuid=t.uuid)
        else:
            store.transition(t.uuid, action, t.version, **fields)

    if action in EXPECTED[who]:
        attempt()
    else:
        with pytest.raises(PermissionDenied):
            attempt()
        after = stores["dispatcher"].task(t.uuid)
        assert after.version == t.version and after.state == t.state
        assert len(stores["dispatcher"].timeline(t.uuid)) == events
    visible = {x.uuid for x in store.tasks()}
    assert (t.uuid in visible) == ("read" in EXPECTED[who])


def test_department_officers_work_only_on_their_department(stores):
    t = new_task(stores, department="Sở Xây dựng")
    with pytest.raises(PermissionDenied):
        stores["moitruong"].transition(t.uuid, "accept", t.version)
    with pytest.raises(PermissionDenied):
        stores["phu_hoi"].task(t.uuid)
    assert stores["xaydung"].transition(t.uuid, "accept", t.version).state == "accepted"
    assert [x.uuid for x in stores["moitruong"].tasks()] == [x.uuid for x in stores["moitruong"].tasks(
        department="Công ty Môi trường và Công trình đô thị")]


def test_only_the_city_creates_tasks(stores):
    for who, why in (("viewer", "may look but not change anything"), ("phu_hoi", "only the city"),
                     ("xaydung", "only the city")):
        with pytest.raises(PermissionDenied, match=why):
            stores[who].create("Pothole")


# --- concurrency -------------------------------------------------------------------------------
def test_two_stores_on_one_file_the_second_change_conflicts(stores, workspace):
    t = new_task(stores)
    first = TaskStore(workspace, User("phu_hoi", "", "viewer"))
    second = TaskStore(workspace, User("dispatcher", "", "viewer"))
    try:
        seen_by_first, seen_by_second = first.task(t.uuid), second.task(t.uuid)
        first.transition(t.uuid, "accept", seen_by_first.version)
        with pytest.raises(ConflictError, match=r"changed by phu_hoi at .*Z .*reload"):
            second.transition(t.uuid, "reassign", seen_by_second.version, commune="Vĩnh Ninh", reason="x")
        now = second.task(t.uuid)
        assert (now.state, now.commune, now.version) == ("accepted", "Phú Hội", t.version + 1)
        second.transition(t.uuid, "reassign", now.version, commune="Vĩnh Ninh", reason="after reload")
    finally:
        first.close()
        second.close()
    assert stores["dispatcher"].check_consistency() == []


# --- audit -------------------------------------------------------------------------------------
def test_history_is_append_only_and_consistency_detects_tampering(stores, workspace):
    t = new_task(stores)
    conn = connect(workspace)
    for sql in ("UPDATE task_events SET who = 'x'", "DELETE FROM task_events"):
        with pytest.raises(Exception, match="append-only"):
            conn.execute(sql)
    assert stores["dispatcher"].check_consistency() == []
    conn.execute("UPDATE tasks SET state = 'closed' WHERE uuid = ?", (t.uuid,))
    problems = stores["dispatcher"].check_consistency()
    assert len(problems) == 1 and t.uuid in problems[0] and "ending in assigned" in problems[0]
    conn.execute("UPDATE tasks SET state = 'assigned', version = version + 1 WHERE uuid = ?", (t.uuid,))
    assert "history has 2 events" in stores["dispatcher"].check_consistency()[0]
    conn.close()


def test_demo_tasks_agree_with_their_history(stores):
    city = stores["dispatcher"]
    made_by_people = [t for t in city.tasks() if t.created_by != "system"]  # the rest the demo's rules dispatched
    assert len(made_by_people) == 60 and city.check_consistency() == []
    assert {t.state for t in city.tasks()} >= {"created", "assigned", "in_progress", "done", "closed", "returned"}


# --- escalation --------------------------------------------------------------------------------
def test_overdue_tasks_escalate_once_with_a_notification(stores):
    city, officer = stores["dispatcher"], stores["phu_hoi"]
    city.escalate_overdue()  # the demo's own overdue tasks
    t = new_task(stores)
    later = t.deadline + timedelta(minutes=1)
    assert t.uuid not in city.escalate_overdue(now=t.deadline - timedelta(minutes=1))
    assert t.uuid in city.escalate_overdue(now=later)
    assert city.escalate_overdue(now=later) == []  # only once
    now = city.task(t.uuid)
    assert now.escalated and now.state == "assigned" and now.version == t.version + 1
    assert city.timeline(t.uuid)[-1]["action"] == "escalate" and city.timeline(t.uuid)[-1]["who"] == "system"
    assert any(n["kind"] == "escalated" and n["task_uuid"] == t.uuid for n in city.notifications())
    assert not any(n["kind"] == "escalated" for n in officer.notifications())
    inbox = officer.inbox(now=later)
    assert inbox[0].is_overdue(later)  # overdue first
    with pytest.raises(PermissionDenied):
        stores["viewer"].escalate_overdue()
    assert city.check_consistency() == []


# --- questions ---------------------------------------------------------------------------------
def test_questions_thread_counts_and_jurisdiction(stores):
    t = new_task(stores)
    asker, city, dept = stores["phu_hoi"], stores["dispatcher"], stores["xaydung"]
    before = city.open_question_count()
    q_city = asker.ask("Pump", "Which pump should we use?", task_uuid=t.uuid)
    q_dept = asker.ask("Permit", "Do we need a road permit here?", to_department="Sở Xây dựng",
                       position=(775000.0, 1821000.0))
    assert city.open_question_count() == before + 1 and dept.open_question_count() == 1
    assert stores["moitruong"].open_question_count() == 0
    with pytest.raises(PermissionDenied):
        stores["vinh_ninh"].thread(q_city)
    with pytest.raises(PermissionDenied):
        stores["moitruong"].answer(q_dept, "not ours")
    with pytest.raises(PermissionDenied):
        stores["vinh_ninh"].ask("x", "y", task_uuid=t.uuid)
    with pytest.raises(PermissionDenied, match="only a commune officer"):
        city.ask("x", "y", position=(0, 0))
    city.answer(q_city, "The mobile pump from Thuận Hòa")
    asker.answer(q_city, "It is busy, another?")
    city.answer(q_city, "Then the one from the depot")
    thread = asker.thread(q_city)
    assert [a["who"] for a in thread["answers"]] == ["dispatcher", "phu_hoi", "dispatcher"]
    assert thread["status"] == "answered" and city.open_question_count() == before
    dept.answer(q_dept, "Yes, ask the ward office")
    asker.close_question(q_dept)
    with pytest.raises(Exception, match="closed"):
        asker.answer(q_dept, "thanks")
    assert {q["uuid"] for q in asker.questions()} >= {q_city, q_dept}
    assert [q["uuid"] for q in asker.questions(task_uuid=t.uuid)] == [q_city]
    assert q_dept in {q["uuid"] for q in dept.questions()} and q_city not in {q["uuid"] for q in dept.questions()}
    row = next(r for r in city.overview() if r["commune"] == "Phú Hội")
    assert row["open_questions"] >= 0


# --- KPIs and overview -------------------------------------------------------------------------
def test_store_kpis_equal_the_core_on_the_same_rows(stores):
    city = stores["dispatcher"]
    rows = [(t.created_at, t.deadline, t.done_at, t.cancelled_at, t.commune, t.department) for t in city.tasks()]
    expected = kpi.summary(kpi.TaskTimes.from_rows(rows), None, "2030-01-01")
    got = city.kpis(None, "2030-01-01")
    assert {k: got[k] for k in expected} == expected and got["completed"] > 0
    flooding = [r for t, r in zip(city.tasks(), rows) if t.category == "flooding"]
    assert 0 < len(flooding) < len(rows), "the demo has flooding tasks and others"
    by_category = city.kpis(None, "2030-01-01", category="flooding")
    expected = kpi.summary(kpi.TaskTimes.from_rows(flooding), None, "2030-01-01")
    assert {k: by_category[k] for k in expected} == expected and by_category["tasks"] == len(flooding)
    officer_view = stores["phu_hoi"].kpis(None, "2030-01-01")
    assert [r["unit"] for r in officer_view["by_commune"]] in ([], ["Phú Hội"])
    assert officer_view["tasks"] == len(stores["phu_hoi"].tasks())


def test_overview_lists_every_commune_for_the_city_and_one_for_an_officer(stores):
    t = new_task(stores)
    rows = {r["commune"]: r for r in stores["dispatcher"].overview()}
    assert len(rows) == 40 and rows["Phú Hội"]["open"] >= 1
    assert set(rows["Phú Hội"]) == {"commune", "open", "overdue", "completed", "on_time_rate", "open_questions"}
    assert [r["commune"] for r in stores["phu_hoi"].overview()] == ["Phú Hội"]
    assert stores["xaydung"].overview() == []
    assert t.uuid in {x.uuid for x in stores["dispatcher"].tasks(commune="Phú Hội", open_only=True)}


def test_kpi_command(workspace):
    run = subprocess.run([sys.executable, "-m", "gisdesk.cli", "kpi", str(workspace), "--commune", "Phú Hội",
                          "--from", "2020-01-01", "--json"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["from"] == "2020-01-01T00:00:00Z" and [r["unit"] for r in report["by_commune"]] == ["Phú Hội"]
    one = subprocess.run([sys.executable, "-m", "gisdesk.cli", "kpi", str(workspace), "--commune", "Phú Hội",
                          "--category", "no such category", "--json"], capture_output=True, text=True, timeout=120)
    assert one.returncode == 0 and json.loads(one.stdout)["tasks"] == 0
    table = subprocess.run([sys.executable, "-m", "gisdesk.cli", "kpi", str(workspace)], capture_output=True,
                           text=True, timeout=120)
    assert table.returncode == 0 and "on time" in table.stdout and "Phú Hội" in table.stdout
    bad = subprocess.run([sys.executable, "-m", "gisdesk.cli", "kpi", str(workspace), "--from", "soon"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "not an ISO 8601 date-time" in bad.stderr

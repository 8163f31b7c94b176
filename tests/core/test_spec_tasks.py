"""The task state machine against its specification, written out by hand.

The transitions come from the diagram in the docstring of :mod:`gisdesk.core.tasks` and the README's
Tasks panel, copied here in words, never read from ``TRANSITIONS``: assign (city) created -> assigned;
accept (assignee) assigned -> accepted; return (assignee, with a reason) assigned/accepted -> returned;
reassign (city, with a reason) from returned, assigned, accepted or in_progress -> assigned; start
(assignee) accepted -> in_progress; report (assignee) keeps in_progress; complete (assignee, with
evidence) in_progress -> done; verify (city) done -> closed; reopen (city, with a reason) done/closed
-> in_progress; cancel (city, with a reason) from every state except closed and cancelled.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import shapely
from shapely.geometry import Point, box

from gisdesk.core.incidents import ValidationError
from gisdesk.core.tasks import (
    EvidencePolicy,
    InvalidTransition,
    SlaRules,
    Task,
    allowed_actions,
    area_from_wkb,
    may,
    overdue,
    plan,
)
from gisdesk.core.users import PermissionDenied, User

NOW = datetime(2026, 5, 1, 8, 30, tzinfo=timezone.utc)
DISPATCHER = User("dispatcher", "IOC", "city_dispatcher")
ADMIN = User("admin", "Admin", "administrator")
VIEWER = User("viewer", "Viewer", "viewer")
PHU_HOI = User("phu_hoi", "Officer Phú Hội", "commune_officer", commune="Phú Hội")
VINH_NINH = User("vinh_ninh", "Officer Vĩnh Ninh", "commune_officer", commune="Vĩnh Ninh")
XAY_DUNG = User("xaydung", "Officer Xây dựng", "department_officer", department="Sở Xây dựng")
AREA = box(0, 0, 100, 100)

ALL_STATES = ("created", "assigned", "accepted", "returned", "in_progress", "done", "closed", "cancelled")
#: action -> (states it starts from, state it leads to (None: unchanged), who takes it, needs a reason)
SPEC = {
    "assign": ({"created"}, "assigned", "city", False),
    "accept": ({"assigned"}, "accepted", "assignee", False),
    "return": ({"assigned", "accepted"}, "returned", "assignee", True),
    "reassign": ({"returned", "assigned", "accepted", "in_progress"}, "assigned", "city", True),
    "start": ({"accepted"}, "in_progress", "assignee", False),
    "report": ({"in_progress"}, None, "assignee", False),
    "complete": ({"in_progress"}, "done", "assignee", False),
    "verify": ({"done"}, "closed", "city", False),
    "reopen": ({"done", "closed"}, "in_progress", "city", True),
    "cancel": ({"created", "assigned", "accepted", "returned", "in_progress", "done"}, "cancelled", "city", True),
}
FIELDS = {
    "assign": {"commune": "Phú Hội"},
    "reassign": {"commune": "Phú Hội", "reason": "wrong ward"},
    "return": {"reason": "not ours"},
    "reopen": {"reason": "still flooded"},
    "cancel": {"reason": "duplicate"},
    "report": {"percent": 40, "note": "pump running"},
    "complete": {"note": "drain cleared", "position": (50.0, 50.0)},
}


def a_task(state: str = "in_progress", **kw) -> Task:
    unit = {} if state == "created" else {"commune": "Phú Hội"}
    values = dict(title="Clear the drain", category="flooding", severity=3, state=state, area=AREA,
                  deadline=NOW + timedelta(days=1), created_at=NOW - timedelta(days=1), **unit)
    values.update(kw)
    return Task(**values)


def actor(action: str) -> User:
    return DISPATCHER if SPEC[action][2] == "city" else PHU_HOI


@pytest.mark.parametrize("state", ALL_STATES)
@pytest.mark.parametrize("action", list(SPEC))
def test_each_action_from_each_state(action, state):
    sources, target, _, _ = SPEC[action]
    before = a_task(state)
    if state in sources:
        new, event = plan(before, action, actor(action), now=NOW, **FIELDS.get(action, {}))
        assert new.state == (target or state)
        assert (event.action, event.from_state, event.to_state) == (action, state, target or state)
        assert (event.who, event.at, event.task_uuid) == (actor(action).username, NOW, before.uuid)
        assert (new.version, new.updated_at, new.updated_by) == (2, NOW, actor(action).username)
        assert before.state == state and before.version == 1  # the input is left as it was
    elif state != "created" or SPEC[action][2] == "city":
        with pytest.raises(InvalidTransition) as caught:
            plan(before, action, actor(action), now=NOW, **FIELDS.get(action, {}))
        assert f"cannot {action} a task that is {state.replace('_', ' ')}" in str(caught.value)


def test_a_closed_or_cancelled_task_cannot_be_cancelled():
    for state in ("closed", "cancelled"):
        with pytest.raises(InvalidTransition, match=f"cannot cancel a task that is {state}"):
            plan(a_task(state), "cancel", DISPATCHER, now=NOW, reason="no longer needed")


def test_a_finished_task_cannot_be_started_again_except_by_reopening():
    for action in ("accept", "start", "complete", "report"):
        with pytest.raises((InvalidTransition, PermissionDenied)):
            plan(a_task("closed"), action, PHU_HOI, now=NOW, **FIELDS.get(action, {}))


@pytest.mark.parametrize("action", [a for a, spec in SPEC.items() if spec[3]])
def test_actions_that_need_a_reason(action):
    state = sorted(SPEC[action][0])[0]
    fields = {k: v for k, v in FIELDS.get(action, {}).items() if k != "reason"}
    with pytest.raises(InvalidTransition, match=f"{action} needs a reason"):
        plan(a_task(state), action, actor(action), now=NOW, **fields)
    with pytest.raises(InvalidTransition, match="needs a reason"):
        plan(a_task(state), action, actor(action), now=NOW, reason="   ", **fields)
    new, event = plan(a_task(state), action, actor(action), now=NOW, note="  said so  ", **fields)
    assert event.note == "said so"


@pytest.mark.parametrize("action", [a for a, spec in SPEC.items() if not spec[3]])
def test_actions_that_need_no_reason(action):
    state = sorted(SPEC[action][0])[0]
    new, event = plan(a_task(state), action, actor(action), now=NOW, **FIELDS.get(action, {}))
    assert new.version == 2
    if action not in ("report", "complete"):
        assert event.note is None


# --- who may take which step ----------------------------------------------------------------------------------


@pytest.mark.parametrize("action", list(SPEC))
def test_who_takes_each_step(action):
    sources, _, side, _ = SPEC[action]
    state = "in_progress" if "in_progress" in sources else sorted(sources)[0]
    own = a_task(state)
    if side == "city":
        for user in (DISPATCHER, ADMIN):
            assert may(user, action, own)
            plan(own, action, user, now=NOW, **FIELDS.get(action, {}))
        for user in (PHU_HOI, XAY_DUNG, VIEWER):
            assert not may(user, action, own)
            with pytest.raises(PermissionDenied):
                plan(own, action, user, now=NOW, **FIELDS.get(action, {}))
        if state != "created":  # the officer sees their own task, and is told who takes the step
            with pytest.raises(PermissionDenied, match=f"cannot {action} task .*: only the city .* may take this step; "
                                                       "phu_hoi"):
                plan(own, action, PHU_HOI, now=NOW, **FIELDS.get(action, {}))
    else:
        assert may(PHU_HOI, action, own)
        for user in (DISPATCHER, ADMIN, XAY_DUNG, VIEWER):  # the city assigns; the assignee works
            assert not may(user, action, own)
        with pytest.raises(PermissionDenied, match="only the officers of Phú Hội"):
            plan(own, action, DISPATCHER, now=NOW, **FIELDS.get(action, {}))
        department_task = a_task(state, commune=None, department="Sở Xây dựng")
        assert may(XAY_DUNG, action, department_task) and not may(PHU_HOI, action, department_task)
        plan(department_task, action, XAY_DUNG, now=NOW, **FIELDS.get(action, {}))


def test_another_communes_task_is_not_even_visible():
    with pytest.raises(PermissionDenied, match="cannot see this task"):
        plan(a_task("assigned"), "accept", VINH_NINH, now=NOW)
    with pytest.raises(PermissionDenied, match="cannot see this task"):
        plan(a_task("assigned"), "accept", XAY_DUNG, now=NOW)


def test_a_viewer_and_a_deactivated_officer_take_no_step():
    gone = User("phu_hoi", "Former", "commune_officer", commune="Phú Hội", active=False)
    for state in ALL_STATES:
        assert allowed_actions(VIEWER, a_task(state)) == []
        assert allowed_actions(gone, a_task(state)) == []
    assert not may(gone, "accept", a_task("assigned"))
    assert not may(PHU_HOI, "approve", a_task("assigned"))
    with pytest.raises(PermissionDenied, match="viewer"):
        plan(a_task("done"), "verify", VIEWER, now=NOW)


def test_the_buttons_each_side_sees():
    assert allowed_actions(PHU_HOI, a_task("assigned")) == ["accept", "return"]
    assert allowed_actions(PHU_HOI, a_task("accepted")) == ["return", "start"]
    assert allowed_actions(PHU_HOI, a_task("in_progress")) == ["report", "complete"]
    assert allowed_actions(PHU_HOI, a_task("done")) == []
    assert allowed_actions(DISPATCHER, a_task("created")) == ["assign", "cancel"]
    assert allowed_actions(DISPATCHER, a_task("returned")) == ["reassign", "cancel"]
    assert allowed_actions(DISPATCHER, a_task("done")) == ["verify", "reopen", "cancel"]
    assert allowed_actions(DISPATCHER, a_task("closed")) == ["reopen"]
    assert allowed_actions(DISPATCHER, a_task("cancelled")) == []
    assert allowed_actions(VINH_NINH, a_task("assigned")) == []


# --- what each step writes ------------------------------------------------------------------------------------


def test_assign_counts_the_deadline_from_the_assignment():
    rules = SlaRules({("*", 3): 72.0, ("flooding", 3): 12.0})
    new, event = plan(a_task("created"), "assign", DISPATCHER, now=NOW, sla=rules, department="Sở Xây dựng")
    assert new.deadline == NOW + timedelta(hours=12)
    assert (new.assigned_at, new.department, new.commune, new.progress, new.escalated) == \
        (NOW, "Sở Xây dựng", None, 0, False)
    assert event.data == {"commune": None, "department": "Sở Xây dựng", "deadline": "2026-05-01T20:30:00Z"}
    other, _ = plan(a_task("created", category="noise"), "assign", DISPATCHER, now=NOW, sla=rules, commune="A")
    assert other.deadline == NOW + timedelta(hours=72)
    nocat, _ = plan(a_task("created", category=""), "assign", DISPATCHER, now=NOW, sla=rules, commune="A")
    assert nocat.deadline == NOW + timedelta(hours=72)


def test_the_default_sla_by_severity():
    # severity 4 within a day, 3 within three days, 2 within a week, 1 within two weeks
    for severity, hours in ((4, 24), (3, 72), (2, 168), (1, 336)):
        new, _ = plan(a_task("created", category="noise", severity=severity), "assign", DISPATCHER, now=NOW,
                      commune="Phú Hội")
        assert new.deadline == NOW + timedelta(hours=hours)


@pytest.mark.parametrize("category", ["flooding", "landslide", "forest fire", "power outage", "water leak"])
def test_disasters_and_outages_are_due_faster(category):
    for severity in (4, 3):
        fast, _ = plan(a_task("created", category=category, severity=severity), "assign", DISPATCHER, now=NOW,
                       commune="Phú Hội")
        usual, _ = plan(a_task("created", category="noise", severity=severity), "assign", DISPATCHER, now=NOW,
                        commune="Phú Hội")
        assert NOW < fast.deadline < usual.deadline


def test_assign_needs_exactly_one_unit_and_a_future_deadline():
    for units in ({}, {"commune": "A", "department": "B"}, {"commune": "", "department": ""}):
        with pytest.raises(InvalidTransition, match="assign to a commune or to a department"):
            plan(a_task("created"), "assign", DISPATCHER, now=NOW, **units)
    with pytest.raises(InvalidTransition, match="not in the future"):
        plan(a_task("created"), "assign", DISPATCHER, now=NOW, commune="A", deadline=NOW)
    later = NOW + timedelta(seconds=1)
    new, _ = plan(a_task("created"), "assign", DISPATCHER, now=NOW, commune="A", deadline=later)
    assert new.deadline == later and new.department is None


def test_reassign_takes_the_task_from_its_old_unit():
    late = a_task("in_progress", escalated=True, progress=60)
    new, event = plan(late, "reassign", DISPATCHER, now=NOW, department="Sở Xây dựng", reason="needs a digger")
    assert (new.commune, new.department, new.escalated, new.progress, new.assigned_at) == \
        (None, "Sở Xây dựng", False, 0, NOW)
    assert event.note == "needs a digger"


def test_report_records_progress():
    new, event = plan(a_task("in_progress", progress=10), "report", PHU_HOI, now=NOW, percent=0)
    assert new.progress == 0 and event.data == {"percent": 0}
    new, event = plan(a_task("in_progress"), "report", PHU_HOI, now=NOW, percent=100)
    assert new.progress == 100 and new.state == "in_progress" and new.done_at is None
    new, _ = plan(a_task("in_progress"), "report", PHU_HOI, now=NOW, percent=49.6)
    assert new.progress == 50
    with pytest.raises(InvalidTransition, match="needs a new percent, a note, a photo or a position"):
        plan(a_task("in_progress", progress=30), "report", PHU_HOI, now=NOW, percent=30)
    for same_percent_with in ({"note": "still pumping"}, {"photo": "a1"}, {"position": (1, 2)}):
        new, _ = plan(a_task("in_progress", progress=30), "report", PHU_HOI, now=NOW, percent=30, **same_percent_with)
        assert new.progress == 30
    for bad in (-0.5, 100.5, None, "40", False):
        with pytest.raises(InvalidTransition, match="percent must be a number from 0 to 100"):
            plan(a_task("in_progress"), "report", PHU_HOI, now=NOW, percent=bad)


def test_a_position_must_be_two_numbers():
    for bad in ((1,), "xy", (None, 2), 5):
        with pytest.raises(InvalidTransition, match="position must be"):
            plan(a_task("in_progress"), "report", PHU_HOI, now=NOW, percent=50, position=bad)
    _, event = plan(a_task("in_progress"), "report", PHU_HOI, now=NOW, percent=50, position=("1.5", 2))
    assert event.data["position"] == (1.5, 2.0)


def test_complete_verify_reopen_cancel_set_their_times():
    done, event = plan(a_task("in_progress", progress=20), "complete", PHU_HOI, now=NOW, note="cleared", photo="p")
    assert (done.progress, done.done_at, done.closed_at) == (100, NOW, None)
    assert event.data == {"photo": "p"} and event.note == "cleared"
    later = NOW + timedelta(hours=2)
    closed, _ = plan(done, "verify", DISPATCHER, now=later)
    assert (closed.closed_at, closed.done_at, closed.version) == (later, NOW, 3)
    reopened, _ = plan(closed, "reopen", DISPATCHER, now=later, reason="flooded again")
    assert (reopened.done_at, reopened.closed_at) == (None, None)
    cancelled, event = plan(a_task("assigned"), "cancel", DISPATCHER, now=later, reason="duplicate")
    assert cancelled.cancelled_at == later and event.note == "duplicate"
    for new in (done, closed, reopened):
        assert new.cancelled_at is None


def test_unknown_actions_and_fields():
    with pytest.raises(InvalidTransition, match="unknown action 'approve'"):
        plan(a_task("done"), "approve", DISPATCHER, now=NOW)
    with pytest.raises(InvalidTransition, match="accept does not take colour, size"):
        plan(a_task("assigned"), "accept", PHU_HOI, now=NOW, size=1, colour="red")


# --- evidence -------------------------------------------------------------------------------------------------


def test_completion_needs_a_note_and_a_photo_or_a_position_at_the_site():
    with pytest.raises(InvalidTransition, match="needs a note"):
        plan(a_task(), "complete", PHU_HOI, now=NOW, note="  ", photo="p")
    with pytest.raises(InvalidTransition, match="needs a photo or a position"):
        plan(a_task(), "complete", PHU_HOI, now=NOW, note="done")
    with pytest.raises(InvalidTransition, match="not an image attached to this task"):
        plan(a_task(), "complete", PHU_HOI, now=NOW, note="done", photo="p", photo_ok=False)
    # the site is the task's area, with 50 m of tolerance
    plan(a_task(), "complete", PHU_HOI, now=NOW, note="done", position=(149.9, 50))
    with pytest.raises(InvalidTransition, match=r"the position is 51 m from the task's area \(at most 50 m"):
        plan(a_task(), "complete", PHU_HOI, now=NOW, note="done", position=(151, 50))
    with pytest.raises(InvalidTransition, match="no location to check the position against"):
        plan(a_task(area=None), "complete", PHU_HOI, now=NOW, note="done", position=(1, 1))
    new, _ = plan(a_task(area=None), "complete", PHU_HOI, now=NOW, note="done", photo="p")
    assert new.state == "done"


def test_the_evidence_policy_can_be_relaxed():
    EvidencePolicy(require_note=False).check(a_task(), "", "photo", None)
    EvidencePolicy(require_photo_or_position=False).check(a_task(area=None), "done", None, None)
    EvidencePolicy(tolerance_m=200).check(a_task(), "done", None, (250, 50))
    with pytest.raises(InvalidTransition, match="at most 10 m"):
        EvidencePolicy(tolerance_m=10).check(a_task(), "done", None, (120, 50))


# --- the task itself ------------------------------------------------------------------------------------------


def test_open_and_overdue():
    for state in ("created", "assigned", "accepted", "returned", "in_progress"):
        assert a_task(state).is_open
    for state in ("done", "closed", "cancelled"):
        assert not a_task(state).is_open
        assert not a_task(state).is_overdue(NOW + timedelta(days=30))
    due = a_task("assigned")
    assert not due.is_overdue(due.deadline)  # at its deadline a task is not late yet
    assert due.is_overdue(due.deadline + timedelta(seconds=1))
    assert not a_task("assigned", deadline=None).is_overdue(NOW + timedelta(days=300))
    assert a_task("assigned", deadline=datetime(2020, 1, 1, tzinfo=timezone.utc)).is_overdue()


def test_the_overdue_list_leaves_out_escalated_and_finished_tasks():
    at = NOW + timedelta(days=2)
    late, escalated = a_task("accepted"), a_task("accepted", escalated=True)
    finished, on_time = a_task("done"), a_task("accepted", deadline=at)
    assert overdue([late, escalated, finished, on_time], at) == [late]
    assert overdue([a_task("assigned", deadline=datetime(2020, 1, 1, tzinfo=timezone.utc))])  # now by default


def test_times_are_kept_in_utc():
    t = Task("x", created_at="2026-05-01T10:30:00+02:00", deadline="2026-05-02T00:00:00",
             done_at=datetime(2026, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=7))))
    assert t.created_at == datetime(2026, 5, 1, 8, 30, tzinfo=timezone.utc)
    assert t.deadline == datetime(2026, 5, 2, tzinfo=timezone.utc)
    assert t.done_at == datetime(2026, 5, 1, 5, 0, tzinfo=timezone.utc)
    for name in ("assigned_at", "closed_at", "cancelled_at", "updated_at"):
        t = Task("x", **{name: "2026-05-01T10:30:00+02:00"})
        assert getattr(t, name) == datetime(2026, 5, 1, 8, 30, tzinfo=timezone.utc)


def test_a_new_task():
    t = Task("x")
    assert (t.state, t.severity, t.version, t.progress, t.escalated) == ("created", 2, 1, 0, False)
    assert t.uuid != Task("x").uuid and len(t.uuid) == 36
    assert t.created_at.tzinfo is not None and t.evolve(title="y").title == "y" and t.title == "x"


@pytest.mark.parametrize("changes, problem", [
    ({"title": "  "}, "a task needs a title"),
    ({"title": None}, "a task needs a title"),
    ({"severity": 0}, "severity must be 1, 2, 3 or 4"),
    ({"severity": 5}, "severity must be 1, 2, 3 or 4"),
    ({"severity": True}, "severity must be 1, 2, 3 or 4"),
    ({"state": "paused"}, "state must be one of"),
    ({"commune": "A", "department": "B"}, "a commune or a department, not both"),
    ({"area": Point()}, "non-empty geometry"),
    ({"area": "POINT (1 2)"}, "non-empty geometry"),
])
def test_a_wrong_task_is_named(changes, problem):
    with pytest.raises(ValidationError, match=problem):
        a_task(**{"state": "assigned", **changes}).check()


def test_a_right_task_passes():
    for severity in (1, 2, 3, 4):
        a_task("assigned", severity=severity).check()
    for state in ALL_STATES:
        a_task(state).check()
    a_task("assigned", commune=None, department="B", area=None).check()


def test_sla_rules():
    rules = SlaRules({("*", 2): 10, ("noise", 2): 3})
    assert rules.hours_for("noise", 2) == 3.0 and rules.hours_for("fire", 2) == 10.0
    assert isinstance(rules.hours_for("fire", 2), float)
    assert rules.deadline("fire", 2, "2026-05-01T00:00:00Z") == datetime(2026, 5, 1, 10, tzinfo=timezone.utc)
    with pytest.raises(ValidationError, match="no SLA rule for category 'fire', severity 4"):
        rules.hours_for("fire", 4)


def test_area_from_wkb():
    assert area_from_wkb(None) is None
    assert area_from_wkb(shapely.to_wkb(box(0, 0, 1, 1))).equals(box(0, 0, 1, 1))
    assert area_from_wkb(memoryview(shapely.to_wkb(Point(3, 4)))).equals(Point(3, 4))


def test_a_new_task_holds_nothing_yet():
    t = Task("Clear the drain")
    assert (t.category, t.description, t.created_by, t.updated_by) == ("", "", "", "")
    assert (t.commune, t.department, t.incident_uuid, t.area, t.deadline) == (None, None, None, None, None)
    assert (t.assigned_at, t.done_at, t.closed_at, t.cancelled_at, t.updated_at) == (None, None, None, None, None)


def test_finished_and_open_states():
    from gisdesk.core.tasks import FINISHED_STATES, OPEN_STATES, STATES

    # finished: the assignee's work has ended; open: the task still waits for work
    assert FINISHED_STATES == {"done", "closed", "cancelled"}
    assert OPEN_STATES == {"created", "assigned", "accepted", "returned", "in_progress"}
    assert set(STATES) == set(ALL_STATES)


def test_a_transition_needs_no_reason_unless_it_says_so_and_cannot_be_changed():
    import dataclasses

    from gisdesk.core.tasks import Transition

    step = Transition("inspect", frozenset({"in_progress"}), None, "city")
    assert step.needs_reason is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.actor = "assignee"


# --- what a refused user reads, word for word (state machine and evidence; the permission wording is the policy's)


def message(call) -> str:
    with pytest.raises((InvalidTransition, ValidationError)) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize("changes, words", [
    ({"title": ""}, "a task needs a title"),
    ({"severity": 7}, "severity must be 1, 2, 3 or 4, not 7"),
    ({"state": "paused"}, "state must be one of created, assigned, accepted, returned, in_progress, done, closed, "
                          "cancelled, not 'paused'"),
    ({"commune": "A", "department": "B"}, "a task is assigned to a commune or a department, not both"),
    ({"area": Point()}, "the task's area must be a non-empty geometry"),
])
def test_the_reason_a_wrong_task_gives(changes, words):
    assert message(lambda: a_task(**{"state": "assigned", **changes}).check()) == words


def test_the_reasons_a_step_is_refused():
    def step(action, state="in_progress", task=None, **fields):
        who = actor(action) if action in SPEC else DISPATCHER
        return message(lambda: plan(task or a_task(state), action, who, now=NOW, **fields))

    assert step("approve") == ("unknown action 'approve': use one of assign, reassign, accept, return, start, report, "
                               "complete, verify, reopen, cancel")
    assert step("accept") == "cannot accept a task that is in progress (only from assigned)"
    assert step("cancel", "closed", reason="x") == ("cannot cancel a task that is closed (only from accepted, assigned, "
                                                    "created, done, in_progress, returned)")
    assert step("accept", "assigned", colour="red", size=2) == "accept does not take colour, size"
    assert step("return", "assigned") == "return needs a reason"
    assert step("assign", "created") == "assign to a commune or to a department (exactly one)"
    assert step("assign", "created", commune="A", deadline=NOW) == "the deadline 2026-05-01T08:30:00Z is not in the future"
    assert step("report", percent=-1) == "percent must be a number from 0 to 100, not -1"
    assert step("report", task=a_task(progress=30), percent=30) == \
        "a progress report needs a new percent, a note, a photo or a position"
    assert step("report", percent=5, position=(1,)) == "position must be (x, y) in the workspace CRS"
    assert message(lambda: plan(a_task(), "complete", PHU_HOI, now=NOW, note="x", photo="p", photo_ok=False)) == \
        "photo p is not an image attached to this task"
    assert step("complete", photo="p") == "completing a task needs a note saying what was done"
    assert step("complete", note="done") == "completing a task needs a photo or a position at the site"
    assert step("complete", task=a_task(area=None), note="done", position=(1, 1)) == \
        "this task has no location to check the position against: attach a photo"
    assert step("complete", note="done", position=(151, 50)) == \
        "the position is 51 m from the task's area (at most 50 m allowed): report from the site or attach a photo"
    assert message(lambda: SlaRules({}).hours_for("fire", 4)) == "no SLA rule for category 'fire', severity 4"


def test_a_task_nobody_holds_yet_names_the_assigned_unit():
    with pytest.raises(PermissionDenied, match="^cannot accept task .*: only the officers of the assigned unit may take "
                                               "this step; dispatcher"):
        plan(a_task("assigned", commune=None), "accept", DISPATCHER, now=NOW)


def test_rules_and_events_are_values():
    import dataclasses

    from gisdesk.core.tasks import Event

    event = Event("u", "accept", "assigned", "accepted", "phu_hoi", NOW)
    assert event.note is None and event.data == {}
    for value, name in ((event, "note"), (EvidencePolicy(), "tolerance_m"), (SlaRules({}), "hours")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, name, None)


def test_assign_to_a_commune_hands_the_task_to_it():
    new, event = plan(a_task("created"), "assign", DISPATCHER, now=NOW, commune="Vĩnh Ninh")
    assert (new.commune, new.department, new.state) == ("Vĩnh Ninh", None, "assigned")
    assert event.data["commune"] == "Vĩnh Ninh" and event.data["department"] is None
    assert may(VINH_NINH, "accept", new) and not may(PHU_HOI, "accept", new)

"""Satisfaction callbacks on a real workspace: who records them, the rate, reopening, append-only."""

from __future__ import annotations

import pytest

from gisdesk.core.incidents import ValidationError, to_utc
from gisdesk.core.tasks import InvalidTransition
from gisdesk.core.users import PermissionDenied
from gisdesk.store.tasks_store import TaskStore

WINDOW = (to_utc("2027-01-01T00:00:00Z"), to_utc("2027-02-01T00:00:00Z"))


@pytest.fixture
def city(workspace):
    with TaskStore(workspace, "dispatcher") as store:
        store._now = lambda: to_utc("2027-01-10T09:00:00Z")  # a month of its own: no demo callback in it
        yield store


def closed(city, n=5):
    return sorted(city.tasks(state="closed"), key=lambda t: t.uuid)[:n]


def test_rate_counts_answers_only_and_the_latest_callback_of_each_task(city):
    a, b, c, d, e = closed(city)
    for task, result in ((a, "satisfied"), (b, "partly"), (c, "not satisfied"), (d, "not_reached"),
                         (e, "not_satisfied"), (e, "satisfied")):
        city.record_callback(task.uuid, result, "called")
    # satisfied: a, e (its last call) = 2; partly: b = 1; not satisfied: c = 1; not reached: d (left out)
    assert city.satisfaction(*WINDOW) == {"rate": 0.5, "responses": 4, "satisfied": 2, "partly": 1,
                                          "not_satisfied": 1, "not_reached": 1}
    assert city.kpis(*WINDOW)["satisfaction"] == city.satisfaction(*WINDOW)
    assert [cb["result"] for cb in city.callbacks(e.uuid)][-2:] == ["not_satisfied", "satisfied"]


def test_no_callbacks_no_rate(city):
    assert city.satisfaction(*WINDOW) == {"rate": None, "responses": 0, "satisfied": 0, "partly": 0,
                                          "not_satisfied": 0, "not_reached": 0}


def test_a_commune_sees_the_rate_of_its_own_tasks(city, workspace):
    mine = [t for t in closed(city, 60) if t.commune == "Phú Hội"]
    other = [t for t in closed(city, 60) if t.commune not in (None, "Phú Hội")]
    assert mine and other
    city.record_callback(mine[0].uuid, "not_satisfied")
    city.record_callback(other[0].uuid, "satisfied")
    with TaskStore(workspace, "phu_hoi") as officer:
        assert officer.satisfaction(*WINDOW)["responses"] == 1 and officer.satisfaction(*WINDOW)["rate"] == 0.0
        assert len(officer.callbacks(mine[0].uuid)) >= 1
    assert city.satisfaction(*WINDOW)["rate"] == 0.5


def test_only_the_city_records_a_callback_and_a_refusal_writes_nothing(city, workspace):
    task = [t for t in closed(city, 60) if t.commune == "Phú Hội"][0]
    before = len(city.callbacks(task.uuid))
    for name in ("phu_hoi", "viewer", "xaydung"):
        with TaskStore(workspace, name) as other:
            with pytest.raises(PermissionDenied):
                other.record_callback(task.uuid, "satisfied")
    assert len(city.callbacks(task.uuid)) == before


def test_callback_needs_a_closed_task_and_a_known_result(city):
    open_task = city.tasks(state="in_progress")[0]
    with pytest.raises(InvalidTransition, match="once the case is closed"):
        city.record_callback(open_task.uuid, "satisfied")
    with pytest.raises(ValidationError, match="callback result"):
        city.record_callback(closed(city)[0].uuid, "delighted")


def test_an_unsatisfied_callback_reopens_the_case_with_the_callback_as_reason(city):
    task = closed(city)[0]
    city.record_callback(task.uuid, "not_satisfied", "the drain still floods", reopen=True)
    again = city.task(task.uuid)
    assert again.state == "in_progress" and again.version == task.version + 1
    last = city.timeline(task.uuid)[-1]
    assert (last["action"], last["note"]) == ("reopen", "callback: not satisfied (the drain still floods)")
    assert city.callbacks(task.uuid)[-1]["reopened"] == 1


def test_a_satisfied_callback_does_not_reopen_and_writes_nothing(city):
    task = closed(city)[1]
    n = len(city.callbacks(task.uuid))
    with pytest.raises(InvalidTransition, match="only a not satisfied or partly"):
        city.record_callback(task.uuid, "satisfied", reopen=True)
    assert city.task(task.uuid).state == "closed" and len(city.callbacks(task.uuid)) == n


def test_callbacks_are_append_only(city):
    task = closed(city)[0]
    city.record_callback(task.uuid, "satisfied")
    for sql in ("UPDATE task_callbacks SET result = 'partly'", "DELETE FROM task_callbacks"):
        with pytest.raises(Exception, match="append-only"):  # the driver's IntegrityError
            city.conn.execute(sql)


def test_the_demo_has_callbacks_so_the_card_has_a_value(city):
    s = city.satisfaction()
    assert s["responses"] > 0 and s["rate"] is not None


def test_each_unit_row_of_the_kpis_has_its_satisfaction_for_the_ranking(city):
    tasks = closed(city, 60)
    one = [t for t in tasks if t.commune == "Vĩnh Ninh"][:2]
    two = [t for t in tasks if t.commune not in (None, "Vĩnh Ninh")][:1]
    other = two[0].commune
    city.record_callback(one[0].uuid, "satisfied")
    city.record_callback(one[1].uuid, "partly")
    city.record_callback(two[0].uuid, "not_reached")
    rows = {r["unit"]: r for r in city.kpis(*WINDOW)["by_commune"]}
    by_unit = city.satisfaction_by_unit("commune", *WINDOW)
    assert by_unit["Vĩnh Ninh"]["rate"] == 0.5 and by_unit[other]["responses"] == 0  # satisfied / (satisfied + partly)
    for name, rate, n in (("Vĩnh Ninh", 0.5, 2), (other, None, 0)):
        assert (rows[name]["satisfaction_rate"], rows[name]["satisfaction_responses"]) == (rate, n)

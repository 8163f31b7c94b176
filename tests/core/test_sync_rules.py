"""The merge rules on their own (no database): each row is one line of the matrix in docs/sync.md."""

from __future__ import annotations

import pytest

from gisdesk.core.access import Decision
from gisdesk.core.sync_rules import judge_task_change
from gisdesk.core.tasks import Task

YES, NO = Decision(True), Decision(False, "only the officers of Vĩnh Ninh may take this step")


def ev(action, to_state, who="dispatcher", **data):
    return {"action": action, "to_state": to_state, "who": who, "data": data}


def task(state, commune="Phú Hội"):
    return Task(title="t", state=state, commune=commune)


@pytest.mark.parametrize("incoming, current, concurrent, now, base, outcome", [
    # nothing happened at the source: replay (the store then decides)
    (ev("accept", "accepted", "phu_hoi"), task("assigned"), [], YES, YES, "apply"),
    # the same step at both sides
    (ev("accept", "accepted", "phu_hoi"), task("accepted"), [ev("accept", "accepted", "phu_hoi")], YES, YES,
     "identical"),
    # a report on top of the city's new deadline: the work lands after it
    (ev("accept", "accepted", "phu_hoi"), task("assigned"),
     [ev("reassign", "assigned", commune="Phú Hội", deadline="2026-12-01T00:00:00Z")], YES, YES, "apply"),
    # completed offline, cancelled at the city
    (ev("complete", "done", "phu_hoi"), task("cancelled"), [ev("cancel", "cancelled")], YES, YES, "conflict"),
    # accepted offline, given to another commune at the city
    (ev("accept", "accepted", "phu_hoi"), task("assigned", "Vĩnh Ninh"),
     [ev("reassign", "assigned", commune="Vĩnh Ninh")], NO, YES, "conflict"),
    # never allowed, even before: refused, not a conflict
    (ev("accept", "accepted", "phu_hoi"), task("assigned", "Vĩnh Ninh"), [ev("report", "assigned")], NO, NO,
     "refused"),
    # two assignments: the city's stays
    (ev("reassign", "assigned", "admin", commune="Thuận Hòa"), task("assigned"),
     [ev("reassign", "assigned", commune="Vĩnh Ninh")], YES, YES, "conflict"),
    # the same assignment twice: identical
    (ev("reassign", "assigned", "admin", commune="Vĩnh Ninh"), task("assigned", "Vĩnh Ninh"),
     [ev("reassign", "assigned", commune="Vĩnh Ninh")], YES, YES, "identical"),
    # a return after the office accepted: states only move forward
    (ev("return", "returned", "phu_hoi"), task("accepted"), [ev("accept", "accepted", "phu_hoi")], YES, YES,
     "conflict"),
    # the city reopens a done task while the laptop verified it (dispatcher laptop): verify is no longer valid
    (ev("verify", "closed", "admin"), task("in_progress"), [ev("reopen", "in_progress")], YES, YES, "conflict"),
    # a step that does not travel
    (ev("create", "created", "admin"), task("created"), [], YES, YES, "refused"),
])
def test_the_matrix(incoming, current, concurrent, now, base, outcome):
    verdict = judge_task_change(incoming, current, concurrent, now, base)
    assert verdict.outcome == outcome
    assert (verdict.reason == "") == (outcome == "apply")


def test_no_clock_is_read():
    """The same histories with times days apart give the same verdicts (the rules see no time at all)."""
    a = judge_task_change(dict(ev("complete", "done", "phu_hoi"), at="2026-11-22T00:00:00Z"), task("cancelled"),
                          [dict(ev("cancel", "cancelled"), at="2026-11-20T00:00:00Z")], YES, YES)
    b = judge_task_change(dict(ev("complete", "done", "phu_hoi"), at="2026-11-18T00:00:00Z"), task("cancelled"),
                          [dict(ev("cancel", "cancelled"), at="2026-11-20T00:00:00Z")], YES, YES)
    assert a == b and a.outcome == "conflict"

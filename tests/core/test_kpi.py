"""KPIs against values computed by hand on a small dataset (times in hours after 2026-05-01)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from gisdesk.core.kpi import TaskTimes, by_unit, summary

B = datetime(2026, 5, 1, tzinfo=timezone.utc)
START, END = "2026-05-01T00:00:00Z", "2026-05-31T00:00:00Z"  # 720 hours


def h(hours):
    return None if hours is None else B + timedelta(hours=hours)


#          created deadline done  cancelled commune department
DATA = [
    ("T1", -24, 24, 12, None, "A", None),     # done in range, on time, 36 h
    ("T2", 0, 48, 60, None, "A", None),       # done in range, late, 60 h
    ("T3", 100, 200, 110, None, "B", None),   # done in range, on time, 10 h
    ("T4", 200, 300, None, None, "A", None),  # open at the end, overdue
    ("T5", 300, 1000, None, None, "B", None),  # open at the end, not yet due
    ("T6", 400, 500, None, 450, "A", None),   # cancelled: in no KPI
    ("T7", 500, None, 520, None, None, "D"),  # done in range without a deadline, 20 h
    ("T8", 700, 800, 800, None, None, "D"),   # done after the range: open at its end
    ("T9", -100, -60, -50, None, "A", None),  # done before the range
    ("T10", 800, 900, None, None, "B", None),  # created after the range
]


@pytest.fixture
def times():
    return TaskTimes.from_rows([(h(c), h(d), h(e), h(x), com, dep) for _, c, d, e, x, com, dep in DATA])


def test_summary_matches_the_hand_computed_values(times):
    k = summary(times, START, END)
    assert k["completed"] == 4  # T1 T2 T3 T7
    assert k["completed_on_time"] == 2  # T1 T3
    assert k["on_time_rate"] == pytest.approx(2 / 3)  # T7 has no deadline
    assert k["created"] == 6  # T2 T3 T4 T5 T7 T8 (T6 cancelled)
    assert k["resolved_of_created"] == 3 and k["resolution_rate"] == pytest.approx(0.5)  # T2 T3 T7
    assert k["mean_hours_to_resolve"] == pytest.approx((36 + 60 + 10 + 20) / 4)
    assert k["p90_hours_to_resolve"] == pytest.approx(36 + 0.7 * (60 - 36))  # sorted 10 20 36 60, rank 2.7
    assert k["backlog"] == 3  # T4 T5 T8
    assert k["overdue"] == 1  # T4
    assert (k["from"], k["to"], k["tasks"]) == (START, END, 10)


def test_per_commune_and_per_department(times):
    communes = {r["unit"]: r for r in by_unit(times, "commune", START, END)}
    assert communes["A"] == {"unit": "A", "backlog": 1, "overdue": 1, "completed": 2, "completed_on_time": 1,
                             "on_time_rate": 0.5}
    assert communes["B"] == {"unit": "B", "backlog": 1, "overdue": 0, "completed": 1, "completed_on_time": 1,
                             "on_time_rate": 1.0}
    assert list(communes) == ["A", "B"]
    assert by_unit(times, "department", START, END) == [
        {"unit": "D", "backlog": 1, "overdue": 0, "completed": 1, "completed_on_time": 0, "on_time_rate": None}]


def test_an_open_start_counts_everything_before_the_end(times):
    k = summary(times, None, END)
    assert k["completed"] == 5 and k["completed_on_time"] == 2  # T9 too, 10 h late
    assert k["created"] == 8  # all but T6 (cancelled) and T10 (later)
    assert k["backlog"] == 3 and k["from"] is None


def test_a_later_end_changes_backlog_and_overdue(times):
    k = summary(times, START, "2026-06-01T00:00:00Z")  # 744 h: T10 not yet created, T8 still open
    assert (k["backlog"], k["overdue"]) == (3, 1)
    k = summary(times, START, h(1001))  # T8 done, T10 created and overdue after 900 h, T5 due at 1000 h
    assert (k["backlog"], k["overdue"]) == (3, 3)  # T4 T5 T10


def test_no_tasks_gives_none_not_zero_division():
    k = summary(TaskTimes.from_rows([]), START, END)
    assert k["on_time_rate"] is None and k["mean_hours_to_resolve"] is None and k["p90_hours_to_resolve"] is None
    assert k["backlog"] == 0 and by_unit(TaskTimes.from_rows([]), "commune", START, END) == []


def test_an_empty_or_reversed_range_is_refused(times):
    with pytest.raises(ValueError, match="the range is empty"):
        summary(times, END, START)
    with pytest.raises(ValueError, match="commune' or 'department"):
        by_unit(times, "ward")

"""Task KPIs against their definitions, on tasks placed at the edges of each definition by hand.

The definitions are those of the docstring of :mod:`gisdesk.core.kpi`, for a range ``[start, end)``:
completed ``start <= done < end``; on time ``done <= deadline`` (a task done exactly at its deadline is
on time); backlog created before ``end``, neither resolved nor cancelled before ``end``; overdue a
backlog task whose deadline is before ``end``; the resolution rate over the tasks created in the range
and not cancelled before ``end``. Every expected number is counted by hand in the comments.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from gisdesk.core.kpi import TaskTimes, by_unit, summary
from gisdesk.core.incidents import utc_now

T0 = datetime(2026, 6, 1, tzinfo=timezone.utc)
START, END = T0, T0 + timedelta(hours=100)


def at(hours: float | None):
    return None if hours is None else T0 + timedelta(hours=hours)


def times(*rows) -> TaskTimes:
    """Rows of (created, deadline, done, cancelled) in hours after T0, then commune, department."""
    return TaskTimes.from_rows([(at(c), at(d), at(e), at(x), *units) for c, d, e, x, *units in
                                [r if len(r) == 6 else (*r, None, None) for r in rows]])


def test_a_task_done_exactly_at_its_deadline_is_on_time():
    k = summary(times((0, 10, 10, None)), START, END)
    assert (k["completed"], k["completed_on_time"], k["on_time_rate"]) == (1, 1, 1.0)
    k = summary(times((0, 10, 10 + 1 / 3600, None)), START, END)  # one second late
    assert (k["completed"], k["completed_on_time"], k["on_time_rate"]) == (1, 0, 0.0)
    k = summary(times((0, 10, 9, None)), START, END)
    assert k["completed_on_time"] == 1


def test_completed_counts_the_range_start_but_not_its_end():
    k = summary(times((-5, None, 0, None), (1, None, 100, None), (1, None, 99.5, None), (-9, None, -1, None)),
                START, END)
    assert k["completed"] == 2  # done at the start and just before the end; not at the end, not before the start
    assert k["on_time_rate"] is None  # none of them had a deadline
    assert k["completed_on_time"] == 0


def test_backlog_at_the_end_of_the_range():
    k = summary(times(
        (10, None, None, None),    # open: backlog
        (10, None, 100, None),     # done at the end, so not before it: backlog
        (10, None, None, 100),     # cancelled at the end, so not before it: backlog
        (100, None, None, None),   # created at the end: not yet there
        (10, None, 50, None),      # resolved
        (10, None, None, 50),      # cancelled
        (-50, None, None, None),   # created before the range and still open: backlog
    ), START, END)
    assert k["backlog"] == 4


def test_overdue_is_a_backlog_task_past_its_deadline_at_the_end():
    k = summary(times(
        (10, 99, None, None),    # due before the end: overdue
        (10, 100, None, None),   # due at the end: not yet overdue
        (10, 150, None, None),   # not yet due
        (10, 20, 30, None),      # late, but done: not in the backlog
        (10, 20, None, 30),      # cancelled
        (10, None, None, None),  # no deadline: never overdue
    ), START, END)
    assert (k["backlog"], k["overdue"]) == (4, 1)


def test_the_resolution_rate_follows_the_tasks_created_in_the_range():
    k = summary(times(
        (0, None, 5, None),       # created at the start, resolved: counts, resolved
        (50, None, 120, None),    # resolved after the end: counts, unresolved
        (60, None, None, None),   # open: counts, unresolved
        (70, None, None, 80),     # cancelled before the end: left out
        (70, None, None, 100),    # cancelled at the end, so not before it: counts, unresolved
        (-1, None, 5, None),      # created before the range: left out
        (100, None, 101, None),   # created at the end: left out
    ), START, END)
    assert (k["created"], k["resolved_of_created"]) == (4, 1)
    assert k["resolution_rate"] == pytest.approx(0.25)


def test_hours_to_resolve_mean_and_90th_percentile():
    k = summary(times((0, None, 10, None), (0, None, 20, None), (10, None, 40, None), (-100, None, 0, None),
                      (0, None, None, None)), START, END)
    hours = [10, 20, 30, 100]
    assert k["mean_hours_to_resolve"] == pytest.approx(40.0)
    # linear interpolation: rank 0.9 * 3 = 2.7 between 30 and 100
    assert k["p90_hours_to_resolve"] == pytest.approx(30 + 0.7 * 70)
    assert sorted(hours) == hours


def test_rates_and_times_over_no_task_are_none():
    k = summary(times(), START, END)
    assert k["tasks"] == 0
    for name in ("on_time_rate", "resolution_rate", "mean_hours_to_resolve", "p90_hours_to_resolve"):
        assert k[name] is None
    for name in ("completed", "completed_on_time", "created", "resolved_of_created", "backlog", "overdue"):
        assert k[name] == 0
    k = summary(times((0, None, None, None)), START, END)
    assert (k["created"], k["resolution_rate"], k["on_time_rate"], k["mean_hours_to_resolve"]) == (1, 0.0, None, None)


def test_the_range_is_named_in_utc_and_may_be_open():
    k = summary(times((0, 10, 5, None)), "2026-06-01T07:00:00+07:00", "2026-06-05T04:00:00Z")
    assert (k["from"], k["to"]) == ("2026-06-01T00:00:00Z", "2026-06-05T04:00:00Z")
    since = summary(times((-1e5, None, -9e4, None), (0, None, 5, None)), None, END)
    assert since["from"] is None and since["completed"] == 2  # since the beginning


def test_the_range_ends_now_this_second_included():
    now = utc_now()
    t = TaskTimes.from_rows([(now - timedelta(hours=2), now, now, None, None, None)])
    k = summary(t, now - timedelta(days=1))
    assert k["completed"] == 1 and k["backlog"] == 0
    to = datetime.fromisoformat(k["to"].replace("Z", "+00:00"))
    assert abs((to - now).total_seconds()) <= 2
    future = TaskTimes.from_rows([(now - timedelta(hours=2), None, now + timedelta(hours=1), None, None, None)])
    assert summary(future, now - timedelta(days=1))["completed"] == 0


def test_an_empty_range_is_refused():
    with pytest.raises(ValueError, match="the range is empty: from 2026-06-02T00:00:00Z is not before to 2026-06-01"):
        summary(times(), "2026-06-02T00:00:00Z", "2026-06-01T00:00:00Z")
    with pytest.raises(ValueError, match="the range is empty"):
        summary(times(), T0, T0)
    with pytest.raises(ValueError, match="the range is empty"):
        summary(times(), utc_now() + timedelta(days=1))
    with pytest.raises(ValueError, match="the range is empty"):
        by_unit(times(), "commune", T0, T0)


def test_times_come_as_epoch_seconds_texts_or_datetimes():
    epoch = T0.timestamp()
    t = TaskTimes.from_rows([(epoch, "2026-06-01T10:00:00Z", T0 + timedelta(hours=5), None, "B", None),
                             (int(epoch), None, None, "2026-06-01T01:00:00Z", "A", "D")])
    assert len(t) == 2
    assert np.array_equal(t.created, [epoch, epoch])
    assert t.deadline[0] == epoch + 36000 and np.isnan(t.deadline[1])
    assert t.done[0] == epoch + 18000 and np.isnan(t.done[1])
    assert np.isnan(t.cancelled[0]) and t.cancelled[1] == epoch + 3600
    assert t.communes == ("A", "B") and list(t.commune) == [1, 0]  # codes into the sorted names
    assert t.departments == ("D",) and list(t.department) == [-1, 0]
    assert t.commune.dtype == np.int64 and t.created.dtype == np.float64


def test_no_rows():
    t = TaskTimes.from_rows([])
    assert len(t) == 0 and t.communes == () and t.departments == ()
    assert by_unit(t, "commune", START, END) == []


def test_per_unit_rows():
    t = times(
        (0, 10, 10, None, "Vĩnh Ninh", None),    # on time (at the deadline)
        (0, 10, 20, None, "Vĩnh Ninh", None),    # late
        (0, 50, None, None, "Vĩnh Ninh", None),  # backlog, overdue
        (0, None, 30, None, "An Cựu", None),     # done, no deadline
        (0, 500, None, None, "An Cựu", None),    # backlog, not due
        (0, 5, None, 8, "Phú Hội", None),        # cancelled: the unit holds a task, all counts zero
        (0, 5, 4, None, None, "Sở Xây dựng"),    # a department's: on time
        (0, 5, None, None, None, None),          # held by no unit
    )
    assert by_unit(t, "commune", START, END) == [
        {"unit": "An Cựu", "backlog": 1, "overdue": 0, "completed": 1, "completed_on_time": 0,
         "on_time_rate": None},
        {"unit": "Phú Hội", "backlog": 0, "overdue": 0, "completed": 0, "completed_on_time": 0,
         "on_time_rate": None},
        {"unit": "Vĩnh Ninh", "backlog": 1, "overdue": 1, "completed": 2, "completed_on_time": 1,
         "on_time_rate": 0.5},
    ]
    assert by_unit(t, "department", START, END) == [
        {"unit": "Sở Xây dựng", "backlog": 0, "overdue": 0, "completed": 1, "completed_on_time": 1,
         "on_time_rate": 1.0}]
    assert by_unit(t, start=START, end=END) == by_unit(t, "commune", START, END)
    for row in by_unit(t, "commune", START, END):
        assert all(type(row[k]) is int for k in ("backlog", "overdue", "completed", "completed_on_time"))
    with pytest.raises(ValueError, match="unit must be 'commune' or 'department', not 'ward'"):
        by_unit(t, "ward", START, END)


def test_per_unit_rows_are_sorted_by_name_and_follow_the_range():
    t = times((0, 10, 200, None, "C", None), (0, 10, 5, None, "A", None), (0, 10, None, None, "B", None))
    rows = by_unit(t, "commune", START, END)
    assert [r["unit"] for r in rows] == ["A", "B", "C"]
    assert [r["completed"] for r in rows] == [1, 0, 0] and [r["backlog"] for r in rows] == [0, 1, 1]
    later = by_unit(t, "commune", START, T0 + timedelta(hours=300))
    assert [r["completed"] for r in later] == [1, 0, 1]


def test_the_next_second_is_not_yet_in_an_open_range():
    for _ in range(5):  # retry when the clock turns a second during the call
        before = utc_now()
        t = TaskTimes.from_rows([(before - timedelta(hours=1), None, before + timedelta(seconds=1), None, None, None),
                                 (before - timedelta(hours=1), None, before, None, None, None)])
        k = summary(t, before - timedelta(days=1))
        if utc_now() == before:
            assert k["completed"] == 1 and k["backlog"] == 1
            return
    pytest.skip("the clock kept turning a second during the call")


def test_columns_are_a_snapshot_with_names_optional():
    import dataclasses

    cols = [np.zeros(1), np.full(1, np.nan), np.full(1, np.nan), np.full(1, np.nan)]
    t = TaskTimes(*cols, np.array([-1]), np.array([-1]))
    assert t.communes == () and t.departments == () and len(t) == 1
    assert by_unit(t, "commune", START, END) == [] and by_unit(t, "department", START, END) == []
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.created = np.zeros(2)


def test_a_unit_that_holds_no_task_has_no_row():
    cols = [np.zeros(2), np.full(2, np.nan), np.full(2, np.nan), np.full(2, np.nan)]
    t = TaskTimes(*cols, np.array([1, 1]), np.array([-1, -1]), communes=("A", "B", "C"), departments=("D",))
    assert [r["unit"] for r in by_unit(t, "commune", START, END)] == ["B"]
    assert by_unit(t, "department", START, END) == []
    with pytest.raises(ValueError) as caught:
        by_unit(t, "ward", START, END)
    assert str(caught.value) == "unit must be 'commune' or 'department', not 'ward'"

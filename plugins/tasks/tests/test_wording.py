"""Tasks written for people, without a window: every expected text is written out by hand."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from tasks.wording import (action_label, due_matches, due_short, due_text, fold, group_notifications, matches,
                           span_text, state_label, urgency)

UTC = timezone.utc
HUE = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh, no daylight saving
# Sunday 29 Nov 2026, 16:20 UTC = 23:20 in Huế (40 minutes before local midnight)
NOW = datetime(2026, 11, 29, 16, 20, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) if day <= 30 else \
        datetime(2026, 12, day - 30, hour, minute, tzinfo=UTC)


def test_states_and_actions_read_as_people_say_them():
    assert state_label("in_progress") == "in progress"
    assert state_label("created") == "new"
    assert state_label("done") == "done, to verify"
    assert state_label("someday_maybe") == "someday maybe"
    assert action_label("report") == "Report progress…"
    assert action_label("verify") == "Verify and close"
    assert state_label("in_progress", tr=str.upper) == "IN PROGRESS"  # through the caller's translation


def test_spans_in_minutes_hours_then_days():
    assert span_text(timedelta(minutes=25)) == "25 min"
    assert span_text(timedelta(seconds=10)) == "1 min"
    assert span_text(timedelta(hours=12)) == "12 h"
    assert span_text(timedelta(hours=47)) == "47 h"
    assert span_text(timedelta(hours=48)) == "2 days"
    assert span_text(timedelta(days=-3, hours=-2)) == "3 days"
    assert span_text(timedelta(hours=30), tr=lambda s: s.replace("h", "giờ")) == "30 giờ"


def test_due_text_before_after_and_finished():
    assert due_text(at(30, 4, 20), NOW, tz=UTC) == "due 30 Nov 04:20 (in 12 h)"
    assert due_text(at(30, 4, 20), NOW, tz=HUE) == "due 30 Nov 11:20 (in 12 h)"  # read in Huế
    assert due_text(at(26, 16, 0), NOW, tz=UTC) == "3 days late (due 26 Nov 16:00)"
    assert due_text(at(29, 11, 20), NOW, tz=UTC) == "5 h late (due 29 Nov 11:20)"
    assert due_text(at(29, 16, 50), NOW, tz=UTC) == "due 29 Nov 16:50 (in 30 min)"
    assert due_text(at(26, 16, 0), NOW, is_open=False, tz=UTC) == "due 26 Nov 16:00"  # finished: never late
    assert due_text(None, NOW) == "no deadline"
    assert due_text(at(33, 9, 5), NOW, tz=UTC) == "due 3 Dec 09:05 (in 4 days)"


def test_due_short_for_the_table():
    assert due_short(at(30, 4, 20), NOW) == "in 12 h"
    assert due_short(at(26, 16, 0), NOW) == "3 days late"
    assert due_short(None, NOW) == "—"
    assert due_short(at(26, 16, 0), NOW, is_open=False) == "finished"


def test_urgency_groups_use_the_local_day():
    assert urgency(at(29, 16, 0), NOW, tz=UTC) == "overdue"
    assert urgency(at(29, 16, 50), NOW, tz=HUE) == "today"  # 23:50 in Huế
    assert urgency(at(29, 17, 10), NOW, tz=HUE) == "later"  # 00:10 tomorrow in Huế
    assert urgency(at(29, 23, 0), NOW, tz=UTC) == "today"  # the same moment read in UTC is still today
    assert urgency(None, NOW) == "none"
    assert urgency(at(20, 0), NOW, is_open=False) == "later"  # done, waiting to be verified: never overdue


def test_due_filters():
    # now: Sunday 29 Nov 16:20 UTC; the week ends at Monday 30 Nov 00:00 UTC
    assert due_matches("", None, NOW)
    assert due_matches("overdue", at(28, 0), NOW, tz=UTC)
    assert not due_matches("overdue", at(30, 0), NOW, tz=UTC)
    assert due_matches("today", at(29, 20), NOW, tz=UTC)
    assert not due_matches("today", at(28, 20), NOW, tz=UTC)  # late is not "today"
    assert due_matches("week", at(29, 23), NOW, tz=UTC)
    assert not due_matches("week", at(30, 1), NOW, tz=UTC)  # Monday is next week
    wednesday = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    assert due_matches("week", at(29, 23), wednesday, tz=UTC)
    assert not due_matches("week", at(27, 9), NOW, tz=UTC)
    assert not due_matches("overdue", at(28, 0), NOW, is_open=False)
    assert not due_matches("today", None, NOW)
    with pytest.raises(ValueError):
        due_matches("someday", at(30, 0), NOW)


def task(title, category="", commune=None, department=None, case_number=None):
    t = SimpleNamespace(title=title, category=category, commune=commune, department=department)
    if case_number:
        t.case_number = case_number
    return t


def test_search_every_word_anywhere_accents_ignored():
    assert fold("Phú Hội") == "phu hoi" and fold("Đông Ba") == "dong ba"
    flood = task("Flooding: Ngập sâu đường Lê Lợi", "flooding", "Phú Hội", case_number="HUE-2026-004213")
    assert matches(flood, "phu hoi")
    assert matches(flood, "Le Loi flooding")
    assert matches(flood, "004213")
    assert matches(flood, "")
    assert not matches(flood, "phu hoi pothole")
    old = task("Road damage", "road damage", department="Sở Xây dựng")  # no case number attribute at all
    assert matches(old, "xay dung") and not matches(old, "HUE-")


def test_notifications_grouped_by_kind_newest_group_first():
    notes = [{"id": "n1", "kind": "escalated", "message": "overdue since …: 'A'"},
             {"id": "n2", "kind": "assigned", "message": "new task 'B'"},
             {"id": "n3", "kind": "escalated", "message": "overdue since …: 'C'"},
             {"id": "n4", "kind": "escalated", "message": "overdue since …: 'D'"},
             {"id": "n5", "kind": "someday", "message": "x"},
             {"id": "n6", "kind": "someday", "message": "y"}]
    groups = group_notifications(notes)
    assert [(g["kind"], g["count"], g["text"]) for g in groups] == [
        ("escalated", 3, "3 overdue tasks"), ("assigned", 1, "new task 'B'"),
        ("someday", 2, "2 notifications (someday)")]
    assert groups[0]["ids"] == ["n1", "n3", "n4"]
    assert group_notifications([]) == []

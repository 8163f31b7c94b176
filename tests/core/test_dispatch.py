"""Dispatch rules, field by field: which rule takes which incident (expected values written from the rule)."""

from __future__ import annotations

import pytest

from gisdesk.core.dispatch import DispatchRule, dry_run, effective_action, first_match, match, ordered, target
from gisdesk.core.incidents import ValidationError


def inc(channel="camera", category="flooding", severity=2, commune="Phú Hội", department="Flood board", **kw):
    return {"channel": channel, "category": category, "severity": severity, "commune": commune,
            "department": department, **kw}


def test_source_matches_its_channel_and_open311_is_the_app_channel():
    camera = DispatchRule(1, "cams", source="camera")
    open311 = DispatchRule(2, "open311", source="open311")
    assert match([camera], inc(channel="camera")) == camera
    assert match([camera], inc(channel="hotline")) is None
    assert match([open311], inc(channel="app")) == open311
    assert match([open311], inc(channel="camera")) is None
    assert match([DispatchRule(3, "any")], inc(channel="sensor")).id == 3  # no source: every source


@pytest.mark.parametrize("source,channel", [("sensor", "sensor"), ("hotline", "hotline"), ("officer", "officer")])
def test_each_other_source(source, channel):
    rule = DispatchRule(1, source, source=source)
    assert match([rule], inc(channel=channel)) == rule
    assert match([rule], inc(channel="camera")) is None


def test_category():
    rule = DispatchRule(1, "floods", category="flooding")
    assert match([rule], inc(category="flooding")) == rule
    assert match([rule], inc(category="noise")) is None


def test_minimum_severity_is_inclusive():
    rule = DispatchRule(1, "severe", min_severity=3)
    assert [match([rule], inc(severity=s)) is not None for s in (1, 2, 3, 4)] == [False, False, True, True]


def test_area_is_the_commune():
    rule = DispatchRule(1, "Phú Hội only", area="Phú Hội")
    assert match([rule], inc(commune="Phú Hội")) == rule
    assert match([rule], inc(commune="Vĩnh Ninh")) is None
    assert match([rule], inc(commune=None)) is None


def test_priority_decides_between_matching_rules_then_id():
    low = DispatchRule(1, "general", priority=50)
    high = DispatchRule(2, "floods first", category="flooding", priority=10)
    assert match([low, high], inc()) == high  # lower priority number is tried first
    assert match([low, high], inc(category="noise")) == low
    tie_a, tie_b = DispatchRule(7, "a", priority=5), DispatchRule(4, "b", priority=5)
    assert match([tie_a, tie_b], inc()) == tie_b  # same priority: the older (lower id) rule


def test_disabled_rule_never_matches():
    off = DispatchRule(1, "off", enabled=False, priority=1)
    on = DispatchRule(2, "on", priority=2)
    assert match([off], inc()) is None
    assert match([off, on], inc()) == on
    assert ordered([off, on]) == [on]


def test_action_confirm_and_needs_review_never_assigns_alone():
    assign, confirm = DispatchRule(1, "a"), DispatchRule(2, "c", action="confirm")
    assert effective_action(assign, inc()) == "assign"
    assert effective_action(confirm, inc()) == "confirm"
    assert effective_action(assign, inc(needs_review=True)) == "confirm"


def test_routed_unit_commune_by_default_department_on_request_and_fallback():
    assert target(DispatchRule(1, "x"), inc()) == {"commune": "Phú Hội"}
    assert target(DispatchRule(1, "x", unit="department"), inc()) == {"department": "Flood board"}
    assert target(DispatchRule(1, "x"), inc(commune=None)) == {"department": "Flood board"}
    with pytest.raises(ValidationError):
        target(DispatchRule(1, "x"), inc(commune=None, department=None))


def test_label_names_the_rule():
    assert DispatchRule(3, "camera floods").label == "R3 'camera floods'"


@pytest.mark.parametrize("field,value", [("name", " "), ("source", "radio"), ("min_severity", 5),
                                         ("action", "ignore"), ("unit", "ward"), ("priority", "high")])
def test_check_refuses_each_bad_field(field, value):
    with pytest.raises(ValidationError):
        DispatchRule(1, "ok").evolve(**{field: value}).check()


def test_dry_run_counts_each_incident_once_for_the_first_rule():
    rules = [DispatchRule(1, "camera floods", source="camera", category="flooding", priority=1),
             DispatchRule(2, "severe anywhere", min_severity=4, priority=2),
             DispatchRule(3, "Vĩnh Ninh", area="Vĩnh Ninh", action="confirm", priority=3),
             DispatchRule(4, "off", enabled=False)]
    incidents = [
        inc(uuid="a"),                                           # R1
        inc(uuid="b", severity=4),                               # R1 (first), not R2
        inc(uuid="c", channel="hotline", severity=4),            # R2
        inc(uuid="d", channel="hotline", commune="Vĩnh Ninh"),   # R3
        inc(uuid="e", channel="hotline", severity=4, commune="Vĩnh Ninh"),  # R2 before R3
        inc(uuid="f", channel="hotline"),                        # none
    ]
    runs = dry_run(rules, incidents)
    assert [(r.rule.id, r.count, r.uuids) for r in runs] == [(1, 2, ("a", "b")), (2, 2, ("c", "e")),
                                                              (3, 1, ("d",))]
    assert runs[0].sentence("last month's 6 incidents") == \
        "rule R1 'camera floods' would have dispatched 2 of last month's 6 incidents"
    assert first_match(rules, incidents).tolist() == [0, 0, 1, 2, 1, -1]


def test_dry_run_takes_columns_too():
    cols = {"channel": ["camera", "app"], "category": ["flooding", "noise"], "severity": [2, 2],
            "commune": ["A", "B"]}
    assert [r.count for r in dry_run([DispatchRule(1, "app", source="open311")], cols)] == [1]
    assert [r.count for r in dry_run([DispatchRule(1, "x")], {"channel": [], "category": [], "severity": [],
                                                              "commune": []})] == [0]

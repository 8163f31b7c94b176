"""Incident domain rules without a database or a display: validation, routing, duplicates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from shapely.geometry import LineString, Point, Polygon, box

from gisdesk.core.incidents import (
    Communes,
    Incident,
    ValidationError,
    find_duplicates,
    iso_utc,
    route,
    route_many,
    to_utc,
    validate_geometry,
)

CITY = Communes.build(["West", "East"], [box(0, 0, 100, 100), box(100, 0, 200, 100)])
RULES = {"flooding": "Flood board", "road damage": "Construction"}
T0 = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)


def test_point_routes_to_the_commune_containing_it_and_category_to_its_department():
    assert route(Point(150, 50), "flooding", CITY, RULES) == ("East", "Flood board")
    assert route(Point(10, 50), "road damage", CITY, RULES) == ("West", "Construction")


def test_line_routes_to_the_commune_holding_most_of_its_length():
    line = LineString([(90, 50), (130, 50)])  # 10 m in West, 30 m in East
    assert route(line, "road damage", CITY, RULES)[0] == "East"


def test_polygon_routes_by_largest_overlap_and_outside_gives_none():
    poly = box(20, 20, 110, 40)  # 80 wide in West, 10 in East
    got = route_many([poly, Point(500, 500)], ["flooding", "unknown"], CITY, RULES)
    assert got == [("West", "Flood board"), (None, None)]


def test_too_few_points_and_empty_are_refused_with_a_clear_message():
    with pytest.raises(ValidationError, match="at least 2"):
        validate_geometry(LineString([(0, 0), (0, 0)]))
    with pytest.raises(ValidationError, match="empty"):
        validate_geometry(Polygon())
    with pytest.raises(ValidationError, match="no geometry"):
        validate_geometry(None)


def test_self_intersecting_polygon_is_repaired_with_a_note():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    fixed, notes = validate_geometry(bowtie, CITY.boundary)
    assert fixed.is_valid and fixed.area == pytest.approx(50)
    assert fixed.geom_type in ("Polygon", "MultiPolygon")
    assert any("repaired" in n and "Self-intersection" in n for n in notes)


def test_repair_that_would_change_dimension_is_refused():
    flat = Polygon([(0, 0), (10, 0), (20, 0), (0, 0)])  # zero area: make_valid gives a line
    with pytest.raises(ValidationError, match="cannot be repaired"):
        validate_geometry(flat)


def test_outside_the_city_is_flagged_not_refused():
    geom, notes = validate_geometry(Point(1000, 1000), CITY.boundary)
    assert geom.equals(Point(1000, 1000)) and notes == ["outside the city boundary"]
    assert validate_geometry(Point(5, 5), CITY.boundary)[1] == []


def test_incident_check_names_the_wrong_attribute():
    with pytest.raises(ValidationError, match="severity"):
        Incident("flooding", Point(1, 1), severity=7).check()
    with pytest.raises(ValidationError, match="channel"):
        Incident("flooding", Point(1, 1), channel="fax").check()
    Incident("flooding", Point(1, 1), severity=4, channel="camera").check()


def test_timestamps_are_utc():
    assert iso_utc(to_utc("2026-05-01T15:00:00+07:00")) == "2026-05-01T08:00:00Z"
    assert Incident("flooding", Point(0, 0), occurred_at="2026-05-01T08:00:00").occurred_at == T0
    with pytest.raises(ValidationError, match="ISO 8601"):
        to_utc("yesterday")


def test_duplicates_same_category_open_near_and_recent_nearest_first():
    new = Incident("flooding", Point(0, 0), occurred_at=T0)
    near = Incident("flooding", Point(30, 0), occurred_at=T0 - timedelta(hours=2))
    nearer = Incident("flooding", Point(10, 0), occurred_at=T0 + timedelta(hours=1))
    far = Incident("flooding", Point(500, 0), occurred_at=T0)
    old = Incident("flooding", Point(5, 0), occurred_at=T0 - timedelta(days=3))
    other_cat = Incident("road damage", Point(5, 0), occurred_at=T0)
    closed = Incident("flooding", Point(5, 0), occurred_at=T0, status="closed")
    got = find_duplicates(new, [near, far, old, other_cat, closed, nearer], distance_m=50, hours=24)
    assert [g.uuid for g in got] == [nearer.uuid, near.uuid]
    assert new.duplicate_of is None  # nothing merged or linked

"""Incidents against their specification: routing, duplicates, geometry rules, times, the record itself.

From the README (Incidents panel) and the docstring of :mod:`gisdesk.core.incidents`: the commune comes
from the location (the commune containing a point, the largest overlap for lines and areas), the
department from the category's rule; an open incident of the same category within 100 m and 24 h is
offered as a duplicate, nearest first, and nothing is merged; a self-intersecting area is repaired with
a note or refused with the reason, a shape outside the city is flagged. Expected values are written by
hand, never read from the module's tables.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from shapely.geometry import (
    GeometryCollection,
    LinearRing,
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
    box,
)

from gisdesk.core.incidents import (
    Communes,
    Incident,
    ValidationError,
    find_duplicates,
    iso_utc,
    route,
    route_many,
    to_utc,
    utc_now,
    validate_geometry,
)
from gisdesk.core import incidents as incidents_module

# Three communes side by side: West [0, 100], Middle [100, 200], East [200, 300], all 100 m high.
CITY = Communes.build(["West", "Middle", "East"], [box(0, 0, 100, 100), box(100, 0, 200, 100),
                                                     box(200, 0, 300, 100)])
RULES = {"flooding": "Flood board", "road damage": "Construction"}
T0 = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)


# --- routing --------------------------------------------------------------------------------------------------


def test_a_point_goes_to_the_commune_containing_it():
    assert route(Point(250, 50), "flooding", CITY, RULES) == ("East", "Flood board")
    assert route(Point(150, 99), "road damage", CITY, RULES) == ("Middle", "Construction")
    assert route(Point(1, 1), "noise", CITY, RULES) == ("West", None)  # no rule: no department
    assert route(Point(-5, 50), "flooding", CITY, RULES) == (None, "Flood board")  # outside the city


def test_a_point_on_a_shared_border_goes_to_the_first_commune_listed():
    assert route(Point(100, 50), "flooding", CITY, RULES)[0] == "West"
    assert route(Point(200, 50), "flooding", CITY, RULES)[0] == "Middle"
    flipped = Communes.build(["East", "Middle"], [box(200, 0, 300, 100), box(100, 0, 200, 100)])
    assert route(Point(200, 50), "flooding", flipped, RULES)[0] == "East"


def test_a_line_goes_to_the_commune_holding_most_of_its_length():
    assert route(LineString([(90, 50), (130, 50)]), "x", CITY, RULES)[0] == "Middle"  # 10 m West, 30 m Middle
    assert route(LineString([(20, 50), (110, 50)]), "x", CITY, RULES)[0] == "West"  # 80 m West, 10 m Middle
    # 10 m West, 100 m Middle, 60 m East: the longest part wins, not the first or the last commune touched
    assert route(LineString([(90, 50), (260, 50)]), "x", CITY, RULES)[0] == "Middle"
    assert route(MultiLineString([[(210, 10), (290, 10)], [(10, 10), (20, 10)]]), "x", CITY, RULES)[0] == "East"


def test_an_area_goes_to_the_commune_with_the_largest_overlap():
    assert route(box(20, 20, 110, 40), "x", CITY, RULES)[0] == "West"
    assert route(box(90, 20, 230, 40), "x", CITY, RULES)[0] == "Middle"  # 10, 100, 30 m wide
    assert route(box(170, 0, 300, 10), "x", CITY, RULES)[0] == "East"  # 30 vs 100
    # a thin area that is long in West but touches Middle on a wide side: area, not length of the boundary
    assert route(Polygon([(0, 0), (100, 0), (100, 1), (0, 1)]).union(box(100, 0, 102, 100)), "x", CITY,
                 RULES)[0] == "Middle"  # 100 m2 in West, 200 m2 in Middle


def test_routing_many_keeps_the_order_and_mixes_kinds():
    geoms = [box(210, 10, 290, 90), Point(50, 50), LineString([(150, 10), (150, 90)]), Point(999, 999),
             Point(150, 50), LineString([(500, 0), (600, 0)])]
    cats = ["flooding", "road damage", "noise", "flooding", "flooding", "road damage"]
    assert route_many(geoms, cats, CITY, RULES) == [
        ("East", "Flood board"), ("West", "Construction"), ("Middle", None), (None, "Flood board"),
        ("Middle", "Flood board"), (None, "Construction")]
    assert route_many([], [], CITY, RULES) == []
    nowhere = Communes.build([], [])
    assert route_many([Point(1, 1), box(0, 0, 1, 1)], ["flooding", "x"], nowhere, RULES) == \
        [(None, "Flood board"), (None, None)]


def test_routing_many_points_and_shapes_in_any_order():
    geoms = [Point(250, 50), Point(50, 50), Point(150, 50), box(10, 10, 20, 20), Point(260, 50)]
    assert [c for c, _ in route_many(geoms, ["x"] * 5, CITY, RULES)] == ["East", "West", "Middle", "West", "East"]
    shapes = [box(210, 10, 290, 90), box(10, 10, 20, 20), LineString([(110, 5), (190, 5)])]
    assert [c for c, _ in route_many(shapes, ["x"] * 3, CITY, RULES)] == ["East", "West", "Middle"]


def test_the_city_is_the_union_of_its_communes():
    assert CITY.boundary.equals(box(0, 0, 300, 100))
    assert CITY.names == ("West", "Middle", "East")


def test_each_category_goes_to_the_department_that_handles_it_in_hue():
    # Written from who does what in Thừa Thiên Huế, not copied from the module.
    disasters = "Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn"
    urban_works = "Công ty Môi trường và Công trình đô thị"
    police = "Công an thành phố"
    expected = {
        "flooding": disasters, "landslide": disasters,
        "fallen tree": urban_works, "illegal dumping": urban_works,
        "road damage": "Sở Xây dựng",
        "uncovered dump truck": police, "traffic violation": police, "noise": police,
        "straw burning": "Sở Tài nguyên và Môi trường",
        "forest fire": "Chi cục Kiểm lâm",
        "water leak": "Công ty Cổ phần Cấp nước Huế",
        "power outage": "Công ty Điện lực Huế",
    }
    assert incidents_module.DEFAULT_ROUTING == expected
    assert set(incidents_module.DEFAULT_CATEGORIES) == set(expected)


# --- duplicates -----------------------------------------------------------------------------------------------


def incident(x: float, hours: float = 0.0, category: str = "flooding", status: str = "new", **kw) -> Incident:
    return Incident(category, Point(x, 0), occurred_at=T0 + timedelta(hours=hours), status=status, **kw)


def test_the_duplicate_radius_is_100_m():
    new = incident(0)
    at_99, at_100, at_101, at_150, at_199 = incident(99), incident(100), incident(101), incident(150), incident(199)
    got = find_duplicates(new, [at_199, at_150, at_101, at_100, at_99])
    assert [g.uuid for g in got] == [at_99.uuid, at_100.uuid]


def test_the_duplicate_window_is_24_hours_either_way():
    new = incident(0)
    inside = [incident(1, hours=h) for h in (-24, -23.9, 23.9, 24)]
    outside = [incident(1, hours=h) for h in (-24.01, 24.01, -48, 48, 72)]
    got = find_duplicates(new, outside + inside)
    assert {g.uuid for g in got} == {i.uuid for i in inside}


def test_a_duplicate_is_open_of_the_same_category_and_not_itself():
    new = incident(0)
    same = incident(5)
    assert find_duplicates(new, [new]) == []
    for status in ("new", "assigned", "in_progress"):
        assert find_duplicates(new, [incident(5, status=status)])
    for status in ("resolved", "closed", "rejected", "duplicate"):
        assert find_duplicates(new, [incident(5, status=status)]) == []
    assert find_duplicates(new, [incident(5, category="road damage")]) == []
    assert find_duplicates(new, []) == [] and find_duplicates(new, iter([same])) == [same]


def test_duplicates_come_nearest_first_and_nothing_is_merged():
    new = incident(0)
    a, b, c, d = incident(80), incident(-10), incident(40), incident(40, hours=2)
    got = find_duplicates(new, [a, b, c, d])
    assert [g.uuid for g in got] == [b.uuid, c.uuid, d.uuid, a.uuid]  # equal distances keep their order
    assert new.duplicate_of is None and all(g.duplicate_of is None for g in (a, b, c, d))
    assert find_duplicates(new, [a, b, c], distance_m=50, hours=1)[-1].uuid == c.uuid
    assert find_duplicates(new, [d], hours=1) == []


def test_duplicates_measure_between_shapes():
    new = Incident("flooding", box(0, 0, 10, 10), occurred_at=T0)
    edge = Incident("flooding", LineString([(110, 0), (110, 50)]), occurred_at=T0)  # 100 m from the square
    assert find_duplicates(new, [edge]) == [edge]


# --- geometry rules -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("geom", [Point(1, 2), LineString([(0, 0), (1, 1)]), box(0, 0, 1, 1),
                                  MultiPoint([(0, 0), (1, 1)]), MultiLineString([[(0, 0), (1, 1)]]),
                                  MultiPolygon([box(0, 0, 1, 1), box(2, 2, 3, 3)])])
def test_points_lines_and_areas_are_kept_as_they_are(geom):
    kept, notes = validate_geometry(geom)
    assert kept.equals(geom) and notes == []


def test_what_cannot_be_an_incident_is_refused_with_the_reason():
    for geom, words in [
        (None, "the incident has no geometry: draw a point, line or polygon"),
        ("POINT (1 2)", "the incident has no geometry"),
        (GeometryCollection([Point(0, 0)]), "GeometryCollection is not supported: use a point, line or polygon"),
        (Point(), "the point is empty: draw it again"),
        (LineString(), "the linestring is empty"),
        (LineString([(1, 1), (1, 1)]), "a line needs at least 2 distinct points"),
        (Polygon([(0, 0), (1, 1), (0, 0), (1, 1)]), "a polygon needs at least 3 distinct corners, this one has 2"),
        (MultiLineString([[(0, 0), (1, 1)], [(2, 2), (2, 2)]]), "a line needs at least 2 distinct points"),
        (MultiPolygon([box(0, 0, 1, 1), Polygon([(5, 5), (6, 6), (5, 5), (6, 6)])]), "at least 3 distinct corners"),
        (Point(float("nan"), 1), "non-finite coordinates"),
        (LineString([(0, 0), (float("inf"), 1)]), "non-finite coordinates"),
    ]:
        with pytest.raises(ValidationError) as caught:
            validate_geometry(geom)
        assert words in str(caught.value), (geom, str(caught.value))


def test_a_polygon_with_three_corners_is_enough():
    triangle = Polygon([(0, 0), (10, 0), (0, 10)])
    assert validate_geometry(triangle)[0].equals(triangle)


def test_a_bow_tie_is_repaired_into_its_two_triangles_with_a_note():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    fixed, notes = validate_geometry(bowtie)
    assert fixed.is_valid and fixed.area == pytest.approx(50) and fixed.geom_type == "MultiPolygon"
    assert notes == ["geometry repaired (Self-intersection[5 5])"]


def test_a_repair_that_keeps_part_of_another_dimension_keeps_only_the_areas():
    # a square with a spike: make_valid gives the square and a line; the area is kept
    spiky = Polygon([(0, 0), (10, 0), (10, 10), (0, 10), (0, 5), (-5, 5), (0, 5), (0, 0)])
    fixed, notes = validate_geometry(spiky)
    assert fixed.geom_type in ("Polygon", "MultiPolygon") and fixed.area == pytest.approx(100)
    assert len(notes) == 1 and notes[0].startswith("geometry repaired (")


def test_a_repair_that_would_turn_an_area_into_a_line_is_refused():
    flat = Polygon([(0, 0), (10, 0), (20, 0), (0, 0)])
    with pytest.raises(ValidationError, match=r"the polygon is invalid \(.*\) and cannot be repaired without becoming"):
        validate_geometry(flat)


def test_outside_the_city_is_flagged_not_refused():
    for geom in (Point(1000, 1000), box(400, 400, 500, 500)):
        kept, notes = validate_geometry(geom, CITY.boundary)
        assert kept.equals(geom) and notes == ["outside the city boundary"]
    assert validate_geometry(box(290, 90, 310, 110), CITY.boundary)[1] == []  # partly inside
    assert validate_geometry(Point(1000, 1000), Polygon())[1] == []  # no boundary known
    bowtie = Polygon([(1000, 1000), (1010, 1010), (1010, 1000), (1000, 1010)])
    assert validate_geometry(bowtie, CITY.boundary)[1][1] == "outside the city boundary"


# --- the incident record --------------------------------------------------------------------------------------


def test_a_new_incident():
    i = Incident("flooding", Point(1, 1))
    assert (i.severity, i.channel, i.status, i.duplicate_of, i.needs_review, i.notes) == \
        (2, "officer", "new", None, False, [])
    assert (i.description, i.address, i.commune, i.department) == ("", "", None, None)
    assert i.is_open and uuid.UUID(i.uuid) and i.uuid != Incident("flooding", Point(1, 1)).uuid
    assert i.occurred_at.tzinfo == timezone.utc and abs((utc_now() - i.occurred_at).total_seconds()) < 5
    i.check()
    assert i.evolve(status="closed").status == "closed" and i.status == "new"


def test_open_statuses():
    for status in ("new", "assigned", "in_progress"):
        assert Incident("x", Point(0, 0), status=status).is_open
    for status in ("resolved", "closed", "rejected", "duplicate"):
        assert not Incident("x", Point(0, 0), status=status).is_open
        Incident("x", Point(0, 0), status=status).check()


@pytest.mark.parametrize("changes, words", [
    ({"category": " "}, "category is empty"),
    ({"category": None}, "category is empty"),
    ({"severity": 0}, "severity must be 1, 2, 3 or 4, not 0"),
    ({"severity": 5}, "severity must be 1, 2, 3 or 4"),
    ({"severity": True}, "severity must be 1, 2, 3 or 4"),
    ({"severity": 2.0}, "severity must be 1, 2, 3 or 4"),
    ({"channel": "fax"}, "channel must be one of officer, hotline, app, camera, sensor, not 'fax'"),
    ({"status": "open"}, "status must be one of new, assigned, in_progress, resolved, closed, rejected, duplicate"),
    ({"uuid": "not-a-uuid"}, "uuid 'not-a-uuid' is not a UUID"),
    ({"uuid": None}, "is not a UUID"),
])
def test_a_wrong_incident_is_named(changes, words):
    with pytest.raises(ValidationError) as caught:
        Incident("flooding", Point(1, 1)).evolve(**changes).check()
    assert words in str(caught.value)


def test_every_channel_and_severity_is_accepted():
    for channel in ("officer", "hotline", "app", "camera", "sensor"):
        for severity in (1, 2, 3, 4, np.int64(4)):
            Incident("flooding", Point(1, 1), channel=channel, severity=severity).check()


# --- times ----------------------------------------------------------------------------------------------------


def test_times_are_read_as_utc():
    assert to_utc("2026-05-01T15:00:00+07:00") == datetime(2026, 5, 1, 8, tzinfo=timezone.utc)
    assert to_utc("2026-05-01T08:00:00Z") == T0 and to_utc("2026-05-01T08:00:00z") == T0
    assert to_utc(" 2026-05-01T08:00:00 ") == T0  # naive means UTC
    assert to_utc(datetime(2026, 5, 1, 8)) == T0 and to_utc(datetime(2026, 5, 1, 8)).tzinfo == timezone.utc
    assert to_utc(datetime(2026, 5, 1, 9, tzinfo=timezone(timedelta(hours=1)))).tzinfo == timezone.utc
    with pytest.raises(ValidationError) as caught:
        to_utc("yesterday")
    assert str(caught.value) == "'yesterday' is not an ISO 8601 date-time (e.g. 2026-05-01T08:30:00Z)"
    with pytest.raises(ValidationError) as caught:
        to_utc(1714550400)
    assert str(caught.value) == "expected a date-time, got int"


def test_every_stored_time_has_one_form():
    assert iso_utc(datetime(2026, 5, 1, 15, 0, 9, 999, tzinfo=timezone(timedelta(hours=7)))) == "2026-05-01T08:00:09Z"
    assert iso_utc(datetime(2026, 12, 31, 23, 59, 59)) == "2026-12-31T23:59:59Z"


def test_now_is_utc_to_the_second():
    now = utc_now()
    assert now.tzinfo == timezone.utc and now.microsecond == 0
    assert abs((datetime.now(timezone.utc) - now).total_seconds()) < 2
    assert Incident("x", Point(0, 0), occurred_at="2026-05-01T10:00:00+02:00").occurred_at == T0


def test_a_ring_is_a_line():
    ring = LinearRing([(90, 10), (190, 10), (190, 20), (90, 20)])  # 20 m of it in West, 200 m in Middle
    assert route(ring, "x", CITY, RULES)[0] == "Middle"
    kept, notes = validate_geometry(ring)
    assert kept.equals(ring) and notes == []


def test_points_of_one_report_in_several_communes_go_to_the_first_listed_as_on_a_border():
    spread = MultiPoint([(250, 50), (50, 50)])
    assert route(spread, "x", CITY, RULES)[0] == "West"
    flipped = Communes.build(["East", "Middle", "West"], [box(200, 0, 300, 100), box(100, 0, 200, 100),
                                                          box(0, 0, 100, 100)])
    assert route(spread, "x", flipped, RULES)[0] == "East"
    assert route(MultiPoint([(150, 50), (160, 60)]), "x", flipped, RULES)[0] == "Middle"


@pytest.mark.parametrize("changes, words", [
    ({"category": ""}, "category is empty"),
    ({"severity": 9}, "severity must be 1, 2, 3 or 4, not 9"),
    ({"channel": "fax"}, "channel must be one of officer, hotline, app, camera, sensor, not 'fax'"),
    ({"status": "open"}, "status must be one of new, assigned, in_progress, resolved, closed, rejected, duplicate, "
                         "not 'open'"),
    ({"uuid": "x"}, "uuid 'x' is not a UUID"),
])
def test_the_reason_a_wrong_incident_gives(changes, words):
    with pytest.raises(ValidationError) as caught:
        Incident("flooding", Point(1, 1)).evolve(**changes).check()
    assert str(caught.value) == words


def test_the_reason_a_shape_is_refused():
    for geom, words in [
        (Polygon([(0, 0), (1, 1), (0, 0), (1, 1)]), "a polygon needs at least 3 distinct corners, this one has 2"),
        (LineString([(1, 1), (1, 1)]), "a line needs at least 2 distinct points"),
        (None, "the incident has no geometry: draw a point, line or polygon"),
        (GeometryCollection([Point(0, 0)]), "GeometryCollection is not supported: use a point, line or polygon"),
        (Point(), "the point is empty: draw it again"),
        (Point(float("nan"), 1), "the geometry has non-finite coordinates"),
    ]:
        with pytest.raises(ValidationError) as caught:
            validate_geometry(geom)
        assert str(caught.value) == words
    with pytest.raises(ValidationError) as caught:
        validate_geometry(Polygon([(0, 0), (10, 0), (20, 0), (0, 0)]))
    text = str(caught.value)
    assert text.startswith("the polygon is invalid (Self-intersection") and text.endswith(": draw it again")
    assert ") and cannot be repaired without becoming a " in text and "line" in text


def test_the_communes_of_a_workspace_cannot_be_changed_after_they_are_indexed():
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        CITY.names = ("A", "B", "C")

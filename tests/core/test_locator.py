"""The locator's core: accent folding, typed coordinates, grouping (no workspace, no Qt)."""

from __future__ import annotations

import math
import unicodedata

import pytest

from gisdesk.core.locator import (CoordinateProvider, Locator, LocatorResult, check_provider, fold, group_results,
                                  parse_dms)


def metres_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance of two lon/lat points (equirectangular: exact enough over a few hundred metres)."""
    lat = math.radians((a[1] + b[1]) / 2)
    dx = math.radians(a[0] - b[0]) * math.cos(lat) * 6_378_137
    dy = math.radians(a[1] - b[1]) * 6_378_137
    return math.hypot(dx, dy)


@pytest.mark.parametrize("text, folded", [
    ("Phú Hội", "phu hoi"),
    ("ĐÔNG BA", "dong ba"),
    ("Thừa Thiên Huế", "thua thien hue"),
    ("  Nguyễn   Trãi ", "nguyen trai"),
    ("Vĩnh Ninh", "vinh ninh"),
    ("đường Đặng Huy Trứ", "duong dang huy tru"),
])
def test_fold_strips_vietnamese_accents_and_case(text, folded):
    assert fold(text) == folded


def test_fold_is_the_same_for_composed_and_decomposed_input():
    assert fold(unicodedata.normalize("NFD", "Phú Hội")) == fold(unicodedata.normalize("NFC", "Phú Hội")) == "phu hoi"


def only_point(results):
    assert len(results) == 1, [r.title for r in results]
    return results[0].point


def test_lon_lat_and_lat_lon_are_read_in_the_order_that_lands_in_vietnam():
    cp = CoordinateProvider("EPSG:32648")
    assert only_point(cp.search("107.59, 16.46", 8)) == pytest.approx((107.59, 16.46))
    assert only_point(cp.search("16.46, 107.59", 8)) == pytest.approx((107.59, 16.46))
    assert only_point(cp.search("16.46 107.59", 8)) == pytest.approx((107.59, 16.46))
    r = cp.search("107.59, 16.46", 8)[0]
    assert r.kind == "coordinate" and r.crs == "EPSG:4326"


def test_numbers_outside_vietnam_give_both_readings():
    points = {r.point for r in CoordinateProvider("EPSG:32648").search("1, 2", 8)}
    assert points == {(1.0, 2.0), (2.0, 1.0)}


def test_degrees_minutes_seconds_with_hemispheres():
    assert parse_dms("16°27'N 107°35'E") == pytest.approx((107 + 35 / 60, 16 + 27 / 60))
    assert parse_dms("16°27'30\"N, 107°35'12\"E") == pytest.approx((107 + 35 / 60 + 12 / 3600,
                                                                     16 + 27 / 60 + 30 / 3600))
    assert parse_dms("16.46N 107.59E") == pytest.approx((107.59, 16.46))
    assert parse_dms("16°27'S 107°35'W") == pytest.approx((-(107 + 35 / 60), -(16 + 27 / 60)))
    assert parse_dms("16°27'N 107°35'N") is None  # two latitudes
    only = CoordinateProvider("EPSG:32648").search("16°27'N 107°35'E", 8)
    assert only_point(only) == pytest.approx((107 + 35 / 60, 16 + 27 / 60))


def test_utm_with_zone_and_hemisphere():
    from pyproj import Transformer

    expected = Transformer.from_crs("EPSG:32648", "EPSG:4326", always_xy=True).transform(745000, 1822000)
    results = CoordinateProvider("EPSG:4326").search("48N 745000 1822000", 8)
    assert results[0].point == pytest.approx(expected)
    assert "48N" in results[0].detail


def test_plain_x_y_are_read_in_the_workspace_crs():
    from pyproj import Transformer

    expected = Transformer.from_crs("EPSG:32648", "EPSG:4326", always_xy=True).transform(775500, 1821400)
    points = [r.point for r in CoordinateProvider("EPSG:32648").search("775500 1821400", 8)]
    assert any(p == pytest.approx(expected) for p in points)


# VN-2000 / TM-3 107°00' (Thừa Thiên Huế, k = 0.9999): the point with surveyors' X (northing)
# 1,821,000 m and Y (easting) 563,000 m lies, by EPSG:9214 with EPSG's "VN-2000 to WGS 84 (2)"
# (Decision 05/2007/QĐ-BTNMT parameters), at WGS 84 lon 107.591857°, lat 16.463888° — in Phú Hội.
VN2000_XY = (1_821_000.0, 563_000.0)
VN2000_WGS84 = (107.591857, 16.463888)


@pytest.mark.parametrize("text", ["1821000 563000", "1821000, 563000", "563000 1821000"])
def test_vn2000_hue_point_lands_at_its_known_wgs84_position(text):
    results = CoordinateProvider("EPSG:32648").search(text, 8)
    vn = [r for r in results if "VN-2000" in r.detail]
    assert len(vn) == 1
    assert metres_between(vn[0].point, VN2000_WGS84) < 3.0


def test_readings_in_the_workspaces_area_come_first():
    hue = (107.45, 16.35, 107.75, 16.60)  # the demo city, lon/lat
    first = CoordinateProvider("EPSG:32648", home=hue).search("1821000 563000", 8)[0]
    assert "VN-2000" in first.detail and metres_between(first.point, VN2000_WGS84) < 3.0
    # the same x/y in the workspace's UTM 48N lands in Laos, 200 km west: still offered, after
    assert any(r.point[0] < 106 for r in CoordinateProvider("EPSG:32648", home=hue).search("1821000 563000", 8))


def test_text_that_is_no_coordinate_gives_nothing():
    cp = CoordinateProvider("EPSG:32648")
    assert cp.search("phu hoi", 8) == []
    assert cp.search("12", 8) == []
    assert cp.search("", 8) == []


def r(title: str, kind: str, score: float = 0.5) -> LocatorResult:
    return LocatorResult(title, kind, "EPSG:4326", score=score)


def test_groups_follow_the_fixed_kind_order_then_other_kinds_by_name():
    results = [r("t", "task"), r("gauge", "gauge"), r("x", "coordinate"), r("i", "incident"), r("c", "commune"),
               r("p", "project"), r("camera", "camera"), r("s", "road"), r("b", "place")]
    assert [k for k, _ in group_results(results)] == ["coordinate", "commune", "road", "place", "project",
                                                      "incident", "task", "camera", "gauge"]


def test_within_a_group_the_best_score_comes_first():
    grouped = dict(group_results([r("Trạm bơm Phú Hội", "place", 0.7), r("Phú Hội", "place", 1.0),
                                  r("Cầu Phú Xuân", "place", 0.7)]))
    assert [x.title for x in grouped["place"]] == ["Phú Hội", "Cầu Phú Xuân", "Trạm bơm Phú Hội"]


class Broken:
    name = "broken"
    kind = "place"

    def search(self, text, limit):
        raise RuntimeError("boom")


def test_a_broken_provider_is_skipped_and_reported():
    loc = Locator([Broken(), CoordinateProvider("EPSG:32648")])
    assert [x.kind for x in loc.search("107.59, 16.46", 5)] == ["coordinate"]
    assert [name for name, _ in loc.errors] == ["broken"]


def test_check_provider_names_what_is_missing():
    class NoSearch:
        name = "x.y"
        kind = "place"

    with pytest.raises(TypeError, match="search"):
        check_provider(NoSearch())
    check_provider(Broken())

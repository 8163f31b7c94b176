"""Snapping: vertices before edges, tolerance respected, empty input."""

from __future__ import annotations

import numpy as np
from shapely.geometry import LineString, Point, Polygon

from gisdesk.core.snapping import snap_to


def test_vertex_wins_over_a_nearer_edge_within_tolerance():
    road = LineString([(0, 0), (10, 0), (10, 10)])
    hit = snap_to((9.5, 0.1), [road], tolerance=1.0)
    assert (hit.x, hit.y, hit.kind) == (10.0, 0.0, "vertex")


def test_edge_of_a_polygon_when_no_vertex_is_near():
    block = Polygon([(0, 0), (100, 0), (100, 100), (0, 100)])
    hit = snap_to((50, 99), [Point(500, 500), block], tolerance=3)
    assert (hit.x, hit.y, hit.kind, hit.index) == (50.0, 100.0, "edge", 1)


def test_nothing_within_tolerance_or_nothing_at_all():
    assert snap_to((80, 20), [Polygon([(0, 0), (100, 0), (100, 100)])], tolerance=5) is None
    assert snap_to((0, 0), [], tolerance=5) is None
    assert snap_to((0, 0), np.array([None], dtype=object), tolerance=5) is None

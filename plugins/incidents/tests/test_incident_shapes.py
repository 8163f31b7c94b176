"""Sketching and vertex editing, without a window."""

from __future__ import annotations

import pytest
from shapely.geometry import LineString, Point, Polygon, box

from incidents.shapes import Sketch, insert_vertex, move_vertex, nearest_vertex, remove_vertex


def test_sketch_needs_enough_corners_and_backspace_removes_the_last():
    s = Sketch("line")
    s.add((0, 0))
    s.add((0, 0))  # a second click on the same spot adds nothing
    assert not s.can_finish
    with pytest.raises(ValueError, match="at least 2"):
        s.geometry()
    s.add((5, 5))
    s.add((9, 1))
    assert s.remove_last() and s.geometry().equals(LineString([(0, 0), (5, 5)]))
    assert Sketch("point").remove_last() is False


def test_polygon_preview_follows_the_cursor():
    s = Sketch("polygon", [(0, 0), (10, 0)], cursor=(10, 10))
    outline, *corners = s.preview()
    assert outline.equals(Polygon([(0, 0), (10, 0), (10, 10)])) and len(corners) == 2


def test_vertex_edits_keep_shapes_valid_or_refuse():
    sq = box(0, 0, 10, 10)
    i = nearest_vertex(sq, (9.5, 10.2), tolerance=1)
    moved = move_vertex(sq, i, (15, 15))
    assert moved.area > sq.area and moved.is_valid
    wider = insert_vertex(sq, (5, -0.3), tolerance=1)
    assert len(wider.exterior.coords) == len(sq.exterior.coords) + 1
    assert insert_vertex(sq, (5, 5), tolerance=1) is None  # not near an edge
    tri = remove_vertex(sq, 0)
    assert len(tri.exterior.coords) == 4
    with pytest.raises(ValueError, match="at least 3"):
        remove_vertex(tri, 0)
    assert move_vertex(Point(1, 1), 0, (2, 3)).equals(Point(2, 3))

"""Server reads simplified to the pixel: every feature kept, no vertex further than the tolerance."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gisdesk.render._data import simplify_tolerance
from gisdesk.render.view import MapView
from gisdesk.store.pg_datasource import ServerDataSource
from gisdesk.store.reader import read_features


def _paths(g) -> list[list[np.ndarray]]:
    """Each feature's paths (rings or lines) as vertex arrays, in map coordinates."""
    xy = g.world().xy if g.origin is not None else g.xy
    out: list[list[np.ndarray]] = [[] for _ in range(g.count)]
    for p, f in enumerate(g.path_feature):
        out[f].append(xy[g.offsets[p]:g.offsets[p + 1]])
    return out


@pytest.mark.parametrize("name", ["communes", "roads"])
def test_a_simplified_read_keeps_every_feature_within_the_tolerance(read_server, name):
    with ServerDataSource(read_server["su"]) as ds:
        layer = ds.layer(name)
        exact = read_features(ds, layer).geoms
        tol = 20.0
        simple = read_features(ds, layer, tolerance=tol).geoms
    assert simple.count == exact.count > 0
    assert len(simple.xy) < len(exact.xy)  # fewer vertices to send and draw
    far = 0.0
    for before, after in zip(_paths(exact), _paths(simple)):  # every original vertex near the simplified lines
        lines = shapely.multilinestrings([a for a in after if len(a) >= 2])
        pts = shapely.points(np.concatenate(before))
        far = max(far, float(shapely.distance(pts, lines).max()))
    assert far <= tol + 1e-6


def test_the_tolerance_is_half_a_pixel_rounded_down_to_a_power_of_two_for_polygons_only():
    class Info:
        kind = "polygon"
    view = MapView.fit((0, 0, 1920 * 20.0, 1080 * 20.0), 1920, 1080, "EPSG:3857")  # 20 m pixels
    assert simplify_tolerance(Info(), view.bbox, view) == 8.0  # 10 m -> 8
    zoomed = MapView.fit((0, 0, 1920 * 0.3, 1080 * 0.3), 1920, 1080, "EPSG:3857")
    assert simplify_tolerance(Info(), zoomed.bbox, zoomed) == 0.125  # 0.15 m -> 0.125
    for kind in ("point", "line"):  # points never; lines cost the server more than they save
        Info.kind = kind
        assert simplify_tolerance(Info(), view.bbox, view) is None

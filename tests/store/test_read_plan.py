"""Issue 18, the read path: planned bbox reads, cancellation, compact coordinates.

A real SpatiaLite file written with SpatiaLite's own SQL: 60,000 points and 6,000
19-vertex polygons over 40 x 30 km in UTM 48N (the demo city's CRS), with R*Tree indexes.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
import shapely

from gisdesk.store import read_plan
from gisdesk.store.connection import connect
from gisdesk.store.coords import FLOAT32_REL_ERROR, compact, compact_origin, max_error, subset
from gisdesk.store.datasource import DataSource
from gisdesk.store.read_plan import ReadPlan, plan_read, view_share
from gisdesk.store.reader import ClassExpr, ReadCancelled, read_features, read_geometries

X0, Y0, W, H = 740_000.0, 1_800_000.0, 40_000.0, 30_000.0
N_PTS, N_POLYS = 60_000, 6_000


def make_plan_db(path):
    """Write the file (also used by tests/render/test_render_viewport.py)."""
    conn = connect(path, create=True, wal=False)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("CREATE TABLE pts (id INTEGER PRIMARY KEY, kind TEXT)")
    conn.execute("SELECT AddGeometryColumn('pts', 'geom', 32648, 'POINT', 'XY')")
    # Scattered by multiplicative hashing (deterministic), with a third of a metre in the fractions.
    conn.execute(f"""WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < {N_PTS})
        INSERT INTO pts SELECT i, 'k' || (i % 3),
            MakePoint({X0} + ((i * 7919) % 100003) * {W} / 100003.0 + 1 / 3.0,
                      {Y0} + ((i * 104729) % 99991) * {H} / 99991.0 + 2 / 3.0, 32648) FROM c""")
    conn.execute("CREATE TABLE polys (id INTEGER PRIMARY KEY, kind TEXT)")
    conn.execute("SELECT AddGeometryColumn('polys', 'geom', 32648, 'POLYGON', 'XY')")
    conn.execute(f"""WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < {N_POLYS})
        INSERT INTO polys SELECT i, 'k' || (i % 2), Buffer(MakePoint(
            {X0} + ((i * 7919) % 100003) * {W} / 100003.0, {Y0} + ((i * 104729) % 99991) * {H} / 99991.0, 32648),
            20 + (i % 50), 4) FROM c""")
    conn.execute("SELECT CreateSpatialIndex('pts', 'geom')")
    conn.execute("SELECT CreateSpatialIndex('polys', 'geom')")
    conn.close()
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_plan_db(tmp_path_factory.mktemp("plan") / "plan.sqlite")


@pytest.fixture(scope="module")
def ds(db):
    with DataSource(db) as source:
        yield source


@pytest.fixture(scope="module")
def shapes(db):
    """Every feature as shapely geometries, in rowid order (the reference)."""
    conn = connect(db, read_only=True, wal=False)
    out = {}
    for table in ("pts", "polys"):
        rows = conn.execute(f"SELECT AsBinary(geom), kind FROM {table} ORDER BY rowid").fetchall()
        out[table] = (shapely.from_wkb([r[0] for r in rows]), [r[1] for r in rows])
    conn.close()
    return out


def boxes_in_view(share_of_width: float, cx: float = 0.5, cy: float = 0.5) -> tuple[float, float, float, float]:
    w, h = W * share_of_width, H * share_of_width
    x, y = X0 + W * cx, Y0 + H * cy
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


@pytest.mark.parametrize("method", ["index", "scan"])
@pytest.mark.parametrize("width", [0.01, 0.1, 0.5])
def test_a_zoomed_point_read_is_exactly_the_points_in_the_box(ds, shapes, method, width):
    geoms, kinds = shapes["pts"]
    bbox = boxes_in_view(width, 0.37, 0.61)
    expected = np.flatnonzero(shapely.intersects(geoms, shapely.box(*bbox)))  # from shapely, on the whole layer
    assert len(expected) > 0
    cls = ClassExpr("CASE kind WHEN ? THEN ? ELSE '!' END", ("k1", '"'))
    data = read_features(ds, ds.layer("pts"), bbox, cls, plan=ReadPlan(method, N_PTS, 0.0))
    np.testing.assert_array_equal(data.geoms.xy, shapely.get_coordinates(geoms[expected]))
    assert data.codes.tolist() == [1 if kinds[i] == "k1" else 0 for i in expected]


@pytest.mark.parametrize("method", ["index", "scan"])
def test_a_zoomed_polygon_read_holds_every_polygon_meeting_the_box_and_only_those_whose_box_does(ds, shapes, method):
    geoms, _ = shapes["polys"]
    bbox = boxes_in_view(0.05, 0.21, 0.33)
    box = shapely.box(*bbox)
    meets_box = np.flatnonzero(shapely.intersects(shapely.envelope(geoms), box))
    meets = np.flatnonzero(shapely.intersects(geoms, box))
    assert 0 < len(meets) <= len(meets_box)
    got = read_geometries(ds, ds.layer("polys"), bbox, ) if method == "index" else \
        read_features(ds, ds.layer("polys"), bbox, plan=ReadPlan("scan", N_POLYS, 0.0)).geoms
    assert got.count == len(meets_box)
    expected_xy = shapely.get_coordinates(geoms[meets_box])
    np.testing.assert_array_equal(got.xy, expected_xy)


def test_the_planner_takes_the_index_for_small_views_and_scans_for_big_ones(ds, monkeypatch):
    # Thresholds as documented: the index up to INDEX_MAX_SHARE of the extent, a scan above it;
    # a layer of at most INDEX_ALWAYS_ROWS rows always takes the index; no bbox reads whole.
    pts = ds.layer("pts")
    assert read_plan.INDEX_MAX_SHARE == 0.04 and read_plan.INDEX_ALWAYS_ROWS == 20_000
    assert plan_read(ds, pts, None).method == "whole"
    assert plan_read(ds, pts, boxes_in_view(0.1)).method == "index"    # 1 % of the extent
    assert plan_read(ds, pts, boxes_in_view(0.19)).method == "index"   # 3.6 %
    assert plan_read(ds, pts, boxes_in_view(0.21)).method == "scan"    # 4.4 %
    assert plan_read(ds, pts, boxes_in_view(0.5)).method == "scan"
    assert plan_read(ds, ds.layer("polys"), boxes_in_view(0.5)).method == "index"  # 6,000 rows
    monkeypatch.setattr(read_plan, "INDEX_ALWAYS_ROWS", 100)
    assert plan_read(ds, ds.layer("polys"), boxes_in_view(0.5)).method == "scan"


def test_view_share_of_an_extent():
    ext = (0.0, 0.0, 100.0, 50.0)
    assert view_share(ext, (0, 0, 100, 50)) == 1.0
    assert view_share(ext, (-50, -50, 200, 200)) == 1.0
    assert view_share(ext, (0, 0, 10, 5)) == pytest.approx(0.01)
    assert view_share(ext, (90, 45, 110, 55)) == pytest.approx(0.01)  # half outside on both axes
    assert view_share(ext, (200, 0, 300, 50)) == 0.0
    assert view_share((5.0, 0.0, 5.0, 50.0), (0, 0, 10, 25)) == pytest.approx(0.5)  # a vertical line layer
    assert view_share(None, (0, 0, 1, 1)) == 1.0


def test_a_cancelled_read_stops_inside_the_query_and_leaves_the_connection_usable(ds):
    lyr = ds.layer("polys")
    polls = []

    def cancelled() -> bool:  # becomes true after SQLite has polled it a few times mid-query
        polls.append(1)
        return len(polls) > 3

    with pytest.raises(ReadCancelled):
        read_features(ds, lyr, cancelled=cancelled, threads=1)
    assert 3 < len(polls) < 100  # stopped by the progress handler, not after the read
    for method in ("scan", "index"):
        polls.clear()
        with pytest.raises(ReadCancelled):
            read_features(ds, lyr, boxes_in_view(0.9), cancelled=cancelled, plan=ReadPlan(method, N_POLYS, 0.8))
    # The same thread's connections read normally afterwards, with or without a check.
    assert read_geometries(ds, lyr).count == N_POLYS
    assert read_features(ds, lyr, cancelled=lambda: False).geoms.count == N_POLYS


def test_an_interrupt_from_another_thread_stops_the_running_query(ds):
    # A slow class expression keeps SQLite busy; the cancelling thread calls the connection's
    # interrupt() that the read registered (no progress handler: cancelled is not given).
    slow = ClassExpr("CASE WHEN length(hex(randomblob(3000))) > 0 THEN ? END", ("!",))
    registered, started = [], threading.Event()

    def on_cancel(fn):
        registered.append(fn)
        started.set()
        return lambda: registered.remove(fn)

    def cancel_soon():
        started.wait(10)
        time.sleep(0.05)
        for fn in list(registered):
            fn()

    t = threading.Thread(target=cancel_soon)
    t.start()
    t0 = time.perf_counter()
    with pytest.raises(ReadCancelled):
        read_features(ds, ds.layer("pts"), cls=slow, threads=1, on_cancel=on_cancel)
    t.join()
    assert registered == []  # unregistered when the query ended
    uninterrupted = time.perf_counter()
    assert read_features(ds, ds.layer("pts"), cls=slow, threads=1).geoms.count == N_PTS  # usable, and slow
    assert time.perf_counter() - uninterrupted > uninterrupted - t0  # so it was stopped midway


def test_compact_coordinates_stay_within_the_stated_error_at_utm_coordinates(ds, shapes):
    # float32 offsets from the layer's centre: the error is at most |offset| * 2**-24, here under 2 mm.
    lyr = ds.layer("pts")
    ext = ds.extent(lyr)
    origin = compact_origin(ext, tolerance=0.01)
    assert origin is not None
    bound = max_error(ext, origin)
    assert bound <= 25_000 * FLOAT32_REL_ERROR < 0.0015
    data = read_features(ds, lyr, origin=origin)
    assert data.geoms.xy.dtype == np.float32 and data.geoms.origin == origin
    exact = shapely.get_coordinates(shapes["pts"][0])
    err = np.abs(data.geoms.world().xy - exact).max()
    assert 0 < err <= bound  # the 1/3 m fractions are not float32 numbers: some error, within the bound
    # The same with polygons (their feature boxes move with them).
    polys = read_features(ds, ds.layer("polys"), origin=origin).geoms
    full = read_geometries(ds, ds.layer("polys"))
    assert np.abs(polys.world().xy - full.xy).max() <= bound
    np.testing.assert_allclose(polys.world().boxes, full.boxes, atol=1e-9, rtol=0)


def test_float64_is_kept_where_float32_would_be_too_coarse():
    # A layer 2,000 km across: a float32 offset of 1,000 km rounds by 3 cm, over a 1 cm tolerance.
    assert compact_origin((0.0, 0.0, 2_000_000.0, 10.0), tolerance=0.01) is None
    assert compact_origin((0.0, 0.0, 200_000.0, 10.0), tolerance=0.01) == (100_000.0, 5.0)
    # Degrees (1e-7 is about 1 cm): a city 1 degree across compacts, a country 10 degrees across does not.
    assert compact_origin((100.0, 10.0, 101.0, 11.0), tolerance=1e-7) == (100.5, 10.5)
    assert compact_origin((100.0, 10.0, 110.0, 20.0), tolerance=1e-7) is None


def test_subset_keeps_whole_features_in_order(ds):
    polys = read_geometries(ds, ds.layer("polys"))
    keep = np.zeros(polys.count, bool)
    keep[[2, 5, 6]] = True
    sub = subset(compact(polys, (X0, Y0)), keep)
    assert sub.count == 3 and sub.path_feature.tolist() == [0, 1, 2]
    for k, f in enumerate([2, 5, 6]):
        np.testing.assert_allclose(sub.world().xy[sub.offsets[k]:sub.offsets[k + 1]],
                                   polys.xy[polys.offsets[f]:polys.offsets[f + 1]], atol=0.002)


def test_compact_coordinates_of_the_demo_city_are_within_a_millimetre(workspace):
    # The demo city (UTM 48N, about 31 x 24 km): every vector layer kept as float32 offsets from
    # the centre of all layers' extent is within 1 mm of its float64 coordinates.
    with DataSource(workspace) as source:
        layers = [lyr for lyr in source.layers if source.feature_count(lyr)]
        exts = np.array([source.extent(lyr) for lyr in layers])
        ext = (exts[:, 0].min(), exts[:, 1].min(), exts[:, 2].max(), exts[:, 3].max())
        origin = compact_origin(ext, tolerance=0.01)
        assert max_error(ext, origin) < 0.001
        worst = 0.0
        for lyr in layers:
            exact = read_geometries(source, lyr)
            kept = read_features(source, lyr, origin=origin).geoms
            assert kept.xy.dtype == np.float32 and kept.count == exact.count
            if len(exact.xy):
                worst = max(worst, float(np.abs(kept.world().xy - exact.xy).max()))
        assert 0 < worst <= max_error(ext, origin)

"""The drawing path (issue 18): grid culling, numpy against QPainter, draw order, antialiasing, raster reuse."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gisdesk.core.layers import RasterLayer, VectorLayer
from gisdesk.core.style import RasterStyle, Symbol, VectorStyle
from gisdesk.render import vector
from gisdesk.render._grid import FeatureGrid
from gisdesk.render.renderer import Renderer
from gisdesk.render.view import MapView
from gisdesk.store.connection import connect
from gisdesk.store.geoblob import Geometries
from tests.render.test_render import VIEW, make_db, pixels

CRS = "EPSG:32648"


# -- grid culling ------------------------------------------------------------------------------

def _random_boxes(rng, n: int) -> np.ndarray:
    xy = rng.uniform(0, 10_000, size=(n, 2))
    size = rng.exponential(40, size=(n, 2))
    size[: n // 50] *= 40  # a few big features, bigger than any grid cell
    size[n // 50: n // 10] = 0  # and points
    boxes = np.column_stack([xy, xy + size])
    boxes[-3:] = np.nan  # empty features
    return boxes


def test_grid_query_returns_exactly_the_features_whose_box_meets_the_view():
    rng = np.random.default_rng(18)
    boxes = _random_boxes(rng, 20_000)
    ok = np.isfinite(boxes).all(axis=1)
    geoms = np.full(len(boxes), None, object)
    geoms[ok] = shapely.box(*boxes[ok].T)  # zero-size boxes become points or segments
    geoms[ok] = np.where((boxes[ok, 2] == boxes[ok, 0]) & (boxes[ok, 3] == boxes[ok, 1]),
                         shapely.points(boxes[ok, :2]), geoms[ok])
    tree = shapely.STRtree(geoms[ok])
    grid = FeatureGrid(boxes)
    for q in [(5000, 5000, 5100, 5060), (0, 0, 10, 10), (-500, -500, 20_000, 20_000), (9990, 3000, 12000, 3400),
              (-100, -100, -50, -50), (2000.0, 7000.0, 2000.0, 7000.0)] + \
            [tuple(np.r_[c, c + rng.uniform(1, 3000, 2)]) for c in rng.uniform(-500, 10_000, size=(30, 2))]:
        expected = np.sort(np.flatnonzero(ok)[tree.query(shapely.box(*q), predicate="intersects")])
        assert np.array_equal(grid.query(q), expected), q


def _points(xy: np.ndarray) -> Geometries:
    n = len(xy)
    return Geometries("point", xy, np.arange(n + 1), np.arange(n), np.ones(n, bool), n)


def test_a_zoomed_view_culls_points_to_those_near_it():
    rng = np.random.default_rng(5)
    xy = rng.uniform(0, 100_000, size=(200_000, 2))
    view = MapView.fit((50_000, 50_000, 51_000, 50_600), 1000, 600, CRS)  # 1 m per pixel
    near = vector.cull(_points(xy), view, reach=10)
    margin = 10.0  # 10 pixels of 1 m
    inside = ((xy[:, 0] >= view.minx - margin) & (xy[:, 0] <= view.maxx + margin)
              & (xy[:, 1] >= view.miny - margin) & (xy[:, 1] <= view.maxy + margin))
    assert near is not None and np.array_equal(near.path_feature, np.flatnonzero(inside))
    assert np.array_equal(near.xy, xy[inside])
    assert vector.cull(_points(xy), MapView.fit((0, 0, 100_000, 100_000), 500, 500, CRS)) is None  # whole layer


def test_culled_polygons_keep_their_holes_and_numbers():
    polys = [shapely.box(0, 0, 10, 10), shapely.Polygon(shapely.box(100, 0, 200, 100).exterior.coords,
                                                        [shapely.box(120, 20, 180, 80).exterior.coords]),
             shapely.box(1000, 1000, 1010, 1010)]
    # built by hand: rings of feature 1 are its exterior and its hole
    rings = [np.asarray(p.exterior.coords) for p in polys[:1]] + [np.asarray(polys[1].exterior.coords),
                                                                 np.asarray(polys[1].interiors[0].coords)] + \
        [np.asarray(polys[2].exterior.coords)]
    offsets = np.r_[0, np.cumsum([len(r) for r in rings])]
    g = Geometries("polygon", np.concatenate(rings), offsets, np.array([0, 1, 1, 2]),
                   np.array([True, True, False, True]), 3)
    view = MapView.fit((90, -10, 210, 110), 120, 120, CRS)
    near = vector.cull(g, view)
    assert near is not None and list(near.path_feature) == [1, 1] and list(near.exterior) == [True, False]
    assert np.array_equal(near.xy, np.concatenate(rings[1:3]))


# -- numpy path against QPainter ---------------------------------------------------------------

@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_db(tmp_path_factory.mktemp("quality") / "q.sqlite")


def _render(layers, view, monkeypatch, numpy: bool, background="#ffffff"):
    monkeypatch.setattr(vector, "QT_MAX_PATHS", -1 if numpy else 10**9)
    monkeypatch.setattr(vector, "QT_MAX_VERTICES", -1 if numpy else 10**9)
    r = Renderer(background=background)
    try:
        return pixels(r.render(layers, view, labels=False).image).astype(int)
    finally:
        r.close()


def test_the_numpy_path_draws_what_qpainter_draws(db, qapp, monkeypatch):
    layers = [VectorLayer(db, "zones", VectorStyle(symbol=Symbol(fill="#e6550d", stroke="#08306b", stroke_width=2,
                                                                 fill_opacity=0.7))),
              VectorLayer(db, "roads", VectorStyle(symbol=Symbol(fill="", stroke="#238b45", stroke_width=3))),
              VectorLayer(db, "pts", VectorStyle(symbol=Symbol(fill="#ffff00", stroke="#000000", size=14,
                                                               stroke_width=2)))]
    qt = _render(layers, VIEW, monkeypatch, numpy=False)
    np_ = _render(layers, VIEW, monkeypatch, numpy=True)
    diff = np.abs(qt - np_)[:, :, :3].max(axis=2)
    drawn = (qt[:, :, :3] != 255).any(axis=2) | (np_[:, :, :3] != 255).any(axis=2)
    assert drawn.mean() > 0.2  # the squares, the road and the marker cover a fifth of the image
    # the same picture: edges may differ by antialiasing and a fraction of a pixel, nothing else
    assert diff.mean() < 2.0
    assert (diff > 100).mean() < 0.003
    assert (diff > 100).sum() <= 0.5 * (diff > 20).sum() + 40  # no big difference away from edges


# -- draw order ---------------------------------------------------------------------------------

def _circles_db(path, centres):
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("CREATE TABLE dots (fid INTEGER PRIMARY KEY)")
    conn.execute(f"SELECT AddGeometryColumn('dots', 'geom', 32648, 'POINT', 'XY')")
    conn.executemany("INSERT INTO dots (fid, geom) VALUES (?, MakePoint(?, ?, 32648))",
                     [(i + 1, x, y) for i, (x, y) in enumerate(centres)])
    conn.close()
    return path


@pytest.mark.parametrize("way", ["numpy-sparse", "numpy-dense", "qpainter"])
def test_the_top_circle_outline_crosses_the_bottom_circle(tmp_path, qapp, monkeypatch, way):
    # 1 m per pixel; the map point (x, y) is at pixel (x, 200 - y); pixel centres at .5
    view = MapView.fit((0, 0, 200, 200), 200, 200, CRS)
    path = _circles_db(tmp_path / "c.sqlite", [(80.5, 100.5), (105.5, 100.5)])  # bottom A, then top B
    style = VectorStyle(symbol=Symbol(fill="#ff0000", stroke="#0000ff", size=40, stroke_width=3))
    from gisdesk.render import _draw_np

    monkeypatch.setattr(_draw_np, "SPARSE_SHARE", 0.0 if way == "numpy-dense" else 1.0)
    img = _render([VectorLayer(path, "dots", style)], view, monkeypatch, numpy=way != "qpainter")
    red, blue, white = (255, 0, 0), (0, 0, 255), (255, 255, 255)

    def at(x, y):
        return tuple(img[199 - y, x, :3])  # pixel of map cell (x, y)

    # B's outline (radius 20 around x = 105.5) at its left end x = 85.5 lies inside A: drawn over A's fill
    assert at(85, 100) == blue
    # A's outline at its right end x = 100.5 lies inside B: covered by B's fill
    assert at(100, 100) == red
    assert at(120, 100) == red and at(70, 100) == red  # fills away from the outlines
    assert at(60, 100) == blue and at(125, 100) == blue  # the outer outlines
    assert at(20, 100) == white and at(180, 100) == white
    # B's outline is drawn all around, also where it crosses A (above and below the centre line)
    ys = [y for y in range(80, 121) if at(86, y) == blue or at(87, y) == blue]
    assert len(ys) >= 12


def test_a_polygon_fill_covers_the_outline_of_the_polygon_below(tmp_path, qapp, monkeypatch):
    path = tmp_path / "p.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("CREATE TABLE sq (fid INTEGER PRIMARY KEY)")
    conn.execute("SELECT AddGeometryColumn('sq', 'geom', 32648, 'POLYGON', 'XY')")
    conn.executemany("INSERT INTO sq (fid, geom) VALUES (?, GeomFromWKB(?, 32648))",
                     [(1, shapely.to_wkb(shapely.box(20, 20, 120, 120))), (2, shapely.to_wkb(shapely.box(80, 80, 180, 180)))])
    conn.close()
    view = MapView.fit((0, 0, 200, 200), 200, 200, CRS)
    style = VectorStyle(symbol=Symbol(fill="#ff0000", stroke="#0000ff", stroke_width=2))
    img = _render([VectorLayer(path, "sq", style)], view, monkeypatch, numpy=True)
    at = lambda x, y: tuple(img[199 - y, x, :3])  # noqa: E731
    assert at(119, 100) == (255, 0, 0)  # the first square's right edge, under the second square: hidden
    assert at(100, 80) == (0, 0, 255)  # the second square's bottom edge over the first square: shown
    assert at(119, 50) == (0, 0, 255)  # the first square's edge outside the second


# -- antialiasing -------------------------------------------------------------------------------

def test_antialiased_edges_have_intermediate_alpha(tmp_path, qapp, monkeypatch):
    path = tmp_path / "aa.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("CREATE TABLE ln (fid INTEGER PRIMARY KEY)")
    conn.execute("SELECT AddGeometryColumn('ln', 'geom', 32648, 'LINESTRING', 'XY')")
    conn.execute("INSERT INTO ln (fid, geom) VALUES (1, GeomFromText('LINESTRING(10 10, 190 130)', 32648))")
    conn.execute("CREATE TABLE tri (fid INTEGER PRIMARY KEY)")
    conn.execute("SELECT AddGeometryColumn('tri', 'geom', 32648, 'POLYGON', 'XY')")
    conn.execute("INSERT INTO tri (fid, geom) VALUES (1, GeomFromText('POLYGON((20 150, 180 190, 60 195, 20 150))', 32648))")
    conn.close()
    view = MapView.fit((0, 0, 200, 200), 200, 200, CRS)
    line = VectorLayer(path, "ln", VectorStyle(symbol=Symbol(fill="", stroke="#000000", stroke_width=2)))
    tri = VectorLayer(path, "tri", VectorStyle(symbol=Symbol(fill="#000000", stroke="", stroke_width=0)))
    for layer in (line, tri):
        alpha = _render([layer], view, monkeypatch, numpy=True, background="")[:, :, 3]
        partial = (alpha > 10) & (alpha < 245)
        assert partial.sum() > 60, layer.name  # the slanted edges are smoothed, pixel by pixel
        assert (alpha == 255).sum() > 100 and (alpha == 0).sum() > 20_000
    # a one-pixel line cut by the image's edges: smooth inside, nothing wraps to the other side
    thin = VectorLayer(path, "ln", VectorStyle(symbol=Symbol(fill="", stroke="#000000", stroke_width=1)))
    cut = MapView.fit((60, 20, 160, 120), 100, 100, CRS)
    alpha = _render([thin], cut, monkeypatch, numpy=True, background="")[:, :, 3]
    assert ((alpha > 10) & (alpha < 245)).sum() > 40
    # it enters on the left at y = 43 and leaves on the right at y = 110 (row 10): the top rows stay empty
    assert alpha[:, 0].max() > 0 and alpha[:8, :].max() == 0 and alpha[9:12, -1].max() > 0
    # a two-pixel line carries two pixels of ink across it, whatever its slope
    alpha = _render([line], view, monkeypatch, numpy=True, background="")[:, :, 3] / 255
    column = alpha[:, 100]  # x = 100.5: the line crosses it once
    assert column.sum() == pytest.approx(2 * np.hypot(180, 120) / 180, rel=0.1)


def test_a_big_zoomed_layer_takes_the_numpy_path(tmp_path, qapp, monkeypatch):
    rng = np.random.default_rng(2)
    xy = rng.uniform(0, 10_000, size=(50_000, 2))
    g = _points(xy)
    view = MapView.fit((0, 0, 1000, 600), 1000, 600, CRS)  # about 3,000 points in view
    monkeypatch.setattr(vector, "_draw_qt", lambda *a: pytest.fail("per-feature QPainter drawing"))
    img = vector.draw_layer(view, g, None, [Symbol(size=5)])
    assert img.width() == 1000


# -- rasters ------------------------------------------------------------------------------------

def _tif(path, value: float):
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.transform import from_origin

    data = np.full((1024, 1024), value, np.float32)
    data[:, :100] = -9999
    with rasterio.open(path, "w", driver="GTiff", width=1024, height=1024, count=1, dtype="float32", crs=CRS,
                       transform=from_origin(760000, 1813000, 4, 4), nodata=-9999, tiled=True,
                       blockxsize=256, blockysize=256) as dst:
        dst.write(data, 1)
        dst.build_overviews([2, 4, 8], Resampling.average)
    return path


def test_a_raster_repeat_render_reuses_the_open_dataset_and_decoded_blocks(tmp_path, qapp, monkeypatch):
    import rasterio
    from rasterio.io import DatasetReader

    from gisdesk.render import raster

    raster.clear_cache()
    opens, reads = [], []
    real_open, real_read = rasterio.open, DatasetReader.read
    monkeypatch.setattr(rasterio, "open", lambda *a, **k: opens.append(a) or real_open(*a, **k))
    monkeypatch.setattr(DatasetReader, "read", lambda self, *a, **k: reads.append(1) or real_read(self, *a, **k))
    tif = _tif(tmp_path / "d.tif", 3.0)
    layer = RasterLayer(tif, RasterStyle(stops=[(0.0, "#ffffff"), (3.0, "#0000ff")]))
    view = MapView.fit((760000, 1809000, 764000, 1813000), 250, 250, CRS)  # 16 m per pixel: overview 4
    r = Renderer(background="")
    first = pixels(r.render([layer], view, use_image_cache=False).image)
    n_open, n_read = len(opens), len(reads)
    assert n_open >= 1 and n_read >= 1
    again = pixels(r.render([layer], view, use_image_cache=False).image)
    assert (len(opens), len(reads)) == (n_open, n_read)  # nothing opened or decoded again
    assert np.array_equal(first, again)
    assert tuple(first[125, 200]) == (0, 0, 255, 255) and first[125, 10, 3] == 0  # deep; nodata transparent
    # a file written anew is opened anew and shows its new values
    _tif(tif, 0.0)
    import os

    os.utime(tif, ns=(os.stat(tif).st_mtime_ns + 10**9,) * 2)
    changed = pixels(r.render([layer], view, use_image_cache=False).image)
    assert len(opens) > n_open and tuple(changed[125, 200]) == (255, 255, 255, 255)
    r.close()
    raster.clear_cache()


def test_strokes_drawn_in_chunks_draw_what_one_pass_draws(tmp_path, qapp, monkeypatch):
    from gisdesk.render import _draw_np

    path = tmp_path / "walk.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("CREATE TABLE walk (fid INTEGER PRIMARY KEY, kind TEXT)")
    conn.execute("SELECT AddGeometryColumn('walk', 'geom', 32648, 'LINESTRING', 'XY')")
    rng = np.random.default_rng(4)
    lines = [shapely.LineString(np.cumsum(rng.normal(0, 8, (30, 2)), axis=0) + rng.uniform(0, 200, 2)) for _ in range(400)]
    conn.executemany("INSERT INTO walk (kind, geom) VALUES (?, GeomFromWKB(?, 32648))",
                     [("ab"[i % 2], shapely.to_wkb(g)) for i, g in enumerate(lines)])
    conn.close()
    from gisdesk.core.style import categorized

    style = categorized("kind", ["a", "b"], Symbol(fill="", stroke_width=1.5), ["#d7301f", "#2b8cbe"])
    view = MapView.fit((0, 0, 200, 200), 200, 200, CRS)
    images = []
    for chunk in (10**9, 500):
        monkeypatch.setattr(_draw_np, "CHUNK_VERTICES", chunk)
        images.append(_render([VectorLayer(path, "walk", style)], view, monkeypatch, numpy=True))
    assert (images[0][:, :, :3] != 255).any(axis=2).mean() > 0.2
    assert np.abs(images[0] - images[1]).max() <= 1  # sums of the same coverages in another order


# -- compact coordinates all the way through drawing (issue 18, memory) ----------------------------

@pytest.mark.parametrize("w, h", [(300, 200), (120, 80)])  # fewer / more markers than pixels: both lookups
def test_markers_from_float32_offsets_in_chunks_draw_what_float64_pixels_draw(monkeypatch, w, h):
    """The memory-saving marker path (float32 offsets, a frame, small chunks) against the plain one."""
    from gisdesk.render import _aa, _draw_np

    rng = np.random.default_rng(7)
    view = MapView.fit((500_000.0, 1_800_000.0, 500_300.0, 1_800_200.0), w, h, CRS)  # 1 or 2.5 m per pixel
    world = np.column_stack([rng.uniform(499_990, 500_310, 40_000), rng.uniform(1_799_990, 1_800_210, 40_000)])
    world[::997] = [[501_000.0, 1_800_100.0]]  # far right of the view: never drawn
    origin = (500_150.0, 1_800_100.0)
    offsets = (world - origin).astype(np.float32)
    codes = (np.arange(len(world)) % 3).astype(np.uint8)  # class 3 (index 2) is not drawn
    codes = np.where(codes == 2, 0, codes + 1).astype(np.uint8)
    symbols = [Symbol(fill="#ff0000", stroke="#000000", size=7, stroke_width=1),
               Symbol(fill="#00ff00", stroke="#0000ff", size=9, stroke_width=2, shape="square")]
    monkeypatch.setattr(_draw_np, "SPARSE_SHARE", 0.0)  # the dense path
    plain = _draw_np.draw_markers(view.to_pixels(world), codes, symbols, w, h)
    monkeypatch.setattr(_draw_np, "CHUNK_POINTS", 4096)
    monkeypatch.setattr(_aa, "BAND_ROWS", 17)
    frame = (view.minx - origin[0], view.maxy - origin[1], view.resolution)
    compact = _draw_np.draw_markers(offsets, codes, symbols, w, h, frame)
    assert (plain >> 24 > 0).mean() > 0.9  # the markers cover the image
    assert (len(world) <= w * h) == (w == 300)  # per-marker starts (300 x 200) / winners looked up (120 x 80)
    # a float32 offset is within 1 mm of the point: a centre on a pixel edge may move one pixel
    differ = plain != compact
    assert differ.mean() < 0.0005  # (measured: none differ)
    # and the sparse path (few markers) too
    monkeypatch.setattr(_draw_np, "SPARSE_SHARE", 1e9)
    few = slice(0, 300)
    assert (_draw_np.draw_markers(view.to_pixels(world[few]), codes[few], symbols, w, h)
            != _draw_np.draw_markers(offsets[few], codes[few], symbols, w, h, frame)).mean() < 0.002


def test_the_topmost_marker_wins_across_chunks(monkeypatch):
    """Draw order holds across chunk and band borders: the later of two markers on one spot shows."""
    from gisdesk.render import _aa, _draw_np

    monkeypatch.setattr(_draw_np, "SPARSE_SHARE", 0.0)
    monkeypatch.setattr(_draw_np, "CHUNK_POINTS", 2)
    monkeypatch.setattr(_aa, "BAND_ROWS", 3)
    px = np.array([[10.5, 10.5], [30.5, 10.5], [10.5, 10.5], [30.5, 10.5], [50.5, 10.5]])  # 3 over 1, 4 over 2
    codes = np.array([1, 2, 2, 1, 1], np.uint8)
    red, blue = Symbol(fill="#ff0000", stroke="", size=6), Symbol(fill="#0000ff", stroke="", size=6)
    img = _draw_np.draw_markers(px, codes, [red, blue], 64, 21).reshape(21, 64)
    assert img[10, 10] == 0xFF0000FF  # marker 3 (blue) over marker 1 (red)
    assert img[10, 30] == 0xFFFF0000  # marker 4 (red) over marker 2 (blue)
    assert img[10, 50] == 0xFFFF0000 and img[10, 40] == 0 and img[0, 10] == 0


def test_extent_of_coordinates_ignores_empty_rows():
    from gisdesk.store.coords import finite_bounds

    xy = np.array([[3.0, -1.0], [np.nan, np.nan], [-2.0, 5.0], [np.inf, 0.0]], np.float32)
    assert finite_bounds(xy) == (-2.0, -1.0, 3.0, 5.0)
    assert finite_bounds(xy[:2]) == (3.0, -1.0, 3.0, -1.0)
    assert finite_bounds(xy[1:2]) is None and finite_bounds(np.empty((0, 2))) is None


def test_thin_line_coverage_by_hand():
    """Wu-style coverage of lines at most a pixel wide (pixel centres at i + 0.5), written from the rule."""
    from gisdesk.render import _aa

    def image(xy, half, w=16, h=16):
        xy = np.asarray(xy, np.float64)
        pix, cov, tag = _aa.stroke_samples(xy, np.array([0, len(xy)]), np.array([1]), np.array([half], np.float32),
                                           w, h, tiny=np.zeros(1, bool))
        assert (tag == 1).all()
        return np.bincount(pix, weights=cov, minlength=w * h).reshape(h, w)

    on_centre = image([(2.0, 10.5), (12.0, 10.5)], 0.5)  # samples at x = 2.5 .. 11.5, on row 10's centre
    assert np.allclose(on_centre[10, 2:12], 1) and on_centre.sum() == pytest.approx(10)
    between = image([(2.0, 10.0), (12.0, 10.0)], 0.5)  # between rows 9 and 10: half each
    assert np.allclose(between[9, 2:12], 0.5) and np.allclose(between[10, 2:12], 0.5) and between.sum() == pytest.approx(10)
    upright = image([(5.25, 0.0), (5.25, 4.0)], 0.5)  # y-major: rows 0..3, a quarter left of column 5's centre
    assert np.allclose(upright[0:4, 4], 0.25) and np.allclose(upright[0:4, 5], 0.75) and upright.sum() == pytest.approx(4)
    narrow = image([(2.0, 10.5), (12.0, 10.5)], 0.25)  # half a pixel wide: half the ink
    assert np.allclose(narrow[10, 2:12], 0.5) and narrow.sum() == pytest.approx(5)
    diagonal = image([(0.0, 0.0), (8.0, 8.0)], 0.5)  # 45 degrees: a pixel's ink per column, on the diagonal
    assert np.allclose(np.diag(diagonal)[:8], 1) and diagonal.sum() == pytest.approx(8)
    edge = image([(2.0, 0.0), (12.0, 0.0)], 0.5)  # on the image's top edge: the ink above it is lost
    assert np.allclose(edge[0, 2:12], 0.5) and edge.sum() == pytest.approx(5)

"""Rendering: the pixels a user sees for each style, CRS and layer kind."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import shapely

from gisdesk.core.layers import RasterLayer, VectorLayer
from gisdesk.core.style import RasterStyle, Symbol, VectorStyle, categorized, graduated
from gisdesk.render.renderer import CancelToken, RenderCancelled, Renderer
from gisdesk.render.view import MapView
from gisdesk.store.connection import connect

W, H = 400, 300
BBOX = (0.0, 0.0, 4000.0, 3000.0)  # 10 m per pixel in EPSG:32648 around the origin of a made-up grid


def pixels(img) -> np.ndarray:
    """(H, W, 4) RGBA array of a QImage."""
    from PySide6.QtGui import QImage

    img = img.convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())
    return arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4).copy()


def rgb_at(img, x: int, y: int) -> tuple[int, int, int]:
    p = pixels(img)[y, x]
    return int(p[0]), int(p[1]), int(p[2])


def close(c1, c2, tol=6) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(c1, c2))


def make_db(path, srid=32648, offset=(760000.0, 1810000.0), many_points: int = 0):
    """Polygons, lines and points at known places (map coordinates = offset + local)."""
    ox, oy = offset
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("BEGIN")
    conn.execute("CREATE TABLE zones (fid INTEGER PRIMARY KEY, kind TEXT, value REAL)")
    conn.execute(f"SELECT AddGeometryColumn('zones', 'geom', {srid}, 'POLYGON', 'XY')")
    # three squares: left kind a / value 5, middle kind b / value 50, right (with a hole) kind c / value 500
    sq = [(0, "a", 5.0, shapely.box(ox + 200, oy + 1000, ox + 1200, oy + 2000)),
          (1, "b", 50.0, shapely.box(ox + 1500, oy + 1000, ox + 2500, oy + 2000)),
          (2, "c", 500.0, shapely.Polygon(shapely.box(ox + 2800, oy + 1000, ox + 3800, oy + 2000).exterior.coords,
                                          [shapely.box(ox + 3100, oy + 1300, ox + 3500, oy + 1700).exterior.coords]))]
    conn.executemany(f"INSERT INTO zones VALUES (?, ?, ?, GeomFromWKB(?, {srid}))",
                     [(i + 1, k, v, shapely.to_wkb(g)) for i, k, v, g in sq])
    conn.execute("CREATE TABLE roads (fid INTEGER PRIMARY KEY, name TEXT)")
    conn.execute(f"SELECT AddGeometryColumn('roads', 'geom', {srid}, 'LINESTRING', 'XY')")
    conn.execute(f"INSERT INTO roads VALUES (1, 'Lê Lợi', GeomFromText('LINESTRING({ox + 0} {oy + 500}, {ox + 4000} {oy + 500})', {srid}))")
    conn.execute("CREATE TABLE pts (fid INTEGER PRIMARY KEY, kind TEXT)")
    conn.execute(f"SELECT AddGeometryColumn('pts', 'geom', {srid}, 'POINT', 'XY')")
    conn.execute(f"INSERT INTO pts VALUES (1, 'x', MakePoint({ox + 2000}, {oy + 2600}, {srid}))")
    if many_points:
        rng = np.random.default_rng(1)
        xy = rng.uniform([ox, oy], [ox + 4000, oy + 800], size=(many_points, 2))
        conn.executemany(f"INSERT INTO pts (kind, geom) VALUES ('m', MakePoint(?, ?, {srid}))", xy.tolist())
    for t in ("zones", "roads", "pts"):
        conn.execute(f"SELECT CreateSpatialIndex('{t}', 'geom')")
    conn.execute("COMMIT")
    conn.close()
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_db(tmp_path_factory.mktemp("render") / "r.sqlite")


@pytest.fixture(params=["qpainter", "numpy"])
def renderer(request, qapp, monkeypatch):
    """Both drawing paths: QPainter (small layers) and the numpy rasterisers (big layers)."""
    if request.param == "numpy":
        from gisdesk.render import vector

        monkeypatch.setattr(vector, "QT_MAX_PATHS", -1)
    r = Renderer(background="#ffffff")
    yield r
    r.close()


VIEW = MapView.fit((760000.0, 1810000.0, 764000.0, 1813000.0), W, H, "EPSG:32648")


def px_of(x_local: float, y_local: float) -> tuple[int, int]:
    return int(x_local / 10), int(H - y_local / 10)


def test_single_symbol_polygon_fill_outline_and_hole(db, renderer):
    style = VectorStyle(symbol=Symbol(fill="#ff0000", stroke="#0000ff", stroke_width=1))
    img = renderer.render([VectorLayer(db, "zones", style)], VIEW).image
    assert close(rgb_at(img, *px_of(700, 1500)), (255, 0, 0))         # inside the left square
    assert close(rgb_at(img, *px_of(3300, 1500)), (255, 255, 255))    # inside the hole: background
    assert close(rgb_at(img, *px_of(1350, 1500)), (255, 255, 255))    # between squares
    y = px_of(0, 1500)[1]
    edge = [rgb_at(img, x, y) for x in (19, 20, 21)]                  # left edge of the left square (x = 20)
    assert any(b >= 120 and r < 200 for r, g, b in edge), edge        # the blue outline shows


def test_categorized_and_graduated_colours(db, renderer):
    cat = categorized("kind", ["a", "b"], Symbol(stroke="", stroke_width=0), ["#00ff00", "#ff00ff"])
    cat.other = Symbol(fill="#000000", stroke="", stroke_width=0)
    img = renderer.render([VectorLayer(db, "zones", cat)], VIEW).image
    assert close(rgb_at(img, *px_of(700, 1500)), (0, 255, 0))
    assert close(rgb_at(img, *px_of(2000, 1500)), (255, 0, 255))
    assert close(rgb_at(img, *px_of(3000, 1500)), (0, 0, 0))          # 'c' falls to "other"
    grad = graduated("value", [0, 10, 100, 1000], ["#111111", "#777777", "#eeeeee"], Symbol(stroke="", stroke_width=0))
    img = renderer.render([VectorLayer(db, "zones", grad)], VIEW).image
    assert close(rgb_at(img, *px_of(700, 1500)), (0x11, 0x11, 0x11))
    assert close(rgb_at(img, *px_of(2000, 1500)), (0x77, 0x77, 0x77))
    assert close(rgb_at(img, *px_of(3000, 1500)), (0xEE, 0xEE, 0xEE))


def test_category_values_are_bound_not_pasted(db, renderer):
    hostile = "a' OR 1=1 --"
    style = categorized("kind", [hostile], Symbol(stroke="", stroke_width=0), ["#00ff00"])
    style.other = None  # unmatched features are not drawn
    img = renderer.render([VectorLayer(db, "zones", style)], VIEW).image
    assert close(rgb_at(img, *px_of(700, 1500)), (255, 255, 255))


def test_line_width_and_colour(db, renderer):
    thin = VectorStyle(symbol=Symbol(fill="", stroke="#00aa00", stroke_width=1))
    wide = VectorStyle(symbol=Symbol(fill="", stroke="#00aa00", stroke_width=7))
    x, y = px_of(2000, 500)
    img_thin = renderer.render([VectorLayer(db, "roads", thin)], VIEW).image
    img_wide = renderer.render([VectorLayer(db, "roads", wide)], VIEW).image
    col_thin = pixels(img_thin)[:, x, :3]
    col_wide = pixels(img_wide)[:, x, :3]
    green = lambda col: int((col[:, 1].astype(int) - col[:, 0] > 30).sum())  # noqa: E731  (rows tinted green)
    assert 1 <= green(col_thin) <= 2
    assert 6 <= green(col_wide) <= 9
    assert any(close(rgb_at(img_wide, x, yy), (0, 0xAA, 0)) for yy in (y - 1, y, y + 1))


@pytest.mark.parametrize("shape", ["circle", "square", "triangle", "diamond", "cross"])
def test_point_marker_shapes_and_size(db, renderer, shape):
    style = VectorStyle(symbol=Symbol(fill="#ff8800", stroke="#000000", stroke_width=1, size=12, shape=shape))
    img = renderer.render([VectorLayer(db, "pts", style)], VIEW).image
    arr = pixels(img)
    x, y = px_of(2000, 2600)
    box = arr[y - 10:y + 11, x - 10:x + 11, :3]
    painted = (box != 255).any(axis=2)
    assert painted.sum() >= 20                      # a visible marker ...
    assert not painted[0, :].any() and not painted[-1, :].any()   # ... no bigger than its size
    if shape == "square":
        assert painted.sum() >= 0.8 * 12 * 12


def test_layer_opacity_blends_with_background(db, renderer):
    style = VectorStyle(symbol=Symbol(fill="#000000", stroke="", stroke_width=0), opacity=0.5)
    img = renderer.render([VectorLayer(db, "zones", style)], VIEW).image
    r, g, b = rgb_at(img, *px_of(700, 1500))
    assert 110 <= r <= 145 and r == g == b


def test_reprojection_from_wgs84(tmp_path, renderer):
    """A layer stored in EPSG:4326 lands at the same pixels as its UTM twin."""
    from pyproj import Transformer

    utm = make_db(tmp_path / "utm.sqlite")
    t = Transformer.from_crs(32648, 4326, always_xy=True)
    ox, oy = t.transform(760000.0, 1810000.0)
    path = tmp_path / "wgs.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("CREATE TABLE zones (fid INTEGER PRIMARY KEY, kind TEXT, value REAL)")
    conn.execute("SELECT AddGeometryColumn('zones', 'geom', 4326, 'POLYGON', 'XY')")
    conn.execute("INSERT INTO zones SELECT fid, kind, value, Transform(geom, 4326) FROM (SELECT 1 AS fid, 'a' AS kind, 5 AS value, "
                 "GeomFromText('POLYGON((760200 1811000, 761200 1811000, 761200 1812000, 760200 1812000, 760200 1811000))', 32648) AS geom)")
    conn.close()
    style = VectorStyle(symbol=Symbol(fill="#ff0000", stroke="", stroke_width=0))
    a = pixels(renderer.render([VectorLayer(utm, "zones", style)], VIEW).image)[:, :, 0] < 128
    b_img = renderer.render([VectorLayer(path, "zones", style)], VIEW).image
    b = pixels(b_img)[:, :, 1] < 128  # red fill: green channel low
    left_a = (pixels(renderer.render([VectorLayer(utm, "zones", style)], VIEW).image)[:, :, 1] < 128)
    inter = (left_a & b).sum()
    assert b.sum() > 8000 and inter / b.sum() > 0.95
    assert ox and oy and a.shape == b.shape


def test_raster_colour_ramp_and_nodata(tmp_path, renderer):
    import rasterio
    from rasterio.transform import from_origin

    tif = tmp_path / "depth.tif"
    data = np.full((300, 400), -9999, np.float32)
    data[:, 200:] = 3.0  # right half deep, left half nodata
    with rasterio.open(tif, "w", driver="GTiff", width=400, height=300, count=1, dtype="float32", crs="EPSG:32648",
                       transform=from_origin(760000, 1813000, 10, 10), nodata=-9999) as dst:
        dst.write(data, 1)
    style = RasterStyle(stops=[(0.0, "#ffffff"), (3.0, "#0000ff")])
    r = Renderer(background="")
    img = r.render([RasterLayer(tif, style)], VIEW).image
    arr = pixels(img)
    assert arr[150, 100, 3] == 0                      # nodata: transparent
    assert tuple(arr[150, 300, :3]) == (0, 0, 255) and arr[150, 300, 3] == 255
    r.close()


def test_big_layer_takes_the_numpy_path_and_draws_every_point(tmp_path, renderer):
    db = make_db(tmp_path / "many.sqlite", many_points=20000)
    style = VectorStyle(symbol=Symbol(fill="#000000", stroke="", stroke_width=0, size=1, shape="square"))
    img = renderer.render([VectorLayer(db, "pts", style)], VIEW).image
    dark = pixels(img)[:, :, 0] < 128
    # 20,000 random points in the bottom 80 rows of a 400-px-wide image cover most of it.
    assert dark[H - 78:H - 2, :].mean() > 0.4
    assert not dark[: H - 100, :].any() or dark[: H - 100, :].sum() < 5  # only the single point up there


def test_cancelled_render_raises(db, renderer):
    token = CancelToken()
    token.cancel()
    with pytest.raises(RenderCancelled):
        renderer.render([VectorLayer(db, "zones")], VIEW, token)


def test_a_failing_layer_is_reported_and_others_still_drawn(db, renderer):
    bad = VectorLayer(db, "zones", categorized("no_such_field", ["x"]))
    good = VectorLayer(db, "zones", VectorStyle(symbol=Symbol(fill="#ff0000", stroke="", stroke_width=0)))
    result = renderer.render([bad, good], VIEW)
    assert result.errors and "no_such_field" in result.errors[0]
    assert close(rgb_at(result.image, *px_of(700, 1500)), (255, 0, 0))


def test_background_render_latest_request_wins(db, renderer):
    f1, t1 = renderer.submit([VectorLayer(db, "zones")], VIEW)
    f2, t2 = renderer.submit([VectorLayer(db, "roads")], VIEW)
    assert t1.cancelled
    result = f2.result(timeout=30)
    assert result.image.width() == W


def test_render_cli_prints_phase_timings_and_writes_png(db, tmp_path):
    out = tmp_path / "out.png"
    proc = subprocess.run([sys.executable, "-m", "gisdesk.cli", "render", str(db), "--layers", "zones,roads,pts",
                           "--size", "320x200", "-o", str(out), "--repeat", "2"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["repeat"] for r in rows] == [1, 2] and rows[0]["cold"] and not rows[1]["cold"]
    for r in rows:
        assert {"open", "query_decode", "draw", "total"} <= r.keys()
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert (img.width(), img.height()) == (320, 200)


def test_render_cli_loads_no_file_import_library(db, tmp_path):
    """A headless render neither imports nor exports files: pyogrio (29 MB) is not loaded, the map is drawn."""
    code = ("import sys; from gisdesk.cli import main; "
            f"rc = main(['render', {str(db)!r}, '--layers', 'zones,pts', '--size', '64x48', '-o', {str(tmp_path / 'm.png')!r}]); "
            "print('pyogrio' in sys.modules, rc)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "False 0"
    assert (tmp_path / "m.png").stat().st_size > 0


def test_render_cli_bad_arguments_exit_cleanly(db, tmp_path):
    for args in (["--layers", "nope"], ["--layers", "zones", "--size", "big"], ["--layers", "zones", "--bbox", "1,2,3"]):
        proc = subprocess.run([sys.executable, "-m", "gisdesk.cli", "render", str(db), *args, "-o", str(tmp_path / "x.png")],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr.startswith("gisdesk:")


def test_grid_culling_draws_exactly_what_the_whole_layer_draws(tmp_path, qapp, monkeypatch):
    """A zoomed view draws only the features the grid finds near it; the picture must not change."""
    from gisdesk.render import vector

    path = tmp_path / "grid.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("CREATE TABLE cells (fid INTEGER PRIMARY KEY, kind TEXT)")
    conn.execute("SELECT AddGeometryColumn('cells', 'geom', 32648, 'POLYGON', 'XY')")
    rng = np.random.default_rng(3)
    centres = rng.uniform([760000, 1810000], [764000, 1813000], size=(6000, 2))
    polys = shapely.buffer(shapely.points(centres), rng.uniform(10, 60, 6000), quad_segs=4)
    conn.executemany("INSERT INTO cells (kind, geom) VALUES (?, GeomFromWKB(?, 32648))",
                     [("abc"[i % 3], shapely.to_wkb(g)) for i, g in enumerate(polys)])
    conn.close()
    style = categorized("kind", ["a", "b", "c"], Symbol(stroke="#202020", stroke_width=1), ["#ff0000", "#00ff00", "#0000ff"])
    monkeypatch.setattr(vector, "QT_MAX_PATHS", -1)
    zoomed = MapView.fit((761000.0, 1811000.0, 762600.0, 1812200.0), W, H, "EPSG:32648")
    images = []
    for share in (-1.0, 1.0):  # never cull, always cull
        monkeypatch.setattr(vector, "CULL_SHARE", share)
        r = Renderer()
        images.append(pixels(r.render([VectorLayer(path, "cells", style)], zoomed).image))
        r.close()
    assert (images[0][:, :, :3] != 255).any(axis=2).mean() > 0.2
    assert np.array_equal(images[0], images[1])

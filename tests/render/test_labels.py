"""Labels: collision-free placement across layers, priority, scale range, placement rules, scripts, CLI."""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest
import shapely
from PySide6.QtGui import QImage, QPainter

from gisdesk.core.default_styles import demo_style
from gisdesk.core.layers import VectorLayer
from gisdesk.core.style import LabelStyle, VectorStyle
from gisdesk.render import labels as L
from gisdesk.render.renderer import Renderer, snapshot
from gisdesk.render.view import MapView
from gisdesk.store.datasource import DataSource

CRS = "EPSG:32648"
DEMO_LAYERS = ("communes", "planning_zones", "rivers", "roads", "bridges", "pumping_stations")


@pytest.fixture(scope="module")
def demo(gisdesk_demo_master, qapp):
    db = gisdesk_demo_master
    with DataSource(db) as ds:
        layers = [VectorLayer(db, n, demo_style(n, ds.layer(n).kind)) for n in DEMO_LAYERS]
    renderer = Renderer()
    ext = renderer.full_extent(layers, CRS)
    yield db, layers, renderer, ext
    renderer.close()


def city_view(ext) -> MapView:
    return MapView.fit(ext, 1920, 1080, CRS)


def street_view(ext, half_width: float = 1200.0) -> MapView:
    cx, cy = (ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2
    return MapView.fit((cx - half_width, cy - half_width * 0.5625, cx + half_width, cy + half_width * 0.5625),
                       1920, 1080, CRS)


def overlapping_pairs(placed) -> int:
    b = np.array([p.box for p in placed], float).reshape(-1, 4)
    over = ((b[:, None, 0] < b[None, :, 2]) & (b[None, :, 0] < b[:, None, 2])
            & (b[:, None, 1] < b[None, :, 3]) & (b[None, :, 1] < b[:, None, 3]))
    np.fill_diagonal(over, False)
    return int(over.sum()) // 2


def spatialite_shapes(db, sql: str) -> list:
    with DataSource(db) as ds:
        rows = ds.connection().execute(sql).fetchall()
    return [(r[0].decode() if isinstance(r[0], bytes) else r[0], shapely.from_wkb(bytes(r[1]))) for r in rows]


# -- the demo city ---------------------------------------------------------------------------

@pytest.mark.parametrize("scale", ["city", "street"])
def test_no_two_label_boxes_overlap_on_the_demo(demo, scale):
    db, layers, renderer, ext = demo
    view = city_view(ext) if scale == "city" else street_view(ext)
    placed = L.collect(renderer, snapshot(layers), view)
    assert len(placed) >= 10
    assert overlapping_pairs(placed) == 0
    for p in placed:  # whole labels, inside the image
        assert p.box[0] >= 0 and p.box[1] >= 0 and p.box[2] <= view.width and p.box[3] <= view.height


def test_scale_of_a_view_is_metres_per_pixel_at_96_dpi(demo):
    _db, _layers, _renderer, ext = demo
    view = street_view(ext, 1200.0)  # 2,400 m over 1,920 px = 1.25 m a pixel
    assert L.view_scale(view) == pytest.approx(1.25 / (0.0254 / 96), rel=1e-6)  # about 1:4,724


def test_bridge_names_only_at_large_scales(demo):
    db, layers, renderer, ext = demo
    city = L.collect(renderer, snapshot(layers), city_view(ext))  # about 1:100,000
    street = L.collect(renderer, snapshot(layers), street_view(ext))  # about 1:4,700
    bridges = {lyr.id for lyr in layers if lyr.name == "bridges"}
    assert L.view_scale(city_view(ext)) > 15_000 > L.view_scale(street_view(ext))
    assert not [p for p in city if p.layer_id in bridges]
    assert [p for p in street if p.layer_id in bridges]
    assert all(p.text.startswith("Cầu") for p in street if p.layer_id in bridges)


def test_scale_range_bounds_on_both_sides(demo):
    db, layers, renderer, ext = demo
    communes = next(lyr for lyr in layers if lyr.name == "communes")
    lyr = copy.copy(communes)
    lyr.style = copy.deepcopy(communes.style)
    view = city_view(ext)
    n = L.view_scale(view)
    for lo, hi, shown in ((n * 2, n / 2, True), (n / 2, 0, False), (0, n * 2, False), (0, 0, True)):
        lyr.style.labels.min_scale, lyr.style.labels.max_scale = lo, hi
        placed = L.collect(renderer, snapshot([lyr]), view)
        assert bool(placed) is shown, (lo, hi)


def test_polygon_labels_lie_inside_their_commune(demo):
    db, layers, renderer, ext = demo
    communes = [lyr for lyr in layers if lyr.name == "communes"]
    shapes = dict(spatialite_shapes(db, "SELECT name, AsBinary(geom) FROM communes"))
    for view in (city_view(ext), street_view(ext)):
        placed = L.collect(renderer, snapshot(communes), view)
        assert len(placed) >= 4
        for p in placed:
            x, y = view.to_map(p.x, p.y)
            assert shapes[p.text].contains(shapely.Point(x, y)), p.text


def test_river_labels_follow_the_river(demo):
    db, layers, renderer, ext = demo
    rivers = [lyr for lyr in layers if lyr.name == "rivers"]
    lines = spatialite_shapes(db, "SELECT name, AsBinary(geom) FROM rivers")
    view = street_view(ext, 3000.0)
    placed = L.collect(renderer, snapshot(rivers), view)
    assert placed
    for p in placed:
        x, y = view.to_map(p.x, p.y)
        line = min((g for name, g in lines if name == p.text), key=lambda g: g.distance(shapely.Point(x, y)))
        d = line.project(shapely.Point(x, y))
        (ax, ay), (bx, by) = (line.interpolate(d - 20).coords[0], line.interpolate(d + 20).coords[0])
        screen_angle = math.degrees(math.atan2(-(by - ay), bx - ax))  # y grows downwards on screen
        diff = (p.angle - screen_angle) % 180
        assert min(diff, 180 - diff) < 20, (p.text, p.angle, screen_angle)
        assert -90 <= p.angle <= 90  # never upside down


# -- placement rules on hand-made data -------------------------------------------------------

VIEW = MapView(0, 0, 1000, 1000, 1000, 1000, CRS)  # one map unit a pixel, y up


def data(kind: str, texts: list[str], geoms: list) -> L._LabelData:
    arr = np.array(geoms, dtype=object)
    if kind == "point":
        xy = shapely.get_coordinates(arr)
        return L._LabelData("point", np.array(texts, dtype=object), xy, None, np.column_stack([xy, xy]))
    return L._LabelData(kind, np.array(texts, dtype=object), None, arr, shapely.bounds(arr))


def test_a_line_label_is_rotated_along_the_line():
    diagonal = shapely.LineString([(100, 100), (900, 900)])  # up and to the right: -45 degrees on screen
    placed = L.place([("l", "line", LabelStyle(True, "n", repeat=0), data("line", ["Đường Lê Lợi"], [diagonal]), 0)],
                     VIEW)
    assert len(placed) == 1
    assert placed[0].angle == pytest.approx(-45, abs=0.5)
    assert (placed[0].x, placed[0].y) == pytest.approx((500, 500), abs=1)


def test_long_lines_repeat_their_label():
    line = shapely.LineString([(0, 500), (1000, 500)])
    st = LabelStyle(True, "n", repeat=300)
    placed = L.place([("l", "line", st, data("line", ["Sông Hương"], [line]), 0)], VIEW)
    assert len(placed) == 3  # 1,000 px of line, a label every 300 px
    assert all(p.angle == 0 for p in placed)


def test_higher_priority_layers_win_and_overlaps_are_dropped():
    square = shapely.box(300, 300, 700, 700)
    hi = data("polygon", ["Phú Hội"], [square])
    lo = data("polygon", ["Phú Nhuận"], [square])
    # both want the same spot: the first item (the caller's priority order) keeps it
    placed = L.place([("hi", "polygon", LabelStyle(True, "n", priority=9), hi, 0),
                      ("lo", "polygon", LabelStyle(True, "n", priority=1), lo, 0)], VIEW)
    assert [p.layer_id for p in placed] == ["hi"]


def test_collect_orders_layers_by_priority(demo):
    db, _layers, renderer, ext = demo
    view = city_view(ext)

    def communes(priority: int, title: str) -> VectorLayer:
        style = VectorStyle(labels=LabelStyle(True, "name", priority=priority))
        return VectorLayer(db, "communes", style, title=title)

    low_on_top = [communes(9, "bottom"), communes(2, "top")]  # same labels, same places
    placed = L.collect(renderer, snapshot(low_on_top), view)
    assert placed and {p.layer_id for p in placed} == {low_on_top[0].id}
    low_on_top[0].style.labels.priority = 1
    placed = L.collect(renderer, snapshot(low_on_top), view)
    assert {p.layer_id for p in placed} == {low_on_top[1].id}
    # equal priority: the layer on top of the map first
    low_on_top[0].style.labels.priority = 2
    placed = L.collect(renderer, snapshot(low_on_top), view)
    assert {p.layer_id for p in placed} == {low_on_top[1].id}


def test_point_labels_go_beside_the_marker_not_on_it():
    pts = [shapely.Point(500, 500), shapely.Point(505, 500)]
    placed = L.place([("p", "point", LabelStyle(True, "n"), data("point", ["Cầu Tràng Tiền", "Cầu Dã Viên"], pts), 4)],
                     VIEW)
    assert len(placed) == 2  # the second takes another of the candidate positions
    assert overlapping_pairs(placed) == 0
    for p in placed:
        assert not (p.box[0] < 500 < p.box[2] and p.box[1] < 500 < p.box[3])


# -- scripts ---------------------------------------------------------------------------------

def drawn(text: str, size: float = 20) -> np.ndarray:
    img = QImage(400, 100, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    st = LabelStyle(True, "n", size=size, halo_width=0)
    w = L.text_widths(L.label_font(st), [text])[0]
    p = QPainter(img)
    L.draw(p, [L.PlacedLabel("x", text, 200, 50, 0.0, w, size, (0, 0, 0, 0), st)])
    p.end()
    ptr = img.constBits()
    return np.frombuffer(ptr, np.uint32, img.width() * img.height()).reshape(100, 400).copy()


@pytest.mark.parametrize("text", ["Phường Thuận Hòa", "Sông Hương", "顺化市", "香江"])
def test_vietnamese_and_chinese_text_draws_pixels(qapp, text):
    assert (drawn(text) >> 24 > 0).sum() > 40


def test_chinese_characters_are_real_glyphs_not_boxes(qapp):
    # missing glyphs all draw the same box; real ones differ from each other
    a, b, c = drawn("顺"), drawn("化"), drawn("江")
    assert (a != b).any() and (b != c).any() and (a != c).any()


def test_diacritics_are_drawn(qapp):
    assert (drawn("Hòa") != drawn("Hoa")).any()


# -- renderer, CLI, saved styles -------------------------------------------------------------

def test_render_draws_labels_on_top_and_can_leave_them_out(demo):
    db, layers, renderer, ext = demo
    view = city_view(ext)
    with_labels = renderer.render(layers, view, use_image_cache=False)
    without = renderer.render(layers, view, use_image_cache=False, labels=False)
    assert not with_labels.errors and "labels" in with_labels.timings
    a, b = (np.frombuffer(r.image.constBits(), np.uint32).copy() for r in (with_labels, without))
    assert (a != b).sum() > 2000
    # apart (the canvas puts them above its selection and highlight overlays): the map without, the labels alone
    apart = renderer.render(layers, view, use_image_cache=False, labels="apart")
    assert (np.frombuffer(apart.image.constBits(), np.uint32) == b).all()
    alone = np.frombuffer(apart.labels.constBits(), np.uint32)
    assert (alone >> 24 > 0).sum() > 2000 and (alone >> 24 == 0).mean() > 0.8
    assert with_labels.labels is None and without.labels is None
    nothing = renderer.render([lyr for lyr in layers if lyr.name == "planning_zones"], view, labels="apart")
    assert nothing.labels is None  # no labels: no image


def test_a_bad_label_field_is_reported_and_the_map_still_drawn(demo):
    db, _layers, renderer, ext = demo
    lyr = VectorLayer(db, "communes", VectorStyle(labels=LabelStyle(True, "no_such_field")), title="Communes")
    result = renderer.render([lyr], city_view(ext), use_image_cache=False)
    assert len(result.errors) == 1 and "no_such_field" in result.errors[0]
    assert (np.frombuffer(result.image.constBits(), np.uint32) != 0xFFFFFFFF).any()


def test_render_cli_no_labels_draws_none(gisdesk_demo_master, tmp_path, qapp):
    from gisdesk.cli import main

    db = gisdesk_demo_master
    args = ["render", str(db), "--layers", "communes,rivers", "--size", "800x600"]
    assert main(args + ["-o", str(tmp_path / "on.png")]) == 0
    assert main(args + ["-o", str(tmp_path / "off.png"), "--no-labels"]) == 0
    # the same map drawn with every label switched off, through a style file
    import json

    with DataSource(db) as ds:
        styles = {n: demo_style(n, ds.layer(n).kind).to_dict() for n in ("communes", "rivers")}
    for s in styles.values():
        s["labels"]["enabled"] = False
    (tmp_path / "styles.json").write_text(json.dumps(styles))
    assert main(args + ["-o", str(tmp_path / "plain.png"), "--style", str(tmp_path / "styles.json")]) == 0
    on, off, plain = (QImage(str(tmp_path / f"{n}.png")) for n in ("on", "off", "plain"))
    assert off == plain
    assert on != off


def test_styles_saved_before_labels_still_load():
    old = {"mode": "single", "symbol": {"fill": "#ff0000", "stroke": "#000000", "stroke_width": 1.0, "size": 6.0,
                                        "shape": "circle", "fill_opacity": 1.0},
           "field": None, "categories": [], "classes": [], "other": None, "opacity": 1.0}
    style = VectorStyle.from_dict(old)
    assert style.labels == LabelStyle() and not style.labels.enabled
    labelled = VectorStyle(labels=LabelStyle(True, "name", prefix="P. ", size=14, min_scale=25_000, priority=8))
    assert VectorStyle.from_dict(labelled.to_dict()) == labelled


def test_labels_are_saved_with_the_layer_state(workspace):
    from gisdesk.store.layer_state import load_layer_state, save_layer_state
    from gisdesk.store.workspace import map_layers

    db = workspace
    layers = map_layers(db)
    communes = next(lyr for lyr in layers if getattr(lyr, "name", "") == "communes")
    communes.style.labels = LabelStyle(True, "code", suffix=" ★", color="#aa0000", priority=10)
    save_layer_state(db, layers, user="dispatcher")  # a city role may save styles for everyone
    loaded, warnings = load_layer_state(db, map_layers(db))
    again = next(lyr for lyr in loaded if getattr(lyr, "name", "") == "communes")
    assert not warnings
    assert again.style.labels == LabelStyle(True, "code", suffix=" ★", color="#aa0000", priority=10)


def test_label_style_rejects_bad_values():
    for bad in (dict(priority=11), dict(size=0), dict(halo_width=-1), dict(min_scale=1000, max_scale=5000),
                dict(color="red")):
        with pytest.raises(ValueError):
            LabelStyle(True, "name", **bad)


def test_a_layer_with_too_many_features_in_view_is_left_unlabelled_until_closer(demo, monkeypatch):
    db, _layers, _renderer, ext = demo
    monkeypatch.setattr(L, "WHOLE_LAYER_ROWS", 100)  # the 2,297 roads count as a big layer …
    monkeypatch.setattr(L, "MAX_CANDIDATES", 50)     # … and 50 candidates as the most worth placing
    renderer = Renderer()
    roads = [VectorLayer(db, "roads", VectorStyle(labels=LabelStyle(True, "name")), title="Roads")]
    try:
        assert L.collect(renderer, snapshot(roads), city_view(ext)) == []
        close = street_view(ext, 150.0)
        placed = L.collect(renderer, snapshot(roads), close)
        assert placed and overlapping_pairs(placed) == 0
    finally:
        renderer.close()


def test_labels_show_only_the_incidents_the_user_may_read(demo):
    from gisdesk.core.users import User

    db, _layers, renderer, ext = demo
    officer = User("phu_hoi", "Cán bộ Phú Hội", "commune_officer", commune="Phú Hội")
    incidents = [VectorLayer(db, "incidents", VectorStyle(labels=LabelStyle(True, "commune", size=8)),
                             title="Incidents")]
    view = street_view(ext, 4000.0)
    seen_by_city = {p.text for p in L.collect(renderer, snapshot(incidents), view, None)}
    seen_by_officer = {p.text for p in L.collect(renderer, snapshot(incidents), view, officer)}
    assert len(seen_by_city) > 1  # several communes' incidents in view
    assert seen_by_officer == {"Phú Hội"}  # the access policy: a commune officer reads their own commune


def test_a_self_intersecting_polygon_still_gets_its_label_inside():
    bowtie = shapely.Polygon([(200, 200), (800, 800), (800, 200), (200, 800), (200, 200)])  # invalid
    square = shapely.box(300, 300, 700, 700)
    placed = L.place([("p", "polygon", LabelStyle(True, "n"),
                       data("polygon", ["Hòa Bình", "Phú Hội"], [bowtie, square]), 0)], VIEW)
    assert placed and overlapping_pairs(placed) == 0
    for p in placed:
        shape = bowtie if p.text == "Hòa Bình" else square
        x, y = VIEW.to_map(p.x, p.y)
        assert shapely.make_valid(shape).buffer(1).contains(shapely.Point(x, y))


def test_a_street_stored_in_short_segments_is_labelled_along_its_length():
    segments = [shapely.LineString([(x, 500), (x + 100, 500)]) for x in range(0, 1000, 100)]  # 10 x 100 px
    texts = np.array(["Đường Lê Lợi"] * 10, dtype=object)
    st = LabelStyle(True, "n", repeat=300)
    alone = L.place([("l", "line", st, data("line", list(texts), segments), 0)], VIEW)
    assert alone == []  # every segment is shorter than the name
    joined_texts, joined = L.merge_lines(texts, np.array(segments, dtype=object))
    assert list(joined_texts) == ["Đường Lê Lợi"] and shapely.length(joined[0]) == pytest.approx(1000)
    placed = L.place([("l", "line", st, data("line", list(joined_texts), list(joined)), 0)], VIEW)
    assert len(placed) == 3  # 1,000 px of street, a label every 300 px


def test_main_road_names_show_at_city_scale(demo):
    db, layers, renderer, ext = demo
    roads = {lyr.id for lyr in layers if lyr.name == "roads"}
    placed = L.collect(renderer, snapshot(layers), city_view(ext))
    names = {p.text for p in placed if p.layer_id in roads}
    with DataSource(db) as ds:
        main = {r[0] for r in ds.connection(text=True).execute(
            "SELECT DISTINCT name FROM roads WHERE class IN ('primary', 'secondary') AND name IS NOT NULL")}
    assert names and names <= main

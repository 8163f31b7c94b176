"""Issue 18: the renderer reads the viewport first, loads the rest in the background, and cancels reads.

The 60,000-point layer of tests/store/test_read_plan.py (UTM 48N, R*Tree), drawn as a
1920x1080 map zoomed to 1/100 of the layer's width and at full extent.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest
import shapely

from gisdesk.core.layers import VectorLayer
from gisdesk.core.style import Symbol, VectorStyle
from gisdesk.render import renderer as renderer_module
from gisdesk.render.renderer import CancelToken, RenderCancelled, Renderer
from gisdesk.render.view import MapView
from gisdesk.store.connection import connect
from tests.store.test_read_plan import H, W, X0, Y0, make_plan_db

CRS = "EPSG:32648"
STYLE = VectorStyle(symbol=Symbol(fill="#000000", stroke="", stroke_width=0, size=3, shape="square"))


@pytest.fixture
def db(tmp_path_factory):
    return make_plan_db(tmp_path_factory.mktemp("vp") / "vp.sqlite")


def view_at(share_of_width: float, cx: float = 0.5, cy: float = 0.5) -> MapView:
    w, h = W * share_of_width, H * share_of_width
    x, y = X0 + W * cx, Y0 + H * cy
    return MapView.fit((x - w / 2, y - h / 2, x + w / 2, y + h / 2), 1920, 1080, CRS)


def points_in(db, bbox) -> np.ndarray:
    conn = connect(db, read_only=True, wal=False)
    wkb = [r[0] for r in conn.execute("SELECT AsBinary(geom) FROM pts ORDER BY rowid")]
    conn.close()
    pts = shapely.from_wkb(wkb)
    return shapely.get_coordinates(pts[shapely.intersects(pts, shapely.box(*bbox))])


@pytest.fixture
def reads(monkeypatch):
    """Every read the renderer makes: (bbox, threads)."""
    seen: list[tuple] = []
    real = renderer_module.read_features

    def read_features(ds, info, bbox, cls, **kw):
        seen.append((bbox, kw.get("threads", 2)))
        return real(ds, info, bbox, cls, **kw)

    monkeypatch.setattr(renderer_module, "read_features", read_features)
    return seen


def test_a_zoomed_first_view_reads_only_the_view(db, qapp, reads):
    r = Renderer(prefetch=False)
    try:
        view = view_at(0.01, 0.3, 0.7)
        lyr = VectorLayer(db, "pts", STYLE)
        got = r.layer_data(lyr, view).geoms
        expected = points_in(db, view.bbox)
        assert 0 < len(expected) < 60
        np.testing.assert_allclose(got.xy, expected, atol=0.002, rtol=0)  # float32 offsets: within 2 mm
        assert [b for b, _ in reads] == [view.bbox]
        # The full extent reads the whole layer once; after it no view reads again.
        full = view_at(1.2)
        assert r.layer_data(lyr, full).geoms.count == 60_000
        assert reads[-1][0] is None
        r.layer_data(lyr, view_at(0.01, 0.8, 0.2))
        assert len(reads) == 2
    finally:
        r.close()


def test_the_rest_of_the_layer_loads_in_the_background_for_later_pans(db, qapp, reads):
    r = Renderer()
    try:
        lyr = VectorLayer(db, "pts", STYLE)
        r.render([lyr], view_at(0.01, 0.3, 0.7), labels=False)
        r.wait_for_background(30)
        assert reads[0][0] is not None and reads[1] == (None, 1)  # the view, then the whole layer on one thread
        pan = view_at(0.01, 0.8, 0.2)
        data = r.view_data(lyr, pan)
        assert data.geoms.count == 60_000 and len(reads) == 2  # served from the whole layer: no read
        # its culling grid was built by the background load, not by this pan
        grid = data.geoms.__dict__.get("_grid")
        assert grid is not None and len(grid.query(pan.bbox if data.geoms.origin is None else (
            pan.minx - data.geoms.origin[0], pan.miny - data.geoms.origin[1],
            pan.maxx - data.geoms.origin[0], pan.maxy - data.geoms.origin[1]))) > 0
    finally:
        r.close()


def test_an_edit_during_the_background_load_is_not_lost(db, qapp, monkeypatch):
    real = renderer_module.read_features
    started, go = threading.Event(), threading.Event()

    def read_features(ds, info, bbox, cls, **kw):
        if bbox is None:  # the background load: wait until the edit is made
            started.set()
            go.wait(30)
        return real(ds, info, bbox, cls, **kw)

    monkeypatch.setattr(renderer_module, "read_features", read_features)
    r = Renderer()
    try:
        lyr = VectorLayer(db, "pts", STYLE)
        view = view_at(0.01, 0.5, 0.5)
        before = r.layer_data(lyr, view).geoms.count
        assert started.wait(30)
        x, y = X0 + W / 2, Y0 + H / 2
        conn = connect(db, wal=False)
        conn.execute("INSERT INTO pts (id, kind, geom) VALUES (999999, 'new', MakePoint(?, ?, 32648))", (x, y))
        conn.close()
        r.clear_caches()  # what the window does after an edit
        go.set()
        r.wait_for_background(30)
        assert not any(k[-1] is None for k in r._data)  # the load read before the edit was dropped
        after = r.layer_data(lyr, view).geoms
        assert after.count == before + 1
        assert np.abs(after.xy - [x, y]).max(axis=1).min() < 0.002
    finally:
        go.set()
        r.close()


class PolledToken(CancelToken):
    """A token that turns cancelled after SQLite has polled it ``after`` times (a newer view mid-read)."""

    def __init__(self, after: int) -> None:
        super().__init__()
        self.polls, self.after = 0, after

    @property
    def cancelled(self) -> bool:
        self.polls += 1
        if self.polls > self.after:
            self.cancel()
        return super().cancelled


def test_a_newer_view_interrupts_the_running_query_and_the_renderer_stays_usable(db, qapp):
    r = Renderer(prefetch=False)
    try:
        lyr = VectorLayer(db, "polys", STYLE)
        token = PolledToken(after=3)
        with pytest.raises(RenderCancelled):
            r.render([lyr], view_at(1.2), token, labels=False)
        assert 3 < token.polls < 100  # interrupted inside SQLite, not after the read
        assert r.layer_data(lyr, view_at(1.2)).geoms.count == 6_000
    finally:
        r.close()


def test_compact_coordinates_draw_the_image_map_coordinates_draw(db, qapp):
    # The renderer draws float32 offsets with the view moved by -origin; drawn from float64 map
    # coordinates with the view itself, the image is the same (up to rounding at antialiased edges).
    from gisdesk.render._data import framed
    from gisdesk.render.vector import draw_layer

    style = VectorStyle(symbol=Symbol(fill="#3366cc", stroke="#000000", stroke_width=1))
    r = Renderer(prefetch=False)
    try:
        for name, share in (("polys", 0.1), ("pts", 0.02)):
            lyr = VectorLayer(db, name, style)
            view = view_at(share, 0.4, 0.4)
            data = r.view_data(lyr, view)
            assert data.geoms.origin is not None and data.geoms.xy.dtype == np.float32
            symbols = style.class_symbols()
            a = draw_layer(framed(view, data.geoms.origin), data.geoms, data.codes, symbols)
            b = draw_layer(view, data.geoms.world(), data.codes, symbols)
            pa = np.frombuffer(a.constBits(), np.uint8, a.sizeInBytes()).astype(int)
            pb = np.frombuffer(b.constBits(), np.uint8, b.sizeInBytes()).astype(int)
            assert (pa > 0).mean() > 1e-4  # something drawn
            assert (np.abs(pa - pb) > 2).mean() < 0.001, name
    finally:
        r.close()

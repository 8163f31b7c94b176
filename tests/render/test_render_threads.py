"""The renderer shared by the GUI thread and its worker: an image is always the style it was asked with.

The GUI thread restyles layers while the worker draws them. A render job takes a
snapshot of each layer when it is requested, draws that snapshot and files the
image under it, so a style change in the middle of a job can neither change what
the job draws nor put an image in the cache under a style it was not drawn with.
"""

from __future__ import annotations

import threading
import time

import pytest

from gisdesk.core.access import RowFilter
from gisdesk.core.layers import VectorLayer
from gisdesk.core.map_model import MapModel
from gisdesk.core.style import Symbol, VectorStyle
from gisdesk.render import renderer as renderer_module
from gisdesk.render.renderer import RenderCancelled, Renderer
from gisdesk.render.view import MapView
from tests.render.test_render import close, make_db, rgb_at

RED, BLUE = (255, 0, 0), (0, 0, 255)
VIEW = MapView.fit((760000.0, 1810000.0, 764000.0, 1813000.0), 400, 300, "EPSG:32648")
SMALL = MapView.fit((760000.0, 1810000.0, 764000.0, 1813000.0), 80, 60, "EPSG:32648")
INSIDE_LEFT_SQUARE = (70, 150)  # map (760700, 1811500), inside zone 1, at 10 m per pixel
INSIDE_SMALL = (14, 30)         # the same place at 50 m per pixel


def fill(colour: str) -> VectorStyle:
    return VectorStyle(symbol=Symbol(fill=colour, stroke="", stroke_width=0))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_db(tmp_path_factory.mktemp("threads") / "t.sqlite")


@pytest.fixture
def paused_read(monkeypatch):
    """Make the next layer read wait on the worker until the test says go (a hook in the middle of a job)."""
    reached, go = threading.Event(), threading.Event()
    real = renderer_module.read_features

    def read_features(*args, **kwargs):
        reached.set()
        if not go.wait(10):
            raise TimeoutError("the test never released the paused read")
        return real(*args, **kwargs)

    monkeypatch.setattr(renderer_module, "read_features", read_features)
    yield reached, go
    go.set()


def test_a_style_change_while_the_job_runs_never_files_an_image_under_the_wrong_style(db, qapp, paused_read):
    reached, go = paused_read
    model = MapModel([VectorLayer(db, "zones", fill("#ff0000"))], crs="EPSG:32648")
    layer = model.layers[0]
    r = Renderer()
    try:
        future, _ = r.submit(model.layers, VIEW)      # requested red
        assert reached.wait(10)                        # the worker is reading the layer
        model.set_style(layer.id, fill("#0000ff"))     # the GUI thread restyles it to blue meanwhile
        go.set()
        assert close(rgb_at(future.result(10).image, *INSIDE_LEFT_SQUARE), RED)  # drawn as requested
        # The cache has red under red: asking again for the red layer shows red, the blue layer blue.
        red_again = VectorLayer(db, "zones", fill("#ff0000"), id=layer.id)
        assert close(rgb_at(r.render([red_again], VIEW).image, *INSIDE_LEFT_SQUARE), RED)
        assert close(rgb_at(r.render(model.layers, VIEW).image, *INSIDE_LEFT_SQUARE), BLUE)
    finally:
        go.set()
        r.close()


def test_a_style_edited_in_place_while_the_job_runs_is_not_drawn_by_it(db, qapp, paused_read):
    reached, go = paused_read
    layer = VectorLayer(db, "zones", fill("#ff0000"))
    r = Renderer()
    try:
        future, _ = r.submit([layer], VIEW)
        assert reached.wait(10)
        layer.style.symbol.fill = "#0000ff"  # a dialog editing the very style object
        go.set()
        assert close(rgb_at(future.result(10).image, *INSIDE_LEFT_SQUARE), RED)
        assert close(rgb_at(r.render([layer], VIEW).image, *INSIDE_LEFT_SQUARE), BLUE)
    finally:
        go.set()
        r.close()


def test_a_layer_row_filter_is_part_of_the_cache_key(db, qapp, monkeypatch):
    reads = []
    real = renderer_module.read_features
    monkeypatch.setattr(renderer_module, "read_features", lambda *a, **k: reads.append(1) or real(*a, **k))
    layer = VectorLayer(db, "zones", fill("#ff0000"))
    r = Renderer()
    try:
        layer.row_filter = RowFilter("eq", "kind", "a")  # what one user may read
        r.render([layer], VIEW)
        r.render([layer], VIEW)
        assert len(reads) == 1                               # the same filter: served from the cache
        layer.row_filter = RowFilter("eq", "kind", "b")  # another user's filter is never served that image
        r.render([layer], VIEW)
        assert len(reads) == 2
        del layer.row_filter                                 # a layer without the attribute still renders
        r.render([layer], VIEW)
        assert len(reads) == 3
    finally:
        r.close()


def test_gui_and_worker_hammering_one_renderer_keep_every_image_true_to_its_style(db, qapp):
    """Two threads for a bounded time: the GUI restyles, submits, clears and measures while the worker draws."""
    model = MapModel([VectorLayer(db, "zones", fill("#ff0000"))], crs="EPSG:32648")
    layer_id = model.layers[0].id
    r = Renderer()
    printed: list[tuple[tuple, tuple]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def print_thread() -> None:  # a second thread rendering its own copies, as an export does
        k = 0
        try:
            while not stop.is_set():
                colour, hex_ = (RED, "#ff0000") if k % 2 else (BLUE, "#0000ff")
                img = r.render([VectorLayer(db, "zones", fill(hex_), id=layer_id)], SMALL).image
                printed.append((colour, rgb_at(img, *INSIDE_SMALL)))
                k += 1
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    t0 = time.monotonic()
    other = threading.Thread(target=print_thread)
    other.start()
    jobs = []
    try:
        i = 0
        while time.monotonic() - t0 < 1.5:
            colour, hex_ = (RED, "#ff0000") if i % 2 else (BLUE, "#0000ff")
            model.set_style(layer_id, fill(hex_))
            future, _ = r.submit(model.layers, SMALL)
            jobs.append((colour, future))
            if i % 7 == 3:
                r.clear_caches()
            if i % 5 == 0:
                r.full_extent(model.layers, "EPSG:32648")
            if i % 4 == 0:
                future.exception(5)  # let some jobs finish rather than all being cancelled
            i += 1
    finally:
        stop.set()
        other.join(5)
    assert not other.is_alive() and not errors
    done = 0
    for colour, future in jobs:
        try:
            result = future.result(5)
        except RenderCancelled:
            continue
        done += 1
        assert close(rgb_at(result.image, *INSIDE_SMALL), colour)
    assert done >= 5 and len(printed) >= 5
    assert all(close(got, want) for want, got in printed)
    for hex_, colour in (("#ff0000", RED), ("#0000ff", BLUE)):  # what stayed in the cache is true too
        img = r.render([VectorLayer(db, "zones", fill(hex_), id=layer_id)], SMALL).image
        assert close(rgb_at(img, *INSIDE_SMALL), colour)
    r.close()
    assert time.monotonic() - t0 < 5

"""The first window: opens a workspace, renders in the background, pans and zooms.

The screenshot of the demo city is kept under build/artifacts/ for people to look at.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from sample_layers.generate import build_workspace

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_workspace(tmp_path_factory.mktemp("demo") / "hue.sqlite", incidents=3000)


def wait_render(qtbot, canvas, timeout=30000):
    with qtbot.waitSignal(canvas.rendered, timeout=timeout) as blocker:
        pass
    return blocker.args[0]


def painted_fraction(widget) -> float:
    img = widget.grab().toImage().convertToFormat(widget.grab().toImage().Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes()).reshape(img.height(), -1, 4)
    return float((arr[:, : img.width(), :3] < 250).any(axis=2).mean())


def test_window_shows_the_demo_city_and_keeps_a_screenshot(qtbot, demo):
    from gisdesk.ui.app import MainWindow

    win = MainWindow(demo)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    result = wait_render(qtbot, win.canvas)
    assert not isinstance(result, Exception), result
    assert result.errors == []
    qtbot.wait(50)
    assert painted_fraction(win.canvas) > 0.3  # the city fills a good part of the map
    titles = [win.layer_list.item(i).text() for i in range(win.layer_list.count())]
    assert any(t.startswith("Communes") for t in titles) and any("Flood depth" in t for t in titles)
    assert "ms" in win.render_time.text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert win.grab().save(str(ARTIFACTS / "window_demo_city.png"))


def test_pan_moves_the_image_at_once_then_rerenders(qtbot, demo):
    from gisdesk.ui.app import MainWindow

    win = MainWindow(demo)
    qtbot.addWidget(win)
    win.show()
    wait_render(qtbot, win.canvas)
    before = win.canvas.view()
    qtbot.mousePress(win.canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseMove(win.canvas, QPoint(400, 350))
    assert win.canvas._drag_offset == QPointF(100, 50)  # the cached image follows the mouse
    qtbot.mouseRelease(win.canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 350))
    wait_render(qtbot, win.canvas)
    after = win.canvas.view()
    res = before.resolution
    assert after.minx == pytest.approx(before.minx - 100 * res)
    assert after.maxy == pytest.approx(before.maxy + 50 * res)


def test_wheel_zooms_about_the_cursor_and_keys_zoom_and_pan(qtbot, demo):
    from gisdesk.ui.app import MainWindow

    win = MainWindow(demo)
    qtbot.addWidget(win)
    win.show()
    wait_render(qtbot, win.canvas)
    v0 = win.canvas.view()
    anchor = QPointF(200, 150)
    fixed = v0.to_map(anchor.x(), anchor.y())
    win.canvas.zoom(2.0, anchor)
    v1 = win.canvas.view()
    assert v1.resolution == pytest.approx(v0.resolution / 2)
    assert v1.to_map(anchor.x(), anchor.y()) == pytest.approx(fixed)  # the point under the cursor stays
    qtbot.keyClick(win.canvas, Qt.Key.Key_Minus)
    assert win.canvas.view().resolution == pytest.approx(v1.resolution * 1.5)
    x_before = win.canvas.view().minx
    qtbot.keyClick(win.canvas, Qt.Key.Key_Right)
    assert win.canvas.view().minx > x_before
    wait_render(qtbot, win.canvas)


def test_hiding_a_layer_rerenders_without_it(qtbot, demo):
    from gisdesk.ui.app import MainWindow

    win = MainWindow(demo)
    qtbot.addWidget(win)
    win.show()
    wait_render(qtbot, win.canvas)
    before = painted_fraction(win.canvas)
    for i in range(win.layer_list.count()):
        win.layer_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    wait_render(qtbot, win.canvas)
    qtbot.wait(50)
    assert painted_fraction(win.canvas) < 0.01 < before


def test_a_bad_workspace_is_refused_with_a_message(tmp_path):
    from gisdesk.store.errors import StoreError
    from gisdesk.ui.app import MainWindow

    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    with pytest.raises(StoreError, match="not an SQLite database"):
        MainWindow(bad)

"""The locator bar in the window: Ctrl+K, type, the grouped list, Enter zooms and highlights, Esc closes.

A screenshot of the open list is written to /tmp/shots/locator_popup.png for people to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_window import signed_in, wait_render

SHOTS = Path("/tmp/shots")


@pytest.fixture
def window(qtbot, workspace, tmp_path, monkeypatch):
    from gisdesk.ui.main_window import MainWindow

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the index's sidecar file goes here
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(workspace, settings, user=signed_in(workspace, "phu_hoi"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    wait_render(qtbot, win.canvas)
    return win


def type_and_wait(qtbot, win, text):
    bar = win.locator
    with qtbot.waitSignal(bar.results_shown, timeout=30000):
        qtbot.keyClicks(bar, text)
    return bar


def test_ctrl_k_focuses_the_box(qtbot, window):
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.locator.hasFocus())
    assert window.locator.objectName() == "locatorBar"


def test_typing_shows_results_grouped_by_kind_and_enter_zooms_to_the_commune(qtbot, window):
    window.locator.setFocus()
    bar = type_and_wait(qtbot, window, "phu hoi")
    popup = bar.popup
    assert popup.isVisible()
    kinds = [k for k, _ in bar.groups]
    assert kinds[0] == "commune" and kinds == sorted(set(kinds), key=kinds.index)  # one group per kind
    headers = [popup.topLevelItem(i).text(0) for i in range(popup.topLevelItemCount())
               if popup.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) is None]
    assert headers[0] == "Communes"
    assert popup.current_result().title == "Phú Hội"
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "locator_popup.png"))
    commune = popup.current_result().bbox
    with qtbot.waitSignal(window.canvas.extent_changed, timeout=5000):
        qtbot.keyClick(bar, Qt.Key.Key_Return)
    assert not popup.isVisible()
    x0, y0, x1, y1 = window.canvas.view().bbox
    assert x0 <= commune[0] and y0 <= commune[1] and x1 >= commune[2] and y1 >= commune[3]  # all of Phú Hội shown
    assert (x1 - x0) < 3 * (commune[2] - commune[0]) + 1 or (y1 - y0) < 3 * (commune[3] - commune[1]) + 1
    assert "locator" in window.canvas.overlay_names()  # highlighted


def test_down_picks_the_next_result_and_esc_closes_the_list(qtbot, window):
    window.locator.setFocus()
    bar = type_and_wait(qtbot, window, "phu hoi")
    first = bar.popup.current_result()
    qtbot.keyClick(bar, Qt.Key.Key_Down)
    assert bar.popup.current_result() is not first and bar.popup.current_result() is not None
    qtbot.keyClick(bar, Qt.Key.Key_Escape)
    assert not bar.popup.isVisible()


def test_a_typed_coordinate_zooms_to_street_scale_there(qtbot, window):
    from pyproj import Transformer

    window.locator.setFocus()
    bar = type_and_wait(qtbot, window, "107.59, 16.46")
    assert [k for k, _ in bar.groups] == ["coordinate"]
    with qtbot.waitSignal(window.canvas.extent_changed, timeout=5000):
        qtbot.keyClick(bar, Qt.Key.Key_Return)
    x, y = Transformer.from_crs("EPSG:4326", window.model.crs, always_xy=True).transform(107.59, 16.46)
    x0, y0, x1, y1 = window.canvas.view().bbox
    assert x0 < x < x1 and y0 < y < y1
    assert x1 - x0 < 1000  # a street-scale view, not the city
    assert "locator" in window.canvas.overlay_names()


def test_the_officer_does_not_see_another_communes_incident(qtbot, window, workspace):
    from gisdesk.store.connection import connect

    conn = connect(workspace, read_only=True)
    try:
        (other,) = conn.execute("SELECT uuid FROM incidents WHERE commune = 'Vĩnh Ninh' LIMIT 1").fetchone()
        (own,) = conn.execute("SELECT uuid FROM incidents WHERE commune = 'Phú Hội' LIMIT 1").fetchone()
    finally:
        conn.close()
    window.locator.setFocus()
    bar = type_and_wait(qtbot, window, other[:8])
    assert "incident" not in [k for k, _ in bar.groups]
    bar.clear()
    QApplication.processEvents()
    bar = type_and_wait(qtbot, window, own[:8])
    assert own in [r.target.key for k, rs in bar.groups if k == "incident" for r in rs]


def test_a_plugins_results_are_listed_in_their_own_group(qtbot, window, tmp_path, forget_plugin_modules):
    from gisdesk.ui.plugin_host import start_plugins
    from tests.plugins.test_context import write_plugin
    from tests.plugins.test_locator_provider import GAUGES

    root = write_plugin(tmp_path / "plugins", "gauges", GAUGES).parent
    start_plugins(window, folders=[(root, "dir")], entry_points=False, state_dir=tmp_path / "state",
                  raise_errors=True)
    window.locator.setFocus()
    bar = type_and_wait(qtbot, window, "phu hoi")
    groups = dict(bar.groups)
    assert [r.title for r in groups["gauge"]] == ["Trạm đo Phú Hội"]
    assert [k for k, _ in bar.groups][-1] == "gauge"  # plugin kinds after the built-in ones


def test_enter_right_after_typing_zooms_to_the_first_result(qtbot, window):
    window.locator.setFocus()
    qtbot.keyClicks(window.locator, "le loi")
    with qtbot.waitSignal(window.canvas.extent_changed, timeout=30000):
        qtbot.keyClick(window.locator, Qt.Key.Key_Return)  # before the debounce has run
    assert [k for k, _ in window.locator.groups][0] == "road"
    assert "locator" in window.canvas.overlay_names()

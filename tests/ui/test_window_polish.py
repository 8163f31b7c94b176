"""Window polish (issue 15, item 6): icons everywhere, toolbars that fit a 1366 px laptop, View › Panels,
shortcuts that do not clash with QGIS habits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar, QToolButton

from tests.ui.test_window import demo, signed_in, wait_render, window  # noqa: F401 (fixtures: the 1400x900 window)


@pytest.fixture
def laptop(qtbot, workspace, tmp_path, monkeypatch):
    """The demo with the built-in plugins in a 1366x768 window (the smallest common laptop screen)."""
    from gisdesk.ui.main_window import MainWindow

    for var in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # plugin choices not in the real home
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(workspace, settings, plugin_dirs=[], user=signed_in(workspace, "dispatcher"))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    wait_render(qtbot, win.canvas)
    return win


def _menu_entries(menu):
    for act in menu.actions():
        if act.isSeparator():
            continue
        yield act
        if act.menu() is not None:
            yield from _menu_entries(act.menu())


def window_toolbars(win) -> list[QToolBar]:
    """The window's own toolbars (a plugin panel's inner toolbar is part of the panel)."""
    return [b for b in win.findChildren(QToolBar) if b.parent() is win]


def test_every_toolbar_and_menu_entry_has_an_icon(laptop):
    toolbars = window_toolbars(laptop)
    assert {"mapToolbar", "pluginsToolbar"} <= {t.objectName() for t in toolbars}
    for bar in toolbars:
        for act in bar.actions():
            if act.isSeparator() or act.text() == "":  # the locator box is a widget, not a button
                continue
            assert not act.icon().isNull(), (bar.objectName(), act.objectName() or act.text())
    for top in laptop.menuBar().actions():
        for act in _menu_entries(top.menu()):
            if act.objectName().startswith("gisdesk.view.panel:"):
                continue  # View › Panels entries show a check mark (shown or not) instead
            if act.objectName().startswith("gisdesk") or act.menu() is not None:
                assert not act.icon().isNull(), act.objectName() or act.text()


def test_toolbar_buttons_are_icons_with_text_and_shortcut_in_the_tooltip(laptop):
    identify = laptop.actions["gisdesk.tool.identify"]
    button = laptop.findChild(QToolBar, "mapToolbar").widgetForAction(identify)
    assert isinstance(button, QToolButton) and button.toolButtonStyle().name == "ToolButtonIconOnly"
    assert identify.toolTip().startswith("Click a feature") and "I" in identify.toolTip()


def test_toolbars_fit_at_1366_pixels(laptop):
    assert laptop.width() == 1366
    bars = [b for b in window_toolbars(laptop) if b.isVisible()]
    assert len(bars) >= 2
    for bar in bars:
        ext = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert ext is None or not ext.isVisible(), f"{bar.objectName()} folds buttons away at 1366 px"
        for act in bar.actions():
            if act.isVisible():
                widget = bar.widgetForAction(act)
                assert widget is not None and widget.isVisible(), (bar.objectName(), act.objectName() or act.text())
    assert laptop.locator.isVisible() and laptop.locator.width() >= 260  # the search box keeps a usable width


def test_view_panels_lists_every_dock_and_shows_a_hidden_one(qtbot, laptop):
    cameras = next(lyr for lyr in laptop.model.layers if getattr(lyr, "name", "") == "cameras")
    laptop.open_attribute_table(cameras.id)
    menu = laptop.panels_menu
    menu.aboutToShow.emit()
    listed = {act.text().replace("&", "") for act in menu.actions()}
    docks = laptop.findChildren(QDockWidget)
    titles = {d.windowTitle() for d in docks}
    assert {"Layers", "Identify results", f"Attributes — {cameras.title}"} <= listed
    assert "Incidents" in listed  # a plugin panel
    assert titles <= listed
    laptop.layers_dock.close()  # the user closed the Layers panel with its × button
    menu.aboutToShow.emit()
    toggle = next(a for a in menu.actions() if a.text().replace("&", "") == "Layers")
    assert not toggle.isChecked()
    toggle.trigger()
    assert laptop.layers_dock.isVisible()
    menu.aboutToShow.emit()
    assert next(a for a in menu.actions() if a.text() == "Layers").isChecked()


def _owner(win, key: str) -> list[str]:
    seq = QKeySequence(key)
    return [a.objectName() for a in win.findChildren(QAction) if seq in a.shortcuts()]


def test_shortcuts_leave_qgis_habits_alone_and_add_qgis_ones(laptop):
    for qgis_key in ("Ctrl+Shift+L", "Ctrl+Shift+U", "Ctrl+Alt+P"):  # SpatiaLite layer, …, Python console in QGIS
        assert _owner(laptop, qgis_key) == [], qgis_key
    assert _owner(laptop, "Ctrl+Alt+Z") == ["gisdesk.view.zoom_layer"]
    assert _owner(laptop, "Ctrl+Alt+U") == ["gisdesk.file.switch_user"]
    assert _owner(laptop, "Ctrl+Alt+O") == ["incidents.draw_point"]
    assert set(_owner(laptop, "I")) == {"gisdesk.tool.identify"} == set(_owner(laptop, "Ctrl+Shift+I"))
    assert _owner(laptop, "Ctrl+Shift+M") == ["gisdesk.tool.measure_distance"]
    assert _owner(laptop, "M") == ["gisdesk.tool.measure_distance"]


def test_attribute_table_and_identify_docks_open_at_a_useful_size(qtbot, window):
    """On the usual 1400x900 window; at 768 px the tall plugin panels on the right leave the bottom less room."""
    cameras = next(lyr for lyr in window.model.layers if getattr(lyr, "name", "") == "cameras")
    window.open_attribute_table(cameras.id)
    dock = window.attribute_docks[cameras.id]
    qtbot.waitUntil(lambda: dock.isVisible())
    qtbot.wait(100)  # the dock layout settles
    assert dock.height() >= 220  # several rows of the table, not a header strip
    v = window.canvas.view()
    window.identify_at((v.minx + v.maxx) / 2, (v.miny + v.maxy) / 2, 50.0)
    qtbot.waitUntil(lambda: window.identify_dock.isVisible())
    qtbot.wait(100)
    assert window.identify_dock.width() >= 300  # attribute names and values side by side


def test_identify_and_a_table_keep_the_laptop_window_on_the_screen(qtbot, laptop):
    """Identify results join the right-hand panels as a tab; stacked, their minimum heights grew the window."""
    cameras = next(lyr for lyr in laptop.model.layers if getattr(lyr, "name", "") == "cameras")
    laptop.open_attribute_table(cameras.id)
    v = laptop.canvas.view()
    laptop.identify_at((v.minx + v.maxx) / 2, (v.miny + v.maxy) / 2, 80.0)
    qtbot.wait(100)
    assert laptop.height() == 768 and laptop.minimumSizeHint().height() <= 768
    assert laptop.identify_dock.isVisible() and laptop.identify_dock.width() >= 300
    assert laptop.tabifiedDockWidgets(laptop.identify_dock)  # a tab beside the Incidents and Tasks panels

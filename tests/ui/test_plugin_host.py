"""Plugins in the window: a good plugin's panel, command and map tool appear and work; broken ones
fail alone with a message, and unloading takes everything away again."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar

from gisdesk.ui.map_tools import PanTool
from gisdesk.ui.plugin_host import PluginToolAdapter, start_plugins

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"

GOOD_MANIFEST = """\
[plugin]
name = "flood_watch"
version = "1.2.0"
api_version = "1"
title = "Flood watch"
author = "Hue city IT"
about = "Gauges and flooded roads."

[[contributes.panels]]
id = "flood_watch.panel"
title = "Flood watch"
factory = "flood_watch_ui:make_panel"
area = "right"

[[contributes.commands]]
id = "flood_watch.refresh"
title = "Refresh gauges"
callback = "flood_watch_ui:refresh"
menu = "Plugins/Flood watch"
shortcut = "Ctrl+Alt+G"

[[contributes.map_tools]]
id = "flood_watch.pick"
title = "Pick a gauge"
factory = "flood_watch_ui:PickGauge"
shortcut = "G"
"""

GOOD_CODE = """\
import shapely
from PySide6.QtWidgets import QLabel


def make_panel(ctx):
    label = QLabel(f"{len(ctx.workspace.layers())} layers")
    label.setObjectName("floodWatchLabel")
    return label


def refresh(ctx):
    ctx.settings["refreshed"] = ctx.settings.get("refreshed", 0) + 1
    ctx.notify("gauges refreshed")


class PickGauge:
    def __init__(self, ctx):
        self.ctx = ctx
        self.presses = []

    def on_press(self, event):
        self.presses.append((event.x, event.y, event.button))
        self.ctx.canvas.add_graphics("pick", shapely.Point(event.x, event.y).buffer(40 * event.resolution))
"""


def plugin(root: Path, name: str, manifest: str, code: str, module: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "gisdesk-plugin.toml").write_text(textwrap.dedent(manifest), encoding="utf-8")
    (folder / f"{module}.py").write_text(textwrap.dedent(code), encoding="utf-8")
    return folder


def broken_panel(root: Path) -> Path:
    return plugin(root, "bad_panel", """\
        [plugin]
        name = "bad_panel"
        version = "0.1"
        api_version = "1"
        title = "Bad panel"

        [[contributes.panels]]
        id = "bad_panel.panel"
        title = "Bad"
        factory = "bad_panel_ui:make"
        """, "def make(ctx):\n    raise RuntimeError('no gauges configured')\n", "bad_panel_ui")


def broken_tool(root: Path) -> Path:
    return plugin(root, "bad_tool", """\
        [plugin]
        name = "bad_tool"
        version = "0.1"
        api_version = "1"

        [[contributes.map_tools]]
        id = "bad_tool.tool"
        title = "Crash on press"
        factory = "bad_tool_ui:Tool"
        """, """\
        class Tool:
            def __init__(self, ctx):
                pass

            def on_press(self, event):
                raise ValueError("bad click")
        """, "bad_tool_ui")


pytestmark = pytest.mark.usefixtures("forget_plugin_modules")


@pytest.fixture
def demo(workspace):
    """A fresh copy of the cached demo city (``workspace`` from gisdesk.testing)."""
    return workspace


@pytest.fixture
def plugins_dir(tmp_path):
    root = tmp_path / "plugins"
    plugin(root, "flood_watch", GOOD_MANIFEST, GOOD_CODE, "flood_watch_ui")
    return root


def open_window(qtbot, demo, tmp_path, root):
    from gisdesk.ui.main_window import MainWindow

    win = MainWindow(demo, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    manager = start_plugins(win, folders=[(root, "dir")], entry_points=False, state_dir=tmp_path / "state")
    win.show()
    qtbot.waitExposed(win)
    return win, manager


def menu_path(win, *titles: str) -> QMenu | None:
    parent = win.menuBar()
    menu = None
    for title in titles:
        menu = next((a.menu() for a in parent.actions() if a.menu() and a.menu().title().replace("&", "") == title),
                    None)
        if menu is None:
            return None
        parent = menu
    return menu


def click_canvas(qtbot, win) -> None:
    centre = QPoint(win.canvas.width() // 2, win.canvas.height() // 2)
    qtbot.mouseClick(win.canvas, Qt.MouseButton.LeftButton, pos=centre)


def test_good_plugin_adds_panel_command_and_map_tool(qtbot, demo, tmp_path, plugins_dir):
    win, manager = open_window(qtbot, demo, tmp_path, plugins_dir)
    assert manager.record("flood_watch").state == "active"
    dock = win.findChild(QDockWidget, "flood_watch.panel")
    assert dock is not None and dock.isVisible() and dock.windowTitle() == "Flood watch"
    assert win.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert dock.widget().objectName() == "floodWatchLabel" and dock.widget().text() == f"{len(win.model.layers)} layers"

    menu = menu_path(win, "Plugins", "Flood watch")
    refresh = win.plugin_host.commands["flood_watch.refresh"]
    assert menu is not None and refresh in menu.actions()
    assert refresh.shortcut().toString() == "Ctrl+Alt+G"
    win.activateWindow()
    qtbot.keyClick(win.canvas, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    refresh.trigger()
    assert win.messages.isVisible() and "gauges refreshed" in win.messages.text.text()
    assert manager.record("flood_watch").context.settings["refreshed"] >= 1

    toolbar = win.findChild(QToolBar, "pluginsToolbar")
    pick = win.plugin_host.tools["flood_watch.pick"]
    assert pick in toolbar.actions() and pick.isCheckable()
    toolbar.widgetForAction(pick).click()
    assert pick.isChecked() and not win.actions["gisdesk.tool.pan"].isChecked()
    assert isinstance(win.canvas.tool, PluginToolAdapter)
    click_canvas(qtbot, win)
    presses = win.canvas.tool.tool.tool.presses
    (x, y, button), = presses
    v = win.canvas.view()
    assert button == "left" and v.minx < x < v.maxx and v.miny < y < v.maxy
    assert any(n.startswith("plugin:flood_watch:pick#") for n in win.canvas.overlay_names())
    qtbot.waitUntil(lambda: win.canvas._image is not None and not win.canvas.rendering, timeout=10000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(ARTIFACTS / "plugin_host.png"))


def test_panel_factory_error_leaves_the_window_working(qtbot, demo, tmp_path, plugins_dir):
    broken_panel(plugins_dir)
    win, manager = open_window(qtbot, demo, tmp_path, plugins_dir)
    bad = manager.record("bad_panel")
    assert (bad.state, bad.phase) == ("failed", "panel")
    assert "no gauges configured" in bad.error
    assert win.findChild(QDockWidget, "bad_panel.panel") is None
    assert win.messages.isVisible() and win.messages.level == "error"
    assert "Bad panel" in win.messages.text.text() and "panel" in win.messages.text.text()
    assert "RuntimeError" in win.messages.details.toPlainText()
    assert manager.record("flood_watch").state == "active"
    assert win.findChild(QDockWidget, "flood_watch.panel") is not None
    win.actions["gisdesk.view.zoom_in"].trigger()  # the window still does its work
    qtbot.waitUntil(lambda: not win.canvas.rendering, timeout=5000)
    # fixed on disk, the plugin comes back with Reload (its failed panel left no id behind)
    (plugins_dir / "bad_panel" / "bad_panel_ui.py").write_text(
        "from PySide6.QtWidgets import QLabel\n\ndef make(ctx):\n    return QLabel('fixed')\n")
    manager.reload("bad_panel")
    assert manager.record("bad_panel").state == "active"
    assert win.findChild(QDockWidget, "bad_panel.panel").widget().text() == "fixed"


def test_map_tool_error_fails_the_plugin_and_returns_to_pan(qtbot, demo, tmp_path, plugins_dir):
    broken_tool(plugins_dir)
    win, manager = open_window(qtbot, demo, tmp_path, plugins_dir)
    action = win.plugin_host.tools["bad_tool.tool"]
    action.trigger()
    assert isinstance(win.canvas.tool, PluginToolAdapter)
    click_canvas(qtbot, win)
    bad = manager.record("bad_tool")
    assert (bad.state, bad.phase) == ("failed", "map_tool") and "bad click" in bad.error
    assert isinstance(win.canvas.tool, PanTool)
    assert win.actions["gisdesk.tool.pan"].isChecked()
    assert "bad_tool.tool" not in win.plugin_host.tools
    toolbar = win.findChild(QToolBar, "pluginsToolbar")
    assert all(a.objectName() != "bad_tool.tool" for a in toolbar.actions())
    assert win.messages.level == "error" and "map_tool" in win.messages.text.text()
    click_canvas(qtbot, win)  # the pan tool works on
    assert manager.record("flood_watch").state == "active"


def test_unloading_removes_docks_actions_and_menus(qtbot, demo, tmp_path, plugins_dir):
    win, manager = open_window(qtbot, demo, tmp_path, plugins_dir)
    win.plugin_host.tools["flood_watch.pick"].trigger()
    click_canvas(qtbot, win)
    manager.disable("flood_watch")
    qtbot.wait(10)  # deleteLater
    assert win.findChild(QDockWidget, "flood_watch.panel") is None
    assert win.plugin_host.commands == {} and win.plugin_host.tools == {}
    assert menu_path(win, "Plugins", "Flood watch") is None
    assert menu_path(win, "Plugins") is not None  # Manage plugins… stays
    assert win.findChild(QToolBar, "pluginsToolbar") is None
    assert isinstance(win.canvas.tool, PanTool)
    assert not any(n.startswith("plugin:flood_watch") for n in win.canvas.overlay_names())
    manager.enable("flood_watch")
    assert win.findChild(QDockWidget, "flood_watch.panel") is not None
    assert menu_path(win, "Plugins", "Flood watch") is not None


def test_plugin_registered_in_code_and_reader(qtbot, demo, tmp_path):
    root = tmp_path / "plugins"
    plugin(root, "gauges", """\
        [plugin]
        name = "gauges"
        version = "0.1"
        api_version = "1"
        activate = "gauges_code:activate"
        """, """\
        import sqlite3
        from PySide6.QtWidgets import QLabel


        def read(ctx, path):
            ctx.read_paths.append(path)
            return "bridges"  # a table already in the workspace: enough for the host to add it


        def activate(ctx):
            ctx.read_paths = []
            ctx.register_panel("gauges.panel", "Gauges", lambda ctx: QLabel("gauges"), area="bottom")
            ctx.register_layer_reader("gauges.csv", "Gauge CSV", [".csv"], read)
        """, "gauges_code")
    win, manager = open_window(qtbot, demo, tmp_path, root)
    dock = win.findChild(QDockWidget, "gauges.panel")
    assert win.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    add = win.findChild(type(win.actions["gisdesk.file.open"]), "gisdesk.file.add_plugin_layer")
    assert add is not None and add in menu_path(win, "File").actions()
    before = len(win.model.layers)
    csv = tmp_path / "gauges.csv"
    csv.write_text("id,x,y\n1,770000,1815000\n")
    assert win.plugin_host.read_layer(csv) == "bridges"
    assert len(win.model.layers) == before + 1 and win.model.layers[-1].title == "gauges"
    manager.disable("gauges")
    assert win.findChild(QDockWidget, "gauges.panel") is None
    assert win.plugin_host.readers == {}
    assert all(a.objectName() != "gisdesk.file.add_plugin_layer" for a in menu_path(win, "File").actions())


def test_main_window_starts_plugins_when_given_plugin_dirs(qtbot, demo, tmp_path, plugins_dir, monkeypatch):
    from gisdesk.ui.main_window import MainWindow

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user plugins, state kept in tmp
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    win = MainWindow(demo, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), plugin_dirs=[plugins_dir])
    qtbot.addWidget(win)
    assert win.plugins.record("flood_watch").state == "active"
    assert win.findChild(QDockWidget, "flood_watch.panel") is not None
    assert "gisdesk.plugins.manage" in [a.objectName() for a in menu_path(win, "Plugins").actions()]
    plain = MainWindow(demo, QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(plain)
    assert plain.plugins is None and menu_path(plain, "Plugins") is None


def test_background_job_result_arrives_on_the_gui_thread_and_a_failing_job_fails_its_plugin(qtbot, tmp_path, monkeypatch):
    """ctx.run_in_background: the job runs on a worker, on_done on the GUI thread; a job that raises
    fails the plugin at phase 'job' and the window goes on."""
    import threading

    from PySide6.QtCore import QSettings

    from gisdesk.ui.main_window import MainWindow
    from sample_layers.generate import build_workspace

    for var in ("XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    plugins = tmp_path / "plugins"
    for name, body in {
        "gd_job_ok": "def activate(ctx):\n    ctx.run_in_background(lambda: 6 * 7, on_done=lambda r: SEEN.append((r, threading.current_thread().name)))\n",
        "gd_job_bad": "def activate(ctx):\n    ctx.run_in_background(lambda: 1 / 0)\n",
    }.items():
        pkg = plugins / name / name
        pkg.mkdir(parents=True)
        (plugins / name / "gisdesk-plugin.toml").write_text(
            f'[plugin]\nname = "{name}"\nversion = "1"\napi_version = "1"\nactivate = "{name}:activate"\n')
        (pkg / "__init__.py").write_text("import threading\nSEEN = []\n" + body)
    demo = build_workspace(tmp_path / "hue.sqlite", incidents=200)
    win = MainWindow(demo, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), plugin_dirs=[plugins])
    qtbot.addWidget(win)
    gd_job_ok = win.plugins.module("gd_job_ok", "gd_job_ok")
    qtbot.waitUntil(lambda: bool(gd_job_ok.SEEN), timeout=10000)
    assert gd_job_ok.SEEN == [(42, threading.main_thread().name)]
    qtbot.waitUntil(lambda: win.plugins.record("gd_job_bad").state == "failed", timeout=10000)
    assert win.plugins.record("gd_job_bad").phase == "job"
    assert win.plugins.record("gd_job_ok").state == "active"
    win.close()

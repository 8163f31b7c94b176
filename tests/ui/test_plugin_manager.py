"""The plugin manager dialog: states as the user reads them, failure details, enable/disable that
persists across starts, reload from disk."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDockWidget

from gisdesk.plugins.manager import PluginManager
from gisdesk.ui.plugin_host import QtHost, start_plugins
from gisdesk.ui.plugin_manager import PluginManagerDialog
from sample_layers.generate import build_workspace

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"


def plugin(root: Path, name: str, code: str, extra: str = "") -> Path:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gisdesk-plugin.toml").write_text(textwrap.dedent(f"""\
        [plugin]
        name = "{name}"
        version = "2.0.1"
        api_version = "1"
        author = "Hue city IT"
        about = "About {name}."
        repository = "https://example.org/{name}"
        activate = "{name}_code:activate"
        """) + textwrap.dedent(extra), encoding="utf-8")
    (folder / f"{name}_code.py").write_text(textwrap.dedent(code), encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def forget_plugin_modules(tmp_path):
    """Each test writes its plugins afresh: drop their modules and folders from the import system after it."""
    yield
    sys.path[:] = [p for p in sys.path if not Path(p).is_relative_to(tmp_path)]
    for name, module in list(sys.modules.items()):
        if getattr(module, "__file__", None) and Path(module.__file__).is_relative_to(tmp_path):
            del sys.modules[name]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_workspace(tmp_path_factory.mktemp("demo") / "hue.sqlite", incidents=500)


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "plugins"
    plugin(root, "census", """\
        from PySide6.QtWidgets import QLabel

        def activate(ctx):
            ctx.register_panel("census.panel", "Census", lambda ctx: QLabel("v1"))
        """)
    plugin(root, "crashy", "def activate(ctx):\n    raise KeyError('gauge_table')\n")
    plugin(root, "future", "def activate(ctx):\n    pass\n")
    text = (root / "future" / "gisdesk-plugin.toml").read_text().replace('api_version = "1"', 'api_version = "9"')
    (root / "future" / "gisdesk-plugin.toml").write_text(text)
    return root


def open_window(qtbot, demo, tmp_path, root):
    from gisdesk.ui.main_window import MainWindow

    win = MainWindow(demo, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    manager = start_plugins(win, folders=[(root, "dir")], entry_points=False, state_dir=tmp_path / "state")
    return win, manager


def test_dialog_lists_states_and_shows_the_failure(qtbot, demo, tmp_path, root):
    win, manager = open_window(qtbot, demo, tmp_path, root)
    dialog = PluginManagerDialog(manager, win)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 3
    assert dialog.state_of("census") == "active"
    assert dialog.state_of("crashy") == "failed (activate)"
    assert dialog.state_of("future") == "failed (validate)"
    rows = {dialog.table.item(r, 0).text(): [dialog.table.item(r, c).text() for c in range(4)]
            for r in range(3)}
    assert rows["census"] == ["census", "2.0.1", "dir", "active"]
    dialog.select("crashy")
    about = dialog.about.toPlainText()
    assert "Failed while: activate" in about and "KeyError: 'gauge_table'" in about
    assert "Hue city IT" in about and "https://example.org/crashy" in about
    assert dialog.traceback.isVisible() and "raise KeyError('gauge_table')" in dialog.traceback.toPlainText()
    dialog.select("future")
    assert 'api_version "9" is not supported' in dialog.about.toPlainText()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dialog.select("crashy")
    dialog.grab().save(str(ARTIFACTS / "plugin_manager.png"))


def test_disable_and_enable_persist_across_starts(qtbot, demo, tmp_path, root):
    win, manager = open_window(qtbot, demo, tmp_path, root)
    dialog = PluginManagerDialog(manager, win)
    qtbot.addWidget(dialog)
    dialog.select("census")
    assert dialog.disable_button.isEnabled() and not dialog.enable_button.isEnabled()
    dialog.disable_button.click()
    assert dialog.state_of("census") == "disabled"
    assert win.findChild(QDockWidget, "census.panel") is None
    assert "turned off by you" in dialog.about.toPlainText()
    assert dialog.enable_button.isEnabled()

    again = PluginManager(QtHost(win), folders=[(root, "dir")], entry_points=False, state_dir=tmp_path / "state")
    again.start()
    assert again.record("census").state == "disabled"

    dialog.enable_button.click()
    assert dialog.state_of("census") == "active"
    assert win.findChild(QDockWidget, "census.panel") is not None
    third = PluginManager(QtHost(win), folders=[(root, "dir")], entry_points=False, state_dir=tmp_path / "state3")
    third.discover()
    assert third.record("census").state == "inactive"
    fourth = PluginManager(QtHost(win), folders=[(root, "dir")], entry_points=False, state_dir=tmp_path / "state")
    fourth.discover()
    assert fourth.record("census").state == "inactive"  # enabled again: not in plugins.json's disabled list


def test_reload_picks_up_changes_on_disk(qtbot, demo, tmp_path, root):
    win, manager = open_window(qtbot, demo, tmp_path, root)
    dialog = PluginManagerDialog(manager, win)
    qtbot.addWidget(dialog)
    assert win.findChild(QDockWidget, "census.panel").widget().text() == "v1"
    (root / "census" / "census_code.py").write_text(textwrap.dedent("""\
        from PySide6.QtWidgets import QLabel

        def activate(ctx):
            ctx.register_panel("census.panel", "Census", lambda ctx: QLabel("v2"))
        """))
    dialog.select("census")
    dialog.reload_button.click()
    docks = [d for d in win.findChildren(QDockWidget) if d.objectName() == "census.panel"]
    assert len(docks) == 1 and docks[0].widget().text() == "v2"
    # a failed plugin fixed on disk comes back with Reload (or Enable)
    (root / "crashy" / "crashy_code.py").write_text("def activate(ctx):\n    pass\n")
    dialog.select("crashy")
    assert dialog.reload_button.isEnabled()
    dialog.reload_button.click()
    assert dialog.state_of("crashy") == "active"
    assert not dialog.traceback.isVisible()


def test_manage_plugins_menu_opens_the_dialog(qtbot, demo, tmp_path, root):
    win, manager = open_window(qtbot, demo, tmp_path, root)
    action = next(a for a in win.findChildren(type(win.actions["gisdesk.file.open"]))
                  if a.objectName() == "gisdesk.plugins.manage")
    action.trigger()
    dialog = win.findChild(PluginManagerDialog)
    assert dialog is not None and dialog.isVisible() and dialog.table.rowCount() == 3

"""The whole broken-plugin suite in the real window: every good plugin active, every broken one
reported with its phase, and the map keeps working."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from sample_layers.generate import build_workspace

FIXTURES = Path(__file__).resolve().parents[1] / "plugins" / "fixtures"

EXPECTED = {
    "gd_window": ("active", None), "gd_minimal": ("active", None),
    "bad_toml": ("failed", "discover"), "missing_name": ("failed", "discover"), "wrong_types": ("failed", "discover"),
    "gd_wrong_api": ("failed", "validate"), "gd_syntax_error": ("failed", "import"),
    "gd_import_error": ("failed", "import"), "gd_activate_error": ("failed", "activate"),
    "gd_panel_error": ("failed", "panel"), "gd_dup_contribution": ("failed", "contribute"),
    "gd_code_dup": ("failed", "contribute"), "gd_signal_error": ("failed", "signal"),
    "gd_map_tool_error": ("failed", "map_tool"),
}


@pytest.fixture
def isolated_user_folders(tmp_path, monkeypatch):
    """Plugin choices, crash sentinel and user plugin folder in tmp, not in the real home."""
    for var in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))


def test_broken_plugins_leave_the_window_running(qtbot, tmp_path, isolated_user_folders):
    import sys

    from gisdesk.ui.main_window import MainWindow

    demo = build_workspace(tmp_path / "hue.sqlite", incidents=500)
    dirs = [FIXTURES / "window_good", FIXTURES / "broken", FIXTURES / "good" / "gd_minimal"]
    paths_before, modules_before = list(sys.path), set(sys.modules)
    win = MainWindow(demo, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), plugin_dirs=dirs)
    try:
        qtbot.addWidget(win)
        win.show()
        with qtbot.waitSignal(win.canvas.rendered, timeout=30000):
            pass
        # a signal handler that raises: fire the event it listens to
        cams = next(lyr for lyr in win.model.layers if getattr(lyr, "name", "") == "cameras")
        win.model.selection.set(cams.id, [1, 2])
        # a map tool that raises on press: pick it and click the map
        tool_action = next(a for a in win.findChildren(type(win.actions["gisdesk.tool.pan"]))
                           if a.objectName() == "gd_map_tool_error.tool")
        tool_action.trigger()
        qtbot.mouseClick(win.canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
        assert win.canvas.tool.name == "pan"  # back to panning after the tool failed

        states = {rec.name: (rec.state, rec.phase) for rec in win.plugins.records}
        for name, (state, phase) in EXPECTED.items():
            assert states.get(name, (None, None))[0] == state, (name, states.get(name))
            if phase:
                assert states[name][1] == phase, (name, states[name])
        failed = [rec for rec in win.plugins.records if rec.state == "failed"]
        assert all(rec.traceback or rec.error for rec in failed)
        assert win.messages.isVisible() and win.messages.level in ("error", "warning")
        # the good plugin's contributions are there and work
        from PySide6.QtWidgets import QDockWidget

        gd_window = win.plugins.module("gd_window", "gd_window")  # the module the plugin runs (its namespace)
        assert any(d.objectName() == "gd_window.panel" for d in win.findChildren(QDockWidget))
        command = next(a for a in win.findChildren(type(win.actions["gisdesk.tool.pan"]))
                       if a.objectName() == "gd_window.count")
        command.trigger()
        assert gd_window.COUNTS[-1] == len(win.model.layers)
        # the app still works: pan and get a fresh map
        win.canvas.pan_pixels(50, 0)
        with qtbot.waitSignal(win.canvas.rendered, timeout=30000) as blocker:
            pass
        assert not isinstance(blocker.args[0], Exception)
    finally:
        win.close()
        sys.path[:] = paths_before
        for name in set(sys.modules) - modules_before:
            if name.startswith(("gd_", "gisdesk_plugin_gd_")):
                del sys.modules[name]

"""The window, started for real in a subprocess (offscreen), with plugins whose panel module kills
the process or raises KeyboardInterrupt when the window creates the panel: the window opens
every time (at worst the next start, with the killer turned off and the reason in the message
bar) and the good plugin's panel is there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import gisdesk

START = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QDockWidget
    app = QApplication(sys.argv)
    from gisdesk.ui.main_window import MainWindow
    workspace, plugins, ini = sys.argv[1:4]
    win = MainWindow(Path(workspace), QSettings(ini, QSettings.Format.IniFormat), plugin_dirs=[Path(plugins)])
    win.show()
    app.processEvents()
    print(json.dumps({
        "plugins": {r.name: [r.state, r.phase, r.error, r.reason] for r in win.plugins.records},
        "docks": sorted(d.objectName() for d in win.findChildren(QDockWidget) if d.objectName().startswith("gd_")),
        "message": [win.messages.level, win.messages.text.text()],
    }))
    win.close()
""")


def panel_plugin(root: Path, name: str, module_code: str) -> None:
    pkg = root / name / name
    pkg.mkdir(parents=True)
    (root / name / "gisdesk-plugin.toml").write_text(
        f'[plugin]\nname = "{name}"\nversion = "1"\napi_version = "1"\n\n[[contributes.panels]]\n'
        f'id = "{name}.panel"\ntitle = "Panel"\nfactory = "{name}.view:make"\n', encoding="utf-8")
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "view.py").write_text(module_code + "\nfrom PySide6.QtWidgets import QLabel\n\n"
                                 "def make(ctx):\n    return QLabel(ctx.name)\n", encoding="utf-8")


def start_window(workspace: Path, plugins: Path, home: Path) -> tuple[int, dict | None, str]:
    env = dict(os.environ, XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), QT_QPA_PLATFORM="offscreen", GISDESK_PLUGIN_TIMEOUT="5",
               PYTHONPATH=str(Path(gisdesk.__file__).resolve().parents[1]))
    proc = subprocess.run([sys.executable, "-c", START, str(workspace), str(plugins), str(home / "window.ini")],
                          capture_output=True, text=True, env=env, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    return proc.returncode, json.loads(lines[-1]) if lines else None, proc.stderr


def test_the_window_opens_every_time_and_the_good_panel_stays(workspace, tmp_path):
    plugins = tmp_path / "plugins"
    panel_plugin(plugins, "gd_a_interrupts", "raise KeyboardInterrupt")
    panel_plugin(plugins, "gd_b_kills", "import os\nos._exit(7)")
    panel_plugin(plugins, "gd_c_good", "")
    code, _, err = start_window(workspace, plugins, tmp_path)
    assert code == 7, err  # the window process died inside gd_b_kills' panel module

    code, seen, err = start_window(workspace, plugins, tmp_path)
    assert code == 0, err
    got = seen["plugins"]
    assert got["gd_a_interrupts"][:3] == ["failed", "import", "KeyboardInterrupt while importing gd_a_interrupts.view"]
    assert got["gd_b_kills"][0] == "disabled"
    assert got["gd_b_kills"][3] == "gisdesk crashed or hung while importing it at the last start"
    assert got["gd_c_good"][0] == "active"
    assert {got[name][0] for name in ("incidents", "tasks", "dashboards")} == {"active"}
    assert seen["docks"] == ["gd_c_good.panel"]
    assert seen["message"][0] in ("warning", "error") and seen["message"][1]

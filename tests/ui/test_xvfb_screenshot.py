"""Under a real X server (Xvfb) the window opens on the demo city; the screen is kept as an artefact."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from sample_layers.generate import build_workspace

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"

SCRIPT = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from gisdesk.ui.app import open_window

workspace, out, ini = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
app = QApplication(sys.argv[:1])
win = open_window(workspace, QSettings(ini, QSettings.Format.IniFormat), ask_sign_in=False)
win.move(0, 0)
win.resize(1920, 1080)  # no window manager under Xvfb to maximise it

def shoot():
    app.primaryScreen().grabWindow(0).save(out)
    app.quit()

win.canvas.rendered.connect(lambda result: QTimer.singleShot(800, shoot))
QTimer.singleShot(60000, app.quit)
sys.exit(app.exec())
"""


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run (Debian xvfb) is not installed")
def test_window_on_xvfb_shows_the_demo_city(tmp_path):
    from PySide6.QtGui import QImage

    demo = build_workspace(tmp_path / "hue_demo.sqlite", incidents=5000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out = ARTIFACTS / "xvfb_window_demo_city.png"
    out.unlink(missing_ok=True)
    env_script = tmp_path / "shot.py"
    env_script.write_text(SCRIPT)
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, str(env_script), str(demo),
                           str(out), str(tmp_path / "s.ini")], capture_output=True, text=True, timeout=120,
                          env={k: v for k, v in __import__("os").environ.items() if k != "QT_QPA_PLATFORM"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    img = QImage(str(out)).convertToFormat(QImage.Format.Format_RGB32)
    assert (img.width(), img.height()) == (1920, 1080)
    arr = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes()).reshape(1080, -1, 4)[:, :1920, :3]
    colours = np.unique(arr[::8, ::8].reshape(-1, 3), axis=0)
    assert len(colours) > 200  # a styled map, a layer tree with legend icons, not a blank screen
    blue = (arr[:, :, 0] > arr[:, :, 2] + 40).mean()  # flood raster and rivers (BGR order)
    assert blue > 0.005

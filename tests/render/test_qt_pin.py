"""PySide6 6.12.0 aborts Python 3.11 after ~16,000 void QPainter calls (DESIGN.md).

This test makes 20,000 such calls in a fresh interpreter, so a bump of the
PySide6 pin that brings the bug back fails here instead of crashing users.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPolygonF
app = QGuiApplication([])
img = QImage(200, 200, QImage.Format.Format_ARGB32_Premultiplied)
p = QPainter(img)
line = QPolygonF([QPointF(0, 0), QPointF(10, 10), QPointF(20, 0)])
for i in range(10000):
    p.drawRect(QRectF(i % 190, i % 180, 5, 5))
    p.drawPolyline(line)
p.end()
print("ok")
"""


def test_twenty_thousand_void_qpainter_calls_do_not_abort():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-2000:]}"
    assert proc.stdout.strip() == "ok"


def test_pinned_pyside_is_611():
    import PySide6

    major, minor = (int(v) for v in PySide6.__version__.split(".")[:2])
    assert (major, minor) == (6, 11), f"PySide6 {PySide6.__version__}: re-check the 6.12 abort before moving the pin"

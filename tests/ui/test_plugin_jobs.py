"""Background jobs of plugins in the window: only the job runs on a worker thread; its failure
(removing the plugin's dock, writing the message bar) and ``on_done`` run on the GUI thread, and
Qt never warns about an object used from the wrong thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QDockWidget

#: Qt's warnings about widgets, timers or children touched from another thread
CROSS_THREAD = ("QObject::", "Cannot create children", "timers cannot", "Timers cannot", "QWidget::repaint",
                "QPixmap: It is not safe", "different thread", "another thread")

JOB_PLUGIN = """\
import threading
import time

from PySide6.QtWidgets import QLabel

SEEN = []


def make_panel(ctx):
    return QLabel("gauges")


def count(ctx):
    time.sleep(0.2)  # the panel is on screen before the job ends
    raise RuntimeError("the gauge feed is down, on purpose")


def activate(ctx):
    ctx.run_in_background(lambda: SEEN.append(("job", threading.get_ident())) or 41 + 1,
                          on_done=lambda r: SEEN.append(("done", r, threading.get_ident())))
    ctx.run_in_background(count, ctx)
"""

MANIFEST = """\
[plugin]
name = "gd_jobs"
version = "1"
api_version = "1"
activate = "gd_jobs:activate"

[[contributes.panels]]
id = "gd_jobs.panel"
title = "Gauges"
factory = "gd_jobs:make_panel"
"""


@pytest.fixture
def qt_warnings():
    """Every Qt warning printed while the test runs (the previous handler is put back)."""
    seen: list[str] = []

    def handler(kind, context, message):
        if kind != QtMsgType.QtDebugMsg:
            seen.append(message)

    previous = qInstallMessageHandler(handler)
    yield seen
    qInstallMessageHandler(previous)


def test_a_failing_job_is_cleaned_up_on_the_gui_thread(qtbot, workspace, tmp_path, monkeypatch, qt_warnings):
    from gisdesk.ui.main_window import MainWindow

    for var in ("XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    root = tmp_path / "plugins" / "gd_jobs"
    (root / "gd_jobs").mkdir(parents=True)
    (root / "gisdesk-plugin.toml").write_text(MANIFEST, encoding="utf-8")
    (root / "gd_jobs" / "__init__.py").write_text(JOB_PLUGIN, encoding="utf-8")
    win = MainWindow(workspace, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                     plugin_dirs=[tmp_path / "plugins"])
    qtbot.addWidget(win)
    gui = threading.get_ident()
    failed_on, told_on = [], []
    win.plugins.changed.connect(lambda rec: failed_on.append(threading.get_ident()) if rec.state == "failed" else None)
    show = win.messages.show_message
    monkeypatch.setattr(win.messages, "show_message",
                        lambda *a, **k: (told_on.append(threading.get_ident()), show(*a, **k))[1])
    assert win.findChild(QDockWidget, "gd_jobs.panel") is not None
    rec = win.plugins.record("gd_jobs")

    qtbot.waitUntil(lambda: rec.state == "failed", timeout=10000)
    assert (rec.phase, rec.error) == ("job", "RuntimeError: the gauge feed is down, on purpose")
    assert "gd_jobs/__init__.py" in rec.traceback  # the worker's frames are in the traceback
    assert failed_on == [gui] and told_on and set(told_on) == {gui}  # cleanup and message: GUI thread
    assert win.findChild(QDockWidget, "gd_jobs.panel") is None  # the dock is gone
    assert win.messages.level == "error" and "gd_jobs" in win.messages.text.text()
    seen = win.plugins.module("gd_jobs", "gd_jobs").SEEN
    assert seen[0][0] == "job" and seen[0][1] != gui  # the job itself ran on a worker
    qtbot.wait(50)  # let anything queued reach Qt
    assert not [m for m in qt_warnings if any(k in m for k in CROSS_THREAD)], qt_warnings
    win.close()


def test_a_job_result_arrives_on_the_gui_thread_and_the_future_has_it(qtbot, workspace, tmp_path, monkeypatch):
    from gisdesk.ui.main_window import MainWindow

    for var in ("XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    root = tmp_path / "plugins" / "gd_jobs"
    (root / "gd_jobs").mkdir(parents=True)
    (root / "gisdesk-plugin.toml").write_text(MANIFEST, encoding="utf-8")
    (root / "gd_jobs" / "__init__.py").write_text(JOB_PLUGIN.replace("    ctx.run_in_background(count, ctx)\n", ""),
                                                  encoding="utf-8")
    win = MainWindow(workspace, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                     plugin_dirs=[tmp_path / "plugins"])
    qtbot.addWidget(win)
    ctx = win.plugins.record("gd_jobs").context
    future = ctx.run_in_background(lambda a, b: a * b, 6, 7)
    qtbot.waitUntil(future.done, timeout=10000)
    assert future.result() == 42
    seen = win.plugins.module("gd_jobs", "gd_jobs").SEEN
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10000)
    assert seen[1] == ("done", 42, threading.get_ident())
    assert win.plugins.record("gd_jobs").state == "active"
    win.close()

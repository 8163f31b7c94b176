"""A workspace kept locked by another writer is said in the message bar, never a silent empty form."""

from __future__ import annotations

import subprocess
import sys

from gisdesk.core.users import User
from gisdesk.store import connection
from gisdesk.store.connection import connect
from gisdesk.store.tasks_store import TaskStore
from gisdesk.ui.message_bar import MessageBar
from gisdesk.ui.progress import run_or_report
from tests.safety_files import LOCKER


def test_a_busy_workspace_is_reported_in_the_message_bar(qtbot, workspace, monkeypatch):
    conn = connect(workspace)  # WAL, as the window leaves it
    conn.close()
    monkeypatch.setattr(connection, "DEFAULT_BUSY_TIMEOUT_MS", 300)
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show()
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(workspace)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        opened = run_or_report(lambda: TaskStore(workspace, User("dispatcher", "", "viewer")), bar, delay_s=5)
    finally:
        locker.stdin.close()
        locker.wait(timeout=10)
    assert opened is None
    assert bar.isVisible() and bar.level == "warning"
    assert bar.text.text() == "The workspace is busy: another program is writing; try again."
    assert workspace.name in bar.details.toPlainText()
    with TaskStore(workspace, User("dispatcher", "", "viewer")) as store:  # the lock is gone: it opens
        assert store.user.role == "city_dispatcher"

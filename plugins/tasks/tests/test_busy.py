"""A workspace another program holds locked: the Tasks form says so and keeps what was typed (issue 12:
"the Tasks form then shows nothing; the error goes only to stderr"). Once the lock is gone, the same
form goes through."""

from __future__ import annotations

import subprocess
import sys

from gisdesk.api import User

from cases import new_incident

HOLD = ("import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n")


def test_a_locked_workspace_is_reported_in_the_form_and_nothing_typed_is_lost(main_window, monkeypatch):
    # a short wait for the lock, so the test does not sit through the default 5 s
    monkeypatch.setattr("gisdesk.store.connection.DEFAULT_BUSY_TIMEOUT_MS", 300)
    window = main_window
    assert window.switch_user(User("dispatcher", "dispatcher", "city_dispatcher"))
    panel = window.plugin_host.docks["tasks.panel"].widget()
    ctx = panel.ctx
    task = ctx.tasks.create_from_incident(new_incident(ctx, "Phú Hội"))
    panel.open_task(task.uuid)
    form = panel.action_form("assign")
    form.note.setPlainText("Người dân báo ngập sâu")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(ctx.workspace.path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert not form.submit()
        assert "busy" in form.message.text().lower()
        assert form.isVisible() or form.result() == 0  # still open, not accepted
        assert form.note.toPlainText() == "Người dân báo ngập sâu"
        assert ctx.tasks.task(task.uuid).state == "created"  # nothing was written
    finally:
        holder.kill()
        holder.wait()
    assert form.submit(), form.message.text()
    assert ctx.tasks.task(task.uuid).state == "assigned"

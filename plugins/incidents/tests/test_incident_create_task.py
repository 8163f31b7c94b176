""""Create task" on the incident form asks the access policy and says when no Tasks panel listens."""

from __future__ import annotations

from test_incident_access_panel import DISPATCHER, VIEWER, signed_in


def test_create_task_needs_the_city_and_a_tasks_panel(main_window):
    panel = signed_in(main_window, DISPATCHER)  # only the Incidents plugin runs in this window
    ctx = panel.ctx
    uuid = ctx.incidents.list(commune="Phú Hội", limit=1)[0].uuid
    panel.open_incident(uuid)
    assert panel.form.create_task.isVisible() and panel.form.create_task.isEnabled()
    layer = ctx.workspace.layer("incidents")
    rowid = ctx.workspace.read("SELECT rowid AS r FROM incidents WHERE uuid = ?", (uuid,))[0]["r"]
    assert list(ctx.canvas.selection(layer.id)) == [rowid]  # the incident open is the one selected on the map
    before = len(ctx.tasks.tasks())
    assert not panel.create_task([uuid])  # nobody makes tasks here: said, nothing created
    assert "Open the Tasks panel" in panel.hint.text()
    assert len(ctx.tasks.tasks()) == before

    panel = signed_in(main_window, VIEWER)
    panel.open_incident(uuid)
    button = panel.form.create_task
    assert button.isVisible() and not button.isEnabled() and "Not allowed" in button.toolTip()
    assert not panel.create_task([uuid]) and "Not allowed" in panel.hint.text()

"""The callback dialog: an unsatisfied answer reopens the case with the callback as the reason;
a partly satisfied one may leave it closed; commune officers get no button; a refusal says why."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cases import new_incident
from exif_photo import jpeg_with_gps
from test_tasks_panel import sign_in


def closed_case(window, qtbot, panel, tmp_path) -> str:
    """A task on a new Phú Hội incident taken to ``closed`` through the panel's forms; its id."""
    ctx = panel.ctx
    sign_in(window, qtbot, "dispatcher")
    uuid = new_incident(ctx, "Phú Hội", "flooding", 3)
    task = ctx.tasks.create_from_incident(uuid)
    ctx.tasks.transition(task.uuid, "assign", task.version, commune="Phú Hội")
    sign_in(window, qtbot, "phu_hoi")
    panel.open_task(task.uuid)
    for action in ("accept", "start"):
        assert panel.action_form(action).submit(), panel.form.message.text()
    form = panel.action_form("complete")
    site = ctx.tasks.task(task.uuid).area
    from pyproj import Transformer

    lon, lat = Transformer.from_crs(ctx.canvas.crs, "EPSG:4326", always_xy=True).transform(site.x, site.y)
    photo = tmp_path / "done.jpg"
    photo.write_bytes(jpeg_with_gps(lon, lat))
    form.set_photo(photo)
    form.note.setPlainText("Drain cleared")
    assert form.submit(), form.message.text()
    sign_in(window, qtbot, "dispatcher")
    panel.open_task(task.uuid)
    panel.confirm = lambda title, text: False
    assert panel.action_form("verify").submit(), panel.form.message.text()
    return task.uuid


def test_an_unsatisfied_callback_reopens_the_case_and_a_partly_one_may_not(main_window, qtbot, tmp_path):
    panel = main_window.plugin_host.docks["tasks.panel"].widget()
    ctx = panel.ctx
    task_id = closed_case(main_window, qtbot, panel, tmp_path)
    detail = panel.detail
    qtbot.mouseClick(detail.callback_button, Qt.MouseButton.LeftButton)
    dialog = detail.callback_dialog
    dialog.pick("partly")
    assert dialog.reopen.isEnabled() and not dialog.reopen.isChecked()  # offered, not pressed on the dispatcher
    assert dialog.submit(), dialog.message.text()
    assert ctx.tasks.task(task_id).state == "closed"

    dialog = detail.open_callback()
    dialog.pick("not_satisfied")
    assert dialog.reopen.isChecked()
    dialog.note.setText("water is back")
    assert dialog.submit(), dialog.message.text()
    task = ctx.tasks.task(task_id)
    assert task.state == "in_progress"  # reopened: back to the commune's work
    last = ctx.tasks.timeline(task_id)[-1]
    assert last["action"] == "reopen" and last["note"] == "callback: not satisfied (water is back)"
    assert [(c["result"], c["reopened"]) for c in ctx.tasks.callbacks(task_id)] == [("partly", 0),
                                                                                 ("not_satisfied", 1)]
    text = detail.callbacks_label.text()
    assert "Partly satisfied" in text and "Not satisfied — “water is back” (case reopened)" in text
    assert not detail.callback_button.isVisibleTo(detail)  # not closed any more: nothing to call back
    assert "reopened" in detail.message.text()


def test_a_commune_officer_gets_no_callback_button_and_a_refused_callback_says_why(main_window, qtbot, tmp_path):
    panel = main_window.plugin_host.docks["tasks.panel"].widget()
    ctx = panel.ctx
    task_id = closed_case(main_window, qtbot, panel, tmp_path)
    dialog = panel.detail.open_callback()  # opened by the dispatcher ...
    sign_in(main_window, qtbot, "phu_hoi")  # ... submitted after the commune officer signed in
    assert not dialog.submit()
    assert dialog.message.text().startswith("Not recorded:") and "\n" not in dialog.message.text()
    panel.open_task(task_id)
    assert not panel.detail.callback_button.isVisibleTo(panel.detail)
    sign_in(main_window, qtbot, "dispatcher")
    assert ctx.tasks.callbacks(task_id) == []

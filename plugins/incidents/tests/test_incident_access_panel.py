"""The Incidents panel follows the access policy (issue 12): disabled controls with the reason,
refusals explained in the form, and a clean slate when someone else signs in.

Expected states are written from the rule by hand: a viewer changes nothing; ``phu_hoi``
(commune officer of Phú Hội) reports anywhere, changes only Phú Hội's incidents and never
re-routes; the dispatcher does everything.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from gisdesk.api import Incidents, User

VIEWER = User("viewer", "viewer", "viewer")
PHU_HOI = User("phu_hoi", "phu_hoi", "commune_officer", commune="Phú Hội")
DISPATCHER = User("dispatcher", "dispatcher", "city_dispatcher")


def signed_in(window, user):
    assert window.switch_user(user)
    return window.plugin_host.docks["incidents.panel"].widget()


def action(panel, name) -> QAction:
    found = panel.findChild(QAction, name)
    assert found is not None, name
    return found


def acting_as(ctx, name):
    """Another user's ``Incidents`` on the same workspace (someone at another desk)."""
    return Incidents(ctx.workspace.path, lambda: name, lambda incident: None)


def first_of(ctx, commune):
    """The oldest open incident of ``commune`` in the file, read by the dispatcher (who reads every row:
    ``ctx.workspace`` reads only what the signed-in user may see)."""
    found = [i for i in acting_as(ctx, "dispatcher").list(commune=commune)
             if i.status not in ("rejected", "duplicate")]
    return found[-1].uuid


def test_viewer_finds_every_editing_control_disabled_with_the_reason(main_window):
    panel = signed_in(main_window, VIEWER)
    for name in ("incidents.draw_point.button", "incidents.draw_line.button", "incidents.draw_polygon.button",
                 "incidents.edit_shape.button", "incidents.rules_action", "incidents.import_detections",
                 "incidents.import_open311"):
        act = action(panel, name)
        assert not act.isEnabled(), name
        assert "viewer" in act.toolTip() and "not change" in act.toolTip(), name
    panel.open_incident(first_of(panel.ctx, "Phú Hội"))
    form = panel.form
    assert form.uuid is not None  # a viewer reads it ...
    for w in (form.save, form.delete, form.status, form.override, form.category, form.severity, form.description,
              form.add_file, form.remove_file):
        assert not w.isEnabled(), w.objectName()  # ... and changes nothing
    assert "viewer" in form.delete.toolTip() and "viewer" in form.save.toolTip()


def test_phu_hoi_edits_own_incidents_never_reroutes_and_lists_only_phu_hoi(main_window, qtbot):
    panel = signed_in(main_window, PHU_HOI)
    assert action(panel, "incidents.draw_point.button").isEnabled()  # reports anywhere
    assert not action(panel, "incidents.rules_action").isEnabled()
    rows = panel.list.model.rows
    assert rows and {inc.commune for inc in rows} == {"Phú Hội"}
    panel.open_incident(rows[0].uuid)
    form = panel.form
    qtbot.waitUntil(form.save.isEnabled, timeout=3000)  # once validation and routing have been checked
    assert form.status.isEnabled() and form.delete.isEnabled() and form.category.isEnabled()
    assert not form.override.isEnabled() and "only the city" in form.override.toolTip()
    vinh_ninh = first_of(panel.ctx, "Vĩnh Ninh")
    panel.open_incident(vinh_ninh)  # not theirs to see: the form keeps the Phú Hội incident
    assert form.uuid == rows[0].uuid and "Vĩnh Ninh" in panel.hint.text()


def test_a_refused_or_stale_save_says_why_and_keeps_what_was_typed(main_window):
    panel = signed_in(main_window, DISPATCHER)
    uid = first_of(panel.ctx, "Phú Hội")
    panel.open_incident(uid)
    form = panel.form
    other = acting_as(panel.ctx, "admin")  # someone else changes it meanwhile
    other.update(uid, {"address": "Cầu Trường Tiền"})
    other.close()
    form.description.setPlainText("typed by the dispatcher")
    panel.save()
    assert "admin" in form.check.text() and "address" in form.check.text()
    assert form.description.toPlainText() == "typed by the dispatcher" and form.uuid == uid
    assert panel.ctx.incidents.get(uid).description != "typed by the dispatcher"
    assert panel.undo_stack.count() == 0

    panel = signed_in(main_window, PHU_HOI)
    panel.open_incident(uid)
    city = acting_as(panel.ctx, "dispatcher")  # the city sends it to Vĩnh Ninh meanwhile
    city.update(uid, {"commune": "Vĩnh Ninh"}, "wrong ward")
    city.close()
    form.description.setPlainText("typed by phu_hoi")
    panel.save()
    assert "phu_hoi" in form.check.text() and "Vĩnh Ninh" in form.check.text()
    assert form.description.toPlainText() == "typed by phu_hoi"


def test_switch_user_clears_the_undo_stack_form_selection_and_highlights(main_window, qtbot):
    panel = signed_in(main_window, DISPATCHER)
    ctx = panel.ctx
    uid = panel.list.model.rows[0].uuid
    panel.open_incident(uid)
    form = panel.form
    form.severity.setCurrentIndex(form.severity.findData(4 if ctx.incidents.get(uid).severity != 4 else 1))
    qtbot.waitUntil(form.save.isEnabled, timeout=3000)
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert panel.undo_stack.count() == 1 and panel.undo_action.isEnabled()
    assert ctx.canvas.graphics()  # the incident being edited is highlighted
    assert panel.list.table.selectionModel().hasSelection()

    panel = signed_in(main_window, VIEWER)
    assert panel.undo_stack.count() == 0 and not panel.undo_action.isEnabled()
    assert form.uuid is None and not form.isEnabled()
    assert ctx.canvas.graphics() == []
    assert not panel.list.table.selectionModel().hasSelection()
    assert not action(panel, "incidents.draw_point.button").isEnabled()


def test_undo_after_someone_elses_change_is_a_conflict_not_an_overwrite(main_window, qtbot):
    panel = signed_in(main_window, DISPATCHER)
    ctx = panel.ctx
    uid = first_of(ctx, "Phú Hội")
    panel.open_incident(uid)
    form = panel.form
    old = ctx.incidents.get(uid).severity
    form.severity.setCurrentIndex(form.severity.findData(4 if old != 4 else 1))
    panel.save()
    assert panel.undo_stack.count() == 1
    other = acting_as(ctx, "admin")
    other.update(uid, {"address": "Chợ Đông Ba"})
    other.close()
    panel.undo_action.trigger()  # would write the old severity over a newer version: refused, said
    got = ctx.incidents.get(uid)
    assert got.severity != old and got.address == "Chợ Đông Ba"
    assert [e["who"] for e in ctx.incidents.events(uid)][-1] == "admin"

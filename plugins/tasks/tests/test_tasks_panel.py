"""The Tasks panel in the real window: sign in, assign, accept, complete with evidence, verify."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def panel_of(window):
    return window.plugin_host.docks["tasks.panel"].widget()


def sign_in(window, qtbot, name):
    """Sign in through the window's own sign-in dialog (SignInDialog), typing name and password."""
    seen = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "gisdesk.sign_in":
            QTimer.singleShot(20, fill)  # not shown yet
            return
        seen.append(dialog)
        qtbot.keyClicks(dialog.username, name)
        qtbot.keyClicks(dialog.password, "demo")
        dialog.accept()
        if dialog.isVisible():  # refused: say why instead of hanging
            seen.append(dialog.error.text())
            dialog.reject()

    QTimer.singleShot(0, fill)
    assert window.switch_user(), f"{name} could not sign in: {seen[1:]}"
    assert seen and window.user.name == name
    return window.user


def test_dispatcher_assigns_commune_completes_city_verifies(main_window, qtbot, tmp_path):
    window = main_window
    panel = panel_of(window)
    ctx = panel.ctx
    sign_in(window, qtbot, "dispatcher")
    assert "dispatcher" in panel.who.text().lower() or "city" in panel.who.text().lower()
    inc = ctx.incidents.list(limit=1)[0]
    task = ctx.tasks.create_from_incident(inc.uuid)
    panel.refresh()
    panel.open_task(task.uuid)
    assert panel.detail.title.text() == task.title
    assert "assign" in panel.detail.buttons and "accept" not in panel.detail.buttons

    form = panel.action_form("assign")
    form.unit.setCurrentIndex(form.unit.findText("Phú Hội"))
    assert form.submit(), form.message.text()
    assert ctx.tasks.task(task.uuid).commune == "Phú Hội"

    sign_in(window, qtbot, "phu_hoi")
    assert ctx.user.name == "phu_hoi"
    row = [t.uuid for t in panel.rows].index(task.uuid)
    panel.inbox.selectRow(row)
    qtbot.mouseDClick(panel.inbox.viewport(), Qt.MouseButton.LeftButton,
                      pos=panel.inbox.visualItemRect(panel.inbox.item(row, 0)).center())
    assert panel.detail.task is not None and panel.detail.task.uuid == task.uuid
    assert set(panel.detail.buttons) >= {"accept", "return"} and "verify" not in panel.detail.buttons
    qtbot.mouseClick(panel.detail.buttons["accept"], Qt.MouseButton.LeftButton)
    assert panel.form.action == "accept" and panel.form.isVisible()
    assert panel.form.submit(), panel.form.message.text()
    form = panel.action_form("start")
    assert form.submit(), form.message.text()

    form = panel.action_form("complete")
    assert not form.submit()  # no note, no photo: the core says what is missing, the form keeps going
    assert "note" in form.message.text()
    photo = tmp_path / "after.png"
    photo.write_bytes(PNG)
    form.note.setPlainText("Cleared the drain, water gone")
    form.set_photo(photo)
    assert form.submit(), form.message.text()
    assert ctx.tasks.task(task.uuid).state == "done"
    assert [a["name"] for a in ctx.tasks.attachments(task.uuid)] == ["after.png"]
    assert any("after.png" in panel.detail.attachments.item(i).text()
               for i in range(panel.detail.attachments.count()))

    sign_in(window, qtbot, "dispatcher")
    panel.open_task(task.uuid)
    assert "verify" in panel.detail.buttons
    form = panel.action_form("verify")
    assert form.submit(), form.message.text()

    stored = ctx.tasks.task(task.uuid)
    assert stored.state == "closed"
    steps = [(e["action"], e["who"], e["to_state"]) for e in ctx.tasks.timeline(task.uuid)]
    assert steps == [("create", "dispatcher", "created"), ("assign", "dispatcher", "assigned"),
                     ("accept", "phu_hoi", "accepted"), ("start", "phu_hoi", "in_progress"),
                     ("complete", "phu_hoi", "done"), ("verify", "dispatcher", "closed")]
    shown = [panel.detail.timeline.item(i).text() for i in range(panel.detail.timeline.count())]
    assert len(shown) == 6 and "phu_hoi: complete" in shown[4] and "Cleared the drain" in shown[4]


def test_commune_officer_sees_only_their_commune(main_window, qtbot):
    window = main_window
    panel = panel_of(window)
    sign_in(window, qtbot, "phu_hoi")
    assert panel.rows, "the demo city has open tasks for Phú Hội"
    assert {t.commune for t in panel.rows} == {"Phú Hội"}
    overview = {panel.overview.item(r, 0).text() for r in range(panel.overview.rowCount())}
    assert overview == {"Phú Hội"}
    sign_in(window, qtbot, "vinh_ninh")
    assert {t.commune for t in panel.rows} <= {"Vĩnh Ninh"}
    assert {panel.overview.item(r, 0).text() for r in range(panel.overview.rowCount())} == {"Vĩnh Ninh"}
    sign_in(window, qtbot, "dispatcher")
    assert panel.overview.rowCount() == 40
    assert panel.tabs.isTabVisible(panel.tabs.indexOf(panel.overview))


def test_second_change_from_a_stale_version_gets_the_conflict_message(main_window, qtbot):
    window = main_window
    panel = panel_of(window)
    ctx = panel.ctx
    sign_in(window, qtbot, "dispatcher")
    inc = ctx.incidents.list(limit=1)[0]
    task = ctx.tasks.create_from_incident(inc.uuid)
    panel.refresh()
    panel.open_task(task.uuid)
    first = panel.action_form("assign")
    first.unit.setCurrentIndex(first.unit.findText("Phú Hội"))
    stale = type(first)(ctx, panel.detail.task, "cancel", panel._acted, panel)  # a second window, same version
    stale.reason.setText("duplicate of another task")
    assert first.submit(), first.message.text()
    assert not stale.submit()
    assert "someone else" in stale.message.text() and "reloaded" in stale.message.text()
    assert stale.reason.text() == "duplicate of another task"  # nothing typed is lost
    stored = ctx.tasks.task(task.uuid)
    assert (stored.state, stored.commune, stored.version) == ("assigned", "Phú Hội", 2)
    assert [e["action"] for e in ctx.tasks.timeline(task.uuid)] == ["create", "assign"]

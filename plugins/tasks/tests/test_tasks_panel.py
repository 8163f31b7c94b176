"""The Tasks panel in the real window: sign in, assign, accept, complete with evidence, verify."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from cases import new_incident
from sample_layers import DEMO_PASSWORD

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
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        dialog.accept()
        if dialog.isVisible():  # refused: say why instead of hanging
            seen.append(dialog.error.text())
            dialog.reject()

    QTimer.singleShot(0, fill)
    assert window.switch_user(), f"{name} could not sign in: {seen[1:]}"
    assert seen and window.user.username == name
    return window.user


def test_dispatcher_assigns_commune_completes_city_verifies(main_window, qtbot, tmp_path):
    window = main_window
    panel = panel_of(window)
    ctx = panel.ctx
    sign_in(window, qtbot, "dispatcher")
    assert "dispatcher" in panel.who.text().lower() or "city" in panel.who.text().lower()
    inc = ctx.incidents.get(new_incident(ctx, "Phú Hội"))  # reported now: routed to Phú Hội
    layer = ctx.workspace.layer("incidents")
    rowid = ctx.workspace.read("SELECT rowid AS r FROM incidents WHERE uuid = ?", (inc.uuid,))[0]["r"]
    ctx.canvas.select(layer.id, [rowid])  # the dispatcher picks the incident on the map
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    task = panel.detail.task
    assert task is not None and task.incident_uuid == inc.uuid and task.state == "created"
    assert panel.detail.title.text() == task.title
    assert "assign" in panel.detail.buttons and "accept" not in panel.detail.buttons

    form = panel.action_form("assign")
    assert form.unit.currentText() == "Phú Hội"  # the routed commune, pre-filled
    assert form.submit(), form.message.text()
    assert ctx.tasks.task(task.uuid).commune == "Phú Hội"

    sign_in(window, qtbot, "phu_hoi")
    assert ctx.user.username == "phu_hoi"
    assert panel.detail.task is None and panel.tabs.currentIndex() == 0  # the dispatcher's task is not left open
    assert task.uuid in [t.uuid for t in panel.rows]
    tree = panel.inbox.tree
    item = panel.inbox.item_of(task.uuid)
    tree.scrollToItem(item)
    spot = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=spot)  # a double-click's first press
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=spot)
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
    asked = []
    panel.confirm = lambda title, text: asked.append(text) or True  # "mark the incident resolved?" — yes
    assert form.submit(), form.message.text()
    assert len(asked) == 1 and "resolved" in asked[0]
    assert ctx.incidents.get(inc.uuid).status == "resolved"

    stored = ctx.tasks.task(task.uuid)
    assert stored.state == "closed"
    steps = [(e["action"], e["who"], e["to_state"]) for e in ctx.tasks.timeline(task.uuid)]
    assert steps == [("create", "dispatcher", "created"), ("assign", "dispatcher", "assigned"),
                     ("accept", "phu_hoi", "accepted"), ("start", "phu_hoi", "in_progress"),
                     ("complete", "phu_hoi", "done"), ("verify", "dispatcher", "closed")]
    shown = [panel.detail.timeline.item(i).text() for i in range(panel.detail.timeline.count())]
    assert len(shown) == 6 and "phu_hoi: completed the work" in shown[4] and "Cleared the drain" in shown[4]


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
    if first.off_route_unit():  # not where the incident was routed: the form asks why
        first.off_reason.setText("Phú Hội has the pump")
    stale = type(first)(ctx, panel.detail.task, "cancel", panel._acted, panel)  # a second window, same version
    stale.reason.setText("duplicate of another task")
    assert first.submit(), first.message.text()
    assert not stale.submit()
    assert "someone else" in stale.message.text() and "reloaded" in stale.message.text()
    assert stale.reason.text() == "duplicate of another task"  # nothing typed is lost
    stored = ctx.tasks.task(task.uuid)
    assert (stored.state, stored.commune, stored.version) == ("assigned", "Phú Hội", 2)
    assert [e["action"] for e in ctx.tasks.timeline(task.uuid)] == ["create", "assign"]


def test_commune_asks_the_city_which_answers_in_a_thread(main_window, qtbot):
    window = main_window
    panel = panel_of(window)
    ctx = panel.ctx
    sign_in(window, qtbot, "phu_hoi")
    task = panel.rows[0]
    panel.open_task(task.uuid)
    assert panel.detail.ask_button.isVisibleTo(panel)
    assert "No questions" in panel.detail.questions_label.text()
    qtbot.mouseClick(panel.detail.ask_button, Qt.MouseButton.LeftButton)
    form = panel.questions.form
    assert form.isVisible() and panel.tabs.currentWidget() is panel.questions
    assert form.about.currentData() == "task"
    assert not form.submit()  # nothing written yet: the core's reason is shown, the form stays
    assert "subject" in form.message.text()
    form.subject.setText("Xe cẩu cho cống Phú Hội?")
    form.body.setPlainText("Can the city send a crane truck on Monday?")
    assert form.submit(), form.message.text()
    assert not form.isVisible()
    q = panel.questions.question
    assert q is not None and q["task_uuid"] == task.uuid and q["status"] == "open"
    assert "crane truck" in panel.questions.thread_view.toPlainText()
    assert "No answer yet" in panel.questions.thread_view.toPlainText()
    assert panel.questions.close_button.isEnabled()  # the asking commune may close it

    sign_in(window, qtbot, "dispatcher")
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.questions)).endswith("(1)")
    assert "1 open question" in panel.questions.count.text()
    row = [r["uuid"] for r in panel.questions.rows].index(q["uuid"])
    assert panel.questions.table.item(row, 1).font().bold()  # waiting for this side's answer
    panel.questions.table.selectRow(row)
    assert panel.questions.question["uuid"] == q["uuid"]
    assert panel.questions.send_button.isEnabled()
    assert not panel.questions.send_answer()  # empty answer: refused, nothing stored
    assert "text" in panel.questions.message.text()
    panel.questions.reply.setPlainText("Yes, Monday 8:00; it will meet your team at the bridge.")
    assert panel.questions.send_answer(), panel.questions.message.text()
    assert panel.questions.reply.toPlainText() == ""
    assert ctx.tasks.thread(q["uuid"])["status"] == "answered"
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.questions)) == "Questions"

    panel.questions.reply.setPlainText("draft the dispatcher did not send")
    sign_in(window, qtbot, "vinh_ninh")  # another commune does not see it at all, nor the dispatcher's draft
    assert q["uuid"] not in [r["uuid"] for r in panel.questions.rows]
    assert panel.questions.reply.toPlainText() == "" and panel.questions.message.text() == ""

    sign_in(window, qtbot, "phu_hoi")
    panel.questions.open_question(q["uuid"])
    text = panel.questions.thread_view.toPlainText()
    assert "Monday 8:00" in text and "dispatcher" in text
    assert panel.questions.send_button.text() == "Send follow-up"
    assert panel.questions.close_question()
    assert ctx.tasks.thread(q["uuid"])["status"] == "closed"
    assert not panel.questions.send_button.isEnabled()
    panel.open_task(task.uuid)
    assert "1 (0 not closed)" in panel.detail.questions_label.text()


def test_a_question_about_a_place_picked_on_the_map(main_window, qtbot):
    window = main_window
    panel = panel_of(window)
    ctx = panel.ctx
    sign_in(window, qtbot, "phu_hoi")
    panel.detail.show_task(None)
    form = panel.questions.ask_form()
    form.show()
    assert [form.about.itemData(i) for i in range(form.about.count())] == ["position"]
    form.subject.setText("Flooded lane")
    form.body.setPlainText("Who clears the lane behind the market?")
    assert not form.submit() and "Pick the place" in form.message.text()
    qtbot.mouseClick(form.pick_button, Qt.MouseButton.LeftButton)
    assert ctx.canvas.map_tool == "tasks.pick_position"
    canvas = window.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.rect().center())
    assert form.position is not None and ctx.canvas.map_tool == "gisdesk.tool.pan"
    minx, miny, maxx, maxy = ctx.canvas.extent()
    x, y = form.position
    assert minx < x < maxx and miny < y < maxy
    assert form.submit(), form.message.text()
    stored = ctx.tasks.thread(panel.questions.question["uuid"])
    assert (round(stored["x"]), round(stored["y"])) == (round(x), round(y)) and stored["task_uuid"] is None


def test_overdue_tasks_escalate_and_the_dispatcher_is_notified(main_window, qtbot):
    window = main_window
    panel = panel_of(window)
    ctx = panel.ctx
    sign_in(window, qtbot, "phu_hoi")  # a commune officer's refresh escalates its own overdue tasks too
    sign_in(window, qtbot, "dispatcher")
    late = [t for t in ctx.tasks.tasks() if t.is_overdue()]
    assert late, "the demo city has overdue tasks"
    assert all(t.escalated for t in late)
    escalations = [n for n in ctx.tasks.notifications() if n["kind"] == "escalated"]
    assert len(escalations) > 1
    shown = panel.notes.rows()  # grouped: the escalations are one row, not one row each
    assert panel.notes.tree.isVisibleTo(panel) and f"{len(escalations)} overdue tasks" in shown
    assert not any("overdue since" in s for s in shown)
    assert f"{len(ctx.tasks.notifications())} unread" in panel.notes.label.text()
    first_flagged = next(t for t in panel.rows if t.escalated)
    item = panel.inbox.item_of(first_flagged.uuid)
    assert item.text(0).startswith("▲") and item.parent().text(0).startswith("Overdue (")
    qtbot.mouseClick(panel.notes.all_button, Qt.MouseButton.LeftButton)
    assert ctx.tasks.notifications() == [] and not panel.notes.tree.isVisibleTo(panel)
    assert "No unread" in panel.notes.label.text()


def test_switch_user_leaves_nothing_of_the_previous_user_and_buttons_ask_the_policy(main_window, qtbot):
    window = main_window
    panel = panel_of(window)
    ctx = panel.ctx
    sign_in(window, qtbot, "dispatcher")
    assert panel.new_button.isEnabled()
    task = next(t for t in panel.rows if t.area is not None)
    panel.open_task(task.uuid)
    action = next(a for a in panel.detail.buttons if a != "_none")
    form = panel.action_form(action)
    form.show()
    panel.show_on_map()
    assert "task" in ctx.canvas.graphics()

    sign_in(window, qtbot, "phu_hoi")  # the dispatcher's form, task and highlight are gone
    assert not form.isVisible() and panel.form is None and panel.detail.task is None
    assert "task" not in ctx.canvas.graphics()
    assert not panel.new_button.isEnabled() and "only the city" in panel.new_button.toolTip()
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.overview)) == "My commune"
    ask = panel.questions.ask_form()
    ask.show()
    ask.subject.setText("a draft of Phú Hội")

    sign_in(window, qtbot, "viewer")  # Phú Hội's question draft is gone too
    assert not ask.isVisible()
    assert not panel.new_button.isEnabled() and "may look but not change" in panel.new_button.toolTip()
    assert not panel.questions.ask_button.isVisibleTo(panel)
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.overview)) == "City overview"
    panel.open_task(task.uuid)
    assert [a for a in panel.detail.buttons if a != "_none"] == []  # a viewer changes nothing

    sign_in(window, qtbot, "xaydung")  # a department reads no commune's tasks: no per-commune overview
    assert not panel.tabs.isTabVisible(panel.tabs.indexOf(panel.overview))

"""One case from the incident to the task, in the real window with the Incidents and Tasks panels.

Hand-off (the incident open in the Incidents panel -> a task with the routed commune and the
SLA deadline it really gets), a warning and a reason for another unit, one task for several
incidents, the task showing the incident, evidence with a photo's GPS, the inbox's search
and urgency groups counted by hand from the workspace file.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cases import new_incident
from exif_photo import jpeg_with_gps
from test_tasks_panel import sign_in

SHOTS = Path("/tmp/shots")


pytestmark = pytest.mark.with_plugins("incidents")


@pytest.fixture
def case_window(main_window):
    """The main window on a fresh demo city with both the Incidents and the Tasks panels."""
    main_window.resize(1500, 950)
    return main_window


def panels(window):
    docks = window.plugin_host.docks
    return docks["incidents.panel"].widget(), docks["tasks.panel"].widget()


def shot(window, dock_id: str, name: str, size=(560, 940)) -> None:
    """Float the panel's dock at a readable size and save what it shows (for people to look at)."""
    dock = window.plugin_host.docks[dock_id]
    dock.setFloating(True)
    dock.resize(*size)
    for _ in range(3):  # let the layouts and scroll areas settle at the new size
        QApplication.processEvents()
    dock.widget().grab().save(str(SHOTS / name))
    dock.setFloating(False)


def hhmm(moment: datetime) -> str:
    """``30 Nov 04:20`` in local time, written here with strftime (English month abbreviations)."""
    local = moment.astimezone()
    return f"{local.day} {local:%b %H:%M}"


def test_create_task_from_the_open_incident_prefills_routed_commune_and_real_sla(case_window, qtbot, tmp_path):
    window = case_window
    incidents, tasks = panels(window)
    ctx = tasks.ctx
    sign_in(window, qtbot, "dispatcher")
    uuid = new_incident(ctx, "Phú Hội", "flooding", 3, photo=jpeg_with_gps(107.59, 16.46))
    incidents.list.reload()
    incidents.open_incident(uuid)  # open in the Incidents panel; the map tool stays what it was
    assert ctx.canvas.map_tool != "gisdesk.tool.select"
    assert incidents.form.create_task.isVisible() and incidents.form.create_task.isEnabled()

    window.plugin_host.docks["tasks.panel"].hide()  # closed: the hand-off brings it back
    before = datetime.now(timezone.utc)
    qtbot.mouseClick(incidents.form.create_task, Qt.MouseButton.LeftButton)
    assert window.plugin_host.docks["tasks.panel"].isVisible()
    after = datetime.now(timezone.utc)
    task = tasks.detail.task
    assert task is not None and task.incident_uuid == uuid and task.state == "created"
    form = tasks.form
    assert form is not None and form.action == "assign" and form.isVisible()
    assert form.unit_kind.currentData() == "commune" and form.unit.currentText() == "Phú Hội"
    assert "Phú Hội" in form.routed_label.text()
    assert not form.off_route.isVisibleTo(form)
    # the demo's SLA: flooding, severity 3 -> 12 hours from the assignment
    sla = form.sla_label.text()
    assert "(in 12 h)" in sla and "12 h for flooding, severity 3" in sla
    assert any(hhmm(m + timedelta(hours=12)) in sla for m in (before, after)), sla

    # the task shows the incident: what, where, the photo, its history, and a way back
    box = tasks.detail.incident_box
    assert box.isVisibleTo(tasks.detail)
    assert box.address.text() == "12 Lê Lợi" and "Water 40 cm deep" in box.description.text()
    assert "flooding" in box.what.text() and "Phú Hội" in box.what.text()
    assert box.photos.count() == 1 and not box.photos.item(0).icon().isNull()  # a real thumbnail
    assert box.history.count() >= 1
    SHOTS.mkdir(exist_ok=True)
    shot(window, "incidents.panel", "handoff_incident.png")
    form.grab().save(str(SHOTS / "handoff_assign.png"))

    start = datetime.now(timezone.utc)
    assert form.submit(), form.message.text()
    end = datetime.now(timezone.utc)
    stored = ctx.tasks.task(task.uuid)
    assert (stored.state, stored.commune) == ("assigned", "Phú Hội")
    assert start + timedelta(hours=12) - timedelta(seconds=1) <= stored.deadline <= end + timedelta(hours=12)
    assert tasks.detail.unit.text() == "Phú Hội" and "(in 12 h)" in tasks.detail.deadline.text()
    shot(window, "tasks.panel", "handoff_task.png", (560, 1150))

    ctx.canvas.select(ctx.workspace.layer("incidents").id, [])
    box.show_button.click()  # back to the incident: selected on the map
    rowid = ctx.workspace.read("SELECT rowid AS r FROM incidents WHERE uuid = ?", (uuid,))[0]["r"]
    assert list(ctx.canvas.selection(ctx.workspace.layer("incidents").id)) == [rowid]
    viewer = box.open_viewer()
    assert viewer.strip.count() == 1 and viewer.image.pixmap() is not None and not viewer.image.pixmap().isNull()
    viewer.close()


def test_another_unit_than_the_routed_one_warns_and_needs_a_reason(case_window, qtbot):
    window = case_window
    incidents, tasks = panels(window)
    ctx = tasks.ctx
    sign_in(window, qtbot, "dispatcher")
    uuid = new_incident(ctx, "Phú Hội", "flooding", 3)
    incidents.list.reload()
    incidents.open_incident(uuid)
    assert incidents.create_task([uuid])
    form = tasks.form
    form.unit.setCurrentIndex(form.unit.findText("Vĩnh Ninh"))
    assert form.off_route.isVisibleTo(form) and "routed to Phú Hội" in form.off_route.text()
    assert not form.submit()
    assert "why" in form.message.text().lower()
    assert ctx.tasks.task(form.task.uuid).state == "created"  # refused: nothing changed
    form.off_reason.setText("Phú Hội's crew is on the flood in Thuận Hòa")
    assert form.submit(), form.message.text()
    stored = ctx.tasks.task(form.task.uuid)
    assert stored.commune == "Vĩnh Ninh"
    note = ctx.tasks.timeline(stored.uuid)[-1]["note"]
    assert note == "not the routed unit (Phú Hội): Phú Hội's crew is on the flood in Thuận Hòa"


def test_new_task_button_takes_the_incident_open_in_the_panel_and_several_make_one_task(case_window, qtbot):
    window = case_window
    incidents, tasks = panels(window)
    ctx = tasks.ctx
    sign_in(window, qtbot, "dispatcher")
    a = new_incident(ctx, "Phú Hội", "flooding", 2, description="first")
    b = new_incident(ctx, "Phú Hội", "flooding", 4, dx=40.0, description="second")
    incidents.list.reload()
    incidents.open_incident(a)  # no Select tool, no map click: the open incident is the one
    tasks.confirm = lambda *args: False
    task = tasks.new_from_incident()
    assert task is not None and task.incident_uuid == a
    tasks.form.close()

    # two rows picked in the list, "Create one task for the 2 selected incidents"
    table = incidents.list.table
    rows = [r for r, inc in enumerate(incidents.list.model.rows) if inc.uuid in (a, b)]
    table.clearSelection()
    for r in rows:
        table.selectionModel().select(incidents.list.model.index(r, 0),
                                      table.selectionModel().SelectionFlag.Select
                                      | table.selectionModel().SelectionFlag.Rows)
    menu = incidents.list.context_menu()
    act = next(x for x in menu.actions() if x.objectName() == "incidents.list.create_task")
    assert act.text() == "Create one task for the 2 selected incidents…" and act.isEnabled()
    act.trigger()
    one = tasks.detail.task
    assert one.uuid != task.uuid and one.incident_uuid == b  # about the most severe
    assert one.severity == 4 and a in one.description and b in one.description
    pa, pb = (ctx.incidents.get(u).geometry for u in (a, b))
    assert one.area.covers(pa) and one.area.covers(pb)
    assert tasks.form.action == "assign" and tasks.form.unit.currentText() == "Phú Hội"
    shown = tasks.detail.about.text()
    assert tasks.detail.about.isVisibleTo(tasks.detail) and a in shown and b in shown and "first" in shown
    tasks.form.close()

    # several incidents selected on the map (any tool): "New task from selected incidents" makes one task
    c = new_incident(ctx, "Phú Hội", "flooding", 3, dx=-40.0, description="third")
    layer = ctx.workspace.layer("incidents")
    ids = [ctx.workspace.read("SELECT rowid AS r FROM incidents WHERE uuid = ?", (u,))[0]["r"] for u in (a, c)]
    ctx.canvas.select(layer.id, ids)
    mapped = tasks.new_from_incident()
    assert mapped.incident_uuid == c and a in mapped.description and c in mapped.description
    # three made by the dispatcher here (the demo's dispatch rules, acting as 'system', may add their own)
    assert len([t for t in ctx.tasks.tasks() if t.incident_uuid in (a, b, c) and t.created_by != "system"]) == 3
    tasks.form.close()

    sign_in(window, qtbot, "phu_hoi")  # a commune officer creates no task: the menu says why
    incidents.list.reload()
    incidents.list.table.selectRow(0)
    act = next(x for x in incidents.list.context_menu().actions()
               if x.objectName() == "incidents.list.create_task")
    assert not act.isEnabled() and "Not allowed" in act.toolTip()


def test_inbox_search_and_urgency_groups_match_a_hand_count(case_window, qtbot):
    window = case_window
    _, tasks = panels(window)
    sign_in(window, qtbot, "dispatcher")  # the refresh escalates overdue open tasks
    now = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)
    tasks.now = lambda: now
    tasks.refresh()
    # by hand, from the file: the city's inbox is what waits for the city (new, returned, done)
    # and what was escalated to it while still open
    # (read with the workspace's read-only SQL: the dispatcher reads every task; a second SQLite
    # library in the process would break the file locks)
    rows = [tuple(r.values()) for r in tasks.ctx.workspace.read(
        "SELECT title, category, commune, department, deadline, state FROM tasks WHERE "
        "state IN ('created', 'returned', 'done') OR (escalated = 1 AND state IN "
        "('created', 'assigned', 'accepted', 'returned', 'in_progress'))")]
    midnight = now.astimezone().replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    want = {"overdue": 0, "today": 0, "later": 0, "none": 0}
    for *_, deadline, state in rows:
        due = datetime.fromisoformat(deadline.replace("Z", "+00:00")) if deadline else None
        is_open = state != "done"
        if due is None:
            want["none"] += 1
        elif is_open and due < now:
            want["overdue"] += 1
        elif is_open and due < midnight:
            want["today"] += 1
        else:
            want["later"] += 1
    assert sum(want.values()) == len(rows) == len(tasks.rows) and want["overdue"] > 0 and want["none"] > 0
    assert tasks.inbox.group_counts() == {k: v for k, v in want.items() if v}
    assert f"{len(rows)} waiting" in tasks.count.text()
    assert f"{want['overdue']} overdue" in tasks.count.text()
    assert tasks.inbox.tree.topLevelItem(0).text(0) == f"Overdue ({want['overdue']})"

    in_phu_hoi = sum("phú hội" in " ".join(x or "" for x in r[:4]).lower() for r in rows)
    assert in_phu_hoi > 0
    qtbot.keyClicks(tasks.inbox.search, "phu hoi")  # typed without accents
    assert len(tasks.rows) == in_phu_hoi
    assert f"{in_phu_hoi} of {len(rows)} waiting" in tasks.count.text()
    SHOTS.mkdir(exist_ok=True)
    shot(window, "tasks.panel", "inbox_search.png")
    tasks.inbox.search.clear()
    tasks.inbox.due.setCurrentIndex(tasks.inbox.due.findData("overdue"))
    assert len(tasks.rows) == want["overdue"] and tasks.inbox.group_counts() == {"overdue": want["overdue"]}
    tasks.inbox.due.setCurrentIndex(0)
    done = sum(r[5] == "done" for r in rows)
    tasks.inbox.state.setCurrentIndex(tasks.inbox.state.findData("done"))
    assert len(tasks.rows) == done and tasks.inbox.state.currentText() == "done, to verify"

    # notifications: one row per kind; marking the "overdue" row read marks all of them, nothing else
    unread = tasks.ctx.tasks.notifications(limit=1000)
    kinds = {n["kind"] for n in unread}
    escalated = sum(n["kind"] == "escalated" for n in unread)
    rows_shown = tasks.notes.rows()
    assert len(rows_shown) == len(kinds) and f"{escalated} overdue tasks" in rows_shown
    group = tasks.notes.tree.topLevelItem(rows_shown.index(f"{escalated} overdue tasks"))
    assert group.childCount() == escalated
    tasks.notes.tree.setCurrentItem(group)
    assert tasks.notes.mark_selected_read() == escalated
    left = tasks.ctx.tasks.notifications(limit=1000)
    assert len(left) == len(unread) - escalated and not any(n["kind"] == "escalated" for n in left)
    assert f"{escalated} overdue tasks" not in tasks.notes.rows()

    qtbot.keyClicks(tasks.inbox.search, "phu hoi")
    sign_in(window, qtbot, "vinh_ninh")  # someone else: their inbox, without the dispatcher's search
    assert tasks.inbox.search.text() == "" and tasks.inbox.state.currentIndex() == 0
    assert len(tasks.rows) == len(tasks.inbox.tasks)


def test_a_report_with_a_photo_carrying_gps_fills_the_position(case_window, qtbot, tmp_path):
    from pyproj import Transformer

    window = case_window
    incidents, tasks = panels(window)
    ctx = tasks.ctx
    sign_in(window, qtbot, "dispatcher")
    uuid = new_incident(ctx, "Phú Hội", "flooding", 3)
    task = ctx.tasks.create_from_incident(uuid)
    ctx.tasks.transition(task.uuid, "assign", task.version, commune="Phú Hội")
    sign_in(window, qtbot, "phu_hoi")
    t = ctx.tasks.task(task.uuid)
    t = ctx.tasks.transition(t.uuid, "accept", t.version)
    t = ctx.tasks.transition(t.uuid, "start", t.version)
    tasks.open_task(t.uuid)
    site = t.area  # the incident's point, in the map CRS
    lon, lat = Transformer.from_crs(ctx.canvas.crs, "EPSG:4326", always_xy=True).transform(site.x + 8, site.y)
    photo = tmp_path / "at_the_site.jpg"
    photo.write_bytes(jpeg_with_gps(lon, lat))

    form = tasks.action_form("report")
    assert form.position.value() is None
    form.set_photo(photo)
    x, y = form.position.value()
    assert x == pytest.approx(site.x + 8, abs=0.5) and y == pytest.approx(site.y, abs=0.5)
    assert "from the photo's GPS" in form.position.info.text() and "8 m from the task's area" in \
        form.position.info.text()
    assert "has GPS" in form.photo_label.text()
    form.percent.setValue(40)
    SHOTS.mkdir(exist_ok=True)
    form.grab().save(str(SHOTS / "report_gps.png"))
    assert form.submit(), form.message.text()
    last = ctx.tasks.timeline(t.uuid)[-1]
    assert last["action"] == "report" and last["data"]["percent"] == 40
    px, py = last["data"]["position"]
    assert px == pytest.approx(site.x + 8, abs=0.5) and py == pytest.approx(site.y, abs=0.5)
    assert [a["name"] for a in ctx.tasks.attachments(t.uuid)] == ["at_the_site.jpg"]
    assert tasks.detail.attachments.count() == 1 and not tasks.detail.attachments.item(0).icon().isNull()
    viewer = tasks.detail.open_viewer()
    assert viewer.strip.count() == 1 and "at_the_site.jpg" in viewer.caption.text()
    viewer.grab().save(str(SHOTS / "evidence_viewer.png"))
    viewer.close()

    form = tasks.action_form("complete")  # typed degrees (latitude, longitude) are put on the map too
    form.position.text.setText(f"{lat:.7f}, {lon:.7f}")
    form.position.text.textEdited.emit(form.position.text.text())
    x, y = form.position.value()
    assert x == pytest.approx(site.x + 8, abs=1.0) and y == pytest.approx(site.y, abs=1.0)
    form.position.text.setText("next to the bridge")
    form.position.text.textEdited.emit(form.position.text.text())
    form.note.setPlainText("Drain cleared")
    assert not form.submit() and "two numbers" in form.message.text()
    form.show()
    ctx.canvas.set_extent((site.x - 100, site.y - 100, site.x + 100, site.y + 100))
    qtbot.mouseClick(form.position.pick_button, Qt.MouseButton.LeftButton)  # the map tool questions use
    assert ctx.canvas.map_tool == "tasks.pick_position"
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=window.canvas.rect().center())
    assert ctx.canvas.map_tool == "gisdesk.tool.pan"
    x, y = form.position.value()
    assert abs(x - site.x) < 10 and abs(y - site.y) < 10  # the map's centre is the site
    assert "picked on the map" in form.position.info.text()
    assert form.submit(), form.message.text()
    assert ctx.tasks.task(t.uuid).state == "done"

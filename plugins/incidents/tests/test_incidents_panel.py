"""The Incidents panel in the real window: draw with the mouse, fill the form, store, route, undo."""

from __future__ import annotations

import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from gisdesk.api import Incident, User


def panel_of(window, user=User("dispatcher", "dispatcher", "city_dispatcher")):
    """The panel, with ``user`` signed in (the dispatcher, who may do everything, unless told)."""
    if user is not None:
        assert window.switch_user(user)
    return window.plugin_host.docks["incidents.panel"].widget()


def to_pixel(canvas, x, y) -> QPoint:
    v = canvas.view()
    return QPoint(round((x - v.minx) / v.resolution), round((v.maxy - y) / v.resolution))


def commune_block(ctx, index):
    """A commune's name and a small square well inside it (map CRS)."""
    name = ctx.incidents.communes()[index]
    poly = ctx.incidents.commune_area(name)
    c = shapely.point_on_surface(poly.buffer(-400))
    return name, poly, c


def test_draw_a_polygon_fill_the_form_and_find_it_stored_and_routed(main_window, qtbot):
    window = main_window
    panel = panel_of(window)
    ctx = panel.ctx
    name, poly, c = commune_block(ctx, 5)
    ctx.canvas.set_extent((c.x - 600, c.y - 600, c.x + 600, c.y + 600))
    canvas = window.canvas
    before = ctx.incidents.count()

    panel.findChild(type(panel.undo_action), "incidents.draw_polygon.button").trigger()
    assert ctx.canvas.map_tool == "incidents.draw_polygon"
    corners = [(c.x - 120, c.y - 90), (c.x + 140, c.y - 100), (c.x + 130, c.y + 110), (c.x - 110, c.y + 95)]
    for x, y in corners[:3]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, to_pixel(canvas, x, y))
    stray = to_pixel(canvas, c.x + 400, c.y + 400)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, stray)
    qtbot.keyClick(canvas, Qt.Key.Key_Backspace)  # the stray corner goes
    last = to_pixel(canvas, *corners[3])
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, last)
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, last)

    form = panel.form
    assert form.isEnabled() and form.geometry is not None and form.geometry.geom_type == "Polygon"
    assert len(form.geometry.exterior.coords) == 5  # four corners, closed: the stray one was removed
    form.category.setEditText("flooding")
    form.severity.setCurrentIndex(form.severity.findData(3))
    form.channel.setCurrentIndex(form.channel.findData("hotline"))
    form.address.setText("Kiệt 12 Lê Lợi")  # QTest types ASCII only; an IME types Vietnamese
    form.description.setPlainText("Nước ngập 40 cm sau mưa lớn")
    qtbot.waitUntil(lambda: form.routed_commune.text() == name, timeout=3000)
    assert "Phòng chống thiên tai" in form.routed_department.text()
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)

    assert ctx.incidents.count() == before + 1
    stored = ctx.incidents.list(limit=1, category="flooding", channel="hotline")[0]
    assert stored.geometry.geom_type == "Polygon" and stored.geometry.within(poly)
    assert (stored.commune, stored.severity, stored.address) == (name, 3, "Kiệt 12 Lê Lợi")
    assert stored.description == "Nước ngập 40 cm sau mưa lớn"
    drawn = shapely.Polygon(corners)
    assert stored.geometry.symmetric_difference(drawn).area < 0.02 * drawn.area  # pixel rounding only
    assert panel.list.model.rows[0].uuid == stored.uuid  # the list shows it, newest first

    panel.undo_action.trigger()  # undo the report: gone from the workspace, history kept
    assert ctx.incidents.count() == before
    panel.redo_action.trigger()
    assert ctx.incidents.get(stored.uuid).commune == name
    # a severe hotline call: the demo's dispatch rule 'severe hotline calls' proposed a task right after it was saved
    assert [e["action"] for e in ctx.incidents.events(stored.uuid)] == ["created", "dispatch", "deleted", "restored"]


def test_override_needs_a_reason_and_duplicates_are_offered_not_merged(main_window, qtbot, monkeypatch):
    panel = panel_of(main_window)
    ctx = panel.ctx
    name, poly, c = commune_block(ctx, 9)
    first = ctx.incidents.create(Incident("fallen tree", c, channel="officer"))
    panel.start_new(shapely.Point(c.x + 20, c.y + 10))
    form = panel.form
    form.category.setEditText("fallen tree")
    form.override.setChecked(True)
    other = next(n for n in ctx.incidents.communes() if n != name)
    form.commune.setCurrentText(other)
    panel.recheck()
    assert not form.save.isEnabled() and "reason" in form.check.text()
    qtbot.keyClicks(form.reason, "the tree fell across the commune border")
    panel.recheck()
    assert form.save.isEnabled()
    offered = []

    def answer_link(box):
        offered.append(box.text())
        return next(b for b in box.buttons() if b.text() == "Link as duplicate")

    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.setProperty("_x", 1) or
                        setattr(box, "_clicked", answer_link(box)) or 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box._clicked)
    form.save.click()
    assert offered and "22 m away" in offered[0]
    new = ctx.incidents.list(limit=1, category="fallen tree")[0]
    assert (new.status, new.duplicate_of, new.commune) == ("duplicate", first, other)
    assert ctx.incidents.get(first).status == "new"  # nothing merged into the first report


def test_edit_tool_moves_a_corner_and_undo_puts_it_back(main_window, qtbot):
    panel = panel_of(main_window)
    ctx = panel.ctx
    name, poly, c = commune_block(ctx, 12)
    square = shapely.box(c.x - 100, c.y - 100, c.x + 100, c.y + 100)
    uid = ctx.incidents.create(Incident("illegal dumping", square))
    ctx.canvas.set_extent((c.x - 500, c.y - 500, c.x + 500, c.y + 500))
    canvas = main_window.canvas
    panel.findChild(type(panel.undo_action), "incidents.edit_shape.button").trigger()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=to_pixel(canvas, c.x + 100, c.y))  # on the edge: pick
    assert panel.form.uuid == uid
    corner, target = to_pixel(canvas, c.x + 100, c.y + 100), to_pixel(canvas, c.x + 200, c.y + 180)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, corner)
    qtbot.mouseMove(canvas, target)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, target)
    moved = ctx.incidents.get(uid).geometry
    assert moved.area > square.area * 1.2
    panel.undo_action.trigger()
    assert ctx.incidents.get(uid).geometry.equals(square)


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_photos_are_checked_and_stored_with_the_new_incident(main_window, tmp_path):
    panel = panel_of(main_window)
    ctx = panel.ctx
    _, _, c = commune_block(ctx, 3)
    (tmp_path / "ok.png").write_bytes(PNG)
    (tmp_path / "fake.jpg").write_bytes(b"not a photo")
    panel.start_new(c)
    panel.form.category.setEditText("fallen tree")
    refused = panel.form.add_files([str(tmp_path / "ok.png"), str(tmp_path / "fake.jpg")])
    assert len(refused) == 1 and "not a JPG image" in refused[0]
    assert panel.form.files.count() == 1
    panel.recheck()
    panel.form.save.click()
    stored = ctx.incidents.list(limit=1, category="fallen tree")[0]
    files = ctx.incidents.attachments(stored.uuid)
    assert [f["name"] for f in files] == ["ok.png"] and ctx.incidents.attachment_data(files[0]["id"]) == PNG


def test_detection_feed_import_reports_bad_lines_and_lists_the_new_incidents(main_window, qtbot, tmp_path):
    from incidents import feeds

    panel = panel_of(main_window)
    ctx = panel.ctx
    cams = ctx.workspace.read("SELECT code FROM cameras WHERE status = 'online' ORDER BY code LIMIT 2")
    feed = tmp_path / "detections.csv"
    feed.write_text("camera_id,type,time,confidence,snapshot\n"
                    f"{cams[0]['code']},fire,2026-11-20T03:00:00Z,0.93,/snap/1.jpg\n"
                    "CAM-9999,fire,2026-11-20T03:00:00Z,0.9,\n"
                    f"{cams[1]['code']},littering,not-a-time,0.7,\n"
                    f"{cams[1]['code']},littering,2026-11-20T04:00:00Z,0.31,/snap/2.jpg\n", encoding="utf-8")
    before = ctx.incidents.count()
    feeds.import_detections(panel, ctx, panel._imported, path=str(feed))
    qtbot.waitUntil(lambda: getattr(panel, "_last_report", None) is not None, timeout=15000)
    box = panel._last_report
    assert "Created 2" in box.text() and "rejected 2" in box.text()
    assert "line 3" in box.detailedText() and "line 4" in box.detailedText()
    assert ctx.incidents.count() == before + 2
    review = [i for i in ctx.incidents.list(limit=5, channel="camera") if i.needs_review]
    assert [i.category for i in review] == ["illegal dumping"]
    box.close()


def test_a_point_drawn_near_a_road_corner_snaps_onto_it(main_window, qtbot):
    panel = panel_of(main_window)
    ctx = panel.ctx
    wkb = ctx.workspace.read("SELECT AsBinary(geom) AS g FROM roads WHERE class = 'primary' LIMIT 1")[0]["g"]
    x, y = shapely.get_coordinates(shapely.from_wkb(wkb))[1]
    ctx.canvas.set_extent((x - 300, y - 300, x + 300, y + 300))
    canvas = main_window.canvas
    panel.findChild(type(panel.undo_action), "incidents.draw_point.button").trigger()
    near = to_pixel(canvas, x, y) + QPoint(4, -3)  # a few pixels off the corner
    qtbot.mouseMove(canvas, near)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=near)
    assert panel.form.geometry.equals(shapely.Point(x, y))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, near)  # Shift: no snap
    assert not panel.form.geometry.equals(shapely.Point(x, y))

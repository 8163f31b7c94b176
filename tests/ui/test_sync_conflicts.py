"""File › Sync conflicts lists the losing changes a user may see, both values kept."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings

from gisdesk.core.users import User
from gisdesk.store.sync_conflicts import list_conflicts
from gisdesk.store.sync_log import ensure_sync_schema


def _conflict(conn, cid: str, commune: str, reason: str) -> None:
    conn.execute("INSERT INTO gisdesk_sync_conflicts (id, at, package_id, change_id, kind, record_uuid, commune, "
                 "department, field, kept, kept_by, lost, lost_by, lost_at, reason) VALUES "
                 "(?, '2026-11-20T08:00:00Z', 'pkg', ?, 'task_event', ?, ?, NULL, 'state', ?, 'dispatcher', ?, "
                 "'phu_hoi', '2026-11-19T17:00:00Z', ?)",
                 (cid, "c" + cid, "t" + cid, commune, json.dumps({"state": "cancelled"}),
                  json.dumps({"action": "complete", "to_state": "done"}), reason))


def _fill(workspace) -> None:
    conn = sqlite3.connect(workspace)
    ensure_sync_schema(conn)
    _conflict(conn, "1", "Phú Hội", "the city cancelled the task before the commune completed it offline")
    _conflict(conn, "2", "Vĩnh Ninh", "the task was reassigned to another commune")
    conn.commit()
    conn.close()


def test_each_user_sees_the_conflicts_of_the_records_they_may_read(workspace):
    _fill(workspace)
    city = list_conflicts(workspace, "dispatcher")
    assert sorted(c["commune"] for c in city) == ["Phú Hội", "Vĩnh Ninh"]
    mine = list_conflicts(workspace, "phu_hoi")
    assert [c["commune"] for c in mine] == ["Phú Hội"]
    assert mine[0]["kept"] == {"state": "cancelled"} and mine[0]["lost"]["to_state"] == "done"  # both values kept


def test_a_workspace_without_sync_has_no_conflicts(workspace):
    assert list_conflicts(workspace, "dispatcher") == []


def test_the_dialog_from_the_file_menu(qtbot, workspace, tmp_path):
    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.take_offline_dialog import open_conflicts

    _fill(workspace)
    win = MainWindow(workspace, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                     user=User("phu_hoi", "phu_hoi", "commune_officer", commune="Phú Hội"))
    qtbot.addWidget(win)
    from PySide6.QtGui import QAction

    assert win.findChild(QAction, "gisdesk.file.sync_conflicts") is not None
    dialog = open_conflicts(win)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    texts = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert "cancelled" in texts and "done" in texts and "the city cancelled the task" in texts[7]
    assert texts[8] == "open"


#: Screenshots (looked at by a person): build/artifacts/, or $GISDESK_SHOTS.
SHOTS = Path(os.environ.get("GISDESK_SHOTS") or Path(__file__).resolve().parents[2] / "build" / "artifacts")


def _window(qtbot, path, user, tmp_path):
    from gisdesk.ui.main_window import MainWindow

    win = MainWindow(path, QSettings(str(tmp_path / f"{user.username}.ini"), QSettings.Format.IniFormat), user=user)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def _select(dialog, task_uuid, action):
    row = next(i for i, c in enumerate(dialog.rows) if c["record_uuid"] == task_uuid and c["lost"]["action"] == action)
    dialog.table.selectRow(row)
    return dialog.rows[row]


def test_the_city_settles_a_conflict_from_the_window_with_the_other_value(qtbot, workspace, tmp_path):
    from gisdesk.ui.take_offline_dialog import open_conflicts
    from tests.store.test_sync import actions, store
    from tests.store.test_sync_resolve import _completed_while_cancelled

    t, _ = _completed_while_cancelled(workspace, tmp_path, moved=(36.0, 24.0))  # reported 43 m away
    win = _window(qtbot, workspace, User("dispatcher", "IOC", "city_dispatcher"), tmp_path)
    dialog = open_conflicts(win)
    qtbot.addWidget(dialog)
    chosen = _select(dialog, t.uuid, "complete")
    form = {dialog.versions.item(r, 0).text(): (dialog.versions.item(r, 1).text(), dialog.versions.item(r, 2).text())
            for r in range(dialog.versions.rowCount())}
    assert form["state"] == ("cancelled", "done") and form["offline step"] == ("—", "complete")
    assert "phu_hoi" in dialog.who_label.text() and "dispatcher" in dialog.who_label.text()
    # both places on the map: the task's and the one the losing completion was reported from
    assert {"conflict.kept", "conflict.lost"} <= set(win.canvas.overlay_names())
    assert "orange" in dialog.map_label.text()
    _select(dialog, t.uuid, "accept")  # an accept carries no position: only the task's place
    assert "conflict.kept" in win.canvas.overlay_names() and "conflict.lost" not in win.canvas.overlay_names()
    _select(dialog, t.uuid, "complete")
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not win.canvas.rendering, timeout=20000)
    win.grab().save(str(SHOTS / "sync_conflicts_map.png"))
    assert dialog.keep_button.isEnabled() and dialog.other_button.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitUntil(lambda: win.render_time.text() != "", timeout=20000)
    dialog.grab().save(str(SHOTS / "sync_conflicts_form.png"))
    dialog.other_button.click()
    with store(workspace, "dispatcher") as d:
        assert d.task(t.uuid).state == "done"  # the record has the losing value
    assert actions(workspace, t.uuid)[-1] == ("resolve", "dispatcher", "done")  # an event says who chose
    settled = next(c for c in dialog.rows if c["id"] == chosen["id"])
    assert settled["resolved_by"] == "dispatcher"
    row = dialog.table.currentRow()
    assert dialog.table.item(row, 8).text().startswith("settled by dispatcher")  # the list shows it resolved
    assert not dialog.other_button.isEnabled()
    dialog.grab().save(str(SHOTS / "sync_conflicts_settled.png"))
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not win.canvas.rendering, timeout=20000)
    win.grab().save(str(SHOTS / "sync_conflicts_window.png"))
    dialog.close()
    assert "conflict.kept" not in win.canvas.overlay_names()
    win.close()


def test_a_commune_officer_cannot_settle_a_city_field_and_sees_why(qtbot, workspace, tmp_path):
    from gisdesk.ui.take_offline_dialog import open_conflicts
    from tests.store.test_sync import store
    from tests.store.test_sync_resolve import _completed_while_cancelled

    t, _ = _completed_while_cancelled(workspace, tmp_path)
    win = _window(qtbot, workspace, User("phu_hoi", "phu_hoi", "commune_officer", commune="Phú Hội"), tmp_path)
    dialog = open_conflicts(win)
    qtbot.addWidget(dialog)
    _select(dialog, t.uuid, "complete")
    assert not dialog.other_button.isEnabled() and not dialog.keep_button.isEnabled()
    assert "only the city (dispatcher or administrator) settles a conflict" in dialog.state_label.text()
    assert "only the city" in dialog.other_button.toolTip()
    assert dialog.resolve("lost") is False  # even asked directly: refused with the reason, nothing changed
    assert dialog.state_label.text().startswith("Not settled: only the city")
    with store(workspace, "dispatcher") as d:
        assert d.task(t.uuid).state == "cancelled"
    dialog.close()
    win.close()


def test_a_lost_feature_edit_shows_both_values(qtbot, workspace, tmp_path):
    from gisdesk.store.sync_session import sync
    from gisdesk.ui.conflicts_dialog import ConflictsDialog
    from tests.store.test_sync_features import make_package, sql

    pkg = make_package(workspace, tmp_path, "moitruong")
    sql(pkg, "UPDATE drains SET diameter_mm = 800 WHERE code = 'CTN-0005'")
    sql(workspace, "UPDATE drains SET diameter_mm = 1200 WHERE code = 'CTN-0005'")
    sync(pkg)
    dialog = ConflictsDialog(workspace, "dispatcher")
    qtbot.addWidget(dialog)
    texts = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert texts[2:4] == ["diameter_mm", "1200"] and texts[5] == "800" and texts[6].startswith("moitruong")
    if os.environ.get("GISDESK_SHOT"):
        dialog.resize(1100, 220)
        dialog.grab().save(os.environ["GISDESK_SHOT"])

"""File › Sync conflicts lists the losing changes a user may see, both values kept."""

from __future__ import annotations

import json
import os
import sqlite3

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
    assert "cancelled" in texts and "done" in texts and "the city cancelled the task" in texts[-1]


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

"""File › Take offline… and a package in the window (real widgets offscreen, real files).

Screenshots go to build/artifacts/ (take_offline_dialog.png, package_window.png).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from gisdesk.core.users import User
from gisdesk.store.package_create import create_package
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.take_offline_dialog import TakeOfflineDialog, open_take_offline

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"
DISPATCHER = User("dispatcher", "Trung tâm điều hành (IOC)", "city_dispatcher")
PHU_HOI = User("phu_hoi", "Officer Phú Hội", "commune_officer", commune="Phú Hội")


def window_on(qtbot, path: Path, user: User, tmp_path: Path) -> MainWindow:
    win = MainWindow(path, QSettings(str(tmp_path / f"{path.stem}.ini"), QSettings.Format.IniFormat), user=user)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_dispatcher_takes_a_commune_offline_from_the_window(qtbot, workspace, tmp_path):
    win = window_on(qtbot, workspace, DISPATCHER, tmp_path)
    take = win.findChild(QAction, "gisdesk.file.take_offline")
    assert take is not None and take.isEnabled()
    assert take in win.menuBar().actions()[0].menu().actions()
    dialog = open_take_offline(win)
    assert isinstance(dialog, TakeOfflineDialog)
    dialog.for_combo.setCurrentText("phu_hoi")
    dialog.commune_radio.setChecked(True)
    dialog.commune_combo.setCurrentText("Phú Hội")
    out = tmp_path / "pkg" / "phu_hoi.sqlite"
    out.parent.mkdir()
    dialog.path_edit.setText(str(out))
    qtbot.waitUntil(lambda: dialog.estimate_label.text().startswith("About"), timeout=15000)
    assert "Phú Hội" in dialog.estimate_label.text()
    assert dialog.create_button.isEnabled()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "take_offline_dialog.png"))
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.status_label.text().startswith("Not"),
                    timeout=60000)
    assert dialog.report is not None, dialog.status_label.text()
    assert dialog.progress.value() == 100 and dialog.open_button.isVisible()
    dialog.grab().save(str(ARTIFACTS / "take_offline_done.png"))
    con = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT value FROM gisdesk_package WHERE key = 'user'").fetchone() == ("phu_hoi",)
        assert con.execute("SELECT DISTINCT commune FROM tasks").fetchall() == [("Phú Hội",)]
    finally:
        con.close()
    dialog.close()
    win.close()


def test_a_commune_officer_finds_take_offline_disabled_with_the_reason(qtbot, workspace, tmp_path):
    win = window_on(qtbot, workspace, PHU_HOI, tmp_path)
    take = win.findChild(QAction, "gisdesk.file.take_offline")
    assert not take.isEnabled()
    assert "only the city" in take.toolTip()
    assert open_take_offline(win) is None
    assert "only the city" in win.messages.text.text()
    win.close()


def test_a_package_opens_in_the_window_and_says_so(qtbot, workspace, tmp_path):
    out = tmp_path / "pkg" / "phu_hoi.sqlite"
    out.parent.mkdir()
    create_package(workspace, out, for_user="phu_hoi", signer="dispatcher", commune="Phú Hội")
    win = window_on(qtbot, out, PHU_HOI, tmp_path)
    assert win.windowTitle() == "gisdesk — phu_hoi.sqlite (offline package for phu_hoi, last synced never)"
    assert win.package_label.isVisible() and win.package_label.text() == "Package · last sync: never"
    names = {getattr(lyr, "name", None) for lyr in win.model.layers}
    assert {"roads", "communes", "incidents"} <= names
    assert any(getattr(lyr, "path", None) == out.with_name("phu_hoi_flood_depth.tif") for lyr in win.model.layers)
    sync = win.findChild(QAction, "gisdesk.file.sync")
    assert sync is not None
    from gisdesk.ui.take_offline_dialog import sync_engine

    engine, why = sync_engine()
    assert sync.isEnabled() == (engine is not None)
    if engine is None:
        assert "sync engine" in sync.toolTip()
    qtbot.waitUntil(lambda: win.render_time.text() != "", timeout=20000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(ARTIFACTS / "package_window.png"))
    win.close()


def test_a_plain_workspace_is_not_a_package(qtbot, workspace, tmp_path):
    win = window_on(qtbot, workspace, DISPATCHER, tmp_path)
    assert win.windowTitle() == "gisdesk — hue.sqlite"
    assert not win.package_label.isVisible()
    sync = win.findChild(QAction, "gisdesk.file.sync")
    assert not sync.isEnabled() and sync.toolTip().startswith("Not available:")
    win.close()


@pytest.mark.parametrize("last, words", [("", "never"), ("2026-11-21T08:30:00Z", "2026-11-21 08:30 UTC")])
def test_package_words(last, words):
    from gisdesk.ui.take_offline_dialog import package_words

    title, status = package_words({"user": "phu_hoi", "last_sync": last})
    assert title == f"offline package for phu_hoi, last synced {words}"
    assert status == f"Package · last sync: {words}"
    assert package_words(None) == ("", "")


def test_file_sync_sends_the_packages_change_to_its_source(qtbot, workspace, tmp_path):
    pytest.importorskip("gisdesk.store.sync_session", reason="the sync engine is not in this build")
    from gisdesk.store.tasks_store import TaskStore

    out = tmp_path / "pkg" / "phu_hoi.sqlite"
    out.parent.mkdir()
    report = create_package(workspace, out, for_user="phu_hoi", signer="dispatcher", commune="Phú Hội")
    assert report.registered, report.note
    with TaskStore(out, PHU_HOI) as store:
        task = store.tasks(state="assigned")[0]
        store.transition(task.uuid, "accept", task.version, note="offline")
    win = window_on(qtbot, out, PHU_HOI, tmp_path)
    sync = win.findChild(QAction, "gisdesk.file.sync")
    assert sync.isEnabled()
    qtbot.waitUntil(lambda: win.render_time.text() != "", timeout=20000)
    sync.trigger()
    dialog = win.sync_dialog  # File › Sync opens the Sync dialog; the sync runs on a worker thread
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert dialog.status_label.text() == "Synced."
    assert "applied" in win.messages.text.text()
    assert "last synced never" not in win.windowTitle()
    assert win.package_label.text().startswith("Package · last sync: 20")
    qtbot.wait(1500)  # the map renders again after the sync
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(ARTIFACTS / "package_synced.png"))
    con = sqlite3.connect(f"file:{workspace}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT state FROM tasks WHERE uuid = ?", (task.uuid,)).fetchone() == ("accepted",)
    finally:
        con.close()
    win.close()


def test_draw_area_on_the_map_fills_the_box_and_updates_the_estimate(qtbot, workspace, tmp_path):
    from PySide6.QtCore import QPoint, Qt

    win = window_on(qtbot, workspace, DISPATCHER, tmp_path)
    dialog = open_take_offline(win)  # deleted on close (the window owns it)
    dialog.for_combo.setCurrentText("phu_hoi")
    dialog.path_edit.setText(str(tmp_path / "area.sqlite"))
    qtbot.waitUntil(lambda: dialog.estimate_label.text().startswith("About"), timeout=15000)
    by_commune = dialog.estimate_label.text()
    previous = win.canvas.tool
    assert dialog.draw_button.isEnabled()
    dialog.draw_button.click()
    assert not dialog.isVisible() and win.canvas.tool.name == "draw_rectangle"  # the dialog hides, the tool is on
    view = win.canvas.view()
    a, b = QPoint(200, 150), QPoint(360, 290)  # a drag on the canvas, in widget pixels
    qtbot.mousePress(win.canvas, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(win.canvas, pos=QPoint(280, 220))
    qtbot.mouseMove(win.canvas, pos=b)
    qtbot.mouseRelease(win.canvas, Qt.MouseButton.LeftButton, pos=b)
    assert dialog.isVisible() and win.canvas.tool is previous  # back, with the area filled in
    assert dialog.area_radio.isChecked()
    # the box: west/south from the drag's lower-left pixel, east/north from its upper-right (map y grows upwards)
    west, north = view.minx + 200 * view.resolution, view.maxy - 150 * view.resolution
    east, south = view.minx + 360 * view.resolution, view.maxy - 290 * view.resolution
    got = [s.value() for s in dialog.box_spins]
    assert got == pytest.approx([west, south, east, north], abs=0.051)  # the spin boxes keep one decimal
    assert dialog.request()["area"] == tuple(got)
    qtbot.waitUntil(lambda: dialog.estimate_label.text().startswith("About")
                    and dialog.estimate_label.text() != by_commune, timeout=15000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "take_offline_drawn_area.png"))
    # Esc while drawing: back to the dialog, the box unchanged
    dialog.draw_button.click()
    qtbot.keyClick(win.canvas, Qt.Key.Key_Escape)
    assert dialog.isVisible() and [s.value() for s in dialog.box_spins] == got and win.canvas.tool is previous
    dialog.close()
    win.close()

"""The window on the city server: File › Connect to server, the map and attribute table as the login reads them.

Offscreen Qt (pytest-qt): the connect dialog saves a connection without its password; the
window opened on a ``postgresql://`` address draws the published demo city, a commune
officer's attribute table of incidents holds only their commune's rows, the map's write commands
are disabled with the reason, and the plugin panels are there (test_server_panels.py tests them). A screenshot is kept under build/artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from gisdesk.store.connection import connect as connect_lite
from tests.server.conftest import COMMUNE_A, PASSWORD
from tests.server.conftest import READ_DISPATCHER as DISPATCHER
from tests.server.conftest import READ_OFFICER as OFFICER

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_connect_dialog_saves_a_connection_without_the_password(qtbot, settings, tmp_path, pg_cluster,
                                                                     read_server):
    from gisdesk.store.pg_datasource import ServerDataSource
    from gisdesk.ui.server_connect import ConnectDialog, keyring_module, saved_connections

    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    dialog.name.setText("Huế city")
    dialog.host.setText(pg_cluster.host)
    dialog.port.setValue(pg_cluster.port)
    dialog.database.setText(read_server["db"])
    dialog.user.setText(OFFICER)
    dialog.password.setText(PASSWORD)
    dialog.save_current()
    assert [c.name for c in saved_connections(settings)] == ["Huế city"]
    saved = saved_connections(settings)[0]
    assert (saved.host, saved.port, saved.database, saved.user) == (pg_cluster.host, pg_cluster.port,
                                                                    read_server["db"], OFFICER)
    settings.sync()
    assert PASSWORD not in Path(settings.fileName()).read_text(encoding="utf-8")
    if keyring_module()[0] is None:  # no keyring here: the box is off and says why
        assert not dialog.keep.isEnabled() and dialog.keep.toolTip() and dialog.keyring_note.text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dialog.show()
    dialog.grab().save(str(ARTIFACTS / "server_connect_dialog.png"))

    again = ConnectDialog(settings)  # picked from the list: the fields come back, the password does not
    qtbot.addWidget(again)
    again.saved.setCurrentRow(0)
    assert (again.database.text(), again.user.text(), again.password.text()) == (read_server["db"], OFFICER, "")
    again.password.setText(PASSWORD)
    again.accept()
    assert PASSWORD not in again.url
    with ServerDataSource(again.url) as ds:  # the typed password is remembered in memory for this address
        assert ds.login == OFFICER
    assert PASSWORD not in Path(settings.fileName()).read_text(encoding="utf-8")


def _window(qtbot, settings, url):
    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.server_connect import open_server

    opened = open_server(url, None, settings)
    assert opened is not None
    address, officer = opened
    assert PASSWORD not in address
    win = MainWindow(address, settings, plugin_dirs=[], user=officer)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    with qtbot.waitSignal(win.canvas.rendered, timeout=60000):
        pass
    return win


def _layer(win, name):
    return next(lyr for lyr in win.model.layers if getattr(lyr, "name", "") == name)


def test_the_window_on_the_server_shows_the_officers_rows(qtbot, settings, read_server, read_demo_file):
    with connect_lite(read_demo_file, read_only=True) as lite:
        (mine,) = lite.execute("SELECT count(*) FROM incidents WHERE commune = ?", (COMMUNE_A,)).fetchone()
    win = _window(qtbot, settings, read_server[OFFICER])
    assert win.on_server and "server" in win.windowTitle() and PASSWORD not in win.windowTitle()
    assert {getattr(lyr, "name", "") for lyr in win.model.layers} >= {"communes", "roads", "incidents", "planning_zones"}
    assert "phu_hoi" in win.user_label.text() or OFFICER in win.user_label.text()
    grab = win.canvas.grab().toImage()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(ARTIFACTS / "server_window_officer.png"))
    img = grab.convertToFormat(grab.Format.Format_RGB32)
    px = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes()).reshape(img.height(), -1, 4)
    assert (px[:, :img.width(), :3] < 250).any(axis=2).mean() > 0.3  # the city is drawn

    incidents = _layer(win, "incidents")
    win.open_attribute_table(incidents.id)
    table = win.attribute_docks[incidents.id].widget()
    assert table.query.total == mine and table.model.rowCount() == mine
    assert set(table.query.rows(table.query.ids()[:50])) and all(
        r[table.query.columns.index("commune")] == COMMUNE_A for r in table.query.rows(table.query.ids()))

    for cid in ("gisdesk.file.add_vector", "gisdesk.file.save_state"):  # read-only, and it says why
        act = win.actions[cid]
        assert not act.isEnabled() and "server" in act.toolTip()
    assert win.locator.isEnabled()  # the search box asks the server as the login (test_server_panels.py)
    # the plugin panels work on the server (tests/server/test_server_panels.py)
    assert {"incidents.panel", "tasks.panel", "dashboards.panel"} <= set(win.plugin_host.docks)
    win.close()


def test_the_dispatcher_identifies_filters_selects_and_exports(qtbot, settings, read_server, read_demo_file,
                                                              tmp_path):
    from PySide6.QtCore import QPoint, Qt

    from gisdesk.render.layout import export_map
    from gisdesk.ui import map_ops

    with connect_lite(read_demo_file, read_only=True) as lite:
        fid, x, y = lite.execute("SELECT fid, X(geom), Y(geom) FROM incidents ORDER BY fid LIMIT 1").fetchone()
        (flooding,) = lite.execute("SELECT count(*) FROM incidents WHERE category = 'flooding'").fetchone()
    win = _window(qtbot, settings, read_server[DISPATCHER])
    incidents = _layer(win, "incidents")
    for lyr in win.model.layers:  # only the incidents, so the click finds nothing else
        lyr.visible = lyr is incidents
    win.canvas.set_extent((x - 300, y - 300, x + 300, y + 300))
    with qtbot.waitSignal(win.canvas.rendered, timeout=60000):
        pass
    win.actions["gisdesk.tool.identify"].trigger()
    v = win.canvas.view()
    qtbot.mouseClick(win.canvas, Qt.MouseButton.LeftButton,
                     pos=QPoint(int((x - v.minx) / v.resolution), int((v.maxy - y) / v.resolution)))
    hits = [h for h in win.identify_panel.hits if h.layer_title.lower().startswith("incidents")]
    assert hits and hits[0].fid == fid

    win.open_attribute_table(incidents.id)
    table = win.attribute_docks[incidents.id].widget()
    assert table.query.total == 2000
    table.filter_edit.setText("category = 'flooding'")
    qtbot.keyClick(table.filter_edit, Qt.Key.Key_Return)
    assert table.model.rowCount() == flooding > 0
    table.view.selectAll()
    assert win.model.selection.count(incidents.id) == flooding

    assert table.open_save_as_dialog() is None  # refused with the reason, not a dialog that would fail
    assert "not available" in win.messages.text.text()

    kinds = {lyr.id: map_ops.layer_kind(win.renderer, lyr) for lyr in win.model.layers}
    out = export_map(tmp_path / "map.png", win.renderer, win.model.layers, win.canvas.view(), "Huế", kinds, dpi=72)
    assert out.stat().st_size > 10_000
    win.grab().save(str(ARTIFACTS / "server_window_dispatcher.png"))
    win.close()


def test_gisdesk_with_an_address_opens_the_window_as_that_login(qtbot, settings, read_server):
    from gisdesk.ui.app import open_window

    win = open_window(read_server[OFFICER], settings, plugin_dirs=[])  # what 'gisdesk postgresql://…' does
    assert win is not None
    qtbot.addWidget(win)
    assert win.on_server and win.account.username == OFFICER and win.account.commune == COMMUNE_A
    assert PASSWORD not in str(win.workspace) and PASSWORD not in win.windowTitle()
    assert not any(PASSWORD in str(v) for k in settings.allKeys() for v in [settings.value(k)])
    win.close()


XVFB_SCRIPT = r"""
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from gisdesk.ui.app import open_window

url, out, ini = sys.argv[1], sys.argv[2], sys.argv[3]
app = QApplication(sys.argv[:1])
win = open_window(url, QSettings(ini, QSettings.Format.IniFormat), plugin_dirs=[])
win.move(0, 0)
win.resize(1366, 768)

def shoot():
    app.primaryScreen().grabWindow(0).save(out)
    app.quit()

win.canvas.rendered.connect(lambda result: QTimer.singleShot(800, shoot))
QTimer.singleShot(60000, app.quit)
sys.exit(app.exec())
"""


@pytest.mark.skipif(__import__("shutil").which("xvfb-run") is None, reason="xvfb-run (Debian xvfb) is not installed")
def test_the_window_on_the_server_under_xvfb(read_server, tmp_path):
    import os
    import subprocess
    import sys

    out = ARTIFACTS / "xvfb_window_server_phu_hoi.png"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    script = tmp_path / "shot.py"
    script.write_text(XVFB_SCRIPT)
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(script),
                           read_server[OFFICER], str(out), str(tmp_path / "s.ini")], capture_output=True, text=True,
                          timeout=120, env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    from PySide6.QtGui import QImage

    img = QImage(str(out)).convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes()).reshape(img.height(), -1, 4)
    assert len(np.unique(arr[::8, : img.width():8, :3].reshape(-1, 3), axis=0)) > 200  # a styled map, not blank

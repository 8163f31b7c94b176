"""File › Take offline… and File › Sync in the window, against the city server (issue 14), on a real PostgreSQL.

Offscreen Qt (pytest-qt). The demo city is published to a fresh database with officers
``ow_`` + the demo name (login roles are the cluster's). The window on the server as the
administrator takes Phú Hội offline for ``ow_phu_hoi``; the package opens in a window as that
officer, a task is accepted there, and File › Sync sends it to the server with the password
typed into the password dialog (only the dialog's getter is replaced, with the real password).
Expected values come from the rules: a commune officer accepts an assigned task of their
commune; the dispatcher reads every task; a dispatcher may not read another officer's account
on the server, so cannot make their package; a wrong password changes nothing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import QSettings

from gisdesk.core.users import User
from tests.server.conftest import PASSWORD

PHU_HOI = "Phú Hội"
PREFIX = "ow_"
ACCOUNTS = {"admin": ("administrator", None), "dispatcher": ("city_dispatcher", None),
            "phu_hoi": ("commune_officer", PHU_HOI)}
SECRET = "&password=" + PASSWORD.replace(" ", "%20")
SHOTS = Path(os.environ.get("GISDESK_SHOTS") or "/work/shots")


@pytest.fixture(scope="module")
def server(pg_cluster, make_db, gisdesk_demo_master, tmp_path_factory):
    """The demo city published on a fresh server with the officers; ``{account: URL without password}`` (+ ``su``)."""
    from gisdesk.store.server import add_officer, init_server
    from gisdesk.store.server_publish import publish_workspace

    copy = tmp_path_factory.mktemp("offsrv") / "hue.sqlite"
    shutil.copy(gisdesk_demo_master, copy)
    db = make_db("gisdesk_offsrv")
    su = pg_cluster.url(db)
    init_server(su)
    publish_workspace(copy, su)
    for name, (role, commune) in ACCOUNTS.items():
        add_officer(su, PREFIX + name, role, PASSWORD, commune=commune)
    return {"su": su, **{name: pg_cluster.url(db, PREFIX + name) for name in ACCOUNTS}}


def _settings(tmp_path: Path, name: str) -> QSettings:
    return QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)


def _server_window(qtbot, url: str, tmp_path: Path):
    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.server_connect import open_server

    settings = _settings(tmp_path, "server")
    address, officer = open_server(url + SECRET, None, settings)  # the password is kept in memory only
    win = MainWindow(address, settings, user=officer)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _task_state(url: str, task: str) -> str:
    """The task's state as the login of ``url`` reads it on the server (a store, under the policy and RLS)."""
    from gisdesk.store.tasks_store import TaskStore

    login = url.split("://", 1)[1].split("@", 1)[0]
    with TaskStore(url + SECRET, User(login, login, "viewer")) as store:
        return store.task(task).state


def _tree(dialog) -> dict[str, dict[str, str]]:
    out = {}
    for i in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(i)
        out[top.text(0)] = {top.child(j).text(0): top.child(j).text(1) for j in range(top.childCount())}
    return out


def test_a_dispatcher_sees_why_they_cannot_take_an_officers_commune_offline(qtbot, server, tmp_path):
    from gisdesk.ui.offline_server import ServerTakeOfflineDialog
    from gisdesk.ui.take_offline_dialog import open_take_offline

    win = _server_window(qtbot, server["dispatcher"], tmp_path)
    dialog = open_take_offline(win)
    assert isinstance(dialog, ServerTakeOfflineDialog)
    assert dialog.for_combo.count() == 1 and dialog.for_combo.itemText(0) == PREFIX + "dispatcher"  # RLS: own only
    dialog.for_combo.setCurrentText(PREFIX + "phu_hoi")
    dialog.path_edit.setText(str(tmp_path / "p.sqlite"))
    qtbot.waitUntil(lambda: dialog.estimate_label.text().startswith("Not available"), timeout=20000)
    text = dialog.estimate_label.text()
    assert "may not read ow_phu_hoi's account" in text and "an administrator makes packages" in text
    assert not dialog.create_button.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "offsrv_take_offline_refused.png"))
    dialog.start()  # pressed anyway (e.g. before the check came back): the same refusal, nothing written
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Not written"), timeout=20000)
    assert "an administrator makes packages for other officers" in dialog.status_label.text()
    assert not (tmp_path / "p.sqlite").exists()
    dialog.close()
    win.close()


def test_take_offline_on_the_server_then_sync_the_package_back_from_its_window(qtbot, server, tmp_path,
                                                                              monkeypatch, gisdesk_demo_master):
    from gisdesk.store.tasks_store import TaskStore
    from gisdesk.ui import offline_server
    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.take_offline_dialog import open_take_offline, run_sync

    with psycopg.connect(server["phu_hoi"] + SECRET) as conn:  # RLS: the tasks ow_phu_hoi reads
        assigned = [r[0] for r in conn.execute("SELECT uuid::text FROM tasks WHERE state = 'assigned' ORDER BY uuid")]
    assert assigned, "the demo city has assigned tasks in Phú Hội"
    task = assigned[0]

    # 1. the administrator's window on the server: File › Take offline… Phú Hội for ow_phu_hoi
    win = _server_window(qtbot, server["admin"], tmp_path)
    dialog = open_take_offline(win)
    assert PREFIX + "phu_hoi" in [dialog.for_combo.itemText(i) for i in range(dialog.for_combo.count())]
    from gisdesk.store.package_estimate import package_choices

    communes, layers = package_choices(gisdesk_demo_master)  # the published file offers the same choices
    assert [dialog.commune_combo.itemText(i) for i in range(dialog.commune_combo.count())] == communes
    assert [dialog.layer_list.item(i).text() for i in range(dialog.layer_list.count())] == layers
    dialog.for_combo.setCurrentText(PREFIX + "phu_hoi")
    dialog.commune_combo.setCurrentText(PHU_HOI)
    out = tmp_path / "phu_hoi.sqlite"
    dialog.path_edit.setText(str(out))
    qtbot.waitUntil(lambda: dialog.estimate_label.text().startswith("No size estimate"), timeout=20000)
    assert dialog.create_button.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "offsrv_take_offline.png"))
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.status_label.text().startswith("Not"),
                    timeout=120000)
    assert dialog.report is not None, dialog.status_label.text()
    assert dialog.progress.value() == 100 and out.exists()
    assert dialog.status_label.text().startswith("Written phu_hoi.sqlite")
    dialog.close()
    win.close()

    # 2. the package's window as ow_phu_hoi: accept a task offline
    officer = User(PREFIX + "phu_hoi", "Officer Phú Hội", "commune_officer", commune=PHU_HOI)
    pwin = MainWindow(out, _settings(tmp_path, "package"), user=officer)
    qtbot.addWidget(pwin)
    pwin.show()
    qtbot.waitExposed(pwin)
    assert pwin.package["source"].startswith("postgresql://ow_phu_hoi@")
    sync_action = next(a for a in pwin.findChildren(type(pwin.actions["gisdesk.file.quit"]))
                       if a.objectName() == "gisdesk.file.sync")
    assert sync_action.isEnabled()
    with TaskStore(out, officer) as tasks:
        t = tasks.task(task)
        assert t.state == "assigned"
        tasks.transition(task, "accept", t.version, note="on our way")

    # 3. the password dialog cancelled: nothing runs, the message bar says why; then a wrong password
    monkeypatch.setattr(offline_server, "ask_password", lambda window, login, where: None)
    assert run_sync(pwin) is None
    assert pwin.messages.text.text() == "Not done: the server needs the password of ow_phu_hoi to sync"
    # File › Sync with a wrong password: one line, nothing changed on the server
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(offline_server, "ask_password",
                        lambda window, login, where: asked.append((login, where)) or "not the password")
    dialog = run_sync(pwin)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert asked and asked[0][0] == PREFIX + "phu_hoi"
    assert dialog.status_label.text() == ("Sync failed: the server did not accept the password of ow_phu_hoi; "
                                          "nothing was sent")
    assert _task_state(server["dispatcher"], task) == "assigned"
    dialog.close()

    # 4. File › Sync with the real password (typed into the password dialog)
    monkeypatch.setattr(offline_server, "ask_password", lambda window, login, where: PASSWORD)
    dialog = run_sync(pwin)
    qtbot.waitUntil(lambda: not dialog.running, timeout=120000)
    assert dialog.status_label.text() == "Synced.", dialog.status_label.text()
    assert [bar.value() for bar in dialog.bars.values()] == [100, 100, 100]
    assert _tree(dialog)["Sent"] == {"task steps": "1 applied"}
    assert _task_state(server["dispatcher"], task) == "accepted"  # the server has it, read as the dispatcher
    assert "last synced never" not in pwin.windowTitle()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "offsrv_sync.png"))
    dialog.close()

    from gisdesk.store.users_store import UserStore

    with UserStore(out) as accounts:  # the server took the password: it signs in on the laptop now
        assert accounts.authenticate(PREFIX + "phu_hoi", PASSWORD).username == PREFIX + "phu_hoi"
    pwin.close()

"""Signing in: the role and commune come from the workspace's users table; a wrong password says no more."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from gisdesk.store.users_store import UserStore
from gisdesk.ui.sign_in import SignInDialog
from sample_layers import DEMO_PASSWORD


def test_demo_officer_signs_in_with_the_commune_from_the_workspace(qtbot, workspace):
    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)
    assert not dialog.first_run
    qtbot.keyClicks(dialog.username, "phu_hoi")
    qtbot.keyClicks(dialog.password, "wrong")
    dialog.accept()
    assert dialog.user is None and dialog.error.text() == "Wrong username or password"
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    dialog.accept()
    assert (dialog.user.username, dialog.user.role, dialog.user.commune) == ("phu_hoi", "commune_officer", "Phú Hội")


def test_first_run_creates_the_administrator(qtbot, tmp_path, workspace):
    from gisdesk.store.connection import connect

    conn = connect(workspace)
    conn.execute("DELETE FROM users")
    conn.commit()
    conn.close()
    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)
    assert dialog.first_run and dialog.repeat.isVisibleTo(dialog)
    assert dialog.hint.isVisibleTo(dialog) and dialog.hint.text() == "At least 10 characters."
    qtbot.keyClicks(dialog.username, "lan")
    qtbot.keyClicks(dialog.password, "nine-char")  # 9 characters: refused, nothing created
    qtbot.keyClicks(dialog.repeat, "nine-char")
    dialog.accept()
    assert dialog.user is None and dialog.error.text() == "A password needs at least 10 characters"
    with UserStore(workspace) as store:
        assert store.needs_first_admin()
    qtbot.keyClicks(dialog.password, "s3cret-pass")
    qtbot.keyClicks(dialog.repeat, "s3cret-pas")
    dialog.accept()
    assert dialog.user is None and "differ" in dialog.error.text()
    qtbot.keyClicks(dialog.password, "s3cret-pass")
    qtbot.keyClicks(dialog.repeat, "s3cret-pass")
    dialog.accept()
    assert (dialog.user.username, dialog.user.role) == ("lan", "administrator")
    with UserStore(workspace) as store:
        assert not store.needs_first_admin()


def test_switching_user_reaches_the_plugins(qtbot, workspace, tmp_path, monkeypatch):
    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.plugin_host import start_plugins
    from gisdesk.ui.sign_in import as_plugin_user

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    win = MainWindow(workspace, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    manager = start_plugins(win, folders=[], entry_points=False, state_dir=tmp_path / "ps", raise_errors=True)
    with UserStore(workspace) as store:
        dispatcher = as_plugin_user(store.authenticate("dispatcher", DEMO_PASSWORD))
    heard = []
    from gisdesk.plugins.context import app_events

    app_events(manager).user_changed.connect(heard.append)
    assert win.switch_user(dispatcher)
    assert heard == [dispatcher] and win.plugin_host.services().user == dispatcher
    assert "dispatcher" in win.user_label.text()


def test_after_three_wrong_passwords_the_dialog_says_how_long_to_wait(qtbot, workspace):
    from datetime import datetime, timezone

    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.store._now = lambda: datetime(2026, 5, 1, 8, 0, 0, tzinfo=timezone.utc)  # a clock that stands still
    qtbot.keyClicks(dialog.username, "viewer")
    for _ in range(3):
        qtbot.keyClicks(dialog.password, "wrong-wrong")
        dialog.accept()
        assert dialog.error.text() == "Wrong username or password"
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)  # right, but too soon: not even checked
    dialog.accept()
    assert dialog.user is None and dialog.error.text() == "Too many failed attempts: try again in 1 s"
    assert dialog.username.text() == "viewer" and dialog.password.text() == ""

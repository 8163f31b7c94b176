"""Start the window: the application object, recent workspaces, error dialogs for files that will not open."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from gisdesk.store.errors import StoreError
from gisdesk.ui import gc_guard

MAX_RECENT = 8
_windows: list = []  # open windows, kept alive


def tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def recent_workspaces(settings: QSettings) -> list[str]:
    value = settings.value("recent/workspaces", [])
    if isinstance(value, str):
        value = [value]
    return [v for v in (value or []) if Path(v).exists()]


def remember_workspace(settings: QSettings, path: Path) -> None:
    items = [str(Path(path).absolute())] + [p for p in recent_workspaces(settings) if p != str(Path(path).absolute())]
    settings.setValue("recent/workspaces", items[:MAX_RECENT])


def open_window(workspace: Path | str, settings: QSettings | None = None, plugin_dirs: list[Path] | None = None,
                user=None, ask_sign_in: bool = True):
    """Open ``workspace`` in a new window with its plugins (built-in, user folder, entry points and
    ``plugin_dirs``); a file that cannot be opened gets a message, not a crash.

    A workspace with user accounts asks who is signing in first (``user`` skips the
    question); cancelling opens nothing and returns None. A ``postgresql://`` address (or ``""``:
    ask for one) opens the city server as its login role (File › Connect to server)."""
    from gisdesk.core.layers import is_server_url
    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.sign_in import has_accounts, sign_in

    settings = settings or QSettings("gisdesk", "gisdesk")
    on_server = workspace == "" or is_server_url(workspace)
    if on_server:  # the city server: the login role signs in (a password asked for when the server wants one)
        from gisdesk.ui.server_connect import open_server

        opened = open_server(workspace, None, settings)
        if opened is None:
            return None
        workspace, user = opened
    elif user is None and ask_sign_in and has_accounts(Path(workspace)):
        try:
            user = sign_in(Path(workspace))
        except StoreError as exc:
            QMessageBox.critical(None, tr("Cannot open workspace"), f"{exc.message}\n\n{exc.hint}")
            return None
        if user is None:
            return None
    try:
        win = MainWindow(workspace, settings, plugin_dirs=list(plugin_dirs or []), user=user)
    except StoreError as exc:
        QMessageBox.critical(None, tr("Cannot open workspace"), f"{exc.message}\n\n{exc.hint}")
        return None
    if not on_server:
        remember_workspace(settings, workspace)
    _windows.append(win)
    win.destroyed.connect(lambda *_: _windows.remove(win) if win in _windows else None)
    win.show()
    return win


def app_icon():
    """The application icon (``resources/icons/gisdesk.svg``), for every window."""
    from PySide6.QtGui import QIcon

    from gisdesk.desktop_entry import app_icon as icon_path

    return QIcon(str(icon_path()))


def run_app(workspace: Path, plugin_dirs: list[Path] | None = None, language: str | None = None) -> int:
    """Open the window on ``workspace`` and run the event loop (in ``language``, else the saved or system one)."""
    from gisdesk.ui import language as ui_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("gisdesk")
    app.setOrganizationName("gisdesk")
    app.setDesktopFileName("gisdesk")  # the desktop entry (gisdesk/desktop_entry.py): the taskbar's icon and name
    app.setWindowIcon(app_icon())
    ui_language.install(language, QSettings("gisdesk", "gisdesk"))
    gc_guard.install()
    if open_window(workspace, plugin_dirs=plugin_dirs) is None:
        return 2
    return app.exec()

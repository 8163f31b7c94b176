"""File › Take offline… and File › Sync with the city server (``postgresql://``) as the package's source.

:class:`ServerTakeOfflineDialog` is the Take offline dialog of a window on the server: the
communes, layers and accounts come from the server as the window's login reads them
(:mod:`gisdesk.store.package_server_choices`), the package is written by
:func:`gisdesk.store.package_server.create_from_server` with the login and the password the
window keeps in memory, and instead of a size estimate (not made on the server) the dialog
says whether the server lets the login make this package: the policy's or the server's
refusal, as the store words it (a dispatcher may not read another officer's account there).

:func:`server_engine` wraps the sync engine for a package whose source is a server URL: the
package user's server password is asked with a password dialog (:func:`ask_password`; kept in
memory for this sync only, never stored), the engine then runs against the server as that
login, and a password the server refuses says so in one line. After a sync the server
accepted, the same password signs the user in on the laptop
(:func:`gisdesk.store.package_server.remember_password`, as ``gisdesk sync --password-stdin``).
"""

from __future__ import annotations

import threading
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from gisdesk.ui.take_offline_dialog import TakeOfflineDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServerTakeOfflineDialog", text)


def _wtr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _one_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0]


class ServerTakeOfflineDialog(TakeOfflineDialog):
    """The Take offline dialog of a window on the city server (same widgets; see the module)."""

    def _password(self) -> str | None:
        from gisdesk.store.pg_datasource import remembered_password

        return remembered_password(str(self.workspace))

    def _choices(self) -> tuple[list[str], list[str]]:
        from gisdesk.store.package_server_choices import server_choices

        communes, layers, self._server_accounts = server_choices(str(self.workspace), self._password())
        return communes, layers

    def _readable_accounts(self) -> list[str]:
        return list(getattr(self, "_server_accounts", []))

    def _account(self) -> Any:
        window = self.parent()
        account = getattr(window, "account", None)
        if account is not None:
            return account  # the server's record of the login (the window read it at connection)
        return super()._account()

    def _signer(self) -> Any:
        return (self._account().username, self._password())

    def _estimate(self) -> None:
        who = self.request()["for_user"]
        if not who:
            self.estimate_label.setText(_tr("Choose who works offline to see whether the server lets you."))
            return
        self._generation += 1
        gen, bridge, url, password = self._generation, self._bridge, str(self.workspace), self._password()

        def work() -> None:
            from gisdesk.store.package_server_choices import check_receiver

            try:
                check_receiver(url, password, who)
            except Exception as exc:  # the policy's or the server's refusal, one line
                bridge.estimated.emit(gen, ("refused", _one_line(exc)))
            else:
                bridge.estimated.emit(gen, ("ok", who))

        threading.Thread(target=work, daemon=True, name="gisdesk-package-check").start()

    def _on_estimated(self, gen: int, result: object) -> None:
        if gen != self._generation or not isinstance(result, tuple):
            return
        verdict, text = result
        if verdict == "refused":
            self.estimate_label.setText(_tr("Not available: {reason}").format(reason=text))
            self.create_button.setEnabled(False)
            self.create_button.setToolTip(self.estimate_label.text())
            return
        self.estimate_label.setText(_tr("No size estimate on the server; the package holds what {user} may read "
                                        "there in this area.").format(user=text))


# -- File › Sync with a server source ----------------------------------------------------------------------------
def ask_password(window: QWidget, login: str, where: str) -> str | None:
    """Ask the package user's server password (never stored); None when the user cancels."""
    text, ok = QInputDialog.getText(window, _wtr("Sync with the city server"),
                                    _wtr("Password of {login} on {server}:").format(login=login, server=where),
                                    QLineEdit.EchoMode.Password)
    return text if ok and text else None


class ServerPasswordRefused(Exception):
    """The server did not accept the package user's password (nothing was sent)."""


def _wrong_password(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "password authentication failed" in text or "no password supplied" in text


def server_engine(window: Any, engine: Callable[..., Any]) -> Callable[..., Any] | None:
    """``engine`` for the window's package: unchanged for a file source; for a server source, asks the password
    (None when none was given: the message bar says so) and returns an engine that syncs as that login."""
    from gisdesk.store.dialect import is_server_url

    identity = getattr(window, "package", None) or {}
    source = str(identity.get("source") or "")
    if not is_server_url(source):
        return engine
    from gisdesk.store.pg_datasource import describe_url

    login = unquote(urlsplit(source).username or "") or str(identity.get("user") or "")
    password = ask_password(window, login, describe_url(source))
    if password is None:
        window.messages.show_message(_wtr("Not done: {reason}").format(
            reason=_wtr("the server needs the password of {login} to sync").format(login=login)), "warning")
        return None
    refused = _wtr("the server did not accept the password of {login}; nothing was sent").format(login=login)

    def run(package: Any, progress: Callable[[str, float], Any] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Any:
        from gisdesk.store.package_server import remember_password
        from gisdesk.store.sync_server import with_password

        try:
            result = engine(package, with_password(source, password), progress=progress, cancelled=cancelled)
        except Exception as exc:
            if _wrong_password(exc):
                raise ServerPasswordRefused(refused) from None
            raise
        report = result[0] if isinstance(result, tuple) else result
        remember_password(package, getattr(report, "user", None) or login, password)  # signs in on the laptop
        return result

    return run


__all__ = ["ServerTakeOfflineDialog", "ask_password", "server_engine"]

"""Sign-in: who is using gisdesk, with the role and commune the workspace's ``users`` table gives them.

A workspace with accounts (a ``users`` table) asks for a username and password when it
opens; one without an administrator yet asks to create the first one. The role and
commune come from the table, never from a setting the user can edit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from gisdesk.api import User


def tr(text: str) -> str:
    return QCoreApplication.translate("SignIn", text)


def has_accounts(workspace: Path) -> bool:
    """Whether the workspace keeps user accounts (a ``users`` table, or a city with incidents)."""
    from gisdesk.store.connection import connect

    try:
        conn = connect(workspace, read_only=True)
    except Exception:
        return False
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    return "users" in names or {"incidents", "communes"} <= names


def as_plugin_user(account: User) -> User:
    """The signed-in account as plugins see it: the same :class:`gisdesk.api.User` (one user class)."""
    return account


class SignInDialog(QDialog):
    """Username and password; on a workspace with no administrator, the first administrator is created."""

    def __init__(self, workspace: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from gisdesk.store.users_store import UserStore

        self.setObjectName("gisdesk.sign_in")
        self.store = UserStore(workspace)
        self.user: User | None = None
        self.first_run = self.store.needs_first_admin()
        self.setWindowTitle(tr("Create the administrator") if self.first_run else tr("Sign in to gisdesk"))
        lay = QVBoxLayout(self)
        intro = (tr("This workspace has no administrator yet. Choose the administrator's username and "
                    "password; the administrator then adds the other users.") if self.first_run else
                 tr("Sign in to {name}. What you see and may change depends on your role and commune.")
                 .format(name=Path(workspace).name))
        text = QLabel(intro)
        text.setWordWrap(True)
        lay.addWidget(text)
        form = QFormLayout()
        self.username = QLineEdit(objectName="gisdesk.sign_in.username")
        self.password = QLineEdit(objectName="gisdesk.sign_in.password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("&Username"), self.username)
        form.addRow(tr("&Password"), self.password)
        self.repeat = QLineEdit(objectName="gisdesk.sign_in.repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel(objectName="gisdesk.sign_in.hint")
        if self.first_run:
            from gisdesk.core.users import MIN_PASSWORD_LENGTH

            form.addRow(tr("&Repeat password"), self.repeat)
            self.hint.setText(tr("At least {n} characters.").format(n=MIN_PASSWORD_LENGTH))
            form.addRow("", self.hint)
        lay.addLayout(form)
        self.error = QLabel(objectName="gisdesk.sign_in.error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create") if self.first_run else tr("Sign in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.username.setFocus()

    def accept(self) -> None:
        from gisdesk.core.incidents import ValidationError
        from gisdesk.core.users import AuthError

        name, password = self.username.text().strip().lower(), self.password.text()
        try:
            if self.first_run:
                if password != self.repeat.text():
                    raise ValidationError(tr("the two passwords differ"))
                account = self.store.create_first_admin(name, password)
            else:
                account = self.store.authenticate(name, password)
        except (AuthError, ValidationError) as exc:  # wrong password, a wait after failures, too short
            self.error.setText(_sentence(str(exc)))
            self.password.clear()
            self.repeat.clear()
            self.password.setFocus()
            return
        self.user = as_plugin_user(account)
        super().accept()

    def done(self, result: int) -> None:  # noqa: D102 (Qt override)
        self.store.close()
        super().done(result)


def _sentence(message: str) -> str:
    """A store's one-line reason as a sentence: first letter up, the rest as it is."""
    return message[:1].upper() + message[1:]


def sign_in(workspace: Path, parent: QWidget | None = None) -> User | None:
    """Ask who is signing in; None when they cancel."""
    dialog = SignInDialog(workspace, parent)
    return dialog.user if dialog.exec() else None

"""File › Connect to server…: the city server's address, a saved connection list, the password.

Saved connections (name, host, port, database, login) live in QSettings under
``server/connections``. The password is **never** written there: it is asked for each
time, or kept in the system keyring when the user ticks *Save the password in the system
keyring* (possible only when the ``keyring`` module is installed; otherwise the box is
disabled and says why). A password typed here is kept in this process's memory only
(:func:`gisdesk.store.pg_datasource.remember_password`), never in a URL that is shown.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget)

SETTINGS_KEY = "server/connections"
KEYRING_SERVICE = "gisdesk"


@dataclass
class Connection:
    """One saved server connection (no password)."""

    name: str
    host: str = ""
    port: int = 5432
    database: str = ""
    user: str = ""

    def url(self) -> str:
        """``postgresql://user@host:port/database`` (a host starting with ``/`` is a socket folder)."""
        user = quote(self.user, safe="")
        db = quote(self.database, safe="")
        if self.host.startswith("/") or not self.host:
            query = f"?host={quote(self.host, safe='/')}&port={int(self.port)}" if self.host else f"?port={self.port}"
            return f"postgresql://{user}@/{db}{query}"
        return f"postgresql://{user}@{self.host}:{int(self.port)}/{db}"

    @property
    def keyring_key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, url: str) -> "Connection":
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        host = query.get("host") or parts.hostname or ""
        port = int(query.get("port") or parts.port or 5432)
        db = unquote(parts.path.lstrip("/")) or query.get("dbname", "")
        user = unquote(parts.username or query.get("user", ""))
        return cls(f"{db} @ {host or 'localhost'}", host, port, db, user)


def tr(text: str) -> str:
    return QCoreApplication.translate("ConnectDialog", text)


def keyring_module() -> tuple[Any, str]:
    """(the ``keyring`` module, "") when a usable system keyring exists, else (None, why not)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None, tr("The Python 'keyring' module is not installed (pip install keyring).")
    try:
        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None, tr("No system keyring is available on this computer.")
    except Exception as exc:  # a broken backend
        return None, tr("The system keyring cannot be used: {error}").format(error=exc)
    return keyring, ""


def saved_connections(settings: QSettings) -> list[Connection]:
    """The saved connections (entries that are not well formed are left out)."""
    value = settings.value(SETTINGS_KEY, []) or []
    if isinstance(value, dict):
        value = [value]
    out = []
    for item in value:
        try:
            out.append(Connection(str(item["name"]), str(item.get("host", "")), int(item.get("port", 5432)),
                                  str(item.get("database", "")), str(item.get("user", ""))))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return out


def save_connections(settings: QSettings, connections: list[Connection]) -> None:
    settings.setValue(SETTINGS_KEY, [asdict(c) for c in connections])  # no password field exists
    settings.sync()


class ConnectDialog(QDialog):
    """Pick or type a server connection and its password; :attr:`url` after it is accepted."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None, initial: Connection | None = None,
                 message: str = "") -> None:
        super().__init__(parent)
        self.settings = settings
        self.url = ""
        self.setWindowTitle(tr("Connect to server"))
        self.saved = QListWidget()
        self.saved.setObjectName("saved")
        self.saved.currentItemChanged.connect(lambda item, _=None: self._show(item))
        self.name = QLineEdit()
        self.host = QLineEdit()
        self.host.setPlaceholderText(tr("dbserver.city.gov.vn, or a socket folder"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.user.setPlaceholderText(tr("your own login, e.g. phu_hoi"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(tr("Save the password in the system keyring"))
        self._keyring, why = keyring_module()
        self.keep.setEnabled(self._keyring is not None)
        self.keep.setToolTip(why or tr("Otherwise the password is asked for each time and never saved."))
        self.keyring_note = QLabel(why)
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(bool(why))
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a61b1b")
        self.message.setVisible(bool(message))
        form = QFormLayout()
        for label, widget in ((tr("Name"), self.name), (tr("Host"), self.host), (tr("Port"), self.port),
                              (tr("Database"), self.database), (tr("Login"), self.user),
                              (tr("Password"), self.password)):
            form.addRow(label, widget)
        form.addRow("", self.keep)
        form.addRow("", self.keyring_note)
        save, delete = QPushButton(tr("Save")), QPushButton(tr("Delete"))
        save.setObjectName("save")
        delete.setObjectName("delete")
        save.clicked.connect(self.save_current)
        delete.clicked.connect(self.delete_current)
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Saved connections")))
        left.addWidget(self.saved, 1)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(delete)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.message)
        right.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.addButton(tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        body = QHBoxLayout(self)
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        self.resize(640, 340)
        self._fill()
        if initial is not None:
            self._set(initial)

    # -- the list ------------------------------------------------------------------
    def _fill(self, select: str | None = None) -> None:
        self.saved.blockSignals(True)
        self.saved.clear()
        for c in saved_connections(self.settings):
            item = QListWidgetItem(c.name)
            item.setData(Qt.ItemDataRole.UserRole, asdict(c))
            self.saved.addItem(item)
            if c.name == select:
                self.saved.setCurrentItem(item)
        self.saved.blockSignals(False)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self._set(Connection(**item.data(Qt.ItemDataRole.UserRole)))

    def _set(self, c: Connection) -> None:
        self.name.setText(c.name)
        self.host.setText(c.host)
        self.port.setValue(int(c.port))
        self.database.setText(c.database)
        self.user.setText(c.user)
        self.password.clear()
        if self._keyring is not None and c.user:
            try:
                stored = self._keyring.get_password(KEYRING_SERVICE, c.keyring_key)
            except Exception:
                stored = None
            if stored:
                self.password.setText(stored)
                self.keep.setChecked(True)

    def current(self) -> Connection:
        """The connection the fields describe (no password)."""
        c = Connection("", self.host.text().strip(), self.port.value(), self.database.text().strip(),
                       self.user.text().strip())
        c.name = self.name.text().strip() or f"{c.database} @ {c.host or 'localhost'}"
        return c

    def save_current(self) -> None:
        """Add (or replace, by name) the connection in the saved list; the password stays out of it."""
        c = self.current()
        kept = [k for k in saved_connections(self.settings) if k.name != c.name] + [c]
        save_connections(self.settings, kept)
        self._keep_password(c)
        self._fill(select=c.name)

    def delete_current(self) -> None:
        item = self.saved.currentItem()
        if item is None:
            return
        name = item.text()
        save_connections(self.settings, [k for k in saved_connections(self.settings) if k.name != name])
        self._fill()

    def _keep_password(self, c: Connection) -> None:
        """Into the system keyring when asked for (and possible); out of it when the box is cleared."""
        if self._keyring is None:
            return
        try:
            if self.keep.isChecked() and self.password.text():
                self._keyring.set_password(KEYRING_SERVICE, c.keyring_key, self.password.text())
            elif not self.keep.isChecked() and self._keyring.get_password(KEYRING_SERVICE, c.keyring_key):
                self._keyring.delete_password(KEYRING_SERVICE, c.keyring_key)
        except Exception as exc:  # the keyring refused: say so, keep going without it
            self.message.setText(tr("The password was not saved in the keyring: {error}").format(error=exc))
            self.message.setVisible(True)

    def accept(self) -> None:  # noqa: D102 (Qt override)
        from gisdesk.store.pg_datasource import remember_password

        c = self.current()
        if not c.database or not c.user:
            self.message.setText(tr("Give the database and your login."))
            self.message.setVisible(True)
            return
        self.url = c.url()
        remember_password(self.url, self.password.text() or None)  # this process's memory only
        self._keep_password(c)
        super().accept()


def open_server(url: str, parent: QWidget | None = None, settings: QSettings | None = None) -> tuple[str, Any] | None:
    """Connect to ``url`` (asking for the password with :class:`ConnectDialog` when the server wants one).

    Returns ``(url, officer)`` (the URL without its password; the officer the login role is),
    or None when the user cancelled.
    """
    from gisdesk.store.errors import StoreError
    from gisdesk.store.pg_datasource import ServerDataSource, remember_password, strip_password

    settings = settings or QSettings("gisdesk", "gisdesk")
    given = urlsplit(url).password or dict(parse_qsl(urlsplit(url).query)).get("password")
    if given:  # a password typed into the command line: used, kept in memory, never shown
        remember_password(url, given)
    url = strip_password(url)
    message = ""
    while True:
        if message or not url:
            dialog = ConnectDialog(settings, parent, Connection.from_url(url) if url else None, message)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            url = dialog.url
        try:
            with ServerDataSource(url) as ds:
                return url, ds.user
        except StoreError as exc:
            message = exc.message

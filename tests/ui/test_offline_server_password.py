"""File › Sync of a package from the city server asks the password in a password box (echo hidden, never stored)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget


def _answer(text: str | None, seen: list) -> None:
    def fill() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        seen.append((box.windowTitle(), box.labelText(), box.textEchoMode()))
        if text is None:
            box.reject()
        else:
            box.setTextValue(text)
            box.accept()

    QTimer.singleShot(200, fill)


def test_the_password_box_hides_what_is_typed_and_returns_it(qtbot):
    from gisdesk.ui.offline_server import ask_password

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list = []
    _answer("s3cret", seen)
    assert ask_password(parent, "phu_hoi", "hue_city @ dbserver") == "s3cret"
    assert seen == [("Sync with the city server", "Password of phu_hoi on hue_city @ dbserver:",
                     QLineEdit.EchoMode.Password)]
    _answer(None, seen)  # Cancel: no password, nothing runs
    assert ask_password(parent, "phu_hoi", "hue_city @ dbserver") is None

"""A non-modal message bar above the map: errors with details on demand, never a crash."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

_COLOURS = {"info": ("#e8f1fb", "#2b5797"), "warning": ("#fff4d6", "#8a6100"), "error": ("#fde8e8", "#a61b1b")}


class MessageBar(QFrame):
    """Shows one message at a time; info messages fade after a few seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.details_button = QPushButton(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.close_button = QPushButton("✕")
        self.close_button.setFlat(True)
        self.close_button.setToolTip(self.tr("Close"))
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(160)
        self.details.hide()
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.details_button)
        row.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)
        box.addLayout(row)
        box.addWidget(self.details)
        self.details_button.toggled.connect(self.details.setVisible)
        self.close_button.clicked.connect(self.hide)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.hide)
        self.level = ""
        self.hide()

    def show_message(self, text: str, level: str = "info", details: str = "") -> None:
        """Show ``text``; ``details`` (a traceback, a hint) is behind the Details button."""
        bg, fg = _COLOURS.get(level, _COLOURS["info"])
        self.level = level
        self.setStyleSheet(f"#messageBar {{ background: {bg}; border: 1px solid {fg}; }} QLabel {{ color: {fg}; }}")
        self.text.setText(text)
        self.details.setPlainText(details)
        self.details_button.setVisible(bool(details))
        self.details_button.setChecked(False)
        self.show()
        if level == "info":
            self._timer.start(5000)
        else:
            self._timer.stop()

    def show_error(self, exc: BaseException) -> None:
        """Show why an action on the workspace failed, in one line (details behind the button).

        A :class:`~gisdesk.store.errors.WorkspaceBusy` (another program kept the workspace
        locked past the busy timeout) is a warning saying so and to try again; any other
        :class:`~gisdesk.store.errors.StoreError` shows its message with its hint as details;
        anything else (a refusal of the access policy, a validation error) its own text.
        """
        from gisdesk.store.errors import StoreError, WorkspaceBusy

        if isinstance(exc, WorkspaceBusy):
            self.show_message(self.tr("The workspace is busy: another program is writing; try again."), "warning",
                              f"{exc.message}\n{exc.hint}".strip())
        elif isinstance(exc, StoreError):
            self.show_message(exc.message, "error", exc.hint)
        else:
            self.show_message(str(exc) or type(exc).__name__, "error")

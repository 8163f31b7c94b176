"""KPI cards: value, target and change against the previous period, coloured against the target."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

_STYLE = {True: ("#e7f5ec", "#2e9d4f"), False: ("#fbe9e9", "#d23c3c"), None: ("#f4f5f7", "#b0b4bb")}


def tr(text: str) -> str:
    return QCoreApplication.translate("dashboards", text)


class Card(QFrame):
    """One indicator. ``state``: True meets the target (green), False misses it (red), None neutral."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key = key
        self.setObjectName(f"card_{key}")
        self.title = QLabel(title)
        self.value = QLabel("…")
        self.target = QLabel()
        self.change = QLabel()
        self.value.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.title.setStyleSheet("font-weight: 600; color: #333;")
        for label in (self.target, self.change):
            label.setStyleSheet("color: #555; font-size: 8pt;")
            label.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 8)
        box.setSpacing(2)
        for w in (self.title, self.value, self.target, self.change):
            box.addWidget(w)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.setMinimumWidth(150)
        self.state: bool | None = None
        self.set_state(None)

    def set_state(self, state: bool | None) -> None:
        if state is self.state and self.styleSheet():
            return  # a style sheet is costly to apply again: only when the colour changes
        self.state = state
        bg, edge = _STYLE[state]
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ background: {bg}; border: 1px solid {edge}; "
                           f"border-left: 6px solid {edge}; border-radius: 4px; }}")

    def show(self, value: str, target: str, change: str, state: bool | None) -> None:  # noqa: A003
        for label, text in ((self.value, value), (self.target, target), (self.change, change)):
            if label.text() != text:  # an unchanged card is not laid out and painted again
                label.setText(text)
        self.set_state(state)
        if not self.isVisible():
            super().show()


def percent(v: float | None) -> str:
    return tr("not recorded") if v is None else f"{100 * v:.1f} %"


def rate_change(cur: float | None, prev: float | None, higher_better: bool, period: str) -> str:
    if cur is None or prev is None:
        return tr("no previous {period} to compare").format(period=period)
    d = 100 * (cur - prev)
    arrow = "▲" if d > 0 else "▼" if d < 0 else "="
    return tr("{arrow} {d:+.1f} pts vs previous {period}").format(arrow=arrow, d=d, period=period)


def count_change(cur: int | None, prev: int | None, period: str) -> str:
    if cur is None or prev is None:
        return tr("no previous {period} to compare").format(period=period)
    d = cur - prev
    arrow = "▲" if d > 0 else "▼" if d < 0 else "="
    rel = f" ({d / prev:+.0%})" if prev else ""
    return tr("{arrow} {d:+,}{rel} vs previous {period}").format(arrow=arrow, d=d, rel=rel, period=period)

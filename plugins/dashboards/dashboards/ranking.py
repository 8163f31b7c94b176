"""Sortable tables (commune ranking, month by month) that export to CSV."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def tr(text: str) -> str:
    return QCoreApplication.translate("dashboards", text)


class _Item(QTableWidgetItem):
    """Sorts by the raw value (numbers as numbers, missing values last)."""

    def __init__(self, text: str, key: Any) -> None:
        super().__init__(text)
        self.key = key
        self.setFlags(self.flags() & ~Qt.ItemFlag.ItemIsEditable)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        a, b = self.key, getattr(other, "key", None)
        if a is None or b is None:
            return b is None and a is not None
        return a < b


def _fmt(value: Any, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "pct":
        return f"{100 * value:.1f} %"
    if kind == "float":
        return f"{value:,.1f}"
    if kind == "change":
        return "=" if value == 0 else (f"▲ {value}" if value > 0 else f"▼ {-value}")
    if kind == "int":
        return f"{value:,}"
    return str(value)


class DataTable(QTableWidget):
    """A table of dict rows; ``columns`` are ``(key, header, kind)`` with kind int/float/pct/change/text."""

    def __init__(self) -> None:
        super().__init__()
        self.columns: list[tuple[str, str, str]] = []
        self.rows: list[dict[str, Any]] = []
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setMinimumHeight(260)

    def set_rows(self, columns: Sequence[tuple[str, str, str]], rows: list[dict[str, Any]],
                 highlight: str | None = None, key: str = "") -> None:
        self.setSortingEnabled(False)
        self.columns, self.rows = list(columns), rows
        self.clear()
        self.setColumnCount(len(columns))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels([c[1] for c in columns])
        for r, row in enumerate(rows):
            hit = highlight is not None and row.get(key) == highlight
            for c, (name, _, kind) in enumerate(columns):
                item = _Item(_fmt(row.get(name), kind), row.get(name))
                if kind != "text":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if kind == "change" and row.get(name):
                    item.setForeground(QColor("#2e9d4f" if row[name] > 0 else "#d23c3c"))
                if hit:
                    item.setBackground(QColor("#fdf0d0"))
                self.setItem(r, c, item)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setSortingEnabled(True)

    def to_csv(self, path: str | Path) -> Path:
        """Write the rows as shown (current sort order), raw values, UTF-8 with a header."""
        path = Path(path)
        shown = []
        for r in range(self.rowCount()):
            shown.append({name: self.item(r, c).key for c, (name, _, _) in enumerate(self.columns)})
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow([c[0] for c in self.columns])
            for row in shown:
                writer.writerow(["" if row[c[0]] is None else row[c[0]] for c in self.columns])
        return path


RANKING_COLUMNS = [("rank", tr("Rank"), "int"), ("rank_change", tr("Change"), "change"),
                   ("commune", tr("Commune"), "text"), ("score", tr("Score (0-100)"), "float"),
                   ("incidents", tr("Incidents"), "int"), ("per_10k", tr("Per 10,000 residents"), "float"),
                   ("resolution_rate", tr("Resolved"), "pct"), ("mean_hours", tr("Mean hours to resolve"), "float"),
                   ("tasks_on_time", tr("Tasks on time"), "pct"), ("satisfaction", tr("Satisfied"), "pct"),
                   ("satisfaction_responses", tr("Callbacks"), "int")]
HISTORY_COLUMNS = [("month", tr("Month"), "text"), ("incidents", tr("Incidents"), "int"),
                   ("resolution_rate", tr("Resolved"), "pct"), ("mean_hours", tr("Mean hours to resolve"), "float")]

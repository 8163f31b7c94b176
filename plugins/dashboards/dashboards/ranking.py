"""Sortable tables (commune ranking, month by month) that export to CSV."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

_Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("dashboards", text)


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


class Cell:
    """One shown cell: its raw value ``key`` and its shown ``text()``."""

    __slots__ = ("key", "_text")

    def __init__(self, key: Any, text: str) -> None:
        self.key, self._text = key, text

    def text(self) -> str:
        return self._text


class RowsModel(QAbstractTableModel):
    """Dict rows as a Qt table model; sorts by the raw values (numbers as numbers, missing values last)."""

    _UP, _DOWN = QColor("#2e9d4f"), QColor("#d23c3c")
    _MARK = QColor("#fdf0d0")
    _RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __init__(self) -> None:
        super().__init__()
        self.columns: list[tuple[str, str, str]] = []
        self.rows: list[dict[str, Any]] = []
        self.highlight: Any = None
        self.key = ""

    def set_rows(self, columns: Sequence[tuple[str, str, str]], rows: list[dict[str, Any]],
                 highlight: Any = None, key: str = "") -> None:
        self.beginResetModel()
        self.columns, self.rows, self.highlight, self.key = list(columns), list(rows), highlight, key
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            # translated when shown: the column table is built when the module is first imported, maybe
            # before the language was chosen (a translated text passes through unchanged)
            return tr(self.columns[section][1])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        name, _, kind = self.columns[index.column()]
        value = row.get(name)
        if role == Qt.ItemDataRole.DisplayRole:
            return _fmt(value, kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._RIGHT if kind != "text" else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return (self._UP if value > 0 else self._DOWN) if kind == "change" and value else None
        if role == Qt.ItemDataRole.BackgroundRole:
            hit = self.highlight is not None and row.get(self.key) == self.highlight
            return self._MARK if hit else None
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows by the raw value of ``column``: ascending puts missing values last (descending: first)."""
        if not 0 <= column < len(self.columns):
            return
        name = self.columns[column][0]
        self.layoutAboutToBeChanged.emit()
        present = sorted((r for r in self.rows if r.get(name) is not None), key=lambda r: r[name])
        missing = [r for r in self.rows if r.get(name) is None]
        self.rows = present + missing
        if order == Qt.SortOrder.DescendingOrder:
            self.rows.reverse()
        self.layoutChanged.emit()


class DataTable(QTableView):
    """A table of dict rows (a :class:`RowsModel` in a view); ``columns`` are ``(key, header, kind)``
    with kind int/float/pct/change/text. ``cellClicked(row, column)`` as a QTableWidget's."""

    cellClicked = Signal(int, int)  # noqa: N815 (Qt naming)

    def __init__(self) -> None:
        super().__init__()
        self.rows_model = RowsModel()
        self.setModel(self.rows_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setMinimumHeight(260)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # fitted once per set of rows
        header.setStretchLastSection(True)
        self.clicked.connect(lambda index: self.cellClicked.emit(index.row(), index.column()))

    @property
    def columns(self) -> list[tuple[str, str, str]]:
        return self.rows_model.columns

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The rows in the order shown."""
        return self.rows_model.rows

    def rowCount(self) -> int:  # noqa: N802 (as QTableWidget)
        return self.rows_model.rowCount()

    def columnCount(self) -> int:  # noqa: N802 (as QTableWidget)
        return self.rows_model.columnCount()

    def item(self, row: int, column: int) -> Cell:
        """The cell shown at ``row``, ``column``: ``.key`` its raw value, ``.text()`` as shown."""
        name, _, kind = self.columns[column]
        value = self.rows[row].get(name)
        return Cell(value, _fmt(value, kind))

    def set_rows(self, columns: Sequence[tuple[str, str, str]], rows: list[dict[str, Any]],
                 highlight: str | None = None, key: str = "") -> None:
        """Show ``rows``; the row whose ``key`` equals ``highlight`` is marked. The sort chosen is kept."""
        same = list(columns) == self.columns and len(rows) == len(self.rows)
        self.setSortingEnabled(False)
        self.rows_model.set_rows(columns, rows, highlight, key)
        if not same:
            self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)  # sorts again by the header's sort indicator, if any
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its widest shown text or header (``resizeColumnsToContents`` asks the
        model for every role of every cell through Python: ~10 ms for a 40-row ranking; this ~1 ms)."""
        m = self.rows_model
        cells = self.fontMetrics()
        heads = self.horizontalHeader().fontMetrics()
        pad = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_FocusFrameHMargin, None, self) + 12
        for c, (name, header, kind) in enumerate(m.columns):
            widest = max((cells.horizontalAdvance(_fmt(r.get(name), kind)) for r in m.rows), default=0)
            self.setColumnWidth(c, max(widest + pad, heads.horizontalAdvance(tr(header)) + pad + 12))

    def set_highlight(self, highlight: Any) -> None:
        """Mark another row (same rows, nothing re-sorted)."""
        m = self.rows_model
        m.highlight = highlight
        if m.rows and m.columns:
            m.dataChanged.emit(m.index(0, 0), m.index(len(m.rows) - 1, len(m.columns) - 1),
                               [Qt.ItemDataRole.BackgroundRole])

    def to_csv(self, path: str | Path) -> Path:
        """Write the rows as shown (current sort order), raw values, UTF-8 with a header."""
        path = Path(path)
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow([c[0] for c in self.columns])
            for row in self.rows:
                writer.writerow(["" if row.get(c[0]) is None else row.get(c[0]) for c in self.columns])
        return path


RANKING_COLUMNS = [("rank", tr("Rank"), "int"), ("rank_change", tr("Change"), "change"),
                   ("commune", tr("Commune"), "text"), ("score", tr("Score (0-100)"), "float"),
                   ("incidents", tr("Incidents"), "int"), ("per_10k", tr("Per 10,000 residents"), "float"),
                   ("resolution_rate", tr("Resolved"), "pct"), ("mean_hours", tr("Mean hours to resolve"), "float"),
                   ("tasks_on_time", tr("Tasks on time"), "pct"), ("satisfaction", tr("Satisfied"), "pct"),
                   ("satisfaction_responses", tr("Callbacks"), "int")]
HISTORY_COLUMNS = [("month", tr("Month"), "text"), ("incidents", tr("Incidents"), "int"),
                   ("resolution_rate", tr("Resolved"), "pct"), ("mean_hours", tr("Mean hours to resolve"), "float")]

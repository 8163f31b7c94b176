"""The incident list: filters (status, category, commune, channel, time) and a table (Qt).

Shows the newest :data:`LIMIT` incidents that match, and how many match in all.
A click on a row emits :attr:`IncidentList.picked` with the incident's UUID; the context
menu's *Create task* emits :attr:`IncidentList.task_requested` with the selected rows' UUIDs
(several rows: one task for all).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHeaderView, QLabel, QMenu, QTableView,
                               QVBoxLayout, QWidget)

from gisdesk.api import CHANNELS, OPEN_STATUSES, STATUSES, Incident, PluginContext, format_count

from incidents.form import SEVERITY_NAMES, tr

#: Rows shown at most (newest first); the count label says how many match.
LIMIT = 2000
PERIODS = (("all", "Any time", None), ("24h", "Last 24 hours", timedelta(hours=24)),
           ("7d", "Last 7 days", timedelta(days=7)), ("30d", "Last 30 days", timedelta(days=30)),
           ("365d", "Last 12 months", timedelta(days=365)))
COLUMNS = ("Happened", "Category", "Severity", "Commune", "Status", "Channel")


class IncidentModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Incident] = []

    def set_rows(self, rows: list[Incident]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        inc = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            local = inc.occurred_at.astimezone()
            return (local.strftime("%Y-%m-%d %H:%M"), inc.category,
                    f"{inc.severity} {tr(SEVERITY_NAMES.get(inc.severity, ''))}", inc.commune or "–",
                    tr(inc.status.replace("_", " ")) + (" ⚑" if inc.needs_review else ""), tr(inc.channel))[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and inc.severity >= 4:
            return QColor("#b00020")
        if role == Qt.ItemDataRole.ToolTipRole:
            return inc.description or None
        if role == Qt.ItemDataRole.UserRole:
            return inc.uuid
        return None


class IncidentList(QWidget):
    """Filters above a table of incidents; ``picked(uuid)`` on click."""

    picked = Signal(str)
    #: "Create task" from the context menu: the selected incidents' uuids.
    task_requested = Signal(list)

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        grid = QGridLayout()
        self.status = self._combo("status", [("", tr("All statuses")), ("open", tr("Open"))]
                                  + [(s, tr(s.replace("_", " "))) for s in STATUSES])
        self.category = self._combo("category", [("", tr("All categories"))])
        self.commune = self._combo("commune", [("", tr("All communes"))])
        self.channel = self._combo("channel", [("", tr("All channels"))] + [(c, tr(c)) for c in CHANNELS])
        self.period = self._combo("period", [(k, tr(label)) for k, label, _ in PERIODS])
        for i, w in enumerate((self.status, self.category, self.commune, self.channel, self.period)):
            grid.addWidget(w, i // 2, i % 2)
        lay.addLayout(grid)
        self.count = QLabel(objectName="incidents.list.count")
        lay.addWidget(self.count)
        self.model = IncidentModel()
        self.table = QTableView(objectName="incidents.list.table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.clicked.connect(lambda idx: self.picked.emit(self.model.rows[idx.row()].uuid))
        self.table.activated.connect(lambda idx: self.picked.emit(self.model.rows[idx.row()].uuid))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        lay.addWidget(self.table, 1)
        self.menu: QMenu | None = None

    def selected(self) -> list[str]:
        """The uuids of the selected rows, top to bottom."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].uuid for r in rows if r < len(self.model.rows)]

    def context_menu(self) -> QMenu:
        """The rows' menu: *Create task* for the selected incidents (enabled when the policy allows)."""
        from incidents.form import allow

        menu = QMenu(self)
        menu.setObjectName("incidents.list.menu")
        uuids = self.selected()
        text = tr("Create one task for the {n} selected incidents…").format(n=len(uuids)) if len(uuids) > 1 \
            else tr("Create task…")
        act = menu.addAction(text, lambda: self.task_requested.emit(uuids))
        act.setObjectName("incidents.list.create_task")
        allow(act, self.ctx.tasks.may("create", "task"))
        if not uuids:
            act.setEnabled(False)
        self.menu = menu
        return menu

    def _menu(self, pos: Any) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            self.table.selectRow(index.row())
        self.context_menu().popup(self.table.viewport().mapToGlobal(pos))

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(objectName=f"incidents.list.{name}")
        for data, text in items:
            box.addItem(text, data)
        box.currentIndexChanged.connect(lambda *_: self.reload())
        return box

    def fill_lists(self) -> None:
        """Category and commune choices from the workspace (keeps the current choice)."""
        for box, values in ((self.category, self.ctx.incidents.categories()),
                            (self.commune, self.ctx.incidents.communes())):
            keep = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for v in values:
                box.addItem(v, v)
            box.setCurrentIndex(max(0, box.findData(keep)))
            box.blockSignals(False)

    def filters(self) -> dict[str, Any]:
        """The filters as ``ctx.incidents.list`` keywords."""
        out: dict[str, Any] = {}
        status = self.status.currentData()
        if status == "open":
            out["status"] = sorted(OPEN_STATUSES)
        elif status:
            out["status"] = status
        for key, box in (("category", self.category), ("commune", self.commune), ("channel", self.channel)):
            if box.currentData():
                out[key] = box.currentData()
        span = dict((k, d) for k, _, d in PERIODS)[self.period.currentData()]
        if span is not None:
            from datetime import datetime, timezone

            out["since"] = datetime.now(timezone.utc) - span
        return out

    def reload(self) -> None:
        """Read the incidents that match the filters again."""
        if not self.ctx.incidents.available:
            self.count.setText(tr("This workspace has no incidents layer."))
            return
        filters = self.filters()
        rows = self.ctx.incidents.list(limit=LIMIT + 1, **filters)
        more = len(rows) > LIMIT
        self.model.set_rows(rows[:LIMIT])
        text = format_count(len(self.model.rows), "incident")
        self.count.setText(tr("Newest {shown} shown; more match the filters.").format(shown=text) if more
                           else text)

    def select(self, uuid: str | None) -> None:
        """Highlight ``uuid``'s row if it is listed."""
        for r, inc in enumerate(self.model.rows):
            if inc.uuid == uuid:
                self.table.selectRow(r)
                self.table.scrollTo(self.model.index(r, 0))
                return
        self.table.clearSelection()

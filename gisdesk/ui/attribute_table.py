"""The attribute table of a vector layer: a virtual model and the panel around it.

:class:`AttributeTableModel` holds only the feature ids of the current filter and
sort (an int64 array, 8 MB for 1,000,000 rows) and fetches attribute rows from
SQLite in blocks of 256 around the rows the view asks for, keeping the last few
blocks, so scrolling a million rows stays smooth. :class:`AttributeTable` adds the
filter line, the count, "Selected only", zoom to feature and a two-way link with
the map's :class:`~gisdesk.core.selection.Selection`.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import numpy as np
import shiboken6
from PySide6.QtCore import QAbstractTableModel, QItemSelection, QItemSelectionModel, QLocale, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QCursor, QFont, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMenu, QPushButton, QTableView, QVBoxLayout, QWidget)

from gisdesk.core.expression import ExpressionError
from gisdesk.core.layers import VectorLayer
from gisdesk.core.selection import Selection
from gisdesk.store.datasource import open_datasource
from gisdesk.store.errors import StoreError
from gisdesk.store.table_query import TableQuery, table_query

BLOCK_ROWS = 256
CACHED_BLOCKS = 8
NULL_COLOR = QColor(150, 150, 150)
#: Above this many runs of selected rows the view's selection model (about 20 µs per range in
#: Qt) is left empty and the model paints the selected rows itself from a numpy mask.
MAX_SELECTION_RANGES = 20000


class AttributeTableModel(QAbstractTableModel):
    """A virtual table over a :class:`TableQuery`: rows are fetched when shown.

    Parameters
    ----------
    query : TableQuery
        Filter and sort live here; the model reads :meth:`TableQuery.ids` and
        :meth:`TableQuery.rows`.

    Signals
    -------
    failed(str)
        Reading the database failed (the message says why); the model shows what it had.
    """

    failed = Signal(str)

    def __init__(self, query: TableQuery, parent: Any = None) -> None:
        super().__init__(parent)
        self.query = query
        self.columns = list(query.columns)
        self._ids = np.empty(0, np.int64)
        self._restrict: np.ndarray | None = None
        self._blocks: OrderedDict[int, list[tuple]] = OrderedDict()
        self._lookup: tuple[np.ndarray, np.ndarray] | None = None
        self._marked: np.ndarray | None = None
        self._mark_color = QColor(QGuiApplication.palette().highlight().color())
        self._mark_color.setAlpha(90)
        self._null = self.tr("NULL")
        self._italic = QFont()
        self._italic.setItalic(True)
        self.reload()

    # -- ids -----------------------------------------------------------------------
    @property
    def ids(self) -> np.ndarray:
        """Feature ids of the rows, in display order."""
        return self._ids

    def reload(self) -> bool:
        """Read the ids again (after a filter, sort or restriction change); False if reading failed."""
        from gisdesk.ui.progress import run_with_progress

        try:  # a sort or filter over a million rows can take a second: cancellable off the GUI thread
            ids = run_with_progress(self.query.ids, self.query.interrupt, None,
                                    self.tr("Reading {name}…").format(name=self.query.layer.name))
        except StoreError as exc:
            self.failed.emit(self.tr("Cancelled; the table shows the previous rows.") if "interrupt" in str(exc)
                             else str(exc))
            return False
        if self._restrict is not None:
            ids = ids[np.isin(ids, self._restrict)]
        self.beginResetModel()
        self._ids = ids
        self._blocks.clear()
        self._lookup = None
        self._marked = None
        self.endResetModel()
        return True

    def set_restriction(self, fids: np.ndarray | None) -> None:
        """Show only the features ``fids`` (still filtered and sorted), or every row (None)."""
        self._restrict = None if fids is None else np.asarray(fids, np.int64)
        self.reload()

    def fid(self, row: int) -> int:
        """Feature id shown in ``row``."""
        return int(self._ids[row])

    def rows_of(self, fids: np.ndarray) -> np.ndarray:
        """Sorted row numbers showing the features ``fids`` (those not shown are left out)."""
        fids = np.asarray(fids, np.int64)
        if len(fids) == 0 or len(self._ids) == 0:
            return np.empty(0, np.int64)
        if self._lookup is None:
            order = np.argsort(self._ids, kind="stable")
            self._lookup = (order, self._ids[order])
        order, sorted_ids = self._lookup
        pos = np.searchsorted(sorted_ids, fids)
        pos[pos >= len(sorted_ids)] = 0
        hit = sorted_ids[pos] == fids
        return np.sort(order[pos[hit]])

    def set_marked(self, rows: np.ndarray | None) -> None:
        """Paint ``rows`` as selected without the view's selection model (huge scattered selections)."""
        if rows is None and self._marked is None:
            return
        if rows is None:
            self._marked = None
        else:
            self._marked = np.zeros(len(self._ids), bool)
            self._marked[rows] = True
        if len(self._ids):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1),
                                  [Qt.ItemDataRole.BackgroundRole])

    def is_marked(self, row: int) -> bool:
        """Whether ``row`` is painted as selected by :meth:`set_marked`."""
        return self._marked is not None and bool(self._marked[row])

    def _row(self, row: int) -> tuple | None:
        block = row // BLOCK_ROWS
        rows = self._blocks.get(block)
        if rows is None:
            start = block * BLOCK_ROWS
            try:
                rows = self.query.rows(self._ids[start:start + BLOCK_ROWS])
            except StoreError as exc:
                self.failed.emit(str(exc))
                return None
            self._blocks[block] = rows
            if len(self._blocks) > CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return rows[row - block * BLOCK_ROWS]

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else int(len(self._ids))

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._mark_color if index.isValid() and self.is_marked(index.row()) else None
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                                               Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                                               Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        value = row[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.ForegroundRole:
            return NULL_COLOR if value is None else None
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if value is None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        text = self._text(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text

    def _text(self, value: Any) -> str:
        if value is None:
            return self._null
        if isinstance(value, float):
            return format(value, ".10g")
        if isinstance(value, bytes):
            return self.tr("<{0} bytes>").format(len(value))
        return str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section] if 0 <= section < len(self.columns) else None
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        name = self.columns[column] if 0 <= column < len(self.columns) else None
        self.query.set_sort(name, order == Qt.SortOrder.DescendingOrder)
        self.reload()


class AttributeTable(QWidget):
    """The attribute table panel of one vector layer, linked to the map's selection.

    Parameters
    ----------
    layer : VectorLayer
        The layer; the panel opens its own :class:`DataSource` on ``layer.source``.
    selection : Selection
        The map's selection: selecting rows selects features, and back.
    parent : QWidget, optional
    user : User, optional
        Who reads: a case layer (incidents and their shapes) shows only the rows the
        access policy lets this user read (None: every row). See :meth:`set_user`.

    Signals
    -------
    zoom_requested(str, int)
        The user asked to zoom to a feature: (layer id, feature id).
    """

    zoom_requested = Signal(str, "qint64")

    def __init__(self, layer: VectorLayer, selection: Selection, parent: QWidget | None = None,
                 user: Any = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.selection = selection
        self.ds = open_datasource(layer.source, user=user)  # or the city server (as its login role)
        self.query = table_query(self.ds, self.ds.layer(layer.name))
        self._syncing = False
        self._released = False

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter, e.g. status = 'open' and severity >= 3 (Enter applies)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(self.tr(
            "Compare fields with = != < <= > >=, like / ilike (ignores case) with % and _, in (…), "
            "is [not] null, between … and …; combine with and, or, not and parentheses."))
        self.filter_edit.returnPressed.connect(self.apply_filter)
        clear_action = self.filter_edit.findChild(QAction, "_q_qlineeditclearaction")
        if clear_action is not None:  # the line's clear button drops the filter at once
            clear_action.triggered.connect(lambda: self.apply_filter(""))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.count_label = QLabel(self)
        self.selected_only = QCheckBox(self.tr("Selected only"), self)
        self.selected_only.toggled.connect(self._on_selected_only)
        self.zoom_button = QPushButton(self.tr("Zoom to feature"), self)
        self.zoom_button.clicked.connect(self.zoom_to_current)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setToolTip(self.tr("Save the rows shown (or the selected rows) to a file"))
        self.save_button.clicked.connect(self.open_save_as_dialog)

        self.model = AttributeTableModel(self.query, self)
        self.model.failed.connect(self._show_error)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        vh = self.view.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # a million rows: no per-row sizes
        vh.setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        hh = self.view.horizontalHeader()
        hh.setSortIndicatorClearable(True)  # a third click goes back to feature order
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        hh.setResizeContentsPrecision(64)  # widths from the first rows, not Qt's default 1,000
        self.view.resizeColumnsToContents()
        for c in range(self.model.columnCount()):
            self.view.setColumnWidth(c, min(self.view.columnWidth(c), 280))
        self.view.doubleClicked.connect(lambda index: self._zoom_to_row(index.row()))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._after_reset)

        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.selected_only)
        bar.addWidget(self.zoom_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.error_label)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._disconnect_selection = selection.changed.connect(self._on_selection_changed)
        self._after_reset()

    def set_user(self, user: Any) -> None:
        """Someone else signed in: read the rows ``user`` may read (count, sort, filter and pages)."""
        self.ds.set_user(user)
        self.refresh()

    def refresh(self) -> None:
        """Read the rows again (count, sort, filter and pages): they changed underneath (another workstation)."""
        self.query.refresh()
        self.model.reload()
        self._update_labels()

    # -- filter --------------------------------------------------------------------
    def apply_filter(self, text: str | None = None) -> bool:
        """Apply the filter line's expression (or ``text``); on error show it and keep the rows."""
        if text is not None:
            blocked = self.filter_edit.blockSignals(True)
            self.filter_edit.setText(text)
            self.filter_edit.blockSignals(blocked)
        text = self.filter_edit.text()
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            self.query.set_filter(text)
            ok = self.model.reload()
        except ExpressionError as exc:
            self._show_error(exc.message)
            self.filter_edit.setCursorPosition(exc.position)
            return False
        except StoreError as exc:
            self._show_error(str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        if ok:
            self.error_label.hide()
        return ok

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # -- labels, buttons -----------------------------------------------------------
    def _after_reset(self) -> None:
        self._select_rows_of_selection(scroll=False)
        self._update_labels()

    def _update_labels(self) -> None:
        loc = QLocale()
        text = self.tr("{0} of {1} features").format(loc.toString(self.model.rowCount()), loc.toString(self.query.total))
        n_sel = self.selection.count(self.layer.id)
        if n_sel:
            text += " · " + self.tr("{0} selected").format(loc.toString(n_sel))
        self.count_label.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.zoom_button.setEnabled(self._target_row() is not None)

    def _target_row(self) -> int | None:
        current = self.view.currentIndex()
        if current.isValid():
            return current.row()
        # selectedRows() is quadratic in the number of ranges; the ranges' tops are enough
        tops = [r.top() for r in self.view.selectionModel().selection()]
        return min(tops) if tops else None

    # -- zoom ----------------------------------------------------------------------
    def zoom_to_current(self) -> None:
        """Ask the map to zoom to the current (or first selected) row's feature."""
        row = self._target_row()
        if row is not None:
            self._zoom_to_row(row)

    def _zoom_to_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.zoom_requested.emit(self.layer.id, self.model.fid(row))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        menu = QMenu(self)
        zoom = QAction(self.tr("Zoom to feature"), menu)
        zoom.setEnabled(index.isValid())
        zoom.triggered.connect(lambda: self._zoom_to_row(index.row()))
        copy = QAction(self.tr("Copy value"), menu)
        copy.setEnabled(index.isValid())
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(str(index.data() or "")))
        clear = QAction(self.tr("Clear selection"), menu)
        clear.triggered.connect(lambda: self.selection.set(self.layer.id, []))
        save = QAction(self.tr("Save as…"), menu)
        save.triggered.connect(self.open_save_as_dialog)
        for action in (zoom, copy, clear, save):
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def open_save_as_dialog(self):
        """Open "Save as…" on the rows shown (the filter's), or the selected rows; returns the dialog."""
        from gisdesk.ui.save_as_dialog import open_save_as

        filtered = self.model.ids if self.query.filter_text or self.selected_only.isChecked() else None
        return open_save_as(self, self.layer, self.ds.user, selected=self.selection.ids(self.layer.id),
                            filtered=filtered, filter_text=self.query.filter_text)

    # -- selection, both ways ------------------------------------------------------
    def _on_view_selection_changed(self, *_: object) -> None:
        if self._syncing:
            return
        ranges = self.view.selectionModel().selection()
        parts = [np.arange(r.top(), r.bottom() + 1) for r in ranges]
        rows = np.sort(np.concatenate(parts)) if parts else np.empty(0, np.int64)
        rows = rows[np.r_[True, np.diff(rows) != 0]] if len(rows) else rows  # np.unique hashes: 50x slower
        self.model.set_marked(None)
        self._syncing = True
        try:
            self.selection.set(self.layer.id, self.model.ids[rows])
        finally:
            self._syncing = False
        self._update_labels()

    def _on_selection_changed(self, layer_id: str) -> None:
        if layer_id != self.layer.id or self._syncing:
            return
        if not shiboken6.isValid(self):  # deleted without close(): stop listening
            self._disconnect_selection()
            return
        if self.selected_only.isChecked():
            self.model.set_restriction(self.selection.ids(self.layer.id))  # resets, then selects
        else:
            self._select_rows_of_selection(scroll=True)
        self._update_labels()

    def _select_rows_of_selection(self, scroll: bool) -> None:
        """Make the view's selected rows those of the selected features (runs of rows as ranges)."""
        rows = self.model.rows_of(self.selection.ids(self.layer.id))
        sel = QItemSelection()
        breaks = np.flatnonzero(np.diff(rows) != 1)
        huge = len(breaks) + 1 > MAX_SELECTION_RANGES
        self.model.set_marked(rows if huge else None)
        if len(rows) and not huge:
            starts = rows[np.r_[0, breaks + 1]].tolist()
            ends = rows[np.r_[breaks, len(rows) - 1]].tolist()
            last = self.model.columnCount() - 1
            index = self.model.index
            for s, e in zip(starts, ends):
                sel.select(index(s, 0), index(e, last))
        self._syncing = True
        try:
            # Clear, then Select without the Rows flag: the ranges already span whole rows, and
            # Qt's row expansion and old/new comparison merge ranges pairwise (quadratic).
            model = self.view.selectionModel()
            model.clear()
            if len(sel):
                model.select(sel, QItemSelectionModel.SelectionFlag.Select)
        finally:
            self._syncing = False
        if scroll and len(rows):
            self.view.scrollTo(self.model.index(int(rows[0]), 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_selected_only(self, checked: bool) -> None:
        self.model.set_restriction(self.selection.ids(self.layer.id) if checked else None)

    # -- lifetime ------------------------------------------------------------------
    def release(self) -> None:
        """Stop following the selection and close the data source (idempotent)."""
        if not self._released:
            self._released = True
            self._disconnect_selection()
            self.ds.close()

    def close(self) -> bool:
        """Close the panel and release its data source."""
        self.release()
        return super().close()

    def closeEvent(self, event: Any) -> None:
        self.release()
        super().closeEvent(event)

"""File › Sync conflicts: the changes that lost when a package was synced, and settling them.

Select a conflict: both versions stand side by side in a form (field, the value kept, the
losing value, who made each and when) and on the map (the record's place and the place the
losing change gave, both highlighted when they differ). "Keep current" and "Use the other
value" settle it through :func:`gisdesk.store.sync_resolve.resolve_conflict` (an event of the
record, version-checked, recorded on the conflict); the access policy decides who may choose,
and its reason is shown when the buttons are off.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gisdesk.core import access
from gisdesk.core.conflict_resolution import access_record, versions
from gisdesk.core.style import Symbol

#: How the two versions are highlighted on the map.
KEPT_SYMBOL = Symbol(fill="#d0006f60", stroke="#d0006f", stroke_width=3.0, size=22, shape="circle")
LOST_SYMBOL = Symbol(fill="#ff8c0060", stroke="#ff8c00", stroke_width=3.0, size=22, shape="square")
OVERLAYS = ("conflict.kept", "conflict.lost")


def tr(text: str) -> str:
    return QCoreApplication.translate("ConflictsDialog", text)


def _short(value: Any) -> str:
    if isinstance(value, str) and len(value) == 20 and value[10:11] == "T" and value.endswith("Z"):
        return _when(value) + " UTC"  # an ISO time stamp, as people read it
    if isinstance(value, dict):
        if "value" in value:  # a feature's attribute (sync_features): the value that lost
            return "" if value["value"] is None else str(value["value"])
        for key in ("to_state", "state", "status", "text", "note", "action"):
            if value.get(key):
                return str(value[key])
        return json.dumps(value, ensure_ascii=False)[:80]
    return "" if value is None else str(value)


def _when(text: str | None) -> str:
    return (text or "").replace("T", " ").rstrip("Z")[:16]


def _field_words(field: str) -> str:
    return {"state": tr("state"), "commune": tr("commune"), "department": tr("department"),
            "deadline": tr("deadline"), "progress": tr("progress (%)"), "action": tr("offline step"),
            "priority": tr("priority"), "status": tr("status"), "geometry": tr("place"),
            "answer": tr("answer")}.get(field, field)


def _resolution_words(row: dict[str, Any]) -> str:
    if not row.get("resolved_at"):
        return tr("open")
    choice = (row.get("resolution") or {}).get("choice")
    how = tr("kept current") if choice == "kept" else tr("used the other value")
    return tr("settled by {who} at {when} ({how})").format(who=row.get("resolved_by") or "?",
                                                           when=_when(row["resolved_at"]), how=how)


class ConflictsDialog(QDialog):
    """The sync conflicts the signed-in user may see, with a form to settle the selected one."""

    def __init__(self, workspace: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from gisdesk.store._access_check import acting_user

        self.workspace = workspace
        self.user = user
        self.account = acting_user(workspace, user)
        self.rows: list[dict[str, Any]] = []
        self.view: dict[str, Any] = {}
        self.setWindowTitle(tr("Sync conflicts"))
        headers = [tr("When"), tr("Record"), tr("What"), tr("Kept"), tr("Kept by"), tr("Other value"), tr("By"),
                   tr("Why"), tr("State")]
        self.table = QTableWidget(0, len(headers), objectName="conflicts.table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.note = QLabel()
        self.note.setWordWrap(True)

        self.form = QGroupBox(tr("Both versions"))
        self.versions = QTableWidget(0, 3, objectName="conflicts.versions")
        self.versions.setHorizontalHeaderLabels([tr("Field"), tr("Kept (current)"), tr("Other value (lost)")])
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.verticalHeader().hide()
        self.versions.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.who_label = QLabel(objectName="conflicts.who")
        self.who_label.setWordWrap(True)
        self.map_label = QLabel(objectName="conflicts.map")
        self.map_label.setWordWrap(True)
        self.state_label = QLabel(objectName="conflicts.state")
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep_button = QPushButton(tr("&Keep current"), objectName="conflicts.keep")
        self.other_button = QPushButton(tr("&Use the other value"), objectName="conflicts.other")
        self.keep_button.clicked.connect(lambda: self.resolve("kept"))
        self.other_button.clicked.connect(lambda: self.resolve("lost"))
        choose = QHBoxLayout()
        choose.addWidget(self.keep_button)
        choose.addWidget(self.other_button)
        choose.addStretch(1)
        form_box = QVBoxLayout(self.form)
        form_box.addWidget(self.who_label)
        form_box.addWidget(self.versions, 1)
        form_box.addWidget(self.map_label)
        form_box.addLayout(choose)
        form_box.addWidget(self.state_label)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.form)
        split.setSizes([220, 260])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(split, 1)
        lay.addWidget(buttons)
        self.resize(980, 620)
        self.reload()

    # -- the list ------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Read the conflicts again (after a choice) and select ``select`` (a conflict id) or the first one."""
        from gisdesk.store.sync_conflicts import list_conflicts

        self.rows = list_conflicts(self.workspace, self.user)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            lost_by = f"{row['lost_by'] or ''} ({_when(row['lost_at'])})".strip()
            values = (_when(row["at"]), f"{row['kind']} {str(row['record_uuid'])[:8]}", row["field"] or "",
                      _short(row["kept"]), row["kept_by"] or "", _short(row["lost"]), lost_by, row["reason"],
                      _resolution_words(row))
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setToolTip(json.dumps(row["lost"] if c == 5 else row["kept"] if c == 3 else value,
                                           ensure_ascii=False, default=str, indent=1)[:2000])
                if row.get("resolved_at"):
                    item.setForeground(QColor("#707070"))
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        for c, width in enumerate((105, 120, 55, 75, 80, 80, 125, 190)):
            self.table.setColumnWidth(c, width)
        open_n = sum(1 for row in self.rows if not row.get("resolved_at"))
        self.note.setText(tr("{n} conflict(s), {open} open. Both values are kept: the losing change is here and in "
                             "the record's history; nothing was dropped. Select one to compare and settle it."
                             ).format(n=len(self.rows), open=open_n) if self.rows else
                          tr("No sync conflict you may see."))
        index = next((i for i, row in enumerate(self.rows) if row["id"] == select), 0 if self.rows else -1)
        if index >= 0:
            self.table.selectRow(index)
        self._selected()

    def current(self) -> dict[str, Any] | None:
        """The selected conflict (None without one)."""
        items = self.table.selectedItems()
        return self.rows[items[0].row()] if items else None

    # -- the form ------------------------------------------------------------------------
    def _selected(self) -> None:
        row = self.current()
        self.form.setEnabled(row is not None)
        self.versions.setRowCount(0)
        self.state_label.setText("")
        if row is None:
            self.who_label.setText("")
            self._highlight(None, None)
            self._buttons(None)
            return
        for field, kept, lost in versions(row):
            r = self.versions.rowCount()
            self.versions.insertRow(r)
            cells = (_field_words(field), _short(kept) or "—", _short(lost) or "—")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if field != "action" and kept != lost and lost is not None and c:
                    item.setBackground(QColor("#f6d3e6") if c == 1 else QColor("#fde2c2"))
                self.versions.setItem(r, c, item)
        self.who_label.setText(tr("Kept: by {kept_by} (recorded {at}). Other value: by {lost_by}, made on the device "
                                  "at {lost_at}. Why: {reason}").format(
            kept_by=row["kept_by"] or tr("the other side"), at=_when(row["at"]), lost_by=row["lost_by"] or "?",
            lost_at=_when(row["lost_at"]) or "?", reason=row["reason"]))
        from gisdesk.store.sync_resolve import conflict_view

        try:
            self.view = conflict_view(self.workspace, self.user, row)
        except Exception as exc:  # the record is gone or out of reach: the form still shows both values
            self.view = {"version": None, "kept_geom": None, "lost_geom": None}
            self.state_label.setText(tr("The record cannot be read here: {reason}").format(
                reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
        self._highlight(self.view.get("kept_geom"), self.view.get("lost_geom"))
        self._buttons(row)

    def _buttons(self, row: dict[str, Any] | None) -> None:
        if row is None:
            decision, why = access.Decision(False, ""), ""
        elif row.get("resolved_at"):
            decision, why = access.Decision(False, ""), _resolution_words(row)
        else:
            decision = access.decide(self.account, "edit", "conflict", access_record(row))
            why = "" if decision.allowed else tr("Not available: {reason}").format(reason=decision.reason)
        for button in (self.keep_button, self.other_button):
            button.setEnabled(decision.allowed)
            button.setToolTip(why)
        if why and not self.state_label.text():
            self.state_label.setText(why)

    def _highlight(self, kept: Any, lost: Any) -> None:
        """Both places on the window's map (the losing one only when it differs), zoomed to them."""
        canvas = getattr(self.parent(), "canvas", None)
        if lost is not None and kept is not None and lost.equals(kept):
            lost = None
        if kept is None and lost is None:
            self.map_label.setText(tr("No place to show on the map for this conflict.") if self.current() else "")
        elif lost is None:
            self.map_label.setText(tr("On the map: the record's place (magenta); the other value does not move it."))
        else:
            self.map_label.setText(tr("On the map: the kept place in magenta, the other value's place in orange."))
        if canvas is None:
            return
        import numpy as np
        import shapely

        from gisdesk.store.geoblob import from_shapely

        for name, geom, symbol in zip(OVERLAYS, (kept, lost), (KEPT_SYMBOL, LOST_SYMBOL)):
            canvas.set_overlay(name, from_shapely(np.array([geom])) if geom is not None else None, symbol)
        shown = [g for g in (kept, lost) if g is not None]
        if shown:
            minx, miny, maxx, maxy = shapely.GeometryCollection(shown).bounds
            pad = max(maxx - minx, maxy - miny, 300.0) * 0.6
            canvas.set_extent((minx - pad, miny - pad, maxx + pad, maxy + pad))

    # -- settling ------------------------------------------------------------------------
    def resolve(self, choice: str) -> bool:
        """Settle the selected conflict with ``kept`` or ``lost``; the reason is shown when it is refused."""
        from gisdesk.store.sync_resolve import resolve_conflict

        row = self.current()
        if row is None:
            return False
        try:
            resolve_conflict(self.workspace, self.user, row["id"], choice, version=self.view.get("version"))
        except Exception as exc:  # the policy's, the workflow's or the version's reason, one line
            self.state_label.setText(tr("Not settled: {reason}").format(
                reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
            return False
        self.reload(select=row["id"])
        self.state_label.setText(_resolution_words(self.current() or row))
        refresh = getattr(getattr(self.parent(), "canvas", None), "refresh", None)
        if refresh is not None:
            refresh()
        return True

    def done(self, result: int) -> None:  # closing takes the highlights off the map
        canvas = getattr(self.parent(), "canvas", None)
        if canvas is not None:
            for name in OVERLAYS:
                canvas.set_overlay(name, None)
        super().done(result)


__all__ = ["ConflictsDialog"]

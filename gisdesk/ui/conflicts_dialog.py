"""File › Sync conflicts: the changes that lost when a package was synced, with what was kept and why."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)


def tr(text: str) -> str:
    return QCoreApplication.translate("ConflictsDialog", text)


def _short(value: Any) -> str:
    if isinstance(value, dict):
        if "value" in value:  # a feature's attribute (sync_features): the value that lost
            return "" if value["value"] is None else str(value["value"])
        for key in ("to_state", "state", "status", "text", "note", "action"):
            if value.get(key):
                return str(value[key])
        return json.dumps(value, ensure_ascii=False)[:80]
    return "" if value is None else str(value)


class ConflictsDialog(QDialog):
    """Read-only list of the sync conflicts the signed-in user may see (both values kept)."""

    def __init__(self, workspace: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from gisdesk.store.sync_conflicts import list_conflicts

        self.setWindowTitle(tr("Sync conflicts"))
        self.rows = list_conflicts(workspace, user)
        headers = [tr("When"), tr("Record"), tr("What"), tr("Kept"), tr("Kept by"), tr("Lost"), tr("Lost by"), tr("Why")]
        self.table = QTableWidget(len(self.rows), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for r, row in enumerate(self.rows):
            when = (row["at"] or "").replace("T", " ").rstrip("Z")[:16]
            lost_by = f"{row['lost_by'] or ''} ({(row['lost_at'] or '')[:16].replace('T', ' ')})".strip()
            values = (when, f"{row['kind']} {str(row['record_uuid'])[:8]}", row["field"] or "", _short(row["kept"]),
                      row["kept_by"] or "", _short(row["lost"]), lost_by, row["reason"])
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setToolTip(json.dumps(row["lost"] if c == 5 else row["kept"] if c == 3 else value,
                                           ensure_ascii=False, default=str, indent=1)[:2000])
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(tr("{n} conflict(s). Both values are kept: the losing change is here and in the record's "
                         "history; nothing was dropped.").format(n=len(self.rows)) if self.rows else
                      tr("No sync conflict you may see."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(900, 420)


__all__ = ["ConflictsDialog"]

"""Identify results: the features under a click, layer by layer, with their attributes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

#: Columns shown first and specially for cameras.
CAMERA_FIELDS = ("ai_types", "status", "last_detection")


@dataclass
class IdentifyHit:
    layer_id: str
    layer_title: str
    fid: int
    attributes: dict[str, Any]


class IdentifyPanel(QTreeWidget):
    """Tree of layer -> feature -> attribute rows, like QGIS's Identify Results.

    Signals
    -------
    feature_activated(str, int)
        The user picked a feature row (layer id, feature id): highlight it.
    """

    feature_activated = Signal(str, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Feature"), self.tr("Value")])
        self.setAlternatingRowColors(True)
        self.itemClicked.connect(self._clicked)
        self.hits: list[IdentifyHit] = []

    def forget(self) -> None:
        """Forget the results (someone else signed in: they may not read them)."""
        self.clear()
        self.hits = []

    def show_hits(self, hits: list[IdentifyHit]) -> None:
        """Replace the results; the first feature is expanded."""
        self.clear()
        self.hits = list(hits)
        if not hits:
            empty = QTreeWidgetItem([self.tr("No features here"), ""])
            empty.setForeground(0, QColor(120, 120, 120))
            self.addTopLevelItem(empty)
            return
        by_layer: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            parent = by_layer.get(hit.layer_id)
            if parent is None:
                parent = QTreeWidgetItem([hit.layer_title, ""])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                self.addTopLevelItem(parent)
                by_layer[hit.layer_id] = parent
            label = self._feature_label(hit)
            item = QTreeWidgetItem(parent, [label, f"#{hit.fid}" if hit.fid >= 0 else ""])
            item.setData(0, Qt.ItemDataRole.UserRole, (hit.layer_id, hit.fid))
            self._attribute_rows(item, hit.attributes)
        for parent in by_layer.values():
            parent.setExpanded(True)
        first = self.topLevelItem(0).child(0)
        first.setExpanded(True)
        self.setCurrentItem(first)
        self.resizeColumnToContents(0)

    def _feature_label(self, hit: IdentifyHit) -> str:
        if hit.fid < 0:  # a raster: its cell at the click
            return self.tr("Value here")
        for key in ("name", "code", "category", "title"):
            value = hit.attributes.get(key)
            if value not in (None, ""):
                return str(value)
        return self.tr("Feature {fid}").format(fid=hit.fid)

    def _attribute_rows(self, item: QTreeWidgetItem, attrs: dict[str, Any]) -> None:
        if "ai_types" in attrs:  # a camera: what it detects, whether it is online, when it last saw something
            status = str(attrs.get("status") or "")
            row = QTreeWidgetItem(item, [self.tr("Status"), status])
            row.setForeground(1, QColor("#238b45") if status == "online" else QColor("#b30000"))
            QTreeWidgetItem(item, [self.tr("Last detection"), str(attrs.get("last_detection") or self.tr("never"))])
            types = [t.strip() for t in str(attrs.get("ai_types") or "").split(",") if t.strip()]
            det = QTreeWidgetItem(item, [self.tr("AI detection types"), str(len(types))])
            for t in types:
                QTreeWidgetItem(det, ["", t])
            det.setExpanded(True)
        for key, value in attrs.items():
            if "ai_types" in attrs and key in CAMERA_FIELDS:
                continue
            row = QTreeWidgetItem(item, [key, "NULL" if value is None else str(value)])
            if value is None:
                row.setForeground(1, QColor(150, 150, 150))

    def _clicked(self, item: QTreeWidgetItem, column: int) -> None:
        while item is not None:
            data = item.data(0, Qt.ItemDataRole.UserRole)
            if data:
                self.feature_activated.emit(data[0], int(data[1]))
                return
            item = item.parent()

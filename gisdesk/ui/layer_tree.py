"""The layer tree: groups, visibility, drag-and-drop order, legend symbols and layer actions.

A view of :class:`gisdesk.core.map_model.MapModel`, following QGIS's layer panel:
groups with a check box that shows or hides all their layers, one row per layer
(top of the tree = drawn last) with its legend symbol, and one child row per class
of a categorized or graduated layer. The model is the truth: the tree listens to
its events and rebuilds itself, and changes it only through its methods.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QMenu, QMessageBox, QSlider, QStyle,
                               QTreeWidget, QTreeWidgetItem, QWidget, QWidgetAction)

from gisdesk.core.access import Decision
from gisdesk.core.layers import RasterLayer, VectorLayer
from gisdesk.core.map_model import DEFAULT_GROUPS, Layer, MapModel
from gisdesk.core.style import Symbol
from gisdesk.render.colour_raster import has_own_colours
from gisdesk.render.legend import legend_entries, ramp_swatch, symbol_swatch
from gisdesk.store.datasource import open_datasource
from gisdesk.store.errors import StoreError
from gisdesk.ui.actions import icon
from gisdesk.ui.style_dialog import StyleDialog

ROLE_ID = Qt.ItemDataRole.UserRole
ROLE_TYPE = Qt.ItemDataRole.UserRole + 1  # "group", "layer" or "legend"
ICON = 16


@dataclass
class DropTarget:
    """Where a dragged layer lands: ``group`` ('' = top level) and its row there (top first)."""

    group: str
    row: int


def _icon(img) -> QIcon:
    return QIcon(QPixmap.fromImage(img))


class LayerTree(QTreeWidget):
    """The layer panel of the map window, bound to ``model``.

    Signals
    -------
    zoom_to_layer_requested(str)
        Layer id; the window zooms the canvas to that layer's extent.
    attribute_table_requested(str)
        Layer id; the window opens its attribute table.
    current_layer_changed(str)
        Id of the layer now current ('' when a group or nothing is).
    add_layers_requested()
        "Add layers…" was chosen; the window shows its file dialog.
    refused(str)
        The user may not do what they asked (remove a layer of the shared workspace): the reason.
    save_requested()
        "Save for everyone" in the style dialog: the window saves layers and styles in the workspace.
    """

    zoom_to_layer_requested = Signal(str)
    attribute_table_requested = Signal(str)
    current_layer_changed = Signal(str)
    add_layers_requested = Signal()
    refused = Signal(str)
    save_requested = Signal()

    def __init__(self, model: MapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map_model = model
        self.user = None  # who reads (the style dialog's class values): see set_rights
        self.layer_rights = Decision(True)  # add and remove layers of the shared workspace
        self.style_rights = Decision(True)  # save styles for everyone
        self._kinds: dict[str, str] = {}
        self._structure: list[tuple[str, list[str]]] = []
        self._collapsed: set[str] = set()
        self._syncing = False
        self.setHeaderHidden(True)
        self.setIconSize(QSize(ICON, ICON))
        self.setIndentation(14)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.itemChanged.connect(self._item_changed)
        self.itemExpanded.connect(lambda it: self._collapsed.discard(self._key(it)))
        self.itemCollapsed.connect(lambda it: self._collapsed.add(self._key(it)))
        self.currentItemChanged.connect(lambda cur, _prev: self.current_layer_changed.emit(self._layer_id(cur)))
        self._undo = [model.layers_changed.connect(self._on_layers_changed),
                      model.style_changed.connect(self._on_style_changed),
                      model.layer_added.connect(self._on_layer_added)]
        self._pending_current = ""
        self.rebuild()

    def disconnect_model(self) -> None:
        """Stop listening to the model (before the tree goes away)."""
        for undo in self._undo:
            undo()
        self._undo = []

    # -- reading the tree ------------------------------------------------------------
    @staticmethod
    def _key(item: QTreeWidgetItem) -> str:
        return f"{item.data(0, ROLE_TYPE)}:{item.data(0, ROLE_ID)}"

    @staticmethod
    def _layer_id(item: QTreeWidgetItem | None) -> str:
        while item is not None and item.data(0, ROLE_TYPE) == "legend":
            item = item.parent()
        return item.data(0, ROLE_ID) if item is not None and item.data(0, ROLE_TYPE) == "layer" else ""

    def current_layer_id(self) -> str:
        """Id of the current layer, '' when none."""
        return self._layer_id(self.currentItem())

    def group_item(self, group: str) -> QTreeWidgetItem | None:
        """The top-level item of ``group``."""
        for i in range(self.topLevelItemCount()):
            it = self.topLevelItem(i)
            if it.data(0, ROLE_TYPE) == "group" and it.data(0, ROLE_ID) == group:
                return it
        return None

    def layer_item(self, layer_id: str) -> QTreeWidgetItem | None:
        """The item of the layer ``layer_id``."""
        for it in self._layer_items():
            if it.data(0, ROLE_ID) == layer_id:
                return it
        return None

    def _layer_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top.data(0, ROLE_TYPE) == "layer":
                out.append(top)
            elif top.data(0, ROLE_TYPE) == "group":
                out.extend(top.child(j) for j in range(top.childCount()))
        return out

    def groups(self) -> list[tuple[str, list[str]]]:
        """The tree as (group, layer ids top first); '' is the top level above the groups."""
        return [(g, list(ids)) for g, ids in self._structure]

    # -- building --------------------------------------------------------------------
    def _model_structure(self) -> list[tuple[str, list[str]]]:
        by_group: dict[str, list[str]] = {}
        for lyr in reversed(self.map_model.layers):
            by_group.setdefault(lyr.group or "", []).append(lyr.id)
        order = [""] + [g for g in DEFAULT_GROUPS if g in by_group] + [g for g in by_group if g and g not in DEFAULT_GROUPS]
        return [(g, by_group[g]) for g in order if g in by_group]

    def rebuild(self) -> None:
        """Build the tree from the model again, keeping expansion and the current layer."""
        current = self._pending_current or self.current_layer_id()
        self._pending_current = ""
        self._syncing = True
        self.blockSignals(True)
        try:
            self.clear()
            self._structure = self._model_structure()
            for group, ids in self._structure:
                parent = None
                if group:
                    parent = QTreeWidgetItem(self, [group])
                    parent.setData(0, ROLE_TYPE, "group")
                    parent.setData(0, ROLE_ID, group)
                    parent.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon))
                    font = QFont(parent.font(0))
                    font.setBold(True)
                    parent.setFont(0, font)
                    parent.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                                    | Qt.ItemFlag.ItemIsDropEnabled)
                for lid in ids:
                    self._add_layer_item(parent, self.map_model.layer(lid))
                if parent is not None:
                    parent.setExpanded(self._key(parent) not in self._collapsed)
            self._refresh_states()
        finally:
            self.blockSignals(False)
            self._syncing = False
        item = self.layer_item(current) if current else None
        if item is not None:
            self.setCurrentItem(item)
        self._normalise_order()

    def _add_layer_item(self, parent: QTreeWidgetItem | None, layer: Layer) -> QTreeWidgetItem:
        item = QTreeWidgetItem([layer.title])
        item.setData(0, ROLE_TYPE, "layer")
        item.setData(0, ROLE_ID, layer.id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                      | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self._fill_legend(item, layer)
        return item

    def _kind(self, layer: Layer) -> str:
        if isinstance(layer, RasterLayer):
            return "raster"
        if layer.id not in self._kinds:
            try:
                with open_datasource(layer.source) as ds:
                    self._kinds[layer.id] = ds.layer(layer.name).kind
            except StoreError:
                self._kinds[layer.id] = "polygon"
        return self._kinds[layer.id]

    def _fill_legend(self, item: QTreeWidgetItem, layer: Layer) -> None:
        """The layer row's symbol and, for classified styles and rasters, one child row per class."""
        item.takeChildren()
        if isinstance(layer, RasterLayer) and has_own_colours(layer.path):  # a basemap or RGB image: no ramp
            item.setIcon(0, icon("mdi6.map-outline"))
            rows = []
        elif isinstance(layer, RasterLayer):
            item.setIcon(0, _icon(ramp_swatch(layer.style, ICON, ICON)))
            rows = [(f"{v:g}", symbol_swatch(Symbol(fill=c, stroke="#808080", stroke_width=0.5), "polygon", ICON))
                    for v, c in layer.style.stops]
        else:
            kind = self._kind(layer)
            entries = legend_entries(layer, kind, ICON)
            single = layer.style.mode == "single"
            item.setIcon(0, _icon(entries[0][1]) if single else QIcon())
            rows = [] if single else entries
        item.setToolTip(0, self._tooltip(layer))
        for label, img in rows:
            child = QTreeWidgetItem([label])
            child.setData(0, ROLE_TYPE, "legend")
            child.setData(0, ROLE_ID, layer.id)
            child.setIcon(0, _icon(img))
            child.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.addChild(child)
        item.setExpanded(bool(rows) and self._key(item) not in self._collapsed)

    def _tooltip(self, layer: Layer) -> str:
        if isinstance(layer, RasterLayer):
            return f"{layer.title}\n{layer.path}"
        return f"{layer.title}\n{layer.source.name} — {layer.name} ({self._kind(layer)})"

    def _refresh_states(self) -> None:
        """Check boxes, titles and group tri-states from the model (no rebuild)."""
        was = self.signalsBlocked()
        self.blockSignals(True)
        for it in self._layer_items():
            lyr = self.map_model.layer(it.data(0, ROLE_ID))
            it.setCheckState(0, Qt.CheckState.Checked if lyr.visible else Qt.CheckState.Unchecked)
            if it.text(0) != lyr.title:
                it.setText(0, lyr.title)
            it.setForeground(0, self.palette().text() if lyr.visible else self.palette().placeholderText())
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top.data(0, ROLE_TYPE) == "group":
                states = {top.child(j).checkState(0) for j in range(top.childCount())}
                top.setCheckState(0, states.pop() if len(states) == 1 else Qt.CheckState.PartiallyChecked)
        self.blockSignals(was)

    def _normalise_order(self) -> None:
        """Make the drawing order follow the tree (groups keep their layers together)."""
        flat = [lid for _, ids in self._structure for lid in ids]
        bottom_first = list(reversed(flat))
        if bottom_first != [lyr.id for lyr in self.map_model.layers]:
            self.map_model.set_order(bottom_first)

    # -- model events ----------------------------------------------------------------
    def _on_layers_changed(self) -> None:
        if self._model_structure() != self._structure or len(self._layer_items()) != len(self.map_model):
            self.rebuild()
        else:
            self._refresh_states()

    def _on_style_changed(self, layer: Layer) -> None:
        item = self.layer_item(layer.id)
        if item is not None:
            self._syncing = True
            self.blockSignals(True)
            self._fill_legend(item, layer)
            self.blockSignals(False)
            self._syncing = False

    def _on_layer_added(self, layer: Layer) -> None:
        self._pending_current = layer.id

    # -- user edits ------------------------------------------------------------------
    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._syncing:
            return
        kind = item.data(0, ROLE_TYPE)
        if kind == "group":
            self.set_group_visible(item.data(0, ROLE_ID), item.checkState(0) != Qt.CheckState.Unchecked)
        elif kind == "layer":
            lid = item.data(0, ROLE_ID)
            lyr = self.map_model.layer(lid)
            title = item.text(0).strip()
            if title and title != lyr.title:
                self.rename_layer(lid, title)
            visible = item.checkState(0) == Qt.CheckState.Checked
            if visible != lyr.visible:
                self.map_model.set_visible(lid, visible)

    def set_group_visible(self, group: str, visible: bool) -> None:
        """Show or hide every layer of ``group``."""
        for g, ids in self.groups():
            if g == group:
                for lid in ids:
                    self.map_model.set_visible(lid, visible)
        self._refresh_states()

    def rename_layer(self, layer_id: str, title: str) -> None:
        """Give the layer a new title (F2 in the tree)."""
        # MapModel has no set_title: change the layer and tell the model's listeners.
        self.map_model.layer(layer_id).title = title
        self.map_model.layers_changed.emit()

    def set_opacity(self, layer_id: str, opacity: float) -> None:
        """Set the layer's opacity (0-1) through a new style."""
        style = copy.deepcopy(self.map_model.layer(layer_id).style)
        style.opacity = max(0.0, min(1.0, float(opacity)))
        self.map_model.set_style(layer_id, style)

    def set_rights(self, layers: Decision, styles: Decision, user=None) -> None:
        """What the signed-in ``user`` may do here (answers of :func:`gisdesk.core.access.decide`).

        ``layers``: add and remove layers of the shared workspace; ``styles``: save
        styles for everyone (restyling the session stays open to all).
        """
        self.layer_rights, self.style_rights, self.user = layers, styles, user

    def remove_layer(self, layer_id: str, confirm: bool = True) -> bool:
        """Remove the layer from the map, after asking when ``confirm``; True when removed.

        Refused (``refused`` is emitted with the reason) for who may not change the
        shared workspace's layers.
        """
        if not self.layer_rights.allowed:
            self.refused.emit(self.tr("Not done: {reason}").format(reason=self.layer_rights.reason))
            return False
        lyr = self.map_model.layer(layer_id)
        if confirm:
            answer = QMessageBox.question(self, self.tr("Remove layer"),
                                          self.tr("Remove '{title}' from the map?\nThe data stays in its file.")
                                          .format(title=lyr.title))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self._kinds.pop(layer_id, None)
        self.map_model.remove(layer_id)
        return True

    def open_style_dialog(self, layer_id: str) -> StyleDialog:
        """Open the style dialog (window-modal) for the layer; OK and Apply set the style in the model."""
        dlg = StyleDialog(self.map_model.layer(layer_id), self, user=self.user, save_rights=self.style_rights)
        dlg.applied.connect(lambda style: self.map_model.set_style(layer_id, style))
        dlg.save_requested.connect(self.save_requested.emit)
        dlg.accepted.connect(lambda: self.map_model.set_style(layer_id, dlg.result_style()))
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()
        return dlg

    # -- moving ----------------------------------------------------------------------
    def move_layer(self, layer_id: str, group: str, row: int) -> None:
        """Put the layer into ``group`` ('' = top level) at ``row`` (top first) and reorder the model.

        ``row`` counts the group's layers before the move (as a drop indicator
        does); moving into another group changes the layer's group.
        """
        structure = self.groups()
        for g, ids in structure:
            if layer_id in ids:
                if g == group and ids.index(layer_id) < row:
                    row -= 1
                ids.remove(layer_id)
        names = [g for g, _ in structure]
        if group not in names:
            structure.append((group, []))
        target = next(ids for g, ids in structure if g == group)
        target.insert(max(0, min(row, len(target))), layer_id)
        lyr = self.map_model.layer(layer_id)
        regrouped = lyr.group != group
        lyr.group = group
        order = list(reversed([lid for _, ids in structure for lid in ids]))
        self._pending_current = layer_id
        before = [x.id for x in self.map_model.layers]
        self.map_model.set_order(order)
        if regrouped and before == order:
            self.map_model.layers_changed.emit()  # no set_group in MapModel: tell listeners ourselves

    def drop_target(self, item: QTreeWidgetItem | None, position: QAbstractItemView.DropIndicatorPosition) -> DropTarget:
        """Where a drop onto ``item`` at ``position`` puts a layer."""
        P = QAbstractItemView.DropIndicatorPosition
        while item is not None and item.data(0, ROLE_TYPE) == "legend":
            item, position = item.parent(), P.BelowItem
        if item is None:
            return DropTarget("", len(dict(self.groups()).get("", [])))
        if item.data(0, ROLE_TYPE) == "group":
            return DropTarget(item.data(0, ROLE_ID), 0)
        parent = item.parent()
        group = parent.data(0, ROLE_ID) if parent is not None else ""
        ids = dict(self.groups()).get(group, [])
        row = ids.index(item.data(0, ROLE_ID))
        return DropTarget(group, row + 1 if position == P.BelowItem else row)

    def _indicator(self, item: QTreeWidgetItem | None, y: int) -> QAbstractItemView.DropIndicatorPosition:
        P = QAbstractItemView.DropIndicatorPosition
        if item is None:
            return P.OnViewport
        rect = self.visualItemRect(item)
        if y < rect.top() + rect.height() / 4:
            return P.AboveItem
        if y > rect.bottom() - rect.height() / 4:
            return P.BelowItem
        return P.OnItem if item.data(0, ROLE_TYPE) == "group" else (
            P.AboveItem if y < rect.center().y() else P.BelowItem)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        moving = self.current_layer_id()
        if event.source() not in (self, None) or not moving or not event.mimeData().hasFormat(
                "application/x-qabstractitemmodeldatalist"):
            event.ignore()
            return
        pos = event.position().toPoint()
        item = self.itemAt(pos)
        target = self.drop_target(item, self._indicator(item, pos.y()))
        # Qt must not move the items itself: the model changes, and the tree follows it.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        QTimer.singleShot(0, lambda: self.move_layer(moving, target.group, target.row))

    # -- keys, mouse, menu -----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        lid = self.current_layer_id()
        if event.key() == Qt.Key.Key_Delete and lid and self.currentItem().data(0, ROLE_TYPE) == "layer":
            self.remove_layer(lid)
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        item = self.itemAt(event.position().toPoint())
        if item is not None and item.data(0, ROLE_TYPE) == "layer":
            self.open_style_dialog(item.data(0, ROLE_ID))
            return
        super().mouseDoubleClickEvent(event)

    def _opacity_action(self, menu: QMenu, layer: Layer) -> QWidgetAction:
        box = QWidget(menu)
        lay = QHBoxLayout(box)
        lay.setContentsMargins(24, 2, 8, 2)
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 100)
        slider.setValue(round(layer.style.opacity * 100))
        label = QLabel(f"{slider.value()} %")
        label.setMinimumWidth(40)
        slider.valueChanged.connect(lambda v: label.setText(f"{v} %"))
        slider.valueChanged.connect(lambda v: None if slider.isSliderDown() else self.set_opacity(layer.id, v / 100))
        slider.sliderReleased.connect(lambda: self.set_opacity(layer.id, slider.value() / 100))
        lay.addWidget(slider)
        lay.addWidget(label)
        action = QWidgetAction(menu)
        action.setDefaultWidget(box)
        return action

    def layer_menu(self, layer_id: str) -> QMenu:
        """The context menu of a layer row."""
        lyr = self.map_model.layer(layer_id)
        menu = QMenu(self)
        menu.addAction(self.tr("Zoom to layer"), lambda: self.zoom_to_layer_requested.emit(layer_id))
        menu.addAction(self.tr("Style…"), lambda: self.open_style_dialog(layer_id))
        opacity = menu.addMenu(self.tr("Opacity"))
        opacity.addAction(self._opacity_action(opacity, lyr))
        if isinstance(lyr, VectorLayer):
            menu.addAction(self.tr("Open attribute table"), lambda: self.attribute_table_requested.emit(layer_id))
            menu.addAction(self.tr("Save as…"), lambda: self.open_save_as_dialog(layer_id))
        menu.addAction(self.tr("Properties…"), lambda: self.open_properties(layer_id))
        menu.addSeparator()
        menu.addAction(self.tr("Rename"), lambda: self.editItem(self.layer_item(layer_id), 0))
        remove = menu.addAction(self.tr("Remove layer…"), lambda: self.remove_layer(layer_id))
        self._gate(menu, remove, self.layer_rights)
        return menu

    def open_properties(self, layer_id: str):
        """Show the layer's source, CRS, extent, feature count and fields; returns the dialog."""
        from gisdesk.ui.layer_properties import LayerPropertiesDialog

        dialog = LayerPropertiesDialog(self.map_model.layer(layer_id), self.user, self)
        dialog.open()
        self._properties_dialog = dialog
        return dialog

    def open_save_as_dialog(self, layer_id: str):
        """Open "Save as…" for a vector layer (its selected features offered); returns the dialog."""
        from gisdesk.ui.save_as_dialog import open_save_as

        return open_save_as(self, self.map_model.layer(layer_id), self.user,
                            selected=self.map_model.selection.ids(layer_id))

    def _gate(self, menu: QMenu, action, decision: Decision) -> None:
        """Disable ``action`` when ``decision`` says no, with the reason as its tooltip."""
        if not decision.allowed:
            action.setEnabled(False)
            action.setToolTip(self.tr("Not available: {reason}").format(reason=decision.reason))
            menu.setToolTipsVisible(True)

    def _context_menu(self, pos) -> None:
        item = self.itemAt(pos)
        lid = self._layer_id(item)
        if lid:
            menu = self.layer_menu(lid)
        else:
            menu = QMenu(self)
            if item is not None and item.data(0, ROLE_TYPE) == "group":
                group = item.data(0, ROLE_ID)
                menu.addAction(self.tr("Show all layers"), lambda: self.set_group_visible(group, True))
                menu.addAction(self.tr("Hide all layers"), lambda: self.set_group_visible(group, False))
                menu.addSeparator()
            self._gate(menu, menu.addAction(self.tr("Add layers…"), self.add_layers_requested.emit), self.layer_rights)
            menu.addAction(self.tr("Expand all"), self.expandAll)
            menu.addAction(self.tr("Collapse all"), self.collapseAll)
        menu.exec(self.viewport().mapToGlobal(pos))

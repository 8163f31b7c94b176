"""The layer tree on the demo city: groups, visibility, order, legend rows and layer actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from gisdesk.core.layers import RasterLayer
from gisdesk.core.map_model import DEFAULT_GROUPS, MapModel
from gisdesk.core.style import Symbol, VectorStyle
from gisdesk.store.workspace import map_layers
from gisdesk.ui.layer_tree import ROLE_TYPE, LayerTree
from sample_layers.generate import build_workspace

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_workspace(tmp_path_factory.mktemp("demo") / "hue.sqlite", incidents=2000)


@pytest.fixture
def model(demo):
    return MapModel(map_layers(demo), "EPSG:32648")


@pytest.fixture
def tree(qtbot, model):
    t = LayerTree(model)
    qtbot.addWidget(t)
    t.resize(320, 760)
    t.show()
    return t


def by_name(model):
    return {getattr(lyr, "name", "raster"): lyr for lyr in model.layers}


def counter(event):
    calls = []
    event.connect(lambda *a: calls.append(a))
    return calls


def titles(item):
    return [item.child(i).text(0) for i in range(item.childCount())]


def icon_image(item) -> QImage:
    return item.icon(0).pixmap(16, 16).toImage()


def test_groups_in_qgis_order_with_their_layers_top_drawn_last(tree, model):
    tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert tops == [*DEFAULT_GROUPS, "Basemap"]  # the demo's basemap, drawn first, at the bottom
    flood = tree.group_item("Flood")
    expected = [lyr.title for lyr in reversed(model.layers) if lyr.group == "Flood"]
    assert titles(flood) == expected and len(expected) == 4
    assert any("Flood depth" in t for t in titles(flood))
    # top of the tree is drawn last: the first layer row is the model's last layer
    assert tree.topLevelItem(0).child(0).text(0) == model.layers[-1].title
    assert all(tree.topLevelItem(i).checkState(0) == Qt.CheckState.Checked for i in range(len(tops)))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tree.group_item("Incidents").setExpanded(True)
    QApplication.processEvents()
    assert tree.grab().save(str(ARTIFACTS / "layer_tree.png"))


def test_unchecking_a_layer_hides_it_in_the_model(tree, model):
    roads = by_name(model)["roads"]
    changed = counter(model.layers_changed)
    tree.layer_item(roads.id).setCheckState(0, Qt.CheckState.Unchecked)
    assert roads.visible is False and len(changed) == 1
    assert tree.group_item("Infrastructure").checkState(0) == Qt.CheckState.PartiallyChecked
    tree.layer_item(roads.id).setCheckState(0, Qt.CheckState.Checked)
    assert roads.visible is True
    assert tree.group_item("Infrastructure").checkState(0) == Qt.CheckState.Checked


def test_group_check_box_toggles_all_its_layers(tree, model):
    group = tree.group_item("Flood")
    group.setCheckState(0, Qt.CheckState.Unchecked)
    flood = [lyr for lyr in model.layers if lyr.group == "Flood"]
    assert flood and not any(lyr.visible for lyr in flood)
    assert all(lyr.visible for lyr in model.layers if lyr.group != "Flood")
    assert all(tree.layer_item(lyr.id).checkState(0) == Qt.CheckState.Unchecked for lyr in flood)
    group.setCheckState(0, Qt.CheckState.Checked)
    assert all(lyr.visible for lyr in flood)


def test_model_visibility_change_updates_the_check_box(tree, model):
    cams = by_name(model)["cameras"]
    model.set_visible(cams.id, False)
    assert tree.layer_item(cams.id).checkState(0) == Qt.CheckState.Unchecked
    assert tree.group_item("Cameras").checkState(0) == Qt.CheckState.Unchecked


def test_move_within_a_group_reorders_the_drawing(tree, model):
    m = by_name(model)
    ids = dict(tree.groups())["Infrastructure"]
    assert ids[-1] == m["roads"].id  # roads drawn first in its group
    tree.move_layer(m["roads"].id, "Infrastructure", 0)  # to the top of the group
    assert dict(tree.groups())["Infrastructure"][0] == m["roads"].id
    order = [lyr.id for lyr in model.layers]
    assert all(order.index(m["roads"].id) > order.index(i) for i in ids if i != m["roads"].id)
    assert tree.group_item("Infrastructure").child(0).text(0) == "Roads"
    assert tree.current_layer_id() == m["roads"].id


def test_move_into_another_group_changes_the_group(tree, model):
    m = by_name(model)
    changed = counter(model.layers_changed)
    tree.move_layer(m["rivers"].id, "Infrastructure", 1)
    assert m["rivers"].group == "Infrastructure" and changed
    assert titles(tree.group_item("Infrastructure"))[1] == "Rivers"
    assert "Rivers" not in titles(tree.group_item("Flood"))
    # model order follows the tree: flattening the tree top-first gives the model reversed
    flat = [lid for _, ids in tree.groups() for lid in ids]
    assert flat == [lyr.id for lyr in reversed(model.layers)]


def test_a_real_drop_event_moves_the_layer(qtbot, tree, model):
    m = by_name(model)
    source = tree.layer_item(m["bridges"].id)
    target = tree.layer_item(m["cameras"].id)
    tree.setCurrentItem(source)
    mime = tree.model().mimeData([tree.indexFromItem(source)])
    rect = tree.visualItemRect(target)
    pos = QPointF(rect.center().x(), rect.bottom() - 1)  # just below Cameras
    event = QDropEvent(pos, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Qt delivers drops only to the target of a running drag; hand the event to the drop handler itself.
    tree.dropEvent(event)
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.IgnoreAction
    qtbot.waitUntil(lambda: m["bridges"].group == "Cameras")
    assert titles(tree.group_item("Cameras")) == ["Cameras", "Bridges"]
    assert tree.layer_item(m["bridges"].id) is not None  # Qt did not delete the dragged row


def test_categorized_layers_have_a_legend_row_per_class(tree, model):
    zones = by_name(model)["planning_zones"]
    item = tree.layer_item(zones.id)
    labels = titles(item)
    assert labels[:len(zones.style.categories)] == [c.label for c in zones.style.categories]
    assert labels[-1] == "other" and len(labels) == len(zones.style.categories) + 1
    assert all(item.child(i).data(0, ROLE_TYPE) == "legend" for i in range(item.childCount()))
    assert item.child(0).icon(0).isNull() is False
    assert tree.layer_item(by_name(model)["communes"].id).childCount() == 0  # single symbol: icon only
    raster = next(lyr for lyr in model.layers if isinstance(lyr, RasterLayer) and lyr.group == "Flood")
    assert titles(tree.layer_item(raster.id)) == [f"{v:g}" for v, _ in raster.style.stops]
    basemap = next(lyr for lyr in model.layers if isinstance(lyr, RasterLayer) and lyr.group == "Basemap")
    assert titles(tree.layer_item(basemap.id)) == []  # in its own colours: no ramp


def test_style_change_in_the_model_updates_the_legend(tree, model):
    m = by_name(model)
    communes = tree.layer_item(m["communes"].id)
    before = icon_image(communes)
    model.set_style(m["communes"].id, VectorStyle(symbol=Symbol(fill="#ff0000", stroke="#000000")))
    assert icon_image(communes) != before
    model.set_style(m["planning_zones"].id, VectorStyle(symbol=Symbol(fill="#00ff00")))
    zones = tree.layer_item(m["planning_zones"].id)
    assert zones.childCount() == 0 and not zones.icon(0).isNull()


def test_remove_rename_opacity_and_current_layer(qtbot, tree, model):
    m = by_name(model)
    removed = counter(model.layer_removed)
    assert tree.remove_layer(m["drains"].id, confirm=False)
    assert removed and "Drains" not in titles(tree.group_item("Infrastructure"))
    item = tree.layer_item(m["roads"].id)
    changed = counter(model.layers_changed)
    item.setText(0, "Street network")  # what F2 editing does
    assert m["roads"].title == "Street network" and changed
    tree.set_opacity(m["roads"].id, 0.35)
    assert m["roads"].style.opacity == pytest.approx(0.35)
    with qtbot.waitSignal(tree.current_layer_changed) as blocker:
        tree.setCurrentItem(tree.layer_item(m["cameras"].id))
    assert blocker.args == [m["cameras"].id]


def test_context_menu_actions(qtbot, tree, model):
    cams = by_name(model)["cameras"]
    menu = tree.layer_menu(cams.id)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:4] == ["Zoom to layer", "Style…", "Opacity", "Open attribute table"]
    assert "Remove layer…" in texts
    with qtbot.waitSignal(tree.zoom_to_layer_requested) as blocker:
        menu.actions()[0].trigger()
    assert blocker.args == [cams.id]
    with qtbot.waitSignal(tree.attribute_table_requested):
        next(a for a in menu.actions() if a.text() == "Open attribute table").trigger()
    raster = next(lyr for lyr in model.layers if isinstance(lyr, RasterLayer))
    assert "Open attribute table" not in [a.text() for a in tree.layer_menu(raster.id).actions()]


def test_style_dialog_from_the_tree_sets_the_style_on_ok_only(qtbot, tree, model):
    comm = by_name(model)["communes"]
    before = comm.style
    dlg = tree.open_style_dialog(comm.id)
    dlg.stroke_width.setValue(4)
    dlg.reject()
    assert comm.style is before
    dlg = tree.open_style_dialog(comm.id)
    dlg.stroke_width.setValue(4)
    dlg.accept()
    assert comm.style.symbol.stroke_width == 4

"""The style dialog on the demo city: categorized, graduated, raster ramps, cancel and bad input."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from gisdesk.core.layers import RasterLayer
from gisdesk.core.map_model import MapModel
from gisdesk.core.style import RasterStyle
from gisdesk.store.workspace import map_layers
from gisdesk.ui.style_dialog import StyleDialog
from sample_layers.generate import build_workspace

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_workspace(tmp_path_factory.mktemp("demo") / "hue.sqlite", incidents=2000)


@pytest.fixture
def layers(demo):
    return {getattr(lyr, "name", "raster"): lyr for lyr in map_layers(demo)}


def open_dialog(qtbot, layer):
    dlg = StyleDialog(layer)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_categorized_on_land_use_gives_one_distinct_colour_per_value(qtbot, layers, demo):
    zones = layers["planning_zones"]
    zones.style = zones.style.__class__()  # start from a single symbol
    dlg = open_dialog(qtbot, zones)
    assert dlg.mode() == "single" and not dlg.classes_box.isVisible()
    dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("categorized"))
    dlg.field_combo.setCurrentIndex(dlg.field_combo.findData("land_use"))
    assert dlg.classes_box.isVisible()
    assert dlg.classify() is True
    values = [dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())]
    assert len(values) == 10 and "residential" in values and values == sorted(values)
    dlg.table.item(0, 2).setText("Farmland")  # labels are editable
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dlg.result() == dlg.DialogCode.Accepted
    style = dlg.result_style()
    assert style.mode == "categorized" and style.field == "land_use"
    assert [c.value for c in style.categories] == values
    colours = [c.symbol.fill for c in style.categories]
    assert len(set(colours)) == len(colours)
    assert style.categories[0].label == "Farmland"
    assert zones.style.mode == "single"  # the dialog never touches the layer


def test_graduated_equal_interval_spans_min_to_max(qtbot, layers, demo):
    from gisdesk.store.datasource import DataSource

    with DataSource(demo) as ds:
        lo, hi = ds.connection().execute("SELECT min(population), max(population) FROM communes").fetchone()
    dlg = open_dialog(qtbot, layers["communes"])
    dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("graduated"))
    dlg.field_combo.setCurrentIndex(dlg.field_combo.findData("population"))
    dlg.class_count.setValue(5)
    dlg.method_combo.setCurrentIndex(dlg.method_combo.findData("equal"))
    assert dlg.classify() is True
    assert dlg.table.rowCount() == 5
    dlg.accept()
    style = dlg.result_style()
    assert style.mode == "graduated" and style.field == "population" and len(style.classes) == 5
    assert style.classes[0].lower == pytest.approx(lo) and style.classes[-1].upper == pytest.approx(hi)
    widths = [c.upper - c.lower for c in style.classes]
    assert max(widths) == pytest.approx(min(widths))
    assert all(a.upper == b.lower for a, b in zip(style.classes, style.classes[1:]))
    assert len({c.symbol.fill for c in style.classes}) == 5
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dlg.show()
    dlg.resize(560, 640)
    qtbot.wait(20)
    assert dlg.grab().save(str(ARTIFACTS / "style_dialog.png"))


def test_quantile_puts_about_as_many_communes_in_each_class(qtbot, layers):
    dlg = open_dialog(qtbot, layers["communes"])
    dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("graduated"))
    dlg.field_combo.setCurrentIndex(dlg.field_combo.findData("population"))
    dlg.class_count.setValue(4)
    dlg.method_combo.setCurrentIndex(dlg.method_combo.findData("quantile"))
    assert dlg.classify()
    style = dlg.result_style()
    assert len(style.classes) == 4
    assert style.classes[0].upper < (style.classes[0].lower + style.classes[-1].upper) / 2


def test_cancel_changes_nothing(qtbot, layers):
    roads = layers["roads"]
    before = copy.deepcopy(roads.style)
    model = MapModel([roads])
    fired = []
    model.style_changed.connect(fired.append)
    dlg = open_dialog(qtbot, roads)
    dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("single"))
    dlg.stroke_width.setValue(7)
    dlg.opacity.spin.setValue(30)
    dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dlg.result() == dlg.DialogCode.Rejected
    assert roads.style == before and fired == []


def test_apply_sends_the_style_and_base_symbol_edits_reach_every_class(qtbot, layers):
    cams = layers["cameras"]
    model = MapModel([cams])
    dlg = open_dialog(qtbot, cams)
    dlg.applied.connect(lambda st: model.set_style(cams.id, st))
    assert dlg.size_spin.isVisible() and dlg.shape_combo.isVisible()  # a point layer shows marker settings
    dlg.size_spin.setValue(12)
    dlg.shape_combo.setCurrentIndex(dlg.shape_combo.findData("square"))
    dlg.set_class_color(0, "#ff00ff")
    dlg.opacity.spin.setValue(40)
    dlg.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert cams.style.opacity == pytest.approx(0.4)
    assert all(c.symbol.size == 12 and c.symbol.shape == "square" for c in cams.style.categories)
    assert cams.style.categories[0].symbol.fill == "#ff00ff"
    assert cams.style.categories[1].symbol.fill != "#ff00ff"


def test_graduated_on_a_text_field_shows_a_message(qtbot, layers):
    dlg = open_dialog(qtbot, layers["communes"])
    dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("graduated"))
    dlg.field_combo.setCurrentIndex(dlg.field_combo.findData("name"))
    assert dlg.classify() is False
    assert dlg.message.isVisible() and "not a numeric field" in dlg.message.text()
    dlg.accept()  # no classes: OK refuses with a message instead of closing
    assert dlg.isVisible() and "Classify" in dlg.message.text()


def test_raster_ramp_stops_presets_and_bad_order(qtbot, layers):
    raster = layers["raster"]
    assert isinstance(raster, RasterLayer)
    dlg = open_dialog(qtbot, raster)
    assert len(dlg.stops()) == len(raster.style.stops)
    dlg.apply_preset("Viridis")
    stops = dlg.stops()
    assert len(stops) == 5 and stops[0][0] == raster.style.stops[0][0] and stops[-1][0] == raster.style.stops[-1][0]
    dlg.add_stop()
    assert len(dlg.stops()) == 6
    dlg.stops_table.cellWidget(1, 0).setValue(-5)  # out of order
    assert dlg.message.isVisible()
    dlg.accept()
    assert dlg.isVisible()
    dlg.stops_table.cellWidget(1, 0).setValue(0.5)
    dlg.opacity.spin.setValue(60)
    dlg.accept()
    style = dlg.result_style()
    assert isinstance(style, RasterStyle) and style.opacity == pytest.approx(0.6) and len(style.stops) == 6
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dlg.show()
    qtbot.wait(20)
    assert dlg.grab().save(str(ARTIFACTS / "style_dialog_raster.png"))


# -- labels ----------------------------------------------------------------------------------

def test_labels_tab_edits_the_label_style(qtbot, layers):
    from gisdesk.core.style import LabelStyle

    zones = layers["planning_zones"]
    dlg = open_dialog(qtbot, zones)
    tabs = [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())]
    assert tabs == ["Symbology", "Labels"]
    dlg.tabs.setCurrentIndex(1)
    ed = dlg.label_editor
    assert not ed.enabled.isChecked() and not ed.field_combo.isEnabled()  # planning zones are not labelled
    ed.enabled.setChecked(True)
    assert ed.field_combo.isEnabled()
    ed.field_combo.setCurrentIndex(ed.field_combo.findData("project"))
    ed.prefix.setText("DA ")
    ed.filter.setText("status = 'approved'")
    ed.size.setValue(15)
    ed.color.set_color("#112233")
    ed.halo_color.set_color("#fafafa")
    ed.halo_width.setValue(2.5)
    ed.min_scale.setValue(50_000)
    ed.max_scale.setValue(1_000)
    ed.priority.setValue(8)
    assert not ed.repeat.isVisibleTo(dlg)  # lines only
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert dlg.result_style().labels == LabelStyle(
        True, "project", prefix="DA ", filter="status = 'approved'", size=15, color="#112233", halo_color="#fafafa",
        halo_width=2.5, min_scale=50_000, max_scale=1_000, priority=8)
    assert not zones.style.labels.enabled  # the dialog never touches the layer


def test_labels_tab_shows_the_demo_road_labels(qtbot, layers):
    roads = layers["roads"]
    dlg = open_dialog(qtbot, roads)
    dlg.tabs.setCurrentIndex(1)
    ed = dlg.label_editor
    assert ed.enabled.isChecked() and ed.field_combo.currentData() == "name"
    assert ed.filter.text() == roads.style.labels.filter and "primary" in ed.filter.text()
    assert ed.repeat.isVisibleTo(dlg) and ed.repeat.value() == roads.style.labels.repeat
    assert dlg.result_style().labels == roads.style.labels  # unchanged when nothing is edited


def test_a_bad_label_filter_or_scale_range_keeps_the_dialog_open(qtbot, layers):
    communes = layers["communes"]
    before = copy.deepcopy(communes.style)
    dlg = open_dialog(qtbot, communes)
    ed = dlg.label_editor
    ed.filter.setText("population >")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dlg.isVisible() and dlg.message.isVisible() and dlg.message.text().startswith("Labels:")
    ed.filter.setText("population > 20000")
    ed.min_scale.setValue(5_000)
    ed.max_scale.setValue(10_000)  # zoomed-in limit beyond the zoomed-out one: an empty range
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dlg.isVisible() and "scale range" in dlg.message.text()
    ed.max_scale.setValue(0)
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert dlg.result_style().labels.filter == "population > 20000"
    assert communes.style == before

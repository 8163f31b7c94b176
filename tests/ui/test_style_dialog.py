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


def test_natural_breaks_put_the_boundaries_in_the_gaps_of_the_data(qtbot, layers, demo):
    """Jenks: no class boundary falls inside a run of close values; boundaries are data values, and no
    other split into 4 classes has a smaller sum of squared deviations (checked on the real values)."""
    import itertools

    import numpy as np

    from gisdesk.store.datasource import DataSource

    with DataSource(demo) as ds:
        values = np.sort([r[0] for r in ds.connection().execute("SELECT population FROM communes")])
    dlg = open_dialog(qtbot, layers["communes"])
    dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("graduated"))
    dlg.field_combo.setCurrentIndex(dlg.field_combo.findData("population"))
    dlg.class_count.setValue(4)
    dlg.method_combo.setCurrentIndex(dlg.method_combo.findData("jenks"))
    assert dlg.classify()
    classes = dlg.result_style().classes
    assert len(classes) == 4 and classes[0].lower == values[0] and classes[-1].upper == values[-1]
    assert all(c.lower in values for c in classes)
    cuts = [int(np.searchsorted(values, c.lower)) for c in classes[1:]]
    sse = lambda parts: sum(((p - p.mean()) ** 2).sum() for p in parts)  # noqa: E731
    best = min(sse(np.split(values, list(c))) for c in itertools.combinations(range(1, len(values)), 3))
    assert sse(np.split(values, cuts)) == pytest.approx(best)


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


def test_a_style_saved_as_qml_and_sld_loads_back_into_the_dialog(qtbot, layers, tmp_path):
    """Save style… writes QGIS .qml / OGC .sld; Load style… shows it in the dialog; Apply uses it."""
    from gisdesk.core.style import Category, Symbol, VectorStyle

    cams = layers["cameras"]
    cams.style = VectorStyle(mode="categorized", field="status", opacity=0.6,
                             categories=[Category("online", Symbol(fill="#00aa00", size=9, shape="square"), "On"),
                                         Category("offline", Symbol(fill="#aa0000", size=5, shape="cross"), "Off")])
    model = MapModel([cams])
    dlg = open_dialog(qtbot, cams)
    for name in ("cams.qml", "cams.sld"):
        assert dlg.save_style_file(str(tmp_path / name)), dlg.message.text()
    text = (tmp_path / "cams.qml").read_text(encoding="utf-8")
    assert 'type="categorizedSymbol"' in text and "0,170,0,255" in text
    assert "<se:WellKnownName>cross</se:WellKnownName>" in (tmp_path / "cams.sld").read_text(encoding="utf-8")
    dlg.close()

    for name in ("cams.qml", "cams.sld"):
        cams.style = VectorStyle()  # someone changed it meanwhile
        dlg = open_dialog(qtbot, cams)
        dlg.applied.connect(lambda st: model.set_style(cams.id, st))
        assert dlg.load_style_file(str(tmp_path / name)), dlg.message.text()
        assert dlg.mode_combo.currentData() == "categorized" and dlg.field_combo.currentData() == "status"
        assert dlg.table.rowCount() >= 2
        dlg.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
        got = cams.style
        assert [(c.value, c.label, c.symbol.fill, c.symbol.shape, c.symbol.size) for c in got.categories] == [
            ("online", "On", "#00aa00", "square", 9), ("offline", "Off", "#aa0000", "cross", 5)]
        if name.endswith(".qml"):
            assert got.opacity == pytest.approx(0.6)
        dlg.close()


def test_loading_a_style_for_a_field_the_layer_lacks_says_so_and_keeps_the_dialog(qtbot, layers, tmp_path):
    from gisdesk.core.qgis_style import style_to_qml
    from gisdesk.core.style import Category, Symbol, VectorStyle

    (tmp_path / "other.qml").write_text(style_to_qml(VectorStyle(
        mode="categorized", field="no_such_field", categories=[Category("x", Symbol())]), "point"), encoding="utf-8")
    (tmp_path / "bad.qml").write_text("<html>not a style</html>", encoding="utf-8")
    dlg = open_dialog(qtbot, layers["cameras"])
    mode = dlg.mode_combo.currentData()
    assert not dlg.load_style_file(str(tmp_path / "other.qml"))
    assert "no_such_field" in dlg.message.text()
    assert not dlg.load_style_file(str(tmp_path / "bad.qml"))
    assert "not a QGIS style" in dlg.message.text()
    assert dlg.mode_combo.currentData() == mode  # nothing changed
    # writing over the workspace itself is refused
    assert not dlg.save_style_file(str(layers["cameras"].source))
    assert "workspace" in dlg.message.text() or "SQLite" in dlg.message.text()


def test_rule_based_style_made_in_the_dialog(qtbot, layers):
    """Add two rules, type their filters in the table (a bad one is said and not kept), Apply: the
    cameras layer gets a rule-based style, offline first."""
    from gisdesk.core.style import Rule

    cams = layers["cameras"]
    model = MapModel([cams])
    dlg = open_dialog(qtbot, cams)
    dlg.applied.connect(lambda st: model.set_style(cams.id, st))
    dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("rules"))
    assert dlg.add_rule_button.isVisible() and not dlg.classify_button.isVisible()
    assert not dlg.field_combo.isVisible()
    dlg.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert "no rules yet" in dlg.message.text()
    dlg.add_rule("")
    dlg.add_rule("")
    dlg.table.item(0, 1).setText("\"status\" = 'offline'")
    dlg.table.item(1, 1).setText("\"no_such\" = 1")  # refused: the message names the field
    assert "no_such" in dlg.message.text()
    dlg.table.item(1, 1).setText("\"ai_types\" ilike '%flood%'")
    dlg.table.item(1, 2).setText("Flood cameras")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    style = cams.style
    assert style.mode == "rules"
    assert [(r.filter, r.label) for r in style.rules] == [("\"status\" = 'offline'", "\"status\" = 'offline'"),
                                                          ("\"ai_types\" ilike '%flood%'", "Flood cameras")]
    assert isinstance(style.rules[0], Rule) and style.other is not None
    assert style.rules[0].symbol.fill != style.rules[1].symbol.fill

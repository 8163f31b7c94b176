"""Rule-based styles: the first rule whose filter holds gives a feature its symbol; drawn, in the legend,
and through QGIS (QML RuleRenderer) both ways."""

from __future__ import annotations

import numpy as np
import pytest

from gisdesk.core.layers import VectorLayer
from gisdesk.core.qgis_style import style_from_qml, style_to_qml
from gisdesk.core.style import Rule, Symbol, VectorStyle
from gisdesk.render.legend import legend_entries
from gisdesk.render.renderer import Renderer
from gisdesk.render.view import MapView
from gisdesk.store.datasource import DataSource
from gisdesk.store.errors import StoreError
from gisdesk.store.reader import read_features
from gisdesk.store.styling import class_expr

RULES = VectorStyle(mode="rules", rules=[
    Rule("\"status\" = 'offline'", Symbol(fill="#ff0000", size=8), "Offline"),
    Rule("\"ai_types\" ilike '%RED-LIGHT%'", Symbol(fill="#0000ff", size=6), "Red-light cameras"),
], other=Symbol(fill="#999999", size=4))


def test_each_camera_gets_the_first_rule_it_matches(workspace):
    with DataSource(workspace) as ds:
        info = ds.layer("cameras")
        data = read_features(ds, info, None, class_expr(ds, info, RULES))
        rows = ds.connection(text=True).execute("SELECT status, ai_types FROM cameras WHERE geom IS NOT NULL")\
            .fetchall()
    # expected from the rule text: offline first; then red-light (any case); else other
    want = [1 if s == "offline" else 2 if "red-light" in (t or "").lower() else 0 for s, t in rows]
    codes = np.frombuffer(np.asarray(data.codes).tobytes(), np.uint8) if data.codes is not None else None
    got = codes - codes.min() if codes is not None else None
    assert sorted(set(want)) == [0, 1, 2]  # the demo has all three kinds
    assert np.bincount(got, minlength=3).tolist() == np.bincount(want, minlength=3).tolist()


def test_a_bad_rule_is_refused_naming_it(workspace):
    bad = VectorStyle(mode="rules", rules=[Rule("\"nope\" = 1", Symbol(), "Broken")])
    with DataSource(workspace) as ds, pytest.raises(StoreError, match="Rule 1 of 'cameras' \\(Broken\\)"):
        class_expr(ds, ds.layer("cameras"), bad)


def test_rules_draw_and_list_in_the_legend(workspace, qapp):
    layer = VectorLayer(workspace, "cameras", RULES)
    rows = legend_entries(layer, "point")
    assert [label for label, _ in rows] == ["Offline", "Red-light cameras", "other"]
    renderer = Renderer()
    try:
        crs = "EPSG:32648"
        view = MapView.fit(renderer.full_extent([layer], crs), 800, 600, crs)
        result = renderer.render([layer], view)
        assert not result.errors
        img = result.image.convertToFormat(result.image.Format.Format_RGB32)
        arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
        red = ((arr[..., 2] > 200) & (arr[..., 1] < 60) & (arr[..., 0] < 60)).sum()
        blue = ((arr[..., 0] > 200) & (arr[..., 1] < 60) & (arr[..., 2] < 60)).sum()
        assert red > 20 and blue > 20  # offline cameras in red, red-light cameras in blue
    finally:
        renderer.close()


def test_rules_cross_to_qgis_and_back():
    back, warnings = style_from_qml(style_to_qml(RULES, "point"))
    assert warnings == []
    assert back.mode == "rules"
    assert [(r.filter, r.label, r.symbol.fill) for r in back.rules] == [
        ("\"status\" = 'offline'", "Offline", "#ff0000"),
        ("\"ai_types\" ilike '%RED-LIGHT%'", "Red-light cameras", "#0000ff")]
    assert back.other.fill == "#999999"
    d = RULES.to_dict()
    assert VectorStyle.from_dict(d) == RULES  # saved with the workspace's layer state

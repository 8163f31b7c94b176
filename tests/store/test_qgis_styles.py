"""Styles cross between QGIS and gisdesk both ways: QML and SLD, and QGIS's ``layer_styles`` table.

Expected values are written from the QML/SLD rules: a colour ``#ff000080`` is QGIS's
``255,0,0,128``; a gisdesk size is in pixels and written in QGIS's ``Pixel`` unit; a QGIS
size in millimetres is read at 96 DPI (3 mm -> 11.339 px); QGIS's "all other values"
category is the one with an empty value.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import numpy as np
import pyogrio.raw
import pytest
import shapely

from gisdesk.core.qgis_style import style_from_qml, style_to_qml
from gisdesk.core.sld_style import style_from_sld, style_to_sld
from gisdesk.core.style import Category, GradClass, LabelStyle, Symbol, VectorStyle
from gisdesk.store.layer_state import load_layer_state, save_layer_state
from gisdesk.store.qgis_layer_styles import STYLE_NAME
from gisdesk.store.workspace import map_layers

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"

RED = Symbol(fill="#ff000080", stroke="#0000ff", stroke_width=1.5, size=7, shape="square")
GREEN = Symbol(fill="#00ff00", stroke="", stroke_width=0, size=4, shape="triangle")
LABELS = LabelStyle(enabled=True, field="name", prefix="P. ", suffix="", filter="\"population\" > 1000",
                    font_family="Noto Sans", size=13, bold=True, color="#112233", halo_color="#ffffff",
                    halo_width=2, min_scale=50000, max_scale=500, priority=7)
CATEGORIZED = VectorStyle(mode="categorized", field="kind", categories=[Category("a", RED, "Kind A"),
                                                                         Category("b", GREEN, "Kind B")],
                          other=Symbol(fill="#bbbbbb", size=3), opacity=0.8, labels=LABELS)
GRADUATED = VectorStyle(mode="graduated", field="depth",
                        classes=[GradClass(0.0, 0.5, Symbol(fill="#deebf7", stroke="#333333", stroke_width=0.5), "low"),
                                 GradClass(0.5, 2.0, Symbol(fill="#08306b", stroke="#333333", stroke_width=0.5), "high")])
LINE = VectorStyle(symbol=Symbol(fill="", stroke="#123456", stroke_width=2.5))


def _has_qgis() -> bool:
    try:
        return subprocess.run([SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


needs_qgis = pytest.mark.skipif(not _has_qgis(), reason="QGIS (PyQGIS for /usr/bin/python3) is not installed")


def _qgis(*args: str) -> dict:
    out = subprocess.run([SYSTEM_PYTHON, str(HERE / "_qgis_styles.py"), *args], capture_output=True, text=True,
                         timeout=300, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- QML ------------------------------------------------------------------------------
def test_qml_writes_colours_sizes_and_classes_as_qgis_reads_them():
    qml = style_to_qml(CATEGORIZED, "point")
    assert 'type="categorizedSymbol"' in qml and 'attr="kind"' in qml
    assert 'value="255,0,0,128"' in qml  # #ff000080
    assert 'name="size" value="7" type="QString"' in qml and 'name="size_unit" value="Pixel"' in qml
    assert 'name="name" value="square"' in qml and 'name="name" value="triangle"' in qml
    assert 'category value="" ' in qml or 'category value=""' in qml  # the "all other values" class
    assert "<layerOpacity>0.8</layerOpacity>" in qml
    assert 'fieldName="\'P. \' || &quot;name&quot;"' in qml and 'isExpression="1"' in qml


@pytest.mark.parametrize("style, geometry", [(CATEGORIZED, "point"), (GRADUATED, "polygon"), (LINE, "line")])
def test_qml_round_trip_keeps_the_style(style, geometry):
    back, warnings = style_from_qml(style_to_qml(style, geometry))
    assert warnings == []
    assert back.mode == style.mode and back.field == style.field and back.opacity == style.opacity
    if style.mode == "categorized":
        assert [c.value for c in back.categories] == ["a", "b"]
        assert [c.label for c in back.categories] == ["Kind A", "Kind B"]
        red = back.categories[0].symbol
        # the fill's alpha (0x80) comes back as the fill opacity of the plain colour
        assert (red.fill, red.fill_opacity) == ("#ff0000", pytest.approx(128 / 255, abs=1e-3))
        assert (red.stroke, red.stroke_width, red.size, red.shape) == ("#0000ff", 1.5, 7, "square")
        green = back.categories[1].symbol
        assert (green.fill, green.stroke, green.shape, green.size) == ("#00ff00", "", "triangle", 4)
        assert back.other is not None and back.other.fill == "#bbbbbb"
        assert back.labels == LABELS
    elif style.mode == "graduated":
        assert [(c.lower, c.upper, c.label) for c in back.classes] == [(0.0, 0.5, "low"), (0.5, 2.0, "high")]
        assert [c.symbol.fill for c in back.classes] == ["#deebf7", "#08306b"]
        assert back.classes[0].symbol.stroke_width == 0.5
    else:
        assert (back.symbol.stroke, back.symbol.stroke_width, back.symbol.fill) == ("#123456", 2.5, "")


def test_qml_from_qgis_in_millimetres_and_unknown_parts_are_said():
    qml = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'><qgis version="3.22.16">
      <renderer-v2 type="singleSymbol"><symbols><symbol type="marker" name="0" alpha="0.5">
        <layer class="SimpleMarker" enabled="1"><prop k="name" v="star"/><prop k="color" v="10,20,30,255"/>
          <prop k="size" v="3"/><prop k="size_unit" v="MM"/><prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_width" v="0"/><prop k="outline_width_unit" v="MM"/></layer>
        <layer class="SvgMarker" enabled="1"/></symbol></symbols></renderer-v2></qgis>"""
    style, warnings = style_from_qml(qml)
    s = style.symbol
    assert s.size == pytest.approx(3 * 96 / 25.4, abs=1e-3)  # 11.339 px
    assert s.stroke_width == 1.0  # QGIS's 0 mm outline is a hairline: one pixel
    assert (s.fill, s.fill_opacity) == ("#0a141e", 0.5)  # the symbol's alpha is the fill's opacity
    assert s.shape == "diamond"
    assert any("star" in w for w in warnings) and any("SvgMarker" in w for w in warnings)


def test_qml_refuses_what_is_not_a_style():
    with pytest.raises(ValueError, match="not a QGIS style"):
        style_from_qml("<html/>")
    with pytest.raises(ValueError, match="heatmapRenderer"):
        style_from_qml("<qgis><renderer-v2 type='heatmapRenderer'/></qgis>")


# -- SLD ------------------------------------------------------------------------------
@pytest.mark.parametrize("style, geometry", [(CATEGORIZED, "point"), (GRADUATED, "polygon"), (LINE, "line")])
def test_sld_round_trip_keeps_classes_and_symbols(style, geometry):
    back, warnings = style_from_sld(style_to_sld(style, geometry, "layer"))
    assert warnings == []
    assert back.mode == style.mode and back.field == style.field
    if style.mode == "categorized":
        assert [(c.value, c.label) for c in back.categories] == [("a", "Kind A"), ("b", "Kind B")]
        red = back.categories[0].symbol
        assert (red.fill, red.fill_opacity) == ("#ff0000", pytest.approx(0.502, abs=1e-3))
        assert (red.stroke, red.stroke_width, red.size, red.shape) == ("#0000ff", 1.5, 7, "square")
        assert back.other.fill == "#bbbbbb"
        assert (back.labels.field, back.labels.prefix, back.labels.size, back.labels.bold) == ("name", "P.", 13, True)
        assert (back.labels.min_scale, back.labels.max_scale, back.labels.halo_width) == (50000, 500, 2)
    elif style.mode == "graduated":
        assert [(c.lower, c.upper) for c in back.classes] == [(0.0, 0.5), (0.5, 2.0)]
    else:
        assert (back.symbol.stroke, back.symbol.stroke_width) == ("#123456", 2.5)


def test_sld_written_by_qgis_is_read():
    sld = (HERE / "data_qgis_categorized.sld").read_text(encoding="utf-8")
    style, warnings = style_from_sld(sld)
    assert style.mode == "categorized" and style.field == "cat"
    assert [(c.value, c.symbol.fill, c.symbol.shape, c.symbol.size) for c in style.categories] == [
        ("a", "#ff0000", "square", 7.0), ("b", "#00ff00", "circle", 7.0)]


# -- layer_styles: gisdesk -> QGIS ------------------------------------------------------
@needs_qgis
def test_qgis_opens_a_saved_workspace_with_gisdeskss_look(workspace):
    layers = map_layers(workspace)
    by_name = {getattr(l, "name", ""): l for l in layers}
    by_name["cameras"].style = CATEGORIZED.__class__(**{**CATEGORIZED.__dict__, "field": "status",
                                                          "categories": [Category("online", RED, "Online"),
                                                                         Category("offline", GREEN, "Offline")]})
    save_layer_state(workspace, layers, user="admin")
    with sqlite3.connect(workspace) as conn:
        rows = conn.execute("SELECT f_table_name, useAsDefault FROM layer_styles WHERE styleName = ?",
                            (STYLE_NAME,)).fetchall()
    assert {"cameras", "communes", "roads", "incidents"} <= {r[0] for r in rows} and all(r[1] for r in rows)
    seen = _qgis("read", str(workspace), "cameras", "roads", "communes")
    cams = seen["cameras"]
    assert cams["renderer"] == "categorizedSymbol" and cams["field"] == "status"
    assert cams["opacity"] == pytest.approx(0.8)
    (v1, l1, s1), (v2, l2, s2), (v3, _, s3) = cams["categories"]
    assert (v1, l1, v2, l2, v3) == ("online", "Online", "offline", "Offline", "")
    assert (s1["shape"], s1["size"], s1["size_unit"]) == ("square", 7.0, "Pixel")
    assert s1["color"] == "#80ff0000" and s1["stroke"] == "#ff0000ff"  # QColor #AARRGGBB
    assert s2["shape"] == "triangle" and s3["color"] == "#ffbbbbbb"
    assert cams["labels"] is True and cams["label"]["size"] == 13 and cams["label"]["color"] == "#112233"
    assert cams["label"]["buffer"] is True and cams["label"]["buffer_size"] == 2
    roads = by_name["roads"].style
    assert seen["roads"]["renderer"] == {"single": "singleSymbol", "categorized": "categorizedSymbol",
                                         "graduated": "graduatedSymbol"}[roads.mode]
    assert seen["communes"]["valid"]


# -- layer_styles: QGIS -> gisdesk ------------------------------------------------------
@needs_qgis
def test_a_style_saved_in_qgis_is_the_style_gisdesk_opens_with(tmp_path):
    gpkg = tmp_path / "department.gpkg"
    points = [shapely.Point(750000, 1815000), shapely.Point(751000, 1816000), shapely.Point(752000, 1817000)]
    pyogrio.raw.write(gpkg, shapely.to_wkb(points), [np.array(["a", "b", "c"], dtype=object)], ["kind"],
                      layer="sites", driver="GPKG", crs="EPSG:32648", geometry_type="Point")  # written by GDAL
    assert _qgis("write", str(gpkg), "sites")["error"] == ""
    (layer,) = map_layers(gpkg)
    s = layer.style
    assert s.mode == "categorized" and s.field == "kind" and s.opacity == 0.5
    a, b = s.categories
    assert (a.value, a.label, a.symbol.shape, a.symbol.fill, a.symbol.stroke) == ("a", "Kind A", "square", "#ff0000",
                                                                                  "#0000ff")
    assert a.symbol.size == pytest.approx(3 * 96 / 25.4, abs=1e-3) and a.symbol.stroke_width == pytest.approx(
        0.5 * 96 / 25.4, abs=1e-3)
    assert (b.symbol.shape, b.symbol.size, b.symbol.stroke) == ("triangle", 10.0, "")
    assert b.symbol.fill_opacity == pytest.approx(128 / 255, abs=1e-3)
    assert (s.labels.enabled, s.labels.field, s.labels.size, s.labels.color) == (True, "kind", 14, "#112233")
    assert (s.labels.halo_color, s.labels.halo_width) == ("#ffffff", 2)


def test_saving_never_replaces_a_qgis_users_default_style(workspace):
    with sqlite3.connect(workspace) as conn:
        conn.execute("CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT, "
                     "f_table_schema TEXT, f_table_name TEXT, f_geometry_column TEXT, styleName TEXT, styleQML TEXT, "
                     "styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT, ui TEXT, update_time TIMESTAMP)")
        conn.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                     "styleName, styleQML, useAsDefault) VALUES ('', '', 'roads', 'geom', 'mine', ?, 1)",
                     (style_to_qml(LINE, "line"),))
    layers = map_layers(workspace)
    roads = next(l for l in layers if getattr(l, "name", "") == "roads")
    assert roads.style.mode == "single" and roads.style.symbol.stroke == "#123456"  # opened with the QGIS style
    save_layer_state(workspace, layers, user="admin")
    save_layer_state(workspace, layers, user="admin")  # twice: gisdesk's row is replaced, not added
    with sqlite3.connect(workspace) as conn:
        rows = conn.execute("SELECT styleName, useAsDefault FROM layer_styles WHERE f_table_name = 'roads' "
                            "ORDER BY id").fetchall()
    assert rows == [("mine", 1), (STYLE_NAME, 0)]
    again, _ = load_layer_state(workspace, map_layers(workspace))
    assert next(l for l in again if getattr(l, "name", "") == "roads").style.symbol.stroke == "#123456"


# -- every layer as QGIS sees it ---------------------------------------------------------
@needs_qgis
def test_qgis_sees_every_layer_gisdesk_draws_with_the_same_fields_counts_and_extent(workspace):
    from gisdesk.store.datasource import DataSource

    out = subprocess.run([SYSTEM_PYTHON, str(HERE / "_qgis_layers.py"), str(workspace)], capture_output=True,
                         text=True, timeout=300, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    qgis = json.loads(out.stdout.strip().splitlines()[-1])
    with DataSource(workspace) as ds:
        conn = ds.connection(text=True)
        for info in ds.layers:
            if info.is_view:
                continue  # a spatial view is QGIS's to join; its tables are compared
            seen = qgis.get(info.table)
            assert seen and seen["valid"] and seen["spatial"], info.table
            count = conn.execute(f'SELECT count(*) FROM "{info.table}"').fetchone()[0]
            assert seen["count"] == count, info.table
            ours = [name for name, _ in ds.columns(info)]
            theirs = [name for name, _ in seen["fields"]]
            # every column gisdesk keeps is a QGIS field (QGIS adds the feature id when the key is the rowid)
            assert set(ours) - {info.geometry_column} <= set(theirs), (info.table, set(ours) - set(theirs))
            if count:
                g = f'"{info.geometry_column}"'
                x0, y0, x1, y1 = conn.execute(
                    f'SELECT min(MbrMinX({g})), min(MbrMinY({g})), max(MbrMaxX({g})), max(MbrMaxY({g})) '
                    f'FROM "{info.table}"').fetchone()
                assert seen["extent"] == pytest.approx([x0, y0, x1, y1], abs=1.0), info.table

"""The map window driven like a planning officer would: pan, zoom, identify, select, measure, styles, files.

A screenshot of the demo city is kept under build/artifacts/ for people to look at.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt


ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"


@pytest.fixture
def demo(workspace):
    """A fresh copy of the cached demo city (``workspace`` from gisdesk.testing)."""
    return workspace


@pytest.fixture
def window(qtbot, demo, tmp_path):
    from gisdesk.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo, settings, user=signed_in(demo, "dispatcher"))  # the city: may add layers and save styles
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    wait_render(qtbot, win.canvas)
    return win


def signed_in(workspace, name):
    """The demo user ``name`` as the sign-in dialog hands it to the window (role from the users table)."""
    from gisdesk.store.users_store import UserStore
    from gisdesk.ui.sign_in import as_plugin_user

    with UserStore(workspace) as store:
        return as_plugin_user(store.get(name))


def wait_render(qtbot, canvas, timeout=30000):
    with qtbot.waitSignal(canvas.rendered, timeout=timeout) as blocker:
        pass
    return blocker.args[0]


def grab_array(widget) -> np.ndarray:
    img = widget.grab().toImage().convertToFormat(widget.grab().toImage().Format.Format_RGB32)
    return np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes()).reshape(img.height(), -1, 4)[:, : img.width(), :3]


def painted_fraction(widget) -> float:
    return float((grab_array(widget) < 250).any(axis=2).mean())


def layer_by_name(win, name):
    return next(lyr for lyr in win.model.layers if getattr(lyr, "name", None) == name)


def map_to_widget(canvas, x, y) -> QPoint:
    v = canvas.view()
    return QPoint(int((x - v.minx) / v.resolution), int((v.maxy - y) / v.resolution))


def test_window_shows_the_demo_city_and_keeps_a_screenshot(window):
    result = window.canvas._image
    assert result is not None
    assert painted_fraction(window.canvas) > 0.3
    assert window.scale_label.text().startswith("Scale 1:")
    assert "ms" in window.render_time.text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "window_demo_city.png"))


def test_pan_moves_the_image_at_once_then_rerenders(qtbot, window):
    canvas = window.canvas
    before = canvas.view()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseMove(canvas, QPoint(400, 350))
    assert canvas._drag_offset == QPointF(100, 50)  # the cached image follows the mouse
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 350))
    wait_render(qtbot, canvas)
    after = canvas.view()
    assert after.minx == pytest.approx(before.minx - 100 * before.resolution)
    assert after.maxy == pytest.approx(before.maxy + 50 * before.resolution)
    window.actions["gisdesk.view.previous"].trigger()
    assert canvas.view().minx == pytest.approx(before.minx)
    window.actions["gisdesk.view.next"].trigger()
    assert canvas.view().minx == pytest.approx(after.minx)


def test_wheel_box_and_keys_zoom(qtbot, window):
    canvas = window.canvas
    v0 = canvas.view()
    anchor = QPointF(200, 150)
    fixed = v0.to_map(anchor.x(), anchor.y())
    canvas.zoom(2.0, anchor)
    v1 = canvas.view()
    assert v1.resolution == pytest.approx(v0.resolution / 2)
    assert v1.to_map(anchor.x(), anchor.y()) == pytest.approx(fixed)  # the point under the cursor stays
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.view().resolution == pytest.approx(v1.resolution * 1.5)
    window.actions["gisdesk.tool.zoom_box"].trigger()
    v2 = canvas.view()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    qtbot.mouseMove(canvas, QPoint(300, 200))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
    x0, y1 = v2.to_map(100, 100)
    x1, y0 = v2.to_map(300, 200)
    v3 = canvas.view()
    assert v3.minx <= x0 + 1 and v3.maxx >= x1 - 1 and v3.miny <= y0 + 1 and v3.maxy >= y1 - 1
    assert v3.resolution < v2.resolution / 3
    wait_render(qtbot, canvas)


def test_identify_a_camera_shows_its_ai_types_and_highlights_it(qtbot, window, demo):
    from gisdesk.store.datasource import DataSource

    with DataSource(demo) as ds:
        fid, x, y, types = ds.connection(text=True).execute(
            "SELECT fid, X(geom), Y(geom), ai_types FROM cameras WHERE status = 'online' LIMIT 1").fetchone()
    canvas = window.canvas
    canvas.set_extent((x - 500, y - 500, x + 500, y + 500))
    wait_render(qtbot, canvas)
    window.actions["gisdesk.tool.identify"].trigger()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=map_to_widget(canvas, x, y))
    panel = window.identify_panel
    cams = [h for h in panel.hits if h.layer_title.lower().startswith("camera")]
    assert cams and cams[0].fid == fid
    texts = []
    it = panel.invisibleRootItem()
    stack = [it]
    while stack:
        node = stack.pop()
        for i in range(node.childCount()):
            child = node.child(i)
            texts.append((child.text(0), child.text(1)))
            stack.append(child)
    assert ("AI detection types", str(len(types.split(",")))) in texts
    assert ("", types.split(",")[0]) in texts
    assert "identify" in canvas.overlay_names()


def test_select_by_box_counts_and_ctrl_removes(qtbot, window, demo):
    from gisdesk.store.datasource import DataSource

    cams = layer_by_name(window, "cameras")
    window._set_current_layer(cams.id)
    canvas = window.canvas
    window.actions["gisdesk.tool.select"].trigger()
    v = canvas.view()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    qtbot.mouseMove(canvas, QPoint(700, 600))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(700, 600))
    x0, y1 = v.to_map(200, 200)
    x1, y0 = v.to_map(700, 600)
    with DataSource(demo) as ds:
        (expected,) = ds.connection(text=True).execute(
            "SELECT count(*) FROM cameras WHERE X(geom) BETWEEN ? AND ? AND Y(geom) BETWEEN ? AND ?",
            (x0, x1, y0, y1)).fetchone()
    assert expected > 0
    assert window.model.selection.count(cams.id) == expected
    assert window.selection_label.text().startswith(f"{expected:,} feature")
    assert f"selection:{cams.id}" in canvas.overlay_names()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, ctrl, QPoint(200, 200))
    qtbot.mouseMove(canvas, QPoint(700, 600))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, ctrl, QPoint(700, 600))
    assert window.model.selection.count(cams.id) == 0
    assert f"selection:{cams.id}" not in canvas.overlay_names()


def test_measure_distance_is_geodesic(qtbot, window):
    canvas = window.canvas
    window.actions["gisdesk.tool.measure_distance"].trigger()
    v = canvas.view()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(100, 300))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(600, 300))
    qtbot.mouseClick(canvas, Qt.MouseButton.RightButton, pos=QPoint(600, 300))
    metres = 500 * v.resolution  # UTM metres; geodesic differs by the scale factor (< 0.1 %)
    text = window.measure_label.text()
    assert text.startswith("Distance") and "km" in text
    shown = float(text.split()[1].replace(",", ""))
    assert shown == pytest.approx(metres / 1000, rel=2e-3)


def test_style_change_rerenders_with_the_new_colour(qtbot, window):
    from gisdesk.core.style import Symbol, VectorStyle

    zones = layer_by_name(window, "planning_zones")
    for lyr in window.model.layers:
        if lyr.id != zones.id:
            window.model.set_visible(lyr.id, False)
    wait_render(qtbot, window.canvas)
    window.model.set_style(zones.id, VectorStyle(symbol=Symbol(fill="#ff00ff", stroke="", stroke_width=0)))
    wait_render(qtbot, window.canvas)
    arr = grab_array(window.canvas)
    magenta = (arr[:, :, 2] > 200) & (arr[:, :, 1] < 60) & (arr[:, :, 0] > 200)  # BGRA order
    assert magenta.mean() > 0.2


def test_layer_state_comes_back_on_reopen(qtbot, demo, tmp_path):
    from gisdesk.core.style import Symbol, VectorStyle
    from gisdesk.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo, settings, user=signed_in(demo, "dispatcher"))
    qtbot.addWidget(win)
    roads = layer_by_name(win, "roads")
    win.model.set_visible(roads.id, False)
    win.model.set_style(layer_by_name(win, "communes").id, VectorStyle(symbol=Symbol(fill="#123456", stroke="#654321")))
    win.close()
    again = MainWindow(demo, settings, user=signed_in(demo, "dispatcher"))
    qtbot.addWidget(again)
    assert layer_by_name(again, "roads").visible is False
    assert layer_by_name(again, "communes").style.symbol.fill == "#123456"
    again.model.set_visible(layer_by_name(again, "roads").id, True)
    again.close()


def test_bad_files_show_a_message_and_change_nothing(qtbot, window, tmp_path):
    bad = tmp_path / "broken.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    before = [lyr.id for lyr in window.model.layers]
    window.add_vector(bad)
    assert window.messages.isVisible() and window.messages.level == "error"
    assert "broken.geojson" in window.messages.text.text()
    assert [lyr.id for lyr in window.model.layers] == before


def test_importing_geojson_adds_a_layer(qtbot, window, tmp_path):
    src = tmp_path / "shelters.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Trường THCS Phú Hội"},
         "geometry": {"type": "Point", "coordinates": [107.59, 16.46]}}]}, ensure_ascii=False), encoding="utf-8")
    n = len(window.model.layers)
    window.add_vector(src)
    assert len(window.model.layers) == n + 1
    assert window.model.layers[-1].name == "shelters"
    wait_render(qtbot, window.canvas)


def test_a_bad_workspace_is_refused_with_a_message(tmp_path):
    from gisdesk.store.errors import StoreError
    from gisdesk.ui.main_window import MainWindow

    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    with pytest.raises(StoreError, match="not an SQLite database"):
        MainWindow(bad, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def test_attribute_table_from_the_window_filters_and_selects_on_the_map(qtbot, window, demo):
    from gisdesk.store.datasource import DataSource

    cams = layer_by_name(window, "cameras")
    window._set_current_layer(cams.id)
    window.actions["gisdesk.features.attribute_table"].trigger()  # F6
    dock = window.attribute_docks[cams.id]
    table = dock.widget()
    assert dock.isVisible()
    table.filter_edit.setText("status = 'offline'")
    qtbot.keyClick(table.filter_edit, Qt.Key.Key_Return)
    with DataSource(demo) as ds:
        (offline,) = ds.connection(text=True).execute("SELECT count(*) FROM cameras WHERE status = 'offline'").fetchone()
    assert table.model.rowCount() == offline > 0
    table.view.selectAll()
    assert window.model.selection.count(cams.id) == offline
    assert f"selection:{cams.id}" in window.canvas.overlay_names()


def test_export_of_the_current_view_writes_png_and_pdf(qtbot, window, tmp_path):
    from gisdesk.render.layout import export_map
    from gisdesk.ui import map_ops

    kinds = {lyr.id: map_ops.layer_kind(window.renderer, lyr) for lyr in window.model.layers}
    for suffix in (".png", ".pdf"):
        out = export_map(tmp_path / f"map{suffix}", window.renderer, window.model.layers, window.canvas.view(),
                         "Huế — ngập lụt", kinds, dpi=72)
        assert out.exists() and out.stat().st_size > 10_000
    assert (tmp_path / "map.pdf").read_bytes().startswith(b"%PDF")


def test_recent_workspaces_are_remembered_and_listed(qtbot, demo, tmp_path, monkeypatch):
    from gisdesk.ui.app import open_window, recent_workspaces

    for var in ("XDG_STATE_HOME", "XDG_CONFIG_HOME"):  # the app starts plugins: keep their state in tmp
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    settings = QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat)
    from gisdesk.store.users_store import UserStore
    from gisdesk.ui.sign_in import as_plugin_user
    from sample_layers import DEMO_PASSWORD

    with UserStore(demo) as users:  # the demo has accounts: open as a signed-in dispatcher
        dispatcher = as_plugin_user(users.authenticate("dispatcher", DEMO_PASSWORD))
    win = open_window(demo, settings, user=dispatcher)
    qtbot.addWidget(win)
    assert win.plugin_host.services().user == dispatcher
    assert recent_workspaces(settings) == [str(demo.absolute())]
    win._fill_recent_menu()
    texts = [a.text() for a in win.recent_menu.actions()]
    assert texts and demo.name in texts[0]
    win.close()


def test_identify_on_the_flood_raster_gives_the_depth_where_clicked(qtbot, window, demo):
    """The flood-depth value at the clicked cell, read independently with rasterio at the same point."""
    import numpy as np
    import rasterio

    raster = next(lyr for lyr in window.model.layers if str(getattr(lyr, "path", "")).endswith(".tif"))
    with rasterio.open(raster.path) as src:
        band = src.read(1)
        rows, cols = np.nonzero(band > 0.5)  # a flooded cell
        r, c = int(rows[len(rows) // 2]), int(cols[len(cols) // 2])
        x, y = src.xy(r, c)
        want = float(band[r, c])
    canvas = window.canvas
    canvas.set_extent((x - 300, y - 300, x + 300, y + 300))
    wait_render(qtbot, canvas)
    window.actions["gisdesk.tool.identify"].trigger()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=map_to_widget(canvas, x, y))
    hits = [h for h in window.identify_panel.hits if h.layer_id == raster.id]
    assert len(hits) == 1 and hits[0].fid == -1
    (value,) = hits[0].attributes.values()
    assert value == pytest.approx(want, abs=1e-4)
    labels = [window.identify_panel.topLevelItem(i).child(0).text(0)
              for i in range(window.identify_panel.topLevelItemCount())]
    assert "Value here" in labels


def test_middle_button_and_space_drag_pan_with_any_tool(qtbot, window):
    """QGIS's habits: the middle button drags the map, and so does Space + left drag, whatever the tool;
    the measure tool keeps its vertices."""
    canvas = window.canvas
    window.actions["gisdesk.tool.measure_distance"].trigger()
    tool = canvas.tool
    v0 = canvas.view()
    qtbot.mousePress(canvas, Qt.MouseButton.MiddleButton, pos=QPoint(300, 300))
    qtbot.mouseMove(canvas, QPoint(400, 250))
    qtbot.mouseRelease(canvas, Qt.MouseButton.MiddleButton, pos=QPoint(400, 250))
    v1 = canvas.view()
    # the map moved with the mouse: 100 px right and 50 px up means the view moved left and down
    assert v1.minx == pytest.approx(v0.minx - 100 * v0.resolution) and v1.maxy == pytest.approx(v0.maxy - 50 * v0.resolution)
    assert tool.points == []  # no vertex was added by the pan
    qtbot.keyPress(canvas, Qt.Key.Key_Space)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseMove(canvas, QPoint(250, 300))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(250, 300))
    qtbot.keyRelease(canvas, Qt.Key.Key_Space)
    v2 = canvas.view()
    assert v2.minx == pytest.approx(v1.minx + 50 * v1.resolution) and tool.points == []
    # a plain click measures again
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    assert len(tool.points) == 1


def test_the_measurement_is_written_on_the_map(qtbot, window):
    canvas = window.canvas
    window.actions["gisdesk.tool.measure_distance"].trigger()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(500, 100))
    text = canvas.tool.label_text()
    assert text.endswith(("m", "km"))  # a length, the status bar's text
    image = canvas.grab().toImage()
    # the label box is drawn beside the last vertex: a white box with the red outline near (510, 90)
    reds = sum(1 for x in range(505, 640) for y in range(60, 95)
               if image.pixelColor(x, y).red() > 200 and image.pixelColor(x, y).green() < 80)
    assert reds > 20


def test_zoom_to_a_single_point_stops_at_street_scale(qtbot, window, demo):
    """Zoom to the selection of one camera: 1:2,000 around it (not one dot filling the screen); a large
    selection keeps its own extent."""
    from gisdesk.store.datasource import DataSource

    with DataSource(demo) as ds:
        fid, x, y = ds.connection(text=True).execute(
            "SELECT fid, X(geom), Y(geom) FROM cameras ORDER BY fid LIMIT 1").fetchone()
    cams = next(lyr for lyr in window.model.layers if getattr(lyr, "name", "") == "cameras")
    window.model.selection.set(cams.id, [fid])
    window.zoom_to_selection()
    v = window.canvas.view()
    assert window.canvas.scale_denominator() == pytest.approx(2000, rel=0.01)
    assert ((v.minx + v.maxx) / 2, (v.miny + v.maxy) / 2) == pytest.approx((x, y), abs=0.5)
    window.canvas.set_extent((x - 5000, y - 5000, x + 5000, y + 5000), min_scale=2000)
    assert window.canvas.scale_denominator() > 10_000  # a big box is not shrunk


def test_layer_properties_show_source_crs_extent_count_and_fields(qtbot, window, demo):
    from gisdesk.store.datasource import DataSource

    with DataSource(demo) as ds:
        n = ds.connection().execute("SELECT count(*) FROM cameras").fetchone()[0]
        cols = [r[1] for r in ds.connection(text=True).execute("PRAGMA table_info(cameras)") if r[1] != "geom"]
    cams = next(lyr for lyr in window.model.layers if getattr(lyr, "name", "") == "cameras")
    menu = window.layer_tree.layer_menu(cams.id)
    assert "Properties…" in [a.text() for a in menu.actions()]
    dialog = window.layer_tree.open_properties(cams.id)
    qtbot.addWidget(dialog)
    facts = dict((k, v) for k, v in dialog.rows if k != "Field")
    assert facts["Features"] == f"{n:,}"
    assert "WGS 84 / UTM zone 48N (EPSG:32648)" == facts["Coordinate system"]
    assert facts["Source"].endswith("| cameras") and facts["Spatial index"] == "yes"
    fields = [v.split(":")[0] for k, v in dialog.rows if k == "Field"]
    assert fields == cols
    raster = next(lyr for lyr in window.model.layers if str(getattr(lyr, "path", "")).endswith(".tif"))
    rdialog = window.layer_tree.open_properties(raster.id)
    qtbot.addWidget(rdialog)
    assert dict(rdialog.rows)["Kind"] == "raster" and "band" in dict(rdialog.rows)["Size"]
    dialog.grab().save(str(Path(__file__).resolve().parents[2] / "build" / "artifacts" / "layer_properties.png"))

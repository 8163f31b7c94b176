"""Adding files from the window: a checklist for multi-layer files, a CRS question for files without one.

Screenshots of both dialogs are written to /tmp/shots/ for people to look at.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from gisdesk.store.importer import guess_crs
from gisdesk.ui import import_dialogs
from gisdesk.ui.import_dialogs import CrsDialog, LayerListDialog

from ..store.test_import_formats import TWO_LAYER_KML
from .test_window import signed_in, wait_render

SHOTS = Path("/tmp/shots")


@pytest.fixture
def window(qtbot, workspace, tmp_path):
    from gisdesk.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(workspace, settings, user=signed_in(workspace, "dispatcher"))
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    wait_render(qtbot, win.canvas)
    return win


def shoot(widget, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_the_layer_checklist_ticks_every_layer_and_needs_one(qtbot):
    dialog = LayerListDialog("hue.kml", [("Chợ", "Point"), ("Cầu", "LineString")])
    qtbot.addWidget(dialog)
    dialog.show()
    shoot(dialog, "import_layer_list.png")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.chosen() == ["Chợ", "Cầu"] and ok.isEnabled()
    dialog.list.item(0).setCheckState(dialog.list.item(0).checkState().Unchecked)
    assert dialog.chosen() == ["Cầu"]
    dialog._tick_all(dialog.list.item(0).checkState().Unchecked)
    assert dialog.chosen() == [] and not ok.isEnabled()


def test_the_crs_question_offers_the_guess_first_and_refuses_what_pyproj_cannot_read(qtbot):
    bounds = (561_000.0, 1_820_000.0, 563_000.0, 1_822_000.0)
    dialog = CrsDialog("khong_crs.shp", bounds, guess_crs(bounds))
    qtbot.addWidget(dialog)
    dialog.show()
    shoot(dialog, "import_crs_dialog.png")
    assert dialog.crs() == "EPSG:32648"  # Vietnam's UTM range: zone 48 first
    dialog.combo.setEditText("not a crs at all")
    dialog._accept_if_readable()
    assert dialog.error.text() and dialog.result() == 0
    dialog.combo.setEditText("+proj=tmerc +lon_0=107 +k=0.9999 +x_0=500000 +ellps=WGS84")
    dialog._accept_if_readable()
    assert dialog.result() == 1


def test_a_two_layer_kml_offers_both_and_adds_the_chosen(qtbot, window, tmp_path, monkeypatch):
    kml = tmp_path / "hue.kml"
    kml.write_text(TWO_LAYER_KML, encoding="utf-8")
    offered = []
    monkeypatch.setattr(import_dialogs, "choose_layers",
                        lambda parent, name, layers: offered.append(layers) or ["Cầu"])
    n = len(window.model.layers)
    window.add_vector(kml)
    assert [name for name, _ in offered[0]] == ["Chợ", "Cầu"]
    assert [lyr.title for lyr in window.model.layers[n:]] == ["hue — Cầu"]
    assert window.model.layers[-1].name == "hue_cau"


def test_a_file_without_crs_asks_and_the_real_dialog_imports_with_the_guess(qtbot, window, tmp_path):
    csv = tmp_path / "toado.csv"
    csv.write_text("ten,x,y\nKỳ Đài,561994.5,1821305.3\n", encoding="utf-8")
    n = len(window.model.layers)
    seen = []

    def accept_the_dialog():
        dialog = QApplication.activeModalWidget()
        shoot(dialog, "import_crs_dialog_hue.png")
        seen.append(dialog.crs())
        dialog.accept()

    QTimer.singleShot(0, accept_the_dialog)
    window.add_vector(csv)
    assert seen == ["EPSG:9214"]  # VN-2000 / TM-3 107-00 puts the point in Hue, where the workspace is
    assert [lyr.name for lyr in window.model.layers[n:]] == ["toado"]


def test_a_file_without_crs_and_no_answer_adds_nothing(qtbot, window, tmp_path, monkeypatch):
    csv = tmp_path / "toado.csv"
    csv.write_text("ten,x,y\nKỳ Đài,561994.5,1821305.3\n", encoding="utf-8")
    monkeypatch.setattr(import_dialogs, "choose_crs", lambda *a: None)
    n = len(window.model.layers)
    window.add_vector(csv)
    assert len(window.model.layers) == n
    assert "needs a coordinate reference system" in window.messages.text.text()


def test_a_geopackage_is_read_in_place_and_never_written(qtbot, window, tmp_path, monkeypatch):
    gpkg = tmp_path / "so_xay_dung.gpkg"
    pts = shapely.points(np.array([[561994.5, 1821305.3], [562900.0, 1821800.0]]))
    for layer, geoms in (("diem", pts), ("vung", shapely.buffer(pts, 50.0))):
        pyogrio.raw.write(gpkg, shapely.to_wkb(geoms), field_data=[np.array(["a", "b"], dtype=object)],
                          fields=["ten"], layer=layer, geometry_type="Point" if layer == "diem" else "Polygon",
                          crs="EPSG:32648", driver="GPKG", append=gpkg.exists())
    digest = hashlib.sha256(gpkg.read_bytes()).hexdigest()
    files = sorted(p.name for p in tmp_path.iterdir())
    monkeypatch.setattr(import_dialogs, "choose_layers", lambda parent, name, layers: [n for n, _ in layers])
    n = len(window.model.layers)
    window.add_vector(gpkg)
    assert [lyr.name for lyr in window.model.layers[n:]] == ["diem", "vung"]
    wait_render(qtbot, window.canvas)
    assert window.save_state()  # gisdesk's state goes into the workspace, not the user's file
    window.close()
    assert hashlib.sha256(gpkg.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir() if p.parent == tmp_path and not p.name.endswith(".ini")) == \
        [f for f in files if not f.endswith(".ini")]


def test_a_geopackage_layer_in_a_crs_of_its_own_is_copied_reprojected_and_the_file_untouched(qtbot, window, tmp_path):
    from pyproj import Geod, Transformer

    from ..store.test_import_formats import FLAG_TOWER, HUE_PROJ, WGS84_TO_HUE_VN2000

    gpkg = tmp_path / "dia_chinh.gpkg"
    xy = Transformer.from_pipeline(WGS84_TO_HUE_VN2000).transform(*FLAG_TOWER)
    pyogrio.raw.write(gpkg, shapely.to_wkb(shapely.points([xy])), field_data=[np.array(["Kỳ Đài"], dtype=object)],
                      fields=["ten"], geometry_type="Point", crs=HUE_PROJ, driver="GPKG")
    digest = hashlib.sha256(gpkg.read_bytes()).hexdigest()
    n = len(window.model.layers)
    window.add_vector(gpkg)
    added = window.model.layers[n:]
    assert len(added) == 1 and added[0].source == window.workspace  # a copy in the workspace
    wait_render(qtbot, window.canvas)
    window.close()
    assert hashlib.sha256(gpkg.read_bytes()).hexdigest() == digest
    assert not list(tmp_path.glob("dia_chinh.gpkg-*"))
    from gisdesk.store.datasource import DataSource

    with DataSource(window.workspace) as ds:
        lyr = ds.layer(added[0].name)
        x, y = ds.connection(text=True).execute(f'SELECT ST_X(geom), ST_Y(geom) FROM "{lyr.name}"').fetchone()
    lon, lat = Transformer.from_crs(f"EPSG:{lyr.srid}", "EPSG:4326", always_xy=True).transform(x, y)
    assert Geod(ellps="WGS84").inv(lon, lat, *FLAG_TOWER)[2] < 3


def test_a_wal_mode_spatialite_file_read_in_place_keeps_its_bytes_and_leaves_no_wal(qtbot, window, tmp_path):
    from gisdesk.store.connection import connect

    folder = tmp_path / "so"
    folder.mkdir()
    user_file = folder / "cong_trinh.sqlite"
    conn = connect(user_file, create=True)
    conn.execute("PRAGMA journal_mode = WAL")  # as QGIS leaves a file it edited
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("CREATE TABLE diem (id INTEGER PRIMARY KEY, ten TEXT)")
    conn.execute("SELECT AddGeometryColumn('diem', 'geom', 32648, 'POINT', 'XY')")
    conn.execute("INSERT INTO diem (ten, geom) VALUES ('Kỳ Đài', MakePoint(774700, 1822500, 32648))")
    conn.execute("SELECT CreateSpatialIndex('diem', 'geom')")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert sorted(p.name for p in folder.iterdir()) == ["cong_trinh.sqlite"]
    digest = hashlib.sha256(user_file.read_bytes()).hexdigest()
    n = len(window.model.layers)
    window.add_vector(user_file)
    assert [lyr.name for lyr in window.model.layers[n:]] == ["diem"]
    wait_render(qtbot, window.canvas)
    window.open_attribute_table(window.model.layers[-1].id)
    window.close()
    assert hashlib.sha256(user_file.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in folder.iterdir()) == ["cong_trinh.sqlite"]  # no -wal, no -shm


def test_a_layer_imported_while_the_window_is_open_is_drawn_at_once_and_zoom_to_layer_works(qtbot, window,
                                                                                           tmp_path, monkeypatch):
    """Regression: the renderer's open source did not know a table imported after it opened, so the new
    layer failed to draw ("No layer …") until restart."""
    import numpy as np

    kml = tmp_path / "hue.kml"
    kml.write_text(TWO_LAYER_KML, encoding="utf-8")
    monkeypatch.setattr(import_dialogs, "choose_layers", lambda parent, name, layers: ["Cầu"])
    canvas = window.canvas
    window.renderer.source(window.workspace).layer("communes")  # the source is open before the import
    window.add_vector(kml)
    new = window.model.layers[-1]
    window.zoom_to_layer(new.id)
    result = window.renderer.render([new], canvas.view())
    assert not result.errors
    img = result.image.convertToFormat(result.image.Format.Format_ARGB32)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    assert (arr[..., 3] > 0).sum() > 0  # its features are on the image

"""gisdesk server publish carries the workspace's styles and its rasters' references.

A style is written by hand in a copy of the demo city (communes filled #123456 with a #654321
outline, roads retitled, cameras hidden) and saved as the window saves it; after publication
the server's layers open with the same order, titles, visibility and styles as the workspace,
QGIS's ``postgres`` provider opens communes with that fill, and ``gisdesk render URL`` draws the
flood raster from the path the server names (or says in one line that it cannot reach it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from gisdesk.cli import main
from gisdesk.core.layers import RasterLayer
from gisdesk.core.qgis_style import style_from_qml
from gisdesk.core.style import Symbol, VectorStyle
from gisdesk.store.layer_state import load_layer_state, save_layer_state
from gisdesk.store.workspace import map_layers
from tests.server.conftest import COMMUNE_A, PASSWORD

LOGIN = "sty_phu_hoi"
HAND = VectorStyle(symbol=Symbol(fill="#123456", stroke="#654321", stroke_width=2.5))
SYSTEM_PYTHON = "/usr/bin/python3"


@pytest.fixture(scope="module")
def styled(gisdesk_demo_master, tmp_path_factory, pg_cluster, make_db):
    """(workspace, superuser URL, officer URL, database): the hand-styled demo city published."""
    from gisdesk.store.server import add_officer, init_server
    from gisdesk.store.server_publish import publish_workspace

    folder = tmp_path_factory.mktemp("styled")
    for f in gisdesk_demo_master.parent.iterdir():
        if f.is_file():
            shutil.copy2(f, folder / f.name)
    ws = folder / gisdesk_demo_master.name
    layers = map_layers(ws)
    by_name = {getattr(lyr, "name", ""): lyr for lyr in layers}
    by_name["communes"].style = HAND
    by_name["roads"].title = "Streets, by hand"
    by_name["cameras"].visible = False
    save_layer_state(ws, layers, user="admin")
    db = make_db("gisdesk_styled")
    su = pg_cluster.url(db)
    init_server(su)
    report = publish_workspace(ws, su)
    assert report.styles > 0 and len(report.rasters) == 2  # the flood depth and the basemap
    add_officer(su, LOGIN, "commune_officer", PASSWORD, commune=COMMUNE_A)
    officer = pg_cluster.url(db, LOGIN) + "&password=" + PASSWORD.replace(" ", "%20")
    return ws, su, officer, db


def _look(layers) -> list[tuple]:
    out = []
    for lyr in layers:
        if isinstance(lyr, RasterLayer):
            out.append(("raster", Path(lyr.path).name, lyr.title, lyr.group, lyr.visible))
        else:
            out.append((lyr.name, lyr.title, lyr.group, lyr.visible, json.dumps(lyr.style.to_dict(), sort_keys=True)))
    return out


def test_the_servers_layers_open_as_the_workspace_saved_them(styled):
    ws, _, officer, _ = styled
    on_file, warnings_file = load_layer_state(ws, map_layers(ws))
    on_server, warnings = load_layer_state(officer, map_layers(officer))  # an officer's own login reads them
    assert warnings == [] and warnings_file == []
    by_name = {getattr(lyr, "name", ""): lyr for lyr in on_server}
    assert by_name["communes"].style == HAND  # the style written by hand
    assert by_name["roads"].title == "Streets, by hand"
    assert by_name["cameras"].visible is False
    assert _look(on_server) == _look(on_file)  # order, titles, groups, visibility, styles; the raster too


def test_qgis_layer_styles_rows_are_on_the_server_as_qgis_reads_them(styled, pg_cluster):
    _, _, _, db = styled
    with pg_cluster.connect(db) as su:
        rows = su.execute("SELECT f_table_catalog, f_table_schema, f_geometry_column, useasdefault, styleqml::text "
                          "FROM layer_styles WHERE f_table_name = 'communes' AND stylename = 'gisdesk'").fetchall()
        owner = su.execute("SELECT tableowner FROM pg_tables WHERE tablename = 'layer_styles'").fetchone()[0]
    assert len(rows) == 1
    catalog, schema, column, default, qml = rows[0]
    assert (catalog, schema, column, default, owner) == (db, "public", "geom", True, "gisdesk_owner")
    style = style_from_qml(qml)[0]
    assert (style.symbol.fill, style.symbol.stroke) == ("#123456", "#654321")


_QGIS_READ = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False); app.initQgis()
lyr = QgsVectorLayer(sys.argv[1] + " key='fid' table=\\"public\\".\\"communes\\" (geom)", "communes", "postgres")
sym = lyr.renderer().symbol() if lyr.isValid() and hasattr(lyr.renderer(), "symbol") else None
print(json.dumps({"valid": lyr.isValid(), "fill": sym.color().name() if sym else None,
                  "stroke": sym.symbolLayer(0).strokeColor().name() if sym else None}))
"""


@pytest.mark.skipif(subprocess.run([SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True).returncode != 0,
                    reason="QGIS (PyQGIS for /usr/bin/python3) is not installed")
def test_qgis_on_the_server_opens_communes_with_the_workspace_style(styled, pg_cluster):
    _, _, _, db = styled
    conninfo = f"dbname={db} host={pg_cluster.host} port={pg_cluster.port} user=postgres"
    done = subprocess.run([SYSTEM_PYTHON, "-c", _QGIS_READ, conninfo], capture_output=True, text=True, timeout=300,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"valid": True, "fill": "#123456", "stroke": "#654321"}


def test_the_raster_reference_names_the_file_crs_extent_and_bands(styled, pg_cluster):
    import rasterio

    ws, _, _, db = styled
    tif = next(ws.parent.glob("*.tif"))
    with rasterio.open(tif) as src:
        bounds, bands = tuple(src.bounds), src.count
    with pg_cluster.connect(db) as su:
        rows = su.execute("SELECT name, path, grp, epsg, minx, miny, maxx, maxy, bands FROM gisdesk_rasters "
                          "ORDER BY name").fetchall()
    assert [r[0] for r in rows] == ["basemap", "flood_depth"]
    assert rows[1] == ("flood_depth", tif.resolve().as_posix(), "Flood", 32648, *bounds, bands)


def _png(path: Path) -> np.ndarray:
    from PySide6.QtGui import QImage

    img = QImage(str(path)).convertToFormat(QImage.Format.Format_RGBA8888)
    return np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.width(), 4).copy()


def test_render_on_the_server_draws_the_flood_raster(qapp, styled, tmp_path):
    ws, _, officer, _ = styled
    args = ["--layers", "flood_depth", "--size", "400x300", "--no-labels"]
    assert main(["render", officer, *args, "-o", str(tmp_path / "server.png")]) == 0
    assert main(["render", str(ws), *args, "-o", str(tmp_path / "file.png")]) == 0
    server, file = _png(tmp_path / "server.png"), _png(tmp_path / "file.png")
    assert (server[..., :3] < 250).any(axis=2).mean() > 0.05  # the flood is drawn, not an empty map
    assert np.array_equal(server, file)


def test_a_raster_this_computer_cannot_reach_is_said_in_one_line(qapp, styled, tmp_path, capsys):
    ws, _, officer, _ = styled
    tif = next(ws.parent.glob("*.tif"))
    hidden = tif.with_suffix(".away")
    tif.rename(hidden)
    try:
        capsys.readouterr()
        assert main(["render", officer, "--layers", "flood_depth", "-o", str(tmp_path / "x.png")]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and tif.resolve().as_posix() in err[0] and "cannot reach" in err[0]
        layers, warnings = load_layer_state(officer, map_layers(officer))  # the window: left out, and said
        assert [Path(lyr.path).suffix for lyr in layers if isinstance(lyr, RasterLayer)] == [".mbtiles"]
        assert len(warnings) == 1 and tif.resolve().as_posix() in warnings[0]
    finally:
        hidden.rename(tif)

"""The demo city comes with an offline basemap drawn from its own layers, and opens with it at the bottom."""

from __future__ import annotations

import numpy as np

from gisdesk.core.layers import RasterLayer
from gisdesk.render.basemap import TileCache, draw_basemap
from gisdesk.render.view import MapView
from gisdesk.store.connection import connect
from gisdesk.store.tiles import open_tiles
from gisdesk.store.workspace import map_layers
from sample_layers._basemap import LAND, WATER
from tests.render.test_render import pixels


def _hex(c: str) -> np.ndarray:
    return np.array([int(c[i:i + 2], 16) for i in (1, 3, 5)], float)


def test_the_demo_opens_on_its_basemap(workspace):
    layers = map_layers(workspace)
    base = layers[0]
    assert isinstance(base, RasterLayer) and base.group == "Basemap"
    assert base.path == workspace.with_name("hue_basemap.mbtiles")
    assert all(not (isinstance(lyr, RasterLayer) and lyr.group == "Basemap") for lyr in layers[1:])
    with open_tiles(base.path) as src:
        assert (src.info.minzoom, src.info.maxzoom, src.info.format) == (10, 16, "png")
        w, s, e, n = src.info.bounds  # the city around 107.58 E, 16.46 N
        assert w < 107.58 < e and s < 16.46 < n and e - w < 1.5  # with land around it


def test_the_river_of_the_basemap_lies_on_the_river_layer(qapp, workspace):
    # A vertex in the middle of the Perfume River (the demo's main river), read from the layer itself.
    conn = connect(workspace, read_only=True)
    rows = conn.execute("SELECT X(PointN(geom, NumPoints(geom) / 2)), Y(PointN(geom, NumPoints(geom) / 2)) "
                        "FROM rivers ORDER BY GLength(geom) DESC LIMIT 1").fetchall()
    conn.close()
    x, y = rows[0]
    res = 4.0  # metres per pixel (about 1:15,000): zoom 15 tiles
    view = MapView(x - 50 * res, y - 50 * res, x + 50 * res, y + 50 * res, 100, 100, "EPSG:32648")
    img = pixels(draw_basemap(view, workspace.with_name("hue_basemap.mbtiles"), TileCache())).astype(float)
    # The river is drawn about 7 px wide at this zoom: the pixels within 1 px of the vertex are water,
    # and the view is not all water (land around it).
    centre = img[49:52, 49:52, :3].reshape(-1, 3)
    assert np.abs(centre - _hex(WATER)).max(axis=1).min() <= 20
    assert (np.abs(img[..., :3] - _hex(WATER)).max(axis=2) > 30).mean() > 0.5
    assert (img[..., 3] == 255).all()  # opaque: the demo is covered everywhere here
    assert _hex(LAND).min() > 200  # a calm, light land colour


def test_gisdesk_render_draws_the_basemap(workspace, tmp_path):
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    out = tmp_path / "base.png"
    # 10 km west of the city's edge: outside every layer, inside the basemap's land margin
    bbox = "745000,1815000,749000,1818000"
    proc = subprocess.run([sys.executable, "-m", "gisdesk.cli", "render", str(workspace), "--layers", "basemap,communes",
                           "--bbox", bbox, "--size", "200x150", "-o", str(out)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "skipped" not in proc.stderr
    img = pixels(QImage(str(out))).astype(float)
    assert np.abs(img[..., :3] - _hex(LAND)).max() <= 3  # land colour everywhere (white without the basemap)

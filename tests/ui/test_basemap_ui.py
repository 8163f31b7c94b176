"""File › Add basemap…: a tile package goes under every layer, is drawn, and comes back on reopen."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from gisdesk.core.layers import RasterLayer
from gisdesk.store.workspace import map_layers
from gisdesk.ui.basemap_ops import add_basemap

from ..render.test_basemap import GREEN, mbtiles, png_tile
from ..render.test_render import pixels
from .test_window import signed_in, wait_render


def _window(qtbot, workspace, tmp_path, who: str):
    from gisdesk.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / f"{who}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(workspace, settings, user=signed_in(workspace, who))
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    wait_render(qtbot, win.canvas)
    return win


def _green_world(path: Path) -> Path:
    mbtiles(path, {(z, x, y): png_tile({}, fill=GREEN) for z in range(0, 3) for x in range(2 ** z)
                   for y in range(2 ** z)})
    return path


def test_a_basemap_is_added_under_every_layer_and_drawn(qtbot, workspace, tmp_path):
    win = _window(qtbot, workspace, tmp_path, "dispatcher")
    assert win.actions["gisdesk.file.add_basemap"].isEnabled()
    for lyr in win.model.layers:  # only the new basemap visible
        win.model.set_visible(lyr.id, False)
    path = _green_world(workspace.with_name("green.mbtiles"))
    layer = add_basemap(win, path)
    assert layer is not None and win.model.layers[0] is layer and layer.group == "Basemap"
    wait_render(qtbot, win.canvas)
    img = pixels(win.canvas.grab().toImage())
    h, w = img.shape[:2]
    assert tuple(int(v) for v in img[h // 2, w // 2, :3]) == GREEN
    # referenced from the workspace: it comes back, at the bottom, when the workspace is opened again
    again = map_layers(workspace)
    assert any(isinstance(lyr, RasterLayer) and lyr.path == path and lyr.group == "Basemap" for lyr in again[:2])


def test_a_file_that_is_not_a_tile_package_is_refused_and_nothing_changes(qtbot, workspace, tmp_path):
    win = _window(qtbot, workspace, tmp_path, "dispatcher")
    junk = workspace.with_name("junk.mbtiles")
    junk.write_bytes(b"not tiles" * 100)
    before = [lyr.id for lyr in win.model.layers]
    assert add_basemap(win, junk) is None
    assert [lyr.id for lyr in win.model.layers] == before
    assert "neither an MBTiles nor a PMTiles" in win.messages.text.text()
    assert not any(lyr.path == junk for lyr in map_layers(workspace) if isinstance(lyr, RasterLayer))


@pytest.mark.parametrize("who", ["viewer"])
def test_who_may_not_add_layers_may_not_add_a_basemap(qtbot, workspace, tmp_path, who):
    win = _window(qtbot, workspace, tmp_path, who)
    assert not win.actions["gisdesk.file.add_basemap"].isEnabled()
    path = _green_world(workspace.with_name("green.mbtiles"))
    n = len(win.model.layers)
    assert add_basemap(win, path) is None
    assert len(win.model.layers) == n
    assert win.messages.text.text()
    assert np.all([not (isinstance(lyr, RasterLayer) and lyr.path == path) for lyr in map_layers(workspace)])


def test_the_style_dialog_of_a_basemap_offers_opacity_not_a_ramp(qtbot, workspace):
    from gisdesk.ui.style_dialog import StyleDialog

    base = map_layers(workspace)[0]
    dlg = StyleDialog(base)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.ramp.isVisible() and dlg.opacity.isVisible()
    flood = next(lyr for lyr in map_layers(workspace) if isinstance(lyr, RasterLayer) and lyr.group == "Flood")
    dlg2 = StyleDialog(flood)
    qtbot.addWidget(dlg2)
    dlg2.show()
    assert dlg2.ramp.isVisible()

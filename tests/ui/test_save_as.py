""""Save as…" from the layer tree and the attribute table (real widgets offscreen, real files).

Counts expected from our own SQL; the saved file read back with pyogrio. A screenshot of
the dialog goes to /tmp/shots/save_as.png (and build/artifacts/).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pyogrio
import pyogrio.raw
import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from gisdesk.core.layers import VectorLayer
from gisdesk.core.map_model import MapModel
from gisdesk.core.users import User
from gisdesk.store.workspace import map_layers
from gisdesk.ui.attribute_table import AttributeTable
from gisdesk.ui.layer_tree import LayerTree
from gisdesk.ui.message_bar import MessageBar
from gisdesk.ui.save_as_dialog import SaveAsDialog

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"


def count(path, query, params=()):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(query, params).fetchone()[0]
    finally:
        con.close()


class Window(QMainWindow):
    """Stands in for the map window: a message bar called ``messages`` and the open workspace."""

    def __init__(self, workspace):
        super().__init__()
        self.workspace = workspace
        self.messages = MessageBar(self)


@pytest.fixture
def window(qtbot, workspace):
    w = Window(workspace)
    qtbot.addWidget(w)
    return w


def by_name(model):
    return {getattr(lyr, "name", "raster"): lyr for lyr in model.layers}


def test_layer_tree_menu_saves_the_selected_features(qtbot, window, workspace, tmp_path):
    model = MapModel(map_layers(workspace), "EPSG:32648")
    tree = LayerTree(model, window)
    window.setCentralWidget(tree)
    inc = by_name(model)["incidents"]
    texts = [a.text() for a in tree.layer_menu(inc.id).actions()]
    assert "Save as…" in texts
    model.selection.set(inc.id, [5, 6, 7, 400])
    dlg = next(a for a in tree.layer_menu(inc.id).actions() if a.text() == "Save as…")
    dlg.trigger()
    dialog = window.findChild(SaveAsDialog)
    assert dialog is not None and dialog.selected_only.isEnabled()
    assert dialog.crs_combo.currentData() == 32648  # the layer's CRS first
    dialog.set_format("fgb")
    dialog.path_edit.setText(str(tmp_path / "picked"))
    dialog.selected_only.setChecked(True)
    dialog.crs_combo.setCurrentIndex(dialog.crs_combo.findData(4326))
    dialog.accept()
    out = tmp_path / "picked.fgb"
    assert dialog.result is not None and dialog.result.path == out
    _, _, _, fields = pyogrio.raw.read(out, columns=["fid"])
    assert sorted(fields[0].tolist()) == [5, 6, 7, 400]
    assert pyogrio.read_info(out)["crs"] == "EPSG:4326"
    assert window.messages.level == "info" and "Saved 4 features" in window.messages.text.text()


def test_attribute_table_saves_its_filtered_rows_as_csv_with_lon_lat(qtbot, window, workspace, tmp_path):
    table = AttributeTable(VectorLayer(workspace, "incidents"), MapModel([], "EPSG:32648").selection, window,
                           user=User("phu_hoi", "phu_hoi", "viewer"))
    window.setCentralWidget(table)
    table.apply_filter("\"severity\" >= 3")
    want = count(workspace, "SELECT count(*) FROM incidents WHERE severity >= 3 AND commune = ?", ("Phú Hội",))
    assert 0 < want == table.model.rowCount()
    dialog = table.open_save_as_dialog()
    assert dialog.rows_combo.currentData() == "filtered"
    assert not dialog.selected_only.isEnabled()  # nothing selected
    dialog.set_format("csv")
    assert dialog.csv_combo.isVisibleTo(dialog)
    dialog.csv_combo.setCurrentIndex(dialog.csv_combo.findData("lonlat"))
    dialog.path_edit.setText(str(tmp_path / "mine.csv"))
    dialog.accept()
    data = (tmp_path / "mine.csv").read_bytes()
    assert data[:3] == b"\xef\xbb\xbf"
    header = data[3:].decode("utf-8").splitlines()[0].split(",")
    assert header[-2:] == ["lon", "lat"]
    assert pyogrio.read_info(tmp_path / "mine.csv")["features"] == want
    table.close()


def test_saving_onto_the_workspace_is_refused_in_the_message_bar(qtbot, window, workspace, monkeypatch):
    before = workspace.read_bytes()
    layer = VectorLayer(workspace, "communes")
    dialog = SaveAsDialog(layer, srid=32648, protected=[workspace], parent=window)
    qtbot.addWidget(dialog)
    dialog.set_format("gpkg")
    dialog.path_edit.setText(str(workspace.with_suffix(".gpkg")))
    workspace.with_suffix(".gpkg").symlink_to(workspace)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.accept()  # "replace it?" yes: still refused
    assert dialog.result is None
    assert window.messages.level == "warning"
    assert "Not saved" in window.messages.text.text() and "workspace" in window.messages.text.text()
    assert dialog.error_label.isVisibleTo(dialog) and "workspace" in dialog.error_label.text()
    dialog.show()
    dialog.grab().save(str(Path("/tmp/shots") / "save_as_refused.png"))
    assert workspace.read_bytes() == before


def test_kml_fixes_the_crs_and_screenshot(qtbot, window, workspace):
    dialog = SaveAsDialog(VectorLayer(workspace, "incidents", title="Incidents"), srid=32648,
                          selected=np.arange(12), filtered=np.arange(40), filter_text="\"status\" = 'new'",
                          parent=window)
    qtbot.addWidget(dialog)
    dialog.set_format("kml")
    assert not dialog.crs_combo.isEnabled() and dialog.path().suffix == ".kml"
    dialog.set_format("csv")
    dialog.show()
    qtbot.waitExposed(dialog)
    image = dialog.grab()
    for folder in (Path("/tmp/shots"), ARTIFACTS):
        folder.mkdir(parents=True, exist_ok=True)
        image.save(str(folder / "save_as.png"))
    assert image.width() >= 560

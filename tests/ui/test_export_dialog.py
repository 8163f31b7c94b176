"""The Export Map dialog, filled in as a user would, writing real files from the demo city."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from gisdesk.render.renderer import Renderer
from gisdesk.render.view import MapView
from gisdesk.store.datasource import DataSource
from gisdesk.store.workspace import map_layers
from gisdesk.ui.export_dialog import ExportDialog, file_stem

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    from sample_layers.generate import build_workspace

    path = tmp_path_factory.mktemp("city") / "hue.sqlite"
    build_workspace(path, incidents=2000)
    layers = map_layers(path)
    with DataSource(path) as ds:
        kinds = {lyr.id: ds.layer(lyr.name).kind if hasattr(lyr, "name") else "raster" for lyr in layers}
    renderer = Renderer()
    yield layers, kinds, renderer
    renderer.close()


def view_of(renderer, layers) -> MapView:
    return MapView.fit(renderer.full_extent(layers, "EPSG:32648"), 900, 600, "EPSG:32648")


def when_modal(kind, action) -> None:
    """Run ``action(widget)`` once a modal ``kind`` widget is showing (the test drives ``exec``)."""
    def poll():
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            action(widget)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_fill_in_accept_and_export_png(qtbot, city, tmp_path):
    layers, kinds, renderer = city
    dialog = ExportDialog("Hue demo city")
    qtbot.addWidget(dialog)
    assert dialog.title() == "Hue demo city"
    assert dialog.path().name.startswith("Hue_demo_city_") and dialog.path().suffix == ".pdf"
    dialog.title_edit.setText("Ngập lụt — Phú Hội")
    dialog.set_format("png")
    assert dialog.path().suffix == ".png"  # switching the format renames the file
    dialog.dpi_spin.setValue(96)
    dialog.path_edit.setText(str(tmp_path / "phu_hoi.pdf"))  # a wrong suffix follows the format
    dialog.show()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "export_dialog.png"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    out = dialog.export(renderer, layers, view_of(renderer, layers), kinds)
    assert out == tmp_path / "phu_hoi.png" and out.stat().st_size > 10_000


def test_empty_file_name_cannot_be_accepted(qtbot):
    dialog = ExportDialog("Hue")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText("  ")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_run_shows_the_dialog_and_writes_the_pdf(qtbot, city, tmp_path):
    layers, kinds, renderer = city
    target = tmp_path / "flood.pdf"

    def fill(dialog: ExportDialog) -> None:
        dialog.path_edit.setText(str(target))
        dialog.dpi_spin.setValue(72)
        dialog.accept()

    when_modal(ExportDialog, fill)
    out = ExportDialog.run(None, renderer, layers, view_of(renderer, layers), kinds, "Hue demo city")
    assert out == target and target.read_bytes()[:4] == b"%PDF"


def test_run_cancelled_writes_nothing(qtbot, city, tmp_path):
    layers, kinds, renderer = city
    when_modal(ExportDialog, lambda d: (d.path_edit.setText(str(tmp_path / "x.pdf")), d.reject()))
    assert ExportDialog.run(None, renderer, layers, view_of(renderer, layers), kinds, "Hue") is None
    assert list(tmp_path.iterdir()) == []


def test_run_with_missing_folder_tells_the_user(qtbot, city, tmp_path):
    layers, kinds, renderer = city
    shown: list[str] = []

    def fill(dialog: ExportDialog) -> None:
        dialog.path_edit.setText(str(tmp_path / "gone" / "flood.pdf"))
        when_modal(QMessageBox, lambda box: (shown.append(box.text()), box.accept()))
        dialog.accept()

    when_modal(ExportDialog, fill)
    assert ExportDialog.run(None, renderer, layers, view_of(renderer, layers), kinds, "Hue") is None
    assert shown and "could not be exported" in shown[0] and "does not exist" in shown[0]
    assert list(tmp_path.iterdir()) == []


def test_file_stem_keeps_letters_of_any_script():
    import datetime as dt

    day = dt.date(2025, 10, 28)
    assert file_stem("Bản đồ / 洪水图", day) == "Bản_đồ_洪水图_2025-10-28"
    assert file_stem("  ", day) == "map_2025-10-28"

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


def test_print_options_and_an_atlas_from_the_dialog(qtbot, city, tmp_path):
    """A PDF print takes the page size and orientation, a subtitle, the source and an atlas; a PNG only
    the sizes a PNG page has (A4, A3)."""
    import re
    import subprocess

    layers, kinds, renderer = city
    workspace = next(lyr.source for lyr in layers if hasattr(lyr, "source"))
    dialog = ExportDialog("Huế", atlas_layers=["communes"])
    qtbot.addWidget(dialog)
    dialog.set_format("png")
    assert not dialog.atlas_combo.isEnabled() and not dialog.orientation_combo.isEnabled()
    a0 = dialog.size_combo.findData("A0")
    assert not dialog.size_combo.model().item(a0).isEnabled()
    dialog.set_format("pdf")
    assert dialog.size_combo.model().item(a0).isEnabled() and dialog.atlas_combo.isEnabled()
    dialog.size_combo.setCurrentIndex(dialog.size_combo.findData("A3"))
    dialog.orientation_combo.setCurrentIndex(dialog.orientation_combo.findData("portrait"))
    dialog.subtitle_edit.setText("Báo cáo tuần")
    dialog.source_edit.setText("UBND")
    dialog.dpi_spin.setValue(72)
    dialog.atlas_combo.setCurrentIndex(dialog.atlas_combo.findData("communes"))
    dialog.path_edit.setText(str(tmp_path / "atlas.pdf"))
    dialog.show()
    dialog.grab().save(str(ARTIFACTS / "print_dialog.png"))
    out = dialog.export(renderer, layers, view_of(renderer, layers), kinds, workspace)
    assert out == tmp_path / "atlas.pdf"
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+40\b", info)  # one page per commune of the demo city
    w, h = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (w, h) == pytest.approx((841.89, 1190.55), abs=0.6)  # A3 portrait
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Báo cáo tuần" in text and "UBND" in text

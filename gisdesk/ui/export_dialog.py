"""The Export Map dialog: title, subtitle, source, page size and orientation, scale, resolution, an atlas
and the file, then a PNG page or a georeferenced PDF (:mod:`gisdesk.render.print_job`)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressDialog, QPushButton, QSpinBox,
                               QWidget)

from gisdesk.render.layout import PAGES, export_map
from gisdesk.render.print_job import SIZES, PrintOptions, atlas_pages, print_pdf
from gisdesk.render.renderer import Renderer
from gisdesk.render.view import MapView
from gisdesk.store.errors import StoreError

FORMATS = ("pdf", "png")


def default_folder() -> Path:
    """The user's Documents folder when it exists, else the home folder."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def file_stem(title: str, day: dt.date | None = None) -> str:
    """A file name from a title and a date: ``Flood risk`` -> ``Flood_risk_2025-10-28``.

    Letters of any script are kept; characters that upset file systems are not.
    """
    stem = re.sub(r"[\\/:*?\"<>|\s]+", "_", title.strip()).strip("._") or "map"
    return f"{stem[:80]}_{(day or dt.date.today()).isoformat()}"


class ExportDialog(QDialog):
    """Asks for the title, format (PDF/PNG), resolution and output file of a map export.

    Parameters
    ----------
    default_title : str
        Pre-filled title (the workspace name).
    parent : QWidget, optional
    """

    def __init__(self, default_title: str = "", parent: QWidget | None = None,
                 atlas_layers: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Map"))
        self.title_edit = QLineEdit(default_title)
        self.title_edit.setPlaceholderText(self.tr("Map title"))
        self.subtitle_edit = QLineEdit()
        self.subtitle_edit.setPlaceholderText(self.tr("Optional: what, where, when"))
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("Optional: where the data comes from"))
        self.size_combo = QComboBox()
        for name in SIZES:
            self.size_combo.addItem(name, name)
        self.orientation_combo = QComboBox()
        self.orientation_combo.addItem(self.tr("Landscape"), "landscape")
        self.orientation_combo.addItem(self.tr("Portrait"), "portrait")
        self.scale_spin = QSpinBox()
        self.scale_spin.setRange(0, 10_000_000)
        self.scale_spin.setSingleStep(1000)
        self.scale_spin.setPrefix("1:")
        self.scale_spin.setSpecialValueText(self.tr("Fit the map's extent"))
        self.atlas_combo = QComboBox()
        self.atlas_combo.addItem(self.tr("No: one page of this view"), "")
        for name in atlas_layers or []:
            self.atlas_combo.addItem(self.tr("One page per feature of {layer}").format(layer=name), name)
        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("PDF document"), "pdf")
        self.format_combo.addItem(self.tr("PNG image"), "png")
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setRange(72, 600)
        self.dpi_spin.setSingleStep(50)
        self.dpi_spin.setValue(150)
        self.dpi_spin.setSuffix(self.tr(" dpi"))
        self.path_edit = QLineEdit(str(default_folder() / f"{file_stem(default_title)}.pdf"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("Su&btitle:"), self.subtitle_edit)
        form.addRow(self.tr("S&ource:"), self.source_edit)
        form.addRow(self.tr("&Format:"), self.format_combo)
        page = QHBoxLayout()
        page.addWidget(self.size_combo)
        page.addWidget(self.orientation_combo, 1)
        form.addRow(self.tr("Page:"), page)
        form.addRow(self.tr("S&cale:"), self.scale_spin)
        form.addRow(self.tr("&Resolution:"), self.dpi_spin)
        form.addRow(self.tr("&Atlas:"), self.atlas_combo)
        save_label = QLabel(self.tr("&Save to:"))
        save_label.setBuddy(self.path_edit)
        form.addRow(save_label, row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.path_edit.textChanged.connect(self._update_ok)
        self.path_edit.editingFinished.connect(self._fix_suffix)
        self.setMinimumWidth(520)

    # -- values ---------------------------------------------------------------------
    def title(self) -> str:
        return self.title_edit.text().strip()

    def format(self) -> str:
        """``pdf`` or ``png``."""
        return self.format_combo.currentData()

    def dpi(self) -> int:
        return self.dpi_spin.value()

    def options(self) -> PrintOptions:
        """The page the user chose (a PNG is A4 or A3 landscape; the other choices need a PDF)."""
        return PrintOptions(size=self.size_combo.currentData(), orientation=self.orientation_combo.currentData(),
                            dpi=self.dpi(), scale=float(self.scale_spin.value()) or None, title=self.title(),
                            subtitle=self.subtitle_edit.text().strip(), source=self.source_edit.text().strip())

    def path(self) -> Path:
        """The output file, with the suffix of the chosen format."""
        p = Path(self.path_edit.text().strip()).expanduser()
        return p if p.suffix.lower() == f".{self.format()}" else p.with_suffix(f".{self.format()}")

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(FORMATS.index(fmt))

    # -- reactions ------------------------------------------------------------------
    def _format_changed(self) -> None:
        pdf = self.format() == "pdf"  # sizes beyond A3, portrait, a fixed scale and the atlas are PDF prints
        for w in (self.orientation_combo, self.scale_spin, self.atlas_combo, self.subtitle_edit, self.source_edit):
            w.setEnabled(pdf)
        for i in range(self.size_combo.count()):
            item = self.size_combo.model().item(i)
            item.setEnabled(pdf or self.size_combo.itemData(i) in PAGES)
        if not pdf and self.size_combo.currentData() not in PAGES:
            self.size_combo.setCurrentIndex(self.size_combo.findData("A4"))
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(f".{self.format()}")))

    def _fix_suffix(self) -> None:
        if self.path_edit.text().strip():
            self.path_edit.setText(str(self.path()))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.path_edit.text().strip()))

    def _browse(self) -> None:
        filters = {"pdf": self.tr("PDF documents (*.pdf)"), "png": self.tr("PNG images (*.png)")}
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export Map"), str(self.path()), filters[self.format()])
        if name:
            self.path_edit.setText(name)

    # -- running --------------------------------------------------------------------
    def export(self, renderer: Renderer, layers: list, view: MapView, kinds: dict[str, str],
               workspace: Path | None = None) -> Path | None:
        """Write the page (PNG) or the georeferenced PDF, one page per feature for an atlas, with a progress
        bar and Cancel on several pages; a message box tells of a failure (None)."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        progress = None
        try:
            if self.format() == "png":
                return export_map(self.path(), renderer, layers, view, self.title(), kinds, dpi=self.dpi(),
                                  page=self.size_combo.currentData())
            atlas = None
            if self.atlas_combo.currentData() and workspace is not None:
                atlas = atlas_pages(workspace, self.atlas_combo.currentData(), view.crs)
                progress = QProgressDialog(self.tr("Printing the atlas…"), self.tr("Cancel"), 0, len(atlas),
                                           self.parentWidget() or self)
                progress.setWindowModality(Qt.WindowModality.WindowModal)
                progress.setMinimumDuration(300)

            def step(done: int, total: int) -> None:
                if progress is not None:
                    progress.setValue(done)
                    QApplication.processEvents()
                    if progress.wasCanceled():
                        raise StoreError(self.tr("Printing was cancelled; no file was written."))

            return print_pdf(self.path(), renderer, layers, view, kinds, self.options(), atlas=atlas,
                             progress=step).path
        except StoreError as exc:
            error = exc
        finally:
            if progress is not None:
                progress.close()
            QApplication.restoreOverrideCursor()
        QMessageBox.warning(self.parentWidget() or self, self.tr("Export Map"),
                            self.tr("The map could not be exported.") + f"\n\n{error}")
        return None

    @classmethod
    def run(cls, parent: QWidget | None, renderer: Renderer, layers: list, view: MapView, kinds: dict[str, str],
            default_title: str = "", workspace: Path | None = None, atlas_layers: list[str] | None = None
            ) -> Path | None:
        """Show the dialog modally and export when the user accepts; the file written, or None."""
        dialog = cls(default_title, parent, atlas_layers)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.export(renderer, layers, view, kinds, workspace)
        finally:
            dialog.deleteLater()


__all__ = ["ExportDialog", "default_folder", "file_stem"]

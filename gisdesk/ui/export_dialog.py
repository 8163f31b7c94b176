"""The Export Map dialog: title, format, resolution and file, then a PNG or PDF page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QWidget)

from gisdesk.render.layout import export_map
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

    def __init__(self, default_title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Map"))
        self.title_edit = QLineEdit(default_title)
        self.title_edit.setPlaceholderText(self.tr("Map title"))
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
        form.addRow(self.tr("&Format:"), self.format_combo)
        form.addRow(self.tr("&Resolution:"), self.dpi_spin)
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

    def path(self) -> Path:
        """The output file, with the suffix of the chosen format."""
        p = Path(self.path_edit.text().strip()).expanduser()
        return p if p.suffix.lower() == f".{self.format()}" else p.with_suffix(f".{self.format()}")

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(FORMATS.index(fmt))

    # -- reactions ------------------------------------------------------------------
    def _format_changed(self) -> None:
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
    def export(self, renderer: Renderer, layers: list, view: MapView, kinds: dict[str, str]) -> Path | None:
        """Write the page with the dialog's values; a message box tells of a failure (None)."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return export_map(self.path(), renderer, layers, view, self.title(), kinds, dpi=self.dpi())
        except StoreError as exc:
            error = exc
        finally:
            QApplication.restoreOverrideCursor()
        QMessageBox.warning(self.parentWidget() or self, self.tr("Export Map"),
                            self.tr("The map could not be exported.") + f"\n\n{error}")
        return None

    @classmethod
    def run(cls, parent: QWidget | None, renderer: Renderer, layers: list, view: MapView, kinds: dict[str, str],
            default_title: str = "") -> Path | None:
        """Show the dialog modally and export when the user accepts; the file written, or None."""
        dialog = cls(default_title, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.export(renderer, layers, view, kinds)
        finally:
            dialog.deleteLater()


__all__ = ["ExportDialog", "default_folder", "file_stem"]

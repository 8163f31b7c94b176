"""The "Save as…" dialog of a vector layer: format, file, CRS, which rows, and CSV geometry.

Opened from the layer tree's context menu (every row the user may read, or the selected
features) and from the attribute table (its filtered rows, or the selected rows). The
export runs off the GUI thread (:func:`gisdesk.ui.progress.run_with_progress`: a progress
dialog with Cancel when it takes more than half a second) through
:mod:`gisdesk.store.export`, which reads only the rows the user may read and never writes
over the workspace. The result, or why nothing was written, goes to the window's message bar.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QWidget)

from gisdesk.core.layers import VectorLayer
from gisdesk.store.errors import StoreError
from gisdesk.store.export import FORMATS, Export, ExportResult
from gisdesk.ui.export_dialog import default_folder, file_stem
from gisdesk.ui.progress import run_with_progress

#: CRS offered in the list besides the layer's own (any EPSG code may be typed).
COMMON_CRS = ((4326, "WGS 84"), (3857, "Web Mercator"), (32648, "WGS 84 / UTM 48N"), (3405, "VN-2000 / UTM 48N"))


class SaveAsDialog(QDialog):
    """Ask where and how to save a layer's rows, then save them.

    Parameters
    ----------
    layer : VectorLayer
        The layer (its file is read again, as ``user``).
    user : User, optional
        Who reads: a case layer keeps only the rows the access policy lets this user read.
    selected : array of int, optional
        The selected feature ids of the layer ("Selected features only" is offered when any).
    filtered : array of int, optional
        The attribute table's rows under its filter (offered, and chosen, when given).
    filter_text : str
        The filter, shown with the filtered rows.
    srid : int
        The layer's CRS (EPSG code), first in the CRS list.
    protected : list of path-like
        Files never written over (the open workspace); the layer's own file always is.
    parent : QWidget, optional
    """

    def __init__(self, layer: VectorLayer, user: Any = None, selected: np.ndarray | None = None,
                 filtered: np.ndarray | None = None, filter_text: str = "", srid: int = 0,
                 protected: list | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer, self.user = layer, user
        self.selected = np.asarray(selected if selected is not None else [], np.int64)
        self.filtered = None if filtered is None else np.asarray(filtered, np.int64)
        self.protected = list(protected or [])
        self.result: ExportResult | None = None
        self.setWindowTitle(self.tr("Save “{title}” as").format(title=layer.title))

        self.format_combo = QComboBox()
        for f in FORMATS.values():
            self.format_combo.addItem(self.tr(f.label), f.key)
        self.path_edit = QLineEdit(str(default_folder() / f"{file_stem(layer.title)}.gpkg"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.crs_combo = QComboBox()
        self.crs_combo.setEditable(True)
        self.crs_combo.setToolTip(self.tr("Pick a CRS or type an EPSG code, e.g. EPSG:9210"))
        if srid:
            self.crs_combo.addItem(self.tr("Layer CRS (EPSG:{code})").format(code=srid), srid)
        for code, name in COMMON_CRS:
            if code != srid:
                self.crs_combo.addItem(f"{self.tr(name)} (EPSG:{code})", code)

        self.rows_combo = QComboBox()
        self.rows_combo.addItem(self.tr("All features"), "all")
        if self.filtered is not None:
            label = self.tr("Rows of the filter ({n})").format(n=len(self.filtered))
            self.rows_combo.addItem(label, "filtered")
            self.rows_combo.setItemData(1, filter_text, Qt.ItemDataRole.ToolTipRole)
            self.rows_combo.setCurrentIndex(1)
        self.selected_only = QCheckBox(self.tr("Selected features only ({n})").format(n=len(self.selected)))
        self.selected_only.setEnabled(len(self.selected) > 0)
        self.selected_only.toggled.connect(lambda on: self.rows_combo.setEnabled(not on))

        self.csv_combo = QComboBox()
        self.csv_combo.addItem(self.tr("As WKT"), "wkt")
        self.csv_combo.addItem(self.tr("As lon/lat columns (WGS 84)"), "lonlat")
        self.csv_combo.addItem(self.tr("None"), "none")
        self.csv_label = QLabel(self.tr("CSV &geometry:"))
        self.csv_label.setBuddy(self.csv_combo)

        form = QFormLayout(self)
        form.addRow(self.tr("&Format:"), self.format_combo)
        save_label = QLabel(self.tr("&Save to:"))
        save_label.setBuddy(self.path_edit)
        form.addRow(save_label, path_row)
        form.addRow(self.tr("&CRS:"), self.crs_combo)
        form.addRow(self.tr("&Rows:"), self.rows_combo)
        form.addRow("", self.selected_only)
        form.addRow(self.csv_label, self.csv_combo)
        self.error_label = QLabel()  # why the last attempt saved nothing (also in the message bar)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        form.addRow(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.path_edit.textChanged.connect(
            lambda t: self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(t.strip())))
        self._format_changed()
        self.setMinimumWidth(560)

    # -- values ---------------------------------------------------------------------
    def format(self) -> str:
        """Key of the chosen format (:data:`gisdesk.store.export.FORMATS`)."""
        return self.format_combo.currentData()

    def set_format(self, key: str) -> None:
        self.format_combo.setCurrentIndex(list(FORMATS).index(key))

    def path(self) -> Path:
        """The output file, with the chosen format's suffix."""
        p = Path(self.path_edit.text().strip()).expanduser()
        suffixes = FORMATS[self.format()].suffixes
        return p if p.suffix.lower() in suffixes else p.with_suffix(suffixes[0])

    def crs(self) -> int | None:
        """The chosen EPSG code (None: the layer's)."""
        i = self.crs_combo.currentIndex()
        text = self.crs_combo.currentText().strip()
        if i >= 0 and self.crs_combo.itemText(i) == text:
            return self.crs_combo.itemData(i)
        m = re.search(r"(\d+)\)?\s*$", text)
        return int(m.group(1)) if m else None

    def ids(self) -> np.ndarray | None:
        """The feature ids to save (None: every row the user may read)."""
        if self.selected_only.isChecked():
            return self.selected
        if self.rows_combo.currentData() == "filtered":
            return self.filtered
        return None

    def csv_geometry(self) -> str:
        return self.csv_combo.currentData()

    # -- reactions ------------------------------------------------------------------
    def _format_changed(self) -> None:
        csv = self.format() == "csv"
        self.csv_combo.setVisible(csv)
        self.csv_label.setVisible(csv)
        self.crs_combo.setEnabled(self.format() != "kml")  # KML is WGS 84 by definition
        if self.path_edit.text().strip():
            self.path_edit.setText(str(self.path()))

    def _browse(self) -> None:
        f = FORMATS[self.format()]
        pattern = " ".join(f"*{s}" for s in f.suffixes)
        name, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), str(self.path()),
                                              self.tr("{label} ({pattern})").format(label=self.tr(f.label),
                                                                                     pattern=pattern))
        if name:
            self.path_edit.setText(name)
            self._confirmed = Path(name)  # the file dialog asked before replacing

    # -- running --------------------------------------------------------------------
    def export(self, overwrite: bool = False) -> ExportResult:
        """Save with the dialog's values (progress with Cancel for a long export).

        Raises
        ------
        StoreError
            Refused (the workspace, another database, an existing file without ``overwrite``),
            cancelled, or failed; nothing was written.
        """
        from gisdesk.store.datasource import DataSource

        box: dict[str, Any] = {}
        path, fmt, ids, crs, csv = self.path(), self.format(), self.ids(), self.crs(), self.csv_geometry()

        def work() -> ExportResult:
            with DataSource(self.layer.source, read_only=True, user=self.user) as ds:
                box["job"] = job = Export(ds, self.layer.name, path, fmt=fmt, ids=ids, crs=crs, csv_geometry=csv,
                                          overwrite=overwrite, protected=self.protected)
                return job.run()

        def cancel() -> None:
            job = box.get("job")
            if job is not None:
                job.cancel()

        return run_with_progress(work, cancel, self, self.tr("Saving {title}…").format(title=self.layer.title))

    def accept(self) -> None:
        """Save; on success report it and close, on a refusal or failure say why and stay open."""
        path = self.path()
        overwrite = False
        if path.exists() or (self.format() == "shp" and path.with_suffix(".dbf").exists()):
            if getattr(self, "_confirmed", None) != path:
                answer = QMessageBox.question(self, self.windowTitle(),
                                              self.tr("'{name}' exists. Replace it?").format(name=path.name))
                if answer != QMessageBox.StandardButton.Yes:
                    return
            overwrite = True
        try:
            self.result = self.export(overwrite=overwrite)
        except StoreError as exc:
            text = self.tr("Not saved: {reason}").format(reason=exc.message)
            self.error_label.setText(text + (f"\n{exc.hint}" if exc.hint else ""))
            self.error_label.show()
            report(self, text, "warning", exc.hint)
            return
        r = self.result
        report(self, self.tr("Saved {n} features of “{title}” to {file} ({format}{crs}).").format(
            n=r.count, title=self.layer.title, file=r.path.name, format=self.tr(FORMATS[r.format].label),
            crs=f", {r.crs}" if r.crs else ""))
        super().accept()


def report(widget: QWidget, text: str, level: str = "info", details: str = "") -> None:
    """Show ``text`` in the window's message bar (``window().messages``), or in a message box."""
    parent = widget.parentWidget() or widget
    bar = getattr(parent.window(), "messages", None)
    if bar is not None and hasattr(bar, "show_message"):
        bar.show_message(text, level, details)
    elif level == "info":
        QMessageBox.information(parent, widget.windowTitle(), text)
    else:
        QMessageBox.warning(parent, widget.windowTitle(), text + (f"\n{details}" if details else ""))
    widget.last_report = (text, level)  # type: ignore[attr-defined]  (tests read it)


def open_save_as(parent: QWidget, layer: VectorLayer, user: Any = None, **kwargs: Any) -> SaveAsDialog | None:
    """Open (non-modal) a :class:`SaveAsDialog` for ``layer``, with the layer's CRS and the window's workspace protected.

    A layer of the city server is refused with the reason (the export reads a file; None is returned)."""
    from gisdesk.core.layers import ServerSource
    from gisdesk.store.datasource import DataSource

    if isinstance(layer.source, ServerSource):
        report(parent, QCoreApplication.translate("SaveAsDialog", "Not done: Save as is not available for a layer "
                                                  "of the server yet (use ogr2ogr or QGIS on the server)."), "warning")
        return None

    srid = 0
    try:
        with DataSource(layer.source, read_only=True) as ds:
            srid = ds.layer(layer.name).srid
    except StoreError:
        pass
    workspace = getattr(parent.window(), "workspace", None)
    dialog = SaveAsDialog(layer, user, srid=srid, protected=[workspace] if workspace else [], parent=parent, **kwargs)
    dialog.open()
    return dialog


__all__ = ["SaveAsDialog", "open_save_as", "report"]

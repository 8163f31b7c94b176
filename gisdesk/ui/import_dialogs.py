"""The two questions an import may ask: which layers of a file, and which CRS a file without one is in.

:func:`choose_layers` shows every layer of a multi-layer file (KML folders, GeoPackage
tables, DXF, Excel sheets) as a checklist. :func:`choose_crs` asks for the coordinate
reference system of a file that has none, offering what its coordinates fit
(:func:`gisdesk.store.importer.guess_crs`) first; nothing is imported until the person
says which.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from gisdesk.store.importer import format_bounds

#: Offered after the guesses in the CRS dialog (code, label); labels are translated when shown.
COMMON_CRS = (("EPSG:4326", "WGS 84 (longitude, latitude)"), ("EPSG:32648", "WGS 84 / UTM zone 48N"),
              ("EPSG:32649", "WGS 84 / UTM zone 49N"), ("EPSG:3405", "VN-2000 / UTM zone 48N"),
              ("EPSG:3406", "VN-2000 / UTM zone 49N"), ("EPSG:4756", "VN-2000 (longitude, latitude)"),
              ("EPSG:3857", "Web Mercator"))


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialogs", text)


class LayerListDialog(QDialog):
    """A checklist of a file's layers, every one ticked; OK only while at least one is."""

    def __init__(self, file_name: str, layers: list[tuple[str, str | None]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Choose layers"))
        intro = QLabel(tr("'{name}' has {n} layers. Tick the ones to add to the workspace:").format(
            name=file_name, n=len(layers)))
        intro.setWordWrap(True)
        self.list = QListWidget()
        for name, gtype in layers:
            kind = tr(gtype) if gtype else tr("no geometry")
            item = QListWidgetItem(f"{name}  ({kind})")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        every, none = QPushButton(tr("Select all")), QPushButton(tr("Select none"))
        every.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        none.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(self._update_ok)
        row = QHBoxLayout()
        row.addWidget(every)
        row.addWidget(none)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(420, 320)

    def _tick_all(self, state: Qt.CheckState) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))

    def chosen(self) -> list[str]:
        """The names of the ticked layers, in the file's order."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


class CrsDialog(QDialog):
    """Asks which CRS a file's coordinates are in; the guesses from the coordinates come first.

    The list is editable: any CRS pyproj reads (``EPSG:n``, WKT, a PROJ string) may be typed.
    """

    def __init__(self, file_name: str, bounds: tuple[float, float, float, float] | None,
                 guesses: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Coordinate reference system"))
        intro = QLabel(tr("'{name}' does not say which coordinate reference system its coordinates are in. "
                          "Choose one; nothing is imported until you do.").format(name=file_name))
        intro.setWordWrap(True)
        extent = QLabel(tr("Its coordinates reach {extent}.").format(extent=format_bounds(bounds)) if bounds
                        else tr("It has no coordinates."))
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(40)  # long EPSG area names must not widen the dialog
        seen = set()
        for code, label in list(guesses) + list(COMMON_CRS):
            if code not in seen:
                seen.add(code)
                self.combo.addItem(f"{code} — {tr(label)}", code)
        # the start of a long entry (its code) stays in view
        self.combo.currentIndexChanged.connect(lambda _i: self.combo.lineEdit().setCursorPosition(0))
        self.combo.setCurrentIndex(0 if guesses else -1)
        self.combo.lineEdit().setCursorPosition(0)
        hint = QLabel(tr("Guessed from the coordinates: {label}.").format(label=tr(guesses[0][1])) if guesses
                      else tr("The coordinates fit no CRS gisdesk knows; type one (EPSG:n, WKT or a PROJ string)."))
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Import"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self._accept_if_readable)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, extent, self.combo, hint, self.error, buttons):
            layout.addWidget(w)
        self.resize(520, 220)

    def crs(self) -> str:
        """The chosen CRS as text pyproj reads ('' when none)."""
        i = self.combo.currentIndex()
        if i >= 0 and self.combo.currentText() == self.combo.itemText(i):
            return str(self.combo.itemData(i))
        return self.combo.currentText().strip()

    def _accept_if_readable(self) -> None:
        from pyproj import CRS

        text = self.crs()
        if not text:
            self.error.setText(tr("Choose or type a coordinate reference system."))
            return
        try:
            CRS.from_user_input(text)
        except Exception:  # pyproj.exceptions.CRSError and friends
            self.error.setText(tr("pyproj cannot read '{crs}'.").format(crs=text[:80]))
            return
        self.accept()


def choose_layers(parent: QWidget | None, file_name: str, layers: list[tuple[str, str | None]]) -> list[str] | None:
    """Show :class:`LayerListDialog`; the ticked layer names, or None when cancelled."""
    dialog = LayerListDialog(file_name, layers, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_crs(parent: QWidget | None, file_name: str, bounds, guesses: list[tuple[str, str]]) -> str | None:
    """Show :class:`CrsDialog`; the chosen CRS text, or None when cancelled."""
    dialog = CrsDialog(file_name, bounds, guesses, parent)
    return dialog.crs() if dialog.exec() == QDialog.DialogCode.Accepted else None

"""Small editors of the style dialog: colour button, opacity slider, raster colour-ramp editor, labels."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QCheckBox, QColorDialog, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSlider, QSpinBox, QTableWidget,
                               QToolButton, QVBoxLayout, QWidget)

from gisdesk.core.expression import parse
from gisdesk.core.style import LabelStyle, RasterStyle
from gisdesk.render.legend import ramp_swatch
from gisdesk.render.vector import qcolor

RAMPS = {
    "Blues": ["#deebf7", "#9ecae1", "#4292c6", "#08519c", "#08306b"],
    "Reds": ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"],
    "Viridis": ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"],
    "Red-yellow-green": ["#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641"],
}


def ramp_colors(ramp: list[str], n: int) -> list[str]:
    """``n`` colours evenly spaced along ``ramp`` (linear RGB interpolation)."""
    rgb = np.array([QColor(c).getRgb()[:3] for c in ramp], dtype=float)
    t = np.linspace(0, len(ramp) - 1, max(n, 1))
    out = [np.array([np.interp(t, np.arange(len(ramp)), rgb[:, k]) for k in range(3)]).T]
    return ["#%02x%02x%02x" % tuple(int(round(v)) for v in row) for row in out[0]][:n]


def icon_of(img) -> QIcon:
    return QIcon(QPixmap.fromImage(img))


class ColorButton(QToolButton):
    """A button showing a colour; clicking it opens QColorDialog (with alpha)."""

    color_changed = Signal(str)

    def __init__(self, color: str = "#000000", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(64)
        self.clicked.connect(self._choose)
        self.set_color(color)

    def color(self) -> str:
        return self._color

    def set_color(self, color: str) -> None:
        self._color = color or "#00000000"
        pix = QPixmap(44, 14)
        pix.fill(qcolor(self._color))
        if qcolor(self._color).alpha() == 0:  # "no colour", drawn as QGIS does: a red diagonal
            p = QPainter(pix)
            p.setPen(QPen(QColor("#d62728"), 1.5))
            p.drawLine(0, pix.height() - 1, pix.width() - 1, 0)
            p.end()
        self.setIcon(QIcon(pix))
        self.setIconSize(pix.size())
        self.setToolTip(self._color)

    def _choose(self) -> None:
        c = QColorDialog.getColor(qcolor(self._color), self, self.tr("Choose a colour"),
                                  QColorDialog.ColorDialogOption.ShowAlphaChannel)
        if c.isValid():
            self.set_color(c.name() if c.alpha() == 255 else c.name() + f"{c.alpha():02x}")
            self.color_changed.emit(self._color)


class OpacityEditor(QWidget):
    """A 0-100 % slider with a spin box."""

    def __init__(self, value: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.spin = QSpinBox()
        for w in (self.slider, self.spin):
            w.setRange(0, 100)
        self.spin.setSuffix(" %")
        self.slider.valueChanged.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self.slider.setValue)
        self.spin.setValue(round(value * 100))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.spin)

    def value(self) -> float:
        return self.spin.value() / 100



class RampEditor(QGroupBox):
    """Colour-ramp stops (value + colour rows), presets and a preview; ``problem(str)`` says what is wrong ('' = valid)."""

    problem = Signal(str)

    def __init__(self, stops: list[tuple[float, str]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Colour ramp"), parent)
        v = QVBoxLayout(self)
        row = QHBoxLayout()
        self.preset_combo = QComboBox()
        self.preset_combo.addItem(self.tr("Preset…"), None)
        for name, colours in RAMPS.items():
            self.preset_combo.addItem(icon_of(ramp_swatch(RasterStyle([(i, c) for i, c in enumerate(colours)]), 48, 12)),
                                      self.tr(name), name)
        self.preset_combo.activated.connect(lambda _i: self.apply_preset(self.preset_combo.currentData()))
        add, remove = QPushButton(self.tr("Add stop")), QPushButton(self.tr("Remove stop"))
        add.clicked.connect(self.add_stop)
        remove.clicked.connect(self._remove_stop)
        row.addWidget(self.preset_combo, 1)
        row.addWidget(add)
        row.addWidget(remove)
        v.addLayout(row)
        self.stops_table = QTableWidget(0, 2)
        self.stops_table.setHorizontalHeaderLabels([self.tr("Value"), self.tr("Colour")])
        self.stops_table.verticalHeader().hide()
        self.stops_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.stops_table)
        self.preview = QLabel()
        v.addWidget(self.preview)
        self.set_stops(stops)

    def set_stops(self, stops: list[tuple[float, str]]) -> None:
        """Show ``stops`` (value, colour) in the table."""
        self.stops_table.setRowCount(0)
        for value, colour in stops:
            self._append_stop(value, colour)
        self._update_preview()

    def _append_stop(self, value: float, colour: str) -> None:
        r = self.stops_table.rowCount()
        self.stops_table.insertRow(r)
        spin = QDoubleSpinBox(decimals=3, minimum=-1e9, maximum=1e9, value=value)
        button = ColorButton(colour)
        spin.valueChanged.connect(self._update_preview)
        button.color_changed.connect(self._update_preview)
        self.stops_table.setCellWidget(r, 0, spin)
        self.stops_table.setCellWidget(r, 1, button)

    def stops(self) -> list[tuple[float, str]]:
        """The (value, colour) stops as edited."""
        return [(self.stops_table.cellWidget(r, 0).value(), self.stops_table.cellWidget(r, 1).color())
                for r in range(self.stops_table.rowCount())]

    def add_stop(self) -> None:
        st = self.stops()
        value, colour = (st[-1][0] + 1, st[-1][1]) if st else (0.0, "#000000")
        self._append_stop(value, colour)
        self._update_preview()

    def _remove_stop(self) -> None:
        r = self.stops_table.currentRow()
        self.stops_table.removeRow(r if r >= 0 else self.stops_table.rowCount() - 1)
        self._update_preview()

    def apply_preset(self, name: str | None) -> None:
        """Colour the current value range with the preset ramp ``name`` (five stops)."""
        if not name:
            return
        values = [v for v, _ in self.stops()] or [0.0, 1.0]
        lo, hi = min(values), max(values)
        colours = RAMPS[name]
        self.set_stops([(lo + (hi - lo) * i / (len(colours) - 1), c) for i, c in enumerate(colours)])

    def _update_preview(self, *_a) -> None:
        try:
            style = RasterStyle(self.stops(), 1.0)
        except ValueError as exc:
            self.preview.clear()
            self.problem.emit(str(exc))
            return
        self.problem.emit("")
        self.preview.setPixmap(QPixmap.fromImage(ramp_swatch(style, 440, 18)))



class LabelEditor(QWidget):
    """The "Labels" tab: field, prefix/suffix, filter, font size, colours, halo, scale range, priority.

    Parameters
    ----------
    style : LabelStyle
        Shown, never changed.
    fields : list of str
        The layer's attribute columns.
    kind : str
        ``point``, ``line`` or ``polygon`` (the repeat distance is shown for lines only).
    """

    def __init__(self, style: LabelStyle, fields: list[str], kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        form = QFormLayout(self)
        self.enabled = QCheckBox(self.tr("Label the features of this layer"))
        self.enabled.setChecked(style.enabled)
        self.field_combo = QComboBox()
        for name in fields:
            self.field_combo.addItem(name, name)
        if style.field and self.field_combo.findData(style.field) >= 0:
            self.field_combo.setCurrentIndex(self.field_combo.findData(style.field))
        else:
            guess = next((i for i, n in enumerate(fields) if n.lower() == "name"), 0)
            self.field_combo.setCurrentIndex(guess)
        self.prefix, self.suffix = QLineEdit(style.prefix), QLineEdit(style.suffix)
        self.filter = QLineEdit(style.filter)
        self.filter.setPlaceholderText(self.tr("every feature, or e.g. class in ('primary', 'secondary')"))
        self.size = QDoubleSpinBox(decimals=1, minimum=4, maximum=72, singleStep=1, value=style.size)
        self.size.setSuffix(self.tr(" px"))
        self.bold = QCheckBox(self.tr("Bold"))
        self.bold.setChecked(style.bold)
        self.color = ColorButton(style.color)
        self.halo_color = ColorButton(style.halo_color)
        self.halo_width = QDoubleSpinBox(decimals=1, minimum=0, maximum=10, singleStep=0.5, value=style.halo_width)
        self.halo_width.setSuffix(self.tr(" px"))
        self.min_scale = self._scale_spin(style.min_scale)
        self.max_scale = self._scale_spin(style.max_scale)
        self.priority = QSpinBox(minimum=0, maximum=10, value=style.priority)
        self.priority.setToolTip(self.tr("Labels of layers with a higher priority are placed first"))
        self.repeat = QDoubleSpinBox(decimals=0, minimum=0, maximum=5000, singleStep=50, value=style.repeat)
        self.repeat.setSuffix(self.tr(" px"))
        self.repeat.setSpecialValueText(self.tr("once per line"))
        halo = QHBoxLayout()
        halo.addWidget(self.halo_color)
        halo.addWidget(self.halo_width, 1)
        size = QHBoxLayout()
        size.addWidget(self.size, 1)
        size.addWidget(self.bold)
        form.addRow(self.enabled)
        form.addRow(self.tr("Field"), self.field_combo)
        form.addRow(self.tr("Text before"), self.prefix)
        form.addRow(self.tr("Text after"), self.suffix)
        form.addRow(self.tr("Only features where"), self.filter)
        form.addRow(self.tr("Font size"), size)
        form.addRow(self.tr("Colour"), self.color)
        form.addRow(self.tr("Halo"), halo)
        form.addRow(self.tr("Hide when zoomed out beyond 1:"), self.min_scale)
        form.addRow(self.tr("Hide when zoomed in beyond 1:"), self.max_scale)
        form.addRow(self.tr("Priority"), self.priority)
        if kind == "line":
            form.addRow(self.tr("Repeat every"), self.repeat)
        else:
            self.repeat.hide()
        self._font_family = style.font_family
        self.enabled.toggled.connect(self._enable)
        self._enable(style.enabled)

    def _scale_spin(self, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(decimals=0, minimum=0, maximum=100_000_000, singleStep=1000, value=value)
        spin.setSpecialValueText(self.tr("no limit"))
        spin.setGroupSeparatorShown(True)
        return spin

    def _enable(self, on: bool) -> None:
        for w in self.findChildren(QWidget):
            if w is not self.enabled:
                w.setEnabled(on)

    def label_style(self) -> LabelStyle:
        """The edited label style; raises ValueError (with a message for the user) on bad input."""
        text = self.filter.text().strip()
        if self.enabled.isChecked() and text:
            parse(text, self._fields)  # an ExpressionError says where it is wrong
        return LabelStyle(self.enabled.isChecked(), self.field_combo.currentData() or "", self.prefix.text(),
                          self.suffix.text(), text, self._font_family, float(self.size.value()),
                          self.bold.isChecked(), self.color.color(), self.halo_color.color(),
                          float(self.halo_width.value()), float(self.min_scale.value()), float(self.max_scale.value()),
                          int(self.priority.value()), float(self.repeat.value()))

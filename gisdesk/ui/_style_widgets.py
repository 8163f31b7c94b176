"""Small editors of the style dialog: colour button, opacity slider, raster colour-ramp editor."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QColorDialog, QComboBox, QDoubleSpinBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSlider, QSpinBox, QTableWidget, QToolButton, QVBoxLayout, QWidget)

from gisdesk.core.style import RasterStyle
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


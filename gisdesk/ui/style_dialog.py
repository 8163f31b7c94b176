"""The layer style dialog: single symbol, categorized and graduated vector styles and labels, raster colour ramps.

The dialog edits a copy: it never changes the layer. The caller applies
``dialog.result_style()`` with ``MapModel.set_style`` after OK (and on each
``applied`` signal of the Apply button), so Cancel leaves everything as it was.
"""

from __future__ import annotations

import copy
from dataclasses import replace

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QColorDialog, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget, QToolButton,
                               QVBoxLayout, QWidget)

from gisdesk.core.access import Decision
from gisdesk.core.layers import RasterLayer, VectorLayer
from gisdesk.core.style import MARKER_SHAPES, PALETTE, Category, GradClass, RasterStyle, Rule, Symbol, VectorStyle
from gisdesk.render.colour_raster import has_own_colours
from gisdesk.render.legend import ramp_swatch, symbol_swatch
from gisdesk.render.vector import qcolor
from gisdesk.store.datasource import DataSource, open_datasource
from gisdesk.store.errors import StoreError
from gisdesk.store.features import distinct_values, numeric_values
from gisdesk.ui._style_widgets import (RAMPS, ColorButton, LabelEditor, OpacityEditor, RampEditor, icon_of,
                                      ramp_colors)

MAX_CATEGORIES = 200


def _fmt(v: float) -> str:
    return f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}".rstrip("0").rstrip(".")


class StyleDialog(QDialog):
    """Edit the style of a vector or raster layer; see the module docstring.

    Parameters
    ----------
    layer : VectorLayer or RasterLayer
        Read, never changed.
    parent : QWidget, optional
    user : User, optional
        Who reads the layer's values for classes (a case layer gives only the rows the
        access policy lets this user read); None reads every row.
    save_rights : Decision, optional
        Whether the user may save styles for everyone (``decide(user, "restyle", "style")``);
        when not, "Save for everyone" is disabled with the reason. Restyling the
        session (OK, Apply) is open to all.

    Signals
    -------
    applied(object)
        Apply was pressed with a valid style (the new style).
    save_requested()
        "Save for everyone" was pressed, after ``applied``: the window saves the workspace's styles.
    """

    applied = Signal(object)
    save_requested = Signal()

    def __init__(self, layer: VectorLayer | RasterLayer, parent: QWidget | None = None, user=None,
                 save_rights: Decision | None = None) -> None:
        super().__init__(parent)
        self._user = user
        self.setWindowTitle(self.tr("Layer style — {title}").format(title=layer.title))
        self._original = copy.deepcopy(layer.style)
        self._raster = isinstance(layer, RasterLayer)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        lay = QVBoxLayout(self)
        if self._raster:
            self._build_raster(lay)
            if has_own_colours(layer.path):  # a basemap or an RGB image: opacity only
                self.ramp.hide()
                lay.addWidget(QLabel(self.tr("Drawn in its own colours (map tiles or an RGB image).")))
        else:
            self._open_source(layer)
            self._build_vector(lay)
        lay.addWidget(self.message)
        self.opacity = OpacityEditor(self._original.opacity)
        form = QFormLayout()
        form.addRow(self.tr("Layer opacity"), self.opacity)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.Apply)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.save_button = self.buttons.addButton(self.tr("Save for everyone"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("gisdesk.style.save")
        if not self._raster:  # QGIS .qml and OGC .sld files, both ways
            self.load_file_button = self.buttons.addButton(self.tr("Load style…"),
                                                           QDialogButtonBox.ButtonRole.ActionRole)
            self.save_file_button = self.buttons.addButton(self.tr("Save style…"),
                                                           QDialogButtonBox.ButtonRole.ActionRole)
            self.load_file_button.setToolTip(self.tr("Read a QGIS style (.qml) or an SLD file"))
            self.save_file_button.setToolTip(self.tr("Write this style as a QGIS style (.qml) or an SLD file"))
            self.load_file_button.clicked.connect(lambda: self._ask_file(False))
            self.save_file_button.clicked.connect(lambda: self._ask_file(True))
        self._layer_name = getattr(layer, "name", "layer")
        self._workspace = getattr(layer, "source", None)
        self.save_button.clicked.connect(self.save_for_everyone)
        rights = save_rights if save_rights is not None else Decision(True)
        self.save_button.setEnabled(rights.allowed)
        self.save_button.setToolTip(self.tr("Apply, and save the layers and styles in the workspace for everyone")
                                    if rights.allowed else
                                    self.tr("Not available: {reason}").format(reason=rights.reason))
        lay.addWidget(self.buttons)
        self.resize(520, 620 if not self._raster else 460 if self.ramp.isVisibleTo(self) else 170)

    # -- vector ----------------------------------------------------------------------
    def _open_source(self, layer: VectorLayer) -> None:
        self._ds: DataSource | None = None
        self._info = None
        self.kind = "polygon"
        self.columns: list[tuple[str, str]] = []
        try:
            self._ds = open_datasource(layer.source, user=self._user)
            self._info = self._ds.layer(layer.name)
            self.kind = self._info.kind
            self.columns = self._ds.columns(self._info)
        except StoreError as exc:
            self.show_message(exc.message)

    def _build_vector(self, lay: QVBoxLayout) -> None:
        st: VectorStyle = self._original
        self._symbol = copy.deepcopy(st.symbol)
        self._categories = copy.deepcopy(st.categories)
        self._classes = copy.deepcopy(st.classes)
        self._rules = copy.deepcopy(st.rules)
        self._other = copy.deepcopy(st.other)
        top = QFormLayout()
        self.mode_combo = QComboBox()
        for mode, text in (("single", self.tr("Single symbol")), ("categorized", self.tr("Categorized")),
                           ("graduated", self.tr("Graduated")), ("rules", self.tr("Rule-based"))):
            self.mode_combo.addItem(text, mode)
        self.field_combo = QComboBox()
        for name, decl in self.columns:
            self.field_combo.addItem(f"{name}  ({decl.lower() or '?'})", name)
        top.addRow(self.tr("Style"), self.mode_combo)
        self.field_label = QLabel(self.tr("Field"))
        top.addRow(self.field_label, self.field_combo)
        symbology = QWidget()
        sym_lay = QVBoxLayout(symbology)
        sym_lay.addLayout(top)
        sym_lay.addWidget(self._symbol_box())
        sym_lay.addWidget(self._classes_box(), 1)
        self.label_editor = LabelEditor(st.labels, [name for name, _ in self.columns], self.kind)
        self.tabs = QTabWidget()
        self.tabs.addTab(symbology, self.tr("Symbology"))
        self.tabs.addTab(self.label_editor, self.tr("Labels"))
        lay.addWidget(self.tabs, 1)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(st.mode))
        if st.field and self.field_combo.findData(st.field) >= 0:
            self.field_combo.setCurrentIndex(self.field_combo.findData(st.field))
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.field_combo.currentIndexChanged.connect(self._field_changed)
        self._mode_changed()

    def _symbol_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Symbol"))
        form = QFormLayout(box)
        s = self._symbol
        self.fill_button, self.stroke_button = ColorButton(s.fill), ColorButton(s.stroke)
        self.stroke_width = QDoubleSpinBox(decimals=1, minimum=0, maximum=20, singleStep=0.2, value=s.stroke_width)
        self.size_spin = QDoubleSpinBox(decimals=1, minimum=0, maximum=60, singleStep=1, value=s.size)
        self.shape_combo = QComboBox()
        for shape in MARKER_SHAPES:
            self.shape_combo.addItem(self.tr(shape), shape)
        self.shape_combo.setCurrentIndex(MARKER_SHAPES.index(s.shape))
        self.fill_opacity = OpacityEditor(s.fill_opacity)
        rows = [(self.tr("Fill colour"), self.fill_button, self.kind != "line"),
                (self.tr("Stroke colour") if self.kind != "line" else self.tr("Line colour"), self.stroke_button, True),
                (self.tr("Stroke width") if self.kind != "line" else self.tr("Line width"), self.stroke_width, True),
                (self.tr("Marker size"), self.size_spin, self.kind == "point"),
                (self.tr("Marker shape"), self.shape_combo, self.kind == "point"),
                (self.tr("Fill opacity"), self.fill_opacity, self.kind != "line")]
        for label, w, shown in rows:
            if shown:
                form.addRow(label, w)
            else:
                w.hide()
        self.fill_button.color_changed.connect(lambda c: self._base_changed("fill", c))
        self.stroke_button.color_changed.connect(lambda c: self._base_changed("stroke", c))
        self.stroke_width.valueChanged.connect(lambda v: self._base_changed("stroke_width", float(v)))
        self.size_spin.valueChanged.connect(lambda v: self._base_changed("size", float(v)))
        self.shape_combo.currentIndexChanged.connect(lambda _i: self._base_changed("shape", self.shape_combo.currentData()))
        self.fill_opacity.spin.valueChanged.connect(lambda v: self._base_changed("fill_opacity", v / 100))
        return box

    def _classes_box(self) -> QGroupBox:
        self.classes_box = box = QGroupBox(self.tr("Classes"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.class_count = QSpinBox(minimum=2, maximum=20, value=max(len(self._classes), 5))
        self.method_combo = QComboBox()
        self.method_combo.addItem(self.tr("Equal interval"), "equal")
        self.method_combo.addItem(self.tr("Quantile (equal count)"), "quantile")
        self.method_combo.addItem(self.tr("Natural breaks (Jenks)"), "jenks")
        self.ramp_combo = QComboBox()
        for name, colours in RAMPS.items():
            self.ramp_combo.addItem(icon_of(ramp_swatch(RasterStyle([(i, c) for i, c in enumerate(colours)]), 48, 12)),
                                    self.tr(name), name)
        self.classify_button = QPushButton(self.tr("Classify"))
        self.classify_button.clicked.connect(self.classify)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._delete_selected)
        self.add_rule_button = QPushButton(self.tr("Add rule"))
        self.add_rule_button.setToolTip(self.tr("A rule is a filter expression, e.g. \"status\" = 'offline'; "
                                                "the first rule a feature matches gives its symbol"))
        self.add_rule_button.clicked.connect(lambda: self.add_rule(""))
        self._grad_widgets = [QLabel(self.tr("Classes")), self.class_count, self.method_combo, self.ramp_combo]
        for w in self._grad_widgets:
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.classify_button)
        row.addWidget(self.add_rule_button)
        row.addWidget(self.delete_button)
        v.addLayout(row)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Symbol"), self.tr("Value"), self.tr("Legend")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        hdr = self.table.horizontalHeader()
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hdr.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hdr.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_edited)
        v.addWidget(self.table)
        return box

    def mode(self) -> str:
        return self.mode_combo.currentData()

    def field(self) -> str | None:
        return self.field_combo.currentData()

    def _mode_changed(self, *_a) -> None:
        m = self.mode()
        self.field_label.setVisible(m in ("categorized", "graduated"))
        self.field_combo.setVisible(m in ("categorized", "graduated"))
        self.classes_box.setVisible(m != "single")
        for w in self._grad_widgets:
            w.setVisible(m == "graduated")
        self.classify_button.setVisible(m != "rules")
        self.add_rule_button.setVisible(m == "rules")
        self.classes_box.setTitle({"categorized": self.tr("Categories"), "rules": self.tr("Rules (first match wins)")}
                                  .get(m, self.tr("Classes")))
        self.table.setHorizontalHeaderLabels([self.tr("Symbol"), {"categorized": self.tr("Value"),
                                                                  "rules": self.tr("Filter expression")}
                                              .get(m, self.tr("Range")), self.tr("Legend")])
        self.clear_message()
        self._fill_table()

    def _field_changed(self, *_a) -> None:
        if self.mode() == "categorized":
            self._categories = []
        elif self.mode() == "graduated":
            self._classes = []
        self._fill_table()
        if self.mode() != "single":
            self.show_message(self.tr("Press Classify to make classes for '{field}'.").format(field=self.field()),
                              error=False)

    def _items(self) -> list:
        return {"categorized": self._categories, "graduated": self._classes, "rules": self._rules}.get(self.mode(), [])

    def add_rule(self, expression: str, label: str = "") -> None:
        """Append a rule (``expression`` may be empty: fill it in the table) with the next palette colour."""
        self._rules.append(Rule(expression, self._base_for(PALETTE[len(self._rules) % len(PALETTE)]),
                                label or expression))
        if self._other is None:
            self._other = self._base_for("#bbbbbb")
        self._fill_table()

    def _check_rule(self, text: str) -> bool:
        from gisdesk.core.expression import parse

        try:
            parse(text, [name for name, _ in self.columns] or None)
        except ValueError as exc:
            self.show_message(self.tr("Rule: {problem}").format(problem=exc))
            return False
        self.clear_message()
        return True

    def _colour_attr(self) -> str:
        return "stroke" if self.kind == "line" else "fill"

    def _fill_table(self) -> None:
        items = self._items()
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            button = QToolButton()
            button.setAutoRaise(True)
            button.setIcon(icon_of(symbol_swatch(item.symbol, self.kind, 18)))
            button.setToolTip(self.tr("Change colour"))
            button.clicked.connect(lambda _c=False, row=r: self._choose_class_color(row))
            self.table.setCellWidget(r, 0, button)
            value = (str(item.value) if isinstance(item, Category) else item.filter if isinstance(item, Rule)
                     else f"{_fmt(item.lower)} - {_fmt(item.upper)}")
            self.table.setItem(r, 1, QTableWidgetItem(value))
            self.table.setItem(r, 2, QTableWidgetItem(item.label))
        self.table.blockSignals(False)

    def _choose_class_color(self, row: int) -> None:
        sym = self._items()[row].symbol
        c = QColorDialog.getColor(qcolor(getattr(sym, self._colour_attr()) or "#000000"), self,
                                  self.tr("Class colour"))
        if c.isValid():
            self.set_class_color(row, c.name())

    def set_class_color(self, row: int, colour: str) -> None:
        """Give class ``row`` the colour ``colour`` (its fill, or its line colour for lines)."""
        item = self._items()[row]
        item.symbol = replace(item.symbol, **{self._colour_attr(): colour})
        self._fill_table()

    def _item_edited(self, cell: QTableWidgetItem) -> None:
        item = self._items()[cell.row()]
        text = cell.text().strip()
        if cell.column() == 2:
            item.label = text
            return
        if isinstance(item, Rule):
            if not text or self._check_rule(text):
                item.filter = text
                if not item.label:
                    item.label = text
                    self._fill_table()
            return
        if isinstance(item, Category):
            old = item.value
            try:
                item.value = type(old)(text) if isinstance(old, (int, float)) else text
            except ValueError:
                self.show_message(self.tr("'{text}' is not a number.").format(text=text))
            return
        try:
            lo, hi = (float(t) for t in text.replace("–", "-").rsplit(" - ", 1))
            if lo > hi:
                raise ValueError
            item.lower, item.upper = lo, hi
        except ValueError:
            self.show_message(self.tr("Write a range as 'lower - upper', for example '0 - 100'."))
            self._fill_table()

    def _delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        items = self._items()
        for r in rows:
            del items[r]
        self._fill_table()

    def _base_changed(self, attr: str, value) -> None:
        self._symbol = replace(self._symbol, **{attr: value})
        if attr == self._colour_attr():
            return  # the base colour is the single symbol's; classes keep theirs
        for item in self._categories + self._classes + self._rules:
            item.symbol = replace(item.symbol, **{attr: value})
        if self._other is not None:
            self._other = replace(self._other, **{attr: value})
        self._fill_table()

    def classify(self) -> bool:
        """Make the categories (distinct values) or classes (breaks) of the chosen field; False on bad input."""
        self.clear_message()
        field = self.field()
        if self._ds is None or self._info is None or not field:
            self.show_message(self.tr("This layer has no fields to classify by."))
            return False
        try:
            return self._classify_categories(field) if self.mode() == "categorized" else self._classify_graduated(field)
        except StoreError as exc:
            self.show_message(exc.message)
            return False

    def _base_for(self, colour: str) -> Symbol:
        return replace(self._symbol, **{self._colour_attr(): colour})

    def _classify_categories(self, field: str) -> bool:
        values, more = distinct_values(self._ds, self._info, field, MAX_CATEGORIES)
        if not values:
            self.show_message(self.tr("'{field}' has no values in this layer.").format(field=field))
            return False
        self._categories = [Category(v, self._base_for(PALETTE[i % len(PALETTE)]), str(v)) for i, v in enumerate(values)]
        self._other = self._base_for("#bbbbbb")
        self._fill_table()
        if more:
            self.show_message(self.tr("'{field}' has more than {n} values; the first {n} are shown, the others are "
                                      "drawn as 'other'.").format(field=field, n=MAX_CATEGORIES), error=False)
        return True

    def _classify_graduated(self, field: str) -> bool:
        values, non_numeric = numeric_values(self._ds, self._info, field)
        if len(values) == 0:
            msg = (self.tr("'{field}' is not a numeric field; a graduated style needs numbers.") if non_numeric
                   else self.tr("'{field}' has no values in this layer."))
            self.show_message(msg.format(field=field))
            return False
        n = self.class_count.value()
        lo, hi = float(values.min()), float(values.max())
        if lo == hi:
            self.show_message(self.tr("Every value of '{field}' is {v}; there is nothing to grade.").format(
                field=field, v=_fmt(lo)))
            return False
        if self.method_combo.currentData() == "quantile":
            breaks = np.unique(np.quantile(values, np.linspace(0, 1, n + 1)))
        elif self.method_combo.currentData() == "jenks":
            from gisdesk.core.classify import natural_breaks

            breaks = natural_breaks(values, n)
        else:
            breaks = np.linspace(lo, hi, n + 1)
        colours = ramp_colors(RAMPS[self.ramp_combo.currentData()], len(breaks) - 1)
        self._classes = [GradClass(float(a), float(b), self._base_for(c), f"{_fmt(a)} - {_fmt(b)}")
                         for a, b, c in zip(breaks[:-1], breaks[1:], colours)]
        self._fill_table()
        if non_numeric:
            self.show_message(self.tr("{n} values of '{field}' are not numbers and are not drawn.").format(
                n=non_numeric, field=field), error=False)
        return True
    # -- raster ----------------------------------------------------------------------
    def _build_raster(self, lay: QVBoxLayout) -> None:
        self.ramp = RampEditor(self._original.stops)
        self.ramp.problem.connect(lambda text: self.show_message(text) if text else self.clear_message())
        self.stops_table = self.ramp.stops_table
        self.stops, self.set_stops = self.ramp.stops, self.ramp.set_stops
        self.add_stop, self.apply_preset = self.ramp.add_stop, self.ramp.apply_preset
        lay.addWidget(self.ramp, 1)

    # -- result ----------------------------------------------------------------------
    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #555555;")
        self.message.setText(text)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def _build(self) -> tuple[VectorStyle | RasterStyle | None, str]:
        try:
            if self._raster:
                return RasterStyle([(float(v), c) for v, c in self.stops()], self.opacity.value()), ""
            m, opacity, sym = self.mode(), self.opacity.value(), copy.deepcopy(self._symbol)
            try:
                labels = self.label_editor.label_style()
            except ValueError as exc:
                return None, self.tr("Labels: {problem}").format(problem=exc)
            if m == "single":
                return VectorStyle(symbol=sym, opacity=opacity, labels=labels), ""
            if not self._items():
                return None, (self.tr("There are no rules yet: press Add rule.") if m == "rules"
                              else self.tr("There are no classes yet: press Classify."))
            if m == "categorized":
                return VectorStyle("categorized", sym, self.field(), categories=copy.deepcopy(self._categories),
                                   other=copy.deepcopy(self._other), opacity=opacity, labels=labels), ""
            if m == "rules":
                for k, rule in enumerate(self._rules, start=1):
                    if rule.filter.strip() and not self._check_rule(rule.filter):
                        return None, self.tr("Rule {k}: the filter is not valid.").format(k=k)
                return VectorStyle("rules", sym, None, rules=copy.deepcopy(self._rules),
                                   other=copy.deepcopy(self._other), opacity=opacity, labels=labels), ""
            return VectorStyle("graduated", sym, self.field(), classes=copy.deepcopy(self._classes),
                               opacity=opacity, labels=labels), ""
        except ValueError as exc:
            return None, str(exc)

    def result_style(self) -> VectorStyle | RasterStyle:
        """The edited style (a new object), or the original one when the input is not valid."""
        style, _ = self._build()
        return style if style is not None else copy.deepcopy(self._original)

    def _validated(self) -> bool:
        style, error = self._build()
        if style is None:
            self.show_message(error)
        return style is not None

    def apply(self) -> None:
        """Emit ``applied`` with the edited style when it is valid."""
        if self._validated():
            self.applied.emit(self.result_style())

    def save_for_everyone(self) -> None:
        """Apply the edited style, then ask the window to save the workspace's styles."""
        if self.save_button.isEnabled() and self._validated():
            self.applied.emit(self.result_style())
            self.save_requested.emit()

    def accept(self) -> None:  # noqa: D102 - Qt override
        if self._validated():
            super().accept()

    # -- style files -----------------------------------------------------------------
    def _ask_file(self, save: bool) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, self.tr("Save style") if save else self.tr("Load style"), "",
                             self.tr("QGIS style (*.qml)") + ";;" + self.tr("SLD (*.sld)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
        if save:
            dialog.setDefaultSuffix("qml")
        dialog.fileSelected.connect(lambda path: (self.save_style_file(path) if save else self.load_style_file(path))
                                    if path else None)
        dialog.open()  # not exec(): the window keeps running
        self._file_dialog = dialog

    def load_style_file(self, path: str) -> bool:
        """Show the style of a ``.qml`` or ``.sld`` file in the dialog (Apply or OK uses it); says what did
        not cross from the file. False, with the reason shown, when the file cannot be used."""
        from gisdesk.store.style_files import read_style_file

        try:
            style, notes = read_style_file(path)
        except StoreError as exc:
            self.show_message(exc.message)
            return False
        if style.field and self.columns and style.field.lower() not in {n.lower() for n, _ in self.columns}:
            self.show_message(self.tr("The style classifies by '{field}', which this layer does not have.").format(
                field=style.field))
            return False
        self._original = style
        old = self.tabs
        holder = QVBoxLayout()
        self._build_vector(holder)
        self.layout().replaceWidget(old, self.tabs)
        old.deleteLater()
        self.opacity.spin.setValue(round(style.opacity * 100))
        if notes:
            self.show_message(self.tr("Loaded; not everything crossed: {notes}").format(notes="; ".join(notes)),
                              error=False)
        else:
            self.show_message(self.tr("Loaded: press Apply or OK to use it."), error=False)
        return True

    def save_style_file(self, path: str) -> bool:
        """Write the edited style to ``path`` (``.sld`` or QGIS ``.qml``); False with the reason shown."""
        from gisdesk.store.style_files import write_style_file

        style, error = self._build()
        if style is None:
            self.show_message(error)
            return False
        try:
            written = write_style_file(style, self.kind, path, self._layer_name,
                                       protected=(self._workspace,) if self._workspace else ())
        except (StoreError, OSError) as exc:
            self.show_message(getattr(exc, "message", None) or str(exc))
            return False
        self.show_message(self.tr("Style written to {name}.").format(name=written.name), error=False)
        return True

    def done(self, r: int) -> None:  # noqa: D102 - Qt override
        if not self._raster and self._ds is not None:
            self._ds.close()
            self._ds = None
        super().done(r)

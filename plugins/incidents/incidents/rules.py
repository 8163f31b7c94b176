"""The routing rules dialog: the category list and the department each category goes to (Qt)."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from gisdesk.api import PermissionDenied, PluginContext, ValidationError

from incidents.form import tr


class RulesDialog(QDialog):
    """Edit the categories and their departments; OK stores the changed rows (each recorded)."""

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidents.rules")
        self.setWindowTitle(tr("Incident categories and routing rules"))
        self.ctx = ctx
        self.rules = ctx.incidents.rules()
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("A new incident goes to the department of its category. Add a row for a new "
                                "category; change a department to re-route future incidents.")))
        self.table = QTableWidget(len(self.rules), 2, self)
        self.table.setHorizontalHeaderLabels([tr("Category"), tr("Department")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, (cat, dep) in enumerate(self.rules.items()):
            self.table.setItem(r, 0, QTableWidgetItem(cat))
            self.table.setItem(r, 1, QTableWidgetItem(dep))
        lay.addWidget(self.table)
        add = QPushButton(tr("Add a category"))
        add.clicked.connect(self.add_row)
        lay.addWidget(add)
        self.error = QLabel(objectName="incidents.rules.error")
        self.error.setStyleSheet("color: #b00020")
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 420)

    def add_row(self) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(""))
        self.table.setItem(r, 1, QTableWidgetItem(""))
        self.table.editItem(self.table.item(r, 0))

    def rows(self) -> list[tuple[str, str]]:
        out = []
        for r in range(self.table.rowCount()):
            cat, dep = (self.table.item(r, c).text().strip() if self.table.item(r, c) else "" for c in (0, 1))
            if cat or dep:
                out.append((cat, dep))
        return out

    def accept(self) -> None:
        rows = self.rows()
        bad = [cat or dep for cat, dep in rows if not cat or not dep]
        if bad:
            self.error.setText(tr("Each row needs a category and a department: ") + ", ".join(bad))
            return
        try:
            for cat, dep in rows:
                if self.rules.get(cat) != dep:
                    self.ctx.incidents.set_rule(cat, dep)
        except (ValidationError, PermissionDenied) as exc:
            self.error.setText(str(exc))
            return
        super().accept()

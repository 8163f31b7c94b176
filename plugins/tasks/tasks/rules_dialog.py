"""The dispatch rules dialog (the Chongqing pattern): which arriving incidents become assigned tasks (Qt).

:class:`RulesDialog` lists the workspace's dispatch rules in the order they are tried
(source, category, minimum severity, area, action, unit, priority, enabled), adds,
edits and deletes them through ``ctx.tasks`` and, with **Dry run**, shows per rule how
many of the last 30 days' incidents it would have dispatched (nothing is written).
Who may change rules is the access policy's ``edit`` on ``routing_rule`` (the city);
a refusal shows one line and changes nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gisdesk.api import (DISPATCH_SOURCES, DISPATCH_UNITS, RULE_ACTIONS, DispatchRule, PermissionDenied,
                         PluginContext, StoreError, ValidationError)

from tasks.actions import tr

COLUMNS = ("Name", "Source", "Category", "Min. severity", "Area", "Action", "Unit", "Priority", "Enabled",
           "Last 30 days")
#: People's words for the rule fields' values (translated where shown).
WORDS: dict[str, str] = {"camera": "camera", "sensor": "sensor", "hotline": "hotline", "officer": "officer",
                         "open311": "Open311", "assign": "assign at once", "confirm": "dispatcher confirms",
                         "commune": "commune", "department": "department"}
#: The dry run looks this far back.
DRY_RUN_DAYS = 30


def _word(value: str | None) -> str:
    return tr("any") if value is None else tr(WORDS.get(value, value))


def _cell(text: Any) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class RuleEditor(QDialog):
    """Add or change one dispatch rule (every field of :class:`DispatchRule`)."""

    def __init__(self, ctx: PluginContext, rule: DispatchRule | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasks.rule_editor")
        self.setWindowTitle(tr("New dispatch rule") if rule is None else tr("Edit dispatch rule"))
        self.rule_id = rule.id if rule is not None else None
        self.setMinimumWidth(440)
        rule = rule or DispatchRule(None, "")
        form = QFormLayout(self)
        self.name = QLineEdit(rule.name, objectName="tasks.rule.name")
        form.addRow(tr("Name"), self.name)
        self.source = self._combo("source", [None, *DISPATCH_SOURCES], rule.source)
        form.addRow(tr("Source"), self.source)
        cats = ctx.incidents.categories() if ctx.incidents.available else []
        self.category = self._combo("category", [None, *cats], rule.category, words=False)
        form.addRow(tr("Category"), self.category)
        self.min_severity = QSpinBox(objectName="tasks.rule.min_severity", minimum=1, maximum=4)
        self.min_severity.setValue(rule.min_severity)
        form.addRow(tr("Minimum severity"), self.min_severity)
        communes = ctx.incidents.communes() if ctx.incidents.available else []
        self.area = self._combo("area", [None, *communes], rule.area, words=False)
        form.addRow(tr("Area (commune)"), self.area)
        self.action = self._combo("action", list(RULE_ACTIONS), rule.action)
        form.addRow(tr("Action"), self.action)
        self.unit = self._combo("unit", list(DISPATCH_UNITS), rule.unit)
        form.addRow(tr("Send to the routed"), self.unit)
        self.priority = QSpinBox(objectName="tasks.rule.priority", minimum=-100000, maximum=100000)
        self.priority.setValue(rule.priority)
        self.priority.setToolTip(tr("Lower numbers are tried first; the first rule that matches decides."))
        form.addRow(tr("Priority"), self.priority)
        self.enabled = QCheckBox(tr("Enabled"), objectName="tasks.rule.enabled")
        self.enabled.setChecked(rule.enabled)
        form.addRow("", self.enabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _combo(self, name: str, values: list[str | None], current: str | None, words: bool = True) -> QComboBox:
        box = QComboBox(objectName=f"tasks.rule.{name}")
        for v in values:
            box.addItem(_word(v) if words or v is None else v, v)
        box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
        return box

    def rule(self) -> DispatchRule:
        """The rule as the form says (checked when saved)."""
        return DispatchRule(self.rule_id, self.name.text(), self.source.currentData(), self.category.currentData(),
                            self.min_severity.value(), self.area.currentData(), self.action.currentData(),
                            self.unit.currentData(), self.priority.value(), self.enabled.isChecked())


class RulesDialog(QDialog):
    """The dispatch rules, their editor and their dry run.

    Parameters
    ----------
    ctx : PluginContext
        ``ctx.tasks`` reads, saves and tries the rules as the signed-in user.
    now : callable, optional
        The moment the dry run's 30 days end (tests pin it).
    """

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasks.rules")
        self.setWindowTitle(tr("Dispatch rules"))
        self.ctx = ctx
        self.now = now or (lambda: datetime.now(timezone.utc))
        self.rules: list[DispatchRule] = []
        self.counts: dict[int, int] = {}
        #: Opens the editor and returns the rule to save, or None (tests replace it).
        self.edit_rule: Callable[[DispatchRule | None], DispatchRule | None] = self._edit
        #: Asked before a rule is deleted (tests answer it).
        self.confirm: Callable[[str], bool] = self._confirm
        lay = QVBoxLayout(self)
        intro = QLabel(tr("Arriving incidents are tried against these rules in priority order; the first that "
                          "matches creates the task and assigns it to the routed unit with the SLA deadline "
                          "(or asks the dispatcher to confirm)."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS), objectName="tasks.rules.table")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        lay.addWidget(self.table, 1)
        self.summary = QLabel(objectName="tasks.rules.summary")  # one short line per rule: no wrapping
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary)
        self.message = QLabel(objectName="tasks.rules.message")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("Add…"), objectName="tasks.rules.add")
        self.edit_button = QPushButton(tr("Edit…"), objectName="tasks.rules.edit")
        self.delete_button = QPushButton(tr("Delete"), objectName="tasks.rules.delete")
        self.dry_button = QPushButton(tr("Dry run"), objectName="tasks.rules.dry_run")
        close = QPushButton(tr("Close"), objectName="tasks.rules.close")
        self.add_button.clicked.connect(lambda: self.add())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.dry_button.clicked.connect(lambda: self.dry_run())
        close.clicked.connect(self.accept)
        for b in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.dry_button)
        row.addWidget(close)
        lay.addLayout(row)
        may = ctx.tasks.may("edit", "routing_rule")
        for b in (self.add_button, self.edit_button, self.delete_button):
            b.setEnabled(may.allowed)
            b.setToolTip("" if may.allowed else may.reason)
        self.resize(980, 540)
        self.reload()

    # -- the list ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the rules again (the dry run's counts are kept for rules that did not change)."""
        try:
            self.rules = self.ctx.tasks.dispatch_rules()
        except (PermissionDenied, StoreError) as exc:
            self.rules = []
            self._say(str(exc), error=True)
        self.table.setRowCount(len(self.rules))
        for r, rule in enumerate(self.rules):
            values = [rule.name, _word(rule.source), rule.category or tr("any"), rule.min_severity,
                      rule.area or tr("whole city"), _word(rule.action), _word(rule.unit), rule.priority,
                      tr("yes") if rule.enabled else tr("no"), self._count_text(rule)]
            for c, v in enumerate(values):
                self.table.setItem(r, c, _cell(v))

    def _count_text(self, rule: DispatchRule) -> str:
        if rule.id not in self.counts:
            return "—" if rule.enabled else tr("disabled")
        return f"{self.counts[rule.id]:,}"

    def selected(self) -> DispatchRule | None:
        """The rule selected in the list, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.rules[rows[0].row()] if rows else None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")

    # -- changes -----------------------------------------------------------------------
    def _edit(self, rule: DispatchRule | None) -> DispatchRule | None:
        editor = RuleEditor(self.ctx, rule, self)
        return editor.rule() if editor.exec() == QDialog.DialogCode.Accepted else None

    def save(self, rule: DispatchRule) -> DispatchRule | None:
        """Store ``rule`` (added or changed); None and the reason shown when refused."""
        try:
            stored = self.ctx.tasks.save_dispatch_rule(rule)
        except (PermissionDenied, ValidationError, StoreError, KeyError) as exc:
            self._say(tr("Not saved: {why}").format(why=exc), error=True)
            return None
        self.counts.pop(stored.id, None)
        self.reload()
        self._say(tr("Saved rule {label}.").format(label=stored.label))
        return stored

    def add(self) -> DispatchRule | None:
        """Add a rule from the editor."""
        rule = self.edit_rule(None)
        return self.save(rule) if rule is not None else None

    def edit_selected(self) -> DispatchRule | None:
        """Change the selected rule in the editor."""
        current = self.selected()
        if current is None:
            self._say(tr("Pick a rule in the list first."), error=True)
            return None
        rule = self.edit_rule(current)
        return self.save(rule) if rule is not None else None

    def _confirm(self, text: str) -> bool:
        return QMessageBox.question(self, tr("Delete dispatch rule"), text) == QMessageBox.StandardButton.Yes

    def delete_selected(self) -> bool:
        """Delete the selected rule (asked first); True when deleted."""
        rule = self.selected()
        if rule is None:
            self._say(tr("Pick a rule in the list first."), error=True)
            return False
        if not self.confirm(tr("Delete rule {label}? Tasks it dispatched keep their history.").format(
                label=rule.label)):
            return False
        try:
            self.ctx.tasks.delete_dispatch_rule(rule.id)
        except (PermissionDenied, StoreError, KeyError) as exc:
            self._say(tr("Not deleted: {why}").format(why=exc), error=True)
            return False
        self.counts.pop(rule.id, None)
        self.reload()
        self._say(tr("Deleted rule {label}.").format(label=rule.label))
        return True

    # -- dry run -----------------------------------------------------------------------
    def dry_run(self) -> dict[int, int]:
        """Per enabled rule, how many of the last 30 days' incidents it would have dispatched (shown)."""
        end = self.now()
        try:
            rows, tried = self.ctx.tasks.dispatch_dry_run(start=end - timedelta(days=DRY_RUN_DAYS), end=end)
        except (PermissionDenied, StoreError) as exc:
            self._say(str(exc), error=True)
            return {}
        self.counts = {row.rule.id: row.count for row in rows}
        self.reload()
        lines = [tr("Rule {label} would have dispatched {n} of the last 30 days' incidents.").format(
            label=row.rule.label, n=f"{row.count:,}") for row in rows]
        taken = sum(self.counts.values())
        lines.append(tr("{taken} of {tried} incidents of the last 30 days would have been dispatched "
                        "automatically.").format(taken=f"{taken:,}", tried=f"{tried:,}"))
        self.summary.setText("\n".join(lines))
        self.layout().activate()  # the summary grows at once, not at the next event loop turn
        self._say("")
        return dict(self.counts)

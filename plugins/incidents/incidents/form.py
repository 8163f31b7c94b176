"""The incident form: category, severity, channel, time, address, description, routing,
attachments; validation and routing shown as the user types (Qt).

The form holds no storage logic: :class:`~incidents.panel.IncidentsPanel` loads it
(:meth:`IncidentForm.new` / :meth:`IncidentForm.edit`), asks it for :meth:`values` and
shows what ``ctx.incidents.prepare`` says with :meth:`show_check`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Mapping

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from gisdesk.api import CHANNELS, STATUSES, Incident, PluginContext

SEVERITY_NAMES = {1: "low", 2: "medium", 3: "high", 4: "critical"}


def tr(text: str) -> str:
    return QCoreApplication.translate("IncidentsPanel", text)


def allow(control: Any, decision: Any) -> None:
    """Enable ``control`` (a widget or an action) when the access policy's ``decision`` allows;
    otherwise disable it with the policy's reason as its tooltip (the usual tooltip comes back
    when it is allowed again)."""
    usual = control.property("gisdesk_usual_tip")
    if usual is None:
        usual = control.toolTip()
        control.setProperty("gisdesk_usual_tip", usual)
    allowed = bool(decision)
    control.setEnabled(allowed)
    control.setToolTip(usual if allowed else tr("Not allowed: {reason}").format(
        reason=getattr(decision, "reason", "") or tr("the access policy says no")))


class IncidentForm(QWidget):
    """Edit one incident's attributes (a new one, or a stored one)."""

    #: Something the user changed (the panel re-checks validation and routing).
    edited = Signal()
    save_requested = Signal()
    cancel_requested = Signal()
    delete_requested = Signal()
    #: "Create task" for the incident shown (the panel hands it to the Tasks panel).
    task_requested = Signal()

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.uuid: str | None = None  # None: a new incident
        self.version: int | None = None  # the version of the stored incident shown (given back on save)
        self.rights: dict[str, Any] = {}  # action -> the policy's Decision for what is shown
        self._valid = False  # what the form holds passed validation
        self.geometry: Any = None
        self.pending_files: list[str] = []  # attachments of a new incident, stored when it is saved
        self.routed: tuple[str | None, str | None] = (None, None)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel()
        self.title.setObjectName("incidents.form.title")
        self.title.setStyleSheet("font-weight: bold")
        lay.addWidget(self.title)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.category = QComboBox(objectName="incidents.form.category")
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.setToolTip(tr("Pick a category or type a new one; its department comes from the routing rules."))
        form.addRow(tr("&Category"), self.category)
        self.severity = QComboBox(objectName="incidents.form.severity")
        for level, name in SEVERITY_NAMES.items():
            self.severity.addItem(f"{level} – {tr(name)}", level)
        form.addRow(tr("&Severity"), self.severity)
        self.channel = QComboBox(objectName="incidents.form.channel")
        for ch in CHANNELS:
            self.channel.addItem(tr(ch), ch)
        form.addRow(tr("C&hannel"), self.channel)
        self.when = QDateTimeEdit(objectName="incidents.form.when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setToolTip(tr("When it happened (local time; stored in UTC)"))
        form.addRow(tr("&Happened at"), self.when)
        self.address = QLineEdit(objectName="incidents.form.address")
        self.address.setPlaceholderText(tr("Street, landmark…"))
        form.addRow(tr("&Address"), self.address)
        self.description = QPlainTextEdit(objectName="incidents.form.description")
        self.description.setPlaceholderText(tr("What is happening, who reported it…"))
        self.description.setFixedHeight(64)
        form.addRow(tr("&Description"), self.description)
        self.status = QComboBox(objectName="incidents.form.status")
        for st in STATUSES:
            self.status.addItem(tr(st.replace("_", " ")), st)
        self.status_label = QLabel(tr("S&tatus"))
        self.status_label.setBuddy(self.status)
        form.addRow(self.status_label, self.status)
        self.review = QCheckBox(tr("Needs review"), objectName="incidents.form.review")
        self.review.setToolTip(tr("Someone should confirm this report (e.g. a low-confidence camera detection)"))
        form.addRow("", self.review)
        lay.addLayout(form)

        lay.addWidget(self._routing_box())
        self.check = QLabel(objectName="incidents.form.check")
        self.check.setWordWrap(True)
        self.check.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.check)
        lay.addWidget(self._attachments_box())
        self.history = QListWidget(objectName="incidents.form.history")
        self.history.setMaximumHeight(110)
        self.history_box = QGroupBox(tr("History"))
        QVBoxLayout(self.history_box).addWidget(self.history)
        lay.addWidget(self.history_box)

        buttons = QHBoxLayout()
        self.save = QPushButton(tr("&Save"), objectName="incidents.form.save")
        self.save.setToolTip(tr("Store the incident (Ctrl+Return)"))
        self.save.setShortcut("Ctrl+Return")
        self.save.setDefault(True)
        self.cancel = QPushButton(tr("Cancel"), objectName="incidents.form.cancel")
        self.delete = QPushButton(tr("Delete…"), objectName="incidents.form.delete")
        self.create_task = QPushButton(tr("Create task…"), objectName="incidents.form.create_task")
        self.create_task.setToolTip(tr("A task about this incident, assigned to the routed unit"))
        buttons.addWidget(self.delete)
        buttons.addWidget(self.create_task)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        lay.addLayout(buttons)
        lay.addStretch(1)
        for combo in (self.category, self.severity, self.channel, self.status, self.commune, self.department):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.save.clicked.connect(self.save_requested)
        self.cancel.clicked.connect(self.cancel_requested)
        self.delete.clicked.connect(self.delete_requested)
        self.create_task.clicked.connect(self.task_requested)
        for sig in (self.category.currentTextChanged, self.when.dateTimeChanged, self.override.toggled,
                    self.commune.currentTextChanged, self.department.currentTextChanged, self.reason.textChanged):
            sig.connect(lambda *_: self.edited.emit())
        self.override.toggled.connect(self._show_override)
        self.clear()

    # -- parts ---------------------------------------------------------------------
    def _routing_box(self) -> QGroupBox:
        box = QGroupBox(tr("Routing"))
        grid = QFormLayout(box)
        self.routed_commune = QLabel(objectName="incidents.form.routed_commune")
        self.routed_department = QLabel(objectName="incidents.form.routed_department")
        self.routed_department.setWordWrap(True)
        grid.addRow(tr("Commune"), self.routed_commune)
        grid.addRow(tr("Department"), self.routed_department)
        self.override = QCheckBox(tr("&Override the routing"), objectName="incidents.form.override")
        grid.addRow("", self.override)
        self.commune = QComboBox(objectName="incidents.form.commune")
        self.department = QComboBox(objectName="incidents.form.department")
        self.department.setEditable(True)
        self.reason = QLineEdit(objectName="incidents.form.reason")
        self.reason.setPlaceholderText(tr("Why (required to override)"))
        self._override_rows = []
        for label, w in ((tr("Send to commune"), self.commune), (tr("Send to department"), self.department),
                         (tr("Reason"), self.reason)):
            lab = QLabel(label)
            grid.addRow(lab, w)
            self._override_rows.append((lab, w))
        return box

    def _attachments_box(self) -> QGroupBox:
        box = QGroupBox(tr("Photos and files"))
        v = QVBoxLayout(box)
        self.files = QListWidget(objectName="incidents.form.files")
        self.files.setMaximumHeight(80)
        v.addWidget(self.files)
        row = QHBoxLayout()
        self.add_file = QPushButton(tr("Add…"), objectName="incidents.form.add_file")
        self.add_file.setToolTip(tr("JPEG, PNG, GIF or WebP photos, PDF or text files, up to 20 MB each; "
                                    "kept inside the workspace"))
        self.remove_file = QPushButton(tr("Remove"), objectName="incidents.form.remove_file")
        row.addWidget(self.add_file)
        row.addWidget(self.remove_file)
        row.addStretch(1)
        v.addLayout(row)
        self.add_file.clicked.connect(self._pick_files)
        self.remove_file.clicked.connect(self._remove_file)
        return box

    def _show_override(self, on: bool) -> None:
        for lab, w in self._override_rows:
            lab.setVisible(on)
            w.setVisible(on)

    # -- loading -------------------------------------------------------------------
    def fill_lists(self) -> None:
        """Categories, communes and departments from the workspace (kept: what is typed)."""
        inc = self.ctx.incidents
        text = self.category.currentText()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItems(inc.categories())
        self.category.setEditText(text)
        self.category.blockSignals(False)
        self.commune.clear()
        self.commune.addItems(inc.communes())
        self.department.clear()
        self.department.addItems(inc.departments())

    def apply_rights(self, rights: Mapping[str, Any]) -> None:
        """Enable the controls the access policy allows for what is shown; the others are disabled
        with the policy's reason as tooltip. ``rights``: ``edit``, ``change_status``, ``reroute``,
        ``delete`` -> Decision."""
        self.rights = dict(rights)
        edit = rights.get("edit")
        for w in (self.category, self.severity, self.channel, self.when, self.address, self.description,
                  self.review, self.add_file, self.remove_file):
            allow(w, edit)
        allow(self.status, rights.get("change_status"))
        allow(self.override, rights.get("reroute"))
        if not rights.get("reroute") and self.override.isChecked():
            self.override.setChecked(False)
        allow(self.delete, rights.get("delete"))
        if "create_task" in rights:
            allow(self.create_task, rights["create_task"])
        self._update_save()

    def _may_save(self) -> Any:
        for action in ("edit", "change_status", "reroute"):
            if self.rights.get(action):
                return self.rights[action]
        return self.rights.get("edit")

    def _update_save(self) -> None:
        may = self._may_save()
        allow(self.save, may)  # refused: disabled with the policy's reason; allowed: the usual tooltip
        if may:
            self.save.setEnabled(self._valid and not (self.override.isChecked() and not self.reason.text().strip()))

    def show_refusal(self, text: str) -> None:
        """Say why a change was refused (the access policy, or a conflict), keeping what was typed."""
        self.check.setText(f"<span style='color:#b00020'>{_esc(text)}</span>")

    def clear(self) -> None:
        self.uuid, self.version, self.geometry, self.pending_files = None, None, None, []
        self.title.setText(tr("Draw an incident on the map with the buttons above, or pick one in the list."))
        self.setEnabled(False)
        self.files.clear()
        self.history.clear()
        self.check.clear()

    def new(self, geometry: Any) -> None:
        """Start a new incident at ``geometry``, keeping the category and channel last used."""
        self.setEnabled(True)
        self.uuid, self.version, self.geometry, self.pending_files = None, None, geometry, []
        kind = {"Point": tr("point"), "LineString": tr("line"), "Polygon": tr("area")}.get(geometry.geom_type,
                                                                                          geometry.geom_type)
        self.title.setText(tr("New incident") + f" ({kind})")
        self.when.setDateTime(QDateTime.currentDateTime())
        self.description.clear()
        self.address.clear()
        self.override.setChecked(False)
        self.reason.clear()
        self.review.setChecked(False)
        for w in (self.status, self.status_label, self.delete, self.history_box, self.create_task):
            w.setVisible(False)
        self._show_override(False)
        self.files.clear()
        self.history.clear()
        if not self.category.currentText():
            self.category.setCurrentIndex(0)
        self.edited.emit()

    def edit(self, inc: Incident, events: list[dict], files: list[dict]) -> None:
        """Show a stored incident for editing."""
        self.setEnabled(True)
        self.uuid, self.version, self.geometry, self.pending_files = inc.uuid, inc.version, inc.geometry, []
        self.title.setText(tr("Incident") + f" {inc.uuid[:8]} · {inc.category}")
        self.category.setEditText(inc.category)
        self.severity.setCurrentIndex(self.severity.findData(int(inc.severity)))
        self.channel.setCurrentIndex(self.channel.findData(inc.channel))
        self.status.setCurrentIndex(self.status.findData(inc.status))
        when = QDateTime.fromSecsSinceEpoch(int(inc.occurred_at.timestamp()), QTimeZone.utc()).toLocalTime()
        self.when.setDateTime(when)
        self.address.setText(inc.address)
        self.description.setPlainText(inc.description)
        self.review.setChecked(bool(inc.needs_review))
        self.override.setChecked(False)
        self.reason.clear()
        self.routed = (inc.commune, inc.department)
        self.commune.setCurrentText(inc.commune or "")
        self.department.setCurrentText(inc.department or "")
        for w in (self.status, self.status_label, self.delete, self.history_box, self.create_task):
            w.setVisible(True)
        self._show_override(False)
        self.history.clear()
        outside = {"edited_outside": tr("edited outside gisdesk"), "created_outside": tr("created outside gisdesk"),
                   "deleted_outside": tr("deleted outside gisdesk")}
        for e in reversed(events):
            what = outside.get(e["action"], e["action"]) + (f" {e['field']}" if e.get("field") else "")
            if e.get("to_state") and e.get("field") not in ("geometry",):
                what += f" → {e['to_state']}"
            note = f" ({e['note']})" if e.get("note") and not str(e["note"]).startswith("{") else ""
            self.history.addItem(f"{e['at'].replace('T', ' ').rstrip('Z')}  {e['who']}: {what}{note}")
        self.files.clear()
        for f in files:
            item = QListWidgetItem(f"{f['name']}  ({f['mime']}, {f['size'] / 1024:.0f} KB)")
            item.setData(Qt.ItemDataRole.UserRole, f["id"])
            self.files.addItem(item)
        self.edited.emit()

    # -- attachments ---------------------------------------------------------------
    def _pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Attach photos or files"), "",
                                                tr("Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.pdf "
                                                   "*.txt);;All files (*)"))
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> list[str]:
        """Check and queue (new incident) or attach (stored one) ``paths``; returns the refusals."""
        refused = []
        for p in paths:
            try:
                if self.uuid is None:
                    mime = self.ctx.incidents.check_attachment(p)
                    self.pending_files.append(p)
                    item = QListWidgetItem(f"{p.rsplit('/', 1)[-1]}  ({mime}, {tr('stored on save')})")
                    item.setData(Qt.ItemDataRole.UserRole + 1, p)
                    self.files.addItem(item)
                else:
                    att = self.ctx.incidents.attach(self.uuid, p)
                    item = QListWidgetItem(p.rsplit("/", 1)[-1])
                    item.setData(Qt.ItemDataRole.UserRole, att)
                    self.files.addItem(item)
            except Exception as exc:
                refused.append(str(exc))
        if refused:
            self.ctx.notify(tr("Not attached: ") + "; ".join(refused), "warning")
        return refused

    def _remove_file(self) -> None:
        item = self.files.currentItem()
        if item is None:
            return
        att = item.data(Qt.ItemDataRole.UserRole)
        if att:
            try:
                self.ctx.incidents.remove_attachment(att, "removed in the form")
            except Exception as exc:  # refused by the access policy, or gone meanwhile: say why
                self.show_refusal(tr("Not removed: ") + str(exc))
                return
        else:
            path = item.data(Qt.ItemDataRole.UserRole + 1)
            if path in self.pending_files:
                self.pending_files.remove(path)
        self.files.takeItem(self.files.row(item))

    # -- values --------------------------------------------------------------------
    def occurred_at(self) -> datetime:
        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), timezone.utc)

    def values(self) -> dict[str, Any]:
        """The attributes as entered (``commune``/``department`` only when overridden)."""
        out: dict[str, Any] = {
            "category": self.category.currentText().strip(), "severity": int(self.severity.currentData()),
            "channel": self.channel.currentData(), "occurred_at": self.occurred_at(),
            "address": self.address.text().strip(), "description": self.description.toPlainText().strip(),
            "needs_review": self.review.isChecked(),
        }
        if self.uuid is not None:
            out["status"] = self.status.currentData()
        if self.override.isChecked():
            out["commune"] = self.commune.currentText() or None
            out["department"] = self.department.currentText().strip() or None
        return out

    def override_reason(self) -> str:
        return self.reason.text().strip() if self.override.isChecked() else ""

    def show_check(self, commune: str | None, department: str | None, notes: list[str], error: str = "") -> None:
        """Show the routing and what validation said; Save is enabled only when it can be stored."""
        self.routed = (commune, department)
        self.routed_commune.setText(commune or tr("outside every commune"))
        self.routed_department.setText(department or tr("no rule for this category"))
        parts = []
        if error:
            parts.append(f"<span style='color:#b00020'>{_esc(error)}</span>")
        parts += [f"<span style='color:#8a6100'>{_esc(n)}</span>" for n in notes]
        if self.override.isChecked() and not self.reason.text().strip():
            parts.append(f"<span style='color:#b00020'>{_esc(tr('Give a reason to override the routing.'))}</span>")
        self.check.setText("<br>".join(parts))
        self._valid = not error
        self._update_save()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""One small form per task action: only the fields that action needs (Qt).

:class:`ActionForm` is a non-modal dialog. :meth:`ActionForm.submit` takes the action
through ``ctx.tasks.transition`` with the version the form was opened on; on any error
the message is shown in the form and nothing the user typed is lost. A conflict (the
task changed meanwhile) reloads the task and says so; submitting again then acts on
the reloaded version.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDateTime, QTimer, QTimeZone
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from gisdesk.api import (TRANSITIONS, ConflictError, InvalidTransition, PermissionDenied, PluginContext, StoreError,
                         Task, ValidationError)

from tasks import wording
from tasks.evidence import PositionField


def tr(text: str) -> str:
    return QCoreApplication.translate("TasksPanel", text)


#: Button labels of the actions and state names (written for people: :mod:`tasks.wording`).
ACTION_LABELS = wording.ACTION_LABELS
STATE_LABELS = wording.STATE_LABELS
CONFLICT = "Changed by someone else — reloaded. Check the task and submit again if still needed."


class ActionForm(QDialog):
    """Take ``action`` on ``task``; ``on_done(task)`` after a change, ``reload()`` returns the fresh task."""

    def __init__(self, ctx: PluginContext, task: Task, action: str, on_done: Callable[[Task | None], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tasks.action.{action}")
        self.ctx, self.task, self.action, self.on_done = ctx, task, action, on_done
        self.setWindowTitle(tr(ACTION_LABELS.get(action, action)).rstrip("…") + " — " + task.title[:60])
        self.photo_path: str | None = None
        self._attached: tuple[str | None, str | None] = (None, None)
        self.fields: dict[str, QWidget] = {}
        lay = QVBoxLayout(self)
        head = QLabel(tr("Task: {title} ({state})").format(title=task.title, state=wording.state_label(task.state, tr)))
        head.setWordWrap(True)
        lay.addWidget(head)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._build(form)
        lay.addLayout(form)
        self.message = QLabel(objectName="tasks.action.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(ACTION_LABELS.get(action, action)).rstrip("…"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(380)

    # -- fields ----------------------------------------------------------------------
    def _build(self, form: QFormLayout) -> None:
        a = self.action
        if a in ("assign", "reassign"):
            self.unit_kind = QComboBox(objectName="tasks.action.unit_kind")
            self.unit_kind.addItem(tr("Commune"), "commune")
            self.unit_kind.addItem(tr("City department"), "department")
            self.unit = QComboBox(objectName="tasks.action.unit")
            self.unit.setEditable(True)
            self.unit_kind.currentIndexChanged.connect(self._fill_units)
            self._fill_units()
            if self.task.department and not self.task.commune:
                self.unit_kind.setCurrentIndex(1)
            form.addRow(tr("Assign to"), self.unit_kind)
            form.addRow(tr("Unit"), self.unit)
            self.routed_label = QLabel(objectName="tasks.action.routed")
            self.routed_label.setWordWrap(True)
            form.addRow(tr("Routed to"), self.routed_label)
            self.off_route = QLabel(objectName="tasks.action.off_route")
            self.off_route.setWordWrap(True)
            self.off_route.setStyleSheet("color: #8a6100")
            self.off_reason = QLineEdit(objectName="tasks.action.off_reason")
            self.off_reason.setPlaceholderText(tr("Required: why not the routed unit?"))
            self.off_reason_label = QLabel(tr("Why another unit"))
            form.addRow(self.off_route)
            form.addRow(self.off_reason_label, self.off_reason)
            self.use_sla = QCheckBox(tr("Deadline from the SLA rules"), objectName="tasks.action.use_sla")
            self.use_sla.setChecked(True)
            self.sla_label = QLabel(objectName="tasks.action.sla")
            self.sla_label.setWordWrap(True)
            self.deadline = QDateTimeEdit(objectName="tasks.action.deadline")
            self.deadline.setCalendarPopup(True)
            self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
            self.deadline.setVisible(False)
            self.use_sla.toggled.connect(self._sla_toggled)
            form.addRow(self.use_sla)
            form.addRow(tr("Deadline"), self.sla_label)
            form.addRow("", self.deadline)
            self._prefill_routing()
            self._sla_timer = QTimer(self, interval=60_000)  # "in 12 h" stays true while the form is open
            self._sla_timer.timeout.connect(self._show_sla)
            self._sla_timer.start()
            self.unit_kind.currentIndexChanged.connect(self._check_route)
            self.unit.currentTextChanged.connect(self._check_route)
            self._check_route()
        if a == "report":
            self.percent = QSpinBox(objectName="tasks.action.percent")
            self.percent.setRange(0, 100)
            self.percent.setSuffix(" %")
            self.percent.setValue(self.task.progress)
            form.addRow(tr("Progress"), self.percent)
        if TRANSITIONS[a].needs_reason:
            self.reason = QLineEdit(objectName="tasks.action.reason")
            self.reason.setPlaceholderText(tr("Required: why?"))
            form.addRow(tr("Reason"), self.reason)
        elif a in ("report", "complete", "verify", "assign", "accept", "start"):
            self.note = QPlainTextEdit(objectName="tasks.action.note")
            self.note.setFixedHeight(70)
            self.note.setPlaceholderText(tr("What was done (required)") if a == "complete" else tr("Optional note"))
            form.addRow(tr("Note"), self.note)
        if a in ("report", "complete"):
            row = QHBoxLayout()
            self.photo_label = QLabel(tr("no photo"), objectName="tasks.action.photo_label")
            pick = QPushButton(tr("Photo…"), objectName="tasks.action.pick_photo")
            pick.clicked.connect(self._pick_photo)
            row.addWidget(self.photo_label, 1)
            row.addWidget(pick)
            form.addRow(tr("Photo"), row)
            self.position = PositionField(self.ctx, self.task, self)
            form.addRow(tr("Where"), self.position)

    def _fill_units(self) -> None:
        kind = self.unit_kind.currentData()
        names = self.ctx.incidents.communes() if kind == "commune" else self.ctx.incidents.departments()
        current = self.task.commune if kind == "commune" else self.task.department
        self.unit.clear()
        self.unit.addItems(names)
        self.unit.setCurrentIndex(self.unit.findText(current) if current else -1)

    # -- routing and the SLA (assign, reassign) -------------------------------------------
    def _incident(self) -> Any:
        if not self.task.incident_uuid:
            return None
        try:
            return self.ctx.incidents.get(self.task.incident_uuid)
        except (KeyError, PermissionDenied):
            return None

    def _prefill_routing(self) -> None:
        """Pre-select the unit the incident was routed to (its commune, else its department)."""
        inc = self._incident()
        self.routed = {"commune": getattr(inc, "commune", None), "department": getattr(inc, "department", None)}
        parts = []
        if self.routed["commune"]:
            parts.append(tr("commune {name}").format(name=self.routed["commune"]))
        if self.routed["department"]:
            parts.append(tr("department {name}").format(name=self.routed["department"]))
        self.routed_label.setText(" · ".join(parts) if parts else tr("no routing (the task has no incident)"))
        if self.task.commune or self.task.department:  # reassign: start from the unit it has
            return
        kind = "commune" if self.routed["commune"] else "department" if self.routed["department"] else None
        if kind is None:
            return
        self.unit_kind.setCurrentIndex(self.unit_kind.findData(kind))
        self.unit.setCurrentIndex(self.unit.findText(self.routed[kind]))

    def off_route_unit(self) -> str | None:
        """The routed unit of the kind picked when the unit picked is another one (else None)."""
        kind = self.unit_kind.currentData()
        routed = getattr(self, "routed", {}).get(kind)
        name = self.unit.currentText().strip()
        return routed if routed and name and name != routed else None

    def _check_route(self) -> None:
        routed = self.off_route_unit()
        if routed:
            self.off_route.setText(tr("⚠ The incident was routed to {routed}, not {picked}. Say why; the reason "
                                      "goes into the task's history.").format(routed=routed,
                                                                              picked=self.unit.currentText()))
        for w in (self.off_route, self.off_reason, self.off_reason_label):
            w.setVisible(bool(routed))
        self._show_sla()

    def sla_deadline(self) -> datetime | None:
        """The deadline the SLA rules give this task if assigned now (None: no rule)."""
        try:
            return self.ctx.tasks.sla_rules().deadline(self.task.category or "*", self.task.severity,
                                                       wording.now_utc())
        except ValidationError:
            return None

    def _show_sla(self) -> None:
        due = self.sla_deadline()
        if due is None:
            self.sla_label.setText(tr("no SLA rule for this category and severity: set the deadline"))
            self.use_sla.setChecked(False)
            return
        hours = self.ctx.tasks.sla_rules().hours_for(self.task.category or "*", self.task.severity)
        self.sla_label.setText(tr("{due} — {hours:g} h for {category}, severity {severity}").format(
            due=wording.due_text(due, wording.now_utc(), tr=tr), hours=hours,
            category=self.task.category or tr("any category"), severity=self.task.severity))
        if self.use_sla.isChecked():
            local = QDateTime.fromSecsSinceEpoch(int(due.timestamp()), QTimeZone.utc()).toLocalTime()
            self.deadline.setDateTime(local)

    def _sla_toggled(self, on: bool) -> None:
        self.deadline.setVisible(not on)
        self.sla_label.setEnabled(on)

    def _pick_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Attach a photo"), "", tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.set_photo(path)

    def set_photo(self, path: str | Path) -> None:
        """Use the image at ``path`` as the photo (attached when the form is submitted)."""
        self.photo_path = str(path)
        self.photo_label.setText(Path(path).name)
        try:
            data = Path(path).read_bytes()
        except OSError:
            return
        if self.position.from_photo(data):
            self.photo_label.setText(Path(path).name + " — " + tr("has GPS"))

    # -- submitting ------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The transition fields the form holds (without the photo, attached on submit)."""
        out: dict[str, Any] = {}
        if hasattr(self, "unit_kind"):
            name = self.unit.currentText().strip()
            if name:
                out[self.unit_kind.currentData()] = name
            if not self.use_sla.isChecked():
                dt = self.deadline.dateTime().toUTC()
                out["deadline"] = datetime.fromtimestamp(dt.toSecsSinceEpoch(), timezone.utc)
        if hasattr(self, "percent"):
            out["percent"] = self.percent.value()
        if hasattr(self, "reason"):
            out["reason"] = self.reason.text().strip()
        if hasattr(self, "note") and self.note.toPlainText().strip():
            out["note"] = self.note.toPlainText().strip()
        if getattr(self, "position", None) is not None and self.position.value() is not None:
            out["position"] = self.position.value()
        if hasattr(self, "unit_kind") and self.off_route_unit():
            why = tr("not the routed unit ({routed}): {reason}").format(routed=self.off_route_unit(),
                                                                       reason=self.off_reason.text().strip())
            key = "reason" if "reason" in out else "note"
            out[key] = "; ".join(p for p in (out.get(key), why) if p)
        return out

    def submit(self) -> bool:
        """Take the action; True when it was stored (the form then closes)."""
        fields = self.values()
        if hasattr(self, "unit_kind") and not (fields.get("commune") or fields.get("department")):
            return self._fail(tr("Pick the commune or department to assign the task to."))
        if hasattr(self, "unit_kind") and self.off_route_unit() and not self.off_reason.text().strip():
            return self._fail(tr("Say why the task goes to another unit than the routed one."))
        if getattr(self, "position", None) is not None and self.position.error():
            return self._fail(self.position.error())
        try:
            if self.photo_path:
                if self._attached[0] != self.photo_path:  # attach once, even when submitted again
                    data = Path(self.photo_path).read_bytes()
                    self._attached = (self.photo_path, self.ctx.tasks.attach(self.task.uuid,
                                                                             Path(self.photo_path).name, data))
                fields["photo"] = self._attached[1]
            task = self.ctx.tasks.transition(self.task.uuid, self.action, self.task.version, **fields)
        except ConflictError as exc:
            self.task = self.ctx.tasks.task(self.task.uuid)
            self.on_done(None)
            return self._fail(tr(CONFLICT) + "\n" + str(exc))
        except (PermissionDenied, InvalidTransition, ValidationError, OSError, ValueError) as exc:
            return self._fail(str(exc))
        except StoreError as exc:  # the workspace is busy (another writer holds it) or the disk is full
            return self._fail(str(exc))  # the form stays open with what was typed: try again
        self.message.clear()
        self.task = task
        self.on_done(task)
        self.accept()
        return True

    def _fail(self, text: str) -> bool:
        self.message.setText(text)
        return False

    def done(self, result: int) -> None:  # noqa: D401 (Qt override) closing stops a pending map pick
        field = getattr(self, "position", None)
        if field is not None:
            field.stop_picking()
        super().done(result)

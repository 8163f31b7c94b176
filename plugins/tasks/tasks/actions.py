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

from PySide6.QtCore import QCoreApplication, QDateTime, QTimeZone
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from gisdesk.api import (TRANSITIONS, ConflictError, InvalidTransition, PermissionDenied, PluginContext, Task,
                         ValidationError)


def tr(text: str) -> str:
    return QCoreApplication.translate("TasksPanel", text)


#: Button labels of the actions.
ACTION_LABELS = {"assign": "Assign…", "reassign": "Reassign…", "accept": "Accept", "return": "Return…",
                 "start": "Start work", "report": "Report progress…", "complete": "Complete…",
                 "verify": "Verify and close", "reopen": "Reopen…", "cancel": "Cancel task…"}
STATE_LABELS = {"created": "created", "assigned": "assigned", "accepted": "accepted", "returned": "returned",
                "in_progress": "in progress", "done": "done", "closed": "closed", "cancelled": "cancelled"}
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
        head = QLabel(tr("Task: {title} ({state})").format(title=task.title,
                                                           state=tr(STATE_LABELS.get(task.state, task.state))))
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
            self.use_sla = QCheckBox(tr("Deadline from the SLA rules"), objectName="tasks.action.use_sla")
            self.use_sla.setChecked(True)
            self.deadline = QDateTimeEdit(objectName="tasks.action.deadline")
            self.deadline.setCalendarPopup(True)
            self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
            self.deadline.setDateTime(QDateTime.currentDateTime().addDays(3))
            self.deadline.setEnabled(False)
            self.use_sla.toggled.connect(lambda on: self.deadline.setEnabled(not on))
            form.addRow(self.use_sla)
            form.addRow(tr("Deadline"), self.deadline)
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
            self.use_position = QCheckBox(tr("Use the task area's centre as the position"),
                                          objectName="tasks.action.use_position")
            self.use_position.setEnabled(self.task.area is not None)
            form.addRow(self.use_position)

    def _fill_units(self) -> None:
        kind = self.unit_kind.currentData()
        names = self.ctx.incidents.communes() if kind == "commune" else self.ctx.incidents.departments()
        current = self.task.commune if kind == "commune" else self.task.department
        self.unit.clear()
        self.unit.addItems(names)
        self.unit.setCurrentIndex(self.unit.findText(current) if current else -1)

    def _pick_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Attach a photo"), "", tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.set_photo(path)

    def set_photo(self, path: str | Path) -> None:
        """Use the image at ``path`` as the photo (attached when the form is submitted)."""
        self.photo_path = str(path)
        self.photo_label.setText(Path(path).name)

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
        if getattr(self, "use_position", None) is not None and self.use_position.isChecked() and self.task.area:
            c = self.task.area.centroid
            out["position"] = (c.x, c.y)
        return out

    def submit(self) -> bool:
        """Take the action; True when it was stored (the form then closes)."""
        fields = self.values()
        if hasattr(self, "unit_kind") and not (fields.get("commune") or fields.get("department")):
            return self._fail(tr("Pick the commune or department to assign the task to."))
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
        self.message.clear()
        self.task = task
        self.on_done(task)
        self.accept()
        return True

    def _fail(self, text: str) -> bool:
        self.message.setText(text)
        return False

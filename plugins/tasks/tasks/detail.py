"""The task detail: what, where, by when, how far, its history and evidence; action buttons (Qt).

:class:`TaskDetail` shows one task (:meth:`TaskDetail.show_task`); the buttons are built
from ``ctx.tasks.allowed_actions`` and emit :attr:`TaskDetail.action_requested`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from gisdesk.api import PluginContext, Task

from tasks import wording
from tasks.actions import tr
from tasks.callback_dialog import CallbackDialog, callbacks_text, may_record
from tasks.evidence import AttachmentViewer, fill_thumbnails, thumbnail_list
from tasks.incident_box import IncidentBox


def local_time(value: Any) -> str:
    """A UTC datetime or ISO string as local ``YYYY-MM-DD HH:MM``."""
    if value is None:
        return "—"
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def deadline_text(task: Task, now: datetime | None = None) -> str:
    """``due 30 Nov 04:20 (in 12 h)`` / ``3 days late (due 26 Nov 16:00)``, local time."""
    return wording.due_text(task.deadline, now or datetime.now(timezone.utc), is_open=task.is_open, tr=tr)


def deadline_short(task: Task, now: datetime | None = None) -> str:
    """For the inbox: ``in 12 h`` / ``3 days late`` (the date is in the tooltip)."""
    return wording.due_short(task.deadline, now or datetime.now(timezone.utc), is_open=task.is_open, tr=tr)


class TaskDetail(QWidget):
    """One task: its fields, progress, timeline, attachments and the actions the user may take."""

    action_requested = Signal(str)
    show_on_map_requested = Signal()
    ask_requested = Signal()

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(tr("Pick a task in “My tasks”."), objectName="tasks.detail.title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt")
        lay.addWidget(self.title)
        form = QFormLayout()
        self.state = QLabel(objectName="tasks.detail.state")
        self.unit = QLabel(objectName="tasks.detail.unit")
        self.deadline = QLabel(objectName="tasks.detail.deadline")
        self.category = QLabel(objectName="tasks.detail.category")
        for w in (self.unit, self.category):
            w.setWordWrap(True)
        form.addRow(tr("State"), self.state)
        form.addRow(tr("Assigned to"), self.unit)
        form.addRow(tr("Deadline"), self.deadline)
        form.addRow(tr("Category"), self.category)
        self.about = QLabel(objectName="tasks.detail.description")
        self.about.setWordWrap(True)
        self.about_label = QLabel(tr("About"))
        form.addRow(self.about_label, self.about)
        self.progress = QProgressBar(objectName="tasks.detail.progress")
        self.progress.setRange(0, 100)
        form.addRow(tr("Progress"), self.progress)
        lay.addLayout(form)
        self.incident_box = IncidentBox(ctx)
        lay.addWidget(self.incident_box)
        self.message = QLabel(objectName="tasks.detail.message")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.actions_box = QGroupBox(tr("Actions"))
        self.actions_grid = QGridLayout(self.actions_box)
        self.map_button = QPushButton(tr("Show on map"), objectName="tasks.detail.show_on_map")
        self.map_button.clicked.connect(self.show_on_map_requested)
        self.ask_button = QPushButton(tr("Ask the city about this task…"), objectName="tasks.detail.ask")
        self.ask_button.clicked.connect(self.ask_requested)
        self.questions_label = QLabel(objectName="tasks.detail.questions")
        self.questions_label.setStyleSheet("color: #555")
        lay.addWidget(self.actions_box)
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.questions_label, 1)
        ask_row.addWidget(self.ask_button)
        lay.addLayout(ask_row)
        cb_row = QHBoxLayout()
        self.callbacks_label = QLabel(objectName="tasks.detail.callbacks")
        self.callbacks_label.setWordWrap(True)
        cb_row.addWidget(self.callbacks_label, 1)
        self.callback_button = QPushButton(tr("Record callback…"), objectName="tasks.detail.record_callback")
        self.callback_button.clicked.connect(lambda: self.open_callback().show())
        cb_row.addWidget(self.callback_button)
        lay.addLayout(cb_row)
        self.callback_dialog: CallbackDialog | None = None
        lay.addWidget(QLabel(tr("Timeline")))
        self.timeline = QListWidget(objectName="tasks.detail.timeline")
        self.timeline.setWordWrap(True)
        lay.addWidget(self.timeline, 3)
        ev_row = QHBoxLayout()
        ev_row.addWidget(QLabel(tr("Evidence and attachments")), 1)
        self.viewer_button = QPushButton(tr("Open viewer…"), objectName="tasks.detail.open_viewer")
        self.viewer_button.clicked.connect(lambda: self.open_viewer(0))
        ev_row.addWidget(self.viewer_button)
        lay.addLayout(ev_row)
        self.attachments = thumbnail_list("tasks.detail.attachments")
        self.attachments.itemDoubleClicked.connect(lambda item: self.open_viewer(self.attachments.row(item)))
        lay.addWidget(self.attachments)
        self.files: list[dict[str, Any]] = []
        self.viewer: AttachmentViewer | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.show_task(None)

    def show_task(self, task: Task | None) -> None:
        """Show ``task`` (None: nothing picked) as the signed-in user sees it."""
        self.task = task
        self.timeline.clear()
        self.attachments.clear()
        for b in self.buttons.values():
            b.deleteLater()
        self.buttons.clear()
        has = task is not None
        for w in (self.state, self.unit, self.deadline, self.category, self.progress, self.actions_box,
                  self.questions_label, self.viewer_button):
            w.setVisible(has)
        self.incident_box.show_incident_of(task.incident_uuid if task is not None else None)
        inc = self.incident_box.incident
        own = bool(task and task.description and (inc is None or task.description != inc.description))
        self.about.setText(task.description if own else "")  # e.g. the incidents of a task made for several
        self.about.setVisible(own)
        self.about_label.setVisible(own)
        self.ask_button.setVisible(has and self.ctx.tasks.may("create", "question", {"commune": task.commune})
                                   .allowed)
        self._show_callbacks(task)
        if task is None:
            self.title.setText(tr("Pick a task in “My tasks”."))
            return
        self.title.setText(task.title)
        state = wording.state_label(task.state, tr)
        if task.escalated and task.is_open:
            state += " — " + tr("escalated")
        self.state.setText(state)
        self.unit.setText(task.commune or task.department or tr("not assigned yet"))
        self.deadline.setText(deadline_text(task))
        self.deadline.setStyleSheet("color: #b00020; font-weight: bold" if task.is_overdue() else "")
        self.category.setText(f"{task.category or '—'}, " + tr("severity {s}").format(s=task.severity))
        self.progress.setValue(task.progress)
        store = self.ctx.tasks
        for ev in store.timeline(task.uuid):
            line = f"{local_time(ev['at'])}  {ev['who']}: {wording.action_past(ev['action'], tr)}"
            if ev["from_state"] and ev["to_state"] and ev["from_state"] != ev["to_state"]:
                line += f" ({wording.state_label(ev['from_state'], tr)} → {wording.state_label(ev['to_state'], tr)})"
            data = ev.get("data") or {}
            extra = [f"{k}={v}" for k, v in data.items() if k in ("commune", "department", "percent") and v is not None]
            if extra:
                line += " [" + ", ".join(extra) + "]"
            if ev["note"]:
                line += f"\n    “{ev['note']}”"
            self.timeline.addItem(line)
        self.files = store.attachments(task.uuid)
        fill_thumbnails(self.attachments, self.files, store.attachment_data)
        self.attachments.setVisible(bool(self.files))
        self.viewer_button.setEnabled(bool(self.files))
        self.viewer_button.setText(tr("Open viewer ({n})…").format(n=len(self.files)) if self.files
                                   else tr("No files"))
        asked = store.questions(task_uuid=task.uuid)
        still = sum(q["status"] != "closed" for q in asked)
        self.questions_label.setText(tr("Questions about this task: {n} ({o} not closed)").format(n=len(asked), o=still)
                                     if asked else tr("No questions about this task"))
        actions = store.allowed_actions(task.uuid)
        self.actions_grid.addWidget(self.map_button, 0, 0)
        self.map_button.setEnabled(task.area is not None)
        for i, action in enumerate(actions, start=1):
            b = QPushButton(wording.action_label(action, tr), objectName=f"tasks.detail.{action}")
            b.clicked.connect(lambda checked=False, a=action: self.action_requested.emit(a))
            self.actions_grid.addWidget(b, i // 2, i % 2)
            self.buttons[action] = b
        if not actions:
            hint = QLabel(tr("Nothing for you to do on this task now."))
            hint.setStyleSheet("color: #555")
            self.buttons["_none"] = hint  # type: ignore[assignment]
            self.actions_grid.addWidget(hint, 0, 1)

    def _show_callbacks(self, task: Task | None) -> None:
        """The callbacks recorded on a closed task and the button to record one (those who may)."""
        self.callback_button.setVisible(may_record(self.ctx, task))
        rows: list[dict[str, Any]] = []
        if task is not None and self.ctx.tasks.may("read", "callback", {"commune": task.commune,
                                                                       "department": task.department}).allowed:
            try:
                rows = self.ctx.tasks.callbacks(task.uuid)
            except Exception:  # noqa: BLE001 -- a workspace without callbacks shows none
                rows = []
        self.callbacks_label.setText(tr("Callbacks:") + "\n" + callbacks_text(rows, local_time) if rows
                                     else tr("No callback recorded yet.") if task is not None and task.state == "closed"
                                     else "")
        self.callbacks_label.setVisible(bool(self.callbacks_label.text()))

    def open_callback(self) -> CallbackDialog:
        """The callback dialog for the task shown (not yet shown itself)."""
        if self.task is None:
            raise ValueError("no task is shown")
        if self.callback_dialog is not None:
            self.callback_dialog.close()
        self.callback_dialog = CallbackDialog(self.ctx, self.task, self._callback_recorded, self)
        return self.callback_dialog

    def _callback_recorded(self, row: dict[str, Any], task: Task) -> None:
        self.show_task(task)
        msg = tr("Callback recorded.")
        if row.get("reopened"):
            msg += " " + tr("The case is reopened.")
        self.set_message(msg)

    def open_viewer(self, row: int = 0) -> AttachmentViewer:
        """The task's files in the viewer, with thumbnails (shown)."""
        self.viewer = AttachmentViewer(tr("Evidence and attachments"), self.files, self.ctx.tasks.attachment_data,
                                       self)
        self.viewer.strip.setCurrentRow(max(0, row))
        self.viewer.show()
        return self.viewer

    def set_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")


"""Two-level interaction: a commune asks the city or a department; answers form a thread (Qt).

:class:`QuestionsView` is the *Questions* tab: the questions the signed-in user may
read (open first), the thread of the one picked, a reply box and *Close question*.
:class:`AskForm` is the non-modal form a commune officer asks with, tied to the task
shown, the incident selected on the map, or a place picked on the map with the
``tasks.pick_position`` map tool (:func:`pick_position`). Who may ask, answer, close
and read is decided by ``ctx.tasks`` (the core); refusals are shown, nothing typed is lost.
"""

from __future__ import annotations

import html
import weakref
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget)

from gisdesk.api import MapEvent, PermissionDenied, PluginContext, Task, ValidationError

from tasks.actions import tr
from tasks.detail import local_time

COLUMNS = ("Status", "Subject", "From", "To", "Asked", "Replies")
STATUS_LABELS = {"open": "open", "answered": "answered", "closed": "closed"}
WAITING = QColor("#b00020")

#: The form waiting for a map click, per plugin context (see :func:`pick_position`).
_picking: "weakref.WeakKeyDictionary[PluginContext, Callable[[float, float], None]]" = weakref.WeakKeyDictionary()


def selected_incident(ctx: PluginContext) -> str | None:
    """The uuid of the incident selected on the map (the first, if several), or None."""
    try:
        layer = ctx.workspace.layer("incidents")
    except KeyError:
        return None
    ids = ctx.canvas.selection(layer.id)
    if len(ids) == 0:
        return None
    key = ctx.workspace.id_column(layer.id)  # rowid in a workspace file, the table's key on the server
    rows = ctx.workspace.read(f"SELECT uuid FROM incidents WHERE {key} = ?", (int(ids[0]),))
    return rows[0]["uuid"] if rows else None


def addressee(question: dict[str, Any]) -> str:
    return question["to_department"] or tr("the city")


class QuestionsView(QWidget):
    """The questions the user may read, one thread, and the reply box."""

    #: After every reload of the list (a question asked, answered or closed, or someone else signed in).
    refreshed = Signal()

    def __init__(self, ctx: PluginContext, current_task: Callable[[], Task | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_task = current_task
        self.rows: list[dict[str, Any]] = []
        self.question: dict[str, Any] | None = None
        self.form: AskForm | None = None
        self._shown_for: str | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        bar = QHBoxLayout()
        self.count = QLabel(objectName="tasks.questions.count")
        self.count.setWordWrap(True)
        self.open_only = QCheckBox(tr("Open only"), objectName="tasks.questions.open_only")
        self.open_only.toggled.connect(lambda on: self.refresh())
        self.ask_button = QPushButton(tr("Ask…"), objectName="tasks.questions.ask")
        self.ask_button.setToolTip(tr("Ask the city or a department about a task, an incident or a place"))
        self.ask_button.clicked.connect(lambda: self.ask_form().show())
        bar.addWidget(self.count, 1)
        bar.addWidget(self.open_only)
        bar.addWidget(self.ask_button)
        lay.addLayout(bar)

        split = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, len(COLUMNS), objectName="tasks.questions.table")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        for c in range(len(COLUMNS)):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == 1
                                      else QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._picked)
        split.addWidget(self.table)

        thread = QWidget()
        tl = QVBoxLayout(thread)
        tl.setContentsMargins(0, 0, 0, 0)
        self.thread_view = QTextBrowser(objectName="tasks.questions.thread")
        self.thread_view.setOpenLinks(False)
        tl.addWidget(self.thread_view, 1)
        self.reply = QPlainTextEdit(objectName="tasks.questions.reply")
        self.reply.setPlaceholderText(tr("Write an answer or a follow-up"))
        self.reply.setFixedHeight(64)
        tl.addWidget(self.reply)
        buttons = QHBoxLayout()
        self.message = QLabel(objectName="tasks.questions.message")
        self.message.setWordWrap(True)
        self.send_button = QPushButton(tr("Send"), objectName="tasks.questions.send")
        self.send_button.setShortcut("Ctrl+Return")
        self.send_button.setToolTip(tr("Send (Ctrl+Enter)"))
        self.send_button.clicked.connect(self.send_answer)
        self.close_button = QPushButton(tr("Close question"), objectName="tasks.questions.close")
        self.close_button.clicked.connect(self.close_question)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.send_button)
        tl.addLayout(buttons)
        split.addWidget(thread)
        split.setSizes([200, 300])
        lay.addWidget(split, 1)
        self.show_question(None)

    # -- the list --------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list (and the thread shown) for the signed-in user."""
        store = self.ctx.tasks
        user = store.user
        if user.username != self._shown_for:  # someone else signed in: their screen starts clean
            self._shown_for = user.username
            self.reply.clear()
            self.set_message("")
            self.question = None
            if self.form is not None:
                self.form.close()
        asking = store.may("create", "question")
        self.ask_button.setVisible(asking.allowed)
        rows = store.questions(open_only=self.open_only.isChecked())
        rows.sort(key=lambda q: q["status"] != "open")  # stable: open first, newest first within
        self.rows = rows
        waiting = store.open_question_count()
        if asking:
            mine = sum(q["status"] == "answered" for q in rows)
            text = tr("{n} question(s) of {commune}; {a} answered").format(n=len(rows), commune=user.commune, a=mine)
        elif waiting:
            text = tr("{n} open question(s) waiting for your answer").format(n=waiting)
        else:
            text = tr("No open question waits for your answer")
        self.count.setText(text)
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for r, q in enumerate(rows):
            needs_me = q["status"] == "open" and store.answers_side(q)
            cells = [tr(STATUS_LABELS.get(q["status"], q["status"])), q["subject"], q["commune"], addressee(q),
                     local_time(q["asked_at"]), str(q["answers"])]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if needs_me:
                    item.setFont(bold)
                    item.setForeground(QBrush(WAITING))
                if c == 1:
                    item.setToolTip(q["body"])
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        current = self.question["uuid"] if self.question else None
        if current is not None and any(q["uuid"] == current for q in rows):
            self.open_question(current)
        else:
            self.table.blockSignals(True)
            self.table.clearSelection()
            self.table.blockSignals(False)
            self.show_question(None)
        self.refreshed.emit()

    def _picked(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) == 1:
            r = rows.pop()
            if 0 <= r < len(self.rows):
                self.open_question(self.rows[r]["uuid"])

    # -- one thread ------------------------------------------------------------------
    def open_question(self, question_id: str) -> None:
        try:
            q = self.ctx.tasks.thread(question_id)
        except (KeyError, PermissionDenied) as exc:
            self.set_message(str(exc), error=True)
            return
        self.show_question(q)
        for r, row in enumerate(self.rows):
            if row["uuid"] == question_id and not self.table.item(r, 0).isSelected():
                self.table.blockSignals(True)
                self.table.selectRow(r)
                self.table.blockSignals(False)

    def show_question(self, q: dict[str, Any] | None) -> None:
        """Show ``q`` (a :meth:`thread` dict) with its answers; None: nothing picked."""
        self.question = q
        if q is None:
            self.thread_view.setHtml("<p style='color:#555'>" + html.escape(tr("Pick a question to read its thread."))
                                     + "</p>")
            for w in (self.reply, self.send_button, self.close_button):
                w.setEnabled(False)
            return
        e = html.escape
        about = []
        if q["task_uuid"]:
            about.append(tr("a task"))
        if q["incident_uuid"]:
            about.append(tr("an incident"))
        if q["x"] is not None:
            about.append(tr("a place ({x:.0f}, {y:.0f})").format(x=q["x"], y=q["y"]))
        parts = [f"<h3>{e(q['subject'])}</h3>",
                 f"<p style='color:#555'>{e(q['asked_by'])} ({e(q['commune'])}) → {e(addressee(q))}, "
                 f"{e(local_time(q['asked_at']))}; {e(tr('about'))} {e(', '.join(about))}; "
                 f"<b>{e(tr(STATUS_LABELS.get(q['status'], q['status'])))}</b></p>",
                 f"<p>{e(q['body']).replace(chr(10), '<br>')}</p>"]
        for a in q["answers"]:
            parts.append(f"<hr><p style='color:#555'>{e(a['who'])}, {e(local_time(a['at']))}</p>"
                         f"<p>{e(a['body']).replace(chr(10), '<br>')}</p>")
        if not q["answers"]:
            parts.append("<hr><p style='color:#555'>" + e(tr("No answer yet.")) + "</p>")
        self.thread_view.setHtml("".join(parts))
        store = self.ctx.tasks
        is_open = q["status"] != "closed"
        for w in (self.reply, self.send_button):
            w.setEnabled(is_open and store.may_reply(q))
        self.send_button.setText(tr("Send follow-up") if store.asks(q) else tr("Send answer"))
        self.close_button.setEnabled(is_open and store.may_close(q))

    def send_answer(self) -> bool:
        """Add the reply box's text to the thread shown; True when stored (the box is then emptied)."""
        if self.question is None:
            return False
        text = self.reply.toPlainText()
        try:
            self.ctx.tasks.answer(self.question["uuid"], text)
        except (PermissionDenied, ValidationError, KeyError) as exc:
            self.set_message(str(exc), error=True)  # the text stays in the box
            return False
        self.reply.clear()
        self.set_message(tr("Sent."))
        self.refresh()
        return True

    def close_question(self) -> bool:
        if self.question is None:
            return False
        try:
            self.ctx.tasks.close_question(self.question["uuid"])
        except (PermissionDenied, KeyError) as exc:
            self.set_message(str(exc), error=True)
            return False
        self.set_message(tr("Question closed."))
        self.refresh()
        return True

    def set_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")

    # -- asking ----------------------------------------------------------------------
    def ask_form(self, task: Task | None = None) -> "AskForm":
        """The form to ask a question (not yet shown), about ``task`` or the task shown in the detail."""
        if self.form is not None:
            self.form.close()
        self.form = AskForm(self.ctx, task or self.current_task(), self._asked, self)
        return self.form

    def _asked(self, question_id: str) -> None:
        self.refresh()
        self.open_question(question_id)
        self.set_message(tr("Question sent to {to}.").format(to=addressee(self.question or {"to_department": None})))


class AskForm(QDialog):
    """Subject, text, addressee and what the question is about; :meth:`submit` asks."""

    def __init__(self, ctx: PluginContext, task: Task | None, on_done: Callable[[str], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasks.questions.ask_form")
        self.setWindowTitle(tr("Ask the city"))
        self.ctx, self.task, self.on_done = ctx, task, on_done
        self.position: tuple[float, float] | None = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.to = QComboBox(objectName="tasks.questions.to")
        self.to.addItem(tr("The city (dispatcher)"), None)
        for d in ctx.incidents.departments():
            self.to.addItem(d, d)
        form.addRow(tr("To"), self.to)
        self.about = QComboBox(objectName="tasks.questions.about")
        if task is not None:
            self.about.addItem(tr("Task: {title}").format(title=task.title[:60]), "task")
        incident = selected_incident(ctx)
        if incident is not None:
            self.about.addItem(tr("The incident selected on the map"), "incident")
        self.incident = incident
        self.about.addItem(tr("A place on the map"), "position")
        self.about.currentIndexChanged.connect(self._about_changed)
        form.addRow(tr("About"), self.about)
        row = QHBoxLayout()
        self.position_label = QLabel(tr("no place picked"), objectName="tasks.questions.position")
        self.pick_button = QPushButton(tr("Pick on map"), objectName="tasks.questions.pick")
        self.pick_button.clicked.connect(self.start_picking)
        row.addWidget(self.position_label, 1)
        row.addWidget(self.pick_button)
        form.addRow(tr("Place"), row)
        self.subject = QLineEdit(objectName="tasks.questions.subject")
        self.subject.setMaxLength(200)
        self.subject.setPlaceholderText(tr("In a few words"))
        form.addRow(tr("Subject"), self.subject)
        self.body = QPlainTextEdit(objectName="tasks.questions.body")
        self.body.setFixedHeight(100)
        form.addRow(tr("Question"), self.body)
        lay.addLayout(form)
        self.message = QLabel(objectName="tasks.questions.form_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Ask"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(420)
        self._about_changed()

    def _about_changed(self) -> None:
        on_map = self.about.currentData() == "position"
        self.pick_button.setEnabled(on_map)
        self.position_label.setEnabled(on_map)

    def start_picking(self) -> None:
        """Make the next click on the map the question's place (the ``tasks.pick_position`` tool)."""
        _picking[self.ctx] = self.set_position
        self.position_label.setText(tr("click the place on the map…"))
        self.ctx.canvas.set_map_tool("tasks.pick_position")

    def set_position(self, x: float, y: float) -> None:
        self.position = (float(x), float(y))
        self.position_label.setText(f"{x:,.0f}, {y:,.0f}")
        self.about.setCurrentIndex(self.about.findData("position"))

    def submit(self) -> bool:
        """Ask; True when stored (the form then closes). On any refusal the text stays and the reason shows."""
        kind = self.about.currentData()
        tied: dict[str, Any] = {}
        if kind == "task" and self.task is not None:
            tied["task_uuid"] = self.task.uuid
        elif kind == "incident" and self.incident is not None:
            tied["incident_uuid"] = self.incident
        elif kind == "position":
            if self.position is None:
                return self._fail(tr("Pick the place on the map first."))
            tied["position"] = self.position
        try:
            qid = self.ctx.tasks.ask(self.subject.text(), self.body.toPlainText(),
                                     to_department=self.to.currentData(), **tied)
        except (PermissionDenied, ValidationError, KeyError) as exc:
            return self._fail(str(exc))
        self.on_done(qid)
        self.accept()
        return True

    def _fail(self, text: str) -> bool:
        self.message.setText(text)
        return False

    def done(self, result: int) -> None:  # noqa: D401 (Qt override) closing stops a pending map pick
        if _picking.get(self.ctx) == self.set_position:
            del _picking[self.ctx]
        super().done(result)


class PickPosition:
    """Map tool: the next left click gives the waiting form (a question's place, a report's position) its
    point, then back to panning."""

    def __init__(self, ctx: PluginContext) -> None:
        self.ctx = ctx

    def on_press(self, e: MapEvent) -> None:
        if e.button != "left":
            return
        target = _picking.pop(self.ctx, None)
        if target is not None:
            target(e.x, e.y)
        self.ctx.canvas.set_map_tool("gisdesk.tool.pan")


def pick_position(ctx: PluginContext) -> PickPosition:
    return PickPosition(ctx)

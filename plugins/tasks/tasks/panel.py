"""The Tasks dock panel: *My tasks*, the task detail and the *City overview* (Qt).

Everything the signed-in user sees comes from ``ctx.tasks``, which the access policy
limits to their jurisdiction; buttons and tabs are enabled by asking the same policy
(``ctx.tasks.may``, ``ctx.tasks.read_filter``), never by testing a role. The panel
refreshes when someone else signs in (and then closes the previous user's open form,
task and map highlight) and after every task change. Actions open :class:`~tasks.actions.ActionForm` (non-modal;
:meth:`TasksPanel.action_form` returns it, so tests fill and submit it directly).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from gisdesk.api import PermissionDenied, PluginContext, Task, ValidationError

from tasks.actions import STATE_LABELS, ActionForm, tr
from tasks.detail import TaskDetail, deadline_short, deadline_text, local_time
from tasks.questions import QuestionsView, selected_incident

OVERDUE = QColor("#b00020")
#: How often the panel looks for overdue tasks to escalate while it is open.
ESCALATION_CHECK_MS = 5 * 60 * 1000
OVERVIEW_COLUMNS = ("Commune", "Open", "Overdue", "Done", "On time %", "Open questions")


def _item(value: object, sort: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setData(Qt.ItemDataRole.DisplayRole, value)
    if sort is not None:
        item.setData(Qt.ItemDataRole.UserRole, sort)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class TasksPanel(QWidget):
    """The signed-in user's tasks, one task in detail, and the per-commune overview."""

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasks.panel.widget")
        self.ctx = ctx
        self.rows: list[Task] = []
        self.form: ActionForm | None = None
        self._shown_for: str | None = None
        self.setMinimumWidth(380)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self.who = QLabel(objectName="tasks.who")
        self.who.setWordWrap(True)
        lay.addWidget(self.who)
        self.tabs = QTabWidget(objectName="tasks.tabs")
        lay.addWidget(self.tabs, 1)

        inbox = QWidget()
        il = QVBoxLayout(inbox)
        il.setContentsMargins(2, 2, 2, 2)
        bar = QHBoxLayout()
        self.count = QLabel(objectName="tasks.count")
        self.refresh_button = QPushButton(tr("Refresh"), objectName="tasks.refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.new_button = QPushButton(tr("New task from incident…"), objectName="tasks.new_from_incident")
        self.new_button.clicked.connect(self.new_from_incident)
        bar.addWidget(self.count, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.refresh_button)
        il.addLayout(bar)
        self.inbox = QTableWidget(0, 4, objectName="tasks.inbox")
        self.inbox.setHorizontalHeaderLabels([tr("Task"), tr("State"), tr("Unit"), tr("Deadline")])
        self.inbox.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.inbox.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.inbox.verticalHeader().hide()
        self.inbox.setWordWrap(False)
        head = self.inbox.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 3):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.inbox.setColumnWidth(2, 100)
        self.inbox.cellDoubleClicked.connect(lambda r, c: self.open_row(r))
        il.addWidget(self.inbox, 1)
        nbar = QHBoxLayout()
        self.notes_label = QLabel(objectName="tasks.notifications.label")
        self.mark_read_button = QPushButton(tr("Mark all read"), objectName="tasks.notifications.mark_read")
        self.mark_read_button.clicked.connect(self.mark_all_read)
        nbar.addWidget(self.notes_label, 1)
        nbar.addWidget(self.mark_read_button)
        il.addLayout(nbar)
        self.notifications = QListWidget(objectName="tasks.notifications")
        self.notifications.setMaximumHeight(110)
        self.notifications.setWordWrap(True)
        self.notifications.itemDoubleClicked.connect(self._open_notification)
        il.addWidget(self.notifications)
        self.tabs.addTab(inbox, tr("My tasks"))

        self.detail = TaskDetail(ctx)
        self.detail.action_requested.connect(lambda a: self.action_form(a).show())
        self.detail.show_on_map_requested.connect(self.show_on_map)
        self.detail.ask_requested.connect(self.ask_about_task)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.detail)
        self.tabs.addTab(scroll, tr("Task"))

        self.overview = QTableWidget(0, len(OVERVIEW_COLUMNS), objectName="tasks.overview")
        self.overview.setHorizontalHeaderLabels([tr(c) for c in OVERVIEW_COLUMNS])
        self.overview.verticalHeader().hide()
        self.overview.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(OVERVIEW_COLUMNS)):
            self.overview.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(self.overview, tr("City overview"))
        self.questions = QuestionsView(ctx, lambda: self.detail.task)
        self.tabs.addTab(self.questions, tr("Questions"))
        self.questions.refreshed.connect(self._count_questions)
        self._escalation = QTimer(self, interval=ESCALATION_CHECK_MS)
        self._escalation.timeout.connect(self.refresh)

        self._undos = [ctx.events.on_user_changed(lambda user: self.refresh()),
                       ctx.events.on_task_changed(lambda task: self.refresh())]
        if ctx.incidents.available:
            self.refresh()
            self._escalation.start()
        else:
            self.setEnabled(False)
            self.who.setText(tr("This workspace has no incidents and communes layers; open a city workspace."))

    # -- refreshing ------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the inbox, the task shown and the overview for the signed-in user."""
        store = self.ctx.tasks
        user = store.user
        if user.username != self._shown_for:  # someone else signed in: nothing of the previous user stays
            self._shown_for = user.username
            self.clear_for_new_user()
        self.who.setText(tr("Signed in as {name} — {role}, {unit}").format(
            name=user.display_name or user.username, role=user.role.replace("_", " "), unit=user.unit))
        creating = store.may("create", "task")
        self.new_button.setEnabled(creating.allowed)
        self.new_button.setToolTip(tr("Create a task about the incident selected on the map") if creating
                                   else creating.reason)
        if store.may("edit", "task"):  # overdue work goes up a level as soon as anyone who works on tasks looks
            escalated = store.escalate_overdue()
            if escalated:
                self.ctx.notify(tr("{n} overdue task(s) escalated to the city").format(n=len(escalated)), "warning")
        self.fill_inbox(store.inbox())
        current = self.detail.task
        if current is not None:
            try:
                self.detail.show_task(store.task(current.uuid))
            except (KeyError, PermissionDenied):
                self.detail.show_task(None)
        overview_tab = self.tabs.indexOf(self.overview)
        readable = store.read_filter("task")  # the overview is per commune: shown to whoever reads whole communes
        shows = readable.everything or readable.column == "commune"
        self.tabs.setTabVisible(overview_tab, shows)
        self.tabs.setTabText(overview_tab, tr("City overview") if readable.everything else tr("My commune"))
        self.fill_overview(store.overview() if shows else [])
        self.fill_notifications(store.notifications(unread_only=True, limit=50))
        self.questions.refresh()

    def clear_for_new_user(self) -> None:
        """Close the open action form, the task shown and its map highlight, back to the inbox
        (File › Switch user: nothing of the previous user stays on screen)."""
        if self.form is not None:
            self.form.close()
            self.form = None
        self.detail.show_task(None)
        self.detail.set_message("")
        self.ctx.canvas.remove_graphics("task")
        self.tabs.setCurrentIndex(0)  # their screen starts at their own inbox

    def _count_questions(self) -> None:
        """The Questions tab says how many wait: for an answer from this side, or (a commune) answered ones."""
        store = self.ctx.tasks
        waiting = sum(q["status"] == "answered" for q in self.questions.rows) if store.may("create", "question") \
            else store.open_question_count()
        self.tabs.setTabText(self.tabs.indexOf(self.questions),
                             tr("Questions ({n})").format(n=waiting) if waiting else tr("Questions"))

    def fill_inbox(self, tasks: list[Task]) -> None:
        self.rows = list(tasks)
        overdue = sum(t.is_overdue() for t in tasks)
        text = tr("{n} waiting").format(n=len(tasks))
        if overdue:
            text += ", " + tr("{n} overdue").format(n=overdue)
        self.count.setText(text)
        self.inbox.setRowCount(len(tasks))
        for r, t in enumerate(tasks):
            late = t.is_overdue()
            flag = ("⚑ " if late else "") + ("▲ " if t.escalated and t.is_open else "")
            cells = [flag + t.title, tr(STATE_LABELS.get(t.state, t.state)), t.commune or t.department or "—",
                     deadline_short(t)]
            for c, text in enumerate(cells):
                item = _item(text)
                if late:
                    item.setForeground(QBrush(OVERDUE))
                if c == 3:
                    item.setToolTip(deadline_text(t))
                if c == 2:
                    item.setToolTip(cells[2])
                if c == 0:
                    tip = t.title + ("\n" + tr("Overdue") if late else "") + \
                        ("\n" + tr("Escalated to the city") if t.escalated else "")
                    item.setToolTip(tip)
                self.inbox.setItem(r, c, item)

    def fill_notifications(self, notes: list[dict]) -> None:
        self.notifications.clear()
        self.notes_label.setText(tr("{n} unread notification(s)").format(n=len(notes)) if notes
                                 else tr("No unread notifications"))
        self.mark_read_button.setEnabled(bool(notes))
        self.notifications.setVisible(bool(notes))
        for n in notes:
            item = QListWidgetItem(f"{local_time(n['at'])}  {n['message']}")
            item.setData(Qt.ItemDataRole.UserRole, (n["id"], n["task_uuid"]))
            if n["kind"] in ("escalated", "return", "reopened"):
                item.setForeground(QBrush(OVERDUE))
            self.notifications.addItem(item)

    def mark_all_read(self) -> None:
        ids = [self.notifications.item(i).data(Qt.ItemDataRole.UserRole)[0] for i in range(self.notifications.count())]
        self.ctx.tasks.mark_read(ids)
        self.fill_notifications(self.ctx.tasks.notifications(unread_only=True, limit=50))

    def _open_notification(self, item: QListWidgetItem) -> None:
        note_id, task_id = item.data(Qt.ItemDataRole.UserRole)
        self.ctx.tasks.mark_read([note_id])
        if task_id:
            self.open_task(task_id)
        self.fill_notifications(self.ctx.tasks.notifications(unread_only=True, limit=50))

    def ask_about_task(self) -> None:
        """Open the question form about the task shown, on the Questions tab."""
        self.tabs.setCurrentWidget(self.questions)
        self.questions.ask_form(self.detail.task).show()

    def fill_overview(self, rows: list[dict]) -> None:
        self.overview.setSortingEnabled(False)
        self.overview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            rate = row["on_time_rate"]
            values = [row["commune"], int(row["open"]), int(row["overdue"]), int(row["completed"]),
                      round(100 * rate, 1) if rate is not None else None, int(row["open_questions"])]
            for c, v in enumerate(values):
                item = _item(v if v is not None else "—")
                if c == 2 and v:
                    item.setForeground(QBrush(OVERDUE))
                self.overview.setItem(r, c, item)
        self.overview.setSortingEnabled(True)

    # -- one task --------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_task(self.rows[row].uuid)

    def open_task(self, task_id: str) -> None:
        """Show a task in the detail tab."""
        try:
            task = self.ctx.tasks.task(task_id)
        except (KeyError, PermissionDenied) as exc:
            self.detail.set_message(str(exc), error=True)
            return
        self.detail.set_message("")
        self.detail.show_task(task)
        self.tabs.setCurrentWidget(self.detail.parentWidget().parentWidget())

    def action_form(self, action: str) -> ActionForm:
        """The form for ``action`` on the task shown (not yet shown itself)."""
        if self.detail.task is None:
            raise ValueError("no task is shown")
        if self.form is not None:
            self.form.close()
        self.form = ActionForm(self.ctx, self.detail.task, action, self._acted, self)
        return self.form

    def _acted(self, task: Task | None) -> None:
        if task is None:  # a conflict: show what is stored now
            self.refresh()
            self.detail.set_message(tr("Changed by someone else — reloaded."), error=True)
            return
        self.detail.show_task(task)
        self.detail.set_message(tr("Done: the task is now {state}.").format(
            state=tr(STATE_LABELS.get(task.state, task.state))))

    def show_on_map(self) -> None:
        task = self.detail.task
        if task is None or task.area is None:
            return
        self.ctx.canvas.add_graphics("task", [task.area], fill="#ff8c0040", stroke="#ff6d00", stroke_width=3)
        minx, miny, maxx, maxy = task.area.bounds
        pad = max(150.0, 0.5 * max(maxx - minx, maxy - miny))
        self.ctx.canvas.set_extent((minx - pad, miny - pad, maxx + pad, maxy + pad))

    # -- creating --------------------------------------------------------------------
    def selected_incident(self) -> str | None:
        """The uuid of the incident selected on the map (the first, if several), or None."""
        return selected_incident(self.ctx)

    def new_from_incident(self) -> Task | None:
        """Create a task about the selected incident and show it (the city only)."""
        uuid = self.selected_incident()
        if uuid is None:
            QMessageBox.information(self, tr("New task"), tr("Select an incident on the map first."))
            return None
        try:
            task = self.ctx.tasks.create_from_incident(uuid)
        except (PermissionDenied, ValidationError, KeyError) as exc:
            self.detail.set_message(str(exc), error=True)
            return None
        self.refresh()
        self.open_task(task.uuid)
        self.detail.set_message(tr("Created; assign it to a commune or a department."))
        return task

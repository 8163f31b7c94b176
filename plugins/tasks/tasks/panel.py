"""The Tasks dock panel: *My tasks*, the task detail and the *City overview* (Qt).

Everything the signed-in user sees comes from ``ctx.tasks``, which the access policy
limits to their jurisdiction; buttons and tabs are enabled by asking the same policy
(``ctx.tasks.may``, ``ctx.tasks.read_filter``), never by testing a role. The panel
refreshes when someone else signs in (and then closes the previous user's open form,
task and map highlight) and after every task change. Actions open :class:`~tasks.actions.ActionForm` (non-modal;
:meth:`TasksPanel.action_form` returns it, so tests fill and submit it directly).

Hand-off: *Create task* in the Incidents panel (``ctx.tasks.hand_off``) or *New task from
selected incidents* here makes one task (:mod:`tasks.handoff`) and opens its Assign form
pre-filled with the routed unit and the SLA deadline; verifying a task proposes its incident's
resulting status. The inbox and notifications are :mod:`tasks.inbox`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from gisdesk.api import ConflictError, PermissionDenied, PluginContext, Task, ValidationError

from tasks import wording
from tasks.actions import ActionForm, tr
from tasks.detail import TaskDetail
from tasks.handoff import create_task_for, selected_incidents
from tasks.inbox import InboxView, NotificationsView
from tasks.questions import QuestionsView
from tasks.rules_dialog import RulesDialog

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
        self.refresh_button = QPushButton(tr("Refresh"), objectName="tasks.refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.new_button = QPushButton(tr("New task from selected incidents…"), objectName="tasks.new_from_incident")
        self.new_button.clicked.connect(self.new_from_incident)
        self.rules_button = QPushButton(tr("Dispatch rules…"), objectName="tasks.dispatch_rules")
        self.rules_button.clicked.connect(lambda: self.open_rules().show())
        self.rules_dialog: RulesDialog | None = None
        bar.addWidget(self.rules_button)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.refresh_button)
        il.addLayout(bar)
        #: The moment the inbox groups and words deadlines against (tests pin it).
        self.now: Callable[[], datetime] = wording.now_utc
        self.inbox = InboxView(lambda: self.now())
        self.inbox.opened.connect(self.open_task)
        self.count = self.inbox.count
        il.addWidget(self.inbox, 1)
        self.notes = NotificationsView(lambda ids: self.ctx.tasks.mark_read(ids))
        self.notes.reload = self._reload_notifications
        self.notes.opened.connect(self._open_notification)
        il.addWidget(self.notes)
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

        #: Asked before an incident's status is changed after its task is verified (tests answer it).
        self.confirm: Callable[[str, str], bool] = self._ask
        self._undos = [ctx.events.on_user_changed(lambda user: self.refresh()),
                       ctx.events.on_task_changed(lambda task: self.refresh()),
                       ctx.events.on_changed_elsewhere(  # another workstation, on the city server
                           lambda kinds: self.refresh() if kinds & {"tasks", "questions", "notifications"} else None),
                       ctx.events.on_handoff_requested(self.hand_off)]
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
            name=user.display_name or user.username, role=tr(user.role.replace("_", " ")), unit=tr(user.unit)))
        creating = store.may("create", "task")
        self.new_button.setEnabled(creating.allowed)
        self.new_button.setToolTip(tr("One task about the incidents selected on the map (or the one open in "
                                      "the Incidents panel)") if creating else creating.reason)
        self.rules_button.setVisible(store.may("edit", "routing_rule").allowed)  # the city's rules
        if store.may("edit", "task"):  # overdue work goes up a level as soon as anyone who works on tasks looks
            try:
                escalated = store.escalate_overdue()
            except PermissionDenied:  # on the city server the server's own job escalates
                escalated = []
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
        self._reload_notifications()
        self.questions.refresh()

    def clear_for_new_user(self) -> None:
        """Close the open action form, the task shown and its map highlight, back to the inbox
        (File › Switch user: nothing of the previous user stays on screen)."""
        if self.form is not None:
            self.form.close()
            self.form = None
        self.detail.show_task(None)
        self.detail.set_message("")
        self.inbox.reset()  # their own inbox, unfiltered
        self.ctx.canvas.remove_graphics("task")
        self.tabs.setCurrentIndex(0)  # their screen starts at their own inbox

    def _count_questions(self) -> None:
        """The Questions tab says how many wait: for an answer from this side, or (a commune) answered ones."""
        store = self.ctx.tasks
        waiting = sum(q["status"] == "answered" for q in self.questions.rows) if store.may("create", "question") \
            else store.open_question_count()
        self.tabs.setTabText(self.tabs.indexOf(self.questions),
                             tr("Questions ({n})").format(n=waiting) if waiting else tr("Questions"))

    @property
    def rows(self) -> list[Task]:
        """The inbox's tasks that pass its search and filters, in the order shown."""
        return self.inbox.rows

    def fill_inbox(self, tasks: list[Task]) -> None:
        self.inbox.set_tasks(tasks)

    def _reload_notifications(self) -> None:
        self.notes.set_notifications(self.ctx.tasks.notifications(unread_only=True, limit=200))

    def mark_all_read(self) -> None:
        self.notes.mark_all_read()

    def _open_notification(self, note_id: str, task_id: str) -> None:
        self.ctx.tasks.mark_read([note_id])
        self.open_task(task_id)
        self._reload_notifications()

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

    def open_rules(self) -> RulesDialog:
        """The dispatch rules dialog (not yet shown itself)."""
        if self.rules_dialog is not None:
            self.rules_dialog.close()
        self.rules_dialog = RulesDialog(self.ctx, self)
        return self.rules_dialog

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
        self.detail.set_message(tr("Done: the task is now {state}.").format(state=wording.state_label(task.state, tr)))
        if task.state == "closed" and task.incident_uuid:
            self.propose_incident_status(task)

    def _ask(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setObjectName("tasks.confirm")
        yes = box.addButton(tr("Mark resolved"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Leave as it is"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def propose_incident_status(self, task: Task, status: str = "resolved") -> bool:
        """The task is closed: propose the incident's resulting status (asked with :attr:`confirm`);
        True when the incident was changed."""
        try:
            inc = self.ctx.incidents.get(task.incident_uuid)
        except (KeyError, PermissionDenied):
            return False
        if inc.status in (status, "closed", "rejected", "duplicate"):
            return False
        decision = self.ctx.incidents.may("change_status", inc)
        if not decision:
            self.detail.set_message(tr("The incident stays {status}: {why}").format(
                status=tr(inc.status.replace("_", " ")), why=decision.reason))
            return False
        if not self.confirm(tr("Incident status"),
                            tr("The task is verified and closed. Mark its incident ({category}, {address}) "
                               "{status}? It is {current} now.").format(
                                category=inc.category, address=inc.address or inc.commune or "—",
                                status=tr(status), current=tr(inc.status.replace("_", " ")))):
            return False
        try:
            self.ctx.incidents.update(inc.uuid, {"status": status}, version=inc.version)
        except (PermissionDenied, ValidationError, ConflictError) as exc:
            self.detail.set_message(tr("The incident was not changed: {why}").format(why=exc), error=True)
            return False
        self.ctx.canvas.refresh()
        self.detail.show_task(task)
        self.detail.set_message(tr("Task closed; its incident is now {status}.").format(status=tr(status)))
        return True

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
        """The uuid of the (first) incident selected on the map, or None."""
        found = selected_incidents(self.ctx)
        return found[0] if found else None

    def new_from_incident(self) -> Task | None:
        """One task about the incidents selected on the map (the incident open in the Incidents panel is
        selected there), then the Assign form pre-filled (the city only)."""
        uuids = selected_incidents(self.ctx)
        if not uuids:
            QMessageBox.information(self, tr("New task"), tr("Open an incident in the Incidents panel or select "
                                                             "incidents on the map first."))
            return None
        return self.hand_off(uuids)

    def _bring_forward(self) -> None:
        """Show the dock holding the panel (it may be closed or behind another tab)."""
        from PySide6.QtWidgets import QDockWidget

        w = self.parentWidget()
        while w is not None and not isinstance(w, QDockWidget):
            w = w.parentWidget()
        if w is not None:
            w.show()
            w.raise_()

    def hand_off(self, uuids: list[str], assign: bool = True) -> Task | None:
        """Create one task about ``uuids`` (from the Incidents panel or the map), show it and open the
        Assign form pre-filled with the routed unit and the SLA deadline. None when refused (said why)."""
        try:
            task = create_task_for(self.ctx, uuids)
        except (PermissionDenied, ValidationError, KeyError) as exc:
            self.detail.set_message(str(exc), error=True)
            self.ctx.notify(tr("No task created: {why}").format(why=exc), "warning")
            return None
        self.refresh()
        self.open_task(task.uuid)
        self.detail.set_message(tr("Created; assign it to the routed unit or another one."))
        self._bring_forward()
        if assign and "assign" in self.ctx.tasks.allowed_actions(task.uuid):
            self.action_form("assign").show()
        return task

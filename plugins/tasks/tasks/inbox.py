"""*My tasks* that scales: search, filters, grouping by urgency, grouped notifications (Qt).

:class:`InboxView` shows the tasks ``ctx.tasks.inbox()`` gives the signed-in user, filtered
by a search box (title, case number, category, commune — accents ignored) and by state,
commune, category and due (overdue / today / this week), grouped by urgency (overdue, due
today, later, no deadline) with their counts and sorted by deadline inside each group.
:class:`NotificationsView` groups unread notifications by kind ("21 overdue tasks" is one
row that expands) and marks them read. The wording is :mod:`tasks.wording`'s.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from gisdesk.api import Task, sort_texts

from tasks import wording
from tasks.actions import tr

OVERDUE = QColor("#b00020")
GROUP_COLOURS = {"overdue": OVERDUE, "today": QColor("#8a6100")}
SORTS = (("soonest", "Deadline, soonest first"), ("latest", "Deadline, latest first"),
         ("newest", "Newest task first"))
UUID_ROLE = Qt.ItemDataRole.UserRole


class InboxView(QWidget):
    """The signed-in user's waiting tasks with search, filters and urgency groups."""

    #: A task was opened (double click or Enter): its uuid.
    opened = Signal(str)

    def __init__(self, now: Callable[[], datetime] = wording.now_utc, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = now
        self.tasks: list[Task] = []  # everything the inbox gave
        self.rows: list[Task] = []  # what passes the filters, in the order shown
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(objectName="tasks.inbox.search")
        self.search.setPlaceholderText(tr("Search title, case number, category, commune…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda *_: self.apply())
        lay.addWidget(self.search)
        grid = QGridLayout()
        self.state = self._combo("state", tr("All states"))
        self.commune = self._combo("commune", tr("All units"))
        self.category = self._combo("category", tr("All categories"))
        self.due = QComboBox(objectName="tasks.inbox.due")
        for key, label in wording.DUE_FILTERS:
            self.due.addItem(tr(label), key)
        self.due.currentIndexChanged.connect(lambda *_: self.apply())
        self.sort = QComboBox(objectName="tasks.inbox.sort")
        for key, label in SORTS:
            self.sort.addItem(tr(label), key)
        self.sort.currentIndexChanged.connect(lambda *_: self.apply())
        for i, w in enumerate((self.state, self.commune, self.category, self.due, self.sort)):
            grid.addWidget(w, i // 3, i % 3)
        lay.addLayout(grid)
        self.count = QLabel(objectName="tasks.count")
        self.count.setWordWrap(True)
        lay.addWidget(self.count)
        self.tree = QTreeWidget(objectName="tasks.inbox")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("Task"), tr("State"), tr("Unit"), tr("Due")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMinimumHeight(180)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        lay.addWidget(self.tree, 1)

    def _combo(self, name: str, everything: str) -> QComboBox:
        box = QComboBox(objectName=f"tasks.inbox.{name}")
        box.addItem(everything, "")
        box.currentIndexChanged.connect(lambda *_: self.apply())
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        return box

    # -- data ------------------------------------------------------------------------------
    def set_tasks(self, tasks: list[Task]) -> None:
        """Show ``tasks`` (the filter choices follow what is there; the current choices stay)."""
        self.tasks = list(tasks)
        choices = ((self.state, sorted({t.state for t in tasks}), lambda s: wording.state_label(s, tr)),
                   (self.commune, sort_texts({t.commune or t.department for t in tasks if t.commune or t.department}),
                    str),
                   (self.category, sort_texts({t.category for t in tasks if t.category}), str))
        for box, values, label in choices:
            keep = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for v in values:
                box.addItem(label(v), v)
            box.setCurrentIndex(max(0, box.findData(keep)))
            box.blockSignals(False)
        self.apply()

    def reset(self) -> None:
        """Empty the search and set every filter back to "all" (someone else signed in)."""
        for w in (self.search, self.state, self.commune, self.category, self.due, self.sort):
            w.blockSignals(True)
        self.search.clear()
        for box in (self.state, self.commune, self.category, self.due, self.sort):
            box.setCurrentIndex(0)
        for w in (self.search, self.state, self.commune, self.category, self.due, self.sort):
            w.blockSignals(False)

    def passes(self, task: Task, now: datetime) -> bool:
        """Whether ``task`` passes the search and every filter."""
        if self.state.currentData() and task.state != self.state.currentData():
            return False
        unit = self.commune.currentData()
        if unit and unit not in (task.commune, task.department):
            return False
        if self.category.currentData() and task.category != self.category.currentData():
            return False
        if not wording.due_matches(self.due.currentData(), task.deadline, now, is_open=task.is_open):
            return False
        return wording.matches(task, self.search.text())

    def groups(self) -> dict[str, list[Task]]:
        """The tasks passing the filters by urgency (``overdue``, ``today``, ``later``, ``none``), sorted."""
        now = self.now()
        out: dict[str, list[Task]] = {key: [] for key, _ in wording.URGENCY}
        for t in self.tasks:
            if self.passes(t, now):
                out[wording.urgency(t.deadline, now, is_open=t.is_open)].append(t)
        order = self.sort.currentData()
        for key, rows in out.items():
            if order == "newest":
                rows.sort(key=lambda t: t.created_at, reverse=True)
            else:
                far = datetime.max.replace(tzinfo=now.tzinfo)
                rows.sort(key=lambda t: t.deadline or far, reverse=order == "latest")
        return out

    def apply(self) -> None:
        """Fill the tree from :attr:`tasks` with the current search, filters and sort."""
        now = self.now()
        groups = self.groups()
        self.rows = [t for key, _ in wording.URGENCY for t in groups[key]]
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        for key, heading in wording.URGENCY:
            rows = groups[key]
            if not rows:
                continue
            top = QTreeWidgetItem([tr("{group} ({n})").format(group=tr(heading), n=len(rows))])
            top.setData(0, UUID_ROLE, None)
            top.setData(0, Qt.ItemDataRole.UserRole + 1, key)
            top.setFont(0, bold)
            top.setFirstColumnSpanned(False)
            if key in GROUP_COLOURS:
                top.setForeground(0, QBrush(GROUP_COLOURS[key]))
            self.tree.addTopLevelItem(top)
            for t in rows:
                flag = "▲ " if t.escalated and t.is_open else ""
                number = getattr(t, "case_number", None)
                item = QTreeWidgetItem([flag + (f"{number} · " if number else "") + t.title,
                                        wording.state_label(t.state, tr), t.commune or t.department or "—",
                                        wording.due_short(t.deadline, now, is_open=t.is_open, tr=tr)])
                item.setData(0, UUID_ROLE, t.uuid)
                item.setToolTip(0, t.title + (f"\n{number}" if number else ""))
                item.setToolTip(3, wording.due_text(t.deadline, now, is_open=t.is_open, tr=tr))
                if key == "overdue":
                    for c in range(4):
                        item.setForeground(c, QBrush(OVERDUE))
                top.addChild(item)
            top.setExpanded(True)
        shown, total = len(self.rows), len(self.tasks)
        counts = ", ".join(tr("{n} {group}").format(n=len(groups[k]), group=tr(h).lower())
                           for k, h in wording.URGENCY if groups[k])
        text = tr("{shown} of {total} waiting").format(shown=shown, total=total) if shown != total \
            else tr("{n} waiting").format(n=total)
        self.count.setText(text + (f" — {counts}" if counts else ""))

    def group_counts(self) -> dict[str, int]:
        """The count shown in each group heading (only groups that have tasks)."""
        out = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out[top.data(0, Qt.ItemDataRole.UserRole + 1)] = top.childCount()
        return out

    def item_of(self, uuid: str) -> QTreeWidgetItem | None:
        """The tree item of task ``uuid`` (None when it is not shown)."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, UUID_ROLE) == uuid:
                    return top.child(j)
        return None

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        uuid = item.data(0, UUID_ROLE)
        if uuid:
            self.opened.emit(uuid)


class NotificationsView(QWidget):
    """Unread notifications grouped by kind; a group expands to its notifications; mark read."""

    #: A notification about a task was opened: (notification id, task uuid).
    opened = Signal(str, str)

    def __init__(self, mark_read: Callable[[list[str]], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark_read = mark_read
        self.groups: list[dict[str, Any]] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.label = QLabel(objectName="tasks.notifications.label")
        self.read_button = QPushButton(tr("Mark read"), objectName="tasks.notifications.mark_selected")
        self.read_button.setToolTip(tr("Mark the selected notification or group read"))
        self.read_button.clicked.connect(self.mark_selected_read)
        self.all_button = QPushButton(tr("Mark all read"), objectName="tasks.notifications.mark_read")
        self.all_button.clicked.connect(self.mark_all_read)
        bar.addWidget(self.label, 1)
        bar.addWidget(self.read_button)
        bar.addWidget(self.all_button)
        lay.addLayout(bar)
        self.tree = QTreeWidget(objectName="tasks.notifications")
        self.tree.setHeaderHidden(True)
        self.tree.setMaximumHeight(130)
        self.tree.setWordWrap(True)
        self.tree.itemDoubleClicked.connect(self._open)
        lay.addWidget(self.tree)
        self.reload: Callable[[], None] = lambda: None

    def set_notifications(self, notes: list[dict[str, Any]]) -> None:
        """Show ``notes`` (unread, newest first) grouped by kind."""
        self.groups = wording.group_notifications(notes, tr)
        self.tree.clear()
        self.label.setText(tr("{n} unread notification(s)").format(n=len(notes)) if notes
                           else tr("No unread notifications"))
        for w in (self.read_button, self.all_button):
            w.setEnabled(bool(notes))
        self.tree.setVisible(bool(notes))
        for g in self.groups:
            top = QTreeWidgetItem([g["text"]])
            top.setData(0, UUID_ROLE, (tuple(g["ids"]), g["items"][0]["task_uuid"] if g["count"] == 1 else None))
            if g["kind"] in ("escalated", "return", "reopened"):
                top.setForeground(0, QBrush(OVERDUE))
            if g["count"] > 1:
                for n in g["items"]:
                    child = QTreeWidgetItem([f"{wording.short_date(_parse(n['at']))}  {n['message']}"])
                    child.setData(0, UUID_ROLE, ((n["id"],), n["task_uuid"]))
                    top.addChild(child)
            self.tree.addTopLevelItem(top)

    def rows(self) -> list[str]:
        """The top-level rows' texts (one per group)."""
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    def mark_selected_read(self) -> int:
        item = self.tree.currentItem()
        if item is None:
            return 0
        ids, _ = item.data(0, UUID_ROLE)
        n = self.mark_read(list(ids))
        self.reload()
        return n

    def mark_all_read(self) -> int:
        n = self.mark_read([i for g in self.groups for i in g["ids"]])
        self.reload()
        return n

    def _open(self, item: QTreeWidgetItem, column: int = 0) -> None:
        ids, task = item.data(0, UUID_ROLE)
        if task and len(ids) == 1:
            self.opened.emit(ids[0], task)


def _parse(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))

"""Tasks as plugins see them: ``ctx.tasks``, a typed facade bound to the signed-in user (Qt-free).

:class:`Tasks` answers every question the Tasks and Dashboards panels ask (inbox, one
task, its history and files, the actions the user may take, questions, notifications,
KPIs) and takes every change they make, always as the user signed in *now*: when someone
else signs in (File › Switch user) the next call is bound to them. Role and unit come
from the workspace's ``users`` table, never from the caller; what the user may see and
do is decided by :mod:`gisdesk.core.access` (ask it through :meth:`Tasks.may` and
:meth:`Tasks.read_filter` to enable buttons). Plugins never get the store or its
connection.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping

from gisdesk.core import access
from gisdesk.core.access import Decision, RowFilter
from gisdesk.core.layers import layer_source
from gisdesk.core.tasks import SlaRules, Task
from gisdesk.core.users import User

if TYPE_CHECKING:  # the store is opened on first use
    from gisdesk.store.tasks_store import TaskStore

Row = dict[str, Any]


class Tasks:
    """The workspace's two-level tasks and questions, as the signed-in user may see and change them.

    Parameters
    ----------
    path : Path or None
        The workspace (None: no workspace is open; every call raises ``RuntimeError``).
    user : callable
        Returns the signed-in :class:`~gisdesk.core.users.User` (read on every call).
    changed : callable, optional
        Called with the changed :class:`Task` after every committed :meth:`transition`
        (the plugin API's ``on_task_changed``).

    Every read returns only the rows the policy lets the user read; every change is
    checked by the policy, the task's state and its version, and a refused change
    raises (``PermissionDenied``, ``InvalidTransition``, ``ConflictError``,
    ``ValidationError``, ``KeyError``) having changed nothing.

    Examples
    --------
    >>> for task in ctx.tasks.inbox():  # doctest: +SKIP
    ...     print(task.title, ctx.tasks.allowed_actions(task.uuid))
    >>> ctx.tasks.may("create", "task").allowed  # doctest: +SKIP
    False
    """

    def __init__(self, path: Path | None, user: Callable[[], User],
                 changed: Callable[[Task], Any] | None = None, handoff: Any = None) -> None:
        self.path = layer_source(path) if path is not None else None  # a file or the server's address
        self._handoff = handoff  # the app's shared event (``ctx.events.on_handoff_requested``)
        self._user = user
        self._changed = changed
        self._store: TaskStore | None = None
        self._lock = threading.Lock()

    # -- binding ---------------------------------------------------------------------
    def _bound(self) -> TaskStore:
        """The store bound to the user signed in now (reopened when someone else signed in)."""
        if self.path is None:
            raise RuntimeError("no workspace is open")
        current = self._user()
        with self._lock:
            store = self._store
            if store is None or store.user.username != current.username:
                from gisdesk.store.tasks_store import TaskStore

                if store is not None:
                    store.close()
                self._store = store = TaskStore(self.path, current, on_transition=self._fire)
            return store

    def _fire(self, task: Task) -> None:
        if self._changed is not None:
            self._changed(task)

    def close(self) -> None:
        """Close the store (the context does it when the plugin unloads)."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    @property
    def user(self) -> User:
        """The signed-in user as the workspace knows them (role and unit from its ``users`` table)."""
        return self._bound().user

    # -- the policy ------------------------------------------------------------------
    def may(self, action: str, kind: str, record: Mapping[str, Any] | None = None) -> Decision:
        """Whether the user may take ``action`` on a record of ``kind`` (and why not).

        The answer of :func:`gisdesk.core.access.decide` for :attr:`user`: truthy when
        allowed, with ``reason`` when not. Without ``record``: on *some* record of the
        kind (to enable a menu entry or a button).
        """
        return access.decide(self.user, action, kind, record)

    def read_filter(self, kind: str) -> RowFilter:
        """Which rows of ``kind`` the user may read (:func:`gisdesk.core.access.read_filter`)."""
        return access.read_filter(self.user, kind)

    # -- reading tasks ---------------------------------------------------------------
    def inbox(self, limit: int = 500, now: datetime | str | None = None) -> list[Task]:
        """The tasks waiting for the user, overdue first, then by deadline."""
        return self._bound().inbox(limit, now)

    def task(self, task_id: str) -> Task:
        """One task (``KeyError`` if there is none, ``PermissionDenied`` when the user may not read it)."""
        return self._bound().task(task_id)

    def tasks(self, state: str | list[str] | None = None, commune: str | None = None,
              department: str | None = None, open_only: bool = False, limit: int | None = None) -> list[Task]:
        """The tasks the user may read that match every filter, newest first."""
        return self._bound().tasks(state, commune, department, open_only, limit)

    def timeline(self, task_id: str) -> list[Row]:
        """A task's history, oldest first (``version``, ``at``, ``who``, ``action``, ``from_state``,
        ``to_state``, ``note``, ``data``)."""
        return self._bound().timeline(task_id)

    def allowed_actions(self, task_id: str) -> list[str]:
        """The transitions the user may take on the task now (for its buttons)."""
        return self._bound().allowed_actions(task_id)

    def attachments(self, task_id: str) -> list[Row]:
        """The files of a task (``id``, ``name``, ``mime``, ``size``, ``added_at``, ``added_by``)."""
        return self._bound().attachments(task_id)

    def attachment_data(self, att_id: str) -> bytes:
        """The bytes of one attachment of a task the user may read."""
        return self._bound().attachment_data(att_id)

    def sla_rules(self) -> SlaRules:
        """The workspace's SLA rules (hours by category and severity)."""
        return self._bound().sla_rules()

    # -- changing tasks --------------------------------------------------------------
    def transition(self, task_id: str, action: str, version: int, **fields: Any) -> Task:
        """Take ``action`` on a task read at ``version`` (see :func:`gisdesk.core.tasks.plan` for
        ``fields``); fires ``on_task_changed`` and returns the changed task."""
        return self._bound().transition(task_id, action, version, **fields)

    def create(self, title: str, *, category: str = "", severity: int = 2, description: str = "",
               area: Any = None, incident_uuid: str | None = None, note: str | None = None) -> Task:
        """A new task in state ``created`` (the city)."""
        return self._bound().create(title, category=category, severity=severity, description=description,
                                    area=area, incident_uuid=incident_uuid, note=note)

    def create_from_incident(self, incident_uuid: str, title: str | None = None, note: str | None = None) -> Task:
        """A task about an incident (its category, severity and geometry copied; the city)."""
        return self._bound().create_from_incident(incident_uuid, title, note)

    def hand_off(self, incident_uuids: list[str]) -> bool:
        """Ask the panel that makes tasks (the Tasks panel) for one task about ``incident_uuids``.

        Returns whether anyone listens (``ctx.events.on_handoff_requested``); the listener
        creates the task through :meth:`create_from_incident` or :meth:`create`, under the policy.
        """
        uuids = [u for u in dict.fromkeys(incident_uuids) if u]
        if not uuids or not getattr(self._handoff, "_callbacks", None):  # nobody listens: say so
            return False
        self._handoff.emit(uuids)
        return True

    def attach(self, task_id: str, name: str, data: bytes) -> str:
        """Keep a photo or file with a task; returns the attachment id."""
        return self._bound().attach(task_id, name, data)

    def escalate_overdue(self, now: datetime | str | None = None) -> list[str]:
        """Flag the readable open tasks past their deadline as escalated; returns their ids."""
        return self._bound().escalate_overdue(now)

    # -- callbacks (satisfaction) ------------------------------------------------------
    def record_callback(self, task_id: str, result: str, note: str = "", *, reopen: bool = False) -> Row:
        """Record the reporter's callback on a closed task (the policy's ``create`` on ``callback``);
        with ``reopen`` a not satisfied or partly answer also reopens the case. Returns the callback row."""
        return self._bound().record_callback(task_id, result, note, reopen=reopen)  # a reopen fires on_task_changed

    def callbacks(self, task_id: str) -> list[Row]:
        """The callbacks recorded on a task, oldest first (``at``, ``who``, ``result``, ``note``, ``reopened``)."""
        return self._bound().callbacks(task_id)

    def reporter_contact(self, task_id: str) -> Row | None:
        """The reporter's contact for the callback (those who may record callbacks), or None."""
        return self._bound().reporter_contact(task_id)

    # -- dispatch rules ----------------------------------------------------------------
    def _dispatch(self) -> Any:
        from gisdesk.store.dispatch_store import DispatchStore

        if self.path is None:
            raise RuntimeError("no workspace is open")
        return DispatchStore(self.path, self.user)

    def dispatch_rules(self) -> list[Any]:
        """Every dispatch rule (:class:`~gisdesk.core.dispatch.DispatchRule`), in the order they are tried."""
        store = self._dispatch()
        try:
            return store.rules()
        finally:
            store.close()

    def save_dispatch_rule(self, rule: Any) -> Any:
        """Add (``id`` None) or change a dispatch rule (the policy's ``edit`` on ``routing_rule``)."""
        store = self._dispatch()
        try:
            return store.save(rule)
        finally:
            store.close()

    def delete_dispatch_rule(self, rule_id: int) -> None:
        """Remove a dispatch rule (the policy's ``edit`` on ``routing_rule``)."""
        store = self._dispatch()
        try:
            store.delete(rule_id)
        finally:
            store.close()

    def dispatch_dry_run(self, rules: list[Any] | None = None, start: Any = None, end: Any = None) -> tuple[list[Any], int]:
        """What the rules would have dispatched of the readable incidents in ``[start, end)``: the
        :class:`~gisdesk.core.dispatch.DryRun` rows and how many incidents were tried (nothing written)."""
        store = self._dispatch()
        try:
            return store.dry_run(rules, start, end)
        finally:
            store.close()

    # -- numbers ---------------------------------------------------------------------
    def kpis(self, start: Any = None, end: Any = None, commune: str | None = None,
             department: str | None = None, category: str | None = None) -> dict[str, Any]:
        """The task KPIs (on-time rate, resolution, backlog, overdue, …) over the readable tasks,
        with ``by_commune`` and ``by_department`` rows."""
        return self._bound().kpis(start, end, commune, department, category)

    def overview(self, start: Any = None, end: Any = None) -> list[Row]:
        """Per commune the user may read: ``commune``, ``open``, ``overdue``, ``completed``,
        ``on_time_rate``, ``open_questions``."""
        return self._bound().overview(start, end)

    # -- questions -------------------------------------------------------------------
    def ask(self, subject: str, body: str, *, to_department: str | None = None, task_uuid: str | None = None,
            incident_uuid: str | None = None, position: tuple[float, float] | None = None) -> str:
        """Ask the city (or ``to_department``) a question; returns its id (commune officers)."""
        return self._bound().ask(subject, body, to_department=to_department, task_uuid=task_uuid,
                                 incident_uuid=incident_uuid, position=position)

    def answer(self, question_id: str, body: str) -> str:
        """Add to a question's thread; returns the answer id."""
        return self._bound().answer(question_id, body)

    def close_question(self, question_id: str) -> None:
        """Close a question (the asking commune or the city)."""
        self._bound().close_question(question_id)

    def questions(self, open_only: bool = False, task_uuid: str | None = None) -> list[Row]:
        """The questions the user may read, newest first, each with ``answers`` (a count)."""
        return self._bound().questions(open_only, task_uuid)

    def thread(self, question_id: str) -> Row:
        """A question with its ``answers`` (``id``, ``at``, ``who``, ``body``), oldest first."""
        return self._bound().thread(question_id)

    def open_question_count(self) -> int:
        """Open questions addressed to the user's side (the city or their department)."""
        return self._bound().open_question_count()

    def answers_side(self, question: Mapping[str, Any]) -> bool:
        """Whether the user is on the side that must answer ``question``."""
        return access.answers_side(self.user, question)

    def asks(self, question: Mapping[str, Any]) -> bool:
        """Whether the user is an officer of the commune that asked ``question``."""
        return access.asks(self.user, question)

    def may_reply(self, question: Mapping[str, Any]) -> bool:
        """Whether :meth:`answer` would take the user's text on ``question``."""
        return self.may("edit", "question", question).allowed

    def may_close(self, question: Mapping[str, Any]) -> bool:
        """Whether :meth:`close_question` would let the user close ``question``."""
        return self.may("change_status", "question", question).allowed

    # -- notifications ---------------------------------------------------------------
    def notifications(self, unread_only: bool = True, limit: int = 200) -> list[Row]:
        """Notifications for the user's role or unit, newest first (``id``, ``at``, ``task_uuid``,
        ``kind``, ``message``, ``read_at``)."""
        return self._bound().notifications(unread_only, limit)

    def mark_read(self, ids: list[str]) -> int:
        """Mark the user's notifications read; returns how many changed."""
        return self._bound().mark_read(ids)

    def __repr__(self) -> str:
        return f"<Tasks {self.path.name if self.path else 'no workspace'}>"

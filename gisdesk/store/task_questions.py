"""Two-level interaction: questions from a commune to the city or a department, their threads, and notifications.

Mixed into :class:`gisdesk.store.tasks_store.TaskStore` (it uses the store's connection,
signed-in user, transactions and notifications). Tables ``task_questions`` and
``task_answers`` are created by :func:`gisdesk.store.tasks_store.ensure_tasks_schema`.

Who may do what is decided by :mod:`gisdesk.core.access` (kind ``question``: ``create``
to ask, ``edit`` to answer or follow up, ``change_status`` to close, and its read
filter; kind ``notification``: its read filter, ``edit`` to mark read). A question is
addressed to the city (``to_department=None``) or to one department and tied to a task
of the asking commune, an incident in it, or a position. An answer from the answering
side (:func:`gisdesk.core.access.answers_side`) marks the question ``answered``; a
follow-up from the asking commune makes it ``open`` again.
"""

from __future__ import annotations

import uuid as _uuid
from typing import Any

from gisdesk.core import access
from gisdesk.core.incidents import ValidationError, iso_utc
from gisdesk.core.tasks import Event, Task

_Q_COLUMNS = ("uuid", "asked_at", "asked_by", "commune", "to_department", "task_uuid", "incident_uuid", "x", "y",
              "subject", "body", "status", "updated_at")


class QuestionsMixin:
    """``ask``, ``answer``, ``close_question``, ``questions``, ``thread``, ``open_question_count``,
    ``notifications`` and ``mark_read`` of :class:`~gisdesk.store.tasks_store.TaskStore`, and the
    notifications its changes write (``_notify``, ``_notify_for``)."""

    conn: Any
    user: Any
    sql: Any  #: the connection's :class:`~gisdesk.store.dialect.Dialect`
    _scope: Any  #: the store's read filter as SQL: ``_scope(kind, alias) -> (condition, params)``

    def _question(self, question_id: str) -> dict[str, Any]:
        row = self.conn.execute(f"SELECT {', '.join(_Q_COLUMNS)} FROM task_questions WHERE uuid = ?",
                                (question_id,)).fetchone()
        if row is None:
            raise KeyError(f"no question {question_id}")
        q = dict(zip(_Q_COLUMNS, row))
        access.require(self.user, "read", "question", q)
        return q

    def ask(self, subject: str, body: str, *, to_department: str | None = None, task_uuid: str | None = None,
            incident_uuid: str | None = None, position: tuple[float, float] | None = None,
            question_id: str | None = None) -> str:
        """Ask the city (or ``to_department``) a question; returns its id. Commune officers only.

        ``question_id`` keeps the id the question has elsewhere (a change replayed from a package)."""
        u = self.user
        access.require(u, "create", "question", {"commune": u.commune})
        if not (subject or "").strip() or not (body or "").strip():
            raise ValidationError("a question needs a subject and a text")
        if task_uuid is None and incident_uuid is None and position is None:
            raise ValidationError("tie the question to a task, an incident or a map position")
        if task_uuid is not None:
            self._load(task_uuid)  # PermissionDenied outside the commune
        if incident_uuid is not None:
            row = self.conn.execute("SELECT commune FROM incidents WHERE uuid = ?", (incident_uuid,)).fetchone()
            if row is None:
                raise KeyError(f"no incident {incident_uuid}")
            access.require(u, "create", "question", {"commune": row[0]})
        if to_department is not None and not self.conn.execute(
                "SELECT 1 FROM routing_rules WHERE department = ? UNION SELECT 1 FROM users WHERE department = ?",
                (to_department, to_department)).fetchone():
            raise ValidationError(f"there is no department named {to_department!r}")
        x, y = (float(position[0]), float(position[1])) if position is not None else (None, None)
        qid, now = question_id or str(_uuid.uuid4()), iso_utc(self._now())
        with self.transaction():
            self.conn.execute(f"INSERT INTO task_questions ({', '.join(_Q_COLUMNS)}) VALUES "
                              f"({', '.join('?' * len(_Q_COLUMNS))})",
                              (qid, now, u.username, u.commune, to_department, task_uuid, incident_uuid, x, y,
                               subject.strip(), body.strip(), "open", now))
            self._notify("question", f"{u.commune} asks: {subject.strip()}", task_uuid,
                         to_role=None if to_department else "city_dispatcher", department=to_department)
        return qid

    def answers_side(self, q: dict[str, Any]) -> bool:
        """Whether the user is on the side that must answer question ``q`` (a :meth:`questions` row)."""
        return access.answers_side(self.user, q)

    def asks(self, q: dict[str, Any]) -> bool:
        """Whether the user is an officer of the commune that asked ``q``."""
        return access.asks(self.user, q)

    def may_reply(self, q: dict[str, Any]) -> bool:
        """Whether :meth:`answer` accepts this user's text on ``q`` (while it is not closed)."""
        return access.decide(self.user, "edit", "question", q).allowed

    def may_close(self, q: dict[str, Any]) -> bool:
        """Whether :meth:`close_question` accepts this user closing ``q``."""
        return access.decide(self.user, "change_status", "question", q).allowed

    def answer(self, question_id: str, body: str, *, answer_id: str | None = None) -> str:
        """Add to a question's thread (see the module docstring for who may); returns the answer id.

        ``answer_id`` keeps the id the answer has elsewhere (a change replayed from a package)."""
        q = self._question(question_id)
        u = self.user
        asker = self.asks(q)
        access.require(u, "edit", "question", q)
        if q["status"] == "closed":
            raise ValidationError("the question is closed")
        if not (body or "").strip():
            raise ValidationError("an answer needs a text")
        aid, now = answer_id or str(_uuid.uuid4()), iso_utc(self._now())
        with self.transaction():
            self.conn.execute("INSERT INTO task_answers VALUES (?, ?, ?, ?, ?)",
                              (aid, question_id, now, u.username, body.strip()))
            self.conn.execute("UPDATE task_questions SET status = ?, updated_at = ? WHERE uuid = ?",
                              ("open" if asker else "answered", now, question_id))
            if not asker:
                self._notify("answer", f"answer to '{q['subject']}'", q["task_uuid"], commune=q["commune"])
        return aid

    def close_question(self, question_id: str) -> None:
        """Close a question (the asking commune or the city)."""
        q = self._question(question_id)
        access.require(self.user, "change_status", "question", q)
        self.conn.execute("UPDATE task_questions SET status = 'closed', updated_at = ? WHERE uuid = ?",
                          (iso_utc(self._now()), question_id))

    def questions(self, open_only: bool = False, task_uuid: str | None = None) -> list[dict[str, Any]]:
        """The questions the user may read, newest first, each with ``answers`` (a count)."""
        scope, params = self._scope("question")
        where = [scope]
        if open_only:
            where.append("status = 'open'")
        if task_uuid is not None:
            where.append("task_uuid = ?")
            params = [*params, task_uuid]
        cur = self.conn.execute(f"SELECT {', '.join(_Q_COLUMNS)}, (SELECT count(*) FROM task_answers a WHERE "
                                f"a.question_uuid = q.uuid) FROM task_questions q WHERE {' AND '.join(where)} "
                                f"ORDER BY asked_at DESC, {self.sql.insert_order} DESC", params)
        return [dict(zip((*_Q_COLUMNS, "answers"), r)) for r in cur]

    def thread(self, question_id: str) -> dict[str, Any]:
        """A question with its ``answers``: a list of ``{id, at, who, body}``, oldest first."""
        q = self._question(question_id)
        cur = self.conn.execute("SELECT id, at, who, body FROM task_answers WHERE question_uuid = ? "
                                f"ORDER BY at, {self.sql.insert_order}", (question_id,))
        q["answers"] = [dict(zip(("id", "at", "who", "body"), r)) for r in cur]
        return q

    def open_question_count(self) -> int:
        """Open questions addressed to this user's side that it must answer (the city: those to the
        city; a department: those to it; anyone else: 0)."""
        mine = self.user.department  # None: addressed to the city
        if not access.answers_side(self.user, {"to_department": mine}):
            return 0
        scope, params = self._scope("question")
        return int(self.conn.execute(f"SELECT count(*) FROM task_questions WHERE status = 'open' AND {scope} "
                                     f"AND {self.sql.same('to_department', '?')}", [*params, mine]).fetchone()[0])

    # --- notifications ---------------------------------------------------------------
    def _notify(self, kind: str, message: str, task_uuid: str | None = None, to_role: str | None = None,
                commune: str | None = None, department: str | None = None) -> None:
        """Write a notification for a role (``to_role``) or a unit (``commune`` / ``department``)."""
        from gisdesk.store.tasks_store import _NOTIFY_SQL

        self.conn.execute(_NOTIFY_SQL,
                          (str(_uuid.uuid4()), iso_utc(self._now()), to_role, commune, department, task_uuid, kind, message))

    def _notify_for(self, task: Task, event: Event) -> None:
        """The notification a committed task change makes (to the unit or to the city)."""
        if event.action in ("assign", "reassign"):
            due = iso_utc(task.deadline) if task.deadline is not None else None
            self._notify("assigned", f"new task '{task.title}', due {due}", task.uuid,
                         commune=task.commune, department=task.department)
        elif event.action in ("return", "complete"):
            what = "returned" if event.action == "return" else "completed, to verify"
            self._notify(event.action, f"'{task.title}' {what} by {event.who}", task.uuid, to_role="city_dispatcher")
        elif event.action == "reopen":
            self._notify("reopened", f"'{task.title}' reopened: {event.note}", task.uuid,
                         commune=task.commune, department=task.department)

    def notifications(self, unread_only: bool = True, limit: int = 200) -> list[dict[str, Any]]:
        """Notifications for this user's role or unit (the policy's read filter), newest first."""
        who, params = self._scope("notification")
        cur = self.conn.execute(f"SELECT id, at, task_uuid, kind, message, read_at FROM task_notifications "
                                f"WHERE {who}{' AND read_at IS NULL' if unread_only else ''} "
                                f"ORDER BY at DESC, {self.sql.insert_order} DESC LIMIT {int(limit)}", params)
        return [dict(zip(("id", "at", "task_uuid", "kind", "message", "read_at"), r)) for r in cur]

    def mark_read(self, ids: list[str]) -> int:
        """Mark notifications read (only those the policy lets this user change); returns how many."""
        if not ids:
            return 0
        access.require(self.user, "edit", "notification")
        who, params = self._scope("notification")
        now = iso_utc(self._now())
        with self.transaction() as c:
            return sum(c.execute(f"UPDATE task_notifications SET read_at = ?, read_by = ? WHERE id = ? "
                                 f"AND read_at IS NULL AND {who}", [now, self.user.username, i, *params]).rowcount
                       for i in dict.fromkeys(ids))

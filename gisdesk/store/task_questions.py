"""Two-level interaction: questions from a commune to the city or a department, and their threads.

Mixed into :class:`gisdesk.store.tasks_store.TaskStore` (it uses the store's connection,
signed-in user, transactions and notifications). Tables ``task_questions`` and
``task_answers`` are created by :func:`gisdesk.store.tasks_store.ensure_tasks_schema`.

Who may do what
---------------
* ask: a commune officer, for their own commune; a question addressed to the city
  (``to_department=None``) or to one department, tied to a task of their commune, an
  incident in their commune, or a position.
* answer: the side that must answer (the city for questions to the city, the
  department's officers for questions to a department; the city may answer any), and
  the asking commune's officers (a follow-up). An answer from the answering side marks
  the question ``answered``; a follow-up from the commune makes it ``open`` again.
* close: the asking commune or the city.
* read: the city and viewers all; a commune officer their commune's questions; a
  department officer the questions addressed to their department.
"""

from __future__ import annotations

import uuid as _uuid
from typing import Any

from gisdesk.core.incidents import ValidationError, iso_utc
from gisdesk.core.users import PermissionDenied

_Q_COLUMNS = ("uuid", "asked_at", "asked_by", "commune", "to_department", "task_uuid", "incident_uuid", "x", "y",
              "subject", "body", "status", "updated_at")


class QuestionsMixin:
    """``ask``, ``answer``, ``close_question``, ``questions``, ``thread``, ``open_question_count``,
    ``notifications`` and ``mark_read`` of :class:`~gisdesk.store.tasks_store.TaskStore`."""

    conn: Any
    user: Any

    def _question_scope(self) -> tuple[str, list[Any]]:
        u = self.user
        if not u.active:
            return "0", []
        if u.is_city or u.role == "viewer":
            return "1", []
        if u.role == "commune_officer":
            return "commune = ?", [u.commune]
        return "to_department = ?", [u.department]

    def _question(self, question_id: str) -> dict[str, Any]:
        scope, params = self._question_scope()
        row = self.conn.execute(f"SELECT {', '.join(_Q_COLUMNS)}, ({scope}) FROM task_questions WHERE uuid = ?",
                                [*params, question_id]).fetchone()
        if row is None:
            raise KeyError(f"no question {question_id}")
        if not row[-1]:
            raise PermissionDenied(f"question {question_id} belongs to {row[3]}; {self.user.username} "
                                   f"({self.user.role}) works for {self.user.unit}")
        return dict(zip(_Q_COLUMNS, row[:-1]))

    def ask(self, subject: str, body: str, *, to_department: str | None = None, task_uuid: str | None = None,
            incident_uuid: str | None = None, position: tuple[float, float] | None = None) -> str:
        """Ask the city (or ``to_department``) a question; returns its id. Commune officers only."""
        u = self.user
        if u.role != "commune_officer" or not u.active:
            raise PermissionDenied(f"only a commune officer asks questions; {u.username} is a {u.role}")
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
            if row[0] != u.commune:
                raise PermissionDenied(f"incident {incident_uuid} is in {row[0]}, not in {u.commune}")
        if to_department is not None and not self.conn.execute(
                "SELECT 1 FROM routing_rules WHERE department = ? UNION SELECT 1 FROM users WHERE department = ?",
                (to_department, to_department)).fetchone():
            raise ValidationError(f"there is no department named {to_department!r}")
        x, y = (float(position[0]), float(position[1])) if position is not None else (None, None)
        qid, now = str(_uuid.uuid4()), iso_utc(self._now())
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
        u = self.user
        return u.is_city or (u.role == "department_officer" and q["to_department"] == u.department)

    def asks(self, q: dict[str, Any]) -> bool:
        """Whether the user is an officer of the commune that asked ``q``."""
        return self.user.role == "commune_officer" and q["commune"] == self.user.commune

    def may_reply(self, q: dict[str, Any]) -> bool:
        """Whether :meth:`answer` accepts this user's text on ``q`` (while it is not closed)."""
        return self.user.active and (self.answers_side(q) or self.asks(q))

    def may_close(self, q: dict[str, Any]) -> bool:
        """Whether :meth:`close_question` accepts this user closing ``q``."""
        return self.user.is_city or self.asks(q)

    def answer(self, question_id: str, body: str) -> str:
        """Add to a question's thread (see the module docstring for who may); returns the answer id."""
        q = self._question(question_id)
        u = self.user
        asker = self.asks(q)
        if not self.may_reply(q):
            raise PermissionDenied(f"{u.username} ({u.role}) cannot answer a question to "
                                   f"{q['to_department'] or 'the city'}")
        if q["status"] == "closed":
            raise ValidationError("the question is closed")
        if not (body or "").strip():
            raise ValidationError("an answer needs a text")
        aid, now = str(_uuid.uuid4()), iso_utc(self._now())
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
        if not self.may_close(q):
            raise PermissionDenied(f"only {q['commune']} or the city may close this question")
        self.conn.execute("UPDATE task_questions SET status = 'closed', updated_at = ? WHERE uuid = ?",
                          (iso_utc(self._now()), question_id))

    def questions(self, open_only: bool = False, task_uuid: str | None = None) -> list[dict[str, Any]]:
        """The questions the user may read, newest first, each with ``answers`` (a count)."""
        scope, params = self._question_scope()
        where = [scope]
        if open_only:
            where.append("status = 'open'")
        if task_uuid is not None:
            where.append("task_uuid = ?")
            params = [*params, task_uuid]
        cur = self.conn.execute(f"SELECT {', '.join(_Q_COLUMNS)}, (SELECT count(*) FROM task_answers a WHERE "
                                f"a.question_uuid = q.uuid) FROM task_questions q WHERE {' AND '.join(where)} "
                                "ORDER BY asked_at DESC, rowid DESC", params)
        return [dict(zip((*_Q_COLUMNS, "answers"), r)) for r in cur]

    def thread(self, question_id: str) -> dict[str, Any]:
        """A question with its ``answers``: a list of ``{id, at, who, body}``, oldest first."""
        q = self._question(question_id)
        cur = self.conn.execute("SELECT id, at, who, body FROM task_answers WHERE question_uuid = ? "
                                "ORDER BY at, rowid", (question_id,))
        q["answers"] = [dict(zip(("id", "at", "who", "body"), r)) for r in cur]
        return q

    def open_question_count(self) -> int:
        """Open questions this user's side must answer (city: to the city; department: to it)."""
        u = self.user
        if u.is_city:
            sql, params = "to_department IS NULL", []
        elif u.role == "department_officer":
            sql, params = "to_department = ?", [u.department]
        else:
            return 0
        return int(self.conn.execute(f"SELECT count(*) FROM task_questions WHERE status = 'open' AND {sql}",
                                     params).fetchone()[0])

    def notifications(self, unread_only: bool = True, limit: int = 200) -> list[dict[str, Any]]:
        """Notifications for this user's role or unit, newest first."""
        u = self.user
        if u.is_city:
            who, params = "to_role = 'city_dispatcher'", []
        elif u.role == "commune_officer":
            who, params = "commune = ?", [u.commune]
        elif u.role == "department_officer":
            who, params = "department = ?", [u.department]
        else:
            return []
        cur = self.conn.execute(f"SELECT id, at, task_uuid, kind, message, read_at FROM task_notifications "
                                f"WHERE {who}{' AND read_at IS NULL' if unread_only else ''} "
                                f"ORDER BY at DESC, rowid DESC LIMIT {int(limit)}", params)
        return [dict(zip(("id", "at", "task_uuid", "kind", "message", "read_at"), r)) for r in cur]

    def mark_read(self, ids: list[str]) -> None:
        """Mark notifications read (only those addressed to this user's side)."""
        mine = {n["id"] for n in self.notifications(unread_only=True, limit=100000)}
        self.conn.executemany("UPDATE task_notifications SET read_at = ?, read_by = ? WHERE id = ?",
                              [(iso_utc(self._now()), self.user.username, i) for i in ids if i in mine])

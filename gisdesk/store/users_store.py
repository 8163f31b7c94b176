"""Users of a gisdesk workspace: the ``users`` table, sign-in and the first administrator.

Schema
------
``users``: ``username`` (primary key), ``display_name``, ``role`` (one of
:data:`gisdesk.core.users.ROLES`), ``commune`` (commune officers), ``department``
(department officers), ``pw_hash`` (``scrypt$n$r$p$salt_hex$hash_hex``, never the
password), ``active`` (0 or 1), ``created_at`` (UTC ISO).

``sign_in_failures``: ``username`` (as typed, known or not), ``count`` (failed sign-ins
in a row), ``last_at`` (UTC ISO). Kept in the workspace, so restarting the app does not
reset the wait (:func:`gisdesk.core.users.sign_in_wait`); a successful sign-in deletes the row.

Only an administrator adds users or changes roles; anyone may change their own
password. While no administrator exists (:meth:`UserStore.needs_first_admin`), the
first one is made with :meth:`UserStore.create_first_admin` and nothing else.
"""

from __future__ import annotations

import math
import os
from typing import Any

from gisdesk.core.incidents import ValidationError, iso_utc, to_utc, utc_now
from gisdesk.core.users import (
    DUMMY_HASH,
    AuthError,
    PermissionDenied,
    User,
    check_new_password,
    hash_password,
    needs_rehash,
    rehash,
    sign_in_wait,
    verify_password,
)
from gisdesk.store.base import ConnectionStore, migration, open_workspace
from gisdesk.store.connection import connect

_COLUMNS = "username, display_name, role, commune, department, active"


def ensure_users_schema(workspace: str | os.PathLike[str] | Any) -> None:
    """Add the ``users`` and ``sign_in_failures`` tables to a workspace (a path or an open connection).

    Safe to run again."""
    conn = connect(workspace) if isinstance(workspace, (str, os.PathLike)) else workspace
    try:
        conn.execute("""CREATE TABLE IF NOT EXISTS users (
            username TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, commune TEXT,
            department TEXT, pw_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL)""")
        conn.execute("""CREATE TABLE IF NOT EXISTS sign_in_failures (
            username TEXT PRIMARY KEY, count INTEGER NOT NULL, last_at TEXT NOT NULL)""")
    finally:
        if conn is not workspace:
            conn.close()


def _user(row: tuple) -> User:
    return User(row[0], row[1], row[2], row[3], row[4], bool(row[5]))


def resolve_user(conn: Any, user: User | str) -> User:
    """Who ``user`` is in this workspace: role and unit re-read from the ``users`` table.

    Every store binds itself to the result, so a role or commune claimed by the caller
    is never trusted. A name that is not in the table acts as a ``viewer`` (reads,
    changes nothing). A workspace with no accounts at all (no ``users`` table, or no
    row in it: a single-user workstation that never set up sign-in) is run by its
    local user as ``administrator``, as it was before accounts existed.
    """
    from gisdesk.store.dialect import dialect_of

    if dialect_of(conn).server:
        return _server_user(conn, user)
    name = user if isinstance(user, str) else user.username
    display = name if isinstance(user, str) else (user.display_name or name)
    has_table = dialect_of(conn).has_table(conn, "users")
    if not has_table or conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is None:
        return User(name, display, "administrator")
    row = conn.execute(f"SELECT {_COLUMNS} FROM users WHERE username = ?", (name,)).fetchone()
    return _user(row) if row else User(name, display, "viewer")


def _server_user(conn: Any, user: User | str | None) -> User:
    """On the city server the login role is who acts (:func:`~gisdesk.store.server.current_officer`);
    naming anyone else is refused, never trusted."""
    from gisdesk.store.server import current_officer

    officer = current_officer(conn)
    name = user if isinstance(user, str) or user is None else user.username
    if name is not None and name != officer.username:
        raise PermissionDenied(f"on the city server you act as the login role of your connection "
                               f"({officer.username}), not as {name!r}")
    return officer


class UserStore(ConnectionStore):
    """Sign in, and manage the users of a workspace.

    Parameters
    ----------
    workspace : path-like or connection
        A gisdesk workspace; the ``users`` table is added when missing.
    """

    #: The clock of sign-in waits (tests replace it; nothing sleeps).
    _now = staticmethod(utc_now)

    def __init__(self, workspace: str | os.PathLike[str] | Any, *, read_only: bool = False) -> None:
        self._own = isinstance(workspace, (str, os.PathLike))
        # read_only: SQLite mode=ro, no migration (gisdesk users list); the table is added only to a
        # gisdesk workspace, after quick_check, in one transaction (base.migration).
        self.conn = open_workspace(workspace, read_only=read_only) if self._own else workspace
        from gisdesk.store.dialect import dialect_of

        if not read_only and dialect_of(self.conn).migrates_in_place:
            with migration(self.conn, workspace_only=True):
                ensure_users_schema(self.conn)

    def close(self) -> None:
        """Close the connection (if this store opened it)."""
        if self._own:
            self.conn.close()

    def _accounts_here(self, what: str) -> None:
        """Refuse, in one line, what only a workspace file's own accounts do (sign-in, passwords, adding):
        on the city server the login roles are PostgreSQL's."""
        from gisdesk.store.dialect import dialect_of
        from gisdesk.store.errors import StoreError

        if dialect_of(self.conn).server:
            raise StoreError(f"on the city server {what} is PostgreSQL's business: use 'gisdesk users add|disable "
                             "URL …' (passwords: the officer's login role)")

    def needs_first_admin(self) -> bool:
        """True while the workspace has no active administrator (the app then asks for one)."""
        return self.conn.execute("SELECT 1 FROM users WHERE role = 'administrator' AND active = 1").fetchone() is None

    def create_first_admin(self, username: str, password: str, display_name: str = "", *,
                           pw_hash: str | None = None) -> User:
        """Make the first administrator; refused (PermissionDenied) once one exists.

        ``password`` needs at least :data:`~gisdesk.core.users.MIN_PASSWORD_LENGTH` characters
        (ValidationError). ``pw_hash``, a :func:`~gisdesk.core.users.hash_password` hash made
        beforehand, is stored instead of hashing ``password`` (the demo accounts share one).
        """
        self._accounts_here("the first administrator")
        user = User(username, display_name or username, "administrator")
        user.check()
        pw_hash = _given_hash(pw_hash) or hash_password(password)
        with self.transaction():
            if not self.needs_first_admin():
                raise PermissionDenied("an administrator already exists: ask them to add your account")
            self._insert(user, pw_hash)
        return user

    def create_user(self, acting: User, username: str, password: str, role: str, display_name: str = "",
                    commune: str | None = None, department: str | None = None, *,
                    pw_hash: str | None = None) -> User:
        """Add a user (administrators only).

        ``pw_hash`` as for :meth:`create_first_admin`.

        Raises
        ------
        PermissionDenied
            ``acting`` is not an administrator.
        ValidationError
            A bad name or role, a password shorter than
            :data:`~gisdesk.core.users.MIN_PASSWORD_LENGTH`, an unknown commune, or a name already taken.
        """
        self._accounts_here("adding an officer")
        self._require_admin(acting, "add users")
        user = User(username, display_name or username, role, commune or None, department or None)
        user.check()
        if commune and self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'communes'").fetchone() \
                and not self.conn.execute("SELECT 1 FROM communes WHERE name = ?", (commune,)).fetchone():
            raise ValidationError(f"there is no commune named {commune!r} in this workspace")
        self._insert(user, _given_hash(pw_hash) or hash_password(password))
        return user

    def _insert(self, user: User, pw_hash: str) -> None:
        if self.conn.execute("SELECT 1 FROM users WHERE username = ?", (user.username,)).fetchone():
            raise ValidationError(f"the username {user.username!r} is taken")
        self.conn.execute("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
                          (user.username, user.display_name, user.role, user.commune, user.department, pw_hash,
                           iso_utc(utc_now())))

    def authenticate(self, username: str, password: str) -> User:
        """The active user with this name and password.

        Failed attempts are counted per name in the workspace (``sign_in_failures``);
        after :data:`~gisdesk.core.users.FREE_FAILURES` of them in a row the name must
        wait (:func:`~gisdesk.core.users.sign_in_wait`) before its next try. A success
        resets the count, and a hash cheaper than new ones (an old N = 2^14) is replaced
        by a new one of the same password, in the same call.

        Raises
        ------
        AuthError
            ``wrong username or password`` -- the same words, and about the same time,
            whichever of the two was wrong (or when the account is disabled);
            ``too many failed attempts: try again in N s`` while the name must wait
            (the password is then not checked at all).
        """
        self._accounts_here("signing in")
        name = str(username).strip().lower()[:64]
        now = self._now()
        failures = self.conn.execute("SELECT count, last_at FROM sign_in_failures WHERE username = ?",
                                     (name,)).fetchone()
        if failures:
            wait = sign_in_wait(failures[0])  # never longer, even if the clock was set back
            left = min(wait, (to_utc(failures[1]) - now).total_seconds() + wait)
            if left > 0:
                raise AuthError(f"too many failed attempts: try again in {math.ceil(left)} s")
        row = self.conn.execute(f"SELECT {_COLUMNS}, pw_hash FROM users WHERE username = ?", (name,)).fetchone()
        ok = verify_password(password, row[6] if row else DUMMY_HASH)
        if row is None or not ok or not row[5]:
            self._write([("INSERT INTO sign_in_failures VALUES (?, 1, ?) ON CONFLICT (username) "
                          "DO UPDATE SET count = count + 1, last_at = excluded.last_at", (name, iso_utc(now)))])
            raise AuthError("wrong username or password")
        writes = [("DELETE FROM sign_in_failures WHERE username = ?", (name,))] if failures else []
        if needs_rehash(row[6]):  # only if nobody changed the password meanwhile
            writes.append(("UPDATE users SET pw_hash = ? WHERE username = ? AND pw_hash = ?",
                           (rehash(password), name, row[6])))
        self._write(writes)
        return _user(row)

    def _write(self, statements: list[tuple[str, tuple]]) -> None:
        """Run ``statements`` all or nothing (inside the caller's transaction when one is open)."""
        if not statements:
            return
        if self.conn.in_transaction:
            for sql, params in statements:
                self.conn.execute(sql, params)
            return
        with self.transaction():
            for sql, params in statements:
                self.conn.execute(sql, params)

    def get(self, username: str) -> User:
        """The user ``username`` (KeyError if there is none)."""
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM users WHERE username = ?", (username,)).fetchone()
        if row is None:
            raise KeyError(f"no user {username}")
        return _user(row)

    def users(self, acting: User) -> list[User]:
        """The users ``acting`` may read, by name: an administrator every account, anyone else their own.

        The access policy decides (:func:`gisdesk.core.access.read_filter`, kind ``user``),
        with ``acting``'s role re-read from the table (:func:`resolve_user`)."""
        from gisdesk.core import access
        from gisdesk.store._access_sql import where

        scope, params = where(access.read_filter(resolve_user(self.conn, acting), "user"))
        rows = self.conn.execute(f"SELECT {_COLUMNS} FROM users WHERE {scope} ORDER BY username", params).fetchall()
        return [_user(r) for r in rows]

    def set_password(self, acting: User, username: str, new_password: str, old_password: str | None = None) -> None:
        """Change a password: one's own (giving the old one) or anyone's as administrator.

        The new password needs at least :data:`~gisdesk.core.users.MIN_PASSWORD_LENGTH`
        characters (ValidationError); it is checked before the old one, and nothing changes.
        """
        self._accounts_here("a password")
        if not self._administers(acting):  # the policy on the stored role: anyone else only their own
            if acting.username != username:
                raise PermissionDenied(f"{acting.username} may change only their own password")
            check_new_password(new_password)  # before the old one is tried: a refusal changes nothing
            self.authenticate(username, old_password or "")
        pw_hash = hash_password(new_password)
        if not self.conn.execute("UPDATE users SET pw_hash = ? WHERE username = ?", (pw_hash, username)).rowcount:
            raise KeyError(f"no user {username}")

    def set_active(self, acting: User, username: str, active: bool) -> None:
        """Enable or disable an account (administrators; not the last active administrator)."""
        self._accounts_here("disabling an officer")
        self._require_admin(acting, "disable or enable accounts")
        user = self.get(username)
        if not active and user.role == "administrator" and self.conn.execute(
                "SELECT count(*) FROM users WHERE role = 'administrator' AND active = 1").fetchone()[0] <= 1:
            raise ValidationError("cannot disable the last administrator")
        self.conn.execute("UPDATE users SET active = ? WHERE username = ?", (int(bool(active)), username))

    def all_users(self) -> list[User]:
        """Every account, by name, for the command line of whoever holds the workspace file.

        They can read the ``users`` table with any SQLite tool anyway (no password hash is
        returned). The window and plugins use :meth:`users`, which applies the access policy.
        """
        return [_user(r) for r in self.conn.execute(f"SELECT {_COLUMNS} FROM users ORDER BY username")]

    def _administers(self, acting: User) -> Any:
        """The policy's :class:`~gisdesk.core.access.Decision` on ``acting`` administering accounts,
        with the role and state the table gives ``acting`` (never the object's claim)."""
        from gisdesk.core import access

        row = self.conn.execute(f"SELECT {_COLUMNS} FROM users WHERE username = ?", (acting.username,)).fetchone()
        stored = _user(row) if row else User(acting.username, acting.display_name, "viewer", active=False)
        return access.decide(stored, "administer", "user")

    def _require_admin(self, acting: User, what: str) -> None:
        if not self._administers(acting):  # the policy, on the stored role, not the object's
            raise PermissionDenied(f"only an administrator may {what}; {acting.username} is a {acting.role}")


def _given_hash(pw_hash: str | None) -> str | None:
    """A hash handed in instead of a password, if it is a current one (ValidationError if not)."""
    if pw_hash is not None and needs_rehash(pw_hash):
        raise ValidationError("pw_hash must be a hash made by hash_password")
    return pw_hash

"""What every gisdesk store shares: one connection, ``with`` support, ``BEGIN IMMEDIATE`` transactions,
and schema migrations that are all or nothing and touch only gisdesk workspaces.

Rules (issue 12, "a workspace is never destroyed or changed by accident")
-------------------------------------------------------------------------
* A migration (:func:`migration`) runs only on a gisdesk workspace
  (:func:`~gisdesk.store.connection.workspace_problem`), only after ``PRAGMA quick_check``
  said ``ok``, and inside one ``BEGIN IMMEDIATE`` … ``COMMIT``: SQLite's DDL is
  transactional, so a failing migration leaves nothing behind.
* A transaction that fails surfaces the error that made it fail: SQLite rolls back by
  itself on some errors (a full disk), and the ``ROLLBACK`` that follows must not replace
  that error with "cannot rollback - no transaction is active".
* A lock held by another writer for longer than the busy timeout (5 s) is
  :class:`~gisdesk.store.errors.WorkspaceBusy`, never a bare ``database is locked``.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from gisdesk.store.connection import (
    connect,
    enable_wal,
    require_healthy,
    require_workspace,
    sqlite_module,
    translate_error,
)
from gisdesk.store.errors import StoreError


def database_path(conn: Any) -> str:
    """The file behind ``conn``'s main database ("" for an in-memory database)."""
    for row in conn.execute("PRAGMA database_list"):
        if row[1] == "main":
            return row[2] or ""
    return ""


def _translated(exc: BaseException, conn: Any) -> BaseException:
    """A :class:`StoreError` for the SQLite errors a person can act on (full disk, busy, damaged,
    read-only); any other error as it is (constraint and trigger errors keep their type)."""
    if not isinstance(exc, (sqlite3.Error, sqlite_module().Error)):
        return exc
    try:
        path = database_path(conn) or "workspace"
    except Exception:  # the connection itself is unusable: name nothing rather than mask the error
        path = "workspace"
    err = translate_error(exc, path)  # type: ignore[arg-type]
    if type(err) is StoreError:  # no specific meaning: keep the DB-API error for the caller
        return exc
    return err


def _rollback(conn: Any) -> None:
    """Roll back if a transaction is still open (SQLite ends it by itself after SQLITE_FULL and
    some I/O errors); never raise from here, so the error that made us roll back surfaces."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except Exception:
        pass


def _release(conn: Any, name: str, ok: bool) -> None:
    if not ok:
        try:
            conn.execute(f"ROLLBACK TO {name}")
        except Exception:
            pass
    try:
        conn.execute(f"RELEASE {name}")
    except Exception:
        if ok:
            raise


@contextmanager
def write_transaction(conn: Any) -> Iterator[Any]:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` on ``conn``; on any error roll back and raise the original error.

    Inside a transaction already open on ``conn`` it nests as a savepoint. SQLite errors a
    person can act on are raised as store errors: :class:`~gisdesk.store.errors.WorkspaceBusy`
    (another writer kept the lock past the busy timeout: SQLite's busy handler is the bounded
    retry), :class:`~gisdesk.store.errors.DiskFullError`,
    :class:`~gisdesk.store.errors.DamagedDatabaseError`, :class:`~gisdesk.store.errors.ReadOnlyError`.
    """
    if conn.in_transaction:
        name = "gisdesk_nested"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            _release(conn, name, ok=False)
            raise
        _release(conn, name, ok=True)
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except Exception as exc:
        err = _translated(exc, conn)
        if err is exc:
            raise
        raise err from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        _rollback(conn)
        err = _translated(exc, conn) if isinstance(exc, Exception) else exc
        if err is exc:
            raise
        raise err from exc


def open_workspace(path: str | os.PathLike[str], *, read_only: bool = False, **kw: Any) -> Any:
    """A connection (:func:`~gisdesk.store.connection.connect`) to the gisdesk workspace at ``path``.

    ``read_only`` opens it with SQLite's ``mode=ro``: nothing can be written, the journal
    mode is left alone and no migration runs. Either way a file that is not a gisdesk
    workspace raises :class:`~gisdesk.store.errors.NotAWorkspaceError` before anything is
    written (a writable connection switches only a healthy workspace to WAL). Its schema
    version is checked first (:func:`~gisdesk.store.schema_version.check_open`): a workspace
    written by a newer gisdesk is refused; an older one opens only ``read_only``.

    A ``postgresql://`` URL opens the city server instead
    (:class:`~gisdesk.store.pg_conn.ServerConnection`: the same surface, its own dialect);
    ``read_only`` and ``kw`` apply to workspace files only.
    """
    from gisdesk.store.dialect import is_server_url

    if is_server_url(str(path)):
        from gisdesk.store.pg_conn import open_server

        return open_server(str(path))
    wal = kw.pop("wal", True)
    conn = connect(path, read_only=read_only, wal=False, **kw)
    try:
        require_workspace(conn, path)
        from gisdesk.store.schema_version import check_open

        check_open(conn, str(path), writable=not read_only)  # before WAL: a refused file keeps its bytes
        if wal and not read_only:
            enable_wal(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def migration(workspace: str | os.PathLike[str] | Any, *, workspace_only: bool = False) -> Iterator[Any]:
    """A connection to ``workspace`` (a path, or an open connection used as it is) inside
    ``BEGIN IMMEDIATE`` … ``COMMIT``: a schema change is applied whole or not at all.

    Before anything is written, the file must pass ``PRAGMA quick_check`` and be a
    SpatiaLite file that is not a GeoPackage; with ``workspace_only`` (the gisdesk schema
    migrations of the stores) it must be a gisdesk workspace. A connection opened here does
    not change the journal mode and is closed afterwards.

    Raises
    ------
    NotAWorkspaceError
        A GeoPackage or any other non-SpatiaLite SQLite file; with ``workspace_only``, also a
        SpatiaLite file of another program (ogr2ogr, QGIS).
    DamagedDatabaseError
        ``quick_check`` found damage.
    WorkspaceBusy, DiskFullError
        As :func:`write_transaction`; nothing was changed.
    """
    own = isinstance(workspace, (str, os.PathLike))
    conn = connect(workspace, wal=False) if own else workspace
    try:
        path = Path(workspace) if own else Path(database_path(conn) or "workspace")
        require_workspace(conn, path, gisdesk=workspace_only)
        require_healthy(conn, path)
        with write_transaction(conn):
            yield conn
    finally:
        if own:
            conn.close()


class ConnectionStore:
    """A store over one SpatiaLite connection (``self.conn``), closed by :meth:`close` or ``with``."""

    conn: Any

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error: a change is all or nothing.

        The error that made it fail is the one raised (a full disk is
        :class:`~gisdesk.store.errors.DiskFullError`, a lock held too long
        :class:`~gisdesk.store.errors.WorkspaceBusy`); see :func:`write_transaction`.
        """
        with write_transaction(self.conn) as conn:
            yield conn

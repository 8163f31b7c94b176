"""What every gisdesk store shares: one connection, ``with`` support, ``BEGIN IMMEDIATE`` transactions,
and schema migrations that are all or nothing."""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Any, Iterator

from gisdesk.store.connection import connect


@contextmanager
def migration(workspace: str | os.PathLike[str] | Any) -> Iterator[Any]:
    """A connection to ``workspace`` (a path, or an open connection used as it is) inside
    ``BEGIN IMMEDIATE`` … ``COMMIT``: a schema change is applied whole or not at all.
    A connection opened here is closed afterwards."""
    conn = connect(workspace) if isinstance(workspace, (str, os.PathLike)) else workspace
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        if conn is not workspace:
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
        """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error: a change is all or nothing."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

"""What every gisdesk store shares: one connection, ``with`` support, ``BEGIN IMMEDIATE`` transactions."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator


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

"""Cancel a running query on the city server when a newer view replaces it.

A read on a :class:`~gisdesk.store.pg_datasource.ServerDataSource` blocks in libpq while
PostgreSQL works; the thread that wants it stopped asks the server to cancel it
(``PQcancel``, psycopg's :meth:`~psycopg.Connection.cancel_safe`, what
``pg_cancel_backend`` does from SQL). The server stops the query at its next
``CHECK_FOR_INTERRUPTS`` (sub-millisecond in scans and aggregates) and answers
``QueryCanceled``, which :func:`cancellable` turns into
:class:`~gisdesk.store.reader.ReadCancelled`. The connection is in autocommit, so it
stays usable for the next read.

Two ways in, as for SQLite reads (:mod:`gisdesk.store.reader`):

* ``on_cancel(fn)``: the renderer's :class:`~gisdesk.render.renderer.CancelToken` calls
  ``fn`` from the cancelling thread at once;
* ``cancelled()``: polled every :data:`POLL_S` by a small watcher thread while the query runs.

A request that reaches the server before the query does finds the backend idle and is lost, so
the watcher sends it again every :data:`RESEND_S` until the query has ended.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

#: How often ``cancelled()`` is polled while a server query runs (seconds).
POLL_S = 0.01


#: A cancel is sent again this often while the query has not ended (a request that reached the
#: server before the query did is lost: the backend was idle).
RESEND_S = 0.02


def _send(conn: Any) -> None:
    try:
        conn.cancel_safe(timeout=2.0)
    except Exception:  # the query ended meanwhile, or the server is gone: the read reports that itself
        pass


@contextmanager
def cancellable(conn: Any, cancelled: Callable[[], bool] | None = None,
                on_cancel: Callable[[Callable[[], None]], Callable[[], None]] | None = None) -> Iterator[None]:
    """Run the block's query on ``conn`` so that a cancel stops it on the server.

    Parameters
    ----------
    conn : psycopg.Connection
        The autocommit connection the block queries.
    cancelled : callable, optional
        Polled before the query and every :data:`POLL_S` while it runs.
    on_cancel : callable, optional
        ``on_cancel(fn)`` registers ``fn`` (sends the cancel request) and returns its undo.

    Raises
    ------
    ReadCancelled
        The query was cancelled (or ``cancelled()`` was already true: nothing is sent).
    """
    import psycopg

    from gisdesk.store.reader import ReadCancelled

    if cancelled is not None and cancelled():
        raise ReadCancelled()
    wanted = threading.Event()  # a cancel was asked for
    done = threading.Event()  # the block has ended

    def cancel_now() -> None:  # from the cancelling thread: one request at once, never blocking for long
        if not wanted.is_set():
            wanted.set()
            _send(conn)

    forget = on_cancel(cancel_now) if on_cancel is not None else None

    def watch() -> None:  # polls cancelled(); repeats the request until the query has ended
        while not done.wait(POLL_S):
            if not wanted.is_set() and cancelled is not None and cancelled():
                cancel_now()
            if wanted.is_set():
                while not done.wait(RESEND_S):
                    _send(conn)
                return

    watcher = threading.Thread(target=watch, name="pg-cancel-watch", daemon=True)
    watcher.start()
    try:
        yield
    except psycopg.errors.QueryCanceled:
        raise ReadCancelled() from None
    finally:
        done.set()
        if forget is not None:
            forget()
        watcher.join()
    if wanted.is_set() or (cancelled is not None and cancelled()):
        raise ReadCancelled()  # cancelled as the query finished: the newer view wins all the same


__all__ = ["POLL_S", "RESEND_S", "cancellable"]

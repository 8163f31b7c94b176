"""A city-server connection that the stores use exactly like their SpatiaLite connection.

:class:`ServerConnection` wraps a psycopg 3 connection and presents the small part of
the ``sqlite3`` surface the stores use: ``execute``/``executemany`` with ``?``
placeholders, cursors (``fetchone``, ``fetchall``, iteration, ``description``,
``rowcount``), ``in_transaction``, ``close``, and the transaction statements of
:func:`gisdesk.store.base.write_transaction` (``BEGIN IMMEDIATE``, ``SAVEPOINT``,
``RELEASE``, ``ROLLBACK TO``, ``COMMIT``, ``ROLLBACK``). Its :attr:`dialect` is
:data:`gisdesk.store.dialect.POSTGIS`.

What it translates, and nothing more:

* ``?`` -> ``%s`` outside quoted text, and ``%`` -> ``%%`` when there are parameters
  (:func:`to_pyformat`).
* ``BEGIN IMMEDIATE`` (SQLite: one writer at a time, readers go on) becomes ``BEGIN`` plus
  a transaction-level advisory lock (:data:`WRITER_LOCK`) that every gisdesk writer takes:
  the same one-writer-at-a-time rule, so the stores' read-check-write (the version check)
  cannot lose an update on the server either. Readers never wait for it.
* ``timestamptz`` values are read as UTC ISO 8601 text (``2026-05-01T08:30:00Z``, to the
  second, as gisdesk stores times) and ``uuid`` values as text, so callers see what a
  workspace gives them. The session's time zone is UTC.
* A refusal by the server's row-level security or grants (SQLSTATE 42501) is
  :class:`~gisdesk.core.users.PermissionDenied` with the server's first line.

The password comes from the URL, ``PGPASSWORD`` or ``~/.pgpass`` (libpq's own rules), ``password=``
given by the caller, or the one typed into the window for this address
(:func:`~gisdesk.store.pg_datasource.remember_password`, memory only); gisdesk stores none.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from gisdesk.store.dialect import POSTGIS

#: The advisory lock key every gisdesk writer holds for its transaction (``BEGIN IMMEDIATE``).
WRITER_LOCK = 0x6769_7364  # "gisd"
_VERBATIM = {"COMMIT", "ROLLBACK"}


def to_pyformat(sql: str, has_params: bool) -> str:
    """``sql`` with ``?`` placeholders in psycopg's ``%s`` style.

    ``?`` inside quoted text (``'…'``, ``"…"``) stays; with parameters every ``%`` is
    doubled (psycopg reads ``%`` as a placeholder anywhere when parameters are given).

    Examples
    --------
    >>> to_pyformat("SELECT 1 FROM t WHERE a = ? AND b LIKE 'x%' AND c = '?'", True)
    "SELECT 1 FROM t WHERE a = %s AND b LIKE 'x%%' AND c = '?'"
    """
    if not has_params:
        return sql
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in ("'", '"'):
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


def _iso_loader():
    from psycopg.adapt import Loader

    class IsoUtcLoader(Loader):
        """``timestamptz`` (text, TimeZone UTC: ``2026-05-01 08:30:00+00``) -> ``2026-05-01T08:30:00Z``."""

        def load(self, data: Any) -> str:
            text = bytes(data).decode()
            return f"{text[:10]}T{text[11:19]}Z"

    return IsoUtcLoader


class ServerConnection:
    """A psycopg 3 connection with the ``sqlite3`` surface the gisdesk stores use.

    Parameters
    ----------
    url : str
        ``postgresql://LOGIN@HOST/DATABASE`` (password from the URL, ``PGPASSWORD`` or ``~/.pgpass``).
    **kw
        Passed to :func:`psycopg.connect` (for instance ``password``).
    """

    dialect = POSTGIS

    def __init__(self, url: str, **kw: Any) -> None:
        from psycopg.types.string import TextLoader

        from gisdesk.store.pg_datasource import remembered_password
        from gisdesk.store.server import connect

        self.url = url
        if "password" not in kw and remembered_password(url):  # typed into the window: memory only
            kw["password"] = remembered_password(url)
        self.raw = connect(url, autocommit=True, **kw)
        self.raw.adapters.register_loader("timestamptz", _iso_loader())
        self.raw.adapters.register_loader("uuid", TextLoader)
        self.raw.execute("SET TimeZone = 'UTC'")
        self.raw.execute("SET DateStyle = 'ISO, YMD'")

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open (as ``sqlite3.Connection.in_transaction``)."""
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    @property
    def closed(self) -> bool:
        """Whether the connection is closed."""
        return self.raw.closed

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """Run one statement (``?`` placeholders); returns a psycopg cursor."""
        word = sql.strip().upper()
        if word == "BEGIN IMMEDIATE":
            cur = self._run("BEGIN", None)
            self._run("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))
            return cur
        if word in _VERBATIM:
            return self._run(word, None)
        return self._run(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        """Run one statement for each parameter row."""
        import psycopg

        cur = self.raw.cursor()
        try:
            cur.executemany(to_pyformat(sql, True), list(rows))
        except psycopg.errors.InsufficientPrivilege as exc:
            raise _denied(exc) from None
        return cur

    def _run(self, sql: str, params: Sequence[Any] | None) -> Any:
        import psycopg

        has = bool(params)
        try:
            return self.raw.execute(to_pyformat(sql, has), list(params) if has else None)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise _denied(exc) from None

    def close(self) -> None:
        """Close the connection (an open transaction is rolled back by the server)."""
        self.raw.close()

    def __enter__(self) -> "ServerConnection":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _denied(exc: BaseException) -> Exception:
    from gisdesk.core.users import PermissionDenied

    first = (str(exc).strip().splitlines() or ["permission denied"])[0]
    return PermissionDenied(f"the server refused: {first}")


def open_server(url: str, **kw: Any) -> ServerConnection:
    """A :class:`ServerConnection` to a gisdesk server at ``url`` (what the stores open for a URL).

    Raises
    ------
    StoreError
        One line: the server refused the connection, or the database has no gisdesk schema
        (``gisdesk server init`` was not run).
    """
    from gisdesk.store.server import _require_gisdesk

    conn = ServerConnection(url, **kw)
    try:
        _require_gisdesk(conn.raw)
        from gisdesk.store.pg_datasource import strip_password
        from gisdesk.store.schema_version import check_open

        check_open(conn, strip_password(url), writable=True)  # an older server: 'gisdesk migrate URL' first
    except BaseException:
        conn.close()
        raise
    return conn

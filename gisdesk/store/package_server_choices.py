"""What File › Take offline… offers on the city server, and whether the package can be made.

The window on a ``postgresql://`` server has no workspace file to read the choices from
(:func:`gisdesk.store.package_estimate.package_choices` reads SpatiaLite): this module reads
them from the server as the window's own login role, so row-level security decides what is
seen (an administrator reads every account, others their own):

* :func:`server_choices` — the communes, the published reference layers and the accounts the
  login may read;
* :func:`check_receiver` — the same checks :func:`gisdesk.store.package_server.create_from_server`
  makes before it reads anything (the policy's ``create`` ``package`` for the login, the sync
  tables, the package user as the login may read them), so the dialog can say the policy's or
  the server's refusal before anything is written. Nothing is written.

No size estimate is made on the server (it would read the package's rows): the dialog says so.
"""

from __future__ import annotations

from typing import Any


def _open(url: str, password: str | None) -> Any:
    from gisdesk.store.pg_conn import open_server
    from gisdesk.store.sync_server import with_password

    return open_server(with_password(str(url), password))


def server_choices(url: str, password: str | None = None) -> tuple[list[str], list[str], list[str]]:
    """``(commune names, reference layer names, account names)`` on the server at ``url``, as its login reads them.

    Parameters
    ----------
    url : str
        The server's address with the login (no password needed when ``password`` is given).
    password : str, optional
        The login's password (memory only); None lets libpq find it.
    """
    from gisdesk.store.package_server import _layers
    from gisdesk.store.pg_datasource import _HIDDEN_VIEWS

    conn = _open(url, password)
    try:
        layers = sorted(set(_layers(conn)) - _HIDDEN_VIEWS)  # the application's own views are no layers
        communes = [r[0] for r in conn.execute("SELECT name FROM communes ORDER BY name")] \
            if "communes" in layers else []
        accounts = [r[0] for r in conn.execute("SELECT username FROM users WHERE active = 1 ORDER BY username")]
    finally:
        conn.close()
    return communes, layers, accounts


def check_receiver(url: str, password: str | None, for_user: str) -> Any:
    """The package user ``for_user`` as the server's login at ``url`` may make a package for them.

    Returns the :class:`~gisdesk.core.users.User`. Raises what ``package create URL`` raises first:
    :class:`~gisdesk.core.users.PermissionDenied` with the policy's reason, or a store error
    (no such officer, no sync tables, a deactivated account).
    """
    from gisdesk.core import access
    from gisdesk.store.package_create import PackageError
    from gisdesk.store.server import current_officer
    from gisdesk.store.sync_server import package_user, require_sync_tables

    conn = _open(url, password)
    try:
        access.require(current_officer(conn), "create", "package")
        require_sync_tables(conn)
        receiver = package_user(conn, for_user)
    finally:
        conn.close()
    if not receiver.active:
        raise PackageError(f"the account {for_user!r} is deactivated; a package for it would hold nothing")
    return receiver


__all__ = ["check_receiver", "server_choices"]

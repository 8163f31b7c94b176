"""Ask the access policy before a store function changes a workspace's shared layers or styles."""

from __future__ import annotations

import getpass
import os
from typing import Any

from gisdesk.core import access


def acting_user(workspace: str | os.PathLike[str], user: Any = None) -> Any:
    """Who ``user`` is in ``workspace``: role and unit re-read from its ``users`` table.

    ``user`` is a signed-in user (either shape) or a name; None is the local OS user.
    A name the table does not know acts as a viewer; a file without accounts is its
    local user's (:func:`~gisdesk.store.users_store.resolve_user`).
    """
    from gisdesk.store.connection import check_sqlite_file, connect, translate_error
    from gisdesk.store.datasource import as_account
    from gisdesk.store.users_store import resolve_user

    if user is None:
        try:
            user = getpass.getuser()
        except Exception:  # no login name in some containers
            user = os.environ.get("USER", "user")
    conn = connect(check_sqlite_file(workspace), read_only=True, wal=False, spatialite=False)
    try:
        return resolve_user(conn, user if isinstance(user, str) else as_account(user))
    except Exception as exc:
        raise translate_error(exc, workspace) from exc
    finally:
        conn.close()


def require_in(workspace: str | os.PathLike[str], user: Any, action: str, kind: str) -> Any:
    """Raise :class:`~gisdesk.core.users.PermissionDenied` (nothing written) unless the policy allows it."""
    account = acting_user(workspace, user)
    access.require(account, action, kind)
    return account

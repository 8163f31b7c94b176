"""Sync with the city server: its three sync tables, their row-level security, and who applies.

The package side of sync is the same on every source (:mod:`gisdesk.store.sync_session`);
when the source is a ``postgresql://`` URL the stores run on the server through
:class:`~gisdesk.store.pg_conn.ServerConnection`, and this module adds what only the server
needs:

``gisdesk_sync_peers``, ``gisdesk_sync_in``, ``gisdesk_sync_conflicts``
    The same tables (and columns, as ``TEXT``) a SpatiaLite source keeps
    (:mod:`gisdesk.store.sync_log`), made by ``gisdesk server init`` (:func:`sync_tables_sql`),
    owned by the owner role, with row-level security enabled and forced:

    * a package is registered (``INSERT`` into ``gisdesk_sync_peers``) only by the roles the
      access policy lets ``create`` a ``package`` (dispatcher, administrator), who read all
      of them; an officer reads and updates (``last_seen``, ``since``) only the packages made
      for their own login, and never another officer's signing key;
    * the results of a package's changes (``gisdesk_sync_in``) are written and read by that
      package's user (and read by the city);
    * a conflict record is written by the package's user for their own package and read by
      whoever may read the task's unit under the policy (the same read filter as ``tasks``),
      and settled (``UPDATE``) by the city.

Who applies
    A package's changes are applied *as the package's user's own login role*
    (:func:`require_package_login`): the stores replay them through the policy, and the
    server's row-level security checks every row again. Another login (the city's
    dispatcher holding a USB stick) is refused with the reason: the changes are applied
    from a connection of the officer whose changes they are.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from gisdesk.core import access
from gisdesk.core.users import PermissionDenied, User
from gisdesk.store.errors import StoreError
from gisdesk.store.server_policy import (
    GROUP_ROLES,
    OWNER_ROLE,
    cond_sql,
    member_sql,
    read_cond,
    template_user,
)

PEERS, IN, CONFLICTS = "gisdesk_sync_peers", "gisdesk_sync_in", "gisdesk_sync_conflicts"
SYNC_TABLES: tuple[str, ...] = (PEERS, IN, CONFLICTS)

_DDL = (
    f"CREATE TABLE IF NOT EXISTS {PEERS} (package_id TEXT PRIMARY KEY, username TEXT NOT NULL, key TEXT, "
    "created_at TEXT, since TEXT, last_seen TEXT, last_seq INTEGER NOT NULL DEFAULT 0)",
    f"CREATE TABLE IF NOT EXISTS {IN} (change_id TEXT PRIMARY KEY, package_id TEXT, seq INTEGER, "
    "kind TEXT NOT NULL, record TEXT, received_at TEXT NOT NULL, result TEXT NOT NULL, reason TEXT, conflict_id TEXT)",
    f"CREATE INDEX IF NOT EXISTS idx_gisdesk_sync_in_pkg ON {IN} (package_id, received_at)",
    f"CREATE TABLE IF NOT EXISTS {CONFLICTS} (id TEXT PRIMARY KEY, at TEXT NOT NULL, package_id TEXT, "
    "change_id TEXT NOT NULL, kind TEXT NOT NULL, record_uuid TEXT NOT NULL, commune TEXT, department TEXT, "
    "field TEXT, kept TEXT, kept_by TEXT, lost TEXT, lost_by TEXT, lost_at TEXT, reason TEXT NOT NULL, "
    "resolved_at TEXT, resolved_by TEXT, resolution TEXT)",
    f"CREATE INDEX IF NOT EXISTS idx_gisdesk_sync_conflicts_rec ON {CONFLICTS} (record_uuid)",
)
#: ``package_id`` is one of the packages made for ``current_user`` (the peers' own policy applies inside).
_OWN_PACKAGE = f"package_id IN (SELECT p.package_id FROM {PEERS} p WHERE p.username = current_user::text)"


def _city_roles() -> list[str]:
    """The group roles the policy lets hand out packages (they register them and read every sync row)."""
    return [r for r in GROUP_ROLES if access.decide(template_user(r), "create", "package")]


def sync_tables_sql() -> list[str]:
    """Statements (run as the owner role inside ``gisdesk server init``; idempotent) that make the sync
    tables and their grants and policies."""
    groups = ", ".join(f'"{g}"' for g in GROUP_ROLES.values())
    out = list(_DDL)
    for t in SYNC_TABLES:
        out += [f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY", f"ALTER TABLE {t} FORCE ROW LEVEL SECURITY",
                f"REVOKE ALL ON {t} FROM PUBLIC, {groups}"]
        out += [f'DROP POLICY IF EXISTS "{name}" ON {t}' for name in _policy_names(t)]
        out.append(f"CREATE POLICY gd_owner_all ON {t} TO {OWNER_ROLE} USING (true) WITH CHECK (true)")
    out += [f"GRANT SELECT, INSERT, UPDATE ON {PEERS} TO {groups}", f"GRANT SELECT, INSERT ON {IN} TO {groups}",
            f"GRANT SELECT, INSERT, UPDATE ON {CONFLICTS} TO {groups}"]
    mine = "username = current_user::text"
    out += [f"CREATE POLICY gd_self_select ON {PEERS} FOR SELECT TO {groups} USING ({mine})",
            f"CREATE POLICY gd_self_update ON {PEERS} FOR UPDATE TO {groups} USING ({mine}) WITH CHECK ({mine})",
            f"CREATE POLICY gd_self_select ON {IN} FOR SELECT TO {groups} USING ({_OWN_PACKAGE})",
            f"CREATE POLICY gd_self_insert ON {IN} FOR INSERT TO {groups} WITH CHECK ({_OWN_PACKAGE})",
            f"CREATE POLICY gd_self_insert ON {CONFLICTS} FOR INSERT TO {groups} WITH CHECK ({_OWN_PACKAGE})",
            f"CREATE POLICY gd_self_select ON {CONFLICTS} FOR SELECT TO {groups} USING ({_OWN_PACKAGE})"]
    for role in GROUP_ROLES:  # a conflict is read like the task of its unit
        cond = read_cond(template_user(role), "task")
        if cond:
            out.append(f'CREATE POLICY gd_{role}_select ON {CONFLICTS} FOR SELECT TO "{GROUP_ROLES[role]}" '
                       f"USING ({member_sql(role)} AND ({cond_sql(cond, CONFLICTS)}))")
    for role in _city_roles():
        g, me = GROUP_ROLES[role], member_sql(role)
        out += [f'CREATE POLICY gd_{role}_all ON {PEERS} TO "{g}" USING ({me}) WITH CHECK ({me})',
                f'CREATE POLICY gd_{role}_select ON {IN} FOR SELECT TO "{g}" USING ({me})',
                f'CREATE POLICY gd_{role}_update ON {CONFLICTS} FOR UPDATE TO "{g}" USING ({me}) WITH CHECK ({me})']
    return out


def _policy_names(table: str) -> list[str]:
    names = ["gd_owner_all", "gd_self_select", "gd_self_update", "gd_self_insert"]
    return names + [f"gd_{r}_{c}" for r in GROUP_ROLES for c in ("select", "update", "all")]


def has_sync_tables(conn: Any) -> bool:
    """Whether the server has the sync tables (``gisdesk server init`` of this version made them)."""
    return all(conn.execute("SELECT to_regclass(?::text) IS NOT NULL", (t,)).fetchone()[0] for t in SYNC_TABLES)


def require_sync_tables(conn: Any) -> None:
    """Raise a one-line :class:`StoreError` when the server has no sync tables yet."""
    if not has_sync_tables(conn):
        raise StoreError("this server has no sync tables yet: run 'gisdesk server init URL' again as the "
                         "administrator (it adds them and changes nothing else)")


def login(conn: Any) -> str:
    """The login role of a server connection."""
    return conn.execute("SELECT current_user::text").fetchone()[0]


def require_package_login(conn: Any, username: str) -> None:
    """Refuse (one line) unless the connection's login role is the package's user: their changes are
    applied under their own rights, so the server's row-level security checks every one."""
    who = login(conn)
    if who != username:
        raise PermissionDenied(f"the changes of {username}'s package are applied by {username}'s own login role "
                               f"(row-level security checks them as theirs), not by {who}: connect as {username}")


def package_user(conn: Any, username: str) -> User:
    """The package's user as the policy sees them: the login itself, else their ``users`` row on the server
    (read under the connecting officer's rights)."""
    from gisdesk.store.server import current_officer

    if login(conn) == username:
        return current_officer(conn)
    row = conn.execute("SELECT username, display_name, role, commune, department, active FROM users "
                       "WHERE username = ?", (username,)).fetchone()
    if row is None:
        me = current_officer(conn)
        if not access.read_filter(me, "user").everything:  # the policy: an account is read by itself and the admin
            raise PermissionDenied(f"{me.username} may not read {username}'s account on the server (accounts are read "
                                   "by themselves and the administrator), so what the package may hold cannot be "
                                   "checked: an administrator makes packages for other officers")
        raise StoreError(f"there is no officer {username!r} on this server")
    name, display, role, commune, department, active = row
    return User(name, display or name, role, commune or None, department or None, bool(active))


def public_url(url: str, login_name: str | None = None) -> str:
    """``url`` without its password (user-info or ``password=`` parameter), with ``login_name`` as its user.

    Examples
    --------
    >>> public_url("postgresql://dispatcher:pw@db.city/hue?host=/s&password=pw", "phu_hoi")
    'postgresql://phu_hoi@db.city/hue?host=%2Fs'
    """
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    user = login_name if login_name is not None else (parts.username or "")
    netloc = f"{user}@{host}" if user else host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if k.lower() not in ("password", "user")])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def with_password(url: str, password: str | None) -> str:
    """``url`` with ``password`` as its ``password`` parameter (kept in memory only); ``url`` when None."""
    if not password:
        return url
    from urllib.parse import quote

    return f"{url}{'&' if '?' in url else '?'}password={quote(password, safe='')}"

"""The city server: set up a PostgreSQL/PostGIS database and its officers (psycopg 3).

``init_server`` creates PostGIS, the application schema (:mod:`gisdesk.store.schema`),
the group roles, the ``gisdesk_officers`` table and the row-level security generated from
the access policy (:mod:`gisdesk.store.server_policy`). ``add_officer``, ``list_officers``
and ``disable_officer`` manage each officer's own login role; their password is
PostgreSQL's (a SCRAM verifier computed on this machine), never stored by gisdesk.

Every failure is a :class:`~gisdesk.store.errors.StoreError` with one line to show.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

from gisdesk.core.users import ROLES, User, ValidationError, check_new_password
from gisdesk.store.dialect import is_server_url  # noqa: F401 (the server commands' URL test, kept here too)
from gisdesk.store.errors import StoreError
from gisdesk.store.schema import SHAPES_VIEW, SHAPES_VIEW_SELECT, app_metadata
from gisdesk.store.server_policy import (
    GROUP_ROLES,
    GUARDED_COLUMNS,
    OFFICERS_TABLE,
    OWNER_ROLE,
    TABLE_RULES,
    column_guard_sql,
    officers_security_sql,
    security_sql,
    table_policies,
    template_user,
)

#: Tables PostGIS puts into the schema (not "other tables" of the database).
_POSTGIS_TABLES = frozenset({"spatial_ref_sys"})
_OFFICERS_DDL = f"""CREATE TABLE IF NOT EXISTS {OFFICERS_TABLE} (
    login TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ({", ".join(f"'{r}'" for r in ROLES)})),
    commune TEXT, department TEXT, active BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now())"""
_ROLE_FLAGS = "NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"


def connect(url: str, **kw: Any):
    """A psycopg connection to ``url``; a refusal becomes a one-line :class:`StoreError`."""
    import psycopg

    try:
        return psycopg.connect(url, **kw)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to the server: {_first_line(exc)}") from None


def _ident(name: str) -> str:
    return name.replace('"', '""')


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


@contextmanager
def _transaction(url: str) -> Iterator[Any]:
    import psycopg

    conn = connect(url)
    try:
        with conn.transaction():
            yield conn
    except psycopg.Error as exc:
        raise StoreError(f"the server refused: {_first_line(exc)}") from None
    finally:
        conn.close()


@dataclass(frozen=True)
class InitReport:
    """What :func:`init_server` did: tables made now, tables secured, group roles."""

    created: tuple[str, ...]
    secured: tuple[str, ...]
    roles: tuple[str, ...]


def _role_exists(conn: Any, name: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def _ensure_group_roles(conn: Any) -> None:
    for name in (OWNER_ROLE, *GROUP_ROLES.values()):
        if not _role_exists(conn, name):
            conn.execute(f'CREATE ROLE "{name}" NOLOGIN')
        conn.execute(f'ALTER ROLE "{name}" NOLOGIN INHERIT {_ROLE_FLAGS}')


def _other_tables(conn: Any, ours: set[str]) -> list[str]:
    rows = conn.execute(
        "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg_toast%%' AND n.nspname NOT LIKE 'pg_temp%%' "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') "
        "AND pg_get_userbyid(c.relowner) <> %s", (OWNER_ROLE,)).fetchall()  # published layers are gisdesk's
    return sorted(f"{s}.{t}" if s != "public" else t for s, t in rows
                  if not (s == "public" and (t in ours or t in _POSTGIS_TABLES)))


@contextmanager
def _sa_transaction(url: str) -> Iterator[tuple[Any, Any]]:
    """An SQLAlchemy connection to ``url`` and its psycopg connection, in one transaction (for Alembic)."""
    import psycopg
    import sqlalchemy as sa
    from sqlalchemy.pool import NullPool

    engine = sa.create_engine("postgresql+psycopg://", creator=lambda: connect(url), poolclass=NullPool)
    try:
        with engine.connect() as sc, sc.begin():
            yield sc, sc.connection.driver_connection
    except sa.exc.DBAPIError as exc:
        raise StoreError(f"the server refused: {_first_line(exc.orig or exc)}") from None
    except psycopg.Error as exc:
        raise StoreError(f"the server refused: {_first_line(exc)}") from None
    finally:
        engine.dispose()


def init_server(url: str, srid: int = 32648, force: bool = False, *, migrate: bool = False) -> InitReport:
    """Create the gisdesk schema (its migrations, :mod:`gisdesk.store.migrations`), roles and row-level
    security in ``url``'s database.

    Parameters
    ----------
    url : str
        ``postgresql://…`` of the city's database, as a superuser (PostGIS and roles need one).
    srid : int
        EPSG code of the incident geometries (the workspace's map CRS).
    force : bool
        Also set up a database that already holds tables that are not gisdesk's.
    migrate : bool
        Bring an older (or unversioned) gisdesk schema to head (``gisdesk migrate URL``); without
        it such a server is refused with that advice and left unchanged.

    Idempotent: a second run creates nothing and regenerates the grants and policies.
    """
    from gisdesk.store.schema import SYNC_TABLES, workspace_metadata
    from gisdesk.store.sync_server import sync_tables_sql
    from gisdesk.store.schema_version import VERSION_TABLE, OlderSchemaError, SchemaState, head, upgrade

    md = app_metadata(srid)
    every = workspace_metadata(srid)
    ours = set(every.tables) | {OFFICERS_TABLE, SHAPES_VIEW, VERSION_TABLE}
    with _sa_transaction(url) as (sc, conn):
        me = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
        if not me or not me[0]:
            raise StoreError("gisdesk server init needs a superuser connection (e.g. the 'postgres' role): "
                             "it creates PostGIS and the gisdesk roles")
        others = _other_tables(conn, ours)
        if others and not force:
            shown = ", ".join(others[:5]) + (" …" if len(others) > 5 else "")
            raise StoreError(f"this database already holds tables that are not gisdesk's ({shown}); "
                             "use an empty database, or --force to set gisdesk up beside them")
        existing = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        rev = None
        if VERSION_TABLE in existing:
            rev = (conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone() or (None,))[0]
        state = SchemaState(rev, head())
        if state.status == "newer":
            from gisdesk.store.schema_version import NewerSchemaError

            raise NewerSchemaError(f"this server was set up by a newer gisdesk ({state.describe()}); "
                                   "server init changed nothing", "Upgrade gisdesk.")
        if not migrate and (state.status == "older" or (rev is None and existing & set(md.tables))):
            raise OlderSchemaError(f"this server's gisdesk schema is {state.describe()}; server init changed nothing",
                                   "Run 'gisdesk migrate URL' (as a superuser) to bring it up to date.")
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        _ensure_group_roles(conn)
        db = conn.execute("SELECT current_database()").fetchone()[0]
        qdb = '"' + db.replace('"', '""') + '"'
        conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        conn.execute(f"REVOKE TEMPORARY ON DATABASE {qdb} FROM PUBLIC")
        conn.execute(f'GRANT CREATE, USAGE ON SCHEMA public TO "{OWNER_ROLE}"')
        conn.execute(f'SET LOCAL ROLE "{OWNER_ROLE}"')  # everything below is owned by the owner role

        def before_versions() -> None:  # what server init made before versions: the missing tables
            for stmt in create_statements(md):
                conn.execute(stmt)

        upgrade(sc, srid=srid, legacy=before_versions)
        conn.execute(_OFFICERS_DDL)
        conn.execute(f"DROP VIEW IF EXISTS {SHAPES_VIEW}")
        conn.execute(f"CREATE VIEW {SHAPES_VIEW} WITH (security_invoker = true) AS {SHAPES_VIEW_SELECT}")
        _drop_policies(conn, [*every.tables, OFFICERS_TABLE, VERSION_TABLE])
        for table in md.tables:
            for stmt in security_sql(table):
                conn.execute(stmt)
            _grant_sequences(conn, md.tables[table])
        groups = ", ".join(f'"{g}"' for g in GROUP_ROLES.values())
        for table in sorted(SYNC_TABLES):  # the server does not sync yet: its owner only
            conn.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
            conn.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
            conn.execute(f"REVOKE ALL ON {table} FROM PUBLIC, {groups}")
            conn.execute(f"CREATE POLICY gd_owner_all ON {table} TO {OWNER_ROLE} USING (true) WITH CHECK (true)")
        conn.execute(f"ALTER TABLE {VERSION_TABLE} ENABLE ROW LEVEL SECURITY")
        conn.execute(f"ALTER TABLE {VERSION_TABLE} FORCE ROW LEVEL SECURITY")
        conn.execute(f"REVOKE ALL ON {VERSION_TABLE} FROM PUBLIC, {groups}")
        conn.execute(f"CREATE POLICY gd_owner_all ON {VERSION_TABLE} TO {OWNER_ROLE} USING (true) WITH CHECK (true)")
        conn.execute(f"GRANT SELECT ON {VERSION_TABLE} TO {groups}")  # every workstation reads the version
        conn.execute(f"CREATE POLICY gd_read ON {VERSION_TABLE} FOR SELECT TO {groups} USING (true)")
        for table in GUARDED_COLUMNS:
            for stmt in column_guard_sql(table):
                conn.execute(stmt)
        for stmt in officers_security_sql() + sync_tables_sql():  # sync tables: gisdesk.store.sync_server
            conn.execute(stmt)
        from gisdesk.store.server_live import live_sql, side_effect_sql

        for stmt in side_effect_sql() + live_sql():  # the stores' notifications; change notices
            conn.execute(stmt)
        from gisdesk.store.server_jobs import MARK_IF_ABSENT

        conn.execute(MARK_IF_ABSENT)  # the dispatch job starts after the incidents already here
        readers = [GROUP_ROLES[r] for r in GROUP_ROLES
                   if not _reads_nothing(r, TABLE_RULES["incident_lines"].kind)]
        conn.execute(f"REVOKE ALL ON {SHAPES_VIEW} FROM PUBLIC")
        if readers:
            conn.execute(f"GRANT SELECT ON {SHAPES_VIEW} TO " + ", ".join(f'"{r}"' for r in readers))
        conn.execute("RESET ROLE")
    created = tuple(sorted(t for t in [*md.tables, OFFICERS_TABLE] if t not in existing))
    return InitReport(created, tuple(sorted([*md.tables, OFFICERS_TABLE])), tuple(GROUP_ROLES.values()))


def migrate_server(url: str, *, dry_run: bool = False) -> Any:
    """``gisdesk migrate URL``: bring a gisdesk server's schema to head in one transaction, then generate
    its grants and policies again (:func:`init_server` with ``migrate``); a
    :class:`~gisdesk.store.schema_version.MigrateReport`. Dry: only what would be done."""
    from gisdesk.store.pg_datasource import strip_password
    from gisdesk.store.schema_version import BASELINE, MigrateReport, SchemaState, VERSION_TABLE, head, pending

    conn = connect(url)
    try:
        has = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        if OFFICERS_TABLE not in has:
            raise StoreError("this database has no gisdesk schema: run 'gisdesk server init URL' first")
        rev = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()[0] if VERSION_TABLE in has else None
        row = conn.execute("SELECT srid FROM geometry_columns WHERE f_table_name = 'incidents'").fetchone()
    finally:
        conn.close()
    state = SchemaState(rev, head())
    report = MigrateReport(strip_password(url), rev, rev, dry_run=dry_run)
    if state.status == "newer":
        from gisdesk.store.schema_version import NewerSchemaError

        raise NewerSchemaError(f"this server was set up by a newer gisdesk ({state.describe()}); nothing was changed",
                               "Upgrade gisdesk.")
    if state.status == "current":
        return report
    report.steps = ([f"recognise as {BASELINE} (tables checked) and stamp"] if rev is None else [])
    report.steps += pending(rev or BASELINE)
    if not dry_run:
        init_server(url, srid=int(row[0]) if row else 32648, force=True, migrate=True)
        report.after = head()
    return report


def create_statements(md: Any) -> list[str]:
    """``CREATE TABLE/INDEX IF NOT EXISTS`` for every table of ``md``, in PostgreSQL's dialect."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    dialect = postgresql.dialect()
    out = []
    for table in md.sorted_tables:
        out.append(str(CreateTable(table, if_not_exists=True).compile(dialect=dialect)))
        out += [str(CreateIndex(ix, if_not_exists=True).compile(dialect=dialect))
                for ix in sorted(table.indexes, key=lambda i: i.name)]
    return out


def _grant_sequences(conn: Any, table: Any) -> None:
    """Let the roles that may INSERT into ``table`` draw from its serial columns' sequences."""
    inserters = [GROUP_ROLES[p.role] for p in table_policies(table.name) if p.command == "INSERT"]
    for column in table.columns:
        seq = conn.execute("SELECT pg_get_serial_sequence(%s, %s)", (table.name, column.name)).fetchone()[0]
        if seq:
            conn.execute(f"REVOKE ALL ON SEQUENCE {seq} FROM PUBLIC")
            if inserters:
                conn.execute(f"GRANT USAGE ON SEQUENCE {seq} TO " + ", ".join(f'"{r}"' for r in inserters))


def _reads_nothing(role: str, kind: str) -> bool:
    from gisdesk.core.access import read_filter

    return read_filter(template_user(role), kind).nothing


def _drop_policies(conn: Any, tables: list[str]) -> None:
    rows = conn.execute("SELECT tablename, policyname FROM pg_policies WHERE schemaname = 'public' "
                        "AND tablename = ANY(%s)", (tables,)).fetchall()
    for table, name in rows:
        conn.execute(f'DROP POLICY "{name}" ON {table}')


def _require_gisdesk(conn: Any) -> None:
    if conn.execute("SELECT to_regclass(%s)", (f"public.{OFFICERS_TABLE}",)).fetchone()[0] is None:
        raise StoreError("this database has no gisdesk schema: run 'gisdesk server init URL' first")


def add_officer(url: str, username: str, role: str, password: str, *, commune: str | None = None,
                department: str | None = None, display_name: str | None = None) -> None:
    """Create ``username``'s login role, a member of its role's group, and its ``gisdesk_officers`` row.

    The password is turned into a SCRAM-SHA-256 verifier here and only the verifier is
    sent; gisdesk stores nothing of it.
    """
    user = User(username, display_name or username, role, commune or None, department or None)
    try:
        user.check()
        check_new_password(password)
    except ValidationError as exc:
        raise StoreError(str(exc)) from None
    with _transaction(url) as conn:
        _require_gisdesk(conn)
        if _role_exists(conn, username):
            raise StoreError(f"a role named {username!r} already exists on this server; "
                             "choose another name (gisdesk never takes over an existing role)")
        verifier = conn.pgconn.encrypt_password(password.encode(), username.encode(), b"scram-sha-256").decode()
        quoted = "'" + verifier.replace("'", "''") + "'"
        conn.execute(f'CREATE ROLE "{username}" LOGIN INHERIT {_ROLE_FLAGS} PASSWORD {quoted} '
                     f'IN ROLE "{GROUP_ROLES[role]}"')
        conn.execute(f"INSERT INTO {OFFICERS_TABLE} (login, role, commune, department) VALUES (%s, %s, %s, %s)",
                     (username, role, user.commune, user.department))
        conn.execute("INSERT INTO users (username, display_name, role, commune, department, active, created_at) "
                     "VALUES (%s, %s, %s, %s, %s, 1, now()) ON CONFLICT (username) DO UPDATE SET "
                     "display_name = EXCLUDED.display_name, role = EXCLUDED.role, commune = EXCLUDED.commune, "
                     "department = EXCLUDED.department, active = 1",
                     (username, user.display_name, role, user.commune, user.department))


def list_officers(url: str) -> list[dict]:
    """Every officer: login, role, commune, department, active, and whether the role may log in."""
    with _transaction(url) as conn:
        _require_gisdesk(conn)
        rows = conn.execute(
            f"SELECT o.login, o.role, o.commune, o.department, o.active, COALESCE(r.rolcanlogin, false) "
            f"FROM {OFFICERS_TABLE} o LEFT JOIN pg_roles r ON r.rolname = o.login ORDER BY o.login").fetchall()
    keys = ("username", "role", "commune", "department", "active", "can_login")
    return [dict(zip(keys, r)) for r in rows]


def disable_officer(url: str, username: str) -> None:
    """Stop ``username`` from signing in (NOLOGIN, inactive row) and end their open sessions."""
    with _transaction(url) as conn:
        _require_gisdesk(conn)
        row = conn.execute(f"SELECT 1 FROM {OFFICERS_TABLE} WHERE login = %s", (username,)).fetchone()
        if row is None:
            raise StoreError(f"{username!r} is not a gisdesk officer on this server")
        conn.execute(f'ALTER ROLE "{_ident(username)}" NOLOGIN')
        conn.execute(f"UPDATE {OFFICERS_TABLE} SET active = false WHERE login = %s", (username,))
        conn.execute("UPDATE users SET active = 0 WHERE username = %s", (username,))
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s "
                     "AND pid <> pg_backend_pid()", (username,))


def current_officer(conn: Any) -> User:
    """Who this server connection acts as: the ``gisdesk_officers`` row of ``current_user``.

    The server's counterpart of :func:`gisdesk.store.users_store.resolve_user`: the role and
    unit come from the table the policies use, never from the client. A login role without an
    active row there is an inactive viewer: the policies let it read nothing, and so does
    :func:`gisdesk.core.access.read_filter`.
    """
    name = conn.execute("SELECT current_user::text").fetchone()[0]
    row = conn.execute(f"SELECT o.role, o.commune, o.department, o.active, u.display_name FROM {OFFICERS_TABLE} o "
                       "LEFT JOIN users u ON u.username = o.login WHERE o.login = current_user").fetchone()
    if row is None:
        return User(name, name, "viewer", active=False)
    role, commune, department, active, display = row
    return User(name, display or name, role, commune, department, bool(active))

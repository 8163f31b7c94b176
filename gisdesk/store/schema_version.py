"""Schema versions of a workspace or the city server: read at every open, changed only by ``gisdesk migrate``.

The version is Alembic's (``alembic_version``, mirrored as ``gisdesk_meta.schema_version``);
the history is :mod:`gisdesk.store.migrations`, one for SpatiaLite and PostgreSQL.

===================== ====================================================================
state                 what opening does (:func:`check_open`)
===================== ====================================================================
``current``           opens
``newer``             refused, read or write: a newer gisdesk wrote it (nothing is changed)
``older``             opens read-only; a writable open is refused: "run gisdesk migrate"
``unversioned``       made before versions existed: as ``older``
===================== ====================================================================

:func:`migrate` is the only thing that changes a schema: in one transaction, after a
consistent backup copy of a workspace file beside it; an unversioned workspace or server is
first recognised as the baseline (its tables checked against it) and stamped. New workspaces
(``gisdesk sample``, packages) and ``gisdesk server init`` are stamped at head when made.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from gisdesk.store.errors import StoreError

#: Alembic's table of the current revision.
VERSION_TABLE = "alembic_version"
#: The ``gisdesk_meta`` key mirroring it (shown by ``gisdesk info``).
META_KEY = "schema_version"
#: The first revision: the schema as it was before versions (an unversioned file is checked against it).
BASELINE = "0001_baseline"


class NewerSchemaError(StoreError):
    """The workspace or server was written by a newer gisdesk; nothing was opened or changed."""


class OlderSchemaError(StoreError):
    """The workspace or server has an older schema; ``gisdesk migrate`` brings it up to date."""


@lru_cache(maxsize=1)
def history() -> tuple[str, ...]:
    """The revisions of :mod:`gisdesk.store.migrations`, oldest first.

    Read from the scripts' ``revision``/``down_revision`` lines, so that checking a version at
    every open needs no Alembic import (about a second); Alembic runs only when migrating
    (``tests/store/test_schema_versions.py`` checks both read the same history).
    """
    import re

    from gisdesk.store.migrations import SCRIPT_DIR

    down: dict[str | None, str] = {}
    for script in (SCRIPT_DIR / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        rev = re.search(r'^revision = "([^"]+)"', text, re.M)
        if rev:
            prev = re.search(r'^down_revision = "([^"]+)"', text, re.M)
            down[prev.group(1) if prev else None] = rev.group(1)
    out: list[str] = []
    while (nxt := down.get(out[-1] if out else None)) is not None:
        out.append(nxt)
    return tuple(out)


def head() -> str:
    """The newest revision this gisdesk knows."""
    return history()[-1]


def _known(rev: str) -> bool:
    return rev in history()


def pending(rev: str | None) -> list[str]:
    """The revisions :func:`migrate` applies after ``rev`` (None: from nothing), oldest first."""
    revs = history()
    return list(revs if rev is None else revs[revs.index(rev) + 1:])


@dataclass(frozen=True)
class SchemaState:
    """The schema version of one workspace or server: its revision (None: unversioned) against :func:`head`."""

    revision: str | None
    head: str

    @property
    def status(self) -> str:
        """``current``, ``older``, ``newer`` or ``unversioned``."""
        if self.revision is None:
            return "unversioned"
        if self.revision == self.head:
            return "current"
        return "older" if _known(self.revision) else "newer"

    def describe(self) -> str:
        """One line for ``gisdesk info``."""
        text = {"current": f"{self.revision} (current)",
                "older": f"{self.revision} (older than this gisdesk's {self.head}: run 'gisdesk migrate')",
                "newer": f"{self.revision} (written by a newer gisdesk; this one knows up to {self.head})",
                "unversioned": f"none (made before schema versions; 'gisdesk migrate' stamps it {self.head})"}
        return text[self.status]


def read_revision(conn: Any) -> str | None:
    """``alembic_version`` of the workspace or server behind ``conn`` (a DB-API or server connection)."""
    from gisdesk.store.dialect import dialect_of

    if not dialect_of(conn).has_table(conn, VERSION_TABLE):
        return None
    row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    return str(row[0]) if row else None


def schema_state(conn: Any) -> SchemaState:
    """The :class:`SchemaState` of the workspace or server behind ``conn``."""
    return SchemaState(read_revision(conn), head())


def check_open(conn: Any, where: str, *, writable: bool) -> SchemaState:
    """Refuse a workspace or server this gisdesk must not open (see the module's table).

    Raises
    ------
    NewerSchemaError
        A newer gisdesk wrote it.
    OlderSchemaError
        ``writable`` and its schema is older (or unversioned).
    """
    state = schema_state(conn)
    if state.status == "newer":
        raise NewerSchemaError(
            f"'{where}' was written by a newer gisdesk (schema {state.revision}; this gisdesk knows up to "
            f"{state.head}); it was not opened and not changed.", "Upgrade gisdesk to open it.")
    if writable and state.status in ("older", "unversioned"):
        was = "made before schema versions" if state.revision is None else f"at schema {state.revision}"
        raise OlderSchemaError(
            f"'{where}' is {was}; this gisdesk needs {state.head} to change it (it was not changed).",
            f"Run 'gisdesk migrate {where}' first (a backup copy is kept), or open it read-only.")
    return state


@dataclass
class MigrateReport:
    """What :func:`migrate` did (or, dry, would do)."""

    target: str
    before: str | None
    after: str | None
    steps: list[str] = field(default_factory=list)
    backup: str | None = None
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        """Whether anything was (or would be) applied."""
        return bool(self.steps)


def _config(sa_conn: Any, srid: int | None) -> Any:
    from alembic.config import Config

    from gisdesk.store.migrations import SCRIPT_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_DIR))
    cfg.attributes["connection"] = sa_conn
    cfg.attributes["srid"] = srid
    return cfg


def _baseline_problems(sa_conn: Any) -> list[str]:
    """How the tables behind ``sa_conn`` differ from the baseline (missing tables and columns)."""
    import sqlalchemy as sa

    from gisdesk.store.migrations.versions import _baseline_columns

    insp = sa.inspect(sa_conn)
    have = set(insp.get_table_names())
    out = []
    for table, cols in _baseline_columns().items():
        if table not in have:
            out.append(f"no table {table}")
            continue
        missing = set(cols) - {c["name"] for c in insp.get_columns(table)}
        if missing:
            out.append(f"{table} lacks {', '.join(sorted(missing))}")
    return out


def upgrade(sa_conn: Any, *, srid: int | None = None, legacy: Any = None) -> list[str]:
    """Bring the schema behind ``sa_conn`` (inside the caller's transaction) to head; returns the steps.

    An unversioned schema with gisdesk's tables is first brought to the baseline by ``legacy``
    (the SQLite stores' own pre-version additions; None on the server), checked against it and
    stamped; one without any is created from nothing. Raises :class:`StoreError` when it does
    not match the baseline, :class:`NewerSchemaError` when a newer gisdesk wrote it.
    """
    import sqlalchemy as sa
    from alembic import command

    from gisdesk.store.migrations.versions import _baseline_columns

    cfg = _config(sa_conn, srid)
    rev = _version(sa_conn)
    state = SchemaState(rev, head())
    if state.status == "newer":
        raise NewerSchemaError(f"the schema is {rev}, newer than this gisdesk's {state.head}; nothing was changed.",
                               "Upgrade gisdesk.")
    steps: list[str] = []
    if rev is None and set(sa.inspect(sa_conn).get_table_names()) & set(_baseline_columns()):
        if legacy is not None:
            legacy()
        problems = _baseline_problems(sa_conn)
        if problems:
            raise StoreError(f"its tables are not gisdesk's baseline schema ({'; '.join(problems[:3])}); "
                             "nothing was changed.", "Restore a gisdesk workspace, or set up a new one.")
        command.stamp(cfg, BASELINE)
        steps.append(f"recognised as {BASELINE} (tables checked) and stamped")
        rev = BASELINE
    todo = pending(rev)
    if todo:
        command.upgrade(cfg, "head")
        steps += todo
    _mirror(sa_conn)
    return steps


def _version(sa_conn: Any) -> str | None:
    import sqlalchemy as sa

    if not sa.inspect(sa_conn).has_table(VERSION_TABLE):
        return None
    row = sa_conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).fetchone()
    return str(row[0]) if row else None


def _mirror(sa_conn: Any) -> None:
    """Write the version into ``gisdesk_meta`` too (where the workspace's settings are)."""
    import sqlalchemy as sa

    rev = _version(sa_conn)
    sa_conn.execute(sa.text("DELETE FROM gisdesk_meta WHERE key = :k"), {"k": META_KEY})
    sa_conn.execute(sa.text("INSERT INTO gisdesk_meta (key, value) VALUES (:k, :v)"), {"k": META_KEY, "v": rev})


@contextmanager
def sqlite_session(conn: Any) -> Iterator[Any]:
    """An SQLAlchemy connection over the open SQLite connection ``conn``, inside ``BEGIN IMMEDIATE``:
    committed when the block ends, rolled back on any error (the whole migration or nothing)."""
    import sqlalchemy as sa
    from sqlalchemy.pool import StaticPool

    from gisdesk.store.connection import sqlite_module

    engine = sa.create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool, pool_reset_on_return=None,
                              module=sqlite_module())
    sa_conn = engine.connect()
    trans = sa_conn.begin()  # alembic sees the caller's transaction and opens none of its own
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield sa_conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        trans.close()
        sa_conn.close()


def _legacy_sqlite(conn: Any) -> None:
    """The SQLite stores' own additions from before versions (they bring any older workspace to the baseline)."""
    from gisdesk.store import layer_state
    from gisdesk.store.dispatch_store import ensure_dispatch_schema
    from gisdesk.store.incidents_store import ensure_schema
    from gisdesk.store.task_callbacks import ensure_callbacks_schema
    from gisdesk.store.tasks_store import ensure_tasks_schema
    from gisdesk.store.users_store import ensure_users_schema

    ensure_schema(conn)
    ensure_tasks_schema(conn)
    ensure_users_schema(conn)
    ensure_dispatch_schema(conn)
    ensure_callbacks_schema(conn)
    conn.execute(layer_state._CREATE)
    conn.execute("CREATE TABLE IF NOT EXISTS gisdesk_meta (key TEXT PRIMARY KEY, value TEXT)")


def backup_path(path: Path, rev: str | None) -> Path:
    """Where :func:`migrate` keeps the copy of ``path`` from before it (beside it, never overwriting)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    base = path.with_name(f"{path.stem}.before-{rev or 'unversioned'}-{stamp}{path.suffix}")
    out, n = base, 1
    while out.exists():
        out, n = base.with_name(f"{base.stem}-{n}{base.suffix}"), n + 1
    return out


def _backup(path: Path, rev: str | None) -> Path:
    """Copy ``path`` beside it (SQLite's backup API) while the caller holds its write lock: the copy is
    the state the migration starts from. Read through a second connection (SQLite's backup may not read
    through the connection that holds the write transaction)."""
    from gisdesk.store.connection import connect, sqlite_module

    dest_path = backup_path(path, rev)
    src = connect(path, read_only=True, wal=False, spatialite=False)
    try:
        dest = sqlite_module().connect(str(dest_path))
        try:
            src.backup(dest)
        finally:
            dest.close()
    except BaseException:
        dest_path.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return dest_path


def migrate(target: str | os.PathLike[str], *, dry_run: bool = False, backup: bool = True,
            srid: int | None = None) -> MigrateReport:
    """Bring the workspace file or server ``target`` to this gisdesk's schema, in place, in one transaction.

    Parameters
    ----------
    target : path-like or str
        A workspace (SpatiaLite) or ``postgresql://`` URL (a superuser: the grants and policies
        are generated again after the tables, as ``gisdesk server init`` does).
    dry_run : bool
        Only say what would be done (the file is opened read-only; nothing is written).
    backup : bool
        Keep a consistent copy of a workspace file beside it first (:func:`backup_path`; taken
        inside the migration's write lock). Only when something is to be done.
    srid : int, optional
        SRID of new geometry columns (default: the workspace's incidents, else 32648).

    Idempotent: a second run finds nothing to do and writes nothing.
    """
    from gisdesk.store.dialect import is_server_url

    if is_server_url(str(target)):
        from gisdesk.store.server import migrate_server

        return migrate_server(str(target), dry_run=dry_run)
    from gisdesk.store.connection import connect, require_healthy, require_workspace

    path = Path(target)
    conn = connect(path, read_only=dry_run, wal=False)
    try:
        require_workspace(conn, path)
        state = schema_state(conn)
        if state.status == "newer":
            check_open(conn, str(path), writable=False)
        report = MigrateReport(str(path), state.revision, state.head, dry_run=dry_run)
        if state.status == "current":
            return report
        report.steps = ([f"recognise as {BASELINE} (tables checked) and stamp"] if state.revision is None else [])
        report.steps += pending(state.revision or BASELINE)
        if dry_run:
            report.after = state.revision
            return report
        require_healthy(conn, path)
        if srid is None:
            row = conn.execute("SELECT srid FROM geometry_columns WHERE f_table_name = 'incidents'").fetchone()
            srid = int(row[0]) if row else None
        with sqlite_session(conn) as sa_conn:
            if backup:
                report.backup = str(_backup(path, state.revision))
            report.steps = upgrade(sa_conn, srid=srid, legacy=lambda: _legacy_sqlite(conn))
        report.after = head()
        return report
    finally:
        conn.close()


def differences(sa_conn: Any, srid: int = 32648) -> list[Any]:
    """Alembic's ``compare_metadata`` of the tables behind ``sa_conn`` against head
    (:func:`~gisdesk.store.schema.workspace_metadata` of its engine), gisdesk's tables only; [] when they match.

    On SpatiaLite a geometry column's spatial index is an R*Tree table, not an index: it is
    checked in ``geometry_columns`` (type, SRID, index enabled) and reported as
    ``("spatialite", table, problem)`` when it is not as schema.py says.
    """
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from geoalchemy2 import Geometry

    from gisdesk.store.schema import workspace_metadata

    sqlite = sa_conn.dialect.name == "sqlite"
    md = workspace_metadata(srid, sa_conn.dialect.name)
    geo_idx = {f"idx_{t.name}_{c.name}": (t.name, c) for t in md.tables.values() for c in t.columns
               if isinstance(c.type, Geometry)}

    def include_name(name: str | None, type_: str, parent: Any) -> bool:
        return type_ != "table" or name in md.tables

    mc = MigrationContext.configure(sa_conn, opts={"include_name": include_name})
    out = [d for d in compare_metadata(mc, md)
           if not (sqlite and d[0] == "add_index" and d[1].name in geo_idx)]
    if sqlite:
        import sqlalchemy as sa

        rows = {r[0]: r[1:] for r in sa_conn.execute(sa.text(
            "SELECT f_table_name, geometry_type, srid, spatial_index_enabled FROM geometry_columns "
            "WHERE f_geometry_column = 'geom'"))}
        codes = {"POINT": 1, "MULTILINESTRING": 5, "MULTIPOLYGON": 6}
        for table, col in geo_idx.values():
            want = (codes[col.type.geometry_type], col.type.srid, 1)
            if tuple(rows.get(table, ())) != want:
                out.append(("spatialite", table, f"geometry_columns {rows.get(table)} != {want}"))
    return out


def schema_version_of(target: str | os.PathLike[str]) -> SchemaState | None:
    """The :class:`SchemaState` of the workspace file or server ``target`` (read only; never refused),
    or None when it is not a gisdesk workspace (a GeoPackage, another program's SpatiaLite file)."""
    from gisdesk.store.dialect import is_server_url

    if is_server_url(str(target)):
        from gisdesk.store.server import OFFICERS_TABLE, connect

        conn = connect(str(target))
        try:
            if conn.execute("SELECT to_regclass(%s)", (f"public.{OFFICERS_TABLE}",)).fetchone()[0] is None:
                return None
            if conn.execute("SELECT to_regclass(%s)", (f"public.{VERSION_TABLE}",)).fetchone()[0] is None:
                return SchemaState(None, head())
            row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
            return SchemaState(str(row[0]) if row else None, head())
        finally:
            conn.close()
    from gisdesk.store.connection import connect as connect_file, workspace_problem

    conn = connect_file(target, read_only=True, wal=False, spatialite=False)
    try:
        if workspace_problem(conn) is not None:
            return None
        return schema_state(conn)
    finally:
        conn.close()

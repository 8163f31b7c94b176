"""``package create postgresql://…``: an offline package cut from the city server.

The city's dispatcher (or administrator) signs in to the server as their own login role
(the password from the prompt or ``--password-stdin``; the policy's ``create`` ``package``
is checked for the server's record of that login). The package user's part of the server
is then read in bulk into a temporary SpatiaLite workspace beside the target:

* the communes layer whole and every other published reference layer within the area's
  box (``geom && ST_MakeEnvelope``: the GiST index), as ``ST_AsBinary`` rows;
* the case tables filtered on the server by the access policy's read filter **of the
  package's user** (:func:`gisdesk.core.access.read_filter`, turned into SQL by
  :mod:`gisdesk.store._access_sql`; child tables follow their filtered parent), so no row
  the package's user may not read leaves the server. The connection is the dispatcher's,
  so the server's row-level security limits it besides (the dispatcher reads at least what
  any officer reads); no ``SET ROLE`` is used;
* the reference tables of the application (routing and dispatch rules, SLAs, accounts
  without passwords, the workspace settings).

That temporary workspace is then cut exactly as a SpatiaLite source is
(:func:`gisdesk.store.package_create.create_package`: clipping, layer state, identity,
signing key), the package records the server's URL (with the package user as its login,
no password) as its source, and the server records the package (``gisdesk_sync_peers``,
written by the dispatcher's role; :mod:`gisdesk.store.sync_server`). The temporary file is
removed.

Not (yet) from the server: rasters (the server holds no raster references yet: the
report's ``note`` says so), and the package user's password (PostgreSQL keeps it): the
package's copy of the account has none until its user syncs once with ``gisdesk sync
PACKAGE --password-stdin`` (the server checks the password; :func:`remember_password`
then keeps its hash in the package, so the same password signs in on the laptop).
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from gisdesk.core import access
from gisdesk.core.users import User
from gisdesk.store._access_sql import where
from gisdesk.store.schema import app_metadata

#: Tables of the server that are neither reference layers nor copied as application tables.
_SERVER_ONLY = frozenset({"gisdesk_officers", "gisdesk_sync_peers", "gisdesk_sync_in", "gisdesk_sync_conflicts",
                          "spatial_ref_sys", "sign_in_failures", "gisdesk_package", "gisdesk_rasters"})
_SQLITE_TYPE = {"integer": "INTEGER", "bigint": "INTEGER", "smallint": "INTEGER", "double precision": "REAL",
                "real": "REAL", "numeric": "REAL", "bytea": "BLOB", "boolean": "INTEGER"}
_UNIT_COLUMNS = ("commune", "department", "to_department", "to_role")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_from_server(url: str, out: str | os.PathLike[str], *, for_user: str, signer: Any, **options: Any) -> Any:
    """Write the package of ``for_user`` cut from the server at ``url``; returns the
    :class:`~gisdesk.store.package_create.PackageReport`. ``signer`` is ``(login, password)`` (the
    URL's user, when it names one, is the login) or an open connection's login already in ``url``."""
    from gisdesk.store.base import write_transaction
    from gisdesk.store.package_create import PackageError, _publish, create_package
    from gisdesk.store.package_meta import read_identity, register_package, write_identity
    from gisdesk.store.pg_conn import open_server
    from gisdesk.store.connection import connect
    from gisdesk.store.server import current_officer
    from gisdesk.store.sync_server import package_user, public_url, require_sync_tables, with_password

    name, password = signer if isinstance(signer, tuple) else (str(signer), None)
    login = urlsplit(url).username or name
    out = Path(out)
    if out.exists() and not options.get("overwrite"):
        raise PackageError(f"'{out.name}' exists; it was not replaced.", "Choose another name, or pass --overwrite.")
    conn = open_server(with_password(public_url(url, login), password))
    try:
        me = current_officer(conn)
        access.require(me, "create", "package")
        require_sync_tables(conn)
        receiver = package_user(conn, for_user)
        if not receiver.active:
            raise PackageError(f"the account {for_user!r} is deactivated; a package for it would hold nothing")
        with tempfile.TemporaryDirectory(prefix=".gisdesk-server-", dir=out.parent) as tmp:
            snap = Path(tmp) / "server.sqlite"
            note = snapshot(conn, snap, receiver, options.get("commune"), options.get("area"), options.get("crs"),
                            options.get("margin"))
            target = Path(tmp) / out.name
            report = create_package(snap, target, for_user=receiver.username, signer=me.username,
                                    **{k: v for k, v in options.items() if k != "overwrite"})
            pkg = connect(target, wal=False)
            try:
                with write_transaction(pkg):
                    write_identity(pkg, source=public_url(url, receiver.username))
                identity = read_identity(pkg)
                pkg.execute("PRAGMA journal_mode = DELETE")
            finally:
                pkg.close()
            with write_transaction(conn):
                register_package(conn, identity)
            for raster in report.rasters:
                _publish(raster, out.with_name(raster.name), bool(options.get("overwrite")))
            _publish(target, out, bool(options.get("overwrite")))
    finally:
        conn.close()
    return dataclasses.replace(report, path=out, rasters=tuple(out.with_name(r.name) for r in report.rasters),
                               size=out.stat().st_size, registered=True, note=note)


def snapshot(conn: Any, path: Path, receiver: User, commune: str | None, box: Any, crs: str | None,
             margin: float | None) -> str:
    """Write the part of the server ``receiver`` may read into a new SpatiaLite workspace at ``path``;
    returns a note on what could not come (rasters)."""
    import shapely

    from gisdesk.store._package_source import SpatiaLiteSource
    from gisdesk.store.connection import connect
    from gisdesk.store.package_create import DEFAULT_MARGIN, _area

    layers = _layers(conn)
    if "communes" not in layers:
        from gisdesk.store.package_create import PackageError

        raise PackageError("the server has no communes layer: publish the city's workspace first "
                           "('gisdesk server publish')")
    lite = connect(path, create=True, wal=False)
    try:
        lite.execute("SELECT InitSpatialMetadata(1, 'NONE')")
        for srid in sorted({g[2] for cols in layers.values() for g in cols}):
            lite.execute("SELECT InsertEpsgSrid(?)", (srid,))
        lite.execute("BEGIN")
        lite.execute("CREATE TABLE gisdesk_meta (key TEXT PRIMARY KEY, value TEXT)")
        lite.executemany("INSERT INTO gisdesk_meta VALUES (?, ?)", conn.execute("SELECT key, value FROM gisdesk_meta"
                                                                                 ).fetchall())
        _copy_layer(conn, lite, "communes", layers["communes"], None)
        _incidents_table(lite, layers["communes"][0][2])
        lite.execute("COMMIT")
        with SpatiaLiteSource(path) as src:
            wkb, _ = _area(src, layers["communes"][0][2], commune, box, crs,
                           DEFAULT_MARGIN if margin is None else margin)
        bounds = tuple(float(v) for v in shapely.bounds(shapely.from_wkb(wkb)))
        lite.execute("BEGIN")
        for table, geoms in layers.items():
            if table != "communes":
                _copy_layer(conn, lite, table, geoms, bounds)
        lite.execute("COMMIT")
    finally:
        lite.close()
    _app_schema(path)
    lite = connect(path, wal=False)
    try:
        lite.execute("BEGIN")
        _copy_app_rows(conn, lite, receiver)
        lite.execute("COMMIT")
    finally:
        lite.close()
    return ("the server holds no raster references yet: the package has no rasters (copy them beside it and "
            "reference them in its gisdesk_rasters table)")


def _layers(conn: Any) -> dict[str, list[tuple[str, str, int, int]]]:
    """Published reference layers: ``{table: [(geometry column, type, srid, dimensions), …]}``."""
    app = set(app_metadata().tables) | _SERVER_ONLY
    out: dict[str, list[tuple[str, str, int, int]]] = {}
    for table, column, gtype, srid, dims in conn.execute(
            "SELECT f_table_name, f_geometry_column, type, srid, coord_dimension FROM geometry_columns "
            "WHERE f_table_schema = 'public' ORDER BY 1, 2"):
        if table not in app:
            out.setdefault(table, []).append((column, gtype, int(srid), int(dims)))
    return out


def _columns(conn: Any, table: str) -> list[tuple[str, str, bool]]:
    """``[(column, SQLite declared type, primary key)]`` of a server table, in order."""
    pk = {r[0] for r in conn.execute(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
        "WHERE i.indrelid = to_regclass(?::text) AND i.indisprimary", (table,))}
    rows = conn.execute("SELECT column_name, data_type, udt_name FROM information_schema.columns "
                        "WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", (table,))
    return [(c, "GEOMETRY" if udt == "geometry" else _SQLITE_TYPE.get(dt, "TEXT"), c in pk) for c, dt, udt in rows]


def _copy_layer(conn: Any, lite: Any, table: str, geoms: list[tuple[str, str, int, int]],
                bounds: tuple[float, float, float, float] | None) -> None:
    cols = _columns(conn, table)
    gmap = {g[0]: g for g in geoms}
    decl = [f"{_q(c)} {t}{' PRIMARY KEY' if pk else ''}" for c, t, pk in cols if c not in gmap]
    lite.execute(f"CREATE TABLE {_q(table)} ({', '.join(decl)})")
    for column, gtype, srid, dims in geoms:
        lite.execute("SELECT AddGeometryColumn(?, ?, ?, ?, ?)",
                     (table, column, srid, gtype.upper(), {2: "XY", 3: "XYZ", 4: "XYZM"}.get(dims, "XY")))
    select = [f"ST_AsBinary({_q(c)})" if c in gmap else _q(c) for c, _, _ in cols]
    values = [f"GeomFromWKB(?, {gmap[c][2]})" if c in gmap else "?" for c, _, _ in cols]
    sql, params = f"SELECT {', '.join(select)} FROM {_q(table)}", []
    if bounds is not None and geoms:
        g, srid = geoms[0][0], geoms[0][2]
        sql += f" WHERE {_q(g)} && ST_MakeEnvelope(?, ?, ?, ?, ?)"
        params = [*bounds, srid]
    rows = conn.execute(sql, params or None).fetchall()
    lite.executemany(f"INSERT INTO {_q(table)} ({', '.join(_q(c) for c, _, _ in cols)}) VALUES ({', '.join(values)})",
                     rows)
    for column, *_ in geoms:
        lite.execute("SELECT CreateSpatialIndex(?, ?)", (table, column))


def _incidents_table(lite: Any, srid: int) -> None:
    """The incidents point table as a workspace has it (a map layer the incident store then extends)."""
    from geoalchemy2 import Geometry
    from sqlalchemy.dialects import sqlite

    cols = []
    for c in app_metadata(srid).tables["incidents"].columns:
        if isinstance(c.type, Geometry):
            continue
        decl = c.type.compile(dialect=sqlite.dialect())
        cols.append(f"{_q(c.name)} {decl}{' PRIMARY KEY' if c.primary_key else ''}"
                    f"{' NOT NULL' if not c.nullable and not c.primary_key else ''}")
    lite.execute(f"CREATE TABLE incidents ({', '.join(cols)})")
    lite.execute("SELECT AddGeometryColumn('incidents', 'geom', ?, 'POINT', 'XY')", (srid,))
    lite.execute("SELECT CreateSpatialIndex('incidents', 'geom')")


def _app_schema(path: Path) -> None:
    """The application tables as the SpatiaLite stores create them (their own migrations)."""
    from gisdesk.store import layer_state
    from gisdesk.store.base import migration
    from gisdesk.store.dispatch_store import ensure_dispatch_schema
    from gisdesk.store.incidents_store import ensure_schema
    from gisdesk.store.tasks_store import ensure_tasks_schema
    from gisdesk.store.users_store import ensure_users_schema

    for ensure in (ensure_schema, ensure_tasks_schema, ensure_users_schema, ensure_dispatch_schema):
        ensure(path)
    with migration(path, workspace_only=True) as c:
        c.execute(layer_state._CREATE)


def _copy_app_rows(conn: Any, lite: Any, receiver: User) -> None:
    """The application rows ``receiver`` may read (case tables) and the city's reference tables."""
    from geoalchemy2 import Geometry

    from gisdesk.store.package_create import CASE_CHILDREN, CASE_ROOTS, CONTACTS, NO_PASSWORD

    md = app_metadata()
    children = dict(CASE_CHILDREN)
    if access.decide(receiver, "create", "callback"):
        children[CONTACTS] = ("incident", "incidents", "incident_uuid")
    filters: dict[str, tuple[str, list[Any]]] = {}
    for table in sorted(md.sorted_tables, key=lambda t: t.name not in CASE_ROOTS):  # parents' filters first
        name = table.name
        if name in ("gisdesk_meta",) or (name in md.tables and name == CONTACTS and CONTACTS not in children):
            continue
        have = {r[1] for r in lite.execute(f"PRAGMA table_info({_q(name)})")}
        if not have:
            continue
        cols = [c for c in table.columns if c.name in have]
        srid = {c.name: c.type.srid for c in cols if isinstance(c.type, Geometry)}
        cond, params = "true", []
        if name in CASE_ROOTS:
            cond, params = where(access.read_filter(receiver, CASE_ROOTS[name]),
                                 {c: c for c in _UNIT_COLUMNS})
            filters[name] = (cond, params)
        elif name in children:
            kind, parent, fk = children[name]
            pcond, pparams = filters.get(parent, ("false", []))
            own, oparams = where(access.read_filter(receiver, kind),
                                 {c: f"(SELECT p.{c} FROM {parent} p WHERE p.uuid = {name}.{fk})"
                                  for c in _UNIT_COLUMNS})
            cond, params = f"{fk} IN (SELECT uuid FROM {parent} WHERE {pcond}) AND ({own})", [*pparams, *oparams]
        select = [f"ST_AsBinary({c.name})" if c.name in srid else c.name for c in cols]
        rows = conn.execute(f"SELECT {', '.join(select)} FROM {name} WHERE {cond}", params or None).fetchall()
        names = [c.name for c in cols]
        values = [f"GeomFromWKB(?, {srid[c]})" if c in srid else "?" for c in names]
        if name == "users" and "pw_hash" in have:
            names.append("pw_hash")
            values.append(f"'{NO_PASSWORD}'")
        lite.execute(f"DELETE FROM {_q(name)}")  # rows the stores' migrations seeded: the server's are the city's
        lite.executemany(f"INSERT OR IGNORE INTO {_q(name)} ({', '.join(names)}) VALUES ({', '.join(values)})", rows)


def remember_password(package: str | os.PathLike[str], username: str, password: str) -> bool:
    """After the server accepted ``password`` for the package's user (a sync as their login), let them sign in
    with it on the laptop too: the package's copy of the account gets its hash, once (a package from the
    server carries none: PostgreSQL keeps the password). Returns whether it was set now."""
    from gisdesk.core.users import hash_password
    from gisdesk.store.base import write_transaction
    from gisdesk.store.connection import connect
    from gisdesk.store.package_create import NO_PASSWORD

    conn = connect(package)
    try:
        with write_transaction(conn):
            cur = conn.execute("UPDATE users SET pw_hash = ? WHERE username = ? AND pw_hash = ?",
                               (hash_password(password), username, NO_PASSWORD))
            return cur.rowcount == 1
    finally:
        conn.close()

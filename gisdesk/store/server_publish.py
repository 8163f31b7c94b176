"""``gisdesk server publish WORKSPACE URL``: copy a SpatiaLite workspace to the city server.

The application tables of :mod:`gisdesk.store.schema` are copied column by column as the
schema names them (``users`` without ``pw_hash``), the reference layers (every other spatial
table of the workspace) become PostGIS tables of their own, with their SRID, a GiST index,
owned by the owner role and readable by every officer group role. Everything goes in with
psycopg 3's ``COPY`` in one transaction; at the end the rows are counted on both sides and
a difference rolls the whole publication back. Times go in as ISO 8601 text that the server
parses into ``timestamptz``; geometries as ``SRID=…;`` + hex WKB, so the SRID travels with them.

The workspace's layer state and QGIS ``layer_styles`` rows go with it, and a reference to each
raster (its absolute path and what GDAL says of it): :mod:`gisdesk.store.server_styles`,
:mod:`gisdesk.store.server_rasters`.

A server that already holds published data is refused unless ``replace`` is given, which
empties the application tables and drops the published reference layers first (one
transaction: a failure keeps the old data). ``users`` rows are replaced by username, so the
rows ``gisdesk users add`` wrote for officers stay.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from gisdesk.store.errors import StoreError
from gisdesk.store.schema import SQLITE_ONLY_COLUMNS, app_metadata
from gisdesk.store.server import _first_line, _require_gisdesk, connect
from gisdesk.store.server_policy import GROUP_ROLES, OFFICERS_TABLE, OWNER_ROLE
from gisdesk.store.server_rasters import TABLE as RASTERS
from gisdesk.store.server_rasters import publish_rasters
from gisdesk.store.server_styles import LAYER_STYLES, STATE, publish_styles, rekey_layer_state

#: SpatiaLite's geometry_type codes (mod 1000) -> PostGIS type names.
_GTYPES = {0: "GEOMETRY", 1: "POINT", 2: "LINESTRING", 3: "POLYGON", 4: "MULTIPOINT", 5: "MULTILINESTRING",
           6: "MULTIPOLYGON", 7: "GEOMETRYCOLLECTION"}
_DIMS = {0: "", 1: "Z", 2: "M", 3: "ZM"}
#: Application tables kept per row by username instead of emptied (officers added on the server stay).
_MERGED = "users"

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class PublishReport:
    """Rows per table: ``{table: (rows in the workspace, rows on the server)}`` and the reference layers."""

    counts: dict[str, tuple[int, int]]
    layers: tuple[str, ...]
    styles: int = 0
    rasters: tuple[str, ...] = ()


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _geom_sql(column: str) -> str:
    c = _q(column)
    return f"CASE WHEN {c} IS NULL THEN NULL ELSE 'SRID=' || SRID({c}) || ';' || hex(AsBinary({c})) END"


def _sqlite_columns(lite: Any, table: str) -> list[tuple[str, str, bool]]:
    return [(r[1], (r[2] or "").upper(), bool(r[5])) for r in lite.execute(f"PRAGMA table_info({_q(table)})")]


def _reference_layers(lite: Any, app_tables: set[str]) -> dict[str, list[tuple[str, int, int]]]:
    """The workspace's other spatial tables: ``{table: [(geometry column, type code, srid), …]}``."""
    out: dict[str, list[tuple[str, int, int]]] = {}
    for table, column, gtype, srid in lite.execute(
            "SELECT f_table_name, f_geometry_column, geometry_type, srid FROM geometry_columns ORDER BY 1"):
        if table.lower() not in app_tables:
            out.setdefault(table.lower(), []).append((column.lower(), int(gtype), int(srid)))
    return out


def _pg_type(decl: str) -> str:
    if "INT" in decl:
        return "bigint"
    if any(k in decl for k in ("REAL", "FLOA", "DOUB", "NUMERIC")):
        return "double precision"
    if "BLOB" in decl:
        return "bytea"
    return "text"


def _layer_ddl(table: str, cols: list[tuple[str, str, bool]], geoms: dict[str, tuple[int, int]]) -> str:
    parts = []
    for name, decl, pk in cols:
        if name.lower() in geoms:
            code, srid = geoms[name.lower()]
            parts.append(f"{_q(name.lower())} geometry({_GTYPES.get(code % 1000, 'GEOMETRY')}"
                         f"{_DIMS.get(code // 1000, '')}, {srid})")
        else:
            parts.append(f"{_q(name.lower())} {_pg_type(decl)}" + (" PRIMARY KEY" if pk else ""))
    return f"CREATE TABLE {_q(table)} ({', '.join(parts)})"


def _copy(pg: Any, lite: Any, table: str, columns: list[str], select: list[str], total: int,
          progress: Progress | None) -> None:
    sql = f"SELECT {', '.join(select)} FROM {_q(table)}"
    target = f"COPY {_q(table)} ({', '.join(_q(c) for c in columns)}) FROM STDIN"
    done = 0
    with pg.cursor().copy(target) as copy:
        for row in lite.execute(sql):
            copy.write_row(row)
            done += 1
            if progress is not None and done % 5000 == 0:
                progress(table, done, total)
    if progress is not None:
        progress(table, done, total)


def _server_count(pg: Any, table: str, names: list[str] | None = None) -> int:
    if names is None:
        return pg.execute(f"SELECT count(*) FROM {_q(table)}").fetchone()[0]
    return pg.execute(f"SELECT count(*) FROM {_q(table)} WHERE username = ANY(%s)", (names,)).fetchone()[0]


def _published_layers(pg: Any, app: set[str]) -> list[str]:
    """Tables of the owner role that are not application tables: the reference layers published before."""
    rows = pg.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = %s",
                      (OWNER_ROLE,)).fetchall()
    from gisdesk.store.schema import SYNC_TABLES
    from gisdesk.store.schema_version import VERSION_TABLE

    # the schema's own, and what publish writes in place: never a published layer (not dropped with the layers)
    schema = {OFFICERS_TABLE, VERSION_TABLE, LAYER_STYLES, RASTERS, *SYNC_TABLES}
    return sorted(r[0] for r in rows if r[0] not in app and r[0] not in schema)


def publish_workspace(workspace: str | os.PathLike[str], url: str, *, replace: bool = False,
                      progress: Progress | None = None) -> PublishReport:
    """Copy ``workspace``'s application tables and reference layers to the server at ``url``.

    Parameters
    ----------
    workspace : path-like
        A gisdesk SpatiaLite workspace (opened read-only).
    url : str
        ``postgresql://SUPERUSER@HOST/DATABASE`` of a database made by ``gisdesk server init``.
    replace : bool
        Replace data published before (else a server holding data is refused).
    progress : callable, optional
        ``progress(table, rows_done, rows_total)``, called as each table is copied.

    Returns
    -------
    PublishReport
        The rows per table on both sides (all equal: a difference raises and changes nothing).

    Raises
    ------
    StoreError
        One line: not a gisdesk server, not a superuser, data already there, a refused row,
        or tables whose counts differ.
    """
    import psycopg

    from gisdesk.store.connection import connect as connect_lite

    md = app_metadata()
    app = set(md.tables)
    lite = connect_lite(workspace, read_only=True)
    pg = connect(url)
    try:
        file_tables = {r[0].lower(): r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        layers = _reference_layers(lite, app)
        with pg.transaction():
            _require_gisdesk(pg)
            su = pg.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
            if not su or not su[0]:
                raise StoreError("gisdesk server publish needs a superuser connection (e.g. the 'postgres' role): "
                                 "it writes every commune's rows past row-level security")
            tables = [t for t in md.sorted_tables if t.name in file_tables]
            from gisdesk.store.server_jobs import DISPATCH_MARK, MARK_NOW

            from gisdesk.store.schema_version import META_KEY

            # the server's own (set again below)
            pg.execute("DELETE FROM gisdesk_meta WHERE key IN (%s, %s)", (DISPATCH_MARK, META_KEY))
            before = _published_layers(pg, app)
            held = [(t.name, n) for t in tables if t.name != _MERGED and (n := _server_count(pg, t.name))]
            clash = sorted(set(before) & set(layers))
            if (held or clash) and not replace:
                shown = ", ".join([f"{t} {n:,}" for t, n in held] + clash)
                raise StoreError(f"this server already holds published data ({shown}); "
                                 "use --replace to replace it (nothing was changed)")
            if replace:
                names = [t.name for t in tables if t.name != _MERGED]
                if names:
                    pg.execute("TRUNCATE " + ", ".join(_q(n) for n in names))
                for layer in before:
                    pg.execute(f"DROP TABLE {_q(layer)}")
            counts: dict[str, tuple[int, int]] = {}
            for table in tables:
                counts[table.name] = _publish_table(pg, lite, table, file_tables[table.name], progress)
            for layer, geoms in layers.items():
                counts[layer] = _publish_layer(pg, lite, file_tables.get(layer, layer), geoms, progress)
            readers = list(GROUP_ROLES.values())
            raster_paths = publish_rasters(pg, lite, Path(workspace), OWNER_ROLE, readers)
            if STATE in counts:
                rekey_layer_state(pg, Path(workspace), raster_paths)
            styles = publish_styles(pg, lite, set(counts), OWNER_ROLE, readers)
            bad = {t: c for t, c in counts.items() if c[0] != c[1]}
            if bad:
                shown = ", ".join(f"{t} (workspace {a:,}, server {b:,})" for t, (a, b) in bad.items())
                raise StoreError(f"count check failed, nothing was published: {shown}")
            pg.execute(MARK_NOW)  # the published incidents were handled in the workspace: not dispatched again
            pg.execute("DELETE FROM gisdesk_meta WHERE key = %s", (META_KEY,))  # the server's schema, not the file's
            pg.execute("INSERT INTO gisdesk_meta (key, value) SELECT %s, version_num FROM alembic_version", (META_KEY,))
    except psycopg.Error as exc:
        raise StoreError(f"the server refused: {_first_line(exc)}") from None
    finally:
        pg.close()
        lite.close()
    return PublishReport(counts, tuple(layers), styles, tuple(raster_paths.values()))


def _publish_table(pg: Any, lite: Any, table: Any, file_name: str, progress: Progress | None) -> tuple[int, int]:
    from geoalchemy2 import Geometry

    have = {c[0].lower() for c in _sqlite_columns(lite, file_name)}
    skip = SQLITE_ONLY_COLUMNS.get(table.name, frozenset())
    cols = [c for c in table.columns if c.name not in skip and c.name in have]
    select = [_geom_sql(c.name) if isinstance(c.type, Geometry) else _q(c.name) for c in cols]
    total = lite.execute(f"SELECT count(*) FROM {_q(file_name)}").fetchone()[0]
    names = None
    if table.name == _MERGED:
        names = [r[0] for r in lite.execute(f"SELECT username FROM {_q(file_name)}")]
        pg.execute("DELETE FROM users WHERE username = ANY(%s)", (names,))
    _copy(pg, lite, file_name, [c.name for c in cols], select, total, progress)
    for c in cols:  # the serial columns continue after the copied ids
        seq = pg.execute("SELECT pg_get_serial_sequence(%s, %s)", (table.name, c.name)).fetchone()[0]
        if seq:
            pg.execute(f"SELECT setval(%s, GREATEST((SELECT max({_q(c.name)}) FROM {_q(table.name)}), 1))", (seq,))
    return total, _server_count(pg, table.name, names)


def _publish_layer(pg: Any, lite: Any, file_name: str, geoms: list[tuple[str, int, int]],
                   progress: Progress | None) -> tuple[int, int]:
    table = file_name.lower()
    cols = _sqlite_columns(lite, file_name)
    gmap = {g: (code, srid) for g, code, srid in geoms}
    pg.execute(_layer_ddl(table, cols, gmap))
    for g in gmap:
        pg.execute(f"CREATE INDEX {_q(f'{table}_{g}_gist')} ON {_q(table)} USING gist ({_q(g)})")
    pg.execute(f"ALTER TABLE {_q(table)} OWNER TO {_q(OWNER_ROLE)}")
    pg.execute(f"REVOKE ALL ON {_q(table)} FROM PUBLIC")
    pg.execute(f"GRANT SELECT ON {_q(table)} TO " + ", ".join(_q(r) for r in GROUP_ROLES.values()))
    select = [_geom_sql(n) if n.lower() in gmap else _q(n) for n, _, _ in cols]
    total = lite.execute(f"SELECT count(*) FROM {_q(file_name)}").fetchone()[0]
    _copy(pg, lite, file_name, [n.lower() for n, _, _ in cols], select, total, progress)
    pg.execute(f"ANALYZE {_q(table)}")
    return total, _server_count(pg, table)

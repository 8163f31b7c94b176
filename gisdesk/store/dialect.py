"""The SQL that differs between SpatiaLite and PostgreSQL/PostGIS, each piece named once.

The stores write one SQL text for both engines (``?`` placeholders, standard SQL) and ask
the connection's :class:`Dialect` (:func:`dialect_of`) for the pieces that differ:

============================ ================================== =========================================
piece                        SpatiaLite (workspace)              PostGIS (city server)
============================ ================================== =========================================
:meth:`Dialect.point`        ``MakePoint(x, y, srid)``           ``ST_SetSRID(ST_MakePoint(x, y), srid)``
:meth:`Dialect.as_wkb`       ``AsBinary(g)``                     ``ST_AsBinary(g)``
:meth:`Dialect.from_wkb`     ``GeomFromWKB(b, srid)``            ``ST_GeomFromWKB(b, srid)``
:meth:`Dialect.multi`        ``CastToMultiPolygon(g)`` …         ``ST_Multi(g)``
:meth:`Dialect.x` / ``y``    ``X(g)``                            ``ST_X(g)``
:meth:`Dialect.epoch`        ``unixepoch(t)`` (ISO text)         ``extract(epoch FROM t)::float8``
:meth:`Dialect.same`         ``a IS b``                          ``a IS NOT DISTINCT FROM b``
:meth:`Dialect.differs`      ``a IS NOT b``                      ``a IS DISTINCT FROM b``
:attr:`Dialect.insert_order` ``rowid``                           ``ctid`` (see below)
:meth:`Dialect.upsert`       ``INSERT OR REPLACE``               ``INSERT … ON CONFLICT … DO UPDATE``
:meth:`Dialect.has_table`    ``sqlite_master``                   ``to_regclass``
:meth:`Dialect.in_box`       the R*Tree ``idx_<table>_geom``     ``geom && ST_MakeEnvelope`` (GiST)
:meth:`Dialect.codes`        a TEMP look-up table                ``array_position`` (officers may not
                                                                 create TEMP tables on the server)
============================ ================================== =========================================

Things only a workspace file has are flags, asked explicitly, never found by trying:
:attr:`Dialect.migrates_in_place` (the stores' ``ensure_*_schema``: ``PRAGMA``,
``ALTER TABLE``, triggers; on the server ``gisdesk server init`` made the schema) and
:attr:`Dialect.server` (who acts is the login role: :func:`gisdesk.store.server.current_officer`).

``insert_order`` breaks ties between rows written in the same second. SQLite's ``rowid`` is
the insertion order; PostgreSQL has none, and ``ctid`` (the row's place in the table) is
the insertion order only for tables that are never updated (the event, answer and callback
tables: a task's latest callback is ``max(ctid)``, PostgreSQL 14 or later); for tasks and
questions it is just a tie-break.

Timestamps are not a piece: the server connection (:mod:`gisdesk.store.pg_conn`) reads
``timestamptz`` as the same UTC ISO text (``2026-05-01T08:30:00Z``) a workspace stores,
and ISO text parameters are read by PostgreSQL as ``timestamptz``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence


@dataclass(frozen=True)
class Dialect:
    """The named SQL pieces of one engine (:data:`SPATIALITE` or :data:`POSTGIS`)."""

    name: str
    #: A city server: who acts is the connection's login role, row-level security holds the jurisdiction.
    server: bool
    #: The stores add their tables and columns themselves (SpatiaLite workspaces only).
    migrates_in_place: bool
    #: The column that orders rows written in the same second (see the module docstring).
    insert_order: str

    def point(self, x: str, y: str, srid: str) -> str:
        """A point geometry from SQL expressions ``x``, ``y`` and ``srid``."""
        if self.server:
            return f"ST_SetSRID(ST_MakePoint({x}, {y}), {srid})"
        return f"MakePoint({x}, {y}, {srid})"

    def as_wkb(self, geom: str) -> str:
        """The geometry expression ``geom`` as WKB bytes."""
        return f"ST_AsBinary({geom})" if self.server else f"AsBinary({geom})"

    def from_wkb(self, wkb: str, srid: str) -> str:
        """A geometry from WKB bytes ``wkb`` in ``srid``."""
        return f"ST_GeomFromWKB({wkb}, {srid})" if self.server else f"GeomFromWKB({wkb}, {srid})"

    def multi(self, geom: str, gtype: str) -> str:
        """``geom`` as the multi type ``gtype`` (``MULTILINESTRING`` or ``MULTIPOLYGON``)."""
        if self.server:
            return f"ST_Multi({geom})"
        cast = {"MULTILINESTRING": "CastToMultiLinestring", "MULTIPOLYGON": "CastToMultiPolygon"}[gtype]
        return f"{cast}({geom})"

    def x(self, geom: str) -> str:
        """The x of a point expression."""
        return f"ST_X({geom})" if self.server else f"X({geom})"

    def y(self, geom: str) -> str:
        """The y of a point expression."""
        return f"ST_Y({geom})" if self.server else f"Y({geom})"

    def epoch(self, time: str) -> str:
        """Seconds since 1970 (a float, NULL for NULL) of a stored UTC time."""
        return f"extract(epoch FROM {time})::float8" if self.server else f"unixepoch({time})"

    def same(self, a: str, b: str) -> str:
        """``a`` equals ``b``, NULL equal to NULL."""
        return f"{a} IS NOT DISTINCT FROM {b}" if self.server else f"{a} IS {b}"

    def differs(self, a: str, b: str) -> str:
        """``a`` differs from ``b``, NULL equal to NULL."""
        return f"{a} IS DISTINCT FROM {b}" if self.server else f"{a} IS NOT {b}"

    def upsert(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        """Insert a row of ``columns`` (``?`` each), replacing the row with the same ``key``."""
        marks = ", ".join("?" * len(columns))
        if not self.server:
            return f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in key)
        return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "
                f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}")

    def has_table(self, conn: Any, name: str) -> bool:
        """Whether the table (or view) ``name`` exists."""
        if self.server:
            return conn.execute("SELECT to_regclass(?::text) IS NOT NULL", (name,)).fetchone()[0]
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
                            (name,)).fetchone() is not None

    def in_box(self, alias: str, table: str, x: float, y: float, tolerance: float,
               srid: int) -> tuple[str, list[float]]:
        """``(condition, params)``: rows of ``table`` (as ``alias``) whose ``geom`` box meets the square
        of half-side ``tolerance`` around (``x``, ``y``), through the spatial index."""
        if self.server:
            return (f"{alias}.geom && ST_MakeEnvelope(?, ?, ?, ?, ?)",
                    [x - tolerance, y - tolerance, x + tolerance, y + tolerance, srid])
        return (f"{alias}.rowid IN (SELECT pkid FROM idx_{table}_geom WHERE xmin <= ? AND xmax >= ? "
                "AND ymin <= ? AND ymax >= ?)", [x + tolerance, x - tolerance, y + tolerance, y - tolerance])

    def codes(self, conn: Any, label: str, column: str, names: Sequence[str]) -> tuple[str, str, list]:
        """Number the values of ``column`` by their place in ``names`` (-1 when absent), for a bulk query.

        Returns ``(join, expression, params)``: ``join`` goes after the ``FROM`` table,
        ``expression`` in the ``SELECT`` list, ``params`` are the expression's. On
        SpatiaLite a TEMP table ``_<label>`` is filled (a join beats a long ``CASE``); on
        the server, where officers may not create TEMP tables, ``array_position``.
        """
        if self.server:
            return "", f"COALESCE(array_position(?::text[], {column}) - 1, -1)", [list(names)]
        tmp = f"_{label}"
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {tmp} (name TEXT PRIMARY KEY, code INTEGER)")
        conn.execute(f"DELETE FROM {tmp}")
        conn.executemany(f"INSERT INTO {tmp} VALUES (?, ?)", [(n, i) for i, n in enumerate(names)])
        return f" LEFT JOIN {tmp} ON {tmp}.name = {column}", f"COALESCE({tmp}.code, -1)", []


SPATIALITE = Dialect("spatialite", server=False, migrates_in_place=True, insert_order="rowid")
POSTGIS = Dialect("postgis", server=True, migrates_in_place=False, insert_order="ctid")


def is_server_url(text: Any) -> bool:
    """Whether ``text`` names a PostgreSQL server (``postgresql://`` or ``postgres://``)."""
    return isinstance(text, str) and text.startswith(("postgresql://", "postgres://"))


def dialect_of(conn: Any) -> Dialect:
    """The dialect of an open store connection: :data:`POSTGIS` for a server connection, else :data:`SPATIALITE`."""
    return getattr(conn, "dialect", SPATIALITE)

"""Read the map layers of a PostgreSQL/PostGIS database (the city server) like a file.

:class:`ServerDataSource` offers the renderer, the map model, identify and the
attribute table the surface :class:`~gisdesk.store.datasource.DataSource` offers them
on a SpatiaLite file: ``layers`` (from PostGIS's ``geometry_columns``), ``layer``,
``feature_count``, ``extent``, ``columns``, ``row_estimate``, ``filter_key``. The bulk
reads live in :mod:`gisdesk.store.pg_features`; the SQLite readers hand over to them
when ``ds.format == POSTGIS``.

Who reads is the **PostgreSQL login role** of the connection: row-level security (made
by ``gisdesk server init`` from the access policy) filters the case layers on the
server, so :meth:`access_where` adds nothing here and no client setting can widen what a
commune officer sees. The connections are read-only (``default_transaction_read_only``):
the stores do not run on the server yet.

A password typed in the window is kept in this process's memory only
(:func:`remember_password`), never in a URL that is shown or saved.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from gisdesk.core.access import ALL, RowFilter
from gisdesk.core.layers import is_server_url
from gisdesk.store.datasource import POSTGIS, LayerInfo, RasterInfo, find_layer, quote_ident
from gisdesk.store.errors import LayerNotFoundError, StoreError

#: The application's own view of incident shapes: not a layer on a SpatiaLite workspace either.
_HIDDEN_VIEWS = frozenset({"incident_shapes"})
#: Tables with more (estimated) rows than this take their extent from ST_EstimatedExtent when no policy filters them.
ESTIMATE_EXTENT_ROWS = 200_000
_PASSWORDS: dict[str, str] = {}
_PASSWORDS_LOCK = threading.Lock()


def strip_password(url: str) -> str:
    """``url`` without its password (``user:pw@`` or ``?password=…``): what may be shown or saved."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        user, host = netloc.rsplit("@", 1)
        netloc = f"{user.split(':', 1)[0]}@{host}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() != "password"]
    if netloc == parts.netloc and len(query) == len(parse_qsl(parts.query, keep_blank_values=True)):
        return url
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query, safe="/"), parts.fragment))


def describe_url(url: str) -> str:
    """A short name for titles: ``hue_city @ dbserver as phu_hoi`` (never the password)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    db = unquote(parts.path.lstrip("/")) or query.get("dbname", "")
    host = parts.hostname or query.get("host", "") or "localhost"
    if host.startswith("/"):
        host = "local socket"
    user = unquote(parts.username or query.get("user", ""))
    return f"{db} @ {host}" + (f" as {user}" if user else "")


def remember_password(url: str, password: str | None) -> None:
    """Use ``password`` for connections to ``url`` in this process (memory only; None forgets it)."""
    key = strip_password(url)
    with _PASSWORDS_LOCK:
        if password:
            _PASSWORDS[key] = password
        else:
            _PASSWORDS.pop(key, None)


def remembered_password(url: str) -> str | None:
    """The password :func:`remember_password` keeps for ``url`` (None for a URL that carries its own)."""
    if strip_password(url) != url:
        return None
    with _PASSWORDS_LOCK:
        return _PASSWORDS.get(url)


def connect_reader(url: str) -> Any:
    """A read-only, autocommit psycopg connection to ``url`` (with a remembered password)."""
    import psycopg

    kw: dict[str, Any] = {}
    password = remembered_password(url)
    if password:
        kw["password"] = password
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10, **kw)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to the server: {_first_line(exc)}",
                         "Check the address, the login and its password (PGPASSWORD, ~/.pgpass or the "
                         "Connect to server dialog).") from None
    conn.execute("SET default_transaction_read_only = on")
    return conn


@contextmanager
def translating_errors():
    """Turn psycopg errors raised inside the block into one-line :class:`StoreError`."""
    import psycopg

    try:
        yield
    except psycopg.Error as exc:
        raise StoreError(f"the server refused: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class ServerDataSource:
    """The layers of a PostGIS database, read as the connection's login role.

    Parameters
    ----------
    url : str
        ``postgresql://LOGIN@HOST/DATABASE`` (a password in the URL, ``PGPASSWORD``,
        ``~/.pgpass`` or :func:`remember_password`).
    read_only : bool
        Always read-only; accepted for the signature of :class:`DataSource`.
    user : any
        Ignored: the login role decides what is read (row-level security), not the client.

    Raises
    ------
    StoreError
        The server cannot be reached or refuses the login, in one line.
    """

    format = POSTGIS

    def __init__(self, url: str, read_only: bool = True, busy_timeout_ms: int | None = None,
                 user: Any = None) -> None:
        self.url = url
        self.path = strip_password(url)  # a cache key and a name; never holds the password
        self.name = describe_url(url)
        self.read_only = True
        self.rasters: list[RasterInfo] = []  # the published rasters' references (store/server_rasters.py)
        self._local = threading.local()
        self._conns: list[Any] = []
        self._conns_lock = threading.Lock()
        with self.translating_errors():
            conn = self.connection()
            self.login = conn.execute("SELECT current_user::text").fetchone()[0]
            self.user = self._officer(conn)
            self.layers = self._discover(conn)
            from gisdesk.store.server_rasters import server_rasters

            self.rasters = server_rasters(conn)

    # -- who reads -----------------------------------------------------------------
    def _officer(self, conn: Any) -> Any:
        """The ``gisdesk_officers`` row of the login (None on a database without gisdesk's schema)."""
        from gisdesk.store.server import current_officer
        from gisdesk.store.server_policy import OFFICERS_TABLE

        if conn.execute("SELECT to_regclass(%s)", (f"public.{OFFICERS_TABLE}",)).fetchone()[0] is None:
            return None
        return current_officer(conn)

    def set_user(self, user: Any) -> None:
        """Nothing to do: on the server the login role is who reads (row-level security)."""

    @property
    def filter_key(self) -> tuple:
        """What the rows read depend on: the login role."""
        return ("postgresql", self.login)

    def row_filter(self, layer: LayerInfo) -> RowFilter:
        """Every row the server returns: row-level security has already filtered them."""
        return ALL

    def access_where(self, layer: LayerInfo) -> tuple[str, list]:
        """``("", [])``: the server's policies filter the rows, no condition is added here."""
        return "", []

    def table_where(self, table: str, source: str = '"incidents"') -> tuple[str, list]:
        return "", []

    # -- connections ---------------------------------------------------------------
    def connection(self, spatialite: bool = True, text: bool = True) -> Any:
        """The calling thread's read-only connection to the server (arguments as for :class:`DataSource`)."""
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = connect_reader(self.url)
            self._local.conn = conn
            with self._conns_lock:
                self._conns.append(conn)
        return conn

    def translating_errors(self):
        """Turn psycopg errors raised inside the block into one-line :class:`StoreError`."""
        return translating_errors()

    def close(self) -> None:
        with self._conns_lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            conn.close()
        self._local = threading.local()

    def __enter__(self) -> "ServerDataSource":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- discovery -----------------------------------------------------------------
    def _discover(self, conn: Any) -> list[LayerInfo]:
        if conn.execute("SELECT to_regclass('geometry_columns')").fetchone()[0] is None:
            raise StoreError(f"{self.name} has no PostGIS (no geometry_columns view), so it has no map layers.",
                             "Open a database made by 'gisdesk server init', or run CREATE EXTENSION postgis.")
        rows = conn.execute(
            "SELECT g.f_table_name::text, g.f_geometry_column::text, upper(g.type), g.coord_dimension, g.srid, "
            "c.relkind::text, c.oid::bigint FROM geometry_columns g "
            "JOIN pg_namespace n ON n.nspname = g.f_table_schema "
            "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = g.f_table_name "
            "WHERE g.f_table_schema = current_schema() AND has_table_privilege(c.oid, 'SELECT') "
            "ORDER BY 1, 2").fetchall()
        rows = [r for r in rows if not (r[5] == "v" and r[0] in _HIDDEN_VIEWS)]
        gist = {(oid, col) for oid, col in conn.execute(
            "SELECT i.indrelid::bigint, a.attname::text FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid "
            "JOIN pg_am am ON am.oid = x.relam AND am.amname = 'gist' "
            "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)")}
        keys = dict(conn.execute(  # a single integer primary key is the feature id; else the row's ctid
            "SELECT i.indrelid::bigint, min(a.attname::text) FROM pg_index i "
            "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
            "WHERE i.indisprimary AND i.indnatts = 1 AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, "
            "'int8'::regtype) GROUP BY 1").fetchall())
        per_table: dict[str, int] = {}
        for r in rows:
            per_table[r[0]] = per_table.get(r[0], 0) + 1
        layers = []
        for table, column, gtype, dims, srid, relkind, oid in rows:
            name = table if per_table[table] == 1 else f"{table}({column})"
            dim = {2: "XY", 3: "XYM" if gtype.endswith("M") else "XYZ", 4: "XYZM"}.get(int(dims or 2), "XY")
            base = gtype[:-1] if gtype.endswith("M") else gtype  # POINTM -> POINT (no base type ends in M)
            layers.append(LayerInfo(name, table, column, base, dim, int(srid),
                                    "gist" if (oid, column) in gist else None, is_view=relkind == "v",
                                    key_column=keys.get(oid, "ctid")))
        return layers

    # -- per-layer facts -----------------------------------------------------------
    def layer(self, name: str) -> LayerInfo:
        """The layer called ``name`` (case-insensitive), or :class:`LayerNotFoundError`."""
        found = find_layer(self.layers, name)
        if found is not None:
            return found
        raise LayerNotFoundError(f"No layer '{name}' on {self.name}.",
                                 "Layers here: " + (", ".join(lyr.name for lyr in self.layers) or "none"))

    def feature_count(self, layer: LayerInfo) -> int:
        """Rows of ``layer`` the login may read (NULL geometries included)."""
        if layer._count is None:
            with self.translating_errors():
                (layer._count,) = self.connection().execute(
                    f"SELECT count(*) FROM {quote_ident(layer.table)}").fetchone()
        return int(layer._count)

    def _stats(self, layer: LayerInfo) -> tuple[float, bool]:
        """(estimated rows, whether row-level security filters the table) from the catalogue."""
        row = self.connection().execute(
            "SELECT c.reltuples::float8, c.relrowsecurity FROM pg_class c WHERE c.oid = to_regclass(%s)",
            (quote_ident(layer.table),)).fetchone()
        return (float(row[0]), bool(row[1])) if row else (-1.0, True)

    def row_estimate(self, layer: LayerInfo) -> int:
        """An upper bound of the rows (the planner's estimate; counted when the table was never analysed)."""
        with self.translating_errors():
            est, _ = self._stats(layer)
        return int(est) if est >= 0 else self.feature_count(layer)

    def extent(self, layer: LayerInfo) -> tuple[float, float, float, float] | None:
        """(minx, miny, maxx, maxy) of the rows the login may read; None when there are none."""
        if layer._extent is None:
            g, t = quote_ident(layer.geometry_column), quote_ident(layer.table)
            conn = self.connection()
            with self.translating_errors():
                est, secured = self._stats(layer)
                row = None
                if est > ESTIMATE_EXTENT_ROWS and not secured and not layer.is_view:
                    row = conn.execute("SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM "
                                       "(SELECT ST_EstimatedExtent(current_schema()::text, %s, %s) AS b) s",
                                       (layer.table, layer.geometry_column)).fetchone()
                if row is None or row[0] is None:
                    row = conn.execute(f"SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM "
                                       f"(SELECT ST_Extent({g}) AS b FROM {t}) s").fetchone()
            if row is None or row[0] is None:
                return None
            layer._extent = tuple(float(v) for v in row)  # type: ignore[assignment]
        return layer._extent

    def columns(self, layer: LayerInfo) -> list[tuple[str, str]]:
        """(name, type) of every non-geometry column, in table order."""
        with self.translating_errors():
            rows = self.connection().execute(
                "SELECT a.attname::text, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                "WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                (quote_ident(layer.table),)).fetchall()
        return [(n, t) for n, t in rows if n.lower() != layer.geometry_column.lower()]

    def map_crs(self) -> str:
        """The map CRS: the communes' SRID, else the first layer's, else EPSG:3857."""
        by_name = {lyr.name: lyr for lyr in self.layers}
        first = by_name.get("communes") or (self.layers[0] if self.layers else None)
        return f"EPSG:{first.srid}" if first else "EPSG:3857"


__all__ = ["POSTGIS", "ServerDataSource", "connect_reader", "describe_url", "is_server_url", "remember_password",
           "remembered_password", "strip_password", "translating_errors"]

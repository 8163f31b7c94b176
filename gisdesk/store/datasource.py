"""Open a SpatiaLite or GeoPackage file and discover its layers.

A :class:`DataSource` knows the layers of one file: every table registered in
``geometry_columns`` (SpatiaLite 4/5 and the older text form), every spatial view
in ``views_geometry_columns``, every feature table of a GeoPackage, and the
rasters a gisdesk workspace references in ``gisdesk_rasters``.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from gisdesk.core.access import ALL, CASE_LAYERS, RowFilter, read_filter
from gisdesk.store._access_sql import where as _filter_sql
from gisdesk.store.connection import (
    DEFAULT_BUSY_TIMEOUT_MS,
    check_sqlite_file,
    connect,
    sqlite_module,
    translate_error,
)
from gisdesk.store.errors import LayerNotFoundError, NoSpatialMetadataError, StoreError

SPATIALITE, GEOPACKAGE, POSTGIS = "spatialite", "gpkg", "postgis"

# SpatiaLite's integer geometry types (base type, without the Z/M thousands).
_TYPE_NAMES = {0: "GEOMETRY", 1: "POINT", 2: "LINESTRING", 3: "POLYGON", 4: "MULTIPOINT",
               5: "MULTILINESTRING", 6: "MULTIPOLYGON", 7: "GEOMETRYCOLLECTION"}
_KIND = {"POINT": "point", "MULTIPOINT": "point", "LINESTRING": "line", "MULTILINESTRING": "line",
         "POLYGON": "polygon", "MULTIPOLYGON": "polygon"}


def quote_ident(name: str) -> str:
    """Quote an SQL identifier (table or column name) safely."""
    return '"' + name.replace('"', '""') + '"'


@dataclass
class LayerInfo:
    """One vector layer of a data source.

    Attributes
    ----------
    name : str
        Layer name as OGR and QGIS show it: the table, or ``table(column)`` when
        the table has several geometry columns.
    table, geometry_column : str
        Where the features live.
    geometry_type : str
        ``POINT``, ``MULTIPOLYGON``, ``GEOMETRY`` …
    dimension : str
        ``XY``, ``XYZ``, ``XYM`` or ``XYZM``.
    srid : int
        Spatial reference id (EPSG code for the usual cases).
    spatial_index : str or None
        The R*Tree table, when there is one.
    is_view : bool
        A spatial view (SpatiaLite ``views_geometry_columns``).
    key_column : str
        The column used as feature id in the R*Tree (rowid, the view's rowid, or the GPKG fid).
    base_table : str
        For a spatial view, the table it reads (a view of a case table is filtered as the table).
    """

    name: str
    table: str
    geometry_column: str
    geometry_type: str
    dimension: str
    srid: int
    spatial_index: str | None = None
    is_view: bool = False
    key_column: str = "rowid"
    index_table: str | None = None
    base_table: str = ""
    _count: int | None = field(default=None, repr=False)
    _extent: tuple[float, float, float, float] | None = field(default=None, repr=False)

    @property
    def kind(self) -> str:
        """``point``, ``line``, ``polygon``, or ``geometry`` for a generic column."""
        return _KIND.get(self.geometry_type, "geometry")


@dataclass
class RasterInfo:
    """A raster referenced by the workspace (``gisdesk_rasters``) or opened directly."""

    name: str
    path: Path
    title: str = ""
    group: str = ""


def find_layer(layers: Sequence[LayerInfo], name: str) -> LayerInfo | None:
    """The layer called ``name``: its exact name first, else the first whose name matches ignoring case."""
    for lyr in layers:
        if lyr.name == name:
            return lyr
    low = name.lower()
    return next((lyr for lyr in layers if lyr.name.lower() == low), None)


class DataSource:
    """A SpatiaLite database or GeoPackage opened for reading layers.

    Parameters
    ----------
    path : path-like
        The file.
    read_only : bool, optional
        Force read-only. GeoPackages are always opened read-only.
    busy_timeout_ms : int, optional
        How long to wait for another program's lock before raising :class:`LockedError`.
    user : User, optional
        Read the case layers (:data:`gisdesk.core.access.CASE_LAYERS`) as this user may
        (see :meth:`set_user`); None reads every row (the local user of a file without accounts).

    Raises
    ------
    StoreError
        Not SQLite, damaged, locked, without spatial metadata, or mod_spatialite missing;
        the message says which and the file is left untouched.
    """

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False,
                 busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, user: Any = None) -> None:
        self.path = check_sqlite_file(path)
        self.user: Any = None
        self._local = threading.local()
        self.busy_timeout_ms = busy_timeout_ms
        # the format is in sqlite_master: no mod_spatialite needed (2-3 ms of every first open)
        probe = connect(self.path, read_only=True, wal=False, busy_timeout_ms=busy_timeout_ms, spatialite=False)
        try:
            self.format = self._detect_format(probe)
        finally:
            probe.close()
        self.read_only = read_only or self.format == GEOPACKAGE or not os.access(self.path, os.W_OK)
        try:
            self.layers = self._discover()
        except StoreError:
            raise
        except Exception as exc:
            raise translate_error(exc, self.path) from exc
        self.rasters = self._discover_rasters()
        if user is not None:
            self.set_user(user)

    # -- who reads -----------------------------------------------------------------
    def set_user(self, user: Any) -> None:
        """Read the case layers as ``user`` may, from now on (None: every row).

        The role and unit are re-read from the file's ``users`` table
        (:func:`~gisdesk.store.users_store.resolve_user`), never taken from ``user``.
        Cached counts and extents are forgotten.
        """
        if user is not None:
            from gisdesk.store.users_store import resolve_user

            with self.translating_errors():
                user = resolve_user(self.connection(text=True), as_account(user))
        if user == self.user:
            return
        self.user = user
        for lyr in self.layers:
            lyr._count = lyr._extent = None

    @property
    def filter_key(self) -> tuple:
        """What the read filters depend on (part of every cache key of data read from here)."""
        u = self.user
        return () if u is None else (u.username, u.role, u.commune, u.department, u.active)

    def row_filter(self, layer: LayerInfo) -> RowFilter:
        """The rows of ``layer`` the user may read (:data:`~gisdesk.core.access.ALL` for reference layers)."""
        kind = CASE_LAYERS.get(layer.table.lower()) or CASE_LAYERS.get(layer.base_table.lower())
        if kind is None or self.user is None:
            return ALL
        return read_filter(self.user, kind)

    def access_where(self, layer: LayerInfo) -> tuple[str, list]:
        """``(condition, params)`` keeping the rows of ``layer`` the user may read; ``("", [])`` for all.

        Incidents are filtered on their own column (``commune = ?``); their shapes
        (lines, areas, the ``incident_shapes`` view) on the incident they belong to.
        """
        return self.table_where(layer.base_table or layer.table)

    def table_where(self, table: str, source: str = '"incidents"') -> tuple[str, list]:
        """:meth:`access_where` for a table by name (``source``: where a shape's incidents are read)."""
        kind = CASE_LAYERS.get(table.lower())
        f = ALL if kind is None or self.user is None else read_filter(self.user, kind)
        if f.everything:
            return "", []
        cond, params = _filter_sql(f)
        if f.nothing or table.lower() == "incidents":
            return cond, params
        return f'"incident_uuid" IN (SELECT "uuid" FROM {source} WHERE {cond})', params

    # -- connections ---------------------------------------------------------------
    def connection(self, spatialite: bool = True, text: bool = False) -> Any:
        """A read connection for the calling thread (bytes for text, for bulk blobs).

        ``spatialite=False`` gives one without mod_spatialite, enough for the bulk
        readers of plain tables (their SQL is core SQLite) and quicker to open.
        ``text=True`` gives one that returns TEXT as ``str`` (attribute queries).
        """
        attr = "text_conn" if text else ("conn" if spatialite else "plain_conn")
        conn = getattr(self._local, attr, None)
        if conn is None:
            conn = connect(self.path, read_only=True, wal=False, busy_timeout_ms=self.busy_timeout_ms,
                           spatialite=spatialite or text)
            if not text:
                conn.text_factory = bytes
            setattr(self._local, attr, conn)
        return conn

    @contextmanager
    def translating_errors(self):
        """Turn SQLite errors raised inside the block into :class:`StoreError` naming this file."""
        try:
            yield
        except sqlite_module().Error as exc:
            raise translate_error(exc, self.path) from exc

    def close(self) -> None:
        for attr in ("conn", "plain_conn", "text_conn"):
            conn = getattr(self._local, attr, None)
            if conn is not None:
                conn.close()
                setattr(self._local, attr, None)
        case = getattr(self._local, "case_conn", None)  # gisdesk.store.case_views
        if case is not None:
            case[1].close()
            self._local.case_conn = None
        pool = getattr(self, "_reader_pool", None)
        if pool is not None:  # its threads' connections close with them
            pool.shutdown(wait=True)
            self._reader_pool = None

    def __enter__(self) -> "DataSource":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- discovery -----------------------------------------------------------------
    def _detect_format(self, conn: Any) -> str:
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
        except Exception as exc:
            raise translate_error(exc, self.path) from exc
        if "gpkg_contents" in names and "gpkg_geometry_columns" in names:
            return GEOPACKAGE
        if "geometry_columns" in names:
            return SPATIALITE
        raise NoSpatialMetadataError(
            f"'{self.path.name}' is an SQLite database without spatial metadata "
            "(no geometry_columns or gpkg_contents table).",
            "Open a SpatiaLite or GeoPackage file; to convert plain SQLite, "
            "register its geometry with SpatiaLite's RecoverGeometryColumn().",
        )

    def _discover(self) -> list[LayerInfo]:
        conn = self.connection()
        if self.format == GEOPACKAGE:
            return self._discover_gpkg(conn)
        return self._discover_spatialite(conn)

    def _text(self, v: Any) -> str:
        return v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)

    def _discover_spatialite(self, conn: Any) -> list[LayerInfo]:
        cols = {self._text(r[1]) for r in conn.execute("PRAGMA table_info(geometry_columns)")}
        rows = []
        if "geometry_type" in cols:  # SpatiaLite 4 and later
            for t, g, gtype, dims, srid, idx in conn.execute(
                "SELECT f_table_name, f_geometry_column, geometry_type, coord_dimension, srid, spatial_index_enabled "
                "FROM geometry_columns ORDER BY f_table_name, f_geometry_column"
            ):
                gtype = int(gtype)
                base, dimcode = gtype % 1000, gtype // 1000
                dim = {0: "XY", 1: "XYZ", 2: "XYM", 3: "XYZM"}.get(dimcode, "XY")
                rows.append((self._text(t), self._text(g), _TYPE_NAMES.get(base, "GEOMETRY"), dim, int(srid), int(idx or 0)))
        else:  # legacy text form: type 'POINT', coord_dimension 'XY' or 2
            for t, g, gtype, dims, srid, idx in conn.execute(
                "SELECT f_table_name, f_geometry_column, type, coord_dimension, srid, spatial_index_enabled FROM geometry_columns"
            ):
                dim = self._text(dims).upper()
                dim = {"2": "XY", "3": "XYZ", "4": "XYZM"}.get(dim, dim or "XY")
                rows.append((self._text(t), self._text(g), self._text(gtype).upper(), dim, int(srid), int(idx or 0)))
        # SpatiaLite 4+ keeps names lower-case in geometry_columns; layers take the table's own
        # spelling ("ISO_metadata", "Wards"), as ogrinfo and QGIS show them.
        tables = {self._text(r[0]).lower(): self._text(r[0])
                  for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        # A registration whose table was dropped is not a layer (ogrinfo and QGIS skip it too).
        rows = [(tables[r[0].lower()], *r[1:]) for r in rows if r[0].lower() in tables]
        per_table: dict[str, int] = {}
        for r in rows:
            per_table[r[0].lower()] = per_table.get(r[0].lower(), 0) + 1
        layers = []
        for t, g, gtype, dim, srid, idx in rows:
            name = t if per_table[t.lower()] == 1 else f"{t}({g})"
            index = f"idx_{t}_{g}"
            has_index = idx == 1 and index.lower() in tables
            layers.append(LayerInfo(name, t, g, gtype, dim, srid, index if has_index else None))
        layers.extend(self._discover_views(conn, {(lyr.table.lower(), lyr.geometry_column.lower()): lyr for lyr in layers}))
        return layers

    def _discover_views(self, conn: Any, base: dict[tuple[str, str], LayerInfo]) -> list[LayerInfo]:
        names = {self._text(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "views_geometry_columns" not in names:
            return []
        views = {self._text(r[0]).lower() for r in conn.execute("SELECT name FROM sqlite_master WHERE type='view'")}
        out = []
        for v, vg, vrowid, t, g in conn.execute(
            "SELECT view_name, view_geometry, view_rowid, f_table_name, f_geometry_column FROM views_geometry_columns"
        ):
            v, vg, vrowid, t, g = map(self._text, (v, vg, vrowid, t, g))
            src = base.get((t.lower(), g.lower()))
            if src is None or v.lower() not in views:
                continue
            out.append(LayerInfo(v, v, vg, src.geometry_type, src.dimension, src.srid, src.spatial_index,
                                 is_view=True, key_column=vrowid, base_table=src.table))
        return out

    def _discover_gpkg(self, conn: Any) -> list[LayerInfo]:
        srs = {}
        for sid, org, code in conn.execute("SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys"):
            srs[int(sid)] = int(code) if self._text(org).upper() == "EPSG" and int(code) > 0 else int(sid)
        tables = {self._text(r[0]).lower() for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        layers = []
        for t, g, gtype, sid, z, m in conn.execute(
            "SELECT g.table_name, g.column_name, g.geometry_type_name, g.srs_id, g.z, g.m "
            "FROM gpkg_geometry_columns g JOIN gpkg_contents c ON c.table_name = g.table_name "
            "WHERE c.data_type = 'features' ORDER BY g.table_name"
        ):
            t, g = self._text(t), self._text(g)
            dim = "XY" + ("Z" if int(z or 0) else "") + ("M" if int(m or 0) else "")
            index = f"rtree_{t}_{g}"
            pk = [self._text(r[1]) for r in conn.execute(f"PRAGMA table_info({quote_ident(t)})") if int(r[5]) == 1]
            layers.append(LayerInfo(t, t, g, self._text(gtype).upper(), dim, srs.get(int(sid), int(sid)),
                                    index if index.lower() in tables else None, key_column=pk[0] if pk else "rowid"))
        return layers

    def _discover_rasters(self) -> list[RasterInfo]:
        conn = self.connection()
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name='gisdesk_rasters'").fetchone():
            return []
        out = []
        for name, path, title, grp in conn.execute("SELECT name, path, title, grp FROM gisdesk_rasters ORDER BY name"):
            p = Path(self._text(path))
            out.append(RasterInfo(self._text(name), p if p.is_absolute() else self.path.parent / p,
                                  self._text(title or ""), self._text(grp or "")))
        return out

    # -- per-layer facts -----------------------------------------------------------
    def layer(self, name: str) -> LayerInfo:
        """The layer called ``name`` (case-insensitive), or :class:`LayerNotFoundError`.

        A name not found is looked for again in the file once: a layer imported or added while
        this source was open (the window's renderer keeps its sources) is found and drawn at once.
        """
        for attempt in (0, 1):
            found = find_layer(self.layers, name)
            if found is not None:
                return found
            if attempt == 0:
                with self.translating_errors():
                    self.layers = self._discover()
        raise LayerNotFoundError(
            f"No layer '{name}' in '{self.path.name}'.",
            "Layers here: " + (", ".join(lyr.name for lyr in self.layers) or "none"),
        )

    def feature_count(self, layer: LayerInfo) -> int:
        """Number of features (rows), NULL geometries included, as ogrinfo counts them."""
        if layer._count is None:
            cond, params = self.access_where(layer)
            with self.translating_errors():
                (layer._count,) = self.connection().execute(
                    f"SELECT count(*) FROM {quote_ident(layer.table)}" + (f" WHERE {cond}" if cond else ""),
                    params).fetchone()
        return int(layer._count)

    def row_estimate(self, layer: LayerInfo) -> int:
        """An upper bound of the row count read from the rowid b-tree's two ends (no scan)."""
        if layer.is_view or self.format == GEOPACKAGE and layer.key_column != "rowid":
            return self.feature_count(layer)
        conn = self.connection()
        t = quote_ident(layer.table)
        with self.translating_errors():
            (lo,) = conn.execute(f"SELECT min(rowid) FROM {t}").fetchone()
            (hi,) = conn.execute(f"SELECT max(rowid) FROM {t}").fetchone()
        return 0 if lo is None else int(hi) - int(lo) + 1

    def extent(self, layer: LayerInfo) -> tuple[float, float, float, float] | None:
        """(minx, miny, maxx, maxy) in the layer's CRS, or None for a layer without geometry."""
        if layer._extent is None:
            conn = self.connection()
            # A view shares its table's R*Tree, whose extent covers rows the view leaves out;
            # so does a filtered layer (the rows the user may not read).
            if layer.spatial_index and not layer.is_view and not self.access_where(layer)[0]:
                ext = rtree_root_extent(conn, layer.spatial_index)
                if ext is not None and all(abs(v) <= 1e10 for v in ext):  # 1e308 is inf in the R*Tree
                    layer._extent = ext
                    return layer._extent
            import numpy as np

            from gisdesk.store.reader import read_geometries

            xy = read_geometries(self, layer).xy
            xy = xy[(np.abs(xy) <= 1e10).all(axis=1)]  # NaN and absurd coordinates do not widen the extent
            if len(xy) == 0:
                return None
            mn, mx = xy.min(axis=0), xy.max(axis=0)
            layer._extent = (float(mn[0]), float(mn[1]), float(mx[0]), float(mx[1]))
        return layer._extent

    def columns(self, layer: LayerInfo) -> list[tuple[str, str]]:
        """(name, declared type) of every non-geometry column."""
        with self.translating_errors():
            rows = self.connection().execute(f"PRAGMA table_info({quote_ident(layer.table)})").fetchall()
        return [(self._text(r[1]), self._text(r[2] or "")) for r in rows
                if self._text(r[1]).lower() != layer.geometry_column.lower()]


def open_datasource(source: Any, read_only: bool = False, user: Any = None, **kw: Any) -> Any:
    """The data source of ``source``: a :class:`DataSource` for a file, a
    :class:`~gisdesk.store.pg_datasource.ServerDataSource` for a ``postgresql://`` address
    (read as its login role; ``user`` is then not used: row-level security decides)."""
    from gisdesk.core.layers import is_server_url

    if is_server_url(source):
        from gisdesk.store.pg_datasource import ServerDataSource

        return ServerDataSource(source)
    return DataSource(source, read_only=read_only, user=user, **kw)


def as_account(user: Any) -> Any:
    """A :class:`gisdesk.core.users.User` for a signed-in user of either shape (core or plugin facade)."""
    from gisdesk.core.users import User

    if user is None or isinstance(user, User):
        return user
    name = getattr(user, "username", None) or getattr(user, "name")
    return User(name, getattr(user, "display_name", "") or name, getattr(user, "role", "viewer"),
                getattr(user, "commune", None), getattr(user, "department", None), getattr(user, "active", True))


def rtree_root_extent(conn: Any, index: str) -> tuple[float, float, float, float] | None:
    """Extent of an R*Tree from its root node alone (cells of the root cover everything).

    SQLite stores a node as: depth (2 bytes, root only), cell count (2 bytes), then
    per cell an int64 id and (min, max) float32 pairs per dimension, big-endian.
    The boxes are rounded outwards to float32, so the extent can be a hair larger
    than the exact one.
    """
    import numpy as np

    try:
        row = conn.execute(f"SELECT data FROM {quote_ident(index + '_node')} WHERE nodeno = 1").fetchone()
    except Exception:
        return None
    if not row or not row[0] or len(row[0]) < 4:
        return None
    data = row[0]
    count = int.from_bytes(data[2:4], "big")
    if count == 0:
        return None
    cells = np.frombuffer(data, dtype=[("id", ">i8"), ("b", ">f4", (4,))], count=count, offset=4)["b"]
    return (float(cells[:, 0].min()), float(cells[:, 2].min()), float(cells[:, 1].max()), float(cells[:, 3].max()))

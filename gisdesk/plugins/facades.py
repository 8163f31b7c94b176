"""The facades of a plugin's context: user, settings, workspace data, map canvas (Qt-free).

:class:`gisdesk.plugins.context.PluginContext` puts them together; plugins reach
them as ``ctx.user``, ``ctx.settings``, ``ctx.workspace`` and ``ctx.canvas``.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import re
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from gisdesk.core.layers import RasterLayer, VectorLayer, is_server_url, layer_source
from gisdesk.core.map_model import MapModel
from gisdesk.core.users import User  # the one user class; plugins import it as gisdesk.api.User

Undo = Callable[[], None]
Bbox = tuple[float, float, float, float]

#: Keyword a read-only query may start with.
READ_ONLY_START = ("select", "with")
_FORBIDDEN_IN_QUERY = re.compile(r"\b(insert|update|delete|replace|drop|alter|create|attach|detach|pragma|vacuum|"
                                 r"reindex|analyze)\b", re.IGNORECASE)


class ReadOnlyQueryError(ValueError):
    """:meth:`Workspace.read` refused a statement that could change the workspace."""


def local_user() -> User:
    """The local OS user, role ``"administrator"``: headless runs and workspaces without accounts.

    The stores do not trust this role: they re-read it from the workspace's ``users``
    table (:func:`gisdesk.store.users_store.resolve_user`), where a name that is not in
    the table only reads."""
    try:
        name = getpass.getuser()
    except Exception:  # no login name in some containers
        name = os.environ.get("USER", "user")
    return User(name, name, "administrator")


# -- settings ------------------------------------------------------------------------
class Settings(MutableMapping):
    """A plugin's settings: a dict saved as JSON in ``<state dir>/settings/<plugin>.json``.

    Every change is written at once (atomically). Values must be JSON-serialisable
    (str, int, float, bool, None, lists and dicts of those); anything else raises
    ``TypeError`` when set.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._data: dict[str, Any] = {}
        if path is not None and path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                self._data = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                logging.getLogger("gisdesk.plugins").warning("ignoring unreadable plugin settings %s", path)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        if not isinstance(key, str):
            raise TypeError(f"setting names are strings, not {type(key).__name__}")
        try:
            json.dumps(value)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"setting {key!r} must be JSON-serialisable: {exc}") from None
        self._data[key] = value
        self._save()

    def __delitem__(self, key: str) -> None:
        del self._data[key]
        self._save()

    def __iter__(self) -> Iterator[str]:
        return iter(dict(self._data))

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"Settings({self._data!r})"

    def _save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._data, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)


# -- workspace -----------------------------------------------------------------------
@dataclass(frozen=True)
class LayerRef:
    """A map layer as plugins see it (read-only facts; change layers through the window).

    Attributes
    ----------
    id : str
        The layer id used by :meth:`Workspace.features`, :meth:`Canvas.select`, events.
    title, name, group : str
        Title in the layer tree, table name in the workspace, layer-tree group.
    kind : str
        ``point``, ``line``, ``polygon`` or ``raster``.
    visible : bool
    """

    id: str
    title: str
    name: str
    group: str
    kind: str
    visible: bool


@dataclass(frozen=True)
class Features:
    """Features of one layer: ``ids`` (numpy int64) and ``attributes`` (one dict per id, same order)."""

    ids: np.ndarray
    attributes: list[dict[str, Any]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)


def check_read_only(sql: str) -> None:
    """Raise :class:`ReadOnlyQueryError` unless ``sql`` is one ``SELECT``/``WITH`` query."""
    body = re.sub(r"--[^\n]*|/\*.*?\*/", " ", sql, flags=re.DOTALL).strip().rstrip(";").strip()
    first = body.split(None, 1)[0].lower() if body else ""
    if first not in READ_ONLY_START:
        raise ReadOnlyQueryError(
            f"Workspace.read() runs only SELECT or WITH queries, not {first.upper() or 'an empty statement'}: "
            "plugins change the workspace through the gisdesk API, not with SQL")
    literal_free = re.sub(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"", "''", body)
    if ";" in literal_free:
        raise ReadOnlyQueryError("Workspace.read() runs one query at a time (found ';' between statements)")
    if first == "with" and _FORBIDDEN_IN_QUERY.search(literal_free):
        raise ReadOnlyQueryError("Workspace.read() refuses WITH … INSERT/UPDATE/DELETE: only queries that read")


class Workspace:
    """The workspace's data, read-only: layers, features, queries and tables.

    Parameters
    ----------
    path : Path or None
        The workspace file (None when no workspace is open: no layers, and queries raise).
    model : MapModel
        The map's layers (the window's model, or one built from the file when headless).
    """

    def __init__(self, path: Path | None, model: MapModel) -> None:
        self.path = layer_source(path) if path is not None else None  # a file or the city server's address
        self._model = model
        self._sources: dict[Any, Any] = {}

    def _source(self, path: Any):
        from gisdesk.store.datasource import open_datasource

        path = layer_source(path)
        if path not in self._sources:  # on the server: the login role reads, row-level security filters
            self._sources[path] = open_datasource(path, read_only=True)
        self._sources[path].set_user(self._reader())  # case layers: only the rows ctx.user may read
        return self._sources[path]

    @property
    def engine(self) -> str:
        """``"postgresql"`` on the city server (:meth:`read` takes PostgreSQL's SQL there, and the rows are
        those the signed-in login may read), else ``"spatialite"`` (a workspace file; SQLite's SQL)."""
        return "postgresql" if is_server_url(self.path) else "spatialite"

    def close(self) -> None:
        """Close the connections this facade opened (the context does it on unload)."""
        for ds in self._sources.values():
            ds.close()
        self._sources.clear()

    def layers(self) -> list[LayerRef]:
        """The map's layers, top of the layer tree first."""
        out = []
        for lyr in reversed(self._model.layers):
            if isinstance(lyr, RasterLayer):
                out.append(LayerRef(lyr.id, lyr.title, lyr.path.stem, lyr.group, "raster", lyr.visible))
            else:
                kind = self._source(lyr.source).layer(lyr.name).kind
                out.append(LayerRef(lyr.id, lyr.title, lyr.name, lyr.group, kind, lyr.visible))
        return out

    def layer(self, ref: str) -> LayerRef:
        """One layer by id, or else by table name; ``KeyError`` when there is none."""
        for lyr in self.layers():
            if ref in (lyr.id, lyr.name):
                return lyr
        raise KeyError(f"no layer {ref!r} in the map")

    def id_column(self, layer_id: str) -> str:
        """The SQL column of a vector layer's feature ids (those of :meth:`features` and ``canvas.select``),
        for :meth:`read`: ``rowid`` in a workspace file, the table's integer key on the city server.

        Examples
        --------
        >>> key = ctx.workspace.id_column("incidents")  # doctest: +SKIP
        >>> ctx.workspace.read(f"SELECT {key} AS id FROM incidents WHERE uuid = ?", [uuid])  # doctest: +SKIP
        """
        from gisdesk.store import features

        lyr = self._vector(layer_id)
        return features.key_sql(self._source(lyr.source).layer(lyr.name))

    def features(self, layer_id: str, bbox: Bbox | None = None, limit: int | None = None) -> Features:
        """Ids and attributes of a vector layer's features, optionally only those meeting ``bbox``.

        Parameters
        ----------
        layer_id : str
            A layer id (or table name) from :meth:`layers`.
        bbox : tuple of float, optional
            (minx, miny, maxx, maxy) in the map CRS (the canvas's ``crs``).
        limit : int, optional
            At most this many features (lowest ids first).
        """
        from gisdesk.store import features

        lyr = self._vector(layer_id)
        ds = self._source(lyr.source)
        info = ds.layer(lyr.name)
        if bbox is None:
            conn = ds.connection(text=True)
            cond, params = ds.access_where(info)
            sql = f"SELECT {features.key_sql(info)} FROM {_quote(info.table)}" + (f" WHERE {cond}" if cond else "")
            sql += " ORDER BY 1"
            if limit is not None:
                sql += f" LIMIT {int(limit)}"
            with ds.translating_errors():
                ids = np.array([r[0] for r in conn.execute(sql, params)], np.int64)
        else:
            ids = np.sort(features.ids_in_box(ds, info, _to_layer_crs(bbox, self._model.crs, info.srid)))
            if limit is not None:
                ids = ids[:int(limit)]
        return Features(ids, features.attributes(ds, info, ids))

    def read(self, sql: str, params: tuple | list | dict = ()) -> list[dict[str, Any]]:
        """Run one read-only query (``SELECT`` or ``WITH``) on the workspace; rows as dicts.

        The case tables (``incidents``, ``incident_lines``, ``incident_areas``,
        ``incident_shapes``) hold only the rows ``ctx.user`` may read; reading them by
        another way (``main.incidents``, their R*Tree) is refused.

        Raises
        ------
        ReadOnlyQueryError
            For anything that is not a single SELECT/WITH query.
        StoreError
            When SQLite rejects the query (the message names the file), or it reads case
            rows around the user's filter ("not authorized").

        Examples
        --------
        >>> ctx.workspace.read("SELECT category, count(*) AS n FROM incidents GROUP BY category")  # doctest: +SKIP
        [{'category': 'flooding', 'n': 412}, ...]
        """
        from gisdesk.store.case_views import case_connection

        check_read_only(sql)
        if self.path is None:
            raise RuntimeError("no workspace is open")
        ds = self._source(self.path)
        if is_server_url(self.path):  # the login's read-only connection: row-level security gives its rows
            return _read_server(ds, sql, params)
        conn = case_connection(ds)
        with ds.translating_errors():
            cur = conn.execute(sql, params)
            cols = [d[0] for d in cur.description or ()]
            return [dict(zip(cols, row)) for row in cur.fetchall()]

    def table(self, name: str, where: str = "", params: tuple | list | dict = (),
              limit: int | None = None) -> list[dict[str, Any]]:
        """Rows of any table or view of the workspace, as dicts (geometry columns as WKB bytes).

        Read through :meth:`read`: the case tables give only the rows ``ctx.user`` may read.

        Extension point: the incidents and tasks issues add typed accessors
        (``workspace.incidents(...)``, ``workspace.tasks(...)``); until then read
        their tables here, e.g. ``workspace.table("incidents", "status = ?", ["open"])``.
        """
        sql = f"SELECT * FROM {_quote(name)}" + (f" WHERE {where}" if where else "")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.read(sql, params)

    def snap(self, x: float, y: float, tolerance: float, layer_ids: list[str] | None = None) -> Any:
        """Snap (x, y) (map CRS) to the nearest vertex, else edge, of a vector layer within ``tolerance``.

        Parameters
        ----------
        x, y : float
            A position in the map CRS.
        tolerance : float
            Map units (e.g. ``8 * event.resolution`` for 8 pixels).
        layer_ids : list of str, optional
            The layers to snap to; by default every visible vector layer.

        Returns
        -------
        Snap or None
            ``x``, ``y`` (map CRS), ``kind`` (``"vertex"`` or ``"edge"``) and ``layer_id``;
            None when nothing is within ``tolerance``.
        """
        from gisdesk.core.snapping import snap_to
        from gisdesk.store import features

        best = None
        layers = [lyr for lyr in self._model.layers if isinstance(lyr, VectorLayer)
                  and (lyr.visible if layer_ids is None else (lyr.id in layer_ids or lyr.name in layer_ids))]
        box = (x - tolerance, y - tolerance, x + tolerance, y + tolerance)
        for lyr in layers:
            ds = self._source(lyr.source)
            info = ds.layer(lyr.name)
            ids = features.candidate_ids(ds, info, _to_layer_crs(box, self._model.crs, info.srid))
            if len(ids) == 0 or len(ids) > 50_000:  # an unindexed huge layer is not worth a stall
                continue
            _, geoms = features.geometries(ds, info, ids)
            geoms = _geoms_to_map_crs(geoms, info.srid, self._model.crs)
            hit = snap_to((x, y), geoms, tolerance)
            if hit is None:
                continue
            d = (hit.x - x) ** 2 + (hit.y - y) ** 2
            rank = (hit.kind != "vertex", d)
            if best is None or rank < best[0]:
                best = (rank, SnapResult(hit.x, hit.y, hit.kind, lyr.id))
        return best[1] if best else None

    def _reader(self) -> Any:
        """Who reads: the signed-in user the plugin context binds (``reader``); None reads every row."""
        reader = getattr(self, "reader", None)
        return reader() if reader is not None else None

    def _vector(self, layer_id: str) -> VectorLayer:
        for lyr in self._model.layers:
            if layer_id in (lyr.id, getattr(lyr, "name", None)):
                if not isinstance(lyr, VectorLayer):
                    raise TypeError(f"layer {layer_id!r} is a raster; features() reads vector layers")
                return lyr
        raise KeyError(f"no layer {layer_id!r} in the map")


@dataclass(frozen=True)
class SnapResult:
    """Where :meth:`Workspace.snap` put a position: map CRS ``x``, ``y``, ``kind`` and the ``layer_id``."""

    x: float
    y: float
    kind: str
    layer_id: str


def _geoms_to_map_crs(geoms: np.ndarray, srid: int, map_crs: str) -> np.ndarray:
    if not srid or map_crs.upper() == f"EPSG:{srid}" or len(geoms) == 0:
        return geoms
    import shapely
    from pyproj import Transformer

    t = Transformer.from_crs(f"EPSG:{srid}", map_crs, always_xy=True)
    return shapely.transform(geoms, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))


def _read_server(ds: Any, sql: str, params: tuple | list | dict) -> list[dict[str, Any]]:
    """:meth:`Workspace.read` on the city server (``?`` placeholders as on a workspace file)."""
    from gisdesk.store.pg_conn import to_pyformat

    conn = ds.connection(text=True)
    with ds.translating_errors():
        cur = conn.execute(to_pyformat(sql, bool(params)) if not isinstance(params, dict) else sql, params or None)
        cols = [d[0] for d in cur.description or ()]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _to_layer_crs(bbox: Bbox, map_crs: str, srid: int) -> Bbox:
    if not srid or map_crs.upper() == f"EPSG:{srid}":
        return tuple(bbox)
    from pyproj import Transformer

    t = Transformer.from_crs(map_crs, f"EPSG:{srid}", always_xy=True)
    return tuple(t.transform_bounds(*bbox))


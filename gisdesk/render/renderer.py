"""Render a list of layers for a view into one QImage, with caches and cancellation.

The :class:`Renderer` keeps, per layer, the decoded coordinates already
reprojected to the map CRS (the data cache) and the last images it drew (the
image cache), so a re-render after a style change skips the database, and a
re-render of an unchanged view costs one composition. It reads as :attr:`Renderer.user`
(:meth:`Renderer.set_user`): the case layers give only the rows the access policy
lets that user read, and every cache key holds the reader.

Threads: the GUI thread asks, a worker draws. A request takes a
:class:`LayerSnapshot` of every layer on the thread that asks (id, source, a
private copy of the style, row filter, visibility, opacity), the job draws only
the snapshot, and the image is filed under a key made from the snapshot, so a
style changed while a job runs can neither change what it draws nor be filed
with its image. The caches are shared by the GUI and worker threads under one lock.
"""

from __future__ import annotations

import copy
import json
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from PySide6.QtGui import QColor, QImage, QPainter

from gisdesk.core.layers import RasterLayer, VectorLayer, layer_source, source_key
from gisdesk.core.style import RasterStyle, VectorStyle
from gisdesk.render import _data
from gisdesk.render._data import framed, read_for_view
from gisdesk.render.basemap import take_warnings as take_tile_warnings
from gisdesk.render.labels import collect as collect_labels
from gisdesk.render.labels import draw as draw_labels
from gisdesk.render.raster import draw_raster
from gisdesk.render.vector import draw_layer, feature_grid
from gisdesk.render.view import MapView, crs_string, reproject, reproject_bbox
from gisdesk.store.datasource import DataSource, open_datasource
from gisdesk.store.geoblob import Geometries
from gisdesk.store.read_plan import plan_read
from gisdesk.store.reader import FeatureData, ReadCancelled, read_features
from gisdesk.store.styling import class_expr
from gisdesk.store.tiles import is_tile_file


class RenderCancelled(Exception):
    """A newer request replaced this render."""


class CancelToken:
    """Cancels one render: set from any thread; a running SQLite read is interrupted at once."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            callbacks = list(self._callbacks)
        for fn in callbacks:  # e.g. sqlite3 Connection.interrupt of a running read
            fn()

    def on_cancel(self, fn: Callable[[], None]) -> Callable[[], None]:
        """Call ``fn`` when the token is cancelled (now, if it already is); returns the undo."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(fn)
                return lambda: self._forget(fn)
        fn()
        return lambda: None

    def _forget(self, fn: Callable[[], None]) -> None:
        with self._lock:
            if fn in self._callbacks:
                self._callbacks.remove(fn)

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise RenderCancelled()


@dataclass(frozen=True)
class LayerSnapshot:
    """What a render job draws of one layer, taken when the job is requested.

    Attributes
    ----------
    id : str
        The layer's id.
    raster : bool
        A raster layer (``path``, a GeoTIFF) rather than a vector layer (``source`` and ``name``).
    source : Path or None
        The vector layer's database file.
    name : str
        The vector layer's name in the file.
    path : Path or None
        The raster file.
    style : VectorStyle or RasterStyle
        A private deep copy: later edits of the layer's style do not reach it.
    visible : bool
    opacity : float
    row_filter : object or None
        The layer's ``row_filter`` (which rows the signed-in user may read), when it has one.
    title : str
    """

    id: str
    raster: bool
    source: Path | None
    name: str
    path: Path | None
    style: VectorStyle | RasterStyle
    visible: bool
    opacity: float
    row_filter: Any
    title: str

    @classmethod
    def of(cls, layer: Any) -> "LayerSnapshot":
        """A snapshot of a :class:`VectorLayer` or :class:`RasterLayer` (a snapshot is returned as it is)."""
        if isinstance(layer, LayerSnapshot):
            return layer
        raster = isinstance(layer, RasterLayer)
        style = copy.deepcopy(layer.style)
        return cls(layer.id, raster, None if raster else layer_source(layer.source), "" if raster else layer.name,
                   Path(layer.path) if raster else None, style, bool(layer.visible), float(style.opacity),
                   getattr(layer, "row_filter", None), layer.title)

    @cached_property
    def key(self) -> tuple:
        """What the layer's image depends on, apart from the view (hashable)."""
        drawn = {k: v for k, v in self.style.__dict__.items() if k != "labels"}  # labels are drawn apart
        style_key = json.dumps(drawn, default=lambda o: o.__dict__, sort_keys=True)
        return (self.id, str(self.path if self.raster else self.source), self.name, style_key,
                _hashable(self.row_filter))


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


def snapshot(layers: list) -> list[LayerSnapshot]:
    """Snapshots of ``layers``: call on the thread that owns them (the GUI thread) when asking for a render."""
    return [LayerSnapshot.of(lyr) for lyr in layers]


@dataclass
class RenderResult:
    image: QImage
    view: MapView
    timings: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    labels: QImage | None = None  # the labels on their own, when asked for "apart"


class Renderer:
    """Renders layers; one render at a time per instance, from any thread.

    The caches and open sources are shared by every thread under one lock; renders
    are serialised by another. Layers are snapshotted (:class:`LayerSnapshot`)
    when a render is asked for: :meth:`submit` on the calling thread.

    Data: the first image of a view reads only what the view needs, the whole layer when
    the view covers most of it (:mod:`gisdesk.render._data`); the rest of a big layer then
    loads in the background (``prefetch``) for later views. :meth:`clear_caches` (after an
    edit) forgets everything, and a background load started before it is not kept.

    Parameters
    ----------
    background : str
        Colour under the layers (``#ffffff``), or '' for transparent.
    max_data_entries : int
        Decoded reads kept (whole layers and viewports).
    prefetch : bool
        Load the whole layer in the background after a viewport read (the window);
        one-off renders (``gisdesk render``, print) leave it off.
    """

    def __init__(self, background: str = "#ffffff", max_data_entries: int = 32, prefetch: bool = True) -> None:
        self.background = background
        self.prefetch = prefetch
        self._generation = 0  # bumped by clear_caches: a background load of an older generation is dropped
        self._loading: dict[tuple, Future] = {}
        self._prefetch_pool: ThreadPoolExecutor | None = None
        self._closed = False
        self.user = None  # who reads: the case layers are filtered by the access policy (None: every row)
        self._sources: dict[tuple, DataSource] = {}
        self._data: OrderedDict[tuple, FeatureData] = OrderedDict()
        self._images: OrderedDict[tuple, QImage] = OrderedDict()
        self._label_data: OrderedDict[tuple, Any] = OrderedDict()  # label candidates (render.labels)
        self._max_data = max_data_entries
        self._lock = threading.Lock()  # one render at a time
        self._cache_lock = threading.RLock()  # _sources, _data, _images: GUI and worker threads
        self._pool: ThreadPoolExecutor | None = None
        self._token: CancelToken | None = None

    # -- sources -------------------------------------------------------------------
    def set_user(self, user: Any) -> None:
        """Read (and draw, identify, select) as ``user`` from now on; None reads every row.

        Each user gets data sources of their own, so a render running on the worker
        thread keeps the user it started with, and every cache key holds the reader.
        """
        self.user = user

    def source(self, path: Path, user: Any = ...) -> DataSource:
        """The data source of ``path`` reading as ``user`` (by default :attr:`user`)."""
        user = self.user if user is ... else user
        key = (source_key(path), _user_key(user))
        with self._cache_lock:
            ds = self._sources.get(key)
        if ds is not None:
            return ds
        ds = open_datasource(key[0], user=user)  # opened outside the lock: a slow or locked file holds up no other thread
        with self._cache_lock:
            kept = self._sources.setdefault(key, ds)
        if kept is not ds:  # another thread opened it meanwhile
            ds.close()
        return kept

    def clear_caches(self) -> None:
        with self._cache_lock:
            self._generation += 1
            self._loading.clear()
            self._data.clear()
            self._label_data.clear()
            self._images.clear()

    def close(self) -> None:
        with self._cache_lock:
            sources = list(self._sources.values())
            self._sources.clear()
        self._closed = True
        with self._cache_lock:
            self._generation += 1
        if self._prefetch_pool:
            self._prefetch_pool.shutdown(wait=True, cancel_futures=True)
            self._prefetch_pool = None
        for ds in sources:
            ds.close()
        if self._pool:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    # -- data ----------------------------------------------------------------------
    def layer_data(self, layer: VectorLayer | LayerSnapshot, view: MapView, user: Any = ...) -> FeatureData:
        """Features of ``layer`` for ``view`` in the view's CRS (float64 map coordinates).

        The whole layer, or at least every feature whose box meets the view (see the class notes).
        """
        data = self.view_data(layer, view, user)
        return FeatureData(data.geoms.world(), data.codes)

    def view_data(self, layer: VectorLayer | LayerSnapshot, view: MapView, user: Any = ...,
                  token: CancelToken | None = None) -> FeatureData:
        """:meth:`layer_data` as kept in the cache: maybe float32 offsets from ``geoms.origin``.

        Raises :class:`RenderCancelled` when ``token`` is cancelled during the read.
        """
        ds = self.source(layer.source, user)
        info = ds.layer(layer.name)
        cls = class_expr(ds, info, layer.style)
        cls_key = (cls.sql, tuple(map(str, cls.params))) if cls else None
        src_crs = crs_string(info.srid)
        bbox = reproject_bbox(view.bbox, view.crs, src_crs)
        base = (str(ds.path), ds.filter_key, info.name, view.crs, cls_key, _hashable(getattr(layer, "row_filter", None)))
        server = getattr(ds, "format", "") == "postgis"
        tolerance = _data.simplify_tolerance(info, bbox, view) if server else None
        if tolerance:  # simplified to the pixel: kept for views of this scale only
            base += (tolerance,)
        with self._cache_lock:
            for key, data in reversed(self._data.items()):  # the whole layer, or a read holding the view
                if key[:-1] == base and (key[-1] is None or _data.contains(key[-1], bbox)):
                    self._data.move_to_end(key)
                    return data
            generation = self._generation
        if server:  # the city server: its GiST index answers each view; a newer view cancels the query
            import types

            def server_read(ds_: Any, info_: Any, bbox_: Any, cls_: Any, **_kw: Any) -> FeatureData:
                return read_features(ds_, info_, bbox_, cls_, cancelled=None if token is None else
                                     (lambda: token.cancelled), on_cancel=None if token is None else token.on_cancel,
                                     tolerance=tolerance, origin=_kw.get("origin"))

            try:
                data = read_for_view(server_read, ds, info, bbox, cls, src_crs, view.crs, None,
                                     plan=types.SimpleNamespace(extent=ds.extent(info)))
            except ReadCancelled:
                raise RenderCancelled() from None
            self._file(base + (bbox,), data, generation)
            return data
        plan = plan_read(ds, info, bbox)
        whole = plan.share >= _data.WHOLE_VIEW_SHARE or _data.layer_bytes(ds, info, plan.rows) <= _data.SMALL_LAYER_BYTES
        cancelled = None if token is None else (lambda: token.cancelled)
        try:
            data = read_for_view(read_features, ds, info, None if whole else bbox, cls, src_crs, view.crs, cancelled,
                                 plan=plan, on_cancel=None if token is None else token.on_cancel)
        except ReadCancelled:
            raise RenderCancelled() from None
        self._file(base + (None if whole else bbox,), data, generation)
        if not whole and self.prefetch and plan.rows <= _data.PREFETCH_MAX_ROWS:
            self._load_whole(base, ds, info, cls, src_crs, view.crs)
        return data

    def _file(self, key: tuple, data: FeatureData, generation: int) -> None:
        with self._cache_lock:
            if generation != self._generation:
                return  # read before an edit: never kept
            if key[-1] is None:  # the whole layer makes its viewport reads redundant
                for k in [k for k in self._data if k[:-1] == key[:-1]]:
                    del self._data[k]
            self._data[key] = data
            while len(self._data) > self._max_data:
                self._data.popitem(last=False)

    def _load_whole(self, base: tuple, ds: DataSource, info: Any, cls: Any, src_crs: str, dst_crs: str) -> None:
        """Read the whole layer on a background thread (one core), keep it unless an edit came first."""
        with self._cache_lock:
            if base in self._loading or self._closed:
                return
            generation = self._generation
            if self._prefetch_pool is None:
                self._prefetch_pool = ThreadPoolExecutor(1, thread_name_prefix="gisdesk-prefetch")

            def job() -> None:
                try:
                    data = read_for_view(read_features, ds, info, None, cls, src_crs, dst_crs,
                                         lambda: self._closed or self._generation != generation, threads=1)
                    feature_grid(data.geoms)  # built here, not by the next zoomed view (about 1 s for 10M points)
                    self._file(base + (None,), data, generation)
                except Exception:  # cancelled, or the file changed under it: the next view reads again
                    pass
                finally:
                    with self._cache_lock:
                        if self._loading.get(base) is future:
                            del self._loading[base]

            future = self._prefetch_pool.submit(job)
            self._loading[base] = future

    def wait_for_background(self, timeout: float | None = None) -> None:
        """Wait until the background loads running now have finished (tests, benchmarks)."""
        with self._cache_lock:
            futures = list(self._loading.values())
        for f in futures:
            try:
                f.result(timeout)
            except Exception:
                pass

    def full_extent(self, layers: list, crs: str) -> tuple[float, float, float, float] | None:
        """Union of the layers' extents in ``crs`` (of the rows the user may read)."""
        boxes = []
        for lyr in layers:
            if isinstance(lyr, VectorLayer):
                ds = self.source(lyr.source)
                info = ds.layer(lyr.name)
                ext = ds.extent(info)
                if ext:
                    boxes.append(reproject_bbox(ext, crs_string(info.srid), crs))
            elif isinstance(lyr, RasterLayer) and not is_tile_file(lyr.path):  # a basemap does not set the extent
                import rasterio

                with rasterio.open(lyr.path) as src:
                    boxes.append(reproject_bbox(tuple(src.bounds), src.crs.to_string(), crs))
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))

    # -- rendering -----------------------------------------------------------------
    def render(self, layers: list, view: MapView, token: CancelToken | None = None,
               use_image_cache: bool = True, user: Any = ..., labels: bool | str = True) -> RenderResult:
        """Draw the visible ``layers`` (bottom first) for ``view``, as ``user`` (by default :attr:`user`).

        With ``labels``, the layers' labels are drawn on top in one pass sharing one
        collision grid (:mod:`gisdesk.render.labels`); with ``labels="apart"`` they are
        drawn into :attr:`RenderResult.labels` instead, for the canvas to put above its
        overlays (selection, highlights).

        ``layers`` are :class:`LayerSnapshot` objects, or live layers that are
        snapshotted here, on the calling thread. A layer that fails (missing
        file, bad style) is skipped and reported in ``errors``; the others are
        drawn. Raises :class:`RenderCancelled` when ``token`` is cancelled.
        """
        layers = snapshot(layers)
        user = self.user if user is ... else user
        token = token or CancelToken()
        t0 = time.perf_counter()
        timings = {"open": 0.0, "query_decode": 0.0, "draw": 0.0}
        errors: list[str] = []
        images: list[tuple[QImage, float]] = []
        with self._lock:
            for lyr in layers:
                if not lyr.visible:
                    continue
                token.check()
                try:
                    images.append((self._render_layer(lyr, view, token, timings, use_image_cache, user),
                                   lyr.opacity))
                except RenderCancelled:
                    raise
                except Exception as exc:  # one bad layer must not blank the map
                    errors.append(f"{lyr.title}: {exc}")
                errors.extend(f"{lyr.title}: {w}" for w in take_tile_warnings())  # tiles skipped, map drawn
            token.check()
            t = time.perf_counter()
            out = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
            out.fill(QColor(self.background) if self.background else QColor(0, 0, 0, 0))
            p = QPainter(out)
            for img, opacity in images:
                p.setOpacity(opacity)
                p.drawImage(0, 0, img)
            timings["draw"] += time.perf_counter() - t
            p.end()
            label_image = None
            if labels:
                t = time.perf_counter()
                try:
                    placed = collect_labels(self, layers, view, user, errors=errors)
                except Exception as exc:  # labels must not cost the map
                    placed = []
                    errors.append(f"labels: {exc}")
                if placed:
                    if labels == "apart":
                        label_image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
                        label_image.fill(0)
                    p = QPainter(label_image if label_image is not None else out)
                    try:
                        draw_labels(p, placed)
                    finally:
                        p.end()
                timings["labels"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - t0
        return RenderResult(out, view, timings, errors, label_image)

    def _render_layer(self, lyr: LayerSnapshot, view: MapView, token: CancelToken, timings: dict,
                      use_cache: bool, user: Any = None) -> QImage:
        # from the snapshot the image is drawn with, never from the live layer; and from the reader
        key = (*lyr.key, view, _user_key(user))
        if use_cache:
            with self._cache_lock:
                img = self._images.get(key)
                if img is not None:
                    self._images.move_to_end(key)
                    return img
        if lyr.raster:
            t = time.perf_counter()
            img = draw_raster(view, lyr.path, lyr.style)
            timings["draw"] += time.perf_counter() - t
        else:
            t = time.perf_counter()
            with self._cache_lock:
                known = (source_key(lyr.source), _user_key(user)) in self._sources
            self.source(lyr.source, user)
            if not known:
                timings["open"] += time.perf_counter() - t
                t = time.perf_counter()
            data = self.view_data(lyr, view, user, token)
            timings["query_decode"] += time.perf_counter() - t
            token.check()
            t = time.perf_counter()
            img = draw_layer(framed(view, data.geoms.origin), data.geoms, data.codes, lyr.style.class_symbols(),
                             lambda: token.cancelled)
            timings["draw"] += time.perf_counter() - t
        token.check()  # a cancelled draw may be blank: never file it
        if not use_cache:  # one-off renders (print, benchmarks) must not fill the cache
            return img
        with self._cache_lock:
            self._images[key] = img
            while len(self._images) > 64:
                self._images.popitem(last=False)
        return img

    # -- background ----------------------------------------------------------------
    def submit(self, layers: list, view: MapView, use_image_cache: bool = True,
               labels: bool | str = True) -> tuple[Future, CancelToken]:
        """Render on a background thread, cancelling the previous request.

        The layers are snapshotted here, on the calling (GUI) thread, so the job
        draws them as they are now whatever changes later. Returns the future (its
        result is a :class:`RenderResult`, or it raises :class:`RenderCancelled`) and
        the token that cancels it.
        """
        layers = snapshot(layers)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="gisdesk-render")
        if self._token is not None:
            self._token.cancel()
        token = CancelToken()
        self._token = token
        return self._pool.submit(self.render, layers, view, token, use_image_cache, self.user, labels), token


def _user_key(user: Any) -> tuple:
    """What a reader's rows depend on: name, role, unit and whether the account is active."""
    if user is None:
        return ()
    return (getattr(user, "username", ""), getattr(user, "role", ""), getattr(user, "commune", None),
            getattr(user, "department", None), getattr(user, "active", True))


__all__ = ["Renderer", "RenderResult", "RenderCancelled", "CancelToken", "LayerSnapshot", "snapshot"]

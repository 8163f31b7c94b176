"""Draw one vector layer into an image.

Small layers (a few hundred features in view) go through QPainter; bigger ones through
the numpy drawing path of :mod:`gisdesk.render._draw_np` (antialiased, features in draw
order), so a million points cost a few dozen array operations instead of a million Qt
calls. A zoomed view first culls the cached coordinates with a grid
(:mod:`gisdesk.render._grid`), so it touches only the features near it.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import numpy as np
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from gisdesk.core.style import Symbol, parse_color
from gisdesk.render import rasterize as rz
from gisdesk.render._draw_np import draw_lines, draw_markers, draw_polygons
from gisdesk.render._grid import FeatureGrid
from gisdesk.render.view import MapView
from gisdesk.store.coords import finite_bounds
from gisdesk.store.geoblob import Geometries, concat_ranges

#: Guards the memos (``_thinned``, ``_grid``) kept on cached geometries: the renderer's data
#: cache is shared, so the GUI thread (print tiles) and the worker may use the same layer.
#: The values are computed outside the lock (two threads at worst compute the same thing).
_MEMO_LOCK = threading.Lock()

#: Layers with at most this many visible paths (and vertices) are drawn with QPainter:
#: below it QPainter's per-feature calls cost less than the numpy path's whole-image arrays.
QT_MAX_PATHS = 300
QT_MAX_VERTICES = 30_000

#: Point layers with at most this many markers in view are drawn with QPainter, one
#: pre-rendered sprite per class stamped at each marker's pixel (about 0.6 us a marker);
#: above it the numpy path's whole-image passes cost less.
QT_MAX_MARKERS = 50_000

#: A view that holds more than this share of a layer's features skips the grid.
CULL_SHARE = 0.5


def qpolygon(coords: np.ndarray) -> QPolygonF:
    """A QPolygonF filled straight from a (N, 2) float array (no per-point Python objects)."""
    n = len(coords)
    poly = QPolygonF()
    poly.resize(n)
    if n:
        buf = shiboken6.VoidPtr(poly.data(), n * 16, True)
        np.frombuffer(buf, np.float64).reshape(n, 2)[:] = coords
    return poly


def qcolor(text: str, opacity: float = 1.0) -> QColor:
    r, g, b, a = parse_color(text)
    return QColor(r, g, b, int(round(a * opacity)))


def new_image(view: MapView) -> QImage:
    img = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    return img


def array_image(argb: np.ndarray) -> QImage:
    """A QImage owning a copy of an (H, W) uint32 premultiplied ARGB array."""
    h, w = argb.shape
    data = np.ascontiguousarray(argb, dtype=np.uint32)
    return QImage(data.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied).copy()


def draw_layer(view: MapView, geoms: Geometries, codes: np.ndarray | None, symbols: list[Symbol | None],
               cancelled=lambda: False) -> QImage:
    """Draw ``geoms`` (in the view's CRS) with one symbol per class code.

    ``codes[i]`` is the class of feature ``i`` (index into ``symbols``); None means
    class 0 for every feature. A class whose symbol is None is not drawn.
    """
    if geoms.path_count == 0:
        return new_image(view)
    reach = max([s.size / 2 + s.stroke_width for s in symbols if s is not None] + [0.0]) + 2  # pixels
    near = cull(geoms, view, reach)
    if near is not None:
        geoms = thin_now(near, view.resolution)
    elif geoms.kind != "point":
        geoms = visible_paths(geoms, view)
    if geoms.path_count == 0:
        return new_image(view)  # nothing of this layer in view
    if cancelled():
        return new_image(view)
    # class of each path drawn: only the paths in view are looked at, not the whole layer
    if codes is None:  # one class: a read-only view of one zero (10,000,000 points: no 10 MB array)
        path_codes = np.broadcast_to(np.uint8(0), (geoms.path_count,))
    else:
        path_codes = np.minimum(codes[geoms.path_feature], len(symbols) - 1)
    if geoms.kind == "point" and len(geoms.xy) == geoms.path_count and QT_MAX_PATHS >= 0:
        if geoms.path_count <= QT_MAX_MARKERS:  # (QT_MAX_PATHS < 0: always the numpy path)
            return _draw_sprites(view, view.to_pixels(geoms.xy), path_codes, symbols)
    elif geoms.path_count <= QT_MAX_PATHS and len(geoms.xy) <= QT_MAX_VERTICES:
        return _draw_qt(view, view.to_pixels(geoms.xy), geoms, path_codes, symbols)
    return _draw_numpy(view, geoms, path_codes, symbols)


# -- culling ---------------------------------------------------------------------------

def feature_boxes(geoms: Geometries) -> np.ndarray:
    """(N, 4) world boxes of every feature (NaN for empty ones); single points: their (N, 2) coordinates."""
    if geoms.kind == "point" and geoms.count == geoms.path_count:
        return geoms.xy
    if geoms.boxes is not None:
        return geoms.boxes
    pb = path_boxes(geoms)
    fb = np.full((geoms.count, 4), np.nan)
    pf = geoms.path_feature
    if len(pf):
        starts = np.flatnonzero(np.r_[True, pf[1:] != pf[:-1]])
        fb[pf[starts], 0] = np.fmin.reduceat(pb[:, 0], starts)
        fb[pf[starts], 1] = np.fmin.reduceat(pb[:, 1], starts)
        fb[pf[starts], 2] = np.fmax.reduceat(pb[:, 2], starts)
        fb[pf[starts], 3] = np.fmax.reduceat(pb[:, 3], starts)
    return fb


def feature_grid(geoms: Geometries) -> FeatureGrid | None:
    """The grid over ``geoms``' features, built once per data set; None when paths are not in feature order."""
    with _MEMO_LOCK:
        hit = geoms.__dict__.get("_grid", False)
    if hit is False:
        pf = geoms.path_feature
        hit = FeatureGrid(feature_boxes(geoms)) if len(pf) < 2 or bool((pf[1:] >= pf[:-1]).all()) else None
        with _MEMO_LOCK:
            hit = geoms.__dict__.setdefault("_grid", hit)
    return hit


def data_extent(geoms: Geometries) -> tuple[float, float, float, float] | None:
    """(minx, miny, maxx, maxy) of all vertices, computed once per data set; None when empty."""
    with _MEMO_LOCK:
        hit = geoms.__dict__.get("_extent", False)
    if hit is False:
        hit = finite_bounds(geoms.xy)
        with _MEMO_LOCK:
            hit = geoms.__dict__.setdefault("_extent", hit)
    return hit


def cull(geoms: Geometries, view: MapView, reach: float = 0.0) -> Geometries | None:
    """The features of ``geoms`` whose box meets the view widened by ``reach`` pixels.

    Returns None when the view holds most of the layer (then culling would cost more
    than it saves): the caller draws the whole layer.
    """
    m = reach * view.resolution
    bbox = (view.minx - m, view.miny - m, view.maxx + m, view.maxy + m)
    ext = data_extent(geoms)
    if ext is None or (bbox[0] <= ext[0] and bbox[1] <= ext[1] and bbox[2] >= ext[2] and bbox[3] >= ext[3]):
        return None  # the view holds the whole layer: no grid needed (nor built)
    grid = feature_grid(geoms)
    if grid is None:
        return None
    idx = grid.query(bbox)
    if len(idx) > CULL_SHARE * geoms.count:
        return None
    return subset(geoms, idx)


def subset(geoms: Geometries, features: np.ndarray) -> Geometries:
    """The features ``features`` (sorted indices) of ``geoms``, keeping their numbers (``count``, ``path_feature``)."""
    if geoms.kind == "point" and geoms.count == geoms.path_count:
        paths = features
    else:
        pf = geoms.path_feature
        first = np.searchsorted(pf, features, "left")
        paths = concat_ranges(first, np.searchsorted(pf, features, "right") - first)
    lengths = geoms.offsets[paths + 1] - geoms.offsets[paths]
    if geoms.kind == "point" and (lengths == 1).all():
        xy = geoms.xy[geoms.offsets[paths]]
    else:
        xy = geoms.xy[concat_ranges(geoms.offsets[paths], lengths)]
    offsets = np.zeros(len(paths) + 1, np.int64)
    np.cumsum(lengths, out=offsets[1:])
    sub = Geometries(geoms.kind, xy, offsets, geoms.path_feature[paths], geoms.exterior[paths], geoms.count,
                     geoms.boxes)
    old = geoms.__dict__.get("_boxes")
    if old is not None:
        sub._boxes = old[paths]
    return sub


def thin_now(geoms: Geometries, resolution: float) -> Geometries:
    """Polygons thinned to the pixel grid of ``resolution`` (not cached: for culled subsets)."""
    if geoms.kind != "polygon":
        return geoms
    boxes = path_boxes(geoms)
    span = np.nan_to_num(np.maximum(boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]) / resolution)
    idx, offsets = rz.decimate_index(geoms.offsets, span)
    if idx is None:
        return geoms
    hit = Geometries(geoms.kind, geoms.xy[idx], offsets, geoms.path_feature, geoms.exterior, geoms.count, geoms.boxes)
    hit._boxes = boxes
    return hit


def path_boxes(geoms: Geometries) -> np.ndarray:
    """(P, 4) world boxes (minx, miny, maxx, maxy) of every path, computed once per data set."""
    boxes = getattr(geoms, "_boxes", None)
    if boxes is None and geoms.boxes is not None:
        boxes = geoms.boxes[geoms.path_feature]  # the feature's box stands for each of its paths
        geoms._boxes = boxes
    if boxes is None:
        boxes = np.full((geoms.path_count, 4), np.nan)
        nonempty = np.diff(geoms.offsets) > 0
        s = geoms.offsets[:-1][nonempty]
        if len(s):
            x, y = np.ascontiguousarray(geoms.xy[:, 0]), np.ascontiguousarray(geoms.xy[:, 1])
            boxes[nonempty, 0] = np.minimum.reduceat(x, s)
            boxes[nonempty, 1] = np.minimum.reduceat(y, s)
            boxes[nonempty, 2] = np.maximum.reduceat(x, s)
            boxes[nonempty, 3] = np.maximum.reduceat(y, s)
        geoms._boxes = boxes
    return boxes


def thinned(geoms: Geometries, resolution: float) -> Geometries:
    """Polygons thinned to the pixel grid of ``resolution``; cached per zoom level.

    Thinning depends only on the pixel size, not on where the view is, so a pan
    at the same zoom reuses it.
    """
    if geoms.kind != "polygon":
        return geoms
    key = round(float(np.log2(resolution)) * 8)  # eighth-octave zoom steps
    with _MEMO_LOCK:
        cache = geoms.__dict__.setdefault("_thinned", {})
        hit = cache.get(key)
    if hit is None:
        boxes = path_boxes(geoms)
        span = np.nan_to_num(np.maximum(boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]) / resolution)
        idx, offsets = rz.decimate_index(geoms.offsets, span)
        if idx is None:
            hit = geoms
        else:
            hit = Geometries(geoms.kind, geoms.xy[idx], offsets, geoms.path_feature, geoms.exterior, geoms.count,
                             geoms.boxes)
            hit._boxes = boxes
        with _MEMO_LOCK:
            if len(cache) > 8:
                cache.clear()
            hit = cache.setdefault(key, hit)
    return hit


def visible_paths(geoms: Geometries, view: MapView) -> Geometries:
    """Thin to the view's pixel grid and keep the features with a path meeting the view."""
    geoms = thinned(geoms, view.resolution)
    boxes = path_boxes(geoms)
    margin = 2 * view.resolution
    vis = ((boxes[:, 2] >= view.minx - margin) & (boxes[:, 3] >= view.miny - margin)
           & (boxes[:, 0] <= view.maxx + margin) & (boxes[:, 1] <= view.maxy + margin))
    if vis.all():
        return geoms
    feature_vis = np.zeros(geoms.count, bool)
    feature_vis[geoms.path_feature[vis]] = True
    keep = feature_vis[geoms.path_feature]  # whole features, so holes stay with their polygon
    lengths = np.diff(geoms.offsets)[keep]
    idx = concat_ranges(geoms.offsets[:-1][keep], lengths)
    offsets = np.zeros(int(keep.sum()) + 1, np.int64)
    np.cumsum(lengths, out=offsets[1:])
    sub = Geometries(geoms.kind, geoms.xy[idx], offsets, geoms.path_feature[keep], geoms.exterior[keep], geoms.count,
                     geoms.boxes)
    sub._boxes = boxes[keep]
    return sub


# -- numpy path ------------------------------------------------------------------------

def _drawn(symbols: list[Symbol | None]) -> np.ndarray:
    return np.array([s is not None for s in symbols] + [False], bool)


def _draw_numpy(view: MapView, geoms: Geometries, codes: np.ndarray, symbols: list[Symbol | None]) -> QImage:
    """Draw with the numpy path; ``codes`` is each path's class (index into ``symbols``).

    Markers take the (float32) coordinates as they are and turn them into pixels chunk by
    chunk; lines and polygons get float32 pixel coordinates (what their rasterisers use).
    """
    w, h = view.width, view.height
    drawn = _drawn(symbols)
    # index values: class code + 1 where the class is drawn, 0 where not
    lut = np.where(drawn, np.arange(1, len(drawn) + 1), 0).astype(np.uint8)
    if codes.strides == (0,):  # one class for all: stays a view
        path_codes = np.broadcast_to(lut[codes[0]], codes.shape)
    else:
        path_codes = lut[codes]  # one pass over the paths
    if geoms.kind == "point":
        argb = draw_markers(geoms.xy, path_codes, symbols, w, h, (view.minx, view.maxy, view.resolution))
        return array_image(argb.reshape(h, w))
    px = view.to_pixels(geoms.xy, np.float32)
    if geoms.kind == "line":
        argb = draw_lines(px, geoms.offsets, path_codes, symbols, w, h)
    else:
        ring_poly = np.cumsum(geoms.exterior) - 1
        npoly = max(1, int(ring_poly.max(initial=-1)) + 1)
        poly_codes = np.zeros(npoly, np.uint8)
        poly_codes[ring_poly] = path_codes
        # polygons under 2 pixels are all outline (when they have one): skip their fill
        tiny = np.zeros(npoly, bool)
        ext = path_boxes(geoms)[geoms.exterior]
        span = np.maximum(ext[:, 2] - ext[:, 0], ext[:, 3] - ext[:, 1]) / view.resolution
        stroked = np.array([False] + [s is not None and s.stroke_width >= 1 and parse_color(s.stroke)[3] > 0
                                      for s in symbols])
        tiny[: len(span)] = (span < 2.0) & stroked[poly_codes[: len(span)]]
        argb = draw_polygons(px, geoms.offsets, ring_poly, poly_codes, tiny, symbols, w, h)
    return array_image(argb.reshape(h, w))


# -- QPainter path (small layers, antialiased) -----------------------------------------

def _pen_brush(s: Symbol) -> tuple[QPen, QBrush]:
    if s.stroke_width > 0 and parse_color(s.stroke)[3] > 0:
        pen = QPen(qcolor(s.stroke))
        pen.setWidthF(s.stroke_width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    else:
        pen = QPen(Qt.PenStyle.NoPen)
    fill = qcolor(s.fill, s.fill_opacity)
    # the two-argument and empty constructors: PySide's one-argument overload resolution costs a
    # new process about 5 ms on its first call (it wakes the other overloads' types)
    brush = QBrush(fill, Qt.BrushStyle.SolidPattern) if fill.alpha() > 0 else QBrush()
    return pen, brush


def _draw_qt(view: MapView, px: np.ndarray, geoms: Geometries, path_codes: np.ndarray,
             symbols: list[Symbol | None]) -> QImage:
    """Draw with QPainter, antialiased; ``path_codes`` is each path's class (index into ``symbols``)."""
    img = new_image(view)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    offsets = geoms.offsets
    if geoms.kind == "point":
        for k, s in enumerate(symbols):
            if s is None:
                continue
            pen, brush = _pen_brush(s)
            p.setPen(pen)
            p.setBrush(brush)
            marker = _marker_shape(s.shape, s.size, s.stroke_width)
            for x, y in px[path_codes == k].tolist():
                p.drawPath(marker.translated(x, y))
        p.end()
        return img
    if geoms.kind == "line":
        p.setBrush(QBrush())
        for k, s in enumerate(symbols):
            if s is None or s.stroke_width <= 0:
                continue
            pen, _ = _pen_brush(s)
            p.setPen(pen)
            for i in np.flatnonzero(path_codes == k).tolist():
                p.drawPolyline(qpolygon(px[offsets[i]:offsets[i + 1]]))
        p.end()
        return img
    # Polygons: one QPainterPath per feature so holes cut out (odd-even within a feature).
    ring_poly = np.cumsum(geoms.exterior) - 1
    bounds = np.flatnonzero(np.r_[True, ring_poly[1:] != ring_poly[:-1], True])
    for g0, g1 in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        s = symbols[int(path_codes[g0])]
        if s is None:
            continue
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for r in range(g0, g1):
            path.addPolygon(qpolygon(px[offsets[r]:offsets[r + 1]]))
            path.closeSubpath()
        pen, brush = _pen_brush(s)
        p.setPen(pen)
        p.setBrush(brush)
        p.drawPath(path)
    p.end()
    return img


def _draw_sprites(view: MapView, px: np.ndarray, path_codes: np.ndarray, symbols: list[Symbol | None]) -> QImage:
    """Markers in draw order, each its class's sprite (:func:`_sprite`) at the marker's pixel.

    The marker's centre goes to the centre of the pixel it falls in, as on the numpy path,
    so the two paths put every marker in the same place.
    """
    img = new_image(view)
    sprites = [None if s is None else _sprite(s.shape, s.size, s.stroke_width, s.fill, s.stroke, s.fill_opacity)
               for s in symbols]
    half = np.array([0 if sp is None else sp[1] for sp in sprites] + [0], np.int64)
    shown = np.array([sp is not None for sp in sprites] + [False])
    codes = np.asarray(path_codes)
    keep = np.flatnonzero(shown[codes])
    if len(keep) == 0:
        return img
    codes = codes[keep]
    cell = np.floor(px[keep])
    np.clip(cell, -64, max(view.width, view.height) + 64, out=cell)  # far-off markers stay off the image
    xy = cell.astype(np.int64) - half[codes][:, None]
    images = [None if sp is None else sp[0] for sp in sprites]
    p = QPainter(img)
    draw = p.drawImage
    for (x, y), c in zip(xy.tolist(), codes.tolist()):
        draw(x, y, images[c])
    p.end()
    return img


@lru_cache(maxsize=64)
def _sprite(shape: str, size: float, stroke_width: float, fill: str, stroke: str,
            fill_opacity: float) -> tuple[QImage, int]:
    """The marker drawn once, antialiased, centred on the middle pixel of a square image; its half side."""
    s = Symbol(fill=fill, stroke=stroke, stroke_width=stroke_width, size=size, shape=shape, fill_opacity=fill_opacity)
    half = int(np.ceil(max(0.5, size / 2) + max(0.0, stroke_width) / 2 + 1))
    img = QImage(2 * half + 1, 2 * half + 1, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen, brush = _pen_brush(s)
    p.setPen(pen)
    p.setBrush(brush)
    p.drawPath(_marker_shape(shape, size, stroke_width).translated(half + 0.5, half + 0.5))
    p.end()
    return img, half


def _marker_path(s: Symbol) -> QPainterPath:
    """The marker of ``s`` centred on (0, 0)."""
    return _marker_shape(s.shape, s.size, s.stroke_width)


@lru_cache(maxsize=64)
def _marker_shape(shape: str, size: float, stroke_width: float) -> QPainterPath:
    r = max(0.5, size / 2)
    path = QPainterPath()
    if shape == "square":
        path.addRect(QRectF(-r, -r, 2 * r, 2 * r))
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]))
        path.closeSubpath()
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r * 0.9, r * 0.8), QPointF(-r * 0.9, r * 0.8)]))
        path.closeSubpath()
    elif shape == "cross":
        w = max(0.5, stroke_width / 2)
        path.addRect(QRectF(-r, -w, 2 * r, 2 * w))
        path.addRect(QRectF(-w, -r, 2 * w, 2 * r))
        path.setFillRule(Qt.FillRule.WindingFill)
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    return path

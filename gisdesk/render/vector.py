"""Draw one vector layer into an image.

Small layers (a few thousand features) go through QPainter with antialiasing;
big ones through the numpy rasterisers of :mod:`gisdesk.render.rasterize`, so a
million points cost a few dozen array operations instead of a million Qt calls.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from gisdesk.core.style import Symbol, parse_color
from gisdesk.render import rasterize as rz
from gisdesk.render.view import MapView
from gisdesk.store.geoblob import Geometries, concat_ranges

_POOL = ThreadPoolExecutor(2, thread_name_prefix="gisdesk-raster")

#: Guards the per-zoom memo (``_thinned``) kept on cached geometries: the renderer's data
#: cache is shared, so the GUI thread (print tiles) and the worker may thin the same layer.
#: The values are computed outside the lock (two threads at worst compute the same thing).
_MEMO_LOCK = threading.Lock()

#: Paths with more vertices than this are drawn in two halves on two threads.
PARALLEL_VERTICES = 50_000

#: Layers with at most this many visible paths (and vertices) are drawn with QPainter.
QT_MAX_PATHS = 3000
QT_MAX_VERTICES = 300_000


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
    if codes is None:
        codes = np.zeros(geoms.count, np.uint8)
    codes = np.minimum(codes, len(symbols) - 1)
    if geoms.path_count == 0:
        return new_image(view)
    if geoms.kind != "point":
        geoms = visible_paths(geoms, view)
        if geoms.path_count == 0:
            return new_image(view)  # nothing of this layer in view
    px = view.to_pixels(geoms.xy)
    if cancelled():
        return new_image(view)
    small = geoms.path_count <= QT_MAX_PATHS and len(px) <= QT_MAX_VERTICES
    if small:
        return _draw_qt(view, px, geoms, codes, symbols)
    return _draw_numpy(view, px, geoms, codes, symbols)


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

def _luts(symbols: list[Symbol | None]) -> tuple[np.ndarray, np.ndarray]:
    fill = np.zeros(len(symbols) + 1, np.uint32)
    stroke = np.zeros(len(symbols) + 1, np.uint32)
    for k, s in enumerate(symbols):
        if s is None:
            continue
        fill[k + 1] = rz.premultiplied(parse_color(s.fill), s.fill_opacity)
        stroke[k + 1] = rz.premultiplied(parse_color(s.stroke)) if s.stroke_width > 0 else 0
    return fill, stroke


def _drawn(symbols: list[Symbol | None]) -> np.ndarray:
    return np.array([s is not None for s in symbols] + [False], bool)


def _draw_numpy(view: MapView, px: np.ndarray, geoms: Geometries, codes: np.ndarray,
                symbols: list[Symbol | None]) -> QImage:
    w, h = view.width, view.height
    fill_lut, stroke_lut = _luts(symbols)
    drawn = _drawn(symbols)
    single = len(symbols) == 1 and symbols[0] is not None
    # index values: class code + 1 where the class is drawn, 0 where not
    feature_index = np.ones(geoms.count, np.uint8) if single else np.where(drawn[codes], codes + 1, 0).astype(np.uint8)
    layers: list[tuple[np.ndarray, np.ndarray]] = []
    if geoms.kind == "point":
        pcodes = feature_index if geoms.count == geoms.path_count else feature_index[geoms.path_feature]
        groups = _groups(symbols, lambda s: (s.shape, s.size, s.stroke_width))
        for (shape, size, sw), classes in groups.items():
            fill_k, ring_k = rz.marker_kernel(shape, size, sw)
            margin = int(max(np.abs(fill_k).max(initial=0), np.abs(ring_k).max(initial=0))) + 1
            if len(groups) == 1:
                centres = rz.point_centres(px, pcodes, w, h, margin)
            else:
                mask = np.isin(pcodes, classes)
                centres = rz.point_centres(px[mask], pcodes[mask], w, h, margin)
            if len(ring_k):
                layers.append((rz.stamp(centres, ring_k, w, h, margin), stroke_lut))
            if len(fill_k):
                layers.append((rz.stamp(centres, fill_k, w, h, margin), fill_lut))
        return array_image(rz.colorize(layers))
    path_codes = feature_index[geoms.path_feature]
    polygon = geoms.kind == "polygon"
    ring_poly = poly_codes = orient = None
    outlined = any(s is not None and s.stroke_width >= 1 and parse_color(s.stroke)[3] > 0 for s in symbols)
    if polygon:
        ring_poly = np.cumsum(geoms.exterior) - 1
        poly_codes = np.zeros(max(1, int(ring_poly.max(initial=-1)) + 1), np.uint8)
        poly_codes[ring_poly] = path_codes
        if outlined:  # polygons under 2 pixels are all outline: skip their fill
            ext = path_boxes(geoms)[geoms.exterior]
            span = np.maximum(ext[:, 2] - ext[:, 0], ext[:, 3] - ext[:, 1]) / view.resolution
            poly_codes[: len(span)][span < 2.0] = 0
        orient = geoms.__dict__.get("_orient")
        if orient is None:  # invariant under pan and zoom: cache it with the (thinned) data
            orient = geoms._orient = rz.ring_orientation(px[:, 0], px[:, 1], geoms.offsets, ring_poly)
    widths = {wd: cl for wd, cl in _groups(symbols, lambda s: s.stroke_width).items() if wd > 0}
    outline_codes = {wd: np.where(np.isin(path_codes, cl), path_codes, 0).astype(np.uint8) for wd, cl in widths.items()}

    def draw_chunk(chunk: tuple[int, int]) -> list[np.ndarray]:
        """Fill and outline index images of paths p0..p1 (whole polygons)."""
        p0, p1 = chunk
        v0 = geoms.offsets[p0]
        sub_px, sub_off = px[v0:geoms.offsets[p1]], geoms.offsets[p0:p1 + 1] - v0
        out = []
        if polygon:
            index = np.zeros((h, w), np.uint8)
            rz.fill_polygons(index, sub_px, sub_off, ring_poly[p0:p1], poly_codes, orient[p0:p1], mark_tiny=not outlined)
            out.append(index)
        for wd in widths:
            index = np.zeros((h, w), np.uint8)
            rz.draw_paths(index, sub_px, sub_off, outline_codes[wd][p0:p1], closed=polygon)
            out.append(index)
        return out

    # Two halves on two threads (numpy releases the GIL), split between features.
    split = geoms.path_count // 2
    starts = np.flatnonzero(geoms.exterior) if polygon else np.flatnonzero(np.r_[True, np.diff(geoms.path_feature) != 0])
    if len(starts):
        split = int(starts[min(np.searchsorted(starts, split), len(starts) - 1)])
    if 0 < split < geoms.path_count and len(px) > PARALLEL_VERTICES:
        halves = list(_POOL.map(draw_chunk, [(0, split), (split, geoms.path_count)]))
        images = [np.maximum(a, b) for a, b in zip(*halves)]
    else:
        images = draw_chunk((0, geoms.path_count))
    if polygon:
        layers.append((images.pop(0), fill_lut))
    for wd, index in zip(widths, images):
        layers.append((rz.dilate(index, rz.disk_offsets(wd)), stroke_lut))
    if not layers:
        return new_image(view)
    return array_image(rz.colorize(layers))


def _groups(symbols: list[Symbol | None], key) -> dict:
    """Class codes (index + 1) grouped by a symbol property."""
    out: dict = {}
    for k, s in enumerate(symbols):
        if s is not None:
            out.setdefault(key(s), []).append(k + 1)
    return out


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
    brush = QBrush(fill) if fill.alpha() > 0 else QBrush(Qt.BrushStyle.NoBrush)
    return pen, brush


def _draw_qt(view: MapView, px: np.ndarray, geoms: Geometries, codes: np.ndarray,
             symbols: list[Symbol | None]) -> QImage:
    img = new_image(view)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    offsets = geoms.offsets
    path_codes = codes[geoms.path_feature]
    if geoms.kind == "point":
        for k, s in enumerate(symbols):
            if s is None:
                continue
            pen, brush = _pen_brush(s)
            p.setPen(pen)
            p.setBrush(brush)
            marker = _marker_path(s)
            for x, y in px[path_codes == k].tolist():
                p.drawPath(marker.translated(x, y))
        p.end()
        return img
    if geoms.kind == "line":
        p.setBrush(Qt.BrushStyle.NoBrush)
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


def _marker_path(s: Symbol) -> QPainterPath:
    r = max(0.5, s.size / 2)
    path = QPainterPath()
    if s.shape == "square":
        path.addRect(QRectF(-r, -r, 2 * r, 2 * r))
    elif s.shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]))
        path.closeSubpath()
    elif s.shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r * 0.9, r * 0.8), QPointF(-r * 0.9, r * 0.8)]))
        path.closeSubpath()
    elif s.shape == "cross":
        w = max(0.5, s.stroke_width / 2)
        path.addRect(QRectF(-r, -w, 2 * r, 2 * w))
        path.addRect(QRectF(-w, -r, 2 * w, 2 * r))
        path.setFillRule(Qt.FillRule.WindingFill)
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    return path

"""Labels: collision-free placement across all layers of a render, and drawing.

One :class:`CollisionGrid` is shared by every layer of a render. Layers are
labelled in priority order (:attr:`LabelStyle.priority`, then the top of the map
first); a label whose box meets a placed one is dropped, never stacked.

* points: beside the marker, trying eight positions (right, left, above, below, diagonals);
* lines: along the line, rotated, at the middle of the longest visible part and
  every :attr:`LabelStyle.repeat` pixels on long ones (one label of a name per
  stretch, so a street cut in segments is not labelled on every segment);
* polygons: inside, at :func:`shapely.point_on_surface` of the visible part, the
  biggest visible parts first.

Work per layer is vectorised (numpy, shapely 2): layers outside their scale
range cost nothing; only features in view become candidates; a layer with more
than :data:`MAX_CANDIDATES` candidates in view (a million incidents at city
scale) is not labelled until the view is closer, and one expected to hold four
times that many is not even read. The text is drawn by
:mod:`gisdesk.render._label_text` with QPainter.drawText, which shapes it
(Vietnamese diacritics; Chinese through Qt's fallback to the installed CJK face).

Examples
--------
>>> placed = collect(renderer, snapshot(layers), view)       # doctest: +SKIP
>>> draw(painter, placed)                                    # doctest: +SKIP
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import shapely

from gisdesk.core.layers import source_key
from gisdesk.core.style import LabelStyle, parse_color
from gisdesk.render._label_text import _metrics, default_families, draw, label_font, text_widths
from gisdesk.render.view import MapView, crs_string, reproject, reproject_bbox
from gisdesk.store.geoblob import Geometries
from gisdesk.store.label_reader import read_labels

#: Layers with more label candidates than this in view are not labelled at that scale.
MAX_CANDIDATES = 5000
#: Layers with up to this many rows are read whole once and cached; bigger ones per view.
WHOLE_LAYER_ROWS = 100_000
#: Side of a collision grid cell in pixels (label boxes are rounded out to cells).
CELL = 4
#: Pixels kept between a label and the image edge.
EDGE = 2
SCREEN_DPI = 96.0


@dataclass(frozen=True)
class PlacedLabel:
    """One drawn label: centre, angle (degrees, clockwise) and box (pixels)."""

    layer_id: str
    text: str
    x: float
    y: float
    angle: float
    width: float
    height: float
    box: tuple[float, float, float, float]
    style: LabelStyle


@dataclass
class _LabelData:
    kind: str
    texts: np.ndarray            # object array of str
    xy: np.ndarray | None        # points: (N, 2) map coordinates
    shapes: np.ndarray | None    # lines, polygons: shapely geometries in map coordinates
    bounds: np.ndarray           # (N, 4)


# -- scale -----------------------------------------------------------------------------

@lru_cache(maxsize=16)
def _crs_units(crs: str) -> tuple[bool, float]:
    from pyproj import CRS

    try:
        c = CRS.from_user_input(crs)
    except Exception:
        return False, 1.0
    return c.is_geographic, (c.axis_info[0].unit_conversion_factor if c.axis_info else 1.0)


def view_scale(view: MapView, factor: float = 1.0) -> float:
    """N of the scale 1:N of ``view`` on a 96 dpi screen (``factor`` pixels per screen pixel)."""
    res = view.resolution
    geographic, unit = _crs_units(view.crs)
    res *= 111_320.0 * math.cos(math.radians((view.miny + view.maxy) / 2)) if geographic else unit
    return res * factor * SCREEN_DPI / 0.0254



# -- collision -------------------------------------------------------------------------

class CollisionGrid:
    """Occupied cells of an image; a box is free when none of the cells it touches is taken.

    Boxes are rounded out to whole cells, so two accepted boxes never overlap.
    """

    def __init__(self, width: int, height: int, cell: int = CELL) -> None:
        self.cell = cell
        self.width, self.height = width, height
        self.cells = np.zeros((height // cell + 2, width // cell + 2), bool)

    def inside(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        return x0 >= EDGE and y0 >= EDGE and x1 <= self.width - EDGE and y1 <= self.height - EDGE

    def take(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """Occupy the box when it is inside the image and free; whether it was."""
        if not self.inside(x0, y0, x1, y1):
            return False
        c = self.cell
        r0, r1, c0, c1 = int(y0 // c), int(y1 // c) + 1, int(x0 // c), int(x1 // c) + 1
        block = self.cells[r0:r1, c0:c1]
        if block.any():
            return False
        block[:] = True
        return True


# -- data ------------------------------------------------------------------------------

def _to_shapes(g: Geometries) -> np.ndarray:
    """One shapely (multi)line or (multi)polygon per feature of ``g`` (no per-feature Python)."""
    n = g.count
    if g.path_count == 0:
        return np.array([shapely.Point()] * 0, dtype=object) if n == 0 else np.full(n, None, dtype=object)
    xy = np.ascontiguousarray(g.xy, dtype=np.float64)
    order_ok = bool(np.all(np.diff(g.path_feature) >= 0))
    if not order_ok:
        raise ValueError("paths of a feature are not contiguous")
    if g.kind == "line":
        feat_off = np.searchsorted(g.path_feature, np.arange(n + 1))
        return shapely.from_ragged_array(shapely.GeometryType.MULTILINESTRING, xy, (g.offsets, feat_off))
    starts = np.flatnonzero(g.exterior)
    poly_off = np.r_[starts, g.path_count]
    feat_off = np.searchsorted(g.path_feature[starts], np.arange(n + 1))
    return shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, xy, (g.offsets, poly_off, feat_off))


def _label_data(texts: list[str], g: Geometries, src_crs: str, dst_crs: str, style: LabelStyle) -> _LabelData:
    xy = reproject(g.xy, src_crs, dst_crs)
    g = Geometries(g.kind, xy, g.offsets, g.path_feature, g.exterior, g.count)
    full = np.array([f"{style.prefix}{t}{style.suffix}" for t in texts], dtype=object)
    if g.kind == "point":
        first = np.full(g.count, -1, np.int64)
        first[g.path_feature[::-1]] = g.offsets[:-1][::-1]  # first vertex of each feature
        ok = first >= 0
        pts = xy[first[ok]]
        return _LabelData("point", full[ok], pts, None, np.column_stack([pts, pts]))
    shapes = _to_shapes(g)
    ok = ~(shapely.is_missing(shapes) | shapely.is_empty(shapes))
    texts_ok, shapes = full[ok], shapes[ok]
    if g.kind == "line":
        texts_ok, shapes = merge_lines(texts_ok, shapes)
    return _LabelData(g.kind, texts_ok, None, shapes, shapely.bounds(shapes))


def merge_lines(texts: np.ndarray, shapes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Join the touching lines of one label text into chains: one candidate per stretch of a street.

    Roads are stored in segments between crossings, often shorter than their name; joined,
    a street gets its name along its length (and repeated on long stretches) instead of
    none at all. Vectorised: group by text, ``multilinestrings`` + ``line_merge``, explode.
    """
    if not len(shapes):
        return texts, shapes
    values, group = np.unique(texts.astype(str), return_inverse=True)
    parts, owner = shapely.get_parts(shapes, return_index=True)
    order = np.argsort(group[owner], kind="stable")
    merged = shapely.line_merge(shapely.multilinestrings(parts[order], indices=group[owner][order]))
    chains, chain_group = shapely.get_parts(merged, return_index=True)
    keep = ~shapely.is_empty(chains)
    return values[chain_group[keep]].astype(object), chains[keep]


def _expected_in(extent, bbox, rows: int) -> float:
    """Rows expected in ``bbox`` if they were spread evenly over ``extent``."""
    if not extent:
        return 0.0
    fraction = 1.0
    for lo, hi in ((0, 2), (1, 3)):
        span = extent[hi] - extent[lo]
        if span > 0:
            fraction *= max(0.0, min(extent[hi], bbox[hi]) - max(extent[lo], bbox[lo])) / span
    return rows * fraction


def layer_label_data(renderer: Any, lyr: Any, view: MapView, user: Any) -> _LabelData | None:
    """The label candidates of a layer snapshot for ``view`` (cached on ``renderer`` for small layers)."""
    from gisdesk.render.renderer import _hashable, _user_key

    st: LabelStyle = lyr.style.labels
    ds = renderer.source(lyr.source, user)
    info = ds.layer(lyr.name)
    src_crs = crs_string(info.srid)
    rows = ds.row_estimate(info)
    whole = rows <= WHOLE_LAYER_ROWS
    bbox = None if whole else reproject_bbox(view.bbox, view.crs, src_crs)
    if bbox is not None and _expected_in(ds.extent(info), bbox, rows) > 4 * MAX_CANDIDATES:
        return None  # far too many in view (a million incidents at city scale): not even read
    key = (source_key(lyr.source), ds.filter_key, info.name, view.crs, st.field, st.filter, st.prefix,
           st.suffix, bbox, _hashable(lyr.row_filter), _user_key(user))
    cache = renderer._label_data
    with renderer._cache_lock:
        hit = cache.get(key)
        if hit is not None:
            cache.move_to_end(key)
            return hit
    texts, g = read_labels(ds, info, st.field, st.filter, bbox, None if whole else MAX_CANDIDATES + 1)
    if not whole and len(texts) > MAX_CANDIDATES:
        return None  # too many to label here: zoom in
    data = _label_data(texts, g, src_crs, view.crs, st)
    if whole:
        with renderer._cache_lock:
            cache[key] = data
            while len(cache) > 32:
                cache.popitem(last=False)
    return data


# -- placement -------------------------------------------------------------------------

def _in_view(data: _LabelData, view: MapView, margin: float) -> np.ndarray:
    b = data.bounds
    return np.flatnonzero((b[:, 2] >= view.minx - margin) & (b[:, 0] <= view.maxx + margin)
                          & (b[:, 3] >= view.miny - margin) & (b[:, 1] <= view.maxy + margin))


def _pixel_shapes(shapes: np.ndarray, view: MapView) -> np.ndarray:
    return shapely.transform(shapes, view.to_pixels)


def _clip(shapes: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """The parts of ``shapes`` in the rectangle; self-intersecting polygons are repaired first."""
    try:
        return shapely.clip_by_rect(shapes, x0, y0, x1, y1)
    except shapely.errors.GEOSException:
        return shapely.clip_by_rect(shapely.make_valid(shapes), x0, y0, x1, y1)


def _place_points(grid, out, lyr_id, st, texts, px, w, h, radius) -> None:
    gap = radius + 2.0
    # (dx, dy) of the box centre from the point, in units of (w/2 + gap, h/2 + gap)
    positions = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1))
    for i, (x, y) in enumerate(px.tolist()):
        tw, th = float(w[i]), h
        for ux, uy in positions:
            cx = x + ux * (tw / 2 + gap * (0.75 if uy else 1))
            cy = y + uy * (th / 2 + gap * (0.6 if ux else 1))
            box = (cx - tw / 2, cy - th / 2, cx + tw / 2, cy + th / 2)
            if grid.take(*box):
                out.append(PlacedLabel(lyr_id, texts[i], cx, cy, 0.0, tw, th, box, st))
                break


def _place_polygons(grid, out, lyr_id, st, texts, shapes, w, h, view) -> None:
    m = 2.0
    clipped = _clip(shapes, -m, -m, view.width + m, view.height + m)
    area = shapely.area(clipped)
    keep = np.flatnonzero(area > np.maximum(w * h * 0.25, 16.0))
    if not len(keep):
        return
    keep = keep[np.argsort(-area[keep], kind="stable")]
    try:
        pts = shapely.point_on_surface(clipped[keep])
    except shapely.errors.GEOSException:
        pts = shapely.centroid(clipped[keep])
    xy = shapely.get_coordinates(pts)
    if len(xy) != len(keep):
        return
    for k, (x, y) in zip(keep.tolist(), xy.tolist()):
        tw = float(w[k])
        box = (x - tw / 2, y - h / 2, x + tw / 2, y + h / 2)
        if grid.take(*box):
            out.append(PlacedLabel(lyr_id, texts[k], x, y, 0.0, tw, h, box, st))


def _place_lines(grid, out, lyr_id, st, texts, shapes, w, h, view, factor) -> None:
    clipped = _clip(shapes, 0, 0, view.width, view.height)
    parts, owner = shapely.get_parts(clipped, return_index=True)
    if not len(parts):
        return
    length = shapely.length(parts)
    # the longest visible part of each feature
    order = np.lexsort((-length, owner))
    first = order[np.r_[True, owner[order][1:] != owner[order][:-1]]]
    need = w[owner[first]] + 2 * h
    first = first[length[first] >= need]
    if not len(first):
        return
    first = first[np.argsort(-length[first], kind="stable")]
    repeat = max(st.repeat * factor, 1.0)
    lines, f_of, dist, half = [], [], [], []
    for p in first.tolist():
        L, k = float(length[p]), int(owner[p])
        tw = float(w[k])
        n = max(1, int(L // repeat)) if st.repeat > 0 else 1
        for j in range(n):
            d = (j + 0.5) * L / n
            lines.append(p)
            f_of.append(k)
            dist.append(d)
            half.append(tw / 2)
    lines_a, dist_a, half_a = np.array(lines), np.array(dist), np.array(half)
    geo = parts[lines_a]
    a = shapely.get_coordinates(shapely.line_interpolate_point(geo, np.maximum(dist_a - half_a, 0)))
    b = shapely.get_coordinates(shapely.line_interpolate_point(geo, dist_a + half_a))
    c = shapely.get_coordinates(shapely.line_interpolate_point(geo, dist_a))
    dx, dy = b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]
    chord = np.hypot(dx, dy)
    angle = np.degrees(np.arctan2(dy, dx))
    angle = np.where(angle > 90, angle - 180, np.where(angle < -90, angle + 180, angle))  # upright text
    rad = np.radians(angle)
    cos, sin = np.abs(np.cos(rad)), np.abs(np.sin(rad))
    hw = half_a * cos + h / 2 * sin
    hh = half_a * sin + h / 2 * cos
    straight = chord >= 1.6 * half_a  # a label does not go round a tight bend
    seen: dict[str, list[tuple[float, float]]] = {}
    spacing = (repeat if st.repeat > 0 else 2 * max(w.max(initial=0), 1)) * 0.75
    for i in range(len(lines)):
        if not straight[i]:
            continue
        k = f_of[i]
        text = texts[k]
        x, y = float(c[i, 0]), float(c[i, 1])
        near = seen.get(text)
        if near and any((x - u) ** 2 + (y - v) ** 2 < spacing ** 2 for u, v in near):
            continue
        box = (x - hw[i], y - hh[i], x + hw[i], y + hh[i])
        if grid.take(*box):
            out.append(PlacedLabel(lyr_id, text, x, y, float(angle[i]), float(w[k]), h, tuple(map(float, box)), st))
            seen.setdefault(text, []).append((x, y))


def place(items: list[tuple[str, str, LabelStyle, _LabelData, float]], view: MapView,
          factor: float = 1.0) -> list[PlacedLabel]:
    """Place the labels of ``items`` (layer id, kind, style, data, marker radius), first item first.

    Returns the placed labels; none of their boxes overlap.
    """
    grid = CollisionGrid(view.width, view.height)
    out: list[PlacedLabel] = []
    for lyr_id, kind, st, data, radius in items:
        font = label_font(st, factor)
        _key, _fm, fh, _asc = _metrics(font)
        halo = st.halo_width * factor if parse_color(st.halo_color)[3] else 0.0
        h = fh + 2 * halo
        margin = view.resolution * 50
        idx = _in_view(data, view, margin)
        if not len(idx) or len(idx) > MAX_CANDIDATES:
            continue
        texts = data.texts[idx]
        w = text_widths(font, texts.tolist()) + 2 * halo
        if kind == "point":
            px = view.to_pixels(data.xy[idx])
            _place_points(grid, out, lyr_id, st, texts, px, w, h, radius)
            continue
        shapes = _pixel_shapes(data.shapes[idx], view)
        if kind == "line":
            _place_lines(grid, out, lyr_id, st, texts, shapes, w, h, view, factor)
        else:
            _place_polygons(grid, out, lyr_id, st, texts, shapes, w, h, view)
    return out


def collect(renderer: Any, layers: list, view: MapView, user: Any = None, factor: float = 1.0,
            errors: list[str] | None = None) -> list[PlacedLabel]:
    """Read and place the labels of the visible vector ``layers`` (snapshots, bottom first).

    Layers are taken by priority, then from the top of the map down. A layer whose
    labels cannot be read (unknown field, bad filter) is reported in ``errors``.
    """
    denominator = view_scale(view, factor)
    chosen = []
    for pos, lyr in enumerate(layers):
        st = getattr(lyr.style, "labels", None)
        if lyr.raster or not lyr.visible or st is None or not st.visible_at(denominator):
            continue
        chosen.append((-st.priority, -pos, lyr))
    items = []
    for _p, _q, lyr in sorted(chosen, key=lambda t: t[:2]):
        try:
            data = layer_label_data(renderer, lyr, view, user)
        except Exception as exc:  # one layer's bad labels must not cost the others theirs
            if errors is not None:
                errors.append(f"{lyr.title} (labels): {exc}")
            continue
        if data is None or not len(data.texts):
            continue
        symbols = [s for s in lyr.style.class_symbols() if s is not None]
        radius = max((s.size for s in symbols), default=0.0) / 2 * factor if data.kind == "point" else 0.0
        items.append((lyr.id, data.kind, lyr.style.labels, data, radius))
    return place(items, view, factor)


__all__ = ["PlacedLabel", "CollisionGrid", "place", "collect", "draw", "view_scale", "label_font", "merge_lines",
           "default_families", "text_widths", "MAX_CANDIDATES"]

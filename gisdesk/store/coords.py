"""Compact coordinates and feature subsets of decoded geometries.

A decoded layer is kept as float32 offsets from an origin (:attr:`Geometries.origin`):
half the memory of float64 map coordinates. The rounding error is at most half a
float32 step of the largest offset, ``max|offset| * 2**-24``: 1.5 mm for a layer 50 km
across (the demo city in UTM metres), 3 cm for one 1,000 km across. A layer whose error
would exceed the tolerance the caller gives (:func:`compact_origin`) keeps float64.

Points share one read-only ``arange`` for their offsets and path indices (every point is
its own path), instead of two int64 arrays of their own (int32 up to 2**31 points).
"""

from __future__ import annotations

import threading

import numpy as np

from gisdesk.store.geoblob import Geometries, concat_ranges

#: Relative rounding error of float32 (half a unit in the last place).
FLOAT32_REL_ERROR = 2.0 ** -24

_ARANGE_LOCK = threading.Lock()
_ARANGE = np.arange(0, dtype=np.int32)
_ONES = np.ones(0, bool)


def shared_arange(n: int) -> np.ndarray:
    """A read-only ``arange(n)`` (int32, int64 beyond 2**31) viewing one array shared by every caller."""
    global _ARANGE
    if n >= 2**31 - 1:
        out = np.arange(n, dtype=np.int64)
        out.flags.writeable = False
        return out
    with _ARANGE_LOCK:
        if len(_ARANGE) < n:
            grown = np.arange(min(max(n, 2 * len(_ARANGE)), 2**31 - 1), dtype=np.int32)
            grown.flags.writeable = False
            _ARANGE = grown
        return _ARANGE[:n]


def shared_true(n: int) -> np.ndarray:
    """A read-only array of ``n`` True values, shared."""
    global _ONES
    with _ARANGE_LOCK:
        if len(_ONES) < n:
            grown = np.ones(max(n, 2 * len(_ONES)), bool)
            grown.flags.writeable = False
            _ONES = grown
        return _ONES[:n]


def point_geometries(xy: np.ndarray, origin: tuple[float, float] | None = None) -> Geometries:
    """Points (one path each) over ``xy``, with shared offsets and path indices."""
    n = len(xy)
    return Geometries("point", xy, shared_arange(n + 1), shared_arange(n), shared_true(n), n, None, origin)


def compact_origin(extent: tuple[float, float, float, float] | None, tolerance: float) -> tuple[float, float] | None:
    """The origin for float32 offsets of a layer with ``extent``, or None to keep float64.

    The origin is the centre of the extent. None when the
    largest offset's rounding error (``max|offset| * 2**-24``) would exceed ``tolerance``
    map units, or the extent is unknown.
    """
    if extent is None or not all(np.isfinite(extent)):
        return None
    origin = (float((extent[0] + extent[2]) / 2), float((extent[1] + extent[3]) / 2))
    return origin if max_error(extent, origin) <= tolerance else None


def max_error(extent: tuple[float, float, float, float], origin: tuple[float, float]) -> float:
    """The largest rounding error (map units) of float32 offsets from ``origin`` over ``extent``."""
    reach = max(abs(extent[0] - origin[0]), abs(extent[2] - origin[0]), abs(extent[1] - origin[1]),
                abs(extent[3] - origin[1]))
    return reach * FLOAT32_REL_ERROR


def compact(g: Geometries, origin: tuple[float, float] | None) -> Geometries:
    """``g`` (map coordinates) as float32 offsets from ``origin``; ``g`` itself when origin is None."""
    if origin is None or g.origin is not None:
        return g
    o = np.asarray(origin, np.float64)
    xy = (g.xy - o).astype(np.float32) if len(g.xy) else np.empty((0, 2), np.float32)
    boxes = None if g.boxes is None else g.boxes - np.r_[o, o]
    if g.kind == "point" and g.path_count == g.count == len(g.xy):
        return Geometries("point", xy, shared_arange(g.count + 1), shared_arange(g.count), shared_true(g.count),
                          g.count, boxes, origin)
    return Geometries(g.kind, xy, g.offsets, g.path_feature, g.exterior, g.count, boxes, origin)


def world(g: Geometries) -> Geometries:
    """``g`` in float64 map coordinates (``g`` itself when it already is)."""
    if g.origin is None:
        return g
    o = np.asarray(g.origin, np.float64)
    boxes = None if g.boxes is None else g.boxes + np.r_[o, o]
    return Geometries(g.kind, g.xy.astype(np.float64) + o, g.offsets, g.path_feature, g.exterior, g.count, boxes)


def feature_boxes(g: Geometries) -> np.ndarray:
    """(N, 4) boxes of every feature in ``g``'s frame (NaN for a feature without vertices)."""
    if g.boxes is not None:
        return g.boxes
    if g.kind == "point" and g.path_count == g.count == len(g.xy):
        xy = g.xy.astype(np.float64)
        return np.column_stack([xy, xy])
    out = np.full((g.count, 4), np.nan)
    lengths = np.diff(g.offsets)
    nonempty = lengths > 0
    if not nonempty.any():
        return out
    vf = np.repeat(g.path_feature[nonempty], lengths[nonempty])
    xy = g.xy[concat_ranges(g.offsets[:-1][nonempty], lengths[nonempty])].astype(np.float64)
    order = np.argsort(vf, kind="stable")
    vf, xy = vf[order], xy[order]
    starts = np.flatnonzero(np.r_[True, vf[1:] != vf[:-1]])
    f = vf[starts]
    out[f, 0] = np.minimum.reduceat(xy[:, 0], starts)
    out[f, 1] = np.minimum.reduceat(xy[:, 1], starts)
    out[f, 2] = np.maximum.reduceat(xy[:, 0], starts)
    out[f, 3] = np.maximum.reduceat(xy[:, 1], starts)
    return out


def subset(g: Geometries, keep: np.ndarray) -> Geometries:
    """The features of ``g`` where ``keep`` (bool, one per feature) is True, renumbered in order."""
    keep = np.asarray(keep, bool)
    if keep.all():
        return g
    n = int(keep.sum())
    boxes = None if g.boxes is None else g.boxes[keep]
    if g.kind == "point" and g.path_count == g.count == len(g.xy):
        xy = g.xy[keep]
        return Geometries("point", xy, shared_arange(n + 1), shared_arange(n), shared_true(n), n, boxes, g.origin)
    new_index = np.cumsum(keep) - 1
    path_keep = keep[g.path_feature]
    lengths = np.diff(g.offsets)[path_keep]
    xy = g.xy[concat_ranges(g.offsets[:-1][path_keep], lengths)]
    offsets = np.zeros(len(lengths) + 1, np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return Geometries(g.kind, xy, offsets, new_index[g.path_feature[path_keep]], g.exterior[path_keep], n, boxes,
                      g.origin)


def finite_bounds(xy: np.ndarray) -> tuple[float, float, float, float] | None:
    """(minx, miny, maxx, maxy) of the finite rows of ``xy`` (N, 2); None when there are none.

    Reduces each column on its own: numpy's ``min(axis=0)`` over an (N, 2) array walks it
    row by row, about 30 times slower (0.2 s for 10,000,000 points).
    """
    if len(xy) == 0:
        return None
    x, y = xy[:, 0], xy[:, 1]
    box = [float(x.min()), float(y.min()), float(x.max()), float(y.max())]
    if all(np.isfinite(box)):
        return (box[0], box[1], box[2], box[3])
    ok = np.isfinite(x) & np.isfinite(y)  # NaN (empty geometries) or inf: only the finite rows count
    if not ok.any():
        return None
    x, y = x[ok], y[ok]
    return (float(x.min()), float(y.min()), float(x.max()), float(y.max()))


def in_bbox(boxes: np.ndarray, bbox: tuple[float, float, float, float]) -> np.ndarray:
    """Which (N, 4) boxes meet ``bbox`` (edges included)."""
    minx, miny, maxx, maxy = bbox
    return (boxes[:, 0] <= maxx) & (boxes[:, 2] >= minx) & (boxes[:, 1] <= maxy) & (boxes[:, 3] >= miny)


__all__ = ["compact", "compact_origin", "feature_boxes", "finite_bounds", "in_bbox", "max_error", "point_geometries",
           "shared_arange", "shared_true", "subset", "world"]

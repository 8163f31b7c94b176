"""Helpers of the numpy drawing path: segment clipping, pixel-grid thinning, colours.

The drawing itself (antialiased, in draw order) is :mod:`gisdesk.render._aa` and
:mod:`gisdesk.render._draw_np`. Pixel coordinates have pixel centres at ``i + 0.5``.
"""

from __future__ import annotations

import numpy as np

from gisdesk.store.geoblob import concat_ranges


# -- segments and thinning ------------------------------------------------------------

def _clip_segments(x0, y0, x1, y1, xmin, ymin, xmax, ymax):
    """Liang-Barsky clipping of many segments at once; returns the clipped ends and a keep mask."""
    dx, dy = x1 - x0, y1 - y0
    t0 = np.zeros_like(x0)
    t1 = np.ones_like(x0)
    keep = np.ones(len(x0), bool)
    for p, q in ((-dx, x0 - xmin), (dx, xmax - x0), (-dy, y0 - ymin), (dy, ymax - y0)):
        parallel = p == 0
        keep &= ~(parallel & (q < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        neg, pos = (p < 0) & ~parallel, (p > 0) & ~parallel
        t0 = np.where(neg, np.maximum(t0, r), t0)
        t1 = np.where(pos, np.minimum(t1, r), t1)
    keep &= t0 <= t1
    return x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy, keep


def decimate_index(offsets: np.ndarray, span: np.ndarray) -> tuple[np.ndarray | None, np.ndarray]:
    """Vertices to keep so paths are no denser than the pixel grid.

    ``span`` is each path's pixel extent (max of width and height). A path keeps
    every k-th vertex, about ``1.5 * span`` of them (at least 4), and always its
    last vertex, so rings stay closed and shapes keep their pixel outline.

    Returns
    -------
    index, offsets
        Kept vertex indices and the new path offsets; index is None when nothing
        would be dropped.
    """
    lengths = np.diff(offsets)
    budget = np.maximum(4.0, 1.5 * span)
    stride = np.maximum(1, np.floor(lengths / budget)).astype(np.int64)
    if (stride == 1).all():
        return None, offsets
    last = np.maximum(lengths - 1, 0)
    count = np.where(lengths > 0, last // stride + 1 + (last % stride != 0), 0)
    new_offsets = np.zeros(len(lengths) + 1, np.int64)
    np.cumsum(count, out=new_offsets[1:])
    local = concat_ranges(np.zeros(len(count), np.int64), count)
    step = np.minimum(local * np.repeat(stride, count), np.repeat(last, count))
    return np.repeat(offsets[:-1], count) + step, new_offsets


# -- colour ----------------------------------------------------------------------------

def premultiplied(rgba: tuple[int, int, int, int], opacity: float = 1.0) -> int:
    """A colour as a premultiplied ARGB32 integer (QImage's Format_ARGB32_Premultiplied)."""
    r, g, b, a = rgba
    a = int(round(a * opacity))
    return (a << 24) | ((r * a // 255) << 16) | ((g * a // 255) << 8) | (b * a // 255)



"""Vectorised rasterisers: points, lines and polygons into class-index images.

Big layers are drawn with numpy, not one QPainter call per feature: every
feature writes its class code (1..255, 0 = empty) into a ``uint8`` image, then
markers and wide lines grow by dilation and a lookup table gives the colours.
Work is proportional to vertices plus covered pixels, and no Python loop runs
per feature. Pixel coordinates have pixel centres at ``i + 0.5``.
"""

from __future__ import annotations

import numpy as np

from gisdesk.store.geoblob import concat_ranges


# -- kernels ---------------------------------------------------------------------------

def marker_kernel(shape: str, size: float, stroke_width: float) -> tuple[np.ndarray, np.ndarray]:
    """Offsets (dy, dx) of the fill and of the outline of a marker.

    Returns
    -------
    fill, outline : ndarray of shape (K, 2)
    """
    r = max(0.5, size / 2.0)
    n = int(np.ceil(r))
    dy, dx = np.mgrid[-n:n + 1, -n:n + 1]
    fy, fx = dy.astype(float), dx.astype(float)
    sw = max(0.0, stroke_width)

    def inside(rr: float) -> np.ndarray:
        if shape == "square":
            return (np.abs(fx) <= rr) & (np.abs(fy) <= rr)
        if shape == "diamond":
            return np.abs(fx) + np.abs(fy) <= rr
        if shape == "triangle":
            # apex up: y from -rr to +rr, half width grows downwards
            return (fy >= -rr) & (fy <= rr * 0.8) & (np.abs(fx) <= (fy + rr) * 0.6)
        if shape == "cross":
            w = max(0.5, sw / 2 if sw else 0.5)
            return ((np.abs(fx) <= w) | (np.abs(fy) <= w)) & (np.abs(fx) <= rr) & (np.abs(fy) <= rr)
        return fx * fx + fy * fy <= rr * rr + 0.25

    outer = inside(r - 0.25)
    if not outer.any():
        outer[n, n] = True
    if shape == "cross":
        return np.empty((0, 2), np.int64), np.column_stack(np.nonzero(outer)) - n
    inner = inside(r - 0.25 - sw) if sw > 0 else outer
    ring = outer & ~inner
    return np.column_stack(np.nonzero(inner)) - n, np.column_stack(np.nonzero(ring)) - n


def disk_offsets(width: float) -> np.ndarray:
    """Offsets of a disk that widens a 1-pixel line to ``width`` pixels."""
    r = (width - 1.0) / 2.0
    if r < 0.5:
        return np.zeros((1, 2), np.int64)
    n = int(np.ceil(r))
    dy, dx = np.mgrid[-n:n + 1, -n:n + 1]
    m = dx * dx + dy * dy <= r * r + 0.5
    return np.column_stack([dy[m], dx[m]])


def dilate(index: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Grow class codes by ``offsets`` (higher codes win where marks overlap)."""
    if len(offsets) == 1 and not offsets.any():
        return index
    h, w = index.shape
    n = int(np.abs(offsets).max()) if len(offsets) else 0
    pad = np.zeros((h + 2 * n, w + 2 * n), np.uint8)
    pad[n:n + h, n:n + w] = index
    out = np.zeros_like(index)
    for dy, dx in offsets.tolist():
        np.maximum(out, pad[n - dy:n - dy + h, n - dx:n - dx + w], out=out)
    return out


# -- points ----------------------------------------------------------------------------

def point_centres(px: np.ndarray, codes: np.ndarray, width: int, height: int, margin: int) -> np.ndarray:
    """A (height + 2m, width + 2m) index image with each point's code at its pixel."""
    img = np.zeros((height + 2 * margin, width + 2 * margin), np.uint8)
    if len(px) == 0:
        return img
    x = px[:, 0] + margin
    y = px[:, 1] + margin
    wp, hp = width + 2 * margin, height + 2 * margin
    flat = img.reshape(-1)
    if x.min() >= 0 and y.min() >= 0 and x.max() < wp and y.max() < hp:  # all in view: no masking
        flat[y.astype(np.int32) * np.int32(wp) + x.astype(np.int32)] = codes
        return img
    ok = (x >= 0) & (y >= 0) & (x < wp) & (y < hp) & (codes > 0)
    flat[y[ok].astype(np.int32) * np.int32(wp) + x[ok].astype(np.int32)] = codes[ok]
    return img


def stamp(centres: np.ndarray, offsets: np.ndarray, width: int, height: int, margin: int) -> np.ndarray:
    """Marks of ``offsets`` around every centre, cropped to the image."""
    out = np.zeros((height, width), np.uint8)
    for dy, dx in offsets.tolist():
        np.maximum(out, centres[margin - dy:margin - dy + height, margin - dx:margin - dx + width], out=out)
    return out


# -- lines -----------------------------------------------------------------------------

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


def draw_paths(index: np.ndarray, px: np.ndarray, offsets: np.ndarray, path_codes: np.ndarray,
               closed: bool = False) -> None:
    """Write every path as 1-pixel lines into ``index`` (in place).

    All vertices are plotted in one scatter; only steps longer than a pixel get
    interior samples (after clipping to the image when they leave it). Works in
    float32 on separate x and y arrays to halve memory traffic.
    """
    h, w = index.shape
    n = len(px)
    if n == 0:
        return
    lengths = np.diff(offsets)
    vcode = np.repeat(path_codes, lengths)
    x = np.ascontiguousarray(px[:, 0], np.float32)
    y = np.ascontiguousarray(px[:, 1], np.float32)
    flat = index.reshape(-1)
    inside = x.min() >= 0 and y.min() >= 0 and x.max() < w and y.max() < h
    ok = (vcode > 0) if inside else (x >= 0) & (y >= 0) & (x < w) & (y < h) & (vcode > 0)
    if ok.all():
        flat[y.astype(np.int32) * np.int32(w) + x.astype(np.int32)] = vcode
    else:
        flat[y[ok].astype(np.int32) * np.int32(w) + x[ok].astype(np.int32)] = vcode[ok]
    dx, dy = np.diff(x), np.diff(y)
    step = np.maximum(np.abs(dx), np.abs(dy)) > 1.0
    starts = offsets[:-1][(lengths > 0) & (offsets[:-1] > 0)]
    step[starts - 1] = False  # no segment from one path into the next
    step &= vcode[:-1] > 0
    b = np.flatnonzero(step)
    x0, y0, x1, y1, codes = x[b], y[b], x[b + 1], y[b + 1], vcode[b]
    if closed:
        first, last = offsets[:-1], offsets[1:] - 1
        ring_ok = (lengths > 2) & (path_codes > 0)
        ring_ok &= (x[np.minimum(last, n - 1)] != x[np.minimum(first, n - 1)]) | (y[np.minimum(last, n - 1)] != y[np.minimum(first, n - 1)])
        if ring_ok.any():
            x0 = np.concatenate([x0, x[last[ring_ok]]])
            y0 = np.concatenate([y0, y[last[ring_ok]]])
            x1 = np.concatenate([x1, x[first[ring_ok]]])
            y1 = np.concatenate([y1, y[first[ring_ok]]])
            codes = np.concatenate([codes, path_codes[ring_ok]])
    _interpolate(flat, w, h, x0, y0, x1, y1, codes)


def _interpolate(flat: np.ndarray, w: int, h: int, x0, y0, x1, y1, codes) -> None:
    """Plot the interior pixel steps of segments (their ends are already drawn)."""
    if len(x0) == 0:
        return
    out = (np.minimum(x0, x1) < 0) | (np.minimum(y0, y1) < 0) | (np.maximum(x0, x1) >= w) | (np.maximum(y0, y1) >= h)
    if out.any():
        x0, y0, x1, y1 = (v.astype(np.float64) for v in (x0, y0, x1, y1))
        cx0, cy0, cx1, cy1, keep = _clip_segments(x0[out], y0[out], x1[out], y1[out], 0.0, 0.0, w - 1e-6, h - 1e-6)
        x0[out], y0[out], x1[out], y1[out] = cx0, cy0, cx1, cy1
        keep_all = np.ones(len(x0), bool)
        keep_all[out] = keep
        x0, y0, x1, y1, codes = x0[keep_all], y0[keep_all], x1[keep_all], y1[keep_all], codes[keep_all]
    dx, dy = x1 - x0, y1 - y0
    steps = np.ceil(np.maximum(np.abs(dx), np.abs(dy))).astype(np.int64) - 1
    np.maximum(steps, 0, out=steps)
    # Dense data is mostly steps of one to two pixels: their single interior sample is the midpoint.
    one = steps == 1
    if one.any():
        ix = np.clip((x0[one] + dx[one] * 0.5).astype(np.int64), 0, w - 1)
        iy = np.clip((y0[one] + dy[one] * 0.5).astype(np.int64), 0, h - 1)
        flat[iy * w + ix] = codes[one]
        more = ~one
        x0, y0, dx, dy, steps, codes = x0[more], y0[more], dx[more], dy[more], steps[more], codes[more]
    total = int(steps.sum())
    if total == 0:
        return
    seg = np.repeat(np.arange(len(steps)), steps)
    first = np.zeros(len(steps), np.int64)
    np.cumsum(steps[:-1], out=first[1:])
    k = (np.arange(1, total + 1, dtype=np.int64) - first[seg]).astype(np.float32)
    t = k / (steps[seg] + 1).astype(np.float32)
    ix = (x0[seg] + t * dx[seg]).astype(np.int64)
    iy = (y0[seg] + t * dy[seg]).astype(np.int64)
    np.clip(ix, 0, w - 1, out=ix)
    np.clip(iy, 0, h - 1, out=iy)
    flat[iy * w + ix] = codes[seg]


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


# -- polygons --------------------------------------------------------------------------

def fill_polygons(index: np.ndarray, px: np.ndarray, offsets: np.ndarray, ring_poly: np.ndarray,
                  poly_codes: np.ndarray, orient: np.ndarray | None = None, mark_tiny: bool = True) -> None:
    """Scan-line fill of every polygon into ``index`` (in place), without sorting.

    Each edge adds its winding (+1/-1, oriented so that exterior rings count +1
    and holes -1 whatever their stored orientation) at the first pixel centre
    right of where it crosses a row; a running sum along each row then gives
    the winding number of every pixel, and pixels with a positive number are
    inside some polygon. One pass per class code; higher codes are drawn last.

    Parameters
    ----------
    index : (H, W) uint8, written in place
    px : (M, 2) pixel coordinates of all ring vertices
    offsets : (R + 1,) ring starts in ``px``
    ring_poly : (R,) polygon number of each ring (rings of a polygon are consecutive)
    poly_codes : (P,) class code per polygon (0 = not drawn)
    orient : (R,) float32, optional
        :func:`ring_orientation` of the rings, when the caller has it cached.
    mark_tiny : bool
        Mark the first-vertex pixel of polygons too small to cover a pixel centre
        (not needed when outlines are drawn over the fill).
    """
    h, w = index.shape
    if len(px) < 2:
        return
    x = np.ascontiguousarray(px[:, 0], np.float32)
    y = np.ascontiguousarray(px[:, 1], np.float32)
    lengths = np.diff(offsets)
    ring_of_vertex = np.repeat(np.arange(len(lengths)), lengths)
    ring_code = poly_codes[ring_poly]
    if orient is None:
        orient = ring_orientation(x, y, offsets, ring_poly)
    # Edge i joins vertex i and i + 1 when both are in the same ring (rings are stored closed).
    x0, x1, y0, y1 = x[:-1], x[1:], y[:-1], y[1:]
    edge_ring = ring_of_vertex[:-1]
    same = edge_ring == ring_of_vertex[1:]
    j0 = np.ceil(np.minimum(y0, y1) - 0.5)
    j1 = np.ceil(np.maximum(y0, y1) - 0.5)
    np.clip(j0, 0, h, out=j0)
    np.clip(j1, 0, h, out=j1)
    n = (j1 - j0).astype(np.int32)
    n[~same | (ring_code[edge_ring] == 0)] = 0
    total = int(n.sum(dtype=np.int64))
    if total:
        # int32 throughout: rows, columns and cells stay far below 2**31 for any screen.
        e = np.repeat(np.arange(len(n), dtype=np.int32), n)
        first = np.zeros(len(n), np.int32)
        np.cumsum(n[:-1], out=first[1:])
        row = np.repeat(j0.astype(np.int32) - first, n) + np.arange(total, dtype=np.int32)
        ya_e, yb_e = y0[e], y1[e]
        xa_e = x0[e]
        xcross = xa_e + (row.astype(np.float32) + np.float32(0.5) - ya_e) * (x1[e] - xa_e) / (yb_e - ya_e)
        col = np.clip(np.ceil(xcross - 0.5), 0, w).astype(np.int32)
        er = edge_ring[e]
        wind = np.where(yb_e > ya_e, orient[er], -orient[er])
        cell = row * np.int32(w + 1) + col
        codes = ring_code[er]
        flat = index.reshape(-1)
        wind16 = wind.astype(np.int16)
        classes = np.flatnonzero(np.bincount(codes, minlength=256)).tolist()
        for c in classes:
            # int16 windings: the running sum is the overlap depth at a pixel, far below 32767
            delta = np.zeros(h * (w + 1), np.int16)
            if len(classes) > 1:
                m = codes == c
                np.add.at(delta, cell[m], wind16[m])
            else:
                np.add.at(delta, cell, wind16)
            winding = np.cumsum(delta.reshape(h, w + 1), axis=1, dtype=np.int16)
            flat[(winding[:, :w] > 0).reshape(-1)] = c
    if mark_tiny:
        _tiny(index, px, offsets, ring_poly, poly_codes)


def ring_orientation(x: np.ndarray, y: np.ndarray, offsets: np.ndarray, ring_poly: np.ndarray) -> np.ndarray:
    """+1/-1 per ring so that exterior rings wind positively and holes negatively."""
    lengths = np.diff(offsets)
    nz = lengths > 1
    cross = np.zeros(len(x), np.float64)
    cross[:-1] = x[:-1].astype(np.float64) * y[1:] - x[1:].astype(np.float64) * y[:-1]
    ends = offsets[1:] - 1
    cross[ends[lengths > 0]] = 0.0  # stored rings are closed: the last vertex repeats the first
    area = np.zeros(len(lengths))
    area[nz] = np.add.reduceat(cross, offsets[:-1][nz])[: int(nz.sum())]
    sign = np.where(area >= 0, 1.0, -1.0).astype(np.float32)
    exterior = np.ones(len(lengths), bool)
    exterior[1:] = ring_poly[1:] != ring_poly[:-1]
    # In pixel space (y down) a ring with positive shoelace area winds -1 inside.
    return np.where(exterior, -sign, sign)


def _tiny(index: np.ndarray, px: np.ndarray, offsets: np.ndarray, ring_poly: np.ndarray, poly_codes: np.ndarray) -> None:
    """Polygons smaller than a pixel still show: mark the pixel of each polygon's first vertex where empty."""
    h, w = index.shape
    if len(px) == 0:
        return
    first_ring = np.ones(len(ring_poly), bool)
    first_ring[1:] = ring_poly[1:] != ring_poly[:-1]
    starts = offsets[:-1][first_ring]
    starts = starts[starts < len(px)]
    codes = poly_codes[ring_poly[first_ring]][: len(starts)]
    ix = np.floor(px[starts, 0]).astype(np.int64)
    iy = np.floor(px[starts, 1]).astype(np.int64)
    ok = (ix >= 0) & (iy >= 0) & (ix < w) & (iy < h) & (codes > 0)
    ix, iy, codes = ix[ok], iy[ok], codes[ok]
    empty = index[iy, ix] == 0
    index[iy[empty], ix[empty]] = codes[empty]


# -- colour ----------------------------------------------------------------------------

def premultiplied(rgba: tuple[int, int, int, int], opacity: float = 1.0) -> int:
    """A colour as a premultiplied ARGB32 integer (QImage's Format_ARGB32_Premultiplied)."""
    r, g, b, a = rgba
    a = int(round(a * opacity))
    return (a << 24) | ((r * a // 255) << 16) | ((g * a // 255) << 8) | (b * a // 255)


def colorize(layers: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Compose index images bottom to top through their lookup tables into ARGB32.

    When the tables fit in 256 entries together, the index images are merged
    first (cheap uint8 work) and coloured with one lookup.
    """
    sizes = [len(lut) for _, lut in layers]
    if sum(sizes) <= 256:
        merged = None
        base = 0
        for (index, lut), size in zip(layers, sizes):
            shifted = index + np.uint8(base) if base else index
            merged = shifted if merged is None else np.where(index > 0, shifted, merged)
            base += size
        big = np.concatenate([lut for _, lut in layers])
        big[[sum(sizes[:i]) for i in range(len(sizes))]] = 0  # every layer's 0 means "nothing here"
        return big[merged]
    out = None
    for index, lut in layers:
        colours = lut[index]
        out = colours if out is None else np.where(index > 0, colours, out)
    return out

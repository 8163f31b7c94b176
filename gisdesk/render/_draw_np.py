"""The numpy drawing path: markers, lines and polygons, antialiased, in draw order.

Each function returns a premultiplied ARGB32 image as a flat ``uint32`` array (H * W).
Features are drawn in their order (the order of the data, as QGIS and the QPainter
path draw them): a marker's outline shows over the markers below it, a polygon's fill
hides the outlines of the polygons below it (by its opacity). Lines and outlines of
different classes are drawn class after class, like the QPainter path.
"""

from __future__ import annotations

import numpy as np

from gisdesk.core.style import Symbol, parse_color
from gisdesk.render import _aa
from gisdesk.render.rasterize import premultiplied


#: Markers are scattered one pixel write each while their pixels number under this share of
#: the image; above it, whole-image running maxima (a few dozen passes) cost less.
SPARSE_SHARE = 0.5

#: Strokes are sampled in chunks of about this many vertices.
CHUNK_VERTICES = 200_000

#: Dense markers are turned into pixels this many points at a time (their temporaries stay small).
CHUNK_POINTS = 1 << 20


def _colour(text: str, opacity: float = 1.0) -> int:
    return premultiplied(parse_color(text), opacity) if text else 0


def _present(codes: np.ndarray) -> list[int]:
    """The class codes present, ascending (``np.unique`` would import ``numpy.ma`` on a first render)."""
    return np.flatnonzero(np.bincount(codes, minlength=1)).tolist() if len(codes) else []


def _stroked(s: Symbol | None) -> bool:
    return s is not None and s.stroke_width > 0 and bool(s.stroke) and parse_color(s.stroke)[3] > 0


def draw_markers(xy: np.ndarray, codes: np.ndarray, symbols: list[Symbol | None], width: int,
                 height: int, frame: tuple[float, float, float] | None = None) -> np.ndarray:
    """Markers at ``xy`` (points in draw order) with class ``codes`` (index + 1 into ``symbols``; 0 = not drawn).

    ``xy`` are pixel coordinates, or, with ``frame = (minx, maxy, resolution)`` of the view, map
    coordinates (e.g. float32 offsets, the view framed alike) turned into pixels in float64,
    :data:`CHUNK_POINTS` at a time: no whole-layer float64 copy is ever made,
    and a dense layer keeps no per-marker array at all (the winners' centres are computed again
    from ``xy``), so 10,000,000 points draw in a few tens of megabytes beyond their coordinates.
    """
    groups: dict[tuple, list[int]] = {}
    for k, s in enumerate(symbols):
        if s is not None:
            groups.setdefault((s.shape, s.size, s.stroke_width if _stroked(s) else 0.0), []).append(k + 1)
    sprites = {g: _aa.marker_sprite(*g) for g in groups}
    half = max([int(np.abs(sp[0]).max(initial=0)) for sp in sprites.values()] + [0])
    side = 2 * half + 1
    colour = np.zeros((len(symbols) + 1, side, side), np.uint32)
    margin = half + 1
    n = len(xy)
    key_type = np.int32 if n < 2**31 - 2 else np.int64
    for g, classes in groups.items():
        offs, cover, share = sprites[g]
        for c in classes:
            s = symbols[c - 1]
            stroke = _colour(s.stroke) if _stroked(s) else 0
            colour[c, offs[:, 0] + half, offs[:, 1] + half] = _aa.mix(_colour(s.fill, s.fill_opacity), stroke,
                                                                      cover, share)

    def cells(ids: np.ndarray | slice) -> tuple[np.ndarray, np.ndarray]:
        """Centre pixels (column, row) of the markers ``ids``, clamped just outside the padded image."""
        pts = xy[ids]
        out = []
        for axis, lim in ((0, width), (1, height)):
            if frame is None:
                v = pts[:, axis].astype(np.float64)
            elif axis == 0:
                v = np.subtract(pts[:, 0], frame[0], dtype=np.float64)
            else:
                v = np.subtract(frame[1], pts[:, 1], dtype=np.float64)
            if frame is not None:
                v /= frame[2]
            np.floor(v, out=v)
            np.clip(v, -margin - 1, lim + margin + 1, out=v)  # far-off points stay off the image (no int overflow)
            out.append(v.astype(np.int32))
        return out[0], out[1]

    if n * max([len(sp[0]) for sp in sprites.values()] + [0]) < SPARSE_SHARE * width * height:
        cx, cy = cells(slice(None)) if n else (np.empty(0, np.int32), np.empty(0, np.int32))
        return _sparse_markers(cx, cy, codes, groups, sprites, colour, width, height)
    zs = np.zeros((height, width), key_type)
    za = np.zeros((height, width), key_type)
    for g, classes in groups.items():
        offs, cover, share = sprites[g]
        solid = offs[cover >= 0.999]
        centres = np.zeros((height + 2 * margin) * (width + 2 * margin), key_type)
        for a in range(0, n, CHUNK_POINTS):
            b = min(n, a + CHUNK_POINTS)
            cc = codes[a:b]
            mask = np.isin(cc, classes) if len(groups) > 1 else cc > 0
            cx, cy = cells(slice(a, b))
            order = np.arange(a + 1, b + 1, dtype=key_type)
            if not mask.all():
                cx, cy, order = cx[mask], cy[mask], order[mask]
            _centres(centres, cx, cy, order, width, height, margin)
        centres = centres.reshape(height + 2 * margin, width + 2 * margin)
        _aa.stamp_max([(za, _aa.row_runs(offs)), (zs, _aa.row_runs(solid))], centres, margin)
        del centres
    return _aa.resolve_markers(zs, za, cells, codes, colour, n)


def _sparse_markers(cx, cy, codes, groups, sprites, colour, width, height) -> np.ndarray:
    """Few markers: one candidate per marker pixel; the topmost candidate of each pixel wins.

    Markers are taken in pixel order, so the writes into the full-size buffers stay near
    each other (a random order costs a cache miss per write).
    """
    half = colour.shape[1] // 2
    pix_l, val_l, col_l, solid_l = [], [], [], []
    order = np.arange(1, len(cx) + 1, dtype=np.int32)
    for g, classes in groups.items():
        offs, cover, _ = sprites[g]
        sel = np.flatnonzero(np.isin(codes, classes) if len(groups) > 1 else codes > 0)
        sel = sel[np.argsort(cy[sel] * np.int64(width) + cx[sel], kind="stable")]  # nearby writes: cache hits
        r = cy[sel][:, None] + offs[:, 0].astype(np.int32)[None, :]
        c = cx[sel][:, None] + offs[:, 1].astype(np.int32)[None, :]
        ok = (r >= 0) & (r < height) & (c >= 0) & (c < width)
        pix_l.append((r * np.int32(width) + c)[ok])
        val_l.append(np.broadcast_to(order[sel][:, None], r.shape)[ok])
        col_l.append(colour[:, offs[:, 0] + half, offs[:, 1] + half][codes[sel]][ok])  # (classes, K) first
        solid_l.append(np.broadcast_to((cover >= 0.999)[None, :], r.shape)[ok])
    pix, val, col, solid = (np.concatenate(v) for v in (pix_l, val_l, col_l, solid_l))
    size = width * height
    za = np.zeros(size, np.int32)
    np.maximum.at(za, pix, val)  # the topmost marker (highest draw order) per pixel
    zs = np.zeros(size, np.int32)
    np.maximum.at(zs, pix[solid], val[solid])
    win = za[pix] == val
    top_pix, top_col, top_val = pix[win], col[win], val[win]
    part = np.flatnonzero(zs[top_pix] != top_val)  # the topmost marker only partly covers these pixels
    out = np.zeros(size, np.uint32)
    if len(part):
        s_win = solid & (zs[pix] == val)
        out[pix[s_win]] = col[s_win]  # the solid marker below, for now: every such pixel has a top below
        top_col[part] = _aa.over_images(top_col[part], out[top_pix[part]])
    out[top_pix] = top_col
    return out


def _centres(img: np.ndarray, cx, cy, order, width, height, margin) -> None:
    """Write draw order + 1 at each point's pixel into the padded flat image ``img`` (the last point in a pixel wins)."""
    wp, hp = width + 2 * margin, height + 2 * margin
    ix = cx + np.int32(margin)
    iy = cy + np.int32(margin)
    ok = (ix >= 0) & (iy >= 0) & (ix < wp) & (iy < hp)
    if ok.all():
        img[iy * np.int32(wp) + ix] = order  # ascending order: the last write is the topmost marker
    else:
        img[iy[ok] * np.int32(wp) + ix[ok]] = order[ok]


def draw_strokes(out: np.ndarray, px: np.ndarray, offsets: np.ndarray, path_codes: np.ndarray,
                 symbols: list[Symbol | None], width: int, height: int, closed: bool = False,
                 under=None) -> None:
    """Antialiased lines of every path over ``out`` (flat uint32, in place), class after class.

    ``under``, when given, is ``(top, fade)``: ``top`` the flat image of the topmost polygon
    number (1-based, 0 = none) and ``fade[p]`` how much of an outline polygon ``p``'s fill
    lets through; an outline is faded where a later polygon lies over it.
    """
    widths = np.zeros(len(symbols) + 1, np.float32)
    colours = np.zeros(len(symbols) + 1, np.uint32)
    for k, s in enumerate(symbols):
        if _stroked(s):
            widths[k + 1] = s.stroke_width
            colours[k + 1] = _colour(s.stroke)
    if not widths.any():
        return
    tags = np.where(widths[path_codes] > 0, np.arange(1, len(path_codes) + 1), 0)
    half = widths[path_codes] / 2
    classes = _present(path_codes[tags > 0])
    size = width * height
    acc = {c: np.zeros(size, np.float32) for c in classes}
    # chunks of about CHUNK_VERTICES: their temporaries stay small and are reused, in cache
    bounds = np.searchsorted(offsets, np.arange(0, offsets[-1], CHUNK_VERTICES)).tolist() + [len(offsets) - 1]
    for p0, p1 in zip(bounds[:-1], bounds[1:]):
        if p1 <= p0:
            continue
        v0 = offsets[p0]
        pix, cov, tag = _aa.stroke_samples(px[v0:offsets[p1]], offsets[p0:p1 + 1] - v0, tags[p0:p1], half[p0:p1],
                                           width, height, closed)
        if under is not None:
            top, fade, ring_poly = under
            mine = ring_poly[tag - 1] + 1
            t = top[pix]
            hidden = t > mine
            cov[hidden] *= fade[t[hidden] - 1]
        # np.add.at (numpy >= 2) adds a sample in place: no image-sized float64 per chunk as bincount makes
        if len(classes) == 1:
            np.add.at(acc[classes[0]], pix, cov)
            continue
        code = path_codes[tag - 1]
        for c in classes:
            m = code == c
            np.add.at(acc[c], pix[m], cov[m])
    for c in classes:
        _aa.over(out, int(colours[c]), np.minimum(acc[c], 1.0, out=acc[c]))


def draw_lines(px: np.ndarray, offsets: np.ndarray, path_codes: np.ndarray, symbols: list[Symbol | None],
               width: int, height: int) -> np.ndarray:
    """Antialiased lines (one class after another)."""
    out = np.zeros(width * height, np.uint32)
    draw_strokes(out, px, offsets, path_codes, symbols, width, height)
    return out


#: Overlaps of translucent fills are told apart up to this depth.
DEPTHS = 16


def _deep_fills(fill: np.ndarray, fill_a: np.ndarray) -> np.ndarray:
    """Premultiplied colour of each class's fill ``d`` times over itself, at ``[code * DEPTHS + d]``."""
    d = np.arange(DEPTHS, dtype=np.float32)
    a = np.maximum(fill_a, 1e-6)[:, None]
    scale = np.where(d > 0, (1 - (1 - a) ** d) / a, 0)  # depth 0: nothing
    rgba = fill.view(np.uint8).reshape(-1, 1, 4).astype(np.float32) * scale[:, :, None]
    return (np.minimum(rgba, 255) + 0.5).astype(np.uint8).reshape(-1, 4).view(np.uint32).reshape(-1)


def _polygon_chunks(offsets: np.ndarray, ring_poly: np.ndarray) -> list[tuple[int, int]]:
    """Ring ranges of about :data:`CHUNK_VERTICES` vertices, each starting on a polygon's first ring.

    Filling chunk by chunk keeps the span arrays small and reused: a first render does not
    fault in a hundred megabytes of fresh memory for 100,000 polygons.
    """
    nr = len(ring_poly)
    if nr == 0 or offsets[-1] <= CHUNK_VERTICES:
        return [(0, nr)]
    cuts = np.searchsorted(offsets, np.arange(CHUNK_VERTICES, int(offsets[-1]), CHUNK_VERTICES))
    cuts = cuts[cuts < nr]
    cuts = np.searchsorted(ring_poly, ring_poly[cuts], "left")  # back to the polygon's first ring
    bounds = sorted(set([0, nr] + cuts.tolist()))
    return list(zip(bounds[:-1], bounds[1:]))


def draw_polygons(px: np.ndarray, offsets: np.ndarray, ring_poly: np.ndarray, poly_codes: np.ndarray,
                  tiny: np.ndarray, symbols: list[Symbol | None], width: int, height: int) -> np.ndarray:
    """Polygons in draw order: fills (topmost owns a pixel, translucent fills deepen where they
    overlap), antialiased edges, then outlines faded where later fills cover them.

    ``ring_poly[r]`` is ring r's polygon, ``poly_codes[p]`` polygon p's class (index + 1;
    0 = not drawn), ``tiny[p]`` polygons too small to fill (drawn as their outline).
    """
    size = width * height
    nsym = len(symbols) + 1
    fill = np.zeros(nsym, np.uint32)
    for k, s in enumerate(symbols):
        if s is not None and s.fill:
            fill[k + 1] = _colour(s.fill, s.fill_opacity)
    fill_a = (fill >> 24).astype(np.float32) / 255
    ring_codes = poly_codes[ring_poly]
    fill_tag = np.where((fill[poly_codes] != 0) & ~tiny, np.arange(1, len(poly_codes) + 1), 0)
    top = np.zeros(size, np.int32)
    out = np.zeros(size, np.uint32)
    if fill_tag.any():
        thin = (fill_a > 0) & (fill_a < 1)
        deep = bool(thin[poly_codes].any())
        depth = np.zeros(size, np.int32) if deep else None
        for r0, r1 in _polygon_chunks(offsets, ring_poly):  # in draw order: later chunks over earlier ones
            v0 = offsets[r0]
            pix, tag = _aa.polygon_spans(px[v0:offsets[r1]], offsets[r0:r1 + 1] - v0, ring_poly[r0:r1], fill_tag,
                                         width, height)
            top[pix] = tag
            if deep:
                np.add.at(depth, pix, np.int32(1))  # (an int32 one: numpy's quick path)
        code_of = np.r_[np.uint8(0), poly_codes]  # by top: 0 = no polygon
        if deep:
            # translucent fills over each other: 1 - (1 - a) ** depth, from a table per class and depth
            np.minimum(depth, DEPTHS - 1, out=depth)
            depth += np.take(code_of.astype(np.int32) * DEPTHS, top)
            out = np.take(_deep_fills(fill, fill_a), depth)
        else:
            out = fill[code_of[top]]
        # antialiased fill edges: the outer half of a 1-pixel line in the fill colour,
        # only on pixels the polygon does not own
        edge_tag = np.where(fill_tag[ring_poly] > 0, np.arange(1, len(ring_poly) + 1), 0)
        stroked = np.array([False] + [_stroked(s) for s in symbols])
        edge_tag[stroked[ring_codes]] = 0  # an outline covers the edge
        if edge_tag.any():
            epix, ecov, etag = _aa.stroke_samples(px, offsets, edge_tag, np.full(len(ring_poly), 0.5, np.float32),
                                                  width, height, True)
            mine = ring_poly[etag - 1] + 1
            t = top[epix]
            keep = t != mine
            epix, ecov, etag, t, mine = epix[keep], ecov[keep], etag[keep], t[keep], mine[keep]
            hidden = t > mine
            ecov[hidden] *= 1 - fill_a[poly_codes[t[hidden] - 1]]
            ecode = ring_codes[etag - 1]
            for c in _present(ecode):
                m = ecode == c
                _aa.over(out, int(fill[c]), _aa.coverage(epix[m], ecov[m], size))
    fade = 1 - fill_a[poly_codes]
    draw_strokes(out, px, offsets, ring_codes, symbols, width, height, closed=True, under=(top, fade, ring_poly))
    return out


__all__ = ["draw_markers", "draw_lines", "draw_polygons", "draw_strokes"]

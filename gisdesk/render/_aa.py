"""Antialiased numpy drawing: coverage strokes, markers and polygon fills in draw order.

- **Strokes** (lines, polygon outlines): every segment is sampled once per pixel column
  (or row, along its major axis); each sample covers the pixels across the line by how
  much of the pixel's section the line of width ``w`` crosses (Wu's algorithm widened).
  Samples give (pixel, coverage, tag) triples; coverages of one colour add up (capped at
  1), so crossings of one class stay smooth and no joint is drawn twice.
- **Markers**: a sprite per symbol with each pixel's coverage (4x4 subsamples) and the
  colour of fill and outline mixed per pixel. A z-buffer keeps, per pixel, the topmost
  marker (draw order) whose sprite covers it fully, and, apart, the topmost whose edge
  covers it partly; an edge above the solid marker is blended over it. So every marker
  shows its outline over the ones below it, as a painter drawing them one by one would.
- **Polygon fills**: spans between crossings per polygon and row (even-odd), written in
  draw order so the topmost polygon owns each pixel, with the number of polygons over it.

Pixel centres are at ``i + 0.5``; images are (H, W), flat index ``row * W + col``.
"""

from __future__ import annotations

import numpy as np

from gisdesk.store.geoblob import concat_ranges

# -- strokes ---------------------------------------------------------------------------------


def stroke_samples(px: np.ndarray, offsets: np.ndarray, tags: np.ndarray, half: np.ndarray,
                   width: int, height: int, closed: bool = False,
                   tiny: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Antialiased coverage of paths of half-width ``half`` (pixels, per path).

    Parameters
    ----------
    px : (M, 2) pixel coordinates of all vertices
    offsets : (P + 1,) path starts in ``px``
    tags : (P,) int, carried to each sample (0 = path not drawn)
    half : (P,) float, half the line width in pixels
    closed : bool
        Join each path's last vertex to its first (when not already equal).
    tiny : (P,) bool, optional
        Paths under two pixels across (they may fall between samples: each gets a dot).
        Computed from the vertices when not given.

    Returns
    -------
    pix, cov, tag : flat pixel index (int64), coverage in (0, 1] (float32), the path's tag
    """
    x = np.ascontiguousarray(px[:, 0], np.float32)
    y = np.ascontiguousarray(px[:, 1], np.float32)
    n = len(x)
    lengths = np.diff(offsets)
    if n < 2:
        return _dots(x, y, offsets, tags, lengths, width, height)
    # segment i joins vertex i and i + 1; the step from one path into the next becomes empty
    vpath = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
    x0, y0, x1, y1 = x[:-1], y[:-1], x[1:].copy(), y[1:].copy()
    sp = vpath[:-1]
    cut = offsets[1:-1][(offsets[1:-1] > 0) & (offsets[1:-1] < n)] - 1
    off = tags[sp] == 0
    if off.any():
        cut = np.r_[cut, np.flatnonzero(off)]
    x1[cut], y1[cut] = x0[cut], y0[cut]
    if closed:
        first, last = offsets[:-1], offsets[1:] - 1
        ok = (lengths > 2) & (tags > 0)
        ok[ok] = (x[last[ok]] != x[first[ok]]) | (y[last[ok]] != y[first[ok]])
        if ok.any():
            p = np.flatnonzero(ok)
            x0, y0 = np.r_[x0, x[last[p]]], np.r_[y0, y[last[p]]]
            x1, y1 = np.r_[x1, x[first[p]]], np.r_[y1, y[first[p]]]
            sp = np.r_[sp, p.astype(np.int32)]
    m = float(half.max(initial=0)) + 2.0
    lo_x, hi_x = np.minimum(x0, x1), np.maximum(x0, x1)
    lo_y, hi_y = np.minimum(y0, y1), np.maximum(y0, y1)
    if lo_x.min() < -m or lo_y.min() < -m or hi_x.max() > width + m or hi_y.max() > height + m:
        # segments wholly outside the image (with the line's half-width) are dropped, long ones clipped
        keep = (hi_x >= -m) & (lo_x <= width + m) & (hi_y >= -m) & (lo_y <= height + m)
        x0, y0, x1, y1, sp = x0[keep], y0[keep], x1[keep], y1[keep], sp[keep]
        out = (np.minimum(x0, x1) < -m) | (np.minimum(y0, y1) < -m) | (np.maximum(x0, x1) > width + m) \
            | (np.maximum(y0, y1) > height + m)
        if out.any():
            from gisdesk.render.rasterize import _clip_segments

            c = _clip_segments(*(v[out].astype(np.float64) for v in (x0, y0, x1, y1)), -m, -m, width + m, height + m)
            ok = np.ones(len(x0), bool)
            ok[out] = c[4]
            for arr, new in zip((x0, y0, x1, y1), c[:4]):
                arr[out] = new
            x0, y0, x1, y1, sp = x0[ok], y0[ok], x1[ok], y1[ok], sp[ok]
    parts = [_sweep(x0, y0, x1, y1, half[sp].astype(np.float32), tags[sp], width, height)]
    if tiny is None:  # paths under two pixels long may have no sample at all: a dot keeps them visible
        span = np.zeros(len(lengths), np.float32)
        nz = lengths > 0
        if nz.any():
            s = offsets[:-1][nz]
            span[nz] = np.maximum(np.maximum.reduceat(x, s) - np.minimum.reduceat(x, s),
                                  np.maximum.reduceat(y, s) - np.minimum.reduceat(y, s))
        tiny = nz & (span < 2.0)
    if tiny.any():
        parts.append(_dots(x, y, offsets, np.where(tiny, tags, 0), lengths, width, height))
    if len(parts) == 1:
        return parts[0]
    return tuple(np.concatenate([p[i] for p in parts]) for i in range(3))  # type: ignore[return-value]


def _dots(x, y, offsets, tags, lengths, width, height):
    p = np.flatnonzero((lengths > 0) & (tags > 0))
    s = offsets[:-1][p]
    ix, iy = np.floor(x[s]).astype(np.int64), np.floor(y[s]).astype(np.int64)
    ok = (ix >= 0) & (iy >= 0) & (ix < width) & (iy < height)
    return iy[ok] * width + ix[ok], np.ones(int(ok.sum()), np.float32), tags[p[ok]]


def _sweep(x0, y0, x1, y1, hw, tags, width: int, height: int):
    """Samples of segments along their major axis ``u`` (x or y), across it ``v``."""
    if float(hw.max(initial=0)) <= 0.5:
        return _sweep_thin(x0, y0, x1, y1, hw, tags, width, height)
    xmaj = np.abs(x1 - x0) >= np.abs(y1 - y0)
    u0, u1 = np.where(xmaj, x0, y0), np.where(xmaj, x1, y1)
    v0, v1 = np.where(xmaj, y0, x0), np.where(xmaj, y1, x1)
    nu = np.where(xmaj, np.int32(width), np.int32(height))
    lo, hi = np.minimum(u0, u1), np.maximum(u0, u1)
    i0 = np.maximum(np.ceil(lo - 0.5), 0).astype(np.int32)
    i1 = np.minimum(np.ceil(hi - 0.5), nu).astype(np.int32)  # centres in [lo, hi): shared vertices once
    cnt = np.maximum(i1 - i0, 0)
    total = int(cnt.sum(dtype=np.int64))
    if total == 0:
        e = np.empty(0, np.int64)
        return e, np.empty(0, np.float32), tags[:0]
    du = u1 - u0
    du[du == 0] = 1
    slope = (v1 - v0) / du
    inter = v0 - u0 * slope  # v = inter + u * slope
    t_seg = hw * np.sqrt(1 + slope * slope)  # half the line's section across the major axis
    k = int(np.ceil(2 * float(t_seg.max()))) + 1
    s = np.repeat(np.arange(len(cnt), dtype=np.int32), cnt)
    first = np.zeros(len(cnt), np.int32)
    np.cumsum(cnt[:-1], out=first[1:])
    iu = np.arange(total, dtype=np.int32) - np.repeat(first - i0, cnt)  # sample's pixel along u
    u = iu.astype(np.float32) + np.float32(0.5)
    v = inter[s] + u * slope[s]
    xm = xmaj[s]
    # flat pixel = base + j * step: x-major samples step a row per j, y-major ones a column
    base = np.where(xm, iu, iu * np.int32(width))
    step = np.where(xm, np.int32(width), np.int32(1))
    nv = np.where(xm, np.int32(height), np.int32(width))
    if k <= 3 and float(hw.max(initial=0)) <= 0.5:
        return _thin(v, np.minimum(2 * t_seg, 1)[s], base, step, nv, tags[s], width * height)
    t = t_seg[s]
    a = v - t
    j0 = np.floor(a).astype(np.int32)
    # k pixels across per sample: coverage = overlap of [j, j + 1] with [v - t, v + t]
    j = j0[:, None] + np.arange(k, dtype=np.int32)[None, :]
    jf = j.astype(np.float32)
    cov = np.minimum((v + t)[:, None], jf + 1) - np.maximum(a[:, None], jf)
    ok = cov > 0.004
    ok &= j >= 0
    ok &= j < nv[:, None]
    j *= step[:, None]
    j += base[:, None]
    np.minimum(cov, 1.0, out=cov)
    rows = np.nonzero(ok)[0]
    return j[ok], cov[ok], tags[s[rows]]


def _sweep_thin(x0, y0, x1, y1, hw, tags, width: int, height: int):
    """:func:`_sweep` of lines at most a pixel wide (Wu): x-major and y-major segments apart.

    Each group has one step along and across its axis, so no per-sample choice between
    them is made; segments without a sample are dropped before any per-sample array is
    built; and lines one pixel wide (the usual case) carry no per-sample intensity.
    """
    xmaj = np.abs(x1 - x0) >= np.abs(y1 - y0)
    size = width * height
    parts = []
    for major in (True, False):
        sel = np.flatnonzero(xmaj) if major else np.flatnonzero(~xmaj)
        if len(sel) == 0:
            continue
        if major:
            u0, u1, v0, v1, nu, nv, ustep, vstep = x0[sel], x1[sel], y0[sel], y1[sel], width, height, 1, width
        else:
            u0, u1, v0, v1, nu, nv, ustep, vstep = y0[sel], y1[sel], x0[sel], x1[sel], height, width, width, 1
        i0 = np.maximum(np.ceil(np.minimum(u0, u1) - 0.5), 0).astype(np.int32)
        cnt = np.minimum(np.ceil(np.maximum(u0, u1) - 0.5), nu).astype(np.int32)  # centres in [lo, hi)
        cnt -= i0
        live = np.flatnonzero(cnt > 0)
        if len(live) == 0:
            continue
        if len(live) < len(cnt):
            u0, u1, v0, v1, i0, cnt, sel = u0[live], u1[live], v0[live], v1[live], i0[live], cnt[live], sel[live]
        total = int(cnt.sum(dtype=np.int64))
        slope = (v1 - v0) / (u1 - u0)  # u1 != u0: the segment has a sample
        inter = v0 - u0 * slope  # v = inter + u * slope
        first = np.zeros(len(cnt), np.int32)
        np.cumsum(cnt[:-1], out=first[1:])
        iu = np.arange(total, dtype=np.int32)
        iu -= np.repeat(first - i0, cnt)  # the sample's pixel along u
        u = iu.astype(np.float32)
        u += np.float32(0.5)
        c = np.repeat(slope, cnt)
        c *= u
        c += np.repeat(inter, cnt)  # v at the sample
        c -= np.float32(0.5)
        j0f = np.floor(c)
        cov1 = c - j0f  # the ink's share of the pixel after v
        j0 = j0f.astype(np.int32)
        inten = np.minimum(2 * hw[sel] * np.sqrt(1 + slope * slope), 1)
        if (inten >= 1).all():  # a line a pixel wide: all its ink
            cov0 = 1 - cov1
        else:
            inten = np.repeat(inten.astype(np.float32), cnt)
            cov1 *= inten
            cov0 = inten - cov1
        if ustep == 1:
            pix0 = j0 * np.int32(vstep)
            pix0 += iu
        else:
            pix0 = iu * np.int32(ustep)
            pix0 += j0
        if j0.min() < 0 or int(j0.max()) + 1 >= nv:  # some samples at the image's edge: no ink off it
            cov0[(j0 < 0) | (j0 >= nv)] = 0
            cov1[(j0 < -1) | (j0 + 1 >= nv)] = 0
            pix1 = np.clip(pix0 + np.int32(vstep), 0, size - 1)  # (their ink is 0)
            pix0 = np.clip(pix0, 0, size - 1)
        else:
            pix1 = pix0 + np.int32(vstep)
        tg = np.repeat(tags[sel], cnt)
        parts.append((np.concatenate([pix0, pix1]), np.concatenate([cov0, cov1]).astype(np.float32, copy=False),
                      np.concatenate([tg, tg])))
    if not parts:
        return np.empty(0, np.int64), np.empty(0, np.float32), tags[:0]
    if len(parts) == 1:
        return parts[0]
    return tuple(np.concatenate([p[i] for p in parts]) for i in range(3))


def _thin(v, inten, base, step, nv, tags, size: int):
    """Lines at most a pixel wide: each sample splits its ink between the two pixels nearest it (Wu)."""
    c = v - np.float32(0.5)
    j0 = np.floor(c)
    f = (c - j0).astype(np.float32)
    j0 = j0.astype(np.int32)
    pix0 = base + j0 * step
    cov1 = f * inten
    cov0 = inten - cov1
    if j0.min() < 0 or (j0 + 1 - nv).max() >= 0:  # some samples at the image's edge: no ink off it
        cov0[(j0 < 0) | (j0 >= nv)] = 0
        cov1[(j0 < -1) | (j0 + 1 >= nv)] = 0
        pix1 = np.clip(pix0 + step, 0, size - 1)  # (their ink is 0)
        pix0 = np.clip(pix0, 0, size - 1)
    else:
        pix1 = pix0 + step
    return np.concatenate([pix0, pix1]), np.concatenate([cov0, cov1]), np.concatenate([tags, tags])


def coverage(pix: np.ndarray, cov: np.ndarray, size: int) -> np.ndarray:
    """Summed coverage per pixel, capped at 1 (float32, flat)."""
    acc = np.zeros(size, np.float32)
    np.add.at(acc, pix, cov)
    return np.minimum(acc, 1.0, out=acc)


# -- composition -----------------------------------------------------------------------------

def over(dst: np.ndarray, colour: int, alpha: np.ndarray) -> None:
    """Blend premultiplied ``colour`` at ``alpha`` (flat float32 per pixel) over ``dst`` (flat uint32), in place."""
    idx = np.flatnonzero(alpha > 0.002)
    if len(idx) == 0:
        return
    a8 = (alpha[idx] * 255 + 0.5).astype(np.uint16)
    src = np.array([(colour >> sh) & 255 for sh in (0, 8, 16, 24)], np.uint16)  # b, g, r, a bytes
    top = src[None, :] * a8[:, None]  # uint16: at most 255 * 255
    top += 128
    top += top >> 8
    top >>= 8
    dst[idx] = over_images(top.astype(np.uint8).view(np.uint32).reshape(-1), dst[idx])


def over_images(top: np.ndarray, bottom: np.ndarray) -> np.ndarray:
    """Premultiplied ``top`` over ``bottom`` (flat uint32 images of one size)."""
    keep = (255 - (top >> 24)).astype(np.uint16)
    b = bottom.view(np.uint8).reshape(-1, 4) * keep[:, None]  # uint16: at most 255 * 255
    b += 128
    b += b >> 8
    b >>= 8  # b * keep / 255, rounded
    res = top.view(np.uint8).reshape(-1, 4) + b.astype(np.uint8)  # premultiplied: never above 255
    return res.view(np.uint32).reshape(-1)


# -- markers ---------------------------------------------------------------------------------

def marker_sprite(shape: str, size: float, stroke_width: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pixel offsets (K, 2: dy, dx) of a marker, each pixel's coverage and the outline's share of it.

    The outline is centred on the shape's edge (as QPainter strokes it), so the marker
    reaches ``size / 2 + stroke_width / 2`` from its centre.
    """
    r = max(0.5, size / 2.0)
    sw = max(0.0, stroke_width)
    n = int(np.ceil(r + sw / 2 + 1))
    sub = (np.arange(4) + 0.5) / 4 - 0.5
    dy, dx = np.mgrid[-n:n + 1, -n:n + 1]
    fy = (dy[..., None, None] + sub[:, None]).reshape(*dy.shape, -1)
    fx = (dx[..., None, None] + sub[None, :]).reshape(*dx.shape, -1)

    def inside(rr: float) -> np.ndarray:
        if rr <= 0:
            return np.zeros(fx.shape, bool)
        if shape == "square":
            return (np.abs(fx) <= rr) & (np.abs(fy) <= rr)
        if shape == "diamond":
            return np.abs(fx) + np.abs(fy) <= rr
        if shape == "triangle":
            return (fy >= -rr) & (fy <= rr * 0.8) & (np.abs(fx) <= (fy + rr) * 0.5)  # as the QPainter marker
        if shape == "cross":
            w = max(0.5, sw / 2 if sw else 0.5)
            return ((np.abs(fx) <= w) | (np.abs(fy) <= w)) & (np.abs(fx) <= rr) & (np.abs(fy) <= rr)
        return fx * fx + fy * fy <= rr * rr

    if shape == "cross":  # a cross is all outline
        outer = inside(r)
        inner = np.zeros_like(outer)
    else:
        outer = inside(r + sw / 2)
        inner = inside(r - sw / 2) if sw > 0 else outer
    cover = outer.mean(axis=-1)
    stroke = (outer & ~inner).mean(axis=-1)
    m = cover > 0
    if not m.any():
        m[n, n] = True
        cover[n, n] = stroke[n, n] = 1.0
    share = np.where(m, stroke / np.maximum(cover, 1e-9), 0)
    return np.column_stack([dy[m], dx[m]]), cover[m].astype(np.float32), share[m].astype(np.float32)


def mix(fill: int, stroke: int, cover: np.ndarray, share: np.ndarray) -> np.ndarray:
    """Premultiplied colours of sprite pixels: ``cover`` of (outline ``share``, fill the rest)."""
    f = np.array([(fill >> sh) & 255 for sh in (0, 8, 16, 24)], np.float32)
    s = np.array([(stroke >> sh) & 255 for sh in (0, 8, 16, 24)], np.float32)
    c = cover[:, None] * (share[:, None] * s + (1 - share[:, None]) * f)
    return (c + 0.5).astype(np.uint8).view(np.uint32).reshape(-1)


def row_runs(offsets: np.ndarray) -> list[tuple[int, int, int]]:
    """A sprite's pixels as horizontal runs (dy, dx_first, dx_last), one per row.

    Every marker shape has one run per row (the cross's rows are full or its bar).
    """
    runs = []
    for dy in sorted(set(offsets[:, 0].tolist())):
        dx = offsets[offsets[:, 0] == dy, 1]
        runs.append((dy, int(dx.min()), int(dx.max())))
    return runs


#: :func:`stamp_max` works in bands of this many rows: its running maxima stay in cache.
BAND_ROWS = 64


def stamp_max(targets: list[tuple[np.ndarray, list[tuple[int, int, int]]]], centres: np.ndarray,
              margin: int) -> None:
    """``z = max(z, centres spread over the sprite)`` in place, for each (z, runs) in ``targets``.

    Horizontal running maxima of each run length are built by doubling (a run of 7 costs
    three passes) and shared by the targets, then each row of a sprite is one shifted maximum.
    The image is done in bands of :data:`BAND_ROWS` rows, so the maxima (one band-sized array
    per run length) stay small and in cache instead of one image-sized array each.
    """
    h, w = targets[0][0].shape
    for y0 in range(0, h, BAND_ROWS):
        y1 = min(h, y0 + BAND_ROWS)
        spans: dict[int, np.ndarray] = {1: centres[y0:y1 + 2 * margin]}

        def span(n: int) -> np.ndarray:  # span(n)[:, x] = max(band[:, x:x + n]); wp - n + 1 columns
            if n not in spans:
                p = 1 << (n.bit_length() - 1)
                a = span(n // 2) if p == n else span(p)
                k = n // 2 if p == n else n - p
                spans[n] = np.maximum(a[:, : a.shape[1] - k], a[:, k:])
            return spans[n]

        for z, runs in targets:
            zb = z[y0:y1]
            for dy, lo, hi in runs:
                src = span(hi - lo + 1)
                # z[y, x] takes centres at (y - dy, x - hi .. x - lo): span starting at column x - hi
                r0, c0 = margin - dy, margin - hi
                np.maximum(zb, src[r0:r0 + (y1 - y0), c0:c0 + w], out=zb)


def resolve_markers(zs: np.ndarray, za: np.ndarray, cells, code: np.ndarray, colour: np.ndarray,
                    count: int | None = None) -> np.ndarray:
    """The ARGB32 image (flat) of stamped markers, edges of upper markers blended over lower ones.

    ``zs``/``za`` hold per pixel the topmost marker (draw order + 1) whose solid part /
    whole sprite covers it (so ``za >= zs``); ``cells(ids)`` gives the centre pixels
    (columns, rows) of the markers ``ids`` (0-based), ``code`` each marker's class, and
    ``colour[code, half + dy, half + dx]`` the premultiplied colour, coverage included, of
    the sprite's pixel at (dy, dx). With ``count`` (the number of markers) at most the
    image's pixels, every marker's lookup start is computed once, in order; with more, only
    the markers that show are looked up again (no per-marker array for 10,000,000 points).
    """
    h, w = za.shape
    side = colour.shape[1]
    half = side // 2
    # lut[at] is the marker's colour at pixel (row, col), at = base + row * side + col with
    # base = code * side**2 + (half - cy) * side + (half - cx); no marker points into zeros
    core = colour.reshape(-1)
    lut = np.concatenate([core, np.zeros((h - 1) * side + w, np.uint32)])
    fa, fs = za.reshape(-1), zs.reshape(-1)
    pos = (np.arange(h, dtype=np.int32)[:, None] * np.int32(side) + np.arange(w, dtype=np.int32)[None, :]).reshape(-1)

    def start(ids, cx, cy) -> np.ndarray:
        return (code[ids].astype(np.int32) * np.int32(side) + (half - cy)) * np.int32(side) + (half - cx)

    base = None
    if count is not None and count <= h * w:
        base = np.empty(count + 1, np.int32)
        base[0] = len(core)  # marker 0 (none) points into zeros
        for a in range(0, count, 1 << 20):
            ids = slice(a, min(count, a + (1 << 20)))
            base[a + 1: ids.stop + 1] = start(ids, *cells(ids))

    def where(marks: np.ndarray, pix: np.ndarray | None = None) -> np.ndarray:
        if base is not None:
            at = base[marks]
        else:
            at = np.full(len(marks), len(core), np.int32)
            hit = np.flatnonzero(marks)
            for a in range(0, len(hit), 1 << 20):  # in chunks: the temporaries stay small
                sel = hit[a:a + (1 << 20)]
                ids = marks[sel] - 1
                at[sel] = start(ids, *cells(ids))
        at += pos if pix is None else pos[pix]
        return at

    top = lut[where(fa)]
    part = np.flatnonzero(fs != fa)  # the topmost marker only partly covers these pixels
    if len(part):
        top[part] = over_images(top[part], lut[where(fs[part], part)])
    return top


__all__ = ["stroke_samples", "coverage", "over", "over_images", "marker_sprite", "mix", "row_runs", "stamp_max",
           "resolve_markers",
           "polygon_spans"]


# -- polygon fills ---------------------------------------------------------------------------

def polygon_spans(px: np.ndarray, offsets: np.ndarray, ring_poly: np.ndarray, poly_tag: np.ndarray,
                  width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixels inside each polygon (even-odd over its rings), in polygon order.

    Returns
    -------
    pix, tag : flat pixel indices and the polygon's tag, polygon after polygon, so a plain
        assignment ``img[pix] = tag`` leaves the last (topmost) polygon in each pixel.
    """
    x = np.ascontiguousarray(px[:, 0], np.float32)
    y = np.ascontiguousarray(px[:, 1], np.float32)
    lengths = np.diff(offsets)
    ring_of_vertex = np.repeat(np.arange(len(lengths)), lengths)
    e = np.flatnonzero(ring_of_vertex[:-1] == ring_of_vertex[1:])
    er = ring_of_vertex[e]
    keep = poly_tag[ring_poly[er]] > 0
    e, er = e[keep], er[keep]
    x0, x1, y0, y1 = x[e], x[e + 1], y[e], y[e + 1]
    j0 = np.clip(np.ceil(np.minimum(y0, y1) - 0.5), 0, height).astype(np.int64)
    j1 = np.clip(np.ceil(np.maximum(y0, y1) - 0.5), 0, height).astype(np.int64)
    n = j1 - j0
    live = np.flatnonzero(n > 0)  # edges crossing a row's centre
    if len(live) == 0:
        return np.empty(0, np.int64), np.empty(0, poly_tag.dtype)
    if len(live) < len(n):
        x0, x1, y0, y1, j0, n, er = x0[live], x1[live], y0[live], y1[live], j0[live], n[live], er[live]
    total = int(n.sum())
    # per edge, then repeated over its rows (np.repeat is quicker than a gather by edge number)
    first = np.zeros(len(n), np.int64)
    np.cumsum(n[:-1], out=first[1:])
    row = np.repeat(j0 - first, n)
    row += np.arange(total, dtype=np.int64)
    dxdy = (x1 - x0) / (y1 - y0)  # rows crossed: y1 != y0
    xc = np.repeat(x0, n)
    xc += (row.astype(np.float32) + np.float32(0.5) - np.repeat(y0, n)) * np.repeat(dxdy, n)
    col = np.clip(np.ceil(xc - 0.5), 0, width).astype(np.int64)
    key = np.repeat(ring_poly[er] * np.int64(height), n)
    key += row
    key *= width + 1
    key += col
    key.sort(kind="stable")  # edges come in runs of rows: a merge sort is quick
    col = key % (width + 1)
    rest = key // (width + 1)
    a, b = col[0::2], col[1::2]
    row_a = rest[0::2] % height
    poly_a = rest[0::2] // height
    span = b - a
    start = np.zeros(len(span), np.int64)
    np.cumsum(span[:-1], out=start[1:])
    pix = np.repeat(row_a * width + a - start, span)  # row start + column, run after run
    pix += np.arange(len(pix), dtype=np.int64)
    return pix, np.repeat(poly_tag[poly_a], span)



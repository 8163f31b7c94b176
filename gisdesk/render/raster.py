"""Draw a single-band raster with a colour ramp; nodata is transparent.

Only the cells the view needs are read, from the overview level nearest the view's
resolution (no coarser than it). Repeat renders reuse what earlier ones did: open
datasets stay open (one per file and overview level, reopened when the file changes)
and decoded blocks of 256 x 256 cells stay in a bounded cache, so a pan or a redraw
decodes only the blocks it has not seen. A raster in another CRS is read in its own
CRS around the view and warped to it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from gisdesk.core.style import RasterStyle, parse_color
from gisdesk.render.colour_raster import draw_own_colours
from gisdesk.render.vector import array_image
from gisdesk.render.view import MapView, reproject_bbox

BLOCK = 256
#: Decoded blocks kept, all files together (bytes).
BLOCK_CACHE_BYTES = 128 * 1024 * 1024
#: Files kept open.
MAX_OPEN_FILES = 8


def ramp_lut(style: RasterStyle, steps: int = 256) -> tuple[np.ndarray, float, float]:
    """A lookup table of ``steps`` premultiplied colours spanning the ramp, and its value range."""
    values = np.array([v for v, _ in style.stops], float)
    cols = np.array([parse_color(c) for _, c in style.stops], float)
    lo, hi = float(values[0]), float(values[-1])
    t = np.linspace(lo, hi, steps)
    rgba = np.column_stack([np.interp(t, values, cols[:, i]) for i in range(4)])
    a = rgba[:, 3] * style.opacity
    r, g, b = (rgba[:, i] * a / 255 for i in range(3))
    lut = (a.astype(np.uint32) << 24) | (r.astype(np.uint32) << 16) | (g.astype(np.uint32) << 8) | b.astype(np.uint32)
    return lut, lo, hi


def colour_cells(values: np.ndarray, valid: np.ndarray, style: RasterStyle) -> np.ndarray:
    """ARGB32 colours of raster cells; invalid cells are transparent."""
    lut, lo, hi = ramp_lut(style)
    lut = np.r_[lut, np.uint32(0)]  # the last entry: transparent, for invalid cells
    n = len(lut) - 2
    span = hi - lo if hi > lo else 1.0
    idx = np.subtract(values, lo, dtype=np.float32)
    idx *= np.float32(n / span)
    np.clip(idx, 0, n, out=idx)
    idx[~valid] = n + 1  # NaN cells are invalid too
    return lut[idx.astype(np.int32)]


class _Source:
    """One raster file: its datasets per overview level (opened on first use) and their lock."""

    def __init__(self, path: Path) -> None:
        import rasterio

        self.path = path
        self.lock = threading.Lock()  # a GDAL dataset serves one thread at a time
        base = rasterio.open(path)
        self.levels: dict[int, object] = {-1: base}  # -1: full resolution; k: overview k
        self.crs = base.crs.to_string() if base.crs else None
        self.nodata = base.nodata
        self.factors = list(base.overviews(1)) if base.count else []
        self.res = abs(base.transform.a)

    def level(self, k: int):
        ds = self.levels.get(k)
        if ds is None:
            import rasterio

            ds = self.levels[k] = rasterio.open(self.path, overview_level=k)
        return ds

    def close(self) -> None:
        for ds in self.levels.values():
            ds.close()
        self.levels.clear()


_LOCK = threading.Lock()
_SOURCES: OrderedDict[tuple, _Source] = OrderedDict()
_BLOCKS: OrderedDict[tuple, np.ndarray] = OrderedDict()
_BLOCK_BYTES = 0


def _source(path) -> _Source:
    """The open source of ``path``; a file rewritten since (time or size changed) is opened anew."""
    p = Path(path).resolve()
    st = p.stat()
    key = (str(p), st.st_mtime_ns, st.st_size)
    with _LOCK:
        src = _SOURCES.get(key)
        if src is not None:
            _SOURCES.move_to_end(key)
            return src
    src = _Source(p)
    with _LOCK:
        kept = _SOURCES.setdefault(key, src)
        old = [_SOURCES.pop(k) for k in list(_SOURCES) if k[0] == key[0] and k != key]  # the file changed
        while len(_SOURCES) > MAX_OPEN_FILES:
            old.append(_SOURCES.popitem(last=False)[1])
    for s in old:
        with s.lock:
            s.close()
    if kept is not src:
        src.close()
    return kept


def clear_cache() -> None:
    """Close every open raster and drop the decoded blocks."""
    global _BLOCK_BYTES
    with _LOCK:
        sources = list(_SOURCES.values())
        _SOURCES.clear()
        _BLOCKS.clear()
        _BLOCK_BYTES = 0
    for s in sources:
        with s.lock:
            s.close()


def _block(src: _Source, k: int, by: int, bx: int) -> np.ndarray:
    """Decoded cells of block (by, bx) of level ``k`` (cached)."""
    global _BLOCK_BYTES
    key = (str(src.path), id(src), k, by, bx)
    with _LOCK:
        hit = _BLOCKS.get(key)
        if hit is not None:
            _BLOCKS.move_to_end(key)
            return hit
    from rasterio.windows import Window

    with src.lock:
        ds = src.level(k)
        h = min(BLOCK, ds.height - by * BLOCK)
        w = min(BLOCK, ds.width - bx * BLOCK)
        data = ds.read(1, window=Window(bx * BLOCK, by * BLOCK, w, h))
    with _LOCK:
        if key not in _BLOCKS:
            _BLOCKS[key] = data
            _BLOCK_BYTES += data.nbytes
            while _BLOCK_BYTES > BLOCK_CACHE_BYTES and len(_BLOCKS) > 1:
                _BLOCK_BYTES -= _BLOCKS.popitem(last=False)[1].nbytes
    return data


def _pick_level(src: _Source, resolution: float) -> int:
    """The coarsest overview whose cells are no bigger than the view's pixels (-1: full resolution)."""
    best = -1
    for k, f in enumerate(src.factors):
        if src.res * f <= resolution * 1.0001:
            best = k
    return best


def _sample(src: _Source, view: MapView) -> np.ndarray:
    """Cell values at the view's pixel centres (nearest cell), NaN outside the raster."""
    k = _pick_level(src, view.resolution)
    with src.lock:
        ds = src.level(k)
        t, height, width = ds.transform, ds.height, ds.width
    res = view.resolution
    xs = view.minx + (np.arange(view.width) + 0.5) * res
    ys = view.maxy - (np.arange(view.height) + 0.5) * res
    cols = np.floor((xs - t.c) / t.a).astype(np.int64)
    rows = np.floor((ys - t.f) / t.e).astype(np.int64)
    out = np.full((view.height, view.width), np.nan, np.float32)
    ci = np.flatnonzero((cols >= 0) & (cols < width))
    ri = np.flatnonzero((rows >= 0) & (rows < height))
    if len(ci) == 0 or len(ri) == 0:
        return out
    c0, c1 = int(cols[ci].min()), int(cols[ci].max())
    r0, r1 = int(rows[ri].min()), int(rows[ri].max())
    b0, b1 = r0 // BLOCK, r1 // BLOCK
    a0, a1 = c0 // BLOCK, c1 // BLOCK
    mosaic = _mosaic(src, k, b0, b1, a0, a1)
    out[np.ix_(ri, ci)] = mosaic[(rows[ri] - b0 * BLOCK)[:, None], (cols[ci] - a0 * BLOCK)[None, :]]
    return out


def _mosaic(src: _Source, k: int, b0: int, b1: int, a0: int, a1: int) -> np.ndarray:
    """Blocks b0..b1 x a0..a1 of level ``k`` side by side; the last one is kept for a repeat of the view."""
    key = (k, b0, b1, a0, a1)
    last = getattr(src, "last_mosaic", None)
    if last is not None and last[0] == key:
        return last[1]
    mosaic = np.empty(((b1 - b0 + 1) * BLOCK, (a1 - a0 + 1) * BLOCK), np.float32)
    for by in range(b0, b1 + 1):  # a loop per block of 256 x 256 cells, not per cell
        for bx in range(a0, a1 + 1):
            blk = _block(src, k, by, bx)
            y, x = (by - b0) * BLOCK, (bx - a0) * BLOCK
            mosaic[y:y + blk.shape[0], x:x + blk.shape[1]] = blk
    src.last_mosaic = (key, mosaic)
    return mosaic


def draw_raster(view: MapView, path, style: RasterStyle) -> QImage:
    """The raster at ``path`` drawn for ``view``."""
    if (own := draw_own_colours(view, path, style)) is not None:  # basemaps, RGB(A) images
        return own
    src = _source(path)
    src_crs = src.crs or view.crs
    nodata = src.nodata
    if _same_crs(src_crs, view.crs):
        last = getattr(src, "last_view", None)  # a redraw of the same view (a style change): reuse its cells
        if last is not None and last[0] == view:
            data = last[1]
        else:
            data = _sample(src, view)
            src.last_view = (view, data)
    else:
        data = _warped(src, src_crs, view)
    valid = np.isfinite(data)
    if nodata is not None:
        valid &= data != nodata
    return array_image(colour_cells(data, valid, style))


def _warped(src: _Source, src_crs: str, view: MapView) -> np.ndarray:
    from rasterio.enums import Resampling
    from rasterio.transform import from_bounds
    from rasterio.warp import reproject
    from rasterio.windows import from_bounds as window_from_bounds

    bbox = reproject_bbox(view.bbox, view.crs, src_crs)
    shape = (view.height, view.width)
    fill = src.nodata if src.nodata is not None else np.nan
    with src.lock:
        ds = src.level(-1)
        window = window_from_bounds(*bbox, transform=ds.transform)
        data = ds.read(1, window=window, out_shape=shape, resampling=Resampling.nearest,
                       boundless=True, fill_value=fill, masked=False).astype(np.float64)
    dst = np.full(shape, np.nan)
    reproject(data, dst, src_transform=from_bounds(*bbox, shape[1], shape[0]), src_crs=src_crs,
              dst_transform=from_bounds(*view.bbox, view.width, view.height), dst_crs=view.crs,
              src_nodata=fill, dst_nodata=np.nan, resampling=Resampling.nearest)
    return dst


def _same_crs(a: str, b: str) -> bool:
    from gisdesk.render.view import transformer

    return transformer(a, b) is None


__all__ = ["draw_raster", "ramp_lut", "colour_cells", "clear_cache"]

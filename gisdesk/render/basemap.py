"""Draw an offline basemap (an MBTiles or PMTiles package of Web Mercator tiles) for any map view.

How a view is drawn:

1. **Where the view lies in Web Mercator.** The centres of a coarse grid of the view's pixels
   (every :data:`GRID_STEP` pixels, and the last row and column) are transformed from the
   map CRS to EPSG:3857 with pyproj; only these few thousand points go through PROJ.
2. **Zoom level.** The tiles whose pixels are nearest in size to the view's pixels
   (:func:`zoom_for_resolution`: ``round(log2(156543.03 / resolution))`` for 256-pixel tiles),
   clamped to the package's zoom range: beyond its last level the last one is enlarged.
3. **Mosaic.** The tiles covering the view (clipped to the package's bounds) are read and
   decoded once each into a :class:`TileCache` (an LRU of decoded tiles shared by every
   render, so panning decodes only the new tiles) and laid side by side.
4. **Warp.** The mosaic sample position of every view pixel is interpolated bilinearly from
   the coarse grid (numpy, two passes), and the mosaic is sampled bilinearly on its
   premultiplied ARGB pixels (two colour channels per 32-bit integer). The same path serves a
   Web Mercator map, where the mapping is a plain scale and shift.

Tiles are read on the render job's thread (:meth:`gisdesk.render.renderer.Renderer.submit`),
never on the GUI thread. A tile that cannot be decoded is left transparent and reported once
(:func:`take_warnings`); it never stops the map.
"""

from __future__ import annotations

import logging
import math
import os
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from gisdesk.render.vector import array_image
from gisdesk.render.view import MapView, transformer
from gisdesk.store.tiles import MERC_HALF, TileSource, open_tiles

log = logging.getLogger(__name__)

#: Pixels between the points of the coarse grid sent through PROJ.
GRID_STEP = 32
#: A view needing more tiles than this is drawn from a coarser zoom level.
MAX_TILES = 400
_MERC = "EPSG:3857"


def zoom_for_resolution(resolution: float, minzoom: int = 0, maxzoom: int = 24, tile_size: int = 256) -> int:
    """The zoom level whose tile pixels are nearest in size (on a log scale) to ``resolution``.

    Parameters
    ----------
    resolution : float
        Web Mercator metres per view pixel.
    minzoom, maxzoom : int
        The package's zoom range; the answer is clamped to it.
    tile_size : int
        Tile width in pixels.
    """
    if not (resolution > 0 and math.isfinite(resolution)):
        return minzoom
    z = round(math.log2(2 * MERC_HALF / tile_size / resolution))
    return int(min(max(z, minzoom), maxzoom))


def merc_resolution_for_scale(scale: float, latitude: float, dpi: float = 96.0) -> float:
    """Web Mercator metres per pixel of a map at 1:``scale`` on a ``dpi`` screen at ``latitude`` degrees."""
    ground = scale * 0.0254 / dpi
    return ground / math.cos(math.radians(latitude))


class TileCache:
    """An LRU of decoded tiles, (H, W) uint32 premultiplied ARGB arrays, shared by all renders.

    A tile that could not be decoded is remembered as None (and reported once).
    :attr:`decodes` counts the tiles decoded so far.
    """

    def __init__(self, max_tiles: int = 256) -> None:
        self.max_tiles = max_tiles
        self.decodes = 0
        self._tiles: OrderedDict[tuple, np.ndarray | None] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, source: TileSource, key: tuple, z: int, x: int, y: int) -> np.ndarray | None:
        """Tile ``z/x/y`` of ``source`` decoded (None when absent or not decodable)."""
        k = (key, z, x, y)
        with self._lock:
            if k in self._tiles:
                self._tiles.move_to_end(k)
                return self._tiles[k]
        data = source.tile(z, x, y)
        arr = None
        if data:
            arr = decode_tile(data)
            with self._lock:
                self.decodes += 1
            if arr is None:
                _warn(f"{source.path.name}: tile {z}/{x}/{y} could not be decoded; it was skipped")
        with self._lock:
            self._tiles[k] = arr
            while len(self._tiles) > self.max_tiles:
                self._tiles.popitem(last=False)
        return arr

    def clear(self) -> None:
        with self._lock:
            self._tiles.clear()


def decode_tile(data: bytes) -> np.ndarray | None:
    """PNG/JPEG/WebP bytes as an (H, W) uint32 premultiplied ARGB array, or None when not an image."""
    img = QImage.fromData(data)
    if img.isNull():
        return None
    img = img.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    h, w, bpl = img.height(), img.width(), img.bytesPerLine()
    return np.frombuffer(img.constBits(), np.uint32, count=h * bpl // 4).reshape(h, bpl // 4)[:, :w].copy()


#: The process's tile cache (decoded tiles of every basemap).
CACHE = TileCache()
_sources: dict[tuple, TileSource] = {}
_sources_lock = threading.Lock()
_local = threading.local()


def _warn(message: str) -> None:
    log.warning(message)
    _local.__dict__.setdefault("warnings", []).append(message)


def take_warnings() -> list[str]:
    """The messages of the tiles this thread skipped since the last call (and forget them)."""
    out = _local.__dict__.get("warnings", [])
    _local.warnings = []
    return out


def source_for(path: str | os.PathLike[str]) -> tuple[TileSource, tuple]:
    """The open tile package at ``path`` and its cache key (re-opened when the file changes)."""
    p = Path(path).resolve()
    st = p.stat()
    key = (str(p), st.st_mtime_ns, st.st_size)
    with _sources_lock:
        src = _sources.get(key)
        if src is None:
            for old in [k for k in _sources if k[0] == key[0]]:
                _sources.pop(old).close()
            src = _sources[key] = open_tiles(p)
    return src, key


def draw_basemap(view: MapView, path: str | os.PathLike[str], cache: TileCache | None = None) -> QImage:
    """The tile package at ``path`` drawn for ``view`` (any CRS); transparent where it has no tiles."""
    cache = CACHE if cache is None else cache
    src, key = source_for(path)
    argb = warp_tiles(view, src, key, cache)
    return array_image(argb)


def _grid(n: int, step: int) -> np.ndarray:
    """Pixel-centre positions of the coarse grid along an axis of ``n`` pixels (first and last included)."""
    return np.unique(np.r_[np.arange(0.5, n, step), n - 0.5])


def warp_tiles(view: MapView, src: TileSource, key: tuple, cache: TileCache) -> np.ndarray:
    """The view's (H, W) premultiplied ARGB pixels sampled from ``src``'s tiles."""
    W, H = view.width, view.height
    gx, gy = _grid(W, GRID_STEP), _grid(H, GRID_STEP)
    res = view.resolution
    mx, my = np.meshgrid(view.minx + gx * res, view.maxy - gy * res)
    t = transformer(view.crs, _MERC)
    if t is not None:
        with np.errstate(all="ignore"):
            mx, my = t.transform(mx, my)
        mx, my = np.asarray(mx, float), np.asarray(my, float)
        bad = ~(np.isfinite(mx) & np.isfinite(my))
        mx[bad], my[bad] = np.nan, np.nan
    out = np.zeros((H, W), np.uint32)
    if not np.isfinite(mx).any():
        return out
    info = src.info
    z = zoom_for_resolution(_merc_resolution(mx, my, gx, gy), info.minzoom, info.maxzoom)
    while True:
        span = 2 * MERC_HALF / (1 << z)
        x0, x1, y0, y1 = _tile_range(mx, my, span, z, info.bounds)
        if x1 < x0 or y1 < y0:
            return out
        if (x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_TILES or z <= info.minzoom:
            break
        z -= 1
    if (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES:
        _warn(f"{src.path.name}: the view needs more than {MAX_TILES} tiles at its first zoom level; not drawn")
        return out
    mosaic, ts = _mosaic(src, key, cache, z, x0, x1, y0, y1)
    if mosaic is None:
        return out
    tres = span / ts
    u = (mx - (-MERC_HALF + x0 * span)) / tres - 0.5  # mosaic pixel columns, centres at integers
    v = ((MERC_HALF - y0 * span) - my) / tres - 0.5
    U, V = _densify(u, gx, gy, W, H), _densify(v, gx, gy, W, H)
    return _sample(mosaic, U, V)


def _merc_resolution(mx: np.ndarray, my: np.ndarray, gx: np.ndarray, gy: np.ndarray) -> float:
    """Web Mercator metres per view pixel near the view's centre (from the coarse grid)."""
    if mx.shape[1] < 2:
        return float("nan")
    r, c = mx.shape[0] // 2, min(mx.shape[1] // 2, mx.shape[1] - 2)
    d = math.hypot(mx[r, c + 1] - mx[r, c], my[r, c + 1] - my[r, c]) / (gx[c + 1] - gx[c])
    if math.isfinite(d):
        return d
    dx = np.hypot(np.diff(mx, axis=1), np.diff(my, axis=1)) / np.diff(gx)
    return float(np.nanmedian(dx)) if np.isfinite(dx).any() else float("nan")


def _tile_range(mx: np.ndarray, my: np.ndarray, span: float, z: int,
                bounds: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """Columns x0..x1 and rows y0..y1 (XYZ) of the tiles at zoom ``z`` covering the grid, within ``bounds``."""
    n = (1 << z) - 1
    margin = span / 256 * 2
    X0, X1 = np.nanmin(mx) - margin, np.nanmax(mx) + margin
    Y0, Y1 = np.nanmin(my) - margin, np.nanmax(my) + margin
    bx0, by0 = _lonlat_merc(bounds[0], bounds[1])
    bx1, by1 = _lonlat_merc(bounds[2], bounds[3])
    X0, X1, Y0, Y1 = max(X0, bx0), min(X1, bx1), max(Y0, by0), min(Y1, by1)
    if X1 <= X0 or Y1 <= Y0:
        return 0, -1, 0, -1
    col = lambda X: int(min(max(math.floor((X + MERC_HALF) / span), 0), n))  # noqa: E731
    row = lambda Y: int(min(max(math.floor((MERC_HALF - Y) / span), 0), n))  # noqa: E731
    return col(X0), col(X1), row(Y1), row(Y0)


def _lonlat_merc(lon: float, lat: float) -> tuple[float, float]:
    lat = min(max(lat, -85.0511287798066), 85.0511287798066)
    x = math.radians(lon) * 6378137.0
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * 6378137.0
    return x, y


def _mosaic(src: TileSource, key: tuple, cache: TileCache, z: int, x0: int, x1: int, y0: int,
            y1: int) -> tuple[np.ndarray | None, int]:
    """The tiles x0..x1, y0..y1 side by side (transparent where absent) and the tile size."""
    tiles = {(x, y): cache.get(src, key, z, x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)}
    sizes = [a.shape[0] for a in tiles.values() if a is not None]
    if not sizes:
        return None, 256
    ts = max(set(sizes), key=sizes.count)
    mosaic = np.zeros(((y1 - y0 + 1) * ts, (x1 - x0 + 1) * ts), np.uint32)
    for (x, y), a in tiles.items():
        if a is None:
            continue
        if a.shape != (ts, ts):  # a tile of another size: enlarge or shrink it by nearest neighbour
            idx = (np.arange(ts) * a.shape[0] // ts)
            a = a[idx][:, (np.arange(ts) * a.shape[1] // ts)]
        r, c = (y - y0) * ts, (x - x0) * ts
        mosaic[r:r + ts, c:c + ts] = a
    return mosaic, ts


def _weights(g: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """For the pixel centres 0.5..n-0.5: the coarse-grid interval index and the position within it."""
    p = np.arange(n) + 0.5
    j = np.clip(np.searchsorted(g, p, side="right") - 1, 0, max(len(g) - 2, 0))
    if len(g) < 2:
        return j, np.zeros(n)
    return j, (p - g[j]) / (g[j + 1] - g[j])


def _densify(a: np.ndarray, gx: np.ndarray, gy: np.ndarray, W: int, H: int) -> np.ndarray:
    """Bilinear interpolation of a coarse-grid array (len(gy), len(gx)) to every pixel (H, W)."""
    cols = _interp_axis(a, gx, W)  # (len(gy), W)
    return _interp_axis(cols.T, gy, H).T


def _interp_axis(a: np.ndarray, g: np.ndarray, n: int) -> np.ndarray:
    """``a`` (rows, len(g)) interpolated along its last axis to ``n`` pixel centres."""
    j, t = _weights(g, n)
    if a.shape[-1] < 2:
        return np.repeat(a[..., :1], n, axis=-1)
    t = t.astype(np.float32)
    lo, hi = a[..., j].astype(np.float32), a[..., j + 1].astype(np.float32)
    return lo + (hi - lo) * t


def _lerp(a: np.ndarray, b: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Premultiplied ARGB ``a`` to ``b`` by ``t`` in 0..256 (two channels per 32-bit multiply)."""
    it = 256 - t
    rb = (((a & 0x00FF00FF) * it + (b & 0x00FF00FF) * t) >> 8) & 0x00FF00FF
    ag = (((a >> 8) & 0x00FF00FF) * it + ((b >> 8) & 0x00FF00FF) * t) & 0xFF00FF00
    return rb | ag


def _sample(mosaic: np.ndarray, U: np.ndarray, V: np.ndarray) -> np.ndarray:
    """Bilinear samples of ``mosaic`` at (U, V) (pixel centres at integers); transparent outside."""
    mh, mw = mosaic.shape
    with np.errstate(invalid="ignore"):
        inside = (U >= -0.5) & (U <= mw - 0.5) & (V >= -0.5) & (V <= mh - 0.5)
    U = np.where(inside, U, 0)
    V = np.where(inside, V, 0)
    u0 = np.floor(U)
    v0 = np.floor(V)
    tu = ((U - u0) * 256).astype(np.uint32)
    tv = ((V - v0) * 256).astype(np.uint32)
    u0 = u0.astype(np.intp)
    v0 = v0.astype(np.intp)
    ua, ub = np.clip(u0, 0, mw - 1), np.clip(u0 + 1, 0, mw - 1)
    va, vb = np.clip(v0, 0, mh - 1), np.clip(v0 + 1, 0, mh - 1)
    flat = mosaic.ravel()
    ra, rb = va * mw, vb * mw
    top = _lerp(flat[ra + ua], flat[ra + ub], tu)
    bottom = _lerp(flat[rb + ua], flat[rb + ub], tu)
    out = _lerp(top, bottom, tv)
    out[~inside] = 0
    return out


__all__ = ["draw_basemap", "warp_tiles", "zoom_for_resolution", "merc_resolution_for_scale", "TileCache",
           "decode_tile", "take_warnings", "source_for", "CACHE", "GRID_STEP", "MAX_TILES"]

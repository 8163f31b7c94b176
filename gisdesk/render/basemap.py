"""Draw an offline basemap (an MBTiles or PMTiles package of Web Mercator tiles) for any map view.

How a view is drawn:

1. **Where the view lies in Web Mercator.** The centres of a coarse grid of the view's pixels
   (every :data:`GRID_STEP` pixels, and the last row and column) are transformed from the
   map CRS to EPSG:3857 with pyproj; only these few hundred points go through PROJ.
2. **Zoom level.** The tiles whose pixels are nearest in size to the view's pixels
   (:func:`zoom_for_resolution`: ``round(log2(156543.03 / resolution))`` for 256-pixel tiles, one
   level coarser for 512-pixel ones), clamped to the package's zoom range: beyond its last level
   the last one is enlarged.
3. **Mosaic.** The tiles covering the view (clipped to the package's bounds) are read and
   decoded once each into a :class:`TileCache` (an LRU of decoded tiles shared by every
   render, so panning decodes only the new tiles) and laid side by side.
4. **Warp.** The view is cut into cells of the coarse grid; in each, the mapping from view
   pixels to mosaic pixels is the affine map fitted to the cell's corners (its error against the
   true reprojection is far below a pixel over :data:`GRID_STEP` pixels), and Qt draws the mosaic
   through it, clipped to the cell, with bilinear filtering: a piecewise-affine inverse mapping.
   A Web Mercator map is the same path with one scale-and-shift everywhere.

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

from gisdesk.render.view import MapView, transformer
from gisdesk.store.tiles import MERC_HALF, TileSource, open_tiles

log = logging.getLogger(__name__)

#: Pixels between the points of the coarse grid sent through PROJ (and the size of the warp's affine pieces).
GRID_STEP = 128
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
        self.sizes: dict[tuple, int] = {}  # tile width per package
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
    return warp_tiles(view, src, key, cache)


def _grid(n: int, step: int) -> np.ndarray:
    """Pixel-centre positions of the coarse grid along an axis of ``n`` pixels (first and last included)."""
    return np.unique(np.r_[np.arange(0.5, n, step), n - 0.5])


def warp_tiles(view: MapView, src: TileSource, key: tuple, cache: TileCache) -> QImage:
    """The view drawn from ``src``'s tiles (transparent where there are none)."""
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
    out = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(0)
    if not np.isfinite(mx).any():
        return out
    info = src.info
    res_merc = _merc_resolution(mx, my, gx, gy)
    z = zoom_for_resolution(res_merc, info.minzoom, info.maxzoom)
    size = _tile_size(src, key, cache, mx, my, z)
    if size != 256:  # 512-pixel (or other) tiles: the level whose pixels match for their size
        z = zoom_for_resolution(res_merc, info.minzoom, info.maxzoom, tile_size=size)
    picked = _pick_tiles(src, key, cache, mx, my, z)
    if picked is None:
        return out
    z, (x0, y0), ts, mosaic = picked
    span = 2 * MERC_HALF / (1 << z)
    tres = span / ts
    # Qt image coordinates of the mosaic (its pixel k covers [k, k + 1)) at the grid's view pixel centres
    u = (mx - (-MERC_HALF + x0 * span)) / tres
    v = ((MERC_HALF - y0 * span) - my) / tres
    return _paint_blocks(mosaic, u, v, gx, gy, W, H)


def _tile_size(src: TileSource, key: tuple, cache: TileCache, mx: np.ndarray, my: np.ndarray, z: int) -> int:
    """The pixel size of the package's tiles (256 until one is found): the first tile of the view at
    level ``z``, in the order the mosaic reads them, so it is not decoded twice; kept in the cache."""
    if key in cache.sizes:
        return cache.sizes[key]
    x0, x1, y0, y1 = _tile_range(mx, my, 2 * MERC_HALF / (1 << z), z, src.info.bounds)
    for y in range(y0, min(y1, y0 + 3) + 1):
        for x in range(x0, min(x1, x0 + 3) + 1):
            tile = cache.get(src, key, z, x, y)
            if tile is not None:
                cache.sizes[key] = int(tile.shape[1])
                return cache.sizes[key]
    return 256


def _pick_tiles(src: TileSource, key: tuple, cache: TileCache, mx: np.ndarray, my: np.ndarray,
                z: int) -> tuple[int, tuple[int, int], int, np.ndarray] | None:
    """Zoom, first column and row, tile size and mosaic of the tiles covering the grid (from level ``z``
    down while more than :data:`MAX_TILES` are needed); None when there are none."""
    info = src.info
    while True:
        span = 2 * MERC_HALF / (1 << z)
        x0, x1, y0, y1 = _tile_range(mx, my, span, z, info.bounds)
        if x1 < x0 or y1 < y0:
            return None
        if (x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_TILES or z <= info.minzoom:
            break
        z -= 1
    if (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES:
        _warn(f"{src.path.name}: the view needs more than {MAX_TILES} tiles at its first zoom level; not drawn")
        return None
    mosaic, ts = _mosaic(src, key, cache, z, x0, x1, y0, y1)
    return None if mosaic is None else (z, (x0, y0), ts, mosaic)


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
    cols = np.clip(np.floor((np.array([X0, X1]) + MERC_HALF) / span), 0, n).astype(int)
    rows = np.clip(np.floor((MERC_HALF - np.array([Y1, Y0])) / span), 0, n).astype(int)
    return int(cols[0]), int(cols[1]), int(rows[0]), int(rows[1])


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


def _paint_blocks(mosaic: np.ndarray, u: np.ndarray, v: np.ndarray, gx: np.ndarray, gy: np.ndarray, W: int,
                  H: int) -> QImage:
    """The mosaic drawn into a W x H image, one affine piece per grid cell (Qt's bilinear drawImage).

    In each cell the mapping from view pixels to mosaic pixels is the affine map fitted (least
    squares) to the cell's four corners; over :data:`GRID_STEP` pixels its error against the true
    reprojection is far below a pixel. Cells with a corner outside the projection stay transparent.
    """
    from PySide6.QtGui import QPainter, QTransform

    mh, mw = mosaic.shape
    src = QImage(mosaic.data, mw, mh, 4 * mw, QImage.Format.Format_ARGB32_Premultiplied)
    out = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(0)
    # view pixel edges of the cells: half-way between nodes, the image edges outside
    ex = np.r_[0.0, (gx[1:-1]), float(W)] if len(gx) > 1 else np.array([0.0, float(W)])
    ey = np.r_[0.0, (gy[1:-1]), float(H)] if len(gy) > 1 else np.array([0.0, float(H)])
    p = QPainter(out)
    try:
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for j in range(max(len(gy) - 1, 1)):
            j1 = min(j + 1, len(gy) - 1)
            for i in range(max(len(gx) - 1, 1)):
                i1 = min(i + 1, len(gx) - 1)
                cu = u[[j, j, j1, j1], [i, i1, i, i1]]
                cv = v[[j, j, j1, j1], [i, i1, i, i1]]
                if not (np.isfinite(cu).all() and np.isfinite(cv).all()):
                    continue
                g = _view_from_mosaic(gx[[i, i1, i, i1]], gy[[j, j, j1, j1]], cu, cv)
                if g is None:
                    continue
                x0, x1 = int(round(ex[i])), int(round(ex[i + 1] if i + 1 < len(ex) else W))
                y0, y1 = int(round(ey[j])), int(round(ey[j + 1] if j + 1 < len(ey) else H))
                p.resetTransform()  # the clip is in the coordinates of the transform in force
                p.setClipRect(x0, y0, x1 - x0, y1 - y0)
                p.setTransform(QTransform(g[0, 0], g[1, 0], g[0, 1], g[1, 1], g[0, 2], g[1, 2]))
                p.drawImage(0, 0, src)
    finally:
        p.end()
    return out


def _view_from_mosaic(px: np.ndarray, py: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray | None:
    """The 3x3 affine matrix taking mosaic to view coordinates, fitted to corresponding points."""
    if np.ptp(px) == 0 or np.ptp(py) == 0:  # a one-pixel-wide view: scale and shift only
        a = np.column_stack([u, v, np.ones_like(u)])
        sol, *_ = np.linalg.lstsq(a, np.column_stack([px, py]), rcond=None)
        return np.vstack([sol.T, [0, 0, 1]])
    a = np.column_stack([px, py, np.ones_like(px)])
    sol, *_ = np.linalg.lstsq(a, np.column_stack([u, v]), rcond=None)  # view -> mosaic
    f = np.vstack([sol.T, [0, 0, 1]])
    if abs(np.linalg.det(f[:2, :2])) < 1e-12:
        return None
    return np.linalg.inv(f)


__all__ = ["draw_basemap", "warp_tiles", "zoom_for_resolution", "merc_resolution_for_scale", "TileCache",
           "decode_tile", "take_warnings", "source_for", "CACHE", "GRID_STEP", "MAX_TILES"]

"""Rasters drawn in their own colours: tile packages (basemaps) and RGB/RGBA images such as GeoTIFFs.

:func:`draw_own_colours` is asked first by :func:`gisdesk.render.raster.draw_raster`: it draws
an MBTiles/PMTiles basemap (:mod:`gisdesk.render.basemap`) or a raster of three or four bands
whose colour interpretation is red, green, blue (and alpha) or that is 8-bit, and returns None
for anything else (a single-band raster keeps its colour ramp).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from gisdesk.render.vector import array_image
from gisdesk.render.view import MapView, reproject_bbox, transformer
from gisdesk.store.tiles import is_tile_file


def draw_own_colours(view: MapView, path: str | os.PathLike[str], style=None) -> QImage | None:
    """The raster at ``path`` drawn in its own colours for ``view``, or None when it is a one-band ramp raster."""
    if is_tile_file(path):
        from gisdesk.render.basemap import draw_basemap

        return draw_basemap(view, path)
    if not has_own_colours(path):  # a band of values: the ramp draws it (raster.py keeps it open)
        return None
    import rasterio

    with rasterio.open(path) as src:
        return _draw_rgb(view, src)


def is_colour_raster(src) -> bool:
    """Whether an open rasterio dataset is an RGB(A) image rather than a band of values."""
    from rasterio.enums import ColorInterp

    if src.count < 3:
        return False
    ci = list(src.colorinterp)[:4]
    if ci[:3] == [ColorInterp.red, ColorInterp.green, ColorInterp.blue]:
        return True
    return src.count in (3, 4) and src.dtypes[0] == "uint8"


def has_own_colours(path: str | os.PathLike[str]) -> bool:
    """Whether the raster file at ``path`` is drawn in its own colours (a basemap or an RGB(A) image);
    remembered per file version, so a repeat render opens nothing to ask again."""
    if is_tile_file(path):
        return True
    try:
        st = os.stat(path)
    except OSError:
        return False
    return _colour_file(os.fspath(path), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=256)
def _colour_file(path: str, _mtime_ns: int, _size: int) -> bool:
    import rasterio

    try:
        with rasterio.open(path) as src:
            return is_colour_raster(src)
    except Exception:  # an unreadable file is reported where it is drawn
        return False


def _draw_rgb(view: MapView, src) -> QImage:
    from rasterio.enums import ColorInterp, Resampling
    from rasterio.transform import from_bounds
    from rasterio.windows import from_bounds as window_from_bounds

    src_crs = src.crs.to_string() if src.crs else view.crs
    same = transformer(src_crs, view.crs) is None
    bbox = view.bbox if same else reproject_bbox(view.bbox, view.crs, src_crs)
    shape = (view.height, view.width)
    window = window_from_bounds(*bbox, transform=src.transform)
    alpha_band = next((i + 1 for i, c in enumerate(src.colorinterp) if c == ColorInterp.alpha), None)
    bands = [1, 2, 3]
    rgb = src.read(bands, window=window, out_shape=(3, *shape), resampling=Resampling.bilinear, boundless=True,
                   fill_value=0)
    if alpha_band:
        alpha = src.read(alpha_band, window=window, out_shape=shape, resampling=Resampling.bilinear, boundless=True,
                         fill_value=0)
    else:  # nodata or the dataset's mask; outside the raster is transparent too
        alpha = src.dataset_mask(window=window, out_shape=shape, resampling=Resampling.nearest, boundless=True)
    data = np.concatenate([rgb, alpha[None]], axis=0)
    data = _to_byte(data, src.dtypes[0])
    if not same:
        from rasterio.warp import reproject

        dst = np.zeros((4, *shape), np.uint8)
        reproject(data, dst, src_transform=from_bounds(*bbox, shape[1], shape[0]), src_crs=src_crs,
                  dst_transform=from_bounds(*view.bbox, view.width, view.height), dst_crs=view.crs,
                  resampling=Resampling.bilinear)
        data = dst
    r, g, b, a = (data[i].astype(np.uint32) for i in range(4))
    argb = (a << 24) | ((r * a // 255) << 16) | ((g * a // 255) << 8) | (b * a // 255)
    return array_image(argb)


def _to_byte(data: np.ndarray, dtype: str) -> np.ndarray:
    """Bands as 0-255: 8-bit as they are, 16-bit scaled from 0-65535, floats from 0-1 when they fit."""
    if dtype == "uint8":
        return data.astype(np.uint8)
    if dtype == "uint16":
        return (data // 257).astype(np.uint8)
    d = data.astype(np.float64)
    top = 1.0 if np.nanmax(d[:3]) <= 1.0 else 255.0
    return np.clip(np.nan_to_num(d / top * 255), 0, 255).astype(np.uint8)


__all__ = ["draw_own_colours", "is_colour_raster", "has_own_colours"]

"""Draw a single-band raster with a colour ramp; nodata is transparent.

Only the cells the view needs are read, at about the view's resolution, so GDAL
serves them from the GeoTIFF's overviews; a raster in another CRS is read in its
own CRS around the view and warped to it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from gisdesk.core.style import RasterStyle, parse_color
from gisdesk.render.colour_raster import draw_own_colours
from gisdesk.render.vector import array_image
from gisdesk.render.view import MapView, reproject_bbox


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
    span = hi - lo if hi > lo else 1.0
    idx = np.clip((values - lo) * ((len(lut) - 1) / span), 0, len(lut) - 1)
    idx = np.nan_to_num(idx, nan=0).astype(np.intp)
    return np.where(valid, lut[idx], np.uint32(0))


def draw_raster(view: MapView, path, style: RasterStyle) -> QImage:
    """The raster at ``path`` drawn for ``view``."""
    if (own := draw_own_colours(view, path, style)) is not None:  # basemaps, RGB(A) images
        return own
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.transform import from_bounds
    from rasterio.windows import from_bounds as window_from_bounds

    with rasterio.open(path) as src:
        src_crs = src.crs.to_string() if src.crs else view.crs
        nodata = src.nodata
        same = _same_crs(src_crs, view.crs)
        if same:
            bbox, shape = view.bbox, (view.height, view.width)
        else:
            bbox = reproject_bbox(view.bbox, view.crs, src_crs)
            shape = (view.height, view.width)
        window = window_from_bounds(*bbox, transform=src.transform)
        fill = nodata if nodata is not None else np.nan
        data = src.read(1, window=window, out_shape=shape, resampling=Resampling.nearest,
                        boundless=True, fill_value=fill, masked=False).astype(np.float64)
        if not same:
            from rasterio.warp import reproject

            dst = np.full((view.height, view.width), np.nan)
            reproject(data, dst, src_transform=from_bounds(*bbox, shape[1], shape[0]), src_crs=src_crs,
                      dst_transform=from_bounds(*view.bbox, view.width, view.height), dst_crs=view.crs,
                      src_nodata=fill, dst_nodata=np.nan, resampling=Resampling.nearest)
            data = dst
    valid = np.isfinite(data)
    if nodata is not None:
        valid &= data != nodata
    return array_image(colour_cells(data, valid, style))


def _same_crs(a: str, b: str) -> bool:
    from gisdesk.render.view import transformer

    return transformer(a, b) is None


__all__ = ["draw_raster", "ramp_lut", "colour_cells"]

"""Cutting a raster to a package's area: a rasterio window read, written as a tiled GeoTIFF with overviews."""

from __future__ import annotations

import math
import os
from pathlib import Path


def cut_raster(path: str | os.PathLike[str], out: str | os.PathLike[str],
               bounds: tuple[float, float, float, float]) -> bool:
    """Write the part of the raster at ``path`` inside ``bounds`` (map CRS = the raster's) to ``out``.

    The window is snapped outwards to whole pixels, so no pixel of the area is lost; the
    values are copied as they are (no resampling). Returns False (nothing written) when the
    raster does not meet the box.
    """
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.windows import Window, from_bounds

    with rasterio.open(path) as src:
        left, bottom, right, top = src.bounds
        minx, miny, maxx, maxy = max(bounds[0], left), max(bounds[1], bottom), min(bounds[2], right), min(bounds[3], top)
        if minx >= maxx or miny >= maxy:
            return False
        exact = from_bounds(minx, miny, maxx, maxy, src.transform)
        col0, row0 = math.floor(exact.col_off), math.floor(exact.row_off)
        col1 = min(math.ceil(exact.col_off + exact.width), src.width)
        row1 = min(math.ceil(exact.row_off + exact.height), src.height)
        win = Window(max(col0, 0), max(row0, 0), col1 - max(col0, 0), row1 - max(row0, 0))
        data = src.read(window=win)
        profile = src.profile.copy()
        predictor = src.tags(ns="IMAGE_STRUCTURE").get("PREDICTOR")
        if predictor:  # the source's (3: floating point) keeps the cut as small as the source
            profile["predictor"] = int(predictor)
        profile.update(driver="GTiff", width=int(win.width), height=int(win.height),
                       transform=src.window_transform(win), compress="deflate", tiled=True,
                       blockxsize=256, blockysize=256)
        if win.width < 256 or win.height < 256:
            profile.update(tiled=False)
            profile.pop("blockxsize", None)
            profile.pop("blockysize", None)
        with rasterio.open(out, "w", **profile) as dst:
            dst.write(data)
            factors = [f for f in (2, 4, 8, 16) if min(win.width, win.height) // f >= 64]
            if factors:
                dst.build_overviews(factors, Resampling.average)
    return True

"""The value of a raster at a point, for Identify (e.g. the flood depth where the user clicked)."""

from __future__ import annotations

import math
import os
from typing import Any


def sample_raster(path: str | os.PathLike[str], x: float, y: float, crs: str) -> dict[str, Any] | None:
    """Each band's value at (``x``, ``y``) given in ``crs``: ``{"band 1 (depth_m)": 0.83, …}``.

    A band's description names it when the file has one. ``None`` when the point is outside the
    raster; a band whose cell is nodata (or NaN) gives ``None`` as its value.
    """
    import rasterio
    from rasterio.windows import Window

    from gisdesk.store.errors import StoreError

    try:
        with rasterio.open(path) as src:
            if src.crs is not None and crs:
                from pyproj import CRS, Transformer

                if CRS.from_user_input(crs) != CRS.from_user_input(src.crs.to_wkt()):
                    x, y = Transformer.from_crs(crs, src.crs.to_wkt(), always_xy=True).transform(x, y)
            row, col = src.index(x, y)
            if not (0 <= row < src.height and 0 <= col < src.width):
                return None
            cell = src.read(window=Window(col, row, 1, 1))[:, 0, 0]
            out: dict[str, Any] = {}
            for i, value in enumerate(cell, start=1):
                desc = (src.descriptions[i - 1] or "") if src.descriptions else ""
                key = f"band {i}" + (f" ({desc})" if desc else "")
                v = value.item()
                nodata = src.nodatavals[i - 1] if src.nodatavals else None
                if (nodata is not None and v == nodata) or (isinstance(v, float) and math.isnan(v)):
                    v = None
                out[key] = v
            return out
    except rasterio.errors.RasterioIOError as exc:
        raise StoreError(f"Cannot read the raster {os.fspath(path)}: {exc}") from None


__all__ = ["sample_raster"]

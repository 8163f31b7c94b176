"""Facts about GeoTIFF (and other GDAL) rasters, through rasterio."""

from __future__ import annotations

import os
from pathlib import Path

from gisdesk.store.errors import StoreError


def raster_facts(path: str | os.PathLike[str]) -> dict:
    """Size, bands, CRS, overview factors, nodata and bounds of a raster file.

    Raises
    ------
    StoreError
        When the file is missing or GDAL cannot read it.
    """
    import rasterio
    from rasterio.errors import RasterioIOError

    p = Path(path)
    if not p.exists():
        raise StoreError(f"Raster '{p}' does not exist.", "The workspace refers to it; regenerate it or fix the path.")
    try:
        with rasterio.open(p) as src:
            crs = src.crs
            return {
                "name": p.stem,
                "path": str(p),
                "width": src.width,
                "height": src.height,
                "bands": src.count,
                "dtype": src.dtypes[0],
                "crs": crs.to_string() if crs else None,
                "epsg": crs.to_epsg() if crs else None,
                "overviews": src.overviews(1),
                "nodata": src.nodata,
                "bounds": list(src.bounds),
            }
    except RasterioIOError as exc:
        raise StoreError(f"'{p.name}' is not a raster GDAL can read ({exc}).") from exc

"""The map view (extent, pixel size, CRS) and cached reprojection."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np


@dataclass(frozen=True)
class MapView:
    """What part of the world goes into an image of ``width`` x ``height`` pixels.

    The requested extent is fitted into the image keeping square pixels (the
    shorter side grows), as QGIS does.
    """

    minx: float
    miny: float
    maxx: float
    maxy: float
    width: int
    height: int
    crs: str

    @classmethod
    def fit(cls, bbox: tuple[float, float, float, float], width: int, height: int, crs: str) -> "MapView":
        minx, miny, maxx, maxy = bbox
        if width <= 0 or height <= 0:
            raise ValueError("image size must be positive")
        if not (maxx > minx and maxy > miny):
            cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
            minx, maxx, miny, maxy = cx - 50, cx + 50, cy - 50, cy + 50
        res = max((maxx - minx) / width, (maxy - miny) / height)
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        hw, hh = res * width / 2, res * height / 2
        return cls(cx - hw, cy - hh, cx + hw, cy + hh, width, height, crs)

    @property
    def resolution(self) -> float:
        """Map units per pixel."""
        return (self.maxx - self.minx) / self.width

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.minx, self.miny, self.maxx, self.maxy)

    def to_pixels(self, xy: np.ndarray, dtype: type = np.float64) -> np.ndarray:
        """Map coordinates (N, 2) to pixel coordinates (pixel centres at +0.5).

        Computed in float64 whatever ``xy`` holds (float32 offsets too), a million rows at a
        time, and stored as ``dtype``: float32 output for a big layer costs no float64 copy of it.
        """
        res = self.resolution
        out = np.empty((len(xy), 2), dtype=dtype)
        step = len(xy) if dtype == np.float64 else 1 << 20
        for a in range(0, len(xy), max(1, step)):
            b = a + step
            np.divide(np.subtract(xy[a:b, 0], self.minx, dtype=np.float64), res, out=out[a:b, 0], casting="same_kind")
            np.divide(np.subtract(self.maxy, xy[a:b, 1], dtype=np.float64), res, out=out[a:b, 1], casting="same_kind")
        return out

    def to_map(self, px: float, py: float) -> tuple[float, float]:
        res = self.resolution
        return (self.minx + px * res, self.maxy - py * res)


def crs_string(srid_or_crs: int | str) -> str:
    """``EPSG:n`` for an integer SRID, the text itself otherwise."""
    return f"EPSG:{srid_or_crs}" if isinstance(srid_or_crs, int) else str(srid_or_crs)


@lru_cache(maxsize=64)
def transformer(src: str, dst: str):
    """A cached pyproj Transformer (x, y order) or None when the CRSs are the same.

    Shared by the GUI and render threads: ``lru_cache`` is thread-safe, and a pyproj (>= 3.1)
    Transformer keeps one PROJ object per thread, so one cached instance serves both.
    """
    if src.strip().upper() == dst.strip().upper():
        return None  # same code: no need to wake PROJ's database
    from pyproj import CRS, Transformer

    a, b = CRS.from_user_input(src), CRS.from_user_input(dst)
    if a == b:
        return None
    return Transformer.from_crs(a, b, always_xy=True)


def reproject(xy: np.ndarray, src: str, dst: str) -> np.ndarray:
    """Coordinates (N, 2) from ``src`` to ``dst``; the same array when the CRSs match."""
    t = transformer(src, dst)
    if t is None or len(xy) == 0:
        return xy
    x, y = t.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


def reproject_bbox(bbox: tuple[float, float, float, float], src: str, dst: str) -> tuple[float, float, float, float]:
    """A bounding box from ``src`` to ``dst``, densified so curved edges are covered."""
    t = transformer(src, dst)
    if t is None:
        return bbox
    x0, y0, x1, y1 = t.transform_bounds(*bbox, densify_pts=21)
    return (x0, y0, x1, y1)

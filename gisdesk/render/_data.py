"""What the renderer reads for a view: the viewport first, the whole layer when the view covers most of it.

Rules (figures in ``benchmarks/README.md``, issue 18):

- a layer of at most :data:`SMALL_LAYER_ROWS` rows, or a view covering at least
  :data:`WHOLE_VIEW_SHARE` of the layer's extent, reads the whole layer (one scan, kept
  for every later view);
- otherwise the view's box is read (the store's planner picks the R*Tree or a scan
  filtered on the blob MBRs), and a layer of at most :data:`PREFETCH_MAX_ROWS` rows is
  then read whole in the background, for later pans and zooms;
- decoded coordinates are kept as float32 offsets from a layer origin when the rounding
  error stays within :func:`tolerance` map units (:mod:`gisdesk.store.coords`).
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Callable

import numpy as np

from gisdesk.render.view import MapView, reproject, transformer
from gisdesk.store.coords import compact, compact_origin
from gisdesk.store.datasource import DataSource, LayerInfo
from gisdesk.store.geoblob import Geometries
from gisdesk.store.read_plan import index_extent
from gisdesk.store.reader import ClassExpr, FeatureData

#: Layers with at most this many rows are read whole, whatever the view.
SMALL_LAYER_ROWS = 50_000
#: A view covering at least this share of a layer's extent reads the whole layer.
WHOLE_VIEW_SHARE = 0.5
#: After a viewport read, layers with at most this many rows are read whole in the background.
PREFETCH_MAX_ROWS = 20_000_000
#: Largest rounding error of compact coordinates: map units of a projected CRS, and degrees.
PROJECTED_TOLERANCE = 0.01
GEOGRAPHIC_TOLERANCE = 1e-7


@lru_cache(maxsize=64)
def tolerance(crs: str) -> float:
    """The largest rounding error (map units of ``crs``) accepted for float32 offsets."""
    try:
        from pyproj import CRS

        geographic = CRS.from_user_input(crs).is_geographic
    except Exception:  # an unknown CRS: the stricter of the two
        geographic = True
    return GEOGRAPHIC_TOLERANCE if geographic else PROJECTED_TOLERANCE


def contains(outer: tuple[float, float, float, float], inner: tuple[float, float, float, float]) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and outer[2] >= inner[2] and outer[3] >= inner[3]


def framed(view: MapView, origin: tuple[float, float] | None) -> MapView:
    """``view`` moved into the frame of geometries kept as offsets from ``origin``."""
    if origin is None:
        return view
    ox, oy = origin
    return dataclasses.replace(view, minx=view.minx - ox, miny=view.miny - oy, maxx=view.maxx - ox, maxy=view.maxy - oy)


def _bounds(xy: np.ndarray) -> tuple[float, float, float, float] | None:
    finite = xy[np.isfinite(xy).all(axis=1)] if len(xy) else xy
    if len(finite) == 0:
        return None
    mn, mx = finite.min(axis=0), finite.max(axis=0)
    return (float(mn[0]), float(mn[1]), float(mx[0]), float(mx[1]))


def read_for_view(read: Callable[..., FeatureData], ds: DataSource, info: LayerInfo, bbox, cls: ClassExpr | None,
                  src_crs: str, dst_crs: str, cancelled: Callable[[], bool] | None, threads: int = 2) -> FeatureData:
    """Read ``bbox`` (None: everything) of a layer into the map CRS, compact where exact enough.

    ``read`` is :func:`gisdesk.store.reader.read_features` (passed in so tests can watch it).
    Without reprojection each chunk is compacted as it is decoded, from an origin taken from
    the layer's R*Tree extent; otherwise after reprojection, from the data's own bounds.
    """
    same = transformer(src_crs, dst_crs) is None
    origin = compact_origin(index_extent(ds, info), tolerance(dst_crs)) if same else None
    raw = read(ds, info, bbox, cls, cancelled=cancelled, origin=origin, threads=threads)
    g = raw.geoms
    if g.origin is not None:
        return raw
    xy = reproject(g.xy, src_crs, dst_crs)
    boxes = g.boxes if xy is g.xy else None  # feature boxes are in the layer's CRS
    geoms = Geometries(g.kind, xy, g.offsets, g.path_feature, g.exterior, g.count, boxes)
    return FeatureData(compact(geoms, compact_origin(_bounds(xy), tolerance(dst_crs))), raw.codes)


__all__ = ["GEOGRAPHIC_TOLERANCE", "PREFETCH_MAX_ROWS", "PROJECTED_TOLERANCE", "SMALL_LAYER_ROWS", "WHOLE_VIEW_SHARE",
           "contains", "framed", "read_for_view", "tolerance"]

"""What the renderer reads for a view: the viewport first, the whole layer when the view covers most of it.

Rules (figures in ``benchmarks/README.md``, issue 18):

- a layer of at most :data:`SMALL_LAYER_BYTES` of geometry, or a view covering at least
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
import math
from typing import Any, Callable

import numpy as np

from gisdesk.render.view import MapView, reproject, transformer
from gisdesk.store.coords import compact, compact_origin, finite_bounds
from gisdesk.store.datasource import DataSource, LayerInfo
from gisdesk.store.geoblob import Geometries
from gisdesk.store.read_plan import ReadPlan, index_extent
from gisdesk.store.reader import ClassExpr, FeatureData

#: Layers of at most this many bytes of geometry (rows x sampled blob size) are read whole, whatever the view.
SMALL_LAYER_BYTES = 1 << 20
#: A view covering at least this share of a layer's extent reads the whole layer.
WHOLE_VIEW_SHARE = 0.5
#: After a viewport read, layers with at most this many rows are read whole in the background.
PREFETCH_MAX_ROWS = 20_000_000
#: Largest rounding error of compact coordinates: map units of a projected CRS, and degrees.
PROJECTED_TOLERANCE = 0.01
GEOGRAPHIC_TOLERANCE = 1e-7


def tolerance(extent: tuple[float, float, float, float] | None) -> float:
    """The largest rounding error (map units) accepted for float32 offsets of a layer over ``extent``.

    Coordinates within +-180, +-90 may be degrees: they get the degree tolerance (about 1 cm),
    which is only stricter for a projected layer that small. (No CRS lookup: pyproj costs a
    cold first view tens of milliseconds.)
    """
    if extent is not None and max(abs(extent[0]), abs(extent[2])) <= 180 and max(abs(extent[1]), abs(extent[3])) <= 90:
        return GEOGRAPHIC_TOLERANCE
    return PROJECTED_TOLERANCE


def layer_bytes(ds: DataSource, info: LayerInfo, rows: int) -> float:
    """About how many bytes of geometry the layer holds (``rows`` x the mean of 64 blobs)."""
    from gisdesk.store.datasource import quote_ident

    g = quote_ident(info.geometry_column)
    (avg,) = ds.connection().execute(
        f"SELECT avg(length({g})) FROM (SELECT {g} FROM {quote_ident(info.table)} WHERE {g} IS NOT NULL LIMIT 64)"
    ).fetchone()
    return rows * float(avg or 0.0)


def contains(outer: tuple[float, float, float, float], inner: tuple[float, float, float, float]) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and outer[2] >= inner[2] and outer[3] >= inner[3]


def framed(view: MapView, origin: tuple[float, float] | None) -> MapView:
    """``view`` moved into the frame of geometries kept as offsets from ``origin``."""
    if origin is None:
        return view
    ox, oy = origin
    return dataclasses.replace(view, minx=view.minx - ox, miny=view.miny - oy, maxx=view.maxx - ox, maxy=view.maxy - oy)


def _bounds(xy: np.ndarray) -> tuple[float, float, float, float] | None:
    return finite_bounds(xy)


def read_for_view(read: Callable[..., FeatureData], ds: DataSource, info: LayerInfo, bbox, cls: ClassExpr | None,
                  src_crs: str, dst_crs: str, cancelled: Callable[[], bool] | None, threads: int = 2,
                  plan: ReadPlan | None = None, on_cancel: Callable | None = None) -> FeatureData:
    """Read ``bbox`` (None: everything) of a layer into the map CRS, compact where exact enough.

    ``read`` is :func:`gisdesk.store.reader.read_features` (passed in so tests can watch it).
    Without reprojection each chunk is compacted as it is decoded, from an origin taken from
    the layer's R*Tree extent; otherwise after reprojection, from the data's own bounds.
    """
    same = transformer(src_crs, dst_crs) is None
    ext = (plan.extent if plan is not None else index_extent(ds, info)) if same else None
    origin = compact_origin(ext, tolerance(ext))
    if bbox is None:
        plan = None  # the plan was for the view; this reads everything
    kw = {} if on_cancel is None else {"on_cancel": on_cancel}
    raw = read(ds, info, bbox, cls, cancelled=cancelled, origin=origin, threads=threads, plan=plan, **kw)
    g = raw.geoms
    if g.origin is not None:
        return raw
    xy = reproject(g.xy, src_crs, dst_crs)
    boxes = g.boxes if xy is g.xy else None  # feature boxes are in the layer's CRS
    geoms = Geometries(g.kind, xy, g.offsets, g.path_feature, g.exterior, g.count, boxes)
    ext = _bounds(xy)
    return FeatureData(compact(geoms, compact_origin(ext, tolerance(ext))), raw.codes)


#: Server reads of polygons are simplified to this share of a pixel (Douglas-Peucker deviation). One
#: pixel (QGIS's default) moved edges enough to change 0.44 % of the demo city's pixels; half a pixel keeps
#: the server's image within tests/server/test_server_read.py's tolerance of the file's.
SIMPLIFY_PIXELS = 0.5
#: Kinds simplified on the server. Lines are not: on the benchmark's 50-vertex lines ST_Simplify cost the
#: server more time (0.17-0.25 s for 20k lines) than the 20-35 % fewer vertices saved in sending and drawing.
SIMPLIFIED_KINDS = frozenset({"polygon"})


def simplify_tolerance(info: LayerInfo, bbox: tuple[float, float, float, float] | None, view: Any) -> float | None:
    """The simplification tolerance (layer units) for a server read of ``bbox`` drawn into ``view``:
    :data:`SIMPLIFY_PIXELS` of a pixel rounded down to a power of two (nearby scales share one read),
    None for kinds not in :data:`SIMPLIFIED_KINDS`. ``bbox`` is the view's box in the layer's CRS."""
    if info.kind not in SIMPLIFIED_KINDS or bbox is None or view.width <= 0:
        return None
    pixel = (bbox[2] - bbox[0]) / view.width
    if not pixel > 0:
        return None
    return float(2.0 ** math.floor(math.log2(pixel * SIMPLIFY_PIXELS)))


__all__ = ["GEOGRAPHIC_TOLERANCE", "SIMPLIFIED_KINDS", "SIMPLIFY_PIXELS", "simplify_tolerance", "PREFETCH_MAX_ROWS", "PROJECTED_TOLERANCE", "SMALL_LAYER_BYTES", "WHOLE_VIEW_SHARE",
           "contains", "framed", "read_for_view", "tolerance"]

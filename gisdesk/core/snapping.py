"""Snapping a position to nearby features: vertices first, then edges (Qt-free, vectorised).

Examples
--------
>>> from shapely.geometry import LineString
>>> snap_to((0.4, 0.2), [LineString([(0, 0), (10, 0)])], tolerance=1.0)
Snap(x=0.0, y=0.0, kind='vertex', index=0)
>>> snap_to((5.0, 0.3), [LineString([(0, 0), (10, 0)])], tolerance=1.0)
Snap(x=5.0, y=0.0, kind='edge', index=0)
>>> snap_to((5.0, 3.0), [LineString([(0, 0), (10, 0)])], tolerance=1.0) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True)
class Snap:
    """Where a position snapped: ``kind`` is ``"vertex"`` or ``"edge"``; ``index`` is the
    position in the geometries given of the feature snapped to."""

    x: float
    y: float
    kind: str
    index: int


def snap_to(xy: tuple[float, float], geoms: Sequence[BaseGeometry] | np.ndarray, tolerance: float) -> Snap | None:
    """The nearest vertex within ``tolerance`` of ``xy``, else the nearest point on an edge, else None.

    Vertices win over edges so that drawing along a road lands on its corners; points
    (and every vertex) are found in one numpy pass over all coordinates.
    """
    arr = np.asarray(geoms, dtype=object)
    if arr.size == 0 or not np.isfinite(tolerance) or tolerance <= 0:
        return None
    kept = np.flatnonzero(~shapely.is_missing(arr) & ~shapely.is_empty(arr))  # index in ``geoms``
    arr = arr[kept]
    if arr.size == 0:
        return None
    coords, owner = shapely.get_coordinates(arr, return_index=True)
    if len(coords):
        d2 = (coords[:, 0] - xy[0]) ** 2 + (coords[:, 1] - xy[1]) ** 2
        k = int(np.argmin(d2))
        if d2[k] <= tolerance * tolerance:
            return Snap(float(coords[k, 0]), float(coords[k, 1]), "vertex", int(kept[owner[k]]))
    here = shapely.Point(xy)
    edges = shapely.boundary(arr)
    lines = np.where(shapely.get_dimensions(arr) == 1, arr, edges)
    has_edge = shapely.get_dimensions(arr) >= 1
    if not has_edge.any():
        return None
    dist = np.where(has_edge, shapely.distance(lines, here), np.inf)
    k = int(np.argmin(dist))
    if dist[k] > tolerance:
        return None
    p = shapely.get_coordinates(shapely.shortest_line(lines[k], here))[0]
    return Snap(float(p[0]), float(p[1]), "edge", int(kept[k]))


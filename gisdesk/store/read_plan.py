"""Choose how to read the features of a bounding box: spatial index or filtered scan.

The R*Tree finds a few features quickly, but each hit then costs a seek into the table
(about 1 µs per row on a million-row layer with the pages cached, 7 µs on ten million);
a scan reads every row in rowid order and checks the MBR in the blob header (about
0.1 µs per row). So the index wins when the box holds a small share of the layer:
a share of the layer's extent up to :data:`INDEX_MAX_SHARE` (measured crossovers in
``benchmarks/README.md``, issue 18). The share is the box's share of the extent's
area, so rows are assumed spread evenly over the extent; a layer without an index
is scanned.
"""

from __future__ import annotations

from dataclasses import dataclass

from gisdesk.store.datasource import GEOPACKAGE, DataSource, LayerInfo, rtree_root_extent

#: The spatial index serves a bbox read covering at most this share of the layer's extent.
INDEX_MAX_SHARE = 0.04
#: Layers with at most this many rows take the index whatever the share (both take milliseconds).
INDEX_ALWAYS_ROWS = 20_000


@dataclass(frozen=True)
class ReadPlan:
    """How one read runs.

    Attributes
    ----------
    method : str
        ``"whole"`` (no bbox), ``"index"`` (R*Tree) or ``"scan"`` (every row, filtered on its MBR).
    rows : int
        Upper bound of the layer's rows.
    share : float
        The share (0..1) of the layer's extent the bbox covers (1.0 when unknown).
    extent : (minx, miny, maxx, maxy) or None
        The table's extent from its R*Tree (None without one).
    """

    method: str
    rows: int
    share: float
    extent: tuple[float, float, float, float] | None = None


def view_share(extent: tuple[float, float, float, float] | None, bbox: tuple[float, float, float, float]) -> float:
    """The share (0..1) of ``extent``'s area inside ``bbox``; along a zero-width side, 1 or 0.

    None (unknown extent) gives 1.0.
    """
    if extent is None:
        return 1.0
    share = 1.0
    for lo, hi in ((0, 2), (1, 3)):
        span = extent[hi] - extent[lo]
        inside = min(extent[hi], bbox[hi]) - max(extent[lo], bbox[lo])
        if span <= 0:
            share *= 1.0 if bbox[lo] <= extent[lo] <= bbox[hi] else 0.0
        else:
            share *= max(0.0, min(1.0, inside / span))
    return share


def index_extent(ds: DataSource, layer: LayerInfo) -> tuple[float, float, float, float] | None:
    """The extent of the layer's whole table from its R*Tree's root node (no scan), or None."""
    if not layer.spatial_index:
        return None
    ext = rtree_root_extent(ds.connection(), layer.spatial_index)
    if ext is None or not all(abs(v) <= 1e10 for v in ext):
        return None
    return ext


def plan_read(ds: DataSource, layer: LayerInfo, bbox: tuple[float, float, float, float] | None) -> ReadPlan:
    """The plan for reading ``bbox`` of ``layer`` (see the module's notes).

    GeoPackages use their R*Tree when they have one (SpatiaLite's Mbr functions do not read
    GeoPackage blobs, so their "scan" reads every row and filters on the decoded boxes).
    """
    rows = ds.row_estimate(layer)
    ext = index_extent(ds, layer)
    if bbox is None:
        return ReadPlan("whole", rows, 1.0, ext)
    if not layer.spatial_index:
        return ReadPlan("scan", rows, 1.0, ext)
    share = view_share(ext, bbox)
    if ds.format == GEOPACKAGE or rows <= INDEX_ALWAYS_ROWS or share <= INDEX_MAX_SHARE:
        return ReadPlan("index", rows, share, ext)
    return ReadPlan("scan", rows, share, ext)


__all__ = ["INDEX_ALWAYS_ROWS", "INDEX_MAX_SHARE", "ReadPlan", "index_extent", "plan_read", "view_share"]

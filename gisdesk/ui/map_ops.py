"""What identify, select and zoom-to do with the model, in map coordinates (no widgets)."""

from __future__ import annotations

import numpy as np

from gisdesk.core.layers import VectorLayer
from gisdesk.core.map_model import MapModel
from gisdesk.render.renderer import Renderer
from gisdesk.render.view import crs_string, reproject_bbox, transformer
from gisdesk.store import features
from gisdesk.store.geoblob import Geometries, from_shapely
from gisdesk.ui.identify import IdentifyHit

#: Most features drawn as the selection highlight of one layer.
MAX_HIGHLIGHT = 200_000


def reproject_geoms(geoms: np.ndarray, src: str, dst: str) -> np.ndarray:
    """Shapely geometries from ``src`` to ``dst`` (the same array when the CRSs match)."""
    import shapely

    t = transformer(src, dst)
    if t is None or len(geoms) == 0:
        return geoms

    def move(xy: np.ndarray) -> np.ndarray:
        x, y = t.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, move)


def _layer_crs(renderer: Renderer, layer: VectorLayer) -> tuple:
    ds = renderer.source(layer.source)
    info = ds.layer(layer.name)
    return ds, info, crs_string(info.srid)


def identify(model: MapModel, renderer: Renderer, x: float, y: float, tolerance: float,
             limit_per_layer: int = 20) -> list[IdentifyHit]:
    """Features within ``tolerance`` (map units) of (x, y) on every visible vector layer, and the cell value
    of every visible raster there (feature id -1), top layer first."""
    from gisdesk.store.raster_sample import sample_raster

    hits: list[IdentifyHit] = []
    for layer in reversed(model.visible_layers()):
        if not isinstance(layer, VectorLayer):
            from gisdesk.store.tiles import is_tile_file

            path = getattr(layer, "path", None)  # a basemap's pixels are a picture, not values to read out
            values = sample_raster(path, x, y, model.crs) if path and not is_tile_file(path) else None
            if values is not None:
                hits.append(IdentifyHit(layer.id, layer.title, -1, values))
            continue
        ds, info, crs = _layer_crs(renderer, layer)
        t = transformer(model.crs, crs)
        if t is not None:
            lx, ly = t.transform(x, y)
            box = reproject_bbox((x - tolerance, y - tolerance, x + tolerance, y + tolerance), model.crs, crs)
            tol = max(box[2] - box[0], box[3] - box[1]) / 2
        else:
            lx, ly, tol = x, y, tolerance
        ids = features.ids_at(ds, info, lx, ly, tol)[:limit_per_layer]
        for attrs, fid in zip(features.attributes(ds, info, ids), ids):
            hits.append(IdentifyHit(layer.id, layer.title, int(fid), attrs))
    return hits


def select_in_box(model: MapModel, renderer: Renderer, layer: VectorLayer, bbox: tuple[float, float, float, float],
                  nearest_only: bool = False) -> np.ndarray:
    """Ids of ``layer``'s features meeting ``bbox`` (map CRS); with ``nearest_only`` the one nearest its centre."""
    ds, info, crs = _layer_crs(renderer, layer)
    lbox = reproject_bbox(bbox, model.crs, crs)
    if nearest_only:
        cx, cy = (lbox[0] + lbox[2]) / 2, (lbox[1] + lbox[3]) / 2
        return features.ids_at(ds, info, cx, cy, max(lbox[2] - lbox[0], lbox[3] - lbox[1]) / 2)[:1]
    return features.ids_in_box(ds, info, lbox)


def feature_geometries(model: MapModel, renderer: Renderer, layer: VectorLayer, ids: np.ndarray) -> Geometries:
    """Geometries of ``ids`` in the map CRS, ready for a canvas overlay."""
    ds, info, crs = _layer_crs(renderer, layer)
    _, geoms = features.geometries(ds, info, np.asarray(ids)[:MAX_HIGHLIGHT])
    return from_shapely(reproject_geoms(geoms, crs, model.crs))


def bounds_of(model: MapModel, renderer: Renderer, layer: VectorLayer,
              ids: np.ndarray | None = None) -> tuple[float, float, float, float] | None:
    """Extent (map CRS) of some features of ``layer``, or of the whole layer when ``ids`` is None."""
    import shapely

    ds, info, crs = _layer_crs(renderer, layer)
    if ids is None:
        ext = ds.extent(info)
        return reproject_bbox(ext, crs, model.crs) if ext else None
    _, geoms = features.geometries(ds, info, np.asarray(ids))
    geoms = geoms[~shapely.is_missing(geoms)]
    if len(geoms) == 0:
        return None
    return reproject_bbox(tuple(shapely.total_bounds(geoms)), crs, model.crs)


def layer_kind(renderer: Renderer, layer) -> str:
    """``point``, ``line``, ``polygon`` or ``raster``."""
    if not isinstance(layer, VectorLayer):
        return "raster"
    return renderer.source(layer.source).layer(layer.name).kind

"""The map layers of a workspace (or of any SpatiaLite/GeoPackage file), in drawing order."""

from __future__ import annotations

import os
from pathlib import Path

from gisdesk.core.default_styles import demo_style, flood_depth_style
from gisdesk.core.layers import RasterLayer, VectorLayer, is_server_url
from gisdesk.core.style import RasterStyle
from gisdesk.store.datasource import DataSource, open_datasource
from gisdesk.store.qgis_layer_styles import initial_style
from gisdesk.store.tiles import is_tile_file


def map_layers(path: str | os.PathLike[str]) -> list[VectorLayer | RasterLayer]:
    """Layers of the file at ``path``, bottom first, with their groups and default styles.

    A gisdesk workspace orders layers by ``gisdesk_layer_groups.position``
    (0 = top of the layer tree) and adds its rasters under the Flood group's
    vector layers and its basemaps (MBTiles/PMTiles) at the bottom; any other file gives polygons,
    then lines, then points. A layer the file keeps a default QGIS style for (``layer_styles``)
    opens with that style.
    """
    if is_server_url(path):
        return _server_layers(path)
    with DataSource(path) as ds:
        conn = ds.connection()
        groups: dict[str, tuple[str, int]] = {}
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'gisdesk_layer_groups'").fetchone():
            for layer, grp, pos in conn.execute("SELECT layer, grp, position FROM gisdesk_layer_groups"):
                groups[ds._text(layer).lower()] = (ds._text(grp), int(pos))
        rank = {"polygon": 0, "geometry": 0, "line": 1, "point": 2}
        vectors = []
        for info in ds.layers:
            grp, pos = groups.get(info.name.lower(), ("", None))
            key = -pos if pos is not None else 1000 + rank.get(info.kind, 0)
            style = initial_style(ds.connection(text=True), info.table, info.kind, demo_style(info.name, info.kind))
            vectors.append((key, VectorLayer(ds.path, info.name, style, group=grp,
                                             title=info.name.replace("_", " ").capitalize())))
        vectors.sort(key=lambda kv: kv[0])
        out: list[VectorLayer | RasterLayer] = [lyr for _, lyr in vectors]
        for r in ds.rasters:
            if not Path(r.path).exists():
                continue
            if is_tile_file(r.path):  # a basemap: the bottom layer, in its own colours
                out.insert(0, RasterLayer(r.path, RasterStyle(), title=r.title or r.name, group=r.group or "Basemap"))
                continue
            raster = RasterLayer(r.path, flood_depth_style(), title=r.title or r.name, group=r.group or "Flood")
            below = next((i for i, lyr in enumerate(out) if lyr.group == raster.group), len(out))
            out.insert(below, raster)
        return out


def workspace_crs(path: str | os.PathLike[str]) -> str:
    """The map CRS of a workspace: ``gisdesk_meta.map_crs``, else the first layer's, else EPSG:3857."""
    if is_server_url(path):
        with open_datasource(path) as ds:
            return ds.map_crs()
    with DataSource(path) as ds:
        conn = ds.connection(text=True)
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'gisdesk_meta'").fetchone():
            row = conn.execute("SELECT value FROM gisdesk_meta WHERE key = 'map_crs'").fetchone()
            if row:
                return row[0]
        return f"EPSG:{ds.layers[0].srid}" if ds.layers else "EPSG:3857"


#: The layer-tree groups of the demo city's layers (a server has no gisdesk_layer_groups yet).
_SERVER_ORDER = ("communes", "incidents", "incident_lines", "incident_areas", "cameras", "bridges", "pumping_stations",
                 "flood_hotspots", "roads", "drains", "rivers", "flood_extents", "planning_zones")


def _server_layers(url: str) -> list[VectorLayer | RasterLayer]:
    """The layers of a server: the demo city's order for its tables, polygons, lines, then points for the
    others, each with its QGIS default style on the server (``layer_styles``) else the demo style; the
    published rasters this computer can reach under the Flood group's vector layers. The published
    layer state (:func:`gisdesk.store.layer_state.load_layer_state`) then orders and styles them."""
    from gisdesk.store.server_styles import server_initial_style

    with open_datasource(url) as ds:
        conn = ds.connection()
        rank = {"polygon": 0, "geometry": 0, "line": 1, "point": 2}
        vectors = []
        for info in ds.layers:
            pos = _SERVER_ORDER.index(info.name) if info.name in _SERVER_ORDER else None
            key = -pos if pos is not None else 1000 + rank.get(info.kind, 0)
            style = server_initial_style(conn, info.table, info.geometry_column, demo_style(info.name, info.kind))
            vectors.append((key, VectorLayer(url, info.name, style, title=info.name.replace("_", " ").capitalize())))
        vectors.sort(key=lambda kv: kv[0])
        out: list[VectorLayer | RasterLayer] = [lyr for _, lyr in vectors]
        for r in ds.rasters:
            if not Path(r.path).exists():
                continue
            if is_tile_file(r.path):  # a basemap: the bottom layer, in its own colours
                out.insert(0, RasterLayer(r.path, RasterStyle(), title=r.title or r.name, group=r.group or "Basemap"))
            else:
                raster = RasterLayer(r.path, flood_depth_style(), title=r.title or r.name, group=r.group or "Flood")
                names = [getattr(lyr, "name", "") for lyr in out]  # above the flood extents, as in the demo
                out.insert(names.index("flood_extents") + 1 if "flood_extents" in names else 0, raster)
        return out

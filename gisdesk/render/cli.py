"""``gisdesk render``: render layers headless and print phase timings."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from gisdesk.store.errors import StoreError


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise StoreError(f"Bad --size '{text}'.", "Use WIDTHxHEIGHT, e.g. 1920x1080.") from None
    if not (0 < w <= 20000 and 0 < h <= 20000):
        raise StoreError(f"Bad --size '{text}'.", "Width and height must be between 1 and 20000.")
    return w, h


def _parse_bbox(text: str) -> tuple[float, float, float, float]:
    try:
        vals = tuple(float(v) for v in text.split(","))
    except ValueError:
        vals = ()
    if len(vals) != 4 or not (vals[2] > vals[0] and vals[3] > vals[1]):
        raise StoreError(f"Bad --bbox '{text}'.", "Use minx,miny,maxx,maxy with max > min.")
    return vals  # type: ignore[return-value]


def build_layers(db: Path | str, names: list[str], styles: dict | None = None) -> tuple[list, int | None]:
    """Layer objects for ``names`` (vector layers or workspace rasters) and the first layer's SRID."""
    from gisdesk.core.default_styles import demo_style, flood_depth_style
    from gisdesk.core.layers import RasterLayer, VectorLayer
    from gisdesk.core.style import VectorStyle
    from gisdesk.store.datasource import open_datasource
    from gisdesk.store.tiles import is_tile_file

    layers, first_srid = [], None
    with open_datasource(db) as ds:
        rasters = {r.name.lower(): r for r in ds.rasters}
        for name in names:
            if name.lower() in rasters:
                r = rasters[name.lower()]
                if not Path(r.path).exists():  # a raster published on the server, not reachable from here
                    raise StoreError(f"The raster '{name}' is at '{r.path}', which this computer cannot reach.",
                                     "Copy it there or mount the shared folder it is on.")
                layers.append(RasterLayer(r.path, flood_depth_style(), title=r.title or r.name))
                if first_srid is None and not is_tile_file(r.path):  # a basemap fits any map CRS
                    import rasterio

                    with rasterio.open(r.path) as src:
                        first_srid = src.crs.to_epsg()
                continue
            info = ds.layer(name)
            style = VectorStyle.from_dict(styles[name]) if styles and name in styles else demo_style(info.name, info.kind)
            layers.append(VectorLayer(db, info.name, style))
            if first_srid is None:
                first_srid = info.srid
    return layers, first_srid


def render_command(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t_start = time.perf_counter()
    from PySide6.QtGui import QGuiApplication

    from gisdesk.render.renderer import Renderer
    from gisdesk.render.view import MapView

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # held while rendering: fonts, image I/O
    w, h = _parse_size(args.size)
    from gisdesk.core.layers import is_server_url

    db = args.db if is_server_url(args.db) else Path(args.db)  # or the city server
    styles = json.loads(Path(args.style).read_text()) if getattr(args, "style", None) else None
    from gisdesk.store.connection import skip_preload

    skip_preload("pyogrio")  # a render neither imports nor exports files
    layers, srid = build_layers(db, [n for n in args.layers.split(",") if n], styles)
    crs = args.crs or (f"EPSG:{srid}" if srid else "EPSG:4326")
    renderer = Renderer(prefetch=False)  # one view: nothing to load for later pans
    import gc

    gc.freeze()  # start-up's objects live on: a full collection in the first render walked them all (20-30 ms)
    result = None
    for i in range(max(1, args.repeat)):
        t0, c0 = time.perf_counter(), time.process_time()
        bbox = _parse_bbox(args.bbox) if args.bbox else renderer.full_extent(layers, crs)
        if bbox is None:
            raise StoreError("The layers are empty: nothing to render.")
        view = MapView.fit(bbox, w, h, crs)
        t_open = time.perf_counter() - t0
        result = renderer.render(layers, view, use_image_cache=not args.no_image_cache,
                                 labels=not getattr(args, "no_labels", False))
        timings = dict(result.timings)
        timings["open"] += t_open
        timings["total"] += t_open
        row = {"repeat": i + 1, "cold": i == 0, **{k: round(v, 4) for k, v in timings.items()},
               "cpu": round(time.process_time() - c0, 4)}  # every thread of the process
        if i == 0:
            row["process_s"] = round(time.perf_counter() - t_start, 4)
        print(json.dumps(row), flush=True)
        for err in result.errors:
            print(f"gisdesk: layer skipped: {err}", file=sys.stderr)
    renderer.close()
    if not result.image.save(args.out):
        raise StoreError(f"Could not write '{args.out}'.", "Check the folder exists and is writable.")
    return 1 if result.errors and len(result.errors) == len(layers) else 0

"""The demo city's offline basemap: Web Mercator PNG tiles drawn by gisdesk from the demo's own layers.

Nothing is downloaded: land use, water, roads and commune boundaries of the freshly written
workspace are drawn in calm colours with :class:`gisdesk.render.renderer.Renderer` into a few
large Web Mercator images per zoom level (blocks of :data:`BLOCK` x :data:`BLOCK` tiles, aligned
to the tile grid), which are cut into 256-pixel tiles and written to an MBTiles file. Zoom levels
:data:`ZOOMS` cover the whole city (the coarse ones with land around it, :data:`MARGINS`); the
last one covers only its core (:data:`CORE_HALF`), where street-scale work happens. No labels: the map's own label engine writes names on top.

Drawing needs no QGuiApplication (no text is drawn), so it runs inside ``gisdesk sample``
before the window exists.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from gisdesk.core.default_styles import LAND_USE_COLOURS
from gisdesk.core.layers import VectorLayer
from gisdesk.core.style import Symbol, VectorStyle, categorized
from gisdesk.store.tiles import MERC_HALF, write_mbtiles

#: Zoom levels of the demo basemap; the last one covers only the city core.
ZOOMS = range(10, 17)
#: Half-size (metres, Web Mercator) of the core covered at the last zoom level.
CORE_HALF = 6500.0
#: Tiles per side of one drawn block.
BLOCK = 8
#: Land beyond the city's box at the coarse levels (metres, Web Mercator), so a city-wide view has no edge.
MARGINS = {10: 40_000.0, 11: 40_000.0, 12: 25_000.0, 13: 15_000.0, 14: 4_000.0}
LAND = "#f3f1ec"
WATER = "#b9d3e0"


def _pale(colour: str, amount: float = 0.72) -> str:
    """``colour`` mixed with the land colour (calm, so thematic layers stand out above it)."""
    c = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    land = [int(LAND[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(a * (1 - amount) + b * amount):02x}" for a, b in zip(c, land))


def basemap_layers(db: Path, z: int) -> list[VectorLayer]:
    """The basemap's layers for zoom ``z`` (line widths grow with the zoom), bottom first."""
    k = 2 ** ((z - 13) / 2)  # widths double every two levels
    colours = [WATER if v == "water" else _pale(c) for v, c in LAND_USE_COLOURS.items()]
    landuse = categorized("land_use", list(LAND_USE_COLOURS), Symbol(stroke="", stroke_width=0), colours)
    landuse.other = Symbol(fill=LAND, stroke="", stroke_width=0)

    def line(colour: str, width: float) -> VectorStyle:
        return VectorStyle(symbol=Symbol(fill="", stroke=colour, stroke_width=max(width * k, 0.5)))

    casing = categorized("class", ["primary", "secondary", "tertiary"], Symbol(fill="", stroke="#c9c3b8"), None)
    inner = categorized("class", ["primary", "secondary", "tertiary"], Symbol(fill="", stroke="#ffffff"), None)
    for styles, extra, colours in ((casing, 1.6, ("#d9b98c", "#d4c8b4", "#cfc8bc")),
                                   (inner, 0.0, ("#fbe3b3", "#ffffff", "#ffffff"))):
        for cat, w, col in zip(styles.categories, (3.2, 2.4, 1.6), colours):
            cat.symbol = Symbol(fill="", stroke=col, stroke_width=max((w + extra) * k, 0.6))
        styles.other = Symbol(fill="", stroke="#ffffff" if extra == 0 else "#d6d0c6",
                              stroke_width=max((1.0 + extra) * k, 0.4))
    communes = VectorStyle(symbol=Symbol(fill="", stroke="#b7a9c2", stroke_width=max(1.2 * min(k, 1.5), 0.8)))
    return [VectorLayer(db, "planning_zones", landuse), VectorLayer(db, "communes", communes),
            VectorLayer(db, "drains", line(WATER, 0.8)), VectorLayer(db, "rivers", line(WATER, 5.0)),
            VectorLayer(db, "roads", casing), VectorLayer(db, "roads", inner)]


def _grown(box: tuple[float, float, float, float], d: float) -> tuple[float, float, float, float]:
    return (box[0] - d, box[1] - d, box[2] + d, box[3] + d)


def tile_range(bounds_merc: tuple[float, float, float, float], z: int) -> tuple[int, int, int, int]:
    """Columns x0..x1 and rows y0..y1 (XYZ) of the zoom-``z`` tiles covering a Web Mercator box."""
    span = 2 * MERC_HALF / (1 << z)
    x0 = math.floor((bounds_merc[0] + MERC_HALF) / span)
    x1 = math.floor((bounds_merc[2] + MERC_HALF) / span)
    y0 = math.floor((MERC_HALF - bounds_merc[3]) / span)
    y1 = math.floor((MERC_HALF - bounds_merc[1]) / span)
    return x0, x1, y0, y1


def write_demo_basemap(db: str | Path, out: str | Path, zooms: range = ZOOMS) -> int:
    """Draw the demo basemap of workspace ``db`` into a new MBTiles file ``out``; return the tile count."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    from gisdesk.render.renderer import Renderer
    from gisdesk.render.view import MapView, reproject_bbox
    from gisdesk.store.datasource import DataSource

    db = Path(db)
    with DataSource(db) as ds:
        info = ds.layer("communes")
        ext = ds.extent(info)
        srid = info.srid
    merc = reproject_bbox(ext, f"EPSG:{srid}", "EPSG:3857")
    cx, cy = (merc[0] + merc[2]) / 2, (merc[1] + merc[3]) / 2
    core = (cx - CORE_HALF, cy - CORE_HALF, cx + CORE_HALF, cy + CORE_HALF)
    lonlat = reproject_bbox(_grown(merc, max(MARGINS.values(), default=0.0)), "EPSG:3857", "EPSG:4326")
    renderer = Renderer(background=LAND)
    plain: dict[int, bytes] = {}

    def _png(tile: QImage) -> bytes:
        buf = QByteArray()
        dev = QBuffer(buf)
        dev.open(QIODevice.OpenModeFlag.WriteOnly)
        tile.save(dev, "PNG", 80)
        return bytes(buf.data())

    def tiles():
        for z in zooms:
            span = 2 * MERC_HALF / (1 << z)
            x0, x1, y0, y1 = tile_range(core if z == zooms[-1] else _grown(merc, MARGINS.get(z, 0.0)), z)
            layers = basemap_layers(db, z)
            for bx in range(x0, x1 + 1, BLOCK):
                for by in range(y0, y1 + 1, BLOCK):
                    nx, ny = min(BLOCK, x1 + 1 - bx), min(BLOCK, y1 + 1 - by)
                    bbox = (-MERC_HALF + bx * span, MERC_HALF - (by + ny) * span,
                            -MERC_HALF + (bx + nx) * span, MERC_HALF - by * span)
                    view = MapView(*bbox, nx * 256, ny * 256, "EPSG:3857")
                    img = renderer.render(layers, view, use_image_cache=False, labels=False).image
                    img = img.convertToFormat(QImage.Format.Format_RGB32)  # opaque: PNG encodes it fastest
                    px = np.frombuffer(img.constBits(), np.uint32, count=nx * ny * 65536).reshape(ny * 256, nx * 256)
                    for i in range(nx):
                        for j in range(ny):
                            tile = px[j * 256:(j + 1) * 256, i * 256:(i + 1) * 256]
                            first = int(tile[0, 0])
                            if (tile == first).all():  # one colour (land beyond the city): encoded once
                                if first not in plain:
                                    plain[first] = _png(img.copy(i * 256, j * 256, 256, 256))
                                yield z, bx + i, by + j, plain[first]
                            else:
                                yield z, bx + i, by + j, _png(img.copy(i * 256, j * 256, 256, 256))

    try:
        return write_mbtiles(out, tiles(), name="Huế demo basemap", minzoom=zooms[0], maxzoom=zooms[-1],
                             bounds=lonlat, attribution="drawn by gisdesk from the demo city's layers")
    finally:
        renderer.close()


def basemap_path(out: str | Path) -> Path:
    """Path of the demo basemap written beside workspace ``out``."""
    p = Path(out)
    return p.with_name(f"{p.stem}_basemap.mbtiles")


def add_demo_basemap(db: str | Path, tiles: str | Path, stored_name: str) -> int:
    """Write the basemap of ``db`` to ``tiles`` and reference it from ``db`` as ``stored_name`` (beside it).

    The reference is a ``gisdesk_rasters`` row of group ``Basemap``, so the demo opens with it
    as its bottom layer. Returns the tile count.
    """
    import sqlite3

    n = write_demo_basemap(db, tiles)
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute("INSERT INTO gisdesk_rasters VALUES (?, ?, ?, ?)",
                         ("basemap", stored_name, "Basemap (demo city, offline)", "Basemap"))
    finally:
        conn.close()
    return n


__all__ = ["add_demo_basemap", "basemap_path", "write_demo_basemap", "basemap_layers", "tile_range", "ZOOMS"]

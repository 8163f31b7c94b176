"""Offline basemaps: tiles land where Web Mercator says, in any map CRS; zoom, cache, bad tiles; RGB rasters."""

from __future__ import annotations

import math
import sqlite3

import numpy as np
import pytest

from gisdesk.core.layers import RasterLayer
from gisdesk.render.basemap import TileCache, draw_basemap, merc_resolution_for_scale, zoom_for_resolution
from gisdesk.render.renderer import Renderer
from gisdesk.render.view import MapView
from tests.render.test_render import pixels

R = 6378137.0
HALF = math.pi * R  # half the Web Mercator square: 20037508.34 m
RED, WHITE, GREEN = (230, 20, 20), (255, 255, 255), (20, 160, 60)


def merc(lon: float, lat: float) -> tuple[float, float]:
    """Spherical Mercator (EPSG:3857) by its formula."""
    return R * math.radians(lon), R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def png_tile(dots: dict[tuple[int, int], tuple[int, int, int]], fill=WHITE, size: int = 256) -> bytes:
    """A PNG tile of colour ``fill`` with pixels (col, row) -> colour."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    img = QImage(size, size, QImage.Format.Format_RGB32)
    img.fill(QColor(*fill))
    for (c, r), col in dots.items():
        img.setPixelColor(c, r, QColor(*col))
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(dev, "PNG")
    return bytes(buf.data())


def mbtiles(path, tiles: dict[tuple[int, int, int], bytes]) -> None:
    """An MBTiles file by plain SQL; ``tiles`` keyed by XYZ (z, x, y), stored in TMS rows."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    zs = [z for z, _, _ in tiles]
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", {"name": "t", "format": "png", "minzoom": str(min(zs)),
                                                            "maxzoom": str(max(zs))}.items())
    conn.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                     [(z, x, 2 ** z - 1 - y, data) for (z, x, y), data in tiles.items()])
    conn.commit()
    conn.close()


def pmtiles(path, tiles: dict[tuple[int, int, int], bytes]) -> None:
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import write

    with write(str(path)) as w:
        for zxy in sorted(tiles, key=lambda t: zxy_to_tileid(*t)):
            w.write_tile(zxy_to_tileid(*zxy), tiles[zxy])
        w.finalize({"tile_type": TileType.PNG, "tile_compression": Compression.NONE, "min_lon_e7": -1_800_000_000,
                    "min_lat_e7": -850_000_000, "max_lon_e7": 1_800_000_000, "max_lat_e7": 850_000_000,
                    "center_zoom": 0, "center_lon_e7": 0, "center_lat_e7": 0}, {"name": "t"})


def rgb(img, col: int, row: int) -> tuple[int, int, int]:
    p = pixels(img)[row, col]
    return int(p[0]), int(p[1]), int(p[2])


def near(a, b, tol=12) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b))


# --- addressing -------------------------------------------------------------------------------------------
Z, TX, TY = 10, 828, 474  # a zoom-10 tile over Huế (XYZ)
DOT = (100, 50)  # the red pixel (column, row) inside it


def _dot_view(size: int = 64) -> MapView:
    """A Web Mercator view at the tile's own resolution whose centre pixel is the red pixel's centre."""
    span = 2 * HALF / 2 ** Z
    res = span / 256
    x = -HALF + TX * span + (DOT[0] + 0.5) * res
    y = HALF - TY * span - (DOT[1] + 0.5) * res
    half = size / 2 * res
    return MapView(x - half - res / 2, y - half + res / 2, x + half - res / 2, y + half + res / 2, size, size,
                   "EPSG:3857")


@pytest.mark.parametrize("kind", ["mbtiles", "pmtiles"])
def test_a_known_pixel_lands_where_web_mercator_puts_it(qapp, tmp_path, kind):
    path = tmp_path / f"dot.{kind}"
    (mbtiles if kind == "mbtiles" else pmtiles)(path, {(Z, TX, TY): png_tile({DOT: RED})})
    view = _dot_view()
    img = draw_basemap(view, path, TileCache())
    # The view's pixel (32, 32) has its centre on the red pixel's centre: exactly red, its neighbours white.
    assert rgb(img, 32, 32) == RED
    assert rgb(img, 33, 32) == WHITE and rgb(img, 32, 31) == WHITE
    # With the rows flipped the wrong way the tile would be ~500 tiles away: nothing here at all.


def test_512_pixel_tiles_are_drawn_at_the_level_that_matches_their_pixels(qapp, tmp_path):
    # 512-pixel tiles at zoom Z - 1 have the pixels of 256-pixel tiles at zoom Z. The package has both
    # levels: a view at zoom Z's resolution must be drawn from level Z - 1 (green), not Z (red).
    path = tmp_path / "big.mbtiles"
    mbtiles(path, {(Z - 1, TX // 2, TY // 2): png_tile({}, fill=GREEN, size=512),
                   (Z, TX, TY): png_tile({}, fill=RED, size=512)})
    view = _dot_view()
    cache = TileCache()
    img = draw_basemap(view, path, cache)
    assert rgb(img, 32, 32) == GREEN


def test_the_tile_row_order_is_not_confused(qapp, tmp_path):
    # Two tiles one above the other: green to the north (XYZ row TY), red to the south (TY + 1).
    path = tmp_path / "two.mbtiles"
    mbtiles(path, {(Z, TX, TY): png_tile({}, fill=GREEN), (Z, TX, TY + 1): png_tile({}, fill=RED)})
    span = 2 * HALF / 2 ** Z
    x = -HALF + (TX + 0.5) * span
    y_edge = HALF - (TY + 1) * span  # the border between them
    res = span / 256
    view = MapView(x - 10 * res, y_edge - 10 * res, x + 10 * res, y_edge + 10 * res, 20, 20, "EPSG:3857")
    img = draw_basemap(view, path, TileCache())
    assert rgb(img, 10, 2) == GREEN  # upper half of the image: north
    assert rgb(img, 10, 17) == RED


# --- zoom -------------------------------------------------------------------------------------------------
def test_zoom_for_the_scale():
    # 1:10,000 on a 96 dpi screen: 2.6458 m per pixel on the ground; at 16.46° N, 2.7589 Mercator metres;
    # 156543.03 / 2.7589 = 56741 = 2^15.79 -> zoom 16.  1:50,000: 2^13.47 -> 13.  1:100,000: 2^12.47 -> 12.
    assert merc_resolution_for_scale(10_000, 16.46) == pytest.approx(2.7589, rel=1e-3)
    assert zoom_for_resolution(merc_resolution_for_scale(10_000, 16.46)) == 16
    assert zoom_for_resolution(merc_resolution_for_scale(50_000, 16.46)) == 13
    assert zoom_for_resolution(merc_resolution_for_scale(100_000, 16.46)) == 12
    assert zoom_for_resolution(156543.03392804097 / 2 ** 7) == 7  # exactly a level's resolution
    # clamped to what the package holds: beyond its last level that one is enlarged
    assert zoom_for_resolution(merc_resolution_for_scale(10_000, 16.46), minzoom=10, maxzoom=15) == 15
    assert zoom_for_resolution(merc_resolution_for_scale(1_000_000, 16.46), minzoom=10, maxzoom=15) == 10


# --- reprojection -----------------------------------------------------------------------------------------
def test_warped_into_utm_a_landmark_is_within_a_pixel(qapp, tmp_path):
    from pyproj import Transformer

    lon, lat = 107.58, 16.46  # Huế's centre, the landmark
    z = 14
    span = 2 * HALF / 2 ** z
    mx, my = merc(lon, lat)
    col, row = (mx + HALF) / span, (HALF - my) / span  # tile coordinates with fractions
    tx, ty = int(col), int(row)
    px, py = int((col - tx) * 256), int((row - ty) * 256)
    dots = {(px + i, py + j): RED for i in (-1, 0, 1) for j in (-1, 0, 1)}  # a 3x3 block centred on the landmark
    tiles = {(z, x, y): png_tile(dots if (x, y) == (tx, ty) else {}) for x in (tx - 1, tx, tx + 1)
             for y in (ty - 1, ty, ty + 1)}
    path = tmp_path / "landmark.mbtiles"
    mbtiles(path, tiles)
    e, n = Transformer.from_crs("EPSG:4326", "EPSG:32648", always_xy=True).transform(lon, lat)
    res = span / 256 * math.cos(math.radians(lat))  # ground metres of one tile pixel here
    size = 201
    view = MapView(e - size / 2 * res, n - size / 2 * res, e + size / 2 * res, n + size / 2 * res, size, size,
                   "EPSG:32648")
    img = draw_basemap(view, path, TileCache())
    a = pixels(img).astype(float)
    redness = np.clip(a[..., 0] - a[..., 1], 0, None)
    assert redness.sum() > 0
    rows, cols = np.indices(redness.shape)
    cy, cx = (redness * rows).sum() / redness.sum(), (redness * cols).sum() / redness.sum()
    # The landmark's pixel centre is (100.5, 100.5) in image coordinates: pixel index 100.
    assert abs(cx - 100) <= 1.0 and abs(cy - 100) <= 1.0, (cx, cy)


def test_a_large_warped_view_inside_the_tiles_is_covered_everywhere(qapp, tmp_path):
    # 6 x 6 green zoom-12 tiles around Huế (each about 9.4 km), and a 1000 x 700 UTM view well inside them:
    # every pixel is drawn (the view is warped in many pieces; none may be left out or misplaced).
    from pyproj import Transformer

    z = 12
    span = 2 * HALF / 2 ** z
    mx, my = merc(107.58, 16.46)
    tx, ty = int((mx + HALF) / span), int((HALF - my) / span)
    path = tmp_path / "green.mbtiles"
    mbtiles(path, {(z, x, y): png_tile({}, fill=GREEN) for x in range(tx - 3, tx + 3) for y in range(ty - 3, ty + 3)})
    e, n = Transformer.from_crs("EPSG:4326", "EPSG:32648", always_xy=True).transform(107.58, 16.46)
    res = 20.0  # 20 km x 14 km
    view = MapView(e - 500 * res, n - 350 * res, e + 500 * res, n + 350 * res, 1000, 700, "EPSG:32648")
    p = pixels(draw_basemap(view, path, TileCache()))
    assert (p[..., 3] == 255).all()
    assert (np.abs(p[..., :3].astype(int) - np.array(GREEN)).max(axis=2) <= 2).all()


# --- cache, bad tiles -------------------------------------------------------------------------------------
def test_the_cache_decodes_each_tile_once(qapp, tmp_path):
    path = tmp_path / "c.mbtiles"
    mbtiles(path, {(Z, x, y): png_tile({}) for x in (TX, TX + 1) for y in (TY, TY + 1)})
    span = 2 * HALF / 2 ** Z
    res = span / 256
    x0, y1 = -HALF + TX * span, HALF - TY * span
    # A view inside tile (TX, TY), away from its edges: only that tile is needed.
    inner = MapView(x0 + 60 * res, y1 - 200 * res, x0 + 200 * res, y1 - 60 * res, 140, 140, "EPSG:3857")
    cache = TileCache()
    draw_basemap(inner, path, cache)
    assert cache.decodes == 1
    draw_basemap(inner, path, cache)
    assert cache.decodes == 1  # the same view again: nothing decoded
    # Panned onto all four tiles: the three new ones are decoded, the first is not decoded again.
    four = MapView(x0 + 156 * res, y1 - 356 * res, x0 + 356 * res, y1 - 156 * res, 200, 200, "EPSG:3857")
    draw_basemap(four, path, cache)
    assert cache.decodes == 4
    small = TileCache(max_tiles=2)  # an LRU: what fell out is decoded again
    draw_basemap(four, path, small)
    draw_basemap(four, path, small)
    assert small.decodes == 8


def test_a_corrupt_tile_is_skipped_with_a_message(qapp, tmp_path):
    path = tmp_path / "bad.mbtiles"
    mbtiles(path, {(Z, TX, TY): png_tile({}, fill=GREEN), (Z, TX + 1, TY): b"\x89PNG\r\n\x1a\n garbage"})
    span = 2 * HALF / 2 ** Z
    res = span / 256
    x_edge, y1 = -HALF + (TX + 1) * span, HALF - TY * span
    view = MapView(x_edge - 50 * res, y1 - 100 * res, x_edge + 50 * res, y1, 100, 100, "EPSG:3857")
    r = Renderer(background="")
    result = r.render([RasterLayer(path, title="Basemap")], view, labels=False)
    r.close()
    assert rgb(result.image, 20, 50) == GREEN  # the good tile is drawn
    assert pixels(result.image)[50, 80, 3] == 0  # where the bad one would be: transparent
    assert len(result.errors) == 1
    assert "Basemap" in result.errors[0] and f"{Z}/{TX + 1}/{TY}" in result.errors[0]
    assert "could not be decoded" in result.errors[0]


# --- RGB rasters ------------------------------------------------------------------------------------------
def test_an_rgb_geotiff_is_drawn_in_its_own_colours(qapp, tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    from gisdesk.core.default_styles import flood_depth_style

    path = tmp_path / "photo.tif"
    data = np.zeros((3, 10, 20), np.uint8)
    data[:, :, :10] = np.array(RED, np.uint8)[:, None, None]  # west half red
    data[:, :, 10:] = np.array(GREEN, np.uint8)[:, None, None]  # east half green
    with rasterio.open(path, "w", driver="GTiff", width=20, height=10, count=3, dtype="uint8", crs="EPSG:32648",
                       transform=from_origin(500_000, 1_800_100, 10, 10), photometric="RGB") as dst:
        dst.write(data)
    view = MapView(500_000, 1_800_000, 500_200, 1_800_100, 200, 100, "EPSG:32648")
    r = Renderer(background="")
    img = r.render([RasterLayer(path, flood_depth_style())], view, labels=False).image
    r.close()
    assert near(rgb(img, 30, 50), RED)
    assert near(rgb(img, 170, 50), GREEN)
    assert pixels(img)[50, 30, 3] == 255


def test_an_rgba_geotiff_keeps_its_transparency(qapp, tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    path = tmp_path / "rgba.tif"
    data = np.zeros((4, 10, 20), np.uint8)
    data[:3] = np.array(GREEN, np.uint8)[:, None, None]
    data[3, :, :10] = 255  # west half opaque, east half transparent
    with rasterio.open(path, "w", driver="GTiff", width=20, height=10, count=4, dtype="uint8", crs="EPSG:32648",
                       transform=from_origin(500_000, 1_800_100, 10, 10), photometric="RGB",
                       alpha="YES") as dst:
        dst.write(data)
    view = MapView(500_000, 1_800_000, 500_200, 1_800_100, 200, 100, "EPSG:32648")
    r = Renderer(background="")
    img = r.render([RasterLayer(path)], view, labels=False).image
    r.close()
    p = pixels(img)
    assert near(tuple(int(v) for v in p[50, 30, :3]), GREEN) and p[50, 30, 3] == 255
    assert p[50, 170, 3] == 0


def test_a_one_band_raster_keeps_its_colour_ramp(qapp, tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    from gisdesk.core.style import RasterStyle

    path = tmp_path / "depth.tif"
    with rasterio.open(path, "w", driver="GTiff", width=20, height=10, count=1, dtype="float32", crs="EPSG:32648",
                       transform=from_origin(500_000, 1_800_100, 10, 10)) as dst:
        dst.write(np.full((1, 10, 20), 2.0, np.float32))
    view = MapView(500_000, 1_800_000, 500_200, 1_800_100, 200, 100, "EPSG:32648")
    style = RasterStyle(stops=[(0.0, "#000000"), (2.0, "#0000ff")])
    r = Renderer(background="")
    img = r.render([RasterLayer(path, style)], view, labels=False).image
    r.close()
    assert rgb(img, 100, 50) == (0, 0, 255)

"""Tile packages: MBTiles rows are TMS (flipped), PMTiles ids are XYZ; bad files are refused with a reason."""

from __future__ import annotations

import sqlite3

import pytest

from gisdesk.store.errors import StoreError
from gisdesk.store.tiles import MBTilesSource, PMTilesSource, is_tile_file, open_tiles, write_mbtiles


def _raw_mbtiles(path, rows: list[tuple[int, int, int, bytes]], meta: dict | None = None) -> None:
    """An MBTiles file written with plain SQL: ``rows`` are (zoom, column, TMS row, data)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", (meta or {"name": "t", "format": "png"}).items())
    conn.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()


def test_mbtiles_rows_are_flipped_to_xyz(tmp_path):
    # At zoom 2 there are 4 rows: XYZ row 0 (the northernmost) is TMS row 3.
    path = tmp_path / "t.mbtiles"
    _raw_mbtiles(path, [(2, 1, 3, b"north"), (2, 1, 0, b"south")],
                 {"name": "Test", "format": "png", "minzoom": "2", "maxzoom": "2", "bounds": "-10,-5,10,5"})
    with open_tiles(path) as src:
        assert isinstance(src, MBTilesSource)
        assert src.tile(2, 1, 0) == b"north"
        assert src.tile(2, 1, 3) == b"south"
        assert src.tile(2, 2, 0) is None
        assert (src.info.minzoom, src.info.maxzoom, src.info.format) == (2, 2, "png")
        assert src.info.bounds == (-10.0, -5.0, 10.0, 5.0)
        assert src.info.name == "Test"


def test_mbtiles_without_zoom_metadata_takes_the_tiles_zooms(tmp_path):
    path = tmp_path / "t.mbtiles"
    _raw_mbtiles(path, [(3, 0, 0, b"a"), (5, 0, 0, b"b")])
    with open_tiles(path) as src:
        assert (src.info.minzoom, src.info.maxzoom) == (3, 5)
        assert src.info.bounds[0] == -180.0  # no bounds: the whole world


def test_write_mbtiles_stores_tms_rows_and_never_overwrites(tmp_path):
    path = tmp_path / "w.mbtiles"
    n = write_mbtiles(path, [(3, 2, 1, b"xyz-3-2-1")], name="w", minzoom=3, maxzoom=3, bounds=(0, 0, 1, 1))
    assert n == 1
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT tile_row FROM tiles").fetchone()[0] == 6  # 2**3 - 1 - 1
    conn.close()
    with pytest.raises(StoreError):
        write_mbtiles(path, [], name="w", minzoom=3, maxzoom=3, bounds=(0, 0, 1, 1))


def test_pmtiles_written_by_the_pmtiles_writer_is_read(tmp_path):
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import write

    path = tmp_path / "t.pmtiles"
    tiles = {(0, 0, 0): b"world", (3, 2, 1): b"z3-north-ish", (3, 2, 6): b"z3-south-ish"}
    with write(str(path)) as w:
        for zxy in sorted(tiles, key=lambda t: zxy_to_tileid(*t)):
            w.write_tile(zxy_to_tileid(*zxy), tiles[zxy])
        w.finalize({"tile_type": TileType.PNG, "tile_compression": Compression.NONE, "min_lon_e7": -1_000_000_000,
                    "min_lat_e7": -500_000_000, "max_lon_e7": 1_000_000_000, "max_lat_e7": 500_000_000,
                    "center_zoom": 0, "center_lon_e7": 0, "center_lat_e7": 0}, {"name": "PM test"})
    with open_tiles(path) as src:
        assert isinstance(src, PMTilesSource)
        assert src.tile(3, 2, 1) == b"z3-north-ish"  # XYZ, as written: no flip
        assert src.tile(3, 2, 6) == b"z3-south-ish"
        assert src.tile(0, 0, 0) == b"world"
        assert src.tile(3, 0, 0) is None
        assert (src.info.minzoom, src.info.maxzoom, src.info.format) == (0, 3, "png")
        assert src.info.bounds == (-100.0, -50.0, 100.0, 50.0)
        assert src.info.name == "PM test"


def test_files_that_are_not_tile_packages_are_refused(tmp_path):
    junk = tmp_path / "junk.pmtiles"
    junk.write_bytes(b"\x00" * 200)
    with pytest.raises(StoreError, match="neither an MBTiles nor a PMTiles"):
        open_tiles(junk)
    bad_pm = tmp_path / "bad.pmtiles"
    bad_pm.write_bytes(b"PMTiles\x02" + b"\x00" * 200)  # version 2
    with pytest.raises(StoreError, match="not a PMTiles v3"):
        open_tiles(bad_pm)
    other_sqlite = tmp_path / "other.mbtiles"
    sqlite3.connect(other_sqlite).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(StoreError, match="not an MBTiles"):
        open_tiles(other_sqlite)
    with pytest.raises(StoreError):
        open_tiles(tmp_path / "missing.mbtiles")
    assert is_tile_file("a/B.MBTiles") and is_tile_file("x.pmtiles") and not is_tile_file("x.tif")

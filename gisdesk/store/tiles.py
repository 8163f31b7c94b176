"""Raster tile packages: MBTiles (SQLite) and PMTiles (one file, v3) readers, an MBTiles writer.

Both readers answer :meth:`TileSource.tile` in **XYZ** addressing (the web's: row 0 at the
north edge), whatever the file stores: MBTiles keeps its rows in TMS order (row 0 at the
south edge, ``tile_row = 2**z - 1 - y``), PMTiles addresses tiles by a Hilbert tile id of
(z, x, y) in XYZ order. Tiles come back as the file's bytes (PNG, JPEG or WebP); decoding
them is the renderer's business (:mod:`gisdesk.render.basemap`). Nothing here needs the
network, and nothing writes into a file it reads.

Qt-free.
"""

from __future__ import annotations

import gzip
import mmap
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from gisdesk.store.errors import StoreError

#: File suffixes read as tile packages.
TILE_SUFFIXES = (".mbtiles", ".pmtiles")
#: Half the width of the Web Mercator square (EPSG:3857), metres.
MERC_HALF = 20037508.342789244


def is_tile_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a tile package (by its suffix: ``.mbtiles`` or ``.pmtiles``)."""
    return Path(path).suffix.lower() in TILE_SUFFIXES


@dataclass(frozen=True)
class TileInfo:
    """What a tile package holds.

    Attributes
    ----------
    format : str
        ``png``, ``jpg``, ``webp`` (or what the file says).
    minzoom, maxzoom : int
    bounds : tuple of float
        West, south, east, north in degrees (WGS 84); the whole world when the file does not say.
    name : str
    attribution : str
    """

    format: str
    minzoom: int
    maxzoom: int
    bounds: tuple[float, float, float, float]
    name: str = ""
    attribution: str = ""


class TileSource:
    """A tile package opened for reading; thread-safe. Use :func:`open_tiles`."""

    path: Path
    info: TileInfo

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The bytes of tile ``z/x/y`` (XYZ: ``y`` counted from the north), or None when absent."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the file."""

    def __enter__(self) -> "TileSource":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_WORLD = (-180.0, -85.0511287798066, 180.0, 85.0511287798066)


class MBTilesSource(TileSource):
    """An MBTiles file (SQLite), opened read-only; rows are flipped from TMS to XYZ."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"'{self.path}' does not exist.", "Check the path of the basemap.")
        try:
            self._conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            meta = dict(self._conn.execute("SELECT name, value FROM metadata").fetchall())
            zooms = self._conn.execute("SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"'{self.path.name}' is not an MBTiles file ({exc}).",
                             "An MBTiles file is SQLite with 'metadata' and 'tiles' tables.") from None
        self._lock = threading.Lock()
        self.info = TileInfo(
            format=str(meta.get("format", "png")).lower(),
            minzoom=_int(meta.get("minzoom"), zooms[0] if zooms[0] is not None else 0),
            maxzoom=_int(meta.get("maxzoom"), zooms[1] if zooms[1] is not None else 0),
            bounds=_bounds(meta.get("bounds")),
            name=str(meta.get("name", self.path.stem)),
            attribution=str(meta.get("attribution", "")),
        )

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        row = (1 << z) - 1 - y  # TMS rows count from the south
        with self._lock:
            hit = self._conn.execute("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
                                     "AND tile_row = ?", (z, x, row)).fetchone()
        return bytes(hit[0]) if hit and hit[0] is not None else None

    def close(self) -> None:
        self._conn.close()


class PMTilesSource(TileSource):
    """A PMTiles v3 file, memory-mapped; directories are parsed once and kept."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        from pmtiles.tile import Compression, MagicNumberNotFound, SpecVersionUnsupported, deserialize_header

        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"'{self.path}' does not exist.", "Check the path of the basemap.")
        self._fh = open(self.path, "rb")
        try:
            self._map = mmap.mmap(self._fh.fileno(), 0, access=mmap.ACCESS_READ)
            self._header = deserialize_header(self._map[0:127])
        except (ValueError, OSError, MagicNumberNotFound, SpecVersionUnsupported) as exc:
            self._fh.close()
            raise StoreError(f"'{self.path.name}' is not a PMTiles v3 file ({type(exc).__name__}).",
                             "Convert it with the 'pmtiles' tool.") from None
        h = self._header
        self._gzip_tiles = h["tile_compression"] == Compression.GZIP
        self._gzip_dirs = h["internal_compression"] == Compression.GZIP
        self._dirs: dict[tuple[int, int], list] = {}
        self._lock = threading.Lock()
        meta = self._metadata()
        bounds = (h["min_lon_e7"] / 1e7, h["min_lat_e7"] / 1e7, h["max_lon_e7"] / 1e7, h["max_lat_e7"] / 1e7)
        self.info = TileInfo(
            format={2: "png", 3: "jpg", 4: "webp", 5: "avif"}.get(h["tile_type"].value, "png"),
            minzoom=int(h["min_zoom"]), maxzoom=int(h["max_zoom"]),
            bounds=bounds if bounds[2] > bounds[0] and bounds[3] > bounds[1] else _WORLD,
            name=str(meta.get("name", self.path.stem)), attribution=str(meta.get("attribution", "")),
        )

    def _metadata(self) -> dict:
        import json

        h = self._header
        raw = self._map[h["metadata_offset"]:h["metadata_offset"] + h["metadata_length"]]
        try:
            data = json.loads(gzip.decompress(raw) if self._gzip_dirs else raw) if raw else {}
        except (ValueError, OSError):
            data = {}
        return data if isinstance(data, dict) else {}

    def _directory(self, offset: int, length: int) -> list:
        from pmtiles.tile import deserialize_directory

        key = (offset, length)
        entries = self._dirs.get(key)
        if entries is None:
            raw = self._map[offset:offset + length]
            # pmtiles' parser always gunzips: hand it an uncompressed directory as a stored gzip member
            entries = deserialize_directory(raw if self._gzip_dirs else gzip.compress(raw, compresslevel=0))
            self._dirs[key] = entries
        return entries

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        from pmtiles.tile import find_tile, zxy_to_tileid

        h = self._header
        tile_id = zxy_to_tileid(z, x, y)
        offset, length = h["root_offset"], h["root_length"]
        with self._lock:
            for _depth in range(4):
                entry = find_tile(self._directory(offset, length), tile_id)
                if entry is None:
                    return None
                if entry.run_length == 0:  # a leaf directory
                    offset, length = h["leaf_directory_offset"] + entry.offset, entry.length
                    continue
                start = h["tile_data_offset"] + entry.offset
                data = self._map[start:start + entry.length]
                return gzip.decompress(data) if self._gzip_tiles else data
        return None

    def close(self) -> None:
        self._map.close()
        self._fh.close()


def open_tiles(path: str | os.PathLike[str]) -> TileSource:
    """The tile package at ``path``, read by its first bytes (SQLite: MBTiles; ``PMTiles``: PMTiles).

    Raises
    ------
    StoreError
        The file is missing or is neither.
    """
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"'{p}' cannot be read ({exc.strerror}).", "Check the path of the basemap.") from None
    if head.startswith(b"SQLite format 3"):
        return MBTilesSource(p)
    if head.startswith(b"PMTiles"):
        return PMTilesSource(p)
    raise StoreError(f"'{p.name}' is neither an MBTiles nor a PMTiles file.", "A basemap is a .mbtiles or .pmtiles file.")


def write_mbtiles(path: str | os.PathLike[str], tiles: Iterable[tuple[int, int, int, bytes]], *, name: str,
                  minzoom: int, maxzoom: int, bounds: tuple[float, float, float, float], fmt: str = "png",
                  attribution: str = "") -> int:
    """Write an MBTiles file of ``tiles`` given as (z, x, y XYZ, bytes); return how many were written.

    ``path`` must not exist (this never overwrites a file).
    """
    p = Path(path)
    if p.exists():
        raise StoreError(f"'{p}' already exists; it was not overwritten.")
    conn = sqlite3.connect(p)
    try:
        conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
        meta = {"name": name, "format": fmt, "type": "baselayer", "version": "1.3", "minzoom": str(minzoom),
                "maxzoom": str(maxzoom), "bounds": ",".join(f"{v:.6f}" for v in bounds), "attribution": attribution}
        conn.executemany("INSERT INTO metadata VALUES (?, ?)", sorted(meta.items()))
        n = 0
        for z, x, y, data in tiles:
            conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, (1 << z) - 1 - y, sqlite3.Binary(data)))
            n += 1
        conn.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
        conn.commit()
    finally:
        conn.close()
    return n


def register_basemap(workspace: str | os.PathLike[str], path: str | os.PathLike[str], title: str = "",
                     user: object = None) -> tuple[str, str]:
    """Reference a tile package from the workspace (``gisdesk_rasters``, group ``Basemap``); return its name and title.

    The file is opened first (a file that is not MBTiles or PMTiles is refused and nothing is
    written); ``user`` must be allowed to add layers (else PermissionDenied).
    """
    from gisdesk.store._access_check import require_in
    from gisdesk.store.base import migration
    from gisdesk.store.importer import table_name_for

    require_in(workspace, user, "import", "layer")
    src = Path(path).absolute()
    with open_tiles(src) as tiles:
        title = title or tiles.info.name or src.stem
    ws = Path(workspace).absolute()
    try:
        stored = str(src.relative_to(ws.parent))
    except ValueError:
        stored = str(src)
    with migration(workspace) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS gisdesk_rasters (name TEXT PRIMARY KEY, path TEXT, title TEXT, grp TEXT)")
        taken = {r[0] for r in conn.execute("SELECT name FROM gisdesk_rasters")}
        name = table_name_for(src, taken)
        conn.execute("INSERT INTO gisdesk_rasters VALUES (?, ?, ?, ?)", (name, stored, title, "Basemap"))
    return name, title


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return int(default)


def _bounds(text: object) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(v) for v in str(text).split(","))
    except (TypeError, ValueError):
        return _WORLD
    return (w, s, e, n) if e > w and n > s else _WORLD


__all__ = ["TILE_SUFFIXES", "MERC_HALF", "TileInfo", "TileSource", "MBTilesSource", "PMTilesSource", "open_tiles",
           "is_tile_file", "write_mbtiles", "register_basemap"]

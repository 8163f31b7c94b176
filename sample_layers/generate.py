"""Generate the demo-city workspace: a Huế-like city in one SpatiaLite file.

:func:`build_workspace` writes every map layer (communes, planning zones, the
Perfume River and canals, flood extents and hotspots with gauge readings,
roads, bridges, pumping stations, drains, cameras) and ``N`` historical
incidents in EPSG:32648, plus the flood-depth GeoTIFF beside the file. The
same seed gives the same table contents: every random value comes from
``numpy.random.default_rng`` and every timestamp from the fixed :data:`EPOCH`.
Geometry is built with shapely 2's vectorised functions and written in bulk.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import shapely

from gisdesk.store.connection import SQLITE_HEADER, connect
from gisdesk.store.errors import StoreError
from sample_layers import _names
from sample_layers._raster import Grid, distance_grid, noise_grid, write_flood_depth

SRID = 32648
EPOCH = np.datetime64("2026-10-01T00:00", "m")
EPOCH_TEXT = "2026-10-01T00:00:00Z"
SCHEMA_VERSION = 1
CHUNK = 50_000
GENERATOR = "gisdesk.sample_layers 1"

#: Layer -> group, in layer-tree order (position 0 is the top of the tree).
LAYER_GROUPS: tuple[tuple[str, str], ...] = (
    ("incidents", "Incidents"), ("cameras", "Cameras"), ("flood_hotspots", "Flood"),
    ("rivers", "Flood"), ("flood_extents", "Flood"), ("bridges", "Infrastructure"),
    ("pumping_stations", "Infrastructure"), ("drains", "Infrastructure"),
    ("roads", "Infrastructure"), ("communes", "Communes"), ("planning_zones", "Planning"),
)

Progress = Callable[[str, float], None]


class NotAWorkspaceError(StoreError):
    """The target file exists and is not a gisdesk workspace, so it is not overwritten."""


def raster_path(out: str | os.PathLike[str]) -> Path:
    """Path of the flood-depth GeoTIFF written beside workspace ``out``."""
    p = Path(out)
    return p.with_name(f"{p.stem}_flood_depth.tif")


def build_workspace(
    out: str | os.PathLike[str],
    seed: int = 7,
    incidents: int = 20000,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> Path:
    """Write the demo-city SpatiaLite workspace and its flood-depth raster.

    Parameters
    ----------
    out : path-like
        The workspace file to write. An existing file is replaced only with
        ``overwrite`` and only if it is a demo workspace this generator wrote
        (its ``gisdesk_meta`` says so); the new file is written under a
        temporary name in the same folder and moved into place.
    seed : int
        Seed of every random draw; the same seed gives identical table contents.
    incidents : int
        Number of historical incidents (tested up to 1,000,000).
    progress : callable, optional
        Called as ``progress(message, fraction)`` with fraction in [0, 1].
    overwrite : bool
        Replace an existing demo workspace (whatever was added to it is lost).

    Returns
    -------
    Path
        The workspace path. The raster is ``<stem>_flood_depth.tif`` beside it.

    Raises
    ------
    NotAWorkspaceError
        ``out`` exists and is not a demo workspace, or ``overwrite`` is false;
        it is left untouched.
    StoreError
        mod_spatialite cannot be loaded, or SQLite fails.
    """
    if incidents < 0:
        raise ValueError("incidents must be >= 0")
    out = Path(out).absolute()
    report = progress or (lambda _m, _f: None)
    _check_target(out, overwrite)
    out.parent.mkdir(parents=True, exist_ok=True)
    tag = f".{out.name}.{os.getpid()}.tmp"
    tmp_db = out.with_name(tag)
    tmp_tif = out.with_name(tag + ".tif")
    try:
        for p in (tmp_db, tmp_tif):
            p.unlink(missing_ok=True)
        report("Laying out the city", 0.0)
        city = build_city(seed, incidents, report)
        report("Writing the flood-depth raster", 0.6)
        tif = raster_path(out)
        stats = write_flood_depth(tmp_tif, city["boundary"], city["river_dist"], city["canal_dist"],
                                  city["coarse_noise"], city["raster_rng"])
        report("Writing the workspace", 0.7)
        _write_database(tmp_db, city, seed, incidents, tif.name, stats, report)
        _remove_sidecars(out)
        os.replace(tmp_tif, tif)
        os.replace(tmp_db, out)
        _fsync_dir(out.parent)
    finally:
        for p in (tmp_db, tmp_tif, Path(f"{tmp_db}-journal")):
            p.unlink(missing_ok=True)
    report("Done", 1.0)
    return out


def _check_target(out: Path, overwrite: bool) -> None:
    """Raise :class:`NotAWorkspaceError` unless ``out`` is absent, or a demo workspace and ``overwrite``."""
    if not out.exists():
        return
    hint = "Choose another file name, or move the file away yourself."
    if out.is_dir():
        raise NotAWorkspaceError(f"'{out}' is a folder; nothing was written.", hint)
    with out.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if head != SQLITE_HEADER:
        raise NotAWorkspaceError(f"'{out.name}' exists and is not an SQLite database; it was not overwritten.", hint)
    try:
        conn = connect(out, read_only=True)
    except StoreError as exc:
        raise NotAWorkspaceError(f"'{out.name}' exists and cannot be read as a workspace ({exc.message}).", hint) from exc
    try:
        found = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gisdesk_meta'"
        ).fetchone()[0]
        generator = conn.execute("SELECT value FROM gisdesk_meta WHERE key = 'generator'").fetchone() if found else None
    finally:
        conn.close()
    if not found:
        raise NotAWorkspaceError(
            f"'{out.name}' is an SQLite database but not a gisdesk workspace (no gisdesk_meta table); "
            "it was not overwritten.",
            hint,
        )
    if not generator or not str(generator[0]).startswith(GENERATOR.split()[0]):
        raise NotAWorkspaceError(
            f"'{out.name}' is a gisdesk workspace that was not made by 'gisdesk sample'; it was not overwritten.", hint)
    if not overwrite:
        raise NotAWorkspaceError(
            f"'{out.name}' already exists; it was not overwritten.",
            "Pass --force (overwrite=True) to replace this demo workspace; what was added to it is lost.")


def _remove_sidecars(out: Path) -> None:
    """Delete the old file's WAL/journal files so SQLite never replays them onto the new file."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def uuid4_strings(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` random version-4 UUID strings drawn from ``rng``, vectorised.

    Equal to ``str(uuid.UUID(bytes=b, version=4))`` for consecutive 16-byte
    slices ``b`` of ``rng.bytes(16 * n)``.
    """
    if n == 0:
        return []
    b = np.frombuffer(rng.bytes(16 * n), dtype=np.uint8).reshape(n, 16).copy()
    b[:, 6] = (b[:, 6] & 0x0F) | 0x40
    b[:, 8] = (b[:, 8] & 0x3F) | 0x80
    digits = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
    hexed = np.empty((n, 32), dtype=np.uint8)
    hexed[:, 0::2] = digits[b >> 4]
    hexed[:, 1::2] = digits[b & 0x0F]
    out = np.full((n, 36), ord("-"), dtype=np.uint8)
    for src, dst in ((0, 0), (8, 9), (12, 14), (16, 19), (20, 24)):
        width = {0: 8, 8: 4, 12: 4, 16: 4, 20: 12}[src]
        out[:, dst : dst + width] = hexed[:, src : src + width]
    return out.view("S36").ravel().astype("U36").tolist()



# --------------------------------------------------------------------------- database

#: table -> (geometry type or None, {column: SQL type}) in writing order.
SCHEMA: dict[str, tuple[str | None, dict[str, str]]] = {
    "communes": ("POLYGON", {"name": "TEXT NOT NULL", "code": "TEXT NOT NULL UNIQUE", "population": "INTEGER",
                             "area_km2": "REAL", "kind": "TEXT"}),
    "planning_zones": ("POLYGON", {"code": "TEXT NOT NULL", "land_use": "TEXT NOT NULL", "project": "TEXT",
                                   "status": "TEXT", "commune": "TEXT", "area_ha": "REAL",
                                   "approved_on": "TEXT"}),
    "rivers": ("LINESTRING", {"name": "TEXT NOT NULL", "kind": "TEXT", "length_km": "REAL"}),
    "flood_extents": ("MULTIPOLYGON", {"return_period": "INTEGER NOT NULL", "name": "TEXT",
                                       "probability_pct": "REAL", "area_km2": "REAL"}),
    "flood_hotspots": ("POINT", {"code": "TEXT NOT NULL", "name": "TEXT NOT NULL", "commune": "TEXT",
                                 "warning_level_m": "REAL", "danger_level_m": "REAL"}),
    "gauge_readings": (None, {"hotspot_fid": "INTEGER NOT NULL REFERENCES flood_hotspots(fid)",
                              "time": "TEXT NOT NULL", "level_m": "REAL NOT NULL"}),
    "roads": ("LINESTRING", {"name": "TEXT", "class": "TEXT NOT NULL", "lanes": "INTEGER"}),
    "bridges": ("POINT", {"name": "TEXT NOT NULL", "waterway": "TEXT", "road": "TEXT", "road_fid": "INTEGER"}),
    "pumping_stations": ("POINT", {"name": "TEXT NOT NULL", "capacity_m3s": "REAL", "pumps": "INTEGER",
                                   "status": "TEXT", "commune": "TEXT"}),
    "drains": ("LINESTRING", {"code": "TEXT NOT NULL", "diameter_mm": "INTEGER", "material": "TEXT",
                              "length_m": "REAL", "installed_year": "INTEGER"}),
    "cameras": ("POINT", {"code": "TEXT NOT NULL UNIQUE", "name": "TEXT NOT NULL", "ai_types": "TEXT",
                          "status": "TEXT NOT NULL", "last_detection": "TEXT", "commune": "TEXT"}),
    "incidents": ("POINT", {"uuid": "TEXT NOT NULL", "category": "TEXT NOT NULL",
                            "severity": "INTEGER NOT NULL", "channel": "TEXT NOT NULL", "status": "TEXT NOT NULL",
                            "description": "TEXT", "reported_at": "TEXT NOT NULL", "resolved_at": "TEXT",
                            "updated_at": "TEXT NOT NULL", "commune_fid": "INTEGER REFERENCES communes(fid)",
                            "commune": "TEXT", "department": "TEXT",
                            "camera_fid": "INTEGER REFERENCES cameras(fid)"}),
}


#: Unique indexes built after the rows are in (a sorted build, 4x faster than inline UNIQUE).
UNIQUE_AFTER_LOAD: dict[str, tuple[str, ...]] = {"incidents": ("uuid",)}


def _write_table(conn, table: str, data: dict[str, object], geoms: np.ndarray | None) -> int:
    """Create ``table`` and bulk-load it; geometry is registered after loading.

    Rows go into a plain BLOB column and ``RecoverGeometryColumn`` then checks
    every geometry's type and SRID and registers the column exactly as
    ``AddGeometryColumn`` would (same metadata and triggers); SpatiaLite's
    per-row triggers would otherwise more than double the load time.
    """
    gtype, columns = SCHEMA[table]
    defs = ", ".join(f'"{c}" {t}' for c, t in columns.items())
    blob = ", geom BLOB" if gtype is not None else ""
    conn.execute(f'CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY, {defs}{blob})')
    names = list(columns)
    arrays = [data[c] if isinstance(data[c], np.ndarray) else np.asarray(data[c], dtype=object) for c in names]
    n = len(arrays[0])
    marks = ", ".join("?" for _ in names)
    cols = ", ".join(f'"{c}"' for c in names)
    if gtype is not None:
        assert geoms is not None and len(geoms) == n, table
        cols += ", geom"
        marks += f", GeomFromWKB(?, {SRID})"
    sql = f'INSERT INTO "{table}" (fid, {cols}) VALUES (?, {marks})'
    for lo in range(0, n, CHUNK):  # chunks keep a million rows from becoming a million tuples at once
        hi = min(lo + CHUNK, n)
        values = [a[lo:hi].tolist() for a in arrays]
        if gtype is not None:
            values.append(shapely.to_wkb(geoms[lo:hi]).tolist())
        conn.executemany(sql, zip(range(lo + 1, hi + 1), *values))
    if gtype is not None:
        if not conn.execute("SELECT RecoverGeometryColumn(?, 'geom', ?, ?, 'XY')", (table, SRID, gtype)).fetchone()[0]:
            raise StoreError(f"SpatiaLite refused the geometry column of '{table}'.")
    for column in UNIQUE_AFTER_LOAD.get(table, ()):
        conn.execute(f'CREATE UNIQUE INDEX "idx_{table}_{column}" ON "{table}" ("{column}")')
    return n


def _write_database(path: Path, city: dict, seed: int, incidents: int, tif_name: str,
                    stats: dict[str, float], report: Progress) -> None:
    conn = connect(path, create=True, wal=False)
    try:
        conn.execute("PRAGMA journal_mode = MEMORY").fetchone()
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")  # 256 MiB: index builds stay in memory
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT InitSpatialMetadata(1)")
        conn.execute("BEGIN")
        layers = city["layers"]
        for i, table in enumerate(SCHEMA):
            data, geoms = layers[table]
            _write_table(conn, table, data, geoms)
            report(f"Wrote {table}", 0.7 + 0.2 * (i + 1) / len(SCHEMA))
        conn.execute('CREATE UNIQUE INDEX idx_gauge_readings_hotspot_time ON gauge_readings (hotspot_fid, "time")')
        conn.execute("CREATE INDEX idx_incidents_commune ON incidents (commune_fid)")
        conn.execute("CREATE INDEX idx_incidents_reported ON incidents (reported_at)")
        _write_app_tables(conn, seed, incidents, tif_name, stats)
        conn.execute("COMMIT")
        report("Building spatial indexes", 0.92)
        conn.execute("BEGIN")
        for table, (gtype, _) in SCHEMA.items():
            if gtype is not None:
                conn.execute("SELECT CreateSpatialIndex(?, 'geom')", (table,))
        conn.execute("COMMIT")
        conn.execute("SELECT UpdateLayerStatistics()")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _write_app_tables(conn, seed: int, incidents: int, tif_name: str, stats: dict[str, float]) -> None:
    conn.execute("CREATE TABLE gisdesk_meta (key TEXT PRIMARY KEY, value TEXT)")
    meta = {
        "schema_version": str(SCHEMA_VERSION), "generator": GENERATOR, "seed": str(seed),
        "created": EPOCH_TEXT, "map_crs": f"EPSG:{SRID}", "city": "Huế", "incidents": str(incidents),
        "center_lonlat": f"{CENTER_LONLAT[0]},{CENTER_LONLAT[1]}",
    }
    conn.executemany("INSERT INTO gisdesk_meta (key, value) VALUES (?, ?)", sorted(meta.items()))
    conn.execute("CREATE TABLE gisdesk_rasters (name TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT, grp TEXT)")
    conn.execute("INSERT INTO gisdesk_rasters VALUES (?, ?, ?, ?)",
                 ("flood_depth", tif_name, "Flood depth, 100-year return period (m)", "Flood"))
    conn.execute("CREATE TABLE gisdesk_layer_groups (layer TEXT PRIMARY KEY, grp TEXT NOT NULL, position INTEGER)")
    conn.executemany("INSERT INTO gisdesk_layer_groups VALUES (?, ?, ?)",
                     [(layer, grp, i) for i, (layer, grp) in enumerate(LAYER_GROUPS)])


# --------------------------------------------------------------------------- the city

#: The city centre, 107.58 E 16.46 N, in EPSG:32648 (pyproj, rounded to 10 m).
CENTER = np.array([775_480.0, 1_821_580.0])
CENTER_LONLAT = (107.58, 16.46)


def _rng(seed: int, stream: int) -> np.random.Generator:
    """An independent generator per layer, so one layer's size never shifts another's values."""
    return np.random.default_rng([seed, stream])


def _pick(rng: np.random.Generator, weights: np.ndarray) -> np.ndarray:
    """One index per row of ``weights`` (n, k), drawn with probability proportional to the row."""
    cdf = np.cumsum(weights, axis=1)
    u = rng.random(len(weights)) * cdf[:, -1]
    return np.minimum((u[:, None] > cdf).sum(axis=1), weights.shape[1] - 1)


def _iso(minutes: np.ndarray) -> np.ndarray:
    """ISO-8601 UTC text ('2026-10-03T14:05:00Z') of datetime64 values."""
    return np.datetime_as_string(np.asarray(minutes).astype("M8[s]"), timezone="UTC")


def _locate(tree: shapely.STRtree, x: np.ndarray, y: np.ndarray, predicate: str = "within") -> np.ndarray:
    """Index of the commune holding each point, -1 where none does (vectorised)."""
    idx = np.full(len(x), -1, dtype=np.int64)
    pi, ci = tree.query(shapely.points(x, y), predicate=predicate)
    idx[pi] = ci
    return idx


def _spaced(rng: np.random.Generator, n: int, draw: Callable[[int], np.ndarray],
            spacing: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """``n`` points from ``draw`` (batches of candidates), each at least ``spacing(p)`` from the others."""
    pts: list[np.ndarray] = []
    while len(pts) < n:
        cand = draw(256)
        gap = spacing(cand)
        for p, g in zip(cand, gap):
            if not pts or np.min(np.hypot(*(np.asarray(pts) - p).T)) >= g:
                pts.append(p)
                if len(pts) == n:
                    break
    return np.asarray(pts)


def _boundary(rng: np.random.Generator) -> shapely.Polygon:
    t = np.linspace(0, 2 * np.pi, 721)[:-1]
    a, b = 15_000.0, 12_500.0
    r = a * b / np.sqrt((b * np.cos(t)) ** 2 + (a * np.sin(t)) ** 2)
    k = np.arange(2, 9)[:, None]
    amp = rng.uniform(0.015, 0.045, (7, 1)) / np.sqrt(k - 1)
    r = r * (1 + (amp * np.sin(k * t + rng.uniform(0, 2 * np.pi, (7, 1)))).sum(axis=0))
    return shapely.Polygon(np.round(CENTER + np.c_[r * np.cos(t), r * np.sin(t)], 2))


def _communes(rng: np.random.Generator, boundary: shapely.Polygon) -> tuple[np.ndarray, np.ndarray]:
    """40 Voronoi cells clipped to the boundary, nearest the centre first; (polygons, seeds)."""
    def draw(m: int) -> np.ndarray:
        t = rng.uniform(0, 2 * np.pi, m)
        r = 15_000 * rng.random(m) ** 1.5
        p = CENTER + np.c_[r * np.cos(t), r * np.sin(t)]
        return p[shapely.contains_xy(boundary, p[:, 0], p[:, 1])]

    def spacing(p: np.ndarray) -> np.ndarray:
        return 700 + 0.3 * np.hypot(*(p - CENTER).T)

    shapely.prepare(boundary)
    for _ in range(100):
        seeds = _spaced(rng, len(_names.COMMUNE_NAMES), draw, spacing)
        seeds = seeds[np.argsort(np.hypot(*(seeds - CENTER).T), kind="stable")]
        cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=boundary,
                                                           ordered=True))
        polys = shapely.intersection(cells, boundary)
        if (shapely.get_type_id(polys) == 3).all() and shapely.is_valid(polys).all():
            return polys, seeds
    raise RuntimeError("could not tessellate the city into single-part communes")  # pragma: no cover


def _waterways(rng: np.random.Generator, boundary: shapely.Polygon):
    """The Perfume River and four canals (clipped to the city), the river's y(x) and the citadel."""
    minx, _, maxx, _ = boundary.bounds
    xs = np.linspace(minx - 500, maxx + 500, 1600)
    u = xs - CENTER[0]
    p1, p2 = rng.uniform(0, 2 * np.pi, 2)
    ys = 0.22 * u + 900 * np.sin(2 * np.pi * u / 9500 + p1) + 350 * np.sin(2 * np.pi * u / 3700 + p2)
    ys += CENTER[1] - 350 - np.interp(CENTER[0], xs, ys)

    def river_y(x):
        return np.interp(x, xs, ys)

    def clip(coords: np.ndarray) -> shapely.LineString:
        part = shapely.get_parts(shapely.intersection(shapely.LineString(coords), boundary))
        part = part[shapely.get_type_id(part) == 1]
        return part[np.argmax(shapely.length(part))]

    def smooth(ctrl: list[tuple[float, float]], wobble: float) -> np.ndarray:
        ctrl_a = np.asarray(ctrl, dtype=float)
        seg = np.r_[0, np.cumsum(np.hypot(*np.diff(ctrl_a, axis=0).T))]
        s = np.linspace(0, seg[-1], 200)
        pts = np.c_[np.interp(s, seg, ctrl_a[:, 0]), np.interp(s, seg, ctrl_a[:, 1])]
        w = wobble * np.sin(2 * np.pi * s / 1800 + rng.uniform(0, 2 * np.pi)) * np.sin(np.pi * s / seg[-1])
        return pts + np.c_[-w, w] * 0.7

    ax = CENTER[0] - 1500
    cit_c = np.array([ax, river_y(ax) + 1700])
    sq = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]]) * 1100.0
    rot = np.deg2rad(40)
    citadel = shapely.Polygon(cit_c + sq @ np.array([[np.cos(rot), np.sin(rot)], [-np.sin(rot), np.cos(rot)]]))
    river = clip(np.c_[xs, ys])
    bx, ex = CENTER[0] + 300, CENTER[0] + 900
    by, ey = river_y(bx), river_y(ex)
    canals = [
        smooth([(bx, by), (bx + 600, by + 1400), (bx + 1800, by + 2600), (bx + 3500, by + 3300)], 60),
        smooth([(ex, ey), (ex + 800, ey - 1500), (ex + 2500, ey - 3000), (ex + 5000, ey - 4200)], 80),
        smooth([tuple(cit_c + (-1300, 250)), tuple(cit_c + (0, 80)), tuple(cit_c + (1500, -60))], 30),
        smooth([(ex + 2500, ey - 3000), (ex + 5500, ey - 2200), (ex + 9000, ey - 1800)], 90),
    ]
    lines = np.array([river] + [clip(c) for c in canals], dtype=object)
    return lines, river_y, citadel


def _flood_extents(lines: np.ndarray, boundary, coarse: Grid) -> tuple[dict, np.ndarray]:
    from sample_layers._raster import east_fraction, flood_reach

    pieces, scale = [], []
    for i, line in enumerate(lines):
        d = np.linspace(0, line.length, max(int(line.length // 150), 2) + 1)
        pts = shapely.get_coordinates(shapely.line_interpolate_point(line, d))
        pieces.append(np.stack([pts[:-1], pts[1:]], axis=1))
        scale.append(np.full(len(pts) - 1, 1.0 if i == 0 else 1 / 2.2))
    segs = np.concatenate(pieces)
    mid = segs.mean(axis=1)
    reach = flood_reach(east_fraction(mid[:, 0], boundary), coarse.sample(mid[:, 0], mid[:, 1])) * np.concatenate(scale)
    geoms, data = [], {"return_period": [], "name": [], "probability_pct": [], "area_km2": []}
    for period, share, pct in ((10, 0.35, "10%"), (50, 0.65, "2%"), (100, 0.92, "1%")):
        buf = shapely.union_all(shapely.buffer(shapely.linestrings(segs), reach * share, quad_segs=6))
        parts = shapely.get_parts(shapely.intersection(buf, boundary))
        geom = shapely.multipolygons(parts[shapely.get_type_id(parts) == 3])
        geoms.append(geom)
        data["return_period"].append(period)
        data["name"].append(f"Lũ tần suất {pct} (chu kỳ {period} năm)")
        data["probability_pct"].append(100.0 / period)
        data["area_km2"].append(round(geom.area / 1e6, 3))
    return data, np.array(geoms, dtype=object)


def _planning_zones(rng, polys, names, river_y, river_dist: Grid, citadel) -> tuple[dict, np.ndarray]:
    areas = shapely.area(polys)
    r_seed = np.hypot(*(shapely.get_coordinates(shapely.centroid(polys)) - CENTER).T)
    w = np.sqrt(areas) * (1 + 3 * np.exp(-r_seed / 4000))
    counts = np.maximum(3, np.round(360 * w / w.sum())).astype(int)
    zones, owner = [], []
    for i, (poly, k) in enumerate(zip(polys, counts)):
        x0, y0, x1, y1 = poly.bounds
        shapely.prepare(poly)
        pts = np.empty((0, 2))
        while len(pts) < k:
            c = np.c_[rng.uniform(x0, x1, 4 * k), rng.uniform(y0, y1, 4 * k)]
            pts = np.r_[pts, c[shapely.contains_xy(poly, c[:, 0], c[:, 1])]]
        cells = shapely.voronoi_polygons(shapely.multipoints(pts[:k]), extend_to=poly, ordered=True)
        parts = shapely.get_parts(shapely.intersection(shapely.get_parts(cells), poly))
        parts = parts[(shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 1.0)]
        zones.append(parts)
        owner.append(np.full(len(parts), i))
    geoms, owner = np.concatenate(zones), np.concatenate(owner)
    c = shapely.get_coordinates(shapely.centroid(geoms))
    r = np.hypot(*(c - CENTER).T)
    urban = np.exp(-r / 5000)
    near = river_dist.sample(c[:, 0], c[:, 1])
    in_citadel = shapely.contains_xy(citadel, c[:, 0], c[:, 1])
    lw = np.c_[3 * urban + 0.5, 1.5 * urban, 1.5 * urban, 0.2 + 0.6 * (r > 6000), 0.8 + 2 * (near < 400),
               0.15 * urban + 10 * in_citadel, 0.8 * urban + 0.1, 0.3 * np.ones_like(r),
               4 * (1 - urban) ** 2, 0.1 + 6 * (near < 120)]
    use = _pick(rng, lw)
    land_use = np.array(_names.LAND_USES, dtype=object)[use]
    templ = rng.integers(0, len(_names.PROJECT_TEMPLATES), len(geoms))
    commune = np.asarray(names, dtype=object)[owner]
    project = np.array([_names.PROJECT_TEMPLATES[t].format(commune=n) for t, n in zip(templ, commune)], dtype=object)
    north = c[:, 1] > river_y(c[:, 0])
    side = np.where(north, _names.PROJECT_NORTH, _names.PROJECT_SOUTH)
    project = np.where((r < 4000) & (rng.random(len(r)) < 0.5), side, project)
    project = np.where(c[:, 0] > CENTER[0] + 3000, np.where(r < 9000, _names.PROJECT_EAST, project), project)
    project = np.where(np.isin(use, [4, 9]) & (near < 400), _names.PROJECT_RIVER, project)
    project = np.where(use == 3, _names.PROJECT_INDUSTRY, project)
    project = np.where(in_citadel, _names.PROJECT_CITADEL, project)
    status_i = _pick(rng, np.tile([0.2, 0.45, 0.15, 0.2], (len(r), 1)))
    approved = _iso(EPOCH - rng.integers(30, 2000, len(r)) * 1440).astype("U10").astype(object)
    approved[status_i == 0] = None
    data = {
        "code": [f"QH-{i + 1:04d}" for i in range(len(geoms))], "land_use": land_use, "project": project,
        "status": np.array(_names.ZONE_STATUSES, dtype=object)[status_i], "commune": commune,
        "area_ha": np.round(shapely.area(geoms) / 1e4, 2), "approved_on": approved,
    }
    return data, geoms


def _hotspots(rng, extent50, tree, names) -> tuple[dict, np.ndarray, dict]:
    shapely.prepare(extent50)

    def draw(m: int) -> np.ndarray:
        p = CENTER + rng.normal(0, 3500, (m, 2))
        return p[shapely.contains_xy(extent50, p[:, 0], p[:, 1])]

    pts = _spaced(rng, 50, draw, lambda p: np.full(len(p), 350.0))
    commune = np.asarray(names, dtype=object)[_locate(tree, pts[:, 0], pts[:, 1], "intersects")]
    streets = rng.permutation(len(_names.STREET_NAMES))[:50]
    warning = np.round(rng.uniform(1.0, 1.8, 50), 2)
    danger = np.round(warning + rng.uniform(0.8, 1.4, 50), 2)
    data = {
        "code": [f"HS-{i + 1:02d}" for i in range(50)],
        "name": [f"Điểm ngập đường {_names.STREET_NAMES[s]}" for s in streets],
        "commune": commune, "warning_level_m": warning, "danger_level_m": danger,
    }
    # 30 days of hourly levels: tides, a slow drift and one flood that crosses the warning level at some gauges.
    t = np.arange(720.0)[None, :]
    base = rng.uniform(0.3, 0.6, (50, 1))
    ph = rng.uniform(0, 2 * np.pi, (50, 3))
    tide = 0.22 * np.sin(2 * np.pi * t / 12.42 + ph[:, :1]) + 0.1 * np.sin(2 * np.pi * t / 24.84 + ph[:, 1:2])
    drift = 0.08 * np.sin(2 * np.pi * t / 240 + ph[:, 2:])
    peak = 530 + (pts[:, :1] - CENTER[0]) / 1000 + rng.uniform(-6, 6, (50, 1))
    shape = np.exp(-(((t - peak) / np.where(t < peak, 18.0, 42.0)) ** 2))
    crosses = rng.random((50, 1)) < 0.45
    height = np.where(crosses, warning[:, None] - base + rng.uniform(0.15, 1.3, (50, 1)),
                      (warning[:, None] - base) * rng.uniform(0.3, 0.8, (50, 1)))
    level = np.round(base + tide + drift + height * shape, 3)
    times = _iso(EPOCH - 30 * 1440 + np.arange(720) * 60)
    readings = {"hotspot_fid": np.repeat(np.arange(1, 51), 720), "time": np.tile(times, 50).astype(object),
                "level_m": level.ravel()}
    return data, shapely.points(pts), readings


def _roads(rng, boundary, lines) -> tuple[dict, np.ndarray]:
    river, canals = lines[0], shapely.union_all(lines[1:])
    shapely.prepare(boundary)
    n, step = 41, 230.0
    g = (np.arange(n) - n // 2) * step
    gu, gv = np.meshgrid(g, g)
    gu, gv = gu + rng.normal(0, 12, gu.shape), gv + rng.normal(0, 12, gv.shape)
    a = np.deg2rad(40)
    gx, gy = CENTER[0] + gu * np.cos(a) - gv * np.sin(a), CENTER[1] + gu * np.sin(a) + gv * np.cos(a)
    h = np.stack([np.c_[gx[:, :-1].ravel(), gy[:, :-1].ravel()], np.c_[gx[:, 1:].ravel(), gy[:, 1:].ravel()]], 1)
    v = np.stack([np.c_[gx[:-1].ravel(), gy[:-1].ravel()], np.c_[gx[1:].ravel(), gy[1:].ravel()]], 1)
    segs = np.r_[h, v]
    line_id = np.r_[np.repeat(np.arange(n), n - 1), n + np.tile(np.arange(n), n - 1)]
    mid = segs.mean(axis=1)
    theta = np.arctan2(*(mid - CENTER).T[::-1])
    keep = np.hypot(*(mid - CENTER).T) < 4300 * (1 + 0.12 * np.sin(3 * theta + rng.uniform(0, 6)))
    keep &= rng.random(len(segs)) > 0.08
    keep &= shapely.contains_xy(boundary, segs[:, 0, 0], segs[:, 0, 1])
    keep &= shapely.contains_xy(boundary, segs[:, 1, 0], segs[:, 1, 1])
    geoms = shapely.linestrings(segs)
    tertiary = line_id % 5 == 0
    keep &= ~shapely.intersects(geoms, river) | (line_id % 10 == 0)
    keep &= ~shapely.intersects(geoms, canals) | tertiary | (rng.random(len(segs)) < 0.3)
    perm = rng.permutation(len(_names.STREET_NAMES))
    grid_names = np.array(_names.STREET_NAMES, dtype=object)[perm[line_id % len(perm)]]
    out_geoms = [geoms[keep]]
    cls = [np.where(tertiary, "tertiary", "residential")[keep].astype(object)]
    names = [grid_names[keep]]
    lanes = [np.where(tertiary, 4, 2)[keep]]
    # Radial arterials, then a ring road, cut into segments of about 400 m.
    ang = np.linspace(0, 2 * np.pi, 10, endpoint=False) + rng.uniform(-0.12, 0.12, 10) + 0.2
    r = np.arange(1200.0, 17000.0, 100.0)
    for i, t0 in enumerate(ang):
        t = t0 + 0.05 * np.sin(r / 2500 + rng.uniform(0, 6))
        p = CENTER + np.c_[r * np.cos(t), r * np.sin(t)]
        inside = shapely.contains_xy(boundary, p[:, 0], p[:, 1])
        p = p[: np.argmin(inside) if not inside.all() else len(p)]
        chunks = [p[j : j + 5] for j in range(0, len(p) - 1, 4)]
        out_geoms.append(shapely.linestrings(np.asarray(chunks[:-1])) if len(chunks) > 1 else np.empty(0, object))
        out_geoms.append(np.array([shapely.LineString(chunks[-1])], dtype=object))
        k = len(chunks)
        cls.append(np.full(k, "primary" if i % 2 == 0 else "secondary", dtype=object))
        names.append(np.full(k, _names.ARTERIAL_NAMES[i], dtype=object))
        lanes.append(np.full(k, 6 if i % 4 == 0 else 4))
    t = np.linspace(0, 2 * np.pi, 361)
    rr = 6500 * (1 + 0.08 * np.sin(2 * t + rng.uniform(0, 6)))
    ring = (CENTER + np.c_[rr * np.cos(t), rr * np.sin(t)])[:-1]
    ring = np.r_[ring, ring[:1]]
    chunks = np.stack([ring[j : j + 9] for j in range(0, 360, 8)])
    ok = shapely.contains_xy(boundary, chunks[..., 0], chunks[..., 1]).all(axis=1)
    out_geoms.append(shapely.linestrings(chunks[ok]))
    cls.append(np.full(ok.sum(), "secondary", dtype=object))
    names.append(np.full(ok.sum(), _names.RING_ROAD_NAME, dtype=object))
    lanes.append(np.full(ok.sum(), 4))
    data = {"name": np.concatenate(names), "class": np.concatenate(cls), "lanes": np.concatenate(lanes)}
    return data, np.concatenate(out_geoms)


def _bridges(roads: np.ndarray, road_names: np.ndarray, lines: np.ndarray) -> tuple[dict, np.ndarray]:
    pts, wname, rfid = [], [], []
    for (name, _kind), line in zip(_names.WATERWAYS, lines):
        hits = shapely.intersection(roads, line)
        parts, idx = shapely.get_parts(hits, return_index=True)
        ok = shapely.get_type_id(parts) == 0
        xy = shapely.get_coordinates(parts[ok])
        _, first = np.unique(np.round(xy), axis=0, return_index=True)
        first.sort()
        pts.append(xy[first])
        rfid.append(idx[ok][first] + 1)
        wname.append(np.full(len(first), name, dtype=object))
    xy, rfid, wname = np.concatenate(pts), np.concatenate(rfid), np.concatenate(wname)
    road = road_names[rfid - 1]
    names = np.array([f"Cầu {r}" for r in road], dtype=object)
    on_river = np.flatnonzero(wname == _names.WATERWAYS[0][0])
    central = on_river[np.argsort(np.hypot(*(xy[on_river] - CENTER).T), kind="stable")][: len(_names.RIVER_BRIDGE_NAMES)]
    central = central[np.argsort(xy[central, 0], kind="stable")]
    names[central] = np.array(_names.RIVER_BRIDGE_NAMES, dtype=object)[: len(central)]
    data = {"name": names, "waterway": wname, "road": road, "road_fid": rfid}
    return data, shapely.points(xy)


def _pumps(rng, lines: np.ndarray, tree, names) -> tuple[dict, np.ndarray]:
    share = [14, 5, 4, 3, 4]
    xy = []
    for line, k in zip(lines, share):
        f = np.sort(rng.uniform(0.25 if k == 14 else 0.05, 0.75 if k == 14 else 0.95, k)) * line.length
        p = shapely.get_coordinates(shapely.line_interpolate_point(line, f))
        q = shapely.get_coordinates(shapely.line_interpolate_point(line, f + 5))
        tangent = (q - p) / np.maximum(np.hypot(*(q - p).T), 1e-9)[:, None]
        side = np.where(np.arange(k) % 2 == 0, 1.0, -1.0)[:, None] * rng.uniform(80, 160, (k, 1))
        xy.append(p + np.c_[-tangent[:, 1], tangent[:, 0]] * side)
    xy = np.concatenate(xy)
    commune = np.asarray(names, dtype=object)[_locate(tree, xy[:, 0], xy[:, 1], "intersects")]
    seen: dict[str, int] = {}
    label = []
    for c in commune:
        seen[c] = seen.get(c, 0) + 1
        label.append(f"Trạm bơm {c}" + (f" {seen[c]}" if seen[c] > 1 else ""))
    n = len(xy)
    data = {
        "name": label, "capacity_m3s": np.round(rng.uniform(0.5, 8.0, n), 1), "pumps": rng.integers(2, 9, n),
        "status": np.array(_names.PUMP_STATUSES, dtype=object)[_pick(rng, np.tile([0.7, 0.15, 0.1, 0.05], (n, 1)))],
        "commune": commune,
    }
    return data, shapely.points(xy)


def _drains(rng, boundary, lines: np.ndarray) -> tuple[dict, np.ndarray]:
    water = shapely.union_all(lines)
    shapely.prepare(water)
    start = np.empty((0, 2))
    while len(start) < 400:
        p = CENTER + rng.normal(0, 3000, (600, 2))
        p = p[shapely.contains_xy(boundary, p[:, 0], p[:, 1])]
        start = np.r_[start, p[shapely.distance(shapely.points(p), water) > 60]]
    start = start[:400]
    near = shapely.get_coordinates(shapely.shortest_line(shapely.points(start), water)).reshape(-1, 2, 2)[:, 1]
    vec = near - start
    dist = np.hypot(*vec.T)
    unit = vec / dist[:, None]
    length = np.minimum(dist - 5, rng.uniform(150, 700, 400))
    end = start + unit * length[:, None]
    mid = start + unit * (length / 2)[:, None] + np.c_[-unit[:, 1], unit[:, 0]] * rng.uniform(-40, 40, (400, 1))
    geoms = shapely.linestrings(np.stack([start, mid, end], axis=1))
    data = {
        "code": [f"CTN-{i + 1:04d}" for i in range(400)],
        "diameter_mm": np.array([300, 400, 600, 800, 1000, 1200, 1500])[_pick(rng, np.tile([3, 4, 4, 3, 2, 1, 1], (400, 1)))],
        "material": np.array(_names.DRAIN_MATERIALS, dtype=object)[_pick(rng, np.tile([4, 3, 2, 1, 1, 0.5], (400, 1)))],
        "length_m": np.round(shapely.length(geoms), 1), "installed_year": rng.integers(1995, 2026, 400),
    }
    return data, geoms


def _cameras(rng, boundary, roads: tuple[dict, np.ndarray], river_dist: Grid, tree, names) -> tuple[dict, np.ndarray]:
    rdata, rgeoms = roads
    weight = np.select([rdata["class"] == "primary", rdata["class"] == "secondary", rdata["class"] == "tertiary"],
                       [6.0, 4.0, 2.0], 1.0)
    pick = rng.choice(len(rgeoms), 480, replace=False, p=weight / weight.sum())
    on_road = shapely.get_coordinates(shapely.line_interpolate_point(rgeoms[pick], 0.5, normalized=True))
    on_road += rng.normal(0, 8, on_road.shape)
    x0, y0, x1, y1 = boundary.bounds
    other = np.empty((0, 2))
    while len(other) < 170:
        p = np.c_[rng.uniform(x0, x1, 400), rng.uniform(y0, y1, 400)]
        other = np.r_[other, p[shapely.contains_xy(boundary, p[:, 0], p[:, 1])]]
    xy = np.r_[on_road, other[:170]]
    n = len(xy)
    is_road = np.arange(n) < 480
    d_water = river_dist.sample(xy[:, 0], xy[:, 1])
    rural = np.clip(np.hypot(*(xy - CENTER).T) / 6000, 0.1, 3.0) ** 2
    types = _names.AI_TYPES
    p = np.full((n, len(types)), 0.12)
    for t in ("flooding", "water level", "riverbank erosion", "sand mining"):
        p[:, types.index(t)] *= np.where(d_water < 500, 3.0, 0.3)
    for t in ("forest fire", "straw burning", "landslide", "smoke"):
        p[:, types.index(t)] *= rural
    for t in ("traffic violation", "illegal parking", "wrong-way driving", "red-light running", "helmet violation",
              "uncovered dump truck", "vehicle counting", "licence plate recognition", "abandoned vehicle"):
        p[:, types.index(t)] *= np.where(is_road, 2.0, 0.3)
    p = np.clip(p, 0.0, 0.85)
    has = rng.random(p.shape) < p
    has[np.arange(n), np.argmax(p + rng.random(p.shape) * 0.01, axis=1)] |= ~has.any(axis=1)
    for j in np.flatnonzero(~has.any(axis=0)):
        has[(j * 23) % n, j] = True
    ai = [",".join(t for t, h in zip(types, row) if h) for row in has]
    commune = np.asarray(names, dtype=object)[_locate(tree, xy[:, 0], xy[:, 1], "intersects")]
    road_names = rdata["name"][pick]
    label = np.where(is_road, np.r_[road_names, np.full(170, "", object)], None)
    label = [f"Camera đường {r}" if r else f"Camera giám sát {c}" for r, c in zip(label, commune)]
    online = rng.random(n) < 0.9
    last = EPOCH - np.where(online, rng.exponential(180, n), rng.uniform(2, 60, n) * 1440).astype(np.int64)
    last_txt = _iso(last).astype(object)
    last_txt[~online & (rng.random(n) < 0.3)] = None
    data = {
        "code": [f"CAM-{i + 1:04d}" for i in range(n)], "name": label, "ai_types": ai,
        "status": np.where(online, "online", "offline").astype(object), "last_detection": last_txt,
        "commune": commune,
    }
    return data, shapely.points(xy)


def _incidents(rng, n: int, boundary, communes: dict, tree, river_dist: Grid, cameras: np.ndarray) -> tuple[dict, np.ndarray]:
    """``n`` incidents, all vectorised: locations, categories, times, states and text."""
    cats = list(_names.INCIDENT_CATEGORIES)
    cent = shapely.get_coordinates(shapely.centroid(communes["geoms"]))
    pop = np.asarray(communes["population"], dtype=float)
    x0, y0, x1, y1 = boundary.bounds
    xs, ys, cs, gs, need = [], [], [], [], n
    while need > 0:
        m = int(need * 1.25) + 64
        comp = rng.random(m)
        a = CENTER + rng.normal(0, 2800, (m, 2))
        b = cent[rng.choice(len(cent), m, p=pop / pop.sum())] + rng.normal(0, 900, (m, 2))
        c = np.c_[rng.uniform(x0, x1, m), rng.uniform(y0, y1, m)]
        p = np.where((comp < 0.55)[:, None], a, np.where((comp < 0.85)[:, None], b, c))
        pts = shapely.points(p)
        where = np.full(m, -1, dtype=np.int64)
        pi, ci = tree.query(pts, predicate="within")
        where[pi] = ci
        ok = np.flatnonzero(where >= 0)[:need]
        xs.append(p[ok, 0]), ys.append(p[ok, 1]), cs.append(where[ok]), gs.append(pts[ok])
        need -= len(ok)
    x, y, com, geoms = (np.concatenate(v) for v in (xs, ys, cs, gs))
    d_river = river_dist.sample(x, y)
    r = np.hypot(x - CENTER[0], y - CENTER[1])
    rural = np.clip(r / 6000, 0.1, 3.0) ** 2
    urban = 2 * np.exp(-r / 4000) + 0.2
    factor = {"flooding": 0.3 + 2.5 * np.exp(-d_river / 700), "landslide": rural, "forest fire": rural,
              "straw burning": rural, "traffic violation": urban, "noise": urban}
    w = np.stack([_names.INCIDENT_CATEGORIES[k][0] * factor.get(k, np.ones_like(r)) for k in cats], axis=1)
    cat = _pick(rng, w)
    sev = _pick(rng, np.asarray(_names.INCIDENT_SEVERITY_SHARES)[cat]) + 1
    chan = _pick(rng, np.asarray(_names.INCIDENT_CHANNEL_SHARES)[cat])
    # When: 365 days before the epoch, weekly and seasonal rhythm, flood season Oct-Nov.
    day0 = EPOCH.astype("M8[D]") - 365
    days = day0 + np.arange(365)
    month = days.astype("M8[M]").astype(np.int64) % 12 + 1
    weekday = (days.astype(np.int64) + 3) % 7
    base = np.array([1.15, 1.1, 1.05, 1.05, 1.0, 0.85, 0.75])[weekday] * (0.75 + 0.5 * np.arange(365) / 365)
    season = {"flooding": {9: 1.5, 10: 5.0, 11: 5.0, 12: 2.5, 1: 0.8}, "straw burning": {4: 4.0, 5: 4.0, 8: 3.0, 9: 3.0},
              "forest fire": {4: 3.0, 5: 4.0, 6: 4.0, 7: 4.0, 8: 2.0}, "fallen tree": {9: 2.0, 10: 3.0, 11: 3.0},
              "landslide": {10: 4.0, 11: 4.0, 12: 2.0}}
    hour_w = np.array([.3, .2, .15, .15, .2, .4, .9, 1.4, 1.7, 1.8, 1.7, 1.5, 1.2, 1.2, 1.5, 1.6, 1.6, 1.5,
                       1.3, 1.1, 1.0, .9, .7, .5])
    day = np.empty(n, dtype=np.int64)
    hour = np.empty(n, dtype=np.int64)
    for k, name in enumerate(cats):
        idx = np.flatnonzero(cat == k)
        dw = base * np.vectorize(lambda mo: season.get(name, {}).get(mo, 1.0 if name not in season else 0.4))(month)
        hw = hour_w + (np.r_[2.5, 2, 1, 0.5, np.zeros(16), 0.5, 1, 2, 2.5] if name == "noise" else 0)
        day[idx] = rng.choice(365, len(idx), p=dw / dw.sum())
        hour[idx] = rng.choice(24, len(idx), p=hw / hw.sum())
    reported = day0.astype("M8[m]") + day * 1440 + hour * 60 + rng.integers(0, 60, n)
    median_h = np.array([96.0, 48.0, 18.0, 6.0])[sev - 1]
    duration = np.maximum(10, np.exp(rng.normal(np.log(median_h * 60), 0.9))).astype(np.int64)
    resolved = reported + duration
    done = resolved < EPOCH
    u = rng.random(n)
    recent = (EPOCH - resolved) < np.timedelta64(3 * 1440, "m")
    p_res = np.where(recent, 0.8, 0.25)
    age = (EPOCH - reported).astype(np.int64)
    open_state = np.where((age < 120) | (u < 0.15), 0, np.where(u < 0.5, 1, 2))
    state = np.where(done, np.where(u < 0.06, 5, np.where(u < 0.06 + 0.94 * p_res, 3, 4)), open_state)
    updated = np.where(done, resolved, reported + (np.where(open_state == 0, 0, age * rng.random(n) * 0.5)).astype(np.int64))
    resolved_txt = _iso(resolved).astype(object)
    resolved_txt[~done] = None
    # Text: a table of every (category, template, street) sentence, indexed in one go.
    streets = _names.STREET_NAMES
    table = np.array([[[tpl[t % len(tpl)].format(street=s) for s in streets] for t in range(3)]
                      for tpl in (_names.INCIDENT_CATEGORIES[k][2] for k in cats)], dtype=object)
    desc = table[cat, rng.integers(0, 3, n), rng.integers(0, len(streets), n)]
    camera = np.full(n, None, dtype=object)
    by_cam = np.flatnonzero(chan == _names.INCIDENT_CHANNELS.index("camera"))
    if len(by_cam):
        near = shapely.STRtree(cameras).query_nearest(geoms[by_cam], all_matches=False)
        camera[by_cam[near[0]]] = near[1] + 1
    data = {
        "uuid": uuid4_strings(rng, n), "category": np.array(cats, dtype=object)[cat], "severity": sev,
        "channel": np.array(_names.INCIDENT_CHANNELS, dtype=object)[chan],
        "status": np.array(_names.INCIDENT_STATUSES, dtype=object)[state], "description": desc,
        "reported_at": _iso(reported).astype(object), "resolved_at": resolved_txt,
        "updated_at": _iso(updated).astype(object), "commune_fid": com + 1,
        "commune": np.asarray(communes["name"], dtype=object)[com],
        "department": np.array([_names.INCIDENT_CATEGORIES[k][1] for k in cats], dtype=object)[cat],
        "camera_fid": camera,
    }
    return data, geoms


def build_city(seed: int, incidents: int, report: Progress) -> dict:
    """Every layer of the demo city as ``{table: (columns, geometries)}`` plus the raster inputs."""
    boundary = _boundary(_rng(seed, 1))
    polys, _seeds = _communes(_rng(seed, 2), boundary)
    names = list(_names.COMMUNE_NAMES)
    r = np.hypot(*(shapely.get_coordinates(shapely.centroid(polys)) - CENTER).T)
    area = shapely.area(polys) / 1e6
    density = 14_000 * np.exp(-r / 3000) + 350
    pop = np.round(area * density * np.exp(_rng(seed, 3).normal(0, 0.15, len(polys)))).astype(np.int64)
    communes = {"name": names, "code": [f"{19_700 + 3 * i}" for i in range(len(polys))], "population": pop,
                "area_km2": np.round(area, 3), "kind": np.where(r < 5000, "phường", "xã").astype(object)}
    tree = shapely.STRtree(polys)
    lines, river_y, citadel = _waterways(_rng(seed, 4), boundary)
    x0, y0, x1, y1 = boundary.bounds
    grid_bounds = (x0 - 500, y0 - 500, x1 + 500, y1 + 500)
    river_dist = distance_grid(lines[0], grid_bounds)
    canal_dist = distance_grid(shapely.union_all(lines[1:]), grid_bounds)
    coarse = noise_grid(_rng(seed, 5), grid_bounds, 48)
    report("Planning zones and flood extents", 0.1)
    zones = _planning_zones(_rng(seed, 6), polys, names, river_y, river_dist, citadel)
    rivers = ({"name": [w[0] for w in _names.WATERWAYS], "kind": [w[1] for w in _names.WATERWAYS],
               "length_km": np.round(shapely.length(lines) / 1000, 3)}, lines)
    extents = _flood_extents(lines, boundary, coarse)
    hot_data, hot_geoms, readings = _hotspots(_rng(seed, 7), extents[1][1], tree, names)
    report("Roads, bridges and drains", 0.2)
    roads = _roads(_rng(seed, 8), boundary, lines)
    cameras = _cameras(_rng(seed, 11), boundary, roads, river_dist, tree, names)
    report(f"{incidents:,} incidents", 0.3)
    communes_full = {**communes, "geoms": polys}
    layers = {
        "communes": (communes, polys), "planning_zones": zones, "rivers": rivers, "flood_extents": extents,
        "flood_hotspots": (hot_data, hot_geoms), "gauge_readings": (readings, None), "roads": roads,
        "bridges": _bridges(roads[1], roads[0]["name"], lines),
        "pumping_stations": _pumps(_rng(seed, 9), lines, tree, names),
        "drains": _drains(_rng(seed, 10), boundary, lines), "cameras": cameras,
        "incidents": _incidents(_rng(seed, 12), incidents, boundary, communes_full, tree, river_dist, cameras[1]),
    }
    return {"boundary": boundary, "river_dist": river_dist, "canal_dist": canal_dist, "coarse_noise": coarse,
            "raster_rng": _rng(seed, 13), "layers": layers}

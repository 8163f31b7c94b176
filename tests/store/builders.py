"""Builders for the store tests: real SpatiaLite files written with SpatiaLite's own SQL.

The reference for every decoded coordinate is shapely reading SpatiaLite's
``AsBinary(geom)``, so the tests compare gisdesk's bulk decoder with a second,
independent reader of the same file.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from gisdesk.store.connection import connect
from gisdesk.store.datasource import quote_ident

# name -> (geometry type, dimension, srid, rows as WKT or None, spatial index)
TABLE_ODD = "odd name"  # SpatiaLite refuses quotes in names
COL_ODD = "geo m"


def _rng_points(rng: random.Random, n: int, x0: float, y0: float, span: float) -> list[tuple[float, float]]:
    return [(x0 + rng.random() * span, y0 + rng.random() * span) for _ in range(n)]


def _ring(cx: float, cy: float, r: float, n: int = 7, clockwise: bool = False) -> str:
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    if clockwise:
        angles = angles[::-1]
    pts = [(float(cx + r * np.cos(a)), float(cy + r * np.sin(a))) for a in angles]
    pts.append(pts[0])
    return "(" + ", ".join(f"{x!r} {y!r}" for x, y in pts) + ")"


@dataclass
class Spec:
    """What one layer of the fixture file should look like."""

    name: str
    table: str
    column: str
    geometry_type: str
    dimension: str
    srid: int
    count: int
    spatial_index: bool
    is_view: bool = False


def _layers(rng: random.Random) -> dict[str, tuple[str, str, str, int, list[str | None], bool]]:
    """table -> (column, type, dims, srid, WKT rows, index)."""
    out: dict[str, tuple[str, str, str, int, list[str | None], bool]] = {}
    # Hue, EPSG:4326.
    pts = [f"POINT({x!r} {y!r})" for x, y in _rng_points(rng, 60, 107.5, 16.4, 0.2)]
    pts[5] = None
    pts[17] = None
    out["pts"] = ("geom", "POINT", "XY", 4326, pts, True)
    # Web Mercator lines.
    lines = []
    for _ in range(25):
        p = _rng_points(rng, rng.randint(2, 9), 11_960_000.0, 1_850_000.0, 20_000.0)
        lines.append("LINESTRING(" + ", ".join(f"{x!r} {y!r}" for x, y in p) + ")")
    out["lines"] = ("geom", "LINESTRING", "XY", 3857, lines, True)
    # UTM 48N polygons, some with holes, one with two holes.
    polys = []
    for i in range(20):
        cx, cy = 750_000 + rng.random() * 10_000, 1_815_000 + rng.random() * 10_000
        rings = [_ring(cx, cy, 400, n=5 + i % 4)]
        if i % 3 == 0:
            rings.append(_ring(cx, cy, 100, clockwise=True))
        if i == 6:
            rings.append(_ring(cx + 250, cy, 50, n=4, clockwise=True))
        polys.append("POLYGON(" + ", ".join(rings) + ")")
    out["polys"] = ("geom", "POLYGON", "XY", 32648, polys, True)
    # Multipoints (one single-part, the others several parts).
    mpts = []
    for i in range(15):
        p = _rng_points(rng, 1 if i == 0 else rng.randint(2, 6), 107.5, 16.4, 0.2)
        mpts.append("MULTIPOINT(" + ", ".join(f"({x!r} {y!r})" for x, y in p) + ")")
    out["mpts"] = ("geom", "MULTIPOINT", "XY", 4326, mpts, True)
    # VN-2000 / UTM 48N multilines.
    mlines = []
    for i in range(15):
        parts = []
        for _ in range(1 if i % 4 == 0 else rng.randint(2, 4)):
            p = _rng_points(rng, rng.randint(2, 6), 560_000.0, 1_810_000.0, 5_000.0)
            parts.append("(" + ", ".join(f"{x!r} {y!r}" for x, y in p) + ")")
        mlines.append("MULTILINESTRING(" + ", ".join(parts) + ")")
    out["mlines"] = ("geom", "MULTILINESTRING", "XY", 3405, mlines, True)
    # VN-2000 multipolygons: single part, several parts, parts with holes.
    mpolys = []
    for i in range(12):
        polys_i = []
        for k in range(1 if i % 5 == 0 else rng.randint(2, 4)):
            cx, cy = 560_000 + rng.random() * 5_000 + 2_000 * k, 1_810_000 + rng.random() * 5_000
            rings = [_ring(cx, cy, 300)]
            if (i + k) % 2 == 0:
                rings.append(_ring(cx, cy, 80, clockwise=True))
            polys_i.append("(" + ", ".join(rings) + ")")
        mpolys.append("MULTIPOLYGON(" + ", ".join(polys_i) + ")")
    out["mpolys"] = ("geom", "MULTIPOLYGON", "XY", 3405, mpolys, True)
    # XYZ points and lines.
    out["pointz"] = ("geom", "POINT", "XYZ", 4326,
                     [f"POINTZ({x!r} {y!r} {rng.random() * 50!r})" for x, y in _rng_points(rng, 20, 107.5, 16.4, 0.2)],
                     True)
    linez = []
    for _ in range(10):
        p = _rng_points(rng, rng.randint(2, 6), 750_000.0, 1_815_000.0, 5_000.0)
        linez.append("LINESTRINGZ(" + ", ".join(f"{x!r} {y!r} {rng.random() * 9!r}" for x, y in p) + ")")
    out["linez"] = ("geom", "LINESTRING", "XYZ", 32648, linez, True)
    # Generic GEOMETRY column with mixed types (and a NULL).
    out["mixed"] = ("geom", "GEOMETRY", "XY", 4326, [
        "POINT(107.55 16.45)",
        "LINESTRING(107.5 16.4, 107.6 16.5, 107.62 16.41)",
        "POLYGON((107.5 16.4, 107.6 16.4, 107.6 16.5, 107.5 16.4))",
        None,
        "MULTIPOINT((107.51 16.41), (107.52 16.42))",
        "MULTIPOLYGON(((107.5 16.4, 107.6 16.4, 107.6 16.5, 107.5 16.4)), "
        "((107.7 16.4, 107.8 16.4, 107.8 16.5, 107.7 16.4), (107.75 16.42, 107.76 16.43, 107.77 16.42, 107.75 16.42)))",
        "GEOMETRYCOLLECTION(POINT(107.53 16.43), LINESTRING(107.5 16.5, 107.6 16.6))",
    ], True)
    # Geometry column not called geom, and a name with a space and a quote.
    out["roads"] = ("the_geom", "LINESTRING", "XY", 4326, [
        f"LINESTRING({107.5 + i / 100!r} 16.4, {107.51 + i / 100!r} 16.45)" for i in range(8)], True)
    out[TABLE_ODD] = (COL_ODD, "POINT", "XY", 3857, [
        f"POINT({11_960_000 + i * 10.5!r} {1_850_000 - i * 3.25!r})" for i in range(7)], True)
    # No spatial index.
    out["noidx"] = ("geom", "POLYGON", "XY", 4326, [
        "POLYGON(" + _ring(107.5 + i / 50, 16.4, 0.005) + ")" for i in range(9)], False)
    # Only NULL geometries.
    out["allnull"] = ("geom", "POINT", "XY", 4326, [None, None, None], True)
    return out


def build_spatialite(path: Path, seed: int = 42) -> list[Spec]:
    """Write the fixture SpatiaLite file; return the layers it should show."""
    rng = random.Random(seed)
    conn = connect(path, create=True)
    specs: list[Spec] = []
    try:
        conn.execute("SELECT InitSpatialMetadata(1)")
        conn.execute("BEGIN")
        for table, (col, gtype, dims, srid, rows, index) in _layers(rng).items():
            q = quote_ident(table)
            conn.execute(f"CREATE TABLE {q} (id INTEGER PRIMARY KEY, kind TEXT, label TEXT)")
            ok = conn.execute("SELECT AddGeometryColumn(?, ?, ?, ?, ?)", (table, col, srid, gtype, dims)).fetchone()[0]
            assert ok == 1, f"AddGeometryColumn failed for {table}"
            if index:
                assert conn.execute("SELECT CreateSpatialIndex(?, ?)", (table, col)).fetchone()[0] == 1
            conn.executemany(
                f"INSERT INTO {q} (kind, label, {quote_ident(col)}) VALUES (?, ?, GeomFromText(?, ?))",
                [("abc"[i % 3], f"f{i}", wkt, srid) for i, wkt in enumerate(rows)],
            )
            specs.append(Spec(table, table, col, gtype, dims, srid, len(rows), index))
        # Two geometry columns in one table: layers "t(g1)" and "t(g2)".
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, kind TEXT)")
        conn.execute("SELECT AddGeometryColumn('t', 'g1', 4326, 'POINT', 'XY')")
        conn.execute("SELECT AddGeometryColumn('t', 'g2', 4326, 'POLYGON', 'XY')")
        conn.execute("SELECT CreateSpatialIndex('t', 'g1')")
        conn.execute("SELECT CreateSpatialIndex('t', 'g2')")
        for i in range(6):
            x, y = 107.5 + i / 100, 16.4 + i / 200
            conn.execute(
                "INSERT INTO t (kind, g1, g2) VALUES (?, MakePoint(?, ?, 4326), GeomFromText(?, 4326))",
                ("ab"[i % 2], x, y, "POLYGON(" + _ring(x, y, 0.003) + ")" if i != 2 else None),
            )
        specs.append(Spec("t(g1)", "t", "g1", "POINT", "XY", 4326, 6, True))
        specs.append(Spec("t(g2)", "t", "g2", "POLYGON", "XY", 4326, 6, True))
        # A spatial view over the polygons of kind 'a'.
        conn.execute("CREATE VIEW polys_a AS SELECT rowid AS rid, id, kind, geom FROM polys WHERE kind = 'a'")
        conn.execute(
            "INSERT INTO views_geometry_columns (view_name, view_geometry, view_rowid, f_table_name, "
            "f_geometry_column, read_only) VALUES ('polys_a', 'geom', 'rid', 'polys', 'geom', 1)"
        )
        n_a = sum(1 for i in range(20) if i % 3 == 0)
        specs.append(Spec("polys_a", "polys_a", "geom", "POLYGON", "XY", 32648, n_a, True, is_view=True))
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return specs


def reference_paths(conn, table: str, column: str, where: str = "1", params: tuple = ()) -> tuple:
    """Expected (xy, offsets, path_feature, exterior, count, rowids) from shapely on ``AsBinary``.

    Features are the non-NULL geometries in rowid order, numbered 0..N-1.
    """
    rows = conn.execute(
        f"SELECT rowid, AsBinary({quote_ident(column)}) FROM {quote_ident(table)} "
        f"WHERE {quote_ident(column)} IS NOT NULL AND ({where}) ORDER BY rowid", params
    ).fetchall()
    xy, counts, feats, exts = [], [], [], []
    for f, (_rowid, wkb) in enumerate(rows):
        for ring, is_ext in _paths(shapely.from_wkb(bytes(wkb))):
            xy.append(ring)
            counts.append(len(ring))
            feats.append(f)
            exts.append(is_ext)
    offsets = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    xy_all = np.concatenate(xy) if xy else np.empty((0, 2))
    return xy_all, offsets, np.asarray(feats, np.int64), np.asarray(exts, bool), len(rows), [r[0] for r in rows]


def _paths(g):
    """(coords, is_exterior) of every path: points each a path, rings exterior first."""
    t = g.geom_type
    if t == "Point":
        yield shapely.get_coordinates(g), True
    elif t == "LineString":
        yield shapely.get_coordinates(g), False
    elif t == "Polygon":
        yield shapely.get_coordinates(g.exterior), True
        for r in g.interiors:
            yield shapely.get_coordinates(r), False
    else:
        for part in shapely.get_parts(g):
            yield from _paths(part)

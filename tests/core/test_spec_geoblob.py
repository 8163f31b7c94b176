"""Geometry decoding against the blob formats themselves: blobs built here byte by byte from the
SpatiaLite BLOB-Geometry and GeoPackage (GP header + WKB) specifications, and checked again against
blobs that SpatiaLite itself writes.

SpatiaLite: ``0x00``, endian byte (1 = little), SRID int32, MBR (minx, miny, maxx, maxy doubles),
``0x7C``, class type int32 (1 point, 2 line, 3 polygon, 4-6 their multi forms, 7 collection; +1000 Z,
+2000 M, +3000 ZM; +1000000 compressed: first and last vertex as doubles, the others as float32 deltas
of x, y (and z) from the previous vertex, M always a double), body, ``0xFE``; each entity of a multi
geometry starts with ``0x69``. GeoPackage: ``GP``, version, flags (bit 0 little-endian header, bits 1-3
the envelope: 0 none, 1 xy, 2 xyz, 3 xym, 4 xyzm; bit 4 empty), srs_id int32, envelope doubles, then
WKB (ISO codes 1000 Z, 2000 M, 3000 ZM, or the extended flags 0x80000000 Z, 0x40000000 M).
"""

from __future__ import annotations

import struct

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, box

from gisdesk.store.geoblob import Geometries, concat_ranges, decode_gpkg, decode_spatialite, from_shapely

DIMS = {"xy": (0, 2), "xyz": (1000, 3), "xym": (2000, 3), "xyzm": (3000, 4)}  # class-type offset, numbers


def coords(xy, dims: str, base: float = 100.0):
    """Vertices with z = base + i and m = -(base + i), so a wrong stride is seen at once."""
    out = []
    for i, (x, y) in enumerate(xy):
        extra = {"xy": (), "xyz": (base + i,), "xym": (-(base + i),), "xyzm": (base + i, -(base + i))}[dims]
        out.append((x, y, *extra))
    return out


def doubles(e: str, vertices) -> bytes:
    return b"".join(struct.pack(f"{e}{len(v)}d", *v) for v in vertices)


# --- SpatiaLite blobs, built from the format ------------------------------------------------------------------


def sl(ctype: int, body: bytes, mbr=(0.0, 0.0, 0.0, 0.0), e: str = "<") -> bytes:
    return (bytes([0x00, 1 if e == "<" else 0]) + struct.pack(e + "i", 32648) + struct.pack(e + "4d", *mbr)
            + b"\x7c" + struct.pack(e + "i", ctype) + body + b"\xfe")


def sl_point(xy, dims="xy", e="<", mbr=None) -> bytes:
    off, _ = DIMS[dims]
    return sl(1 + off, doubles(e, coords([xy], dims)), mbr or (xy[0], xy[1], xy[0], xy[1]), e)


def sl_line_body(xy, dims, e="<") -> bytes:
    return struct.pack(e + "i", len(xy)) + doubles(e, coords(xy, dims))


def sl_polygon_body(rings, dims, e="<") -> bytes:
    return struct.pack(e + "i", len(rings)) + b"".join(sl_line_body(r, dims, e) for r in rings)


def sl_line(xy, dims="xy", e="<") -> bytes:
    return sl(2 + DIMS[dims][0], sl_line_body(xy, dims, e), e=e)


def sl_polygon(rings, dims="xy", e="<") -> bytes:
    return sl(3 + DIMS[dims][0], sl_polygon_body(rings, dims, e), e=e)


def sl_multi(base: int, part_type: int, bodies, e="<", dims="xy") -> bytes:
    off = DIMS[dims][0]
    body = struct.pack(e + "i", len(bodies)) + b"".join(
        b"\x69" + struct.pack(e + "i", part_type + off) + b for b in bodies)
    return sl(base + off, body, e=e)


def sl_compressed_line_body(xy, dims) -> bytes:
    """A compressed ring or line: first/last as doubles, float32 deltas (x, y[, z]) between, M as double."""
    vs = coords(xy, dims)
    out = struct.pack("<i", len(vs)) + doubles("<", [vs[0]])
    for prev, v in zip(vs[:-2], vs[1:-1]):
        dx, dy = v[0] - prev[0], v[1] - prev[1]
        if dims == "xy":
            out += struct.pack("<2f", dx, dy)
        elif dims == "xyz":
            out += struct.pack("<3f", dx, dy, v[2] - prev[2])
        elif dims == "xym":
            out += struct.pack("<2fd", dx, dy, v[2])
        else:
            out += struct.pack("<3fd", dx, dy, v[2] - prev[2], v[3])
    return out + doubles("<", [vs[-1]])


def decode(blobs, kind, decoder=decode_spatialite) -> Geometries:
    return decoder(b"".join(blobs), np.array([len(b) for b in blobs], np.int64), kind)


def paths(g: Geometries) -> list[list[tuple[float, float]]]:
    return [[tuple(p) for p in g.xy[a:b].tolist()] for a, b in zip(g.offsets[:-1], g.offsets[1:])]


SQUARE = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
HOLE = [(2.0, 2.0), (4.0, 2.0), (4.0, 4.0), (2.0, 2.0)]
LINE = [(1.0, 2.0), (3.5, 4.25), (7.0, 8.0), (-1.0, 1e6)]


@pytest.mark.parametrize("dims", list(DIMS))
def test_spatialite_points_in_every_dimension(dims):
    g = decode([sl_point((3.0, 4.0), dims), sl_point((-5.5, 6.25), dims, mbr=(-6.0, 6.0, -5.0, 7.0))], "point")
    assert (g.kind, g.count) == ("point", 2)
    assert g.xy.tolist() == [[3.0, 4.0], [-5.5, 6.25]]
    assert g.offsets.tolist() == [0, 1, 2] and g.path_feature.tolist() == [0, 1] and g.exterior.tolist() == [1, 1]
    assert g.boxes.tolist() == [[3.0, 4.0, 3.0, 4.0], [-6.0, 6.0, -5.0, 7.0]]  # the MBR of the header
    assert g.path_count == 2


@pytest.mark.parametrize("dims", list(DIMS))
def test_spatialite_lines_and_polygons_in_every_dimension(dims):
    g = decode([sl_line(LINE, dims), sl_line(LINE[:2], dims)], "line")
    assert paths(g) == [LINE, LINE[:2]] and g.path_feature.tolist() == [0, 1] and not g.exterior.any()
    g = decode([sl_polygon([SQUARE], dims)], "polygon")
    assert paths(g) == [SQUARE] and g.exterior.tolist() == [True] and g.count == 1


@pytest.mark.parametrize("dims", list(DIMS))
def test_spatialite_polygon_with_a_hole(dims):
    g = decode([sl_line(LINE, dims), sl_polygon([SQUARE, HOLE], dims)], "polygon")
    assert paths(g) == [LINE, SQUARE, HOLE]  # in feature order, the rings of one feature in order
    assert g.path_feature.tolist() == [0, 1, 1] and g.exterior.tolist() == [False, True, False]


@pytest.mark.parametrize("dims", list(DIMS))
def test_spatialite_multipoints(dims):
    pts = [(1.0, 2.0), (3.0, 4.0), (5.0, 6.0)]
    blob = sl_multi(4, 1, [doubles("<", coords([p], dims)) for p in pts], dims=dims)
    g = decode([sl_point((9.0, 9.0), dims), blob, sl_point((7.0, 7.0), dims)], "point")
    assert g.xy.tolist() == [[9, 9], [1, 2], [3, 4], [5, 6], [7, 7]]
    assert g.path_feature.tolist() == [0, 1, 1, 1, 2] and g.offsets.tolist() == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize("dims", list(DIMS))
def test_spatialite_multi_lines_and_polygons(dims):
    one_line = sl_multi(5, 2, [sl_line_body(LINE, dims)], dims=dims)
    two_lines = sl_multi(5, 2, [sl_line_body(LINE[:2], dims), sl_line_body(LINE[2:], dims)], dims=dims)
    g = decode([one_line, two_lines], "line")
    assert paths(g) == [LINE, LINE[:2], LINE[2:]] and g.path_feature.tolist() == [0, 1, 1]
    one_poly = sl_multi(6, 3, [sl_polygon_body([SQUARE], dims)], dims=dims)
    far = [(x + 100, y) for x, y in SQUARE]
    two_polys = sl_multi(6, 3, [sl_polygon_body([SQUARE, HOLE], dims), sl_polygon_body([far], dims)], dims=dims)
    g = decode([one_poly, two_polys], "polygon")
    assert paths(g) == [SQUARE, SQUARE, HOLE, far]
    assert g.path_feature.tolist() == [0, 1, 1, 1] and g.exterior.tolist() == [True, True, False, True]


@pytest.mark.parametrize("dims", list(DIMS))
def test_spatialite_compressed_lines_and_polygons(dims):
    off = DIMS[dims][0]
    line = sl(1000002 + off, sl_compressed_line_body(LINE, dims))
    poly = sl(1000003 + off, struct.pack("<i", 2) + sl_compressed_line_body(SQUARE, dims)
              + sl_compressed_line_body(HOLE, dims))
    short = sl(1000002 + off, sl_compressed_line_body(LINE[:2], dims))  # two vertices: both doubles
    g = decode([line, poly, short], "polygon")
    got = paths(g)
    assert len(got) == 4 and g.path_feature.tolist() == [0, 1, 1, 2]
    for path, want in zip(got, [LINE, SQUARE, HOLE, LINE[:2]]):
        assert np.allclose(path, want, atol=1e-3)
    assert g.exterior.tolist() == [False, True, False, False]
    multi = sl_multi(5, 1000002, [sl_compressed_line_body(LINE, dims)], dims=dims)  # a compressed part
    assert np.allclose(paths(decode([multi], "line"))[0], LINE, atol=1e-3)


@pytest.mark.parametrize("dims", list(DIMS))
def test_spatialite_big_endian(dims):
    g = decode([sl_point((3.0, 4.0), dims, e=">"), sl_line(LINE, dims, e=">"), sl_polygon([SQUARE, HOLE], dims, e=">"),
                sl_multi(5, 2, [sl_line_body(LINE, dims, ">")], ">", dims)], "line")
    assert paths(g) == [[(3.0, 4.0)], LINE, SQUARE, HOLE, LINE]
    assert g.path_feature.tolist() == [0, 1, 2, 2, 3]
    assert g.boxes is None  # the MBR is read only from little-endian blobs


def test_spatialite_damaged_blobs_are_skipped_not_raised():
    good = sl_line(LINE)
    truncated = good[:60]
    too_many = sl(2, struct.pack("<i", 10**6) + doubles("<", LINE))  # claims a million vertices
    poly_too_many = sl(3, struct.pack("<i", 1) + struct.pack("<i", 10**6) + doubles("<", SQUARE))
    multi_too_many = sl(4, struct.pack("<i", 10**6) + b"\x69" + struct.pack("<i", 1) + doubles("<", [(1, 1)]))
    not_a_blob = b"hello, world"
    collection = sl(7, struct.pack("<i", 1) + b"\x69" + struct.pack("<i", 1) + doubles("<", [(5.0, 6.0)]))
    compressed_short = sl(1000003, struct.pack("<i", 1) + struct.pack("<i", 50) + doubles("<", SQUARE[:2]))
    g = decode([good, truncated, too_many, poly_too_many, multi_too_many, not_a_blob, good, collection,
                compressed_short], "line")
    assert g.count == 9
    got = dict(zip(g.path_feature.tolist(), paths(g)))
    assert got[0] == LINE and got[6] == LINE
    assert got.get(7) == [(5.0, 6.0)]  # a collection's point, through the per-feature parser
    for f in (1, 2, 3, 4, 5, 8):  # nothing, or an empty path
        assert got.get(f, []) == []
    assert g.xy.shape[1] == 2 and len(g.offsets) == len(g.path_feature) + 1


def test_spatialite_short_blob_only():
    g = decode([b"\x00\x01"], "point")
    assert g.count == 1 and g.path_count == 0 and g.xy.shape == (0, 2)


def test_spatialite_empty_polygon_and_no_features():
    assert decode([sl(3, struct.pack("<i", 0))], "polygon").path_count == 0
    empty = decode_spatialite(b"", np.zeros(0, np.int64), "line")
    assert (empty.kind, empty.count, empty.path_count, empty.xy.shape) == ("line", 0, 0, (0, 2))
    assert empty.offsets.tolist() == [0]


# --- GeoPackage blobs -----------------------------------------------------------------------------------------

ISO = {"xy": 0, "xyz": 1000, "xym": 2000, "xyzm": 3000}
EXTENDED = {"xy": 0, "xyz": 0x80000000, "xym": 0x40000000, "xyzm": 0xC0000000}
ENVELOPE = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}  # envelope code -> number of doubles


def gp(wkb: bytes, envelope: int = 1, empty: bool = False) -> bytes:
    flags = 0x01 | (envelope << 1) | (0x10 if empty else 0)
    env = struct.pack(f"<{ENVELOPE[envelope]}d", *range(ENVELOPE[envelope]))
    return b"GP\x00" + bytes([flags]) + struct.pack("<i", 32648) + env + wkb


def wkb(base: int, dims: str, body: bytes, extended: bool = False, e: str = "<") -> bytes:
    code = base + (EXTENDED[dims] if extended else ISO[dims])
    return bytes([1 if e == "<" else 0]) + struct.pack(e + "I", code) + body


def wkb_point(xy, dims, extended=False, e="<"):
    return wkb(1, dims, doubles(e, coords([xy], dims)), extended, e)


def wkb_line(xy, dims, extended=False, e="<"):
    return wkb(2, dims, struct.pack(e + "I", len(xy)) + doubles(e, coords(xy, dims)), extended, e)


def wkb_polygon(rings, dims, extended=False, e="<"):
    body = struct.pack(e + "I", len(rings)) + b"".join(
        struct.pack(e + "I", len(r)) + doubles(e, coords(r, dims)) for r in rings)
    return wkb(3, dims, body, extended, e)


def wkb_multi(base, parts, dims, extended=False):
    return wkb(base, dims, struct.pack("<I", len(parts)) + b"".join(parts), extended)


@pytest.mark.parametrize("extended", [False, True])
@pytest.mark.parametrize("dims", list(DIMS))
def test_geopackage_keeps_every_dimension(dims, extended):
    blobs = [gp(wkb_point((3.0, 4.0), dims, extended)), gp(wkb_line(LINE, dims, extended)),
             gp(wkb_polygon([SQUARE], dims, extended))]
    g = decode(blobs, "line", decode_gpkg)
    assert paths(g) == [[(3.0, 4.0)], LINE, SQUARE]
    assert g.path_feature.tolist() == [0, 1, 2] and g.exterior.tolist() == [True, False, True]
    assert g.count == 3 and g.boxes is None


def test_geopackage_xym_is_not_read_as_2d():
    # the known survivor of issue 12: an XYM line decoded with a 2-D stride gives M values as coordinates
    g = decode([gp(wkb_line([(1.0, 2.0), (3.0, 4.0), (5.0, 6.0)], "xym"), envelope=3)], "line", decode_gpkg)
    assert paths(g) == [[(1.0, 2.0), (3.0, 4.0), (5.0, 6.0)]]
    g = decode([gp(wkb_polygon([SQUARE], "xym", extended=True), envelope=3)], "polygon", decode_gpkg)
    assert paths(g) == [SQUARE]


@pytest.mark.parametrize("envelope", [0, 1, 2, 3, 4])
def test_geopackage_every_envelope(envelope):
    g = decode([gp(wkb_line(LINE, "xy"), envelope), gp(wkb_point((5.0, 6.0), "xyz"), envelope)], "line",
               decode_gpkg)
    assert paths(g) == [LINE, [(5.0, 6.0)]]


@pytest.mark.parametrize("dims", list(DIMS))
def test_geopackage_multi_geometries(dims):
    one_line = wkb_multi(5, [wkb_line(LINE, dims)], dims)
    two_lines = wkb_multi(5, [wkb_line(LINE[:2], dims), wkb_line(LINE[2:], dims)], dims)
    one_poly = wkb_multi(6, [wkb_polygon([SQUARE, HOLE], dims)], dims)
    simple_poly = wkb_multi(6, [wkb_polygon([SQUARE], dims)], dims)
    points = wkb_multi(4, [wkb_point((1.0, 2.0), dims), wkb_point((3.0, 4.0), dims)], dims)
    g = decode([gp(b) for b in (one_line, two_lines, one_poly, simple_poly, points)], "line", decode_gpkg)
    assert paths(g) == [LINE, LINE[:2], LINE[2:], SQUARE, HOLE, SQUARE, [(1.0, 2.0)], [(3.0, 4.0)]]
    assert g.path_feature.tolist() == [0, 1, 1, 2, 2, 3, 4, 4]
    assert g.exterior.tolist() == [False, False, False, True, False, True, True, True]


def test_geopackage_big_endian_and_mixed_byte_order_parts():
    g = decode([gp(wkb_line(LINE, "xyz", e=">")), gp(wkb_point((1.0, 2.0), "xy", e=">")),
                gp(wkb_multi(5, [wkb_line(LINE, "xy", e=">")], "xy"))], "line", decode_gpkg)
    assert paths(g) == [LINE, [(1.0, 2.0)], LINE]


def test_geopackage_empty_and_damaged_blobs():
    empty_flagged = gp(wkb_point((float("nan"), float("nan")), "xy"), envelope=0, empty=True)
    truncated_point = gp(wkb_point((1.0, 2.0), "xy"))[:-4]
    truncated_line = gp(wkb_line(LINE, "xy"))[:-20]
    liar = gp(wkb(2, "xy", struct.pack("<I", 10**6) + doubles("<", LINE)))
    header_only = b"GP\x00\x01"
    good = gp(wkb_line(LINE, "xy"))
    g = decode([empty_flagged, truncated_point, truncated_line, liar, header_only, good], "line", decode_gpkg)
    assert g.count == 6
    got = dict(zip(g.path_feature.tolist(), paths(g)))
    assert got[5] == LINE and all(got.get(f, []) == [] for f in range(5))
    nothing = decode_gpkg(b"", np.zeros(0, np.int64), "point")
    assert (nothing.count, nothing.path_count, nothing.kind) == (0, 0, "point")


def test_geopackage_polygon_with_holes_and_wkb_from_shapely():
    shapes = [Polygon(SQUARE, [HOLE]), MultiPolygon([box(0, 0, 1, 1), box(5, 5, 6, 6)]),
              LineString(LINE), Point(3, 4), MultiPoint([(1, 2), (3, 4)])]
    g = decode([gp(shapely.to_wkb(s, flavor="iso")) for s in shapes], "polygon", decode_gpkg)
    assert g.path_feature.tolist() == [0, 0, 1, 1, 2, 3, 4, 4]
    assert g.exterior.tolist() == [True, False, True, True, False, True, True, True]
    assert paths(g)[0] == SQUARE and paths(g)[1] == HOLE and paths(g)[4] == LINE


# --- SpatiaLite's own blobs -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spatialite():
    from gisdesk.store.connection import load_spatialite, preload_bundled_libraries, sqlite_module

    preload_bundled_libraries()
    conn = sqlite_module().connect(":memory:")
    try:
        load_spatialite(conn)
    except Exception as exc:  # pragma: no cover - the machine has no mod_spatialite
        pytest.skip(f"mod_spatialite: {exc}")
    yield conn
    conn.close()


@pytest.mark.parametrize("wkt, want", [
    ("POINT(1 2)", [[(1, 2)]]),
    ("POINT ZM(1 2 3 4)", [[(1, 2)]]),
    ("LINESTRING M(1 2 3, 4 5 6, 7 8 9)", [[(1, 2), (4, 5), (7, 8)]]),
    ("LINESTRING ZM(1 2 3 4, 4 5 6 7, 7 8 9 10)", [[(1, 2), (4, 5), (7, 8)]]),
    ("POLYGON Z((0 0 1, 10 0 1, 10 10 1, 0 0 1), (2 1 1, 8 1 1, 8 7 1, 2 1 1))",
     [[(0, 0), (10, 0), (10, 10), (0, 0)], [(2, 1), (8, 1), (8, 7), (2, 1)]]),
    ("MULTIPOINT M(1 2 3, 4 5 6)", [[(1, 2)], [(4, 5)]]),
    ("MULTILINESTRING((1 2, 3 4), (5 6, 7 8))", [[(1, 2), (3, 4)], [(5, 6), (7, 8)]]),
])
def test_blobs_written_by_spatialite(spatialite, wkt, want):
    geom = f"GeomFromText('{wkt}', 32648)"
    for sql in (geom, f"CompressGeometry({geom})", f"AsGPB({geom})"):
        blob = spatialite.execute(f"select {sql}").fetchone()[0]
        decoder = decode_gpkg if sql.startswith("AsGPB") else decode_spatialite
        g = decode([bytes(blob)], "line", decoder)
        got = paths(g)
        assert len(got) == len(want), sql
        for path, expected in zip(got, want):
            assert np.allclose(path, expected, atol=1e-4), sql


# --- from shapely and the helpers -------------------------------------------------------------------------------


def test_concat_ranges():
    assert concat_ranges(np.array([5, 0, 9]), np.array([3, 0, 2])).tolist() == [5, 6, 7, 9, 10]
    assert concat_ranges(np.array([5]), np.array([0])).tolist() == []
    assert concat_ranges(np.array([0, 0]), np.array([1, 2])).tolist() == [0, 0, 1]


def test_from_shapely_points_lines_polygons():
    g = from_shapely(np.array([Point(1, 2), None, MultiPoint([(3, 4), (5, 6)]), Point()], dtype=object))
    assert (g.kind, g.count) == ("point", 4)
    assert g.xy.tolist() == [[1, 2], [3, 4], [5, 6]] and g.path_feature.tolist() == [0, 2, 2]
    assert g.offsets.tolist() == [0, 1, 2, 3] and g.exterior.all()
    g = from_shapely(np.array([LineString(LINE), MultiLineString([LINE[:2], LINE[2:]])], dtype=object))
    assert g.kind == "line" and paths(g) == [LINE, LINE[:2], LINE[2:]] and g.path_feature.tolist() == [0, 1, 1]
    assert not g.exterior.any()
    g = from_shapely(np.array([Polygon(SQUARE, [HOLE]), MultiPolygon([box(0, 0, 1, 1), box(5, 5, 6, 6)])],
                              dtype=object))
    assert g.kind == "polygon" and g.path_feature.tolist() == [0, 0, 1, 1]
    assert g.exterior.tolist() == [True, False, True, True] and paths(g)[:2] == [SQUARE, HOLE]


def test_from_shapely_mixed_kinds_are_drawn_as_outlines():
    # a selection in a layer of mixed lines and areas: the areas' outlines, the lines as they are
    g = from_shapely(np.array([box(0, 0, 1, 1), LineString(LINE), Polygon(SQUARE, [HOLE])], dtype=object))
    assert g.kind == "line" and g.path_feature.tolist() == [0, 1, 2, 2] and not g.exterior.any()
    assert paths(g)[1] == LINE and len(paths(g)[0]) == 5 and paths(g)[2:] == [SQUARE, HOLE]


def test_from_shapely_nothing():
    for geoms in ([], [None], [Point()]):
        g = from_shapely(np.array(geoms, dtype=object))
        assert g.path_count == 0 and g.count == 0 and g.kind == "point"
    e = Geometries.empty("polygon")
    assert (e.kind, e.count, e.path_count, e.xy.shape, e.boxes) == ("polygon", 0, 0, (0, 2), None)


# --- the vectorised path ------------------------------------------------------------------------------------------
# The module's promise: simple geometries (points, linestrings, single-ring polygons and their one-part multi
# forms, in XY/XYZ/XYM/XYZM) are decoded by numpy index arithmetic; only the rest goes through the per-feature
# parser. A spy on the per-feature parsers records which features reach them.


@pytest.fixture
def slow_features(monkeypatch):
    import gisdesk.store.geoblob as geoblob

    seen: list[int] = []
    for name in ("_slow_spatialite", "_slow_wkb"):
        real = getattr(geoblob, name)

        def spy(blob, starts, ends_or_lengths, feature, _real=real):
            seen.extend(int(f) for f in feature)
            return _real(blob, starts, ends_or_lengths, feature)

        monkeypatch.setattr(geoblob, name, spy)
    return seen


@pytest.mark.parametrize("dims", list(DIMS))
def test_simple_spatialite_blobs_take_the_vectorised_path(slow_features, dims):
    simple = [sl_point((3.0, 4.0), dims), sl_line(LINE, dims), sl_polygon([SQUARE], dims),
              sl_multi(4, 1, [doubles("<", coords([p], dims)) for p in LINE], dims=dims),
              sl_multi(5, 2, [sl_line_body(LINE, dims)], dims=dims),
              sl_multi(6, 3, [sl_polygon_body([SQUARE], dims)], dims=dims)]
    others = [sl_polygon([SQUARE, HOLE], dims), sl_multi(5, 2, [sl_line_body(LINE, dims)] * 2, dims=dims),
              sl(1000002 + DIMS[dims][0], sl_compressed_line_body(LINE, dims)), sl_line(LINE, dims, e=">"),
              sl_multi(6, 3, [sl_polygon_body([SQUARE, HOLE], dims)], dims=dims)]
    g = decode(simple + others, "polygon")
    assert sorted(set(slow_features)) == list(range(len(simple), len(simple) + len(others)))
    assert g.path_feature.tolist()[:9] == [0, 1, 2, 3, 3, 3, 3, 4, 5]
    assert paths(g)[:9] == [[(3.0, 4.0)], LINE, SQUARE] + [[p] for p in LINE] + [LINE, SQUARE]


@pytest.mark.parametrize("extended", [False, True])
@pytest.mark.parametrize("dims", list(DIMS))
def test_simple_geopackage_blobs_take_the_vectorised_path(slow_features, dims, extended):
    simple = [gp(wkb_point((3.0, 4.0), dims, extended)), gp(wkb_line(LINE, dims, extended), envelope=4),
              gp(wkb_polygon([SQUARE], dims, extended), envelope=0),
              gp(wkb_multi(5, [wkb_line(LINE, dims, extended)], dims, extended), envelope=2),
              gp(wkb_multi(6, [wkb_polygon([SQUARE], dims, extended)], dims, extended), envelope=3)]
    others = [gp(wkb_polygon([SQUARE, HOLE], dims, extended)),
              gp(wkb_multi(5, [wkb_line(LINE, dims, extended)] * 2, dims, extended)),
              gp(wkb_line(LINE, dims, extended, e=">"))]
    g = decode(simple + others, "polygon", decode_gpkg)
    assert sorted(set(slow_features)) == list(range(len(simple), len(simple) + len(others)))
    assert paths(g)[:5] == [[(3.0, 4.0)], LINE, SQUARE, LINE, SQUARE]
    assert g.exterior.tolist()[:5] == [True, False, True, False, True]


def test_an_empty_geopackage_geometry_is_decoded_as_nothing_without_the_parser(slow_features):
    g = decode([gp(wkb_point((float("nan"), float("nan")), "xy"), envelope=0, empty=True), gp(wkb_line(LINE, "xy"))],
               "line", decode_gpkg)
    assert slow_features == [] and paths(g) == [LINE] and g.path_feature.tolist() == [1]


def test_a_cut_point_blob_is_not_read_past_its_end():
    point = sl_point((3.0, 4.0))
    for cut in (point[:50], point[:58]):
        g = decode([cut, sl_point((5.0, 6.0))], "point")
        assert g.xy.tolist() == [[5.0, 6.0]] and g.path_feature.tolist() == [1]
        g = decode([sl_point((5.0, 6.0)), cut], "point")
        assert g.xy.tolist() == [[5.0, 6.0]] and g.path_feature.tolist() == [0]
    g = decode([gp(wkb_point((1.0, 2.0), "xy"))[:-1], gp(wkb_point((5.0, 6.0), "xy"))], "point", decode_gpkg)
    assert g.xy.tolist() == [[5.0, 6.0]]


def test_the_kinds_and_an_empty_result():
    from gisdesk.store.geoblob import LINE as LINE_KIND, POINT, POLYGON

    assert (POINT, LINE_KIND, POLYGON) == ("point", "line", "polygon")
    e = Geometries.empty("line")
    assert len(e.path_feature) == 0 and len(e.exterior) == 0 and e.offsets.tolist() == [0]


# --- what the fast path must leave to the per-feature parser, and damaged data ------------------------------------


def consistent(g: Geometries) -> Geometries:
    assert len(g.offsets) == g.path_count + 1 == len(g.path_feature) + 1 == len(g.exterior) + 1
    assert g.offsets[-1] == len(g.xy)
    return g


def test_a_multipolygon_of_several_simple_parts_keeps_every_part():
    far = [(x + 100, y) for x, y in SQUARE]
    g = consistent(decode([sl_multi(6, 3, [sl_polygon_body([SQUARE], "xy"), sl_polygon_body([far], "xy")])],
                          "polygon"))
    assert paths(g) == [SQUARE, far] and g.exterior.tolist() == [True, True]


def test_a_compressed_part_inside_a_multipolygon():
    body = struct.pack("<i", 1) + sl_compressed_line_body(SQUARE, "xy")
    g = consistent(decode([sl_multi(6, 1000003, [body])], "polygon"))
    assert len(paths(g)) == 1 and np.allclose(paths(g)[0], SQUARE, atol=1e-3)


def test_big_endian_multipoints():
    blob = sl_multi(4, 1, [doubles(">", [p]) for p in LINE], e=">")
    assert paths(consistent(decode([blob], "point"))) == [[p] for p in LINE]


def test_undecodable_blobs_leave_no_trace():
    for blobs, want in (([b"not a geometry blob at all"], []), ([sl_line(LINE), b"garbage"], [LINE]),
                        ([b"garbage", sl_line(LINE)], [LINE])):
        g = consistent(decode(blobs, "line"))
        assert paths(g) == want and g.count == len(blobs)
    g = consistent(decode([b"garbage"], "line", decode_gpkg))
    assert g.path_count == 0


def test_one_bad_feature_does_not_stop_the_next():
    bad = sl(1000003, struct.pack("<i", 1) + struct.pack("<i", 50) + doubles("<", SQUARE[:2]))  # 50 claimed, 2 there
    g = consistent(decode([bad, sl_polygon([SQUARE, HOLE]), bad, sl_polygon([SQUARE, HOLE])], "polygon"))
    assert paths(g) == [SQUARE, HOLE, SQUARE, HOLE] and g.path_feature.tolist() == [1, 1, 3, 3]


def test_a_blob_cut_inside_its_last_vertex_is_not_completed_from_the_next_blob():
    after = sl_point((7.0, 7.0))
    for blob in (sl_line(LINE), sl_multi(4, 1, [doubles("<", [p]) for p in LINE]), sl_polygon([SQUARE])):
        cut = blob[:-9]  # the end byte and the last y are gone
        g = consistent(decode([cut, after], "polygon"))
        got = dict(zip(g.path_feature.tolist(), paths(g)))
        assert got.get(0, []) == [] and got[1] == [(7.0, 7.0)]
        assert all(abs(x) < 1e6 + 1 for x, _ in g.xy.tolist())


def test_a_feature_the_parsers_skip_does_not_stop_the_next():
    holed = [sl_polygon([SQUARE, HOLE])]
    for bad in (b"short", b"\x05" + sl_line(LINE, e=">")[1:]):
        g = consistent(decode([bad] + holed + [bad] + holed, "polygon"))
        assert paths(g) == [SQUARE, HOLE, SQUARE, HOLE]
    gp_holed = gp(shapely.to_wkb(Polygon(SQUARE, [HOLE])))
    for bad in (gp(b"\x00\x00\x00\x00\x02\xff"), gp(shapely.to_wkb(shapely.from_wkt("GEOMETRYCOLLECTION EMPTY")))):
        g = consistent(decode([bad, gp_holed, bad, gp_holed], "polygon", decode_gpkg))
        assert paths(g) == [SQUARE, HOLE, SQUARE, HOLE] and g.path_feature.tolist() == [1, 1, 3, 3]


def test_nothing_decoded_is_an_empty_result():
    g = consistent(decode([gp(wkb_point((0.0, 0.0), "xy"), envelope=0, empty=True)] * 2, "point", decode_gpkg))
    assert (g.count, g.path_count, g.xy.shape) == (2, 0, (0, 2))


def test_a_geopackage_buffer_ending_in_a_stub():
    g = consistent(decode([gp(wkb_line(LINE, "xy")), b"GP"], "line", decode_gpkg))
    assert paths(g) == [LINE]


def test_an_empty_part_then_a_polygon():
    blob = sl_multi(6, 3, [struct.pack("<i", 0), sl_polygon_body([SQUARE], "xy")])
    assert paths(consistent(decode([blob], "polygon"))) == [SQUARE]


def test_a_point_read_by_the_parser_is_its_own_exterior_path():
    g = consistent(decode([sl_point((3.0, 4.0), e=">")], "point"))
    assert paths(g) == [[(3.0, 4.0)]] and g.exterior.tolist() == [True]


def test_from_shapely_of_one_kind_each():
    assert from_shapely(np.array([LineString(LINE)], dtype=object)).kind == "line"
    assert from_shapely(np.array([MultiLineString([LINE])], dtype=object)).kind == "line"
    points = consistent(from_shapely(np.array([Point(1, 2), Point(3, 4)], dtype=object)))
    assert points.path_feature.tolist() == [0, 1] and points.kind == "point"
    for geom in (Point(1, 2, 3), LineString([(0, 0, 1), (1, 1, 1)])):
        assert consistent(from_shapely(np.array([geom], dtype=object))).xy.shape[1] == 2
    mixed = consistent(from_shapely(np.array([MultiPolygon([box(0, 0, 1, 1)]), LineString(LINE)], dtype=object)))
    assert mixed.kind == "line" and paths(mixed)[1] == LINE

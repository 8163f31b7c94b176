"""Layer discovery and bulk reading of SpatiaLite files written with SpatiaLite's SQL."""

from __future__ import annotations

import struct

import numpy as np
import pytest
import shapely

from gisdesk.store import reader
from gisdesk.store.connection import connect
from gisdesk.store.datasource import DataSource, quote_ident
from gisdesk.store.reader import ClassExpr, read_features, read_geometries

from .builders import COL_ODD, TABLE_ODD, build_spatialite, reference_paths


@pytest.fixture(scope="module")
def ds(spatialite_file):
    path, _ = spatialite_file
    with DataSource(path) as source:
        yield source


@pytest.fixture(scope="module")
def ref_conn(spatialite_file):
    conn = connect(spatialite_file[0], read_only=True, wal=False)
    yield conn
    conn.close()


def assert_same_geometries(geoms, ref, *, check_exterior: bool = True) -> None:
    xy, offsets, path_feature, exterior, count, _ = ref
    assert geoms.count == count
    np.testing.assert_array_equal(geoms.xy, xy)
    np.testing.assert_array_equal(geoms.offsets, offsets)
    np.testing.assert_array_equal(geoms.path_feature, path_feature)
    if check_exterior:
        np.testing.assert_array_equal(geoms.exterior, exterior)


def test_layer_names_types_srids(ds, spatialite_file):
    _, specs = spatialite_file
    assert ds.format == "spatialite"
    assert sorted(lyr.name for lyr in ds.layers) == sorted(s.name for s in specs)
    for spec in specs:
        lyr = ds.layer(spec.name)
        assert (lyr.table, lyr.geometry_column) == (spec.table, spec.column)
        assert lyr.geometry_type == spec.geometry_type, spec.name
        assert lyr.dimension == spec.dimension, spec.name
        assert lyr.srid == spec.srid, spec.name
        assert bool(lyr.spatial_index) == spec.spatial_index, spec.name
        assert lyr.is_view == spec.is_view, spec.name


def test_special_names(ds):
    assert ds.layer("roads").geometry_column == "the_geom"
    odd = ds.layer(TABLE_ODD)
    assert odd.geometry_column == COL_ODD
    assert ds.feature_count(odd) == 7
    assert read_geometries(ds, odd).count == 7
    assert read_geometries(ds, odd, bbox=(11_960_000, 1_849_900, 11_960_025, 1_850_001)).count == 3
    assert {lyr.name for lyr in ds.layers} >= {"t(g1)", "t(g2)"}
    assert "t" not in {lyr.name for lyr in ds.layers}
    assert ds.layer("T(G1)").name == "t(g1)"  # case-insensitive lookup


def test_unknown_layer_names_the_alternatives(ds):
    from gisdesk.store.errors import LayerNotFoundError

    with pytest.raises(LayerNotFoundError) as info:
        ds.layer("nope")
    assert "nope" in info.value.message and "pts" in info.value.hint


def test_feature_counts_include_null_geometries(ds, spatialite_file):
    _, specs = spatialite_file
    for spec in specs:
        assert ds.feature_count(ds.layer(spec.name)) == spec.count, spec.name
    # NULL geometries are counted but not drawn.
    assert read_geometries(ds, ds.layer("pts")).count == 58
    assert read_geometries(ds, ds.layer("mixed")).count == 6
    assert read_geometries(ds, ds.layer("t(g2)")).count == 5
    assert read_geometries(ds, ds.layer("allnull")).count == 0
    assert ds.extent(ds.layer("allnull")) is None


def test_extents(ds, ref_conn, spatialite_file):
    _, specs = spatialite_file
    for spec in specs:
        if spec.name == "allnull":
            continue
        q = quote_ident(spec.column)
        true = ref_conn.execute(
            f"SELECT min(MbrMinX({q})), min(MbrMinY({q})), max(MbrMaxX({q})), max(MbrMaxY({q})) "
            f"FROM {quote_ident(spec.table)}"
        ).fetchone()
        ext = ds.extent(ds.layer(spec.name))
        assert ext is not None, spec.name
        # The R*Tree keeps 32-bit floats rounded outwards: close, and never inside the data.
        np.testing.assert_allclose(ext, true, rtol=3e-7, err_msg=spec.name)
        assert ext[0] <= true[0] and ext[1] <= true[1] and ext[2] >= true[2] and ext[3] >= true[3], spec.name


def test_columns(ds):
    assert ds.columns(ds.layer("roads")) == [("id", "INTEGER"), ("kind", "TEXT"), ("label", "TEXT")]
    names = [c for c, _ in ds.columns(ds.layer("t(g1)"))]
    assert "g1" not in names and "id" in names


@pytest.mark.parametrize("name", [
    "pts", "lines", "polys", "mpts", "mlines", "mpolys", "pointz", "linez", "mixed", "roads",
    TABLE_ODD, "noidx", "allnull", "t(g1)", "t(g2)", "polys_a",
])
def test_decoded_coordinates_equal_shapely(ds, ref_conn, name):
    lyr = ds.layer(name)
    table = "polys" if lyr.is_view else lyr.table
    where = "kind = 'a'" if lyr.is_view else "1"
    ref = reference_paths(ref_conn, table, lyr.geometry_column, where)
    geoms = read_geometries(ds, lyr)
    assert_same_geometries(geoms, ref)
    # And shapely.get_coordinates over the whole layer, as the plainest statement of it.
    wkbs = [bytes(r[0]) for r in ref_conn.execute(
        f"SELECT AsBinary({quote_ident(lyr.geometry_column)}) FROM {quote_ident(table)} "
        f"WHERE {quote_ident(lyr.geometry_column)} IS NOT NULL AND {where} ORDER BY rowid")]
    expected = shapely.get_coordinates(shapely.from_wkb(wkbs)) if wkbs else np.empty((0, 2))
    np.testing.assert_array_equal(geoms.xy, expected)


def test_holes_and_parts_are_rings(ds):
    polys = read_geometries(ds, ds.layer("polys"))
    # Feature 0 has one hole, feature 6 two; every ring is closed.
    assert polys.exterior[polys.path_feature == 0].tolist() == [True, False]
    assert polys.exterior[polys.path_feature == 6].tolist() == [True, False, False]
    starts, ends = polys.offsets[:-1], polys.offsets[1:] - 1
    np.testing.assert_array_equal(polys.xy[starts], polys.xy[ends])
    mpolys = read_geometries(ds, ds.layer("mpolys"))
    per_feature = np.bincount(mpolys.path_feature[mpolys.exterior], minlength=mpolys.count)
    assert per_feature[0] == 1 and per_feature.max() >= 3  # single part and several parts
    mlines = read_geometries(ds, ds.layer("mlines"))
    assert np.bincount(mlines.path_feature).max() >= 2
    assert not mlines.exterior.any()


def _boxes(conn, table, column):
    q = quote_ident(column)
    return conn.execute(
        f"SELECT rowid, MbrMinX({q}), MbrMinY({q}), MbrMaxX({q}), MbrMaxY({q}) FROM {quote_ident(table)} "
        f"WHERE {q} IS NOT NULL ORDER BY rowid"
    ).fetchall()


@pytest.mark.parametrize("name", ["pts", "lines", "polys", "mpolys", "mlines", "mpts", "pointz", "t(g2)", "polys_a"])
def test_bbox_filter_returns_features_whose_boxes_meet_it(ds, ref_conn, name):
    lyr = ds.layer(name)
    table = "polys" if lyr.is_view else lyr.table
    boxes = _boxes(ref_conn, table, lyr.geometry_column)
    if lyr.is_view:
        keep = {r[0] for r in ref_conn.execute("SELECT rid FROM polys_a")}
        boxes = [b for b in boxes if b[0] in keep]
    full = ds.extent(lyr)
    w, h = full[2] - full[0], full[3] - full[1]
    rng = np.random.default_rng(3)
    checked = 0
    for _ in range(100):
        x0, y0 = full[0] + rng.random() * w * 0.7, full[1] + rng.random() * h * 0.7
        bbox = (x0, y0, x0 + w * 0.35, y0 + h * 0.35)
        meets = [r for r in boxes if r[1] <= bbox[2] and r[3] >= bbox[0] and r[2] <= bbox[3] and r[4] >= bbox[1]]
        # The R*Tree keeps float32 boxes rounded outwards: draw another bbox when a feature's box
        # lies within that rounding of an edge, where "meets" is not decidable from the index.
        eps = 2.5e-7 * max(abs(v) for v in bbox)
        near = [r for r in boxes if r[1] <= bbox[2] + eps and r[3] >= bbox[0] - eps
                and r[2] <= bbox[3] + eps and r[4] >= bbox[1] - eps]
        if len(meets) != len(near):
            continue
        checked += 1
        if checked > 6:
            break
        got = read_geometries(ds, lyr, bbox=bbox)
        assert got.count == len(meets), (name, bbox)
        rowids = tuple(r[0] for r in meets)
        if rowids:
            where = f"rowid IN ({','.join('?' * len(rowids))})"
            assert_same_geometries(got, reference_paths(ref_conn, table, lyr.geometry_column, where, rowids))
    # A box away from everything gives nothing, a box around everything gives everything.
    assert read_geometries(ds, lyr, bbox=(full[2] + w, full[3] + h, full[2] + 2 * w, full[3] + 2 * h)).count == 0
    assert read_geometries(ds, lyr, bbox=(full[0] - 1, full[1] - 1, full[2] + 1, full[3] + 1)).count == len(boxes)


def test_bbox_without_spatial_index_is_a_filtered_scan(ds, ref_conn):
    # noidx has no R*Tree: the read scans it, keeping the features whose MBR meets the box.
    lyr = ds.layer("noidx")
    assert read_geometries(ds, lyr, bbox=(0, 0, 1, 1)).count == 0  # far from all nine
    wkb = [r[0] for r in ref_conn.execute("SELECT AsBinary(geom) FROM noidx WHERE geom IS NOT NULL ORDER BY rowid")]
    env = shapely.envelope(shapely.from_wkb(wkb))
    b = shapely.bounds(env)
    bbox = (b[:, 0].min(), b[:, 1].min(), (b[:, 0].min() + b[:, 2].max()) / 2, (b[:, 1].min() + b[:, 3].max()) / 2)
    expected = int(shapely.intersects(env, shapely.box(*bbox)).sum())
    assert 0 < expected < 9
    assert read_geometries(ds, lyr, bbox=bbox).count == expected


def test_class_codes_align_with_features(ds, ref_conn):
    lyr = ds.layer("pts")
    cls = ClassExpr("CASE kind WHEN ? THEN ? WHEN ? THEN ? ELSE '!' END", ("a", '"', "b", "#"))
    data = read_features(ds, lyr, cls=cls)
    kinds = [r[0] for r in ref_conn.execute("SELECT kind FROM pts WHERE geom IS NOT NULL ORDER BY rowid")]
    expected = [{"a": 1, "b": 2}.get(k, 0) for k in kinds]
    assert data.codes.tolist() == expected
    assert len(data.codes) == data.geoms.count
    # With a bbox too, codes follow the same features.
    ext = ds.extent(lyr)
    bbox = (ext[0], ext[1], (ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2)
    part = read_features(ds, lyr, bbox=bbox, cls=cls)
    rows = ref_conn.execute(
        "SELECT kind, X(geom), Y(geom) FROM pts WHERE geom IS NOT NULL AND X(geom) <= ? AND Y(geom) <= ? ORDER BY rowid",
        (bbox[2], bbox[3]),
    ).fetchall()
    assert part.codes.tolist() == [{"a": 1, "b": 2}.get(k, 0) for k, _, _ in rows]
    np.testing.assert_array_equal(part.geoms.xy, [(x, y) for _, x, y in rows])


def test_class_codes_on_polygons(ds, ref_conn):
    lyr = ds.layer("polys")
    data = read_features(ds, lyr, cls=ClassExpr("CASE WHEN id % 2 = 0 THEN ? ELSE ? END", ("#", '"')))
    ids = [r[0] for r in ref_conn.execute("SELECT id FROM polys WHERE geom IS NOT NULL ORDER BY rowid")]
    assert data.codes.tolist() == [2 if i % 2 == 0 else 1 for i in ids]


def test_parallel_read_equals_serial_read(tmp_path, monkeypatch):
    path = tmp_path / "many.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("CREATE TABLE pts (id INTEGER PRIMARY KEY, kind TEXT)")
    conn.execute("SELECT AddGeometryColumn('pts', 'geom', 32648, 'POINT', 'XY')")
    conn.execute("CREATE TABLE polys (id INTEGER PRIMARY KEY, kind TEXT)")
    conn.execute("SELECT AddGeometryColumn('polys', 'geom', 32648, 'MULTIPOLYGON', 'XY')")
    conn.execute("BEGIN")
    # 210,000 points from SQL (more than PARALLEL_ROWS), a few NULLs and a rowid gap.
    conn.execute(
        "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 210000) "
        "INSERT INTO pts (id, kind, geom) SELECT i, char(97 + i % 3), "
        "CASE WHEN i % 9973 = 0 THEN NULL ELSE MakePoint(700000 + (i * 7919 % 100000) * 0.5, 1800000 + i * 0.25, 32648) END FROM s"
    )
    conn.execute("DELETE FROM pts WHERE id BETWEEN 50000 AND 50999")
    conn.execute(
        "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 300) "
        "INSERT INTO polys (kind, geom) SELECT char(97 + i % 3), CastToMultiPolygon(Buffer(MakePoint(i * 10.0, i * 3.0, 32648), 4 + i % 5)) FROM s"
    )
    conn.execute("COMMIT")
    conn.close()
    cls = ClassExpr("CASE kind WHEN ? THEN ? ELSE '!' END", ("b", '"'))
    with DataSource(path) as ds:
        for name, threshold in (("pts", reader.PARALLEL_ROWS), ("polys", 50)):
            lyr = ds.layer(name)
            monkeypatch.setattr(reader, "PARALLEL_ROWS", threshold)
            parallel = read_features(ds, lyr, cls=cls)
            monkeypatch.setattr(reader, "PARALLEL_ROWS", 10**9)
            serial = read_features(ds, lyr, cls=cls)
            a, b = parallel.geoms, serial.geoms
            assert a.count == b.count
            np.testing.assert_array_equal(a.xy, b.xy)
            np.testing.assert_array_equal(a.offsets, b.offsets)
            np.testing.assert_array_equal(a.path_feature, b.path_feature)
            np.testing.assert_array_equal(a.exterior, b.exterior)
            np.testing.assert_array_equal(parallel.codes, serial.codes)
        monkeypatch.undo()
        pts = read_features(ds, ds.layer("pts"), cls=cls)  # default threshold: 210,000 rows go parallel
        assert pts.geoms.count == 210000 - 1000 - 21 + sum(1 for i in range(50000, 51000) if i % 9973 == 0)
        ref = connect(path, read_only=True, wal=False)
        try:
            expected = np.array(ref.execute("SELECT X(geom), Y(geom) FROM pts WHERE geom IS NOT NULL ORDER BY rowid").fetchall())
            kinds = [r[0] for r in ref.execute("SELECT kind FROM pts WHERE geom IS NOT NULL ORDER BY rowid")]
        finally:
            ref.close()
        np.testing.assert_array_equal(pts.geoms.xy, expected)
        assert pts.codes.tolist() == [1 if k == "b" else 0 for k in kinds]


def _big_endian_blob(wkt: str, srid: int) -> bytes:
    """A SpatiaLite BLOB in big-endian byte order (as written on big-endian machines)."""
    g = shapely.from_wkt(wkt)
    minx, miny, maxx, maxy = g.bounds

    def body(part) -> bytes:
        if part.geom_type == "LineString":
            xy = shapely.get_coordinates(part)
            return struct.pack(">i", len(xy)) + xy.astype(">f8").tobytes()
        if part.geom_type == "Polygon":
            rings = [part.exterior, *part.interiors]
            out = struct.pack(">i", len(rings))
            for r in rings:
                xy = shapely.get_coordinates(r)
                out += struct.pack(">i", len(xy)) + xy.astype(">f8").tobytes()
            return out
        raise ValueError(part.geom_type)

    codes = {"LineString": 2, "Polygon": 3, "MultiLineString": 5, "MultiPolygon": 6}
    if g.geom_type.startswith("Multi"):
        parts = shapely.get_parts(g)
        payload = struct.pack(">i", len(parts)) + b"".join(
            b"\x69" + struct.pack(">i", codes[p.geom_type]) + body(p) for p in parts)
    else:
        payload = body(g)
    return (b"\x00\x00" + struct.pack(">i", srid) + struct.pack(">4d", minx, miny, maxx, maxy) + b"\x7c"
            + struct.pack(">i", codes[g.geom_type]) + payload + b"\xfe")


def test_compressed_and_big_endian_blobs(tmp_path):
    """CompressGeometry() blobs (float deltas) and big-endian blobs decode to the same shapes."""
    path = tmp_path / "odd_blobs.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    wkts = {
        "LINESTRING": ["LINESTRING(0 0, 1.5 2.25, 3 1, 4 4, 10 10)", "LINESTRING(5 5, 6 6)"],
        "POLYGON": ["POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))",
                    "POLYGON((20 20, 30 20, 30 30, 20 20))"],
        "MULTILINESTRING": ["MULTILINESTRING((0 0, 1 1, 2 0), (5 5, 6 7, 8 8))", "MULTILINESTRING((1 1, 2 2, 3 1))"],
        "MULTIPOLYGON": ["MULTIPOLYGON(((0 0, 4 0, 4 4, 0 0)), ((9 9, 10 9, 10 10, 9 9), (9.5 9.2, 9.8 9.2, 9.8 9.5, 9.5 9.2)))",
                         "MULTIPOLYGON(((0 0, 4 0, 4 4, 3 3.5, 0 0), (1 0.5, 2 0.7, 3 0.6, 1 0.5)))",
                         "MULTIPOLYGON(((5 5, 6 5, 6 6, 5.5 5.7, 5 5)))"],
    }
    for gtype, rows in wkts.items():
        for suffix in ("c", "be"):
            t = f"{gtype.lower()}_{suffix}"
            conn.execute(f"CREATE TABLE {t} (id INTEGER PRIMARY KEY)")
            conn.execute("SELECT AddGeometryColumn(?, 'geom', 3405, ?, 'XY')", (t, gtype))
            for w in rows:
                if suffix == "c":
                    conn.execute(f"INSERT INTO {t} (geom) VALUES (CompressGeometry(GeomFromText(?, 3405)))", (w,))
                else:
                    blob = _big_endian_blob(w, 3405)
                    # SpatiaLite itself reads it back as the same geometry.
                    assert conn.execute("SELECT AsText(?)", (blob,)).fetchone()[0] is not None
                    conn.execute(f"INSERT INTO {t} (geom) VALUES (?)", (blob,))
    conn.close()
    with DataSource(path) as ds:
        assert len(ds.layers) == 8
        ref = connect(path, read_only=True, wal=False)
        try:
            for lyr in ds.layers:
                assert_same_geometries(read_geometries(ds, lyr), reference_paths(ref, lyr.table, "geom"))
        finally:
            ref.close()


def test_xym_and_xyzm_layers(tmp_path):
    path = tmp_path / "zm.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    cases = {
        "pm": ("POINT", "XYM", ["POINTM(1 2 3)", "POINTM(4 5 6)"]),
        "lzm": ("LINESTRING", "XYZM", ["LINESTRINGZM(0 0 1 2, 1 1 3 4, 2 0 5 6)"]),
        "pzm": ("MULTIPOLYGON", "XYZM", ["MULTIPOLYGONZM(((0 0 1 1, 4 0 1 1, 4 4 1 1, 0 0 1 1)), ((9 9 0 0, 10 9 0 0, 10 10 0 0, 9 9 0 0)))"]),
        "lm": ("LINESTRING", "XYM", ["LINESTRINGM(0 0 1, 1 1 3, 2 0 5, 3 3 3)"]),
    }
    for t, (gtype, dims, rows) in cases.items():
        conn.execute(f"CREATE TABLE {t} (id INTEGER PRIMARY KEY)")
        assert conn.execute("SELECT AddGeometryColumn(?, 'geom', 4326, ?, ?)", (t, gtype, dims)).fetchone()[0] == 1
        for w in rows:
            conn.execute(f"INSERT INTO {t} (geom) VALUES (GeomFromText(?, 4326))", (w,))
    conn.execute("CREATE TABLE lmc (id INTEGER PRIMARY KEY)")
    conn.execute("SELECT AddGeometryColumn('lmc', 'geom', 4326, 'LINESTRING', 'XYM')")
    conn.execute("INSERT INTO lmc (geom) SELECT CompressGeometry(geom) FROM lm")
    conn.execute("CREATE TABLE lzmc (id INTEGER PRIMARY KEY)")
    conn.execute("SELECT AddGeometryColumn('lzmc', 'geom', 4326, 'LINESTRING', 'XYZM')")
    conn.execute("INSERT INTO lzmc (geom) SELECT CompressGeometry(geom) FROM lzm")
    conn.close()
    with DataSource(path) as ds:
        assert {lyr.name: lyr.dimension for lyr in ds.layers} == {
            "pm": "XYM", "lzm": "XYZM", "pzm": "XYZM", "lm": "XYM", "lmc": "XYM", "lzmc": "XYZM"}
        ref = connect(path, read_only=True, wal=False)
        try:
            for lyr in ds.layers:
                assert_same_geometries(read_geometries(ds, lyr), reference_paths(ref, lyr.table, "geom"))
        finally:
            ref.close()


def test_legacy_geometry_columns(tmp_path):
    """SpatiaLite 2/3 files keep geometry_columns with text types."""
    path = tmp_path / "legacy.sqlite"
    conn = connect(path, create=True)
    conn.execute(
        "CREATE TABLE geometry_columns (f_table_name TEXT, f_geometry_column TEXT, type TEXT, "
        "coord_dimension TEXT, srid INTEGER, spatial_index_enabled INTEGER)"
    )
    conn.execute("CREATE TABLE spatial_ref_sys (srid INTEGER PRIMARY KEY, auth_name TEXT, auth_srid INTEGER, ref_sys_name TEXT, proj4text TEXT)")
    conn.execute("CREATE TABLE Wells (id INTEGER PRIMARY KEY, Geometry BLOB)")
    conn.execute("INSERT INTO geometry_columns VALUES ('Wells', 'Geometry', 'POINT', '2', 3405, 0)")
    conn.execute("CREATE TABLE Rivers (id INTEGER PRIMARY KEY, Geometry BLOB)")
    conn.execute("INSERT INTO geometry_columns VALUES ('Rivers', 'Geometry', 'LINESTRING', 'XYZ', 3405, 0)")
    conn.executemany("INSERT INTO Wells (Geometry) VALUES (MakePoint(?, ?, 3405))", [(1.0, 2.0), (3.0, 4.0)])
    conn.execute("INSERT INTO Rivers (Geometry) VALUES (GeomFromText('LINESTRINGZ(0 0 1, 5 5 2)', 3405))")
    conn.close()
    with DataSource(path) as ds:
        got = {lyr.name: (lyr.geometry_type, lyr.dimension, lyr.srid) for lyr in ds.layers}
        assert got == {"Wells": ("POINT", "XY", 3405), "Rivers": ("LINESTRING", "XYZ", 3405)}
        np.testing.assert_array_equal(read_geometries(ds, ds.layer("Wells")).xy, [[1, 2], [3, 4]])
        np.testing.assert_array_equal(read_geometries(ds, ds.layer("Rivers")).xy, [[0, 0], [5, 5]])


def test_file_is_not_modified_by_reading(spatialite_file, tmp_path):
    import shutil

    src, _ = spatialite_file
    copy = tmp_path / "copy.sqlite"
    shutil.copy(src, copy)
    before = copy.read_bytes()
    with DataSource(copy) as ds:
        for lyr in ds.layers:
            ds.feature_count(lyr)
            ds.extent(lyr)
            read_geometries(ds, lyr)
    assert copy.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite"]


def test_build_is_deterministic(tmp_path, spatialite_file):
    # The fixture generator itself: same seed, same layers (guards the other tests' assumptions).
    specs = build_spatialite(tmp_path / "again.sqlite")
    assert [(s.name, s.count) for s in specs] == [(s.name, s.count) for s in spatialite_file[1]]


def test_hostile_vertex_counts_are_skipped_not_allocated():
    """A blob claiming 2**31 vertices (damaged or crafted) is dropped; its neighbours survive."""
    import struct

    import numpy as np

    from gisdesk.store.geoblob import decode_spatialite

    def line(coords, claimed=None):
        body = struct.pack("<ii", 2, claimed if claimed is not None else len(coords))
        body += b"".join(struct.pack("<dd", *c) for c in coords)
        head = b"\x00\x01" + struct.pack("<i", 4326) + struct.pack("<dddd", 0, 0, 1, 1) + b"\x7c"
        return head + body + b"\xfe"

    good = line([(0, 0), (1, 1)])
    bad = line([(0, 0), (1, 1)], claimed=2**31 - 1)
    truncated = good[:30]
    blob = good + bad + truncated + good
    lengths = np.array([len(good), len(bad), len(truncated), len(good)])
    g = decode_spatialite(blob, lengths, "line")
    assert g.count == 4
    kept = sorted(set(g.path_feature[np.diff(g.offsets) > 0].tolist()))
    assert kept == [0, 3]
    assert np.array_equal(g.xy, [[0, 0], [1, 1], [0, 0], [1, 1]])

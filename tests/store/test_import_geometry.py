"""The layer importer refuses bad geometry per feature and says so; it never raises a traceback.

Findings of issue 12: NaN coordinates left the R*Tree empty, a 1e308 coordinate made a
full-extent render skip the other layers, damaged GeoPackage blobs arrived as NULL
geometries without a word, ``Name`` + ``name`` columns and a file named
``sqlite_data.geojson`` raised tracebacks.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess

import numpy as np
import pytest
import shapely

from gisdesk.core.text import printable
from gisdesk.store._import_checks import coordinate_problems, unique_columns
from gisdesk.store.connection import connect
from gisdesk.store.datasource import DataSource
from gisdesk.store.errors import StoreError
from gisdesk.store.importer import import_vector, table_name_for


@pytest.fixture
def ws(tmp_path):
    path = tmp_path / "w.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.close()
    return path


def write(path, features, crs=None, raw=None):
    doc = {"type": "FeatureCollection", "features": features}
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    text = json.dumps(doc, ensure_ascii=False)
    for k, v in (raw or {}).items():
        text = text.replace(json.dumps(k), v)
    path.write_text(text, encoding="utf-8")
    return path


def pt(x, y, **props):
    return {"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": [x, y]}}


def rtree_rows(ws, table):
    with DataSource(ws) as ds:
        return ds.connection().execute(f'SELECT count(*) FROM "idx_{table}_geom"').fetchone()[0]


def names(ws):
    conn = connect(ws, read_only=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master"))
    finally:
        conn.close()


def test_nan_coordinates_are_refused_per_feature_and_the_good_ones_are_indexed(ws, tmp_path):
    src = write(tmp_path / "gauges.geojson", [pt(107.5, 16.4, n=1), pt("NANX", 16.4, n=2), pt(107.6, 16.5, n=3),
                                              pt(107.55, "NANY", n=4)], raw={"NANX": "NaN", "NANY": "NaN"})
    table = import_vector(ws, src)
    assert [n for n, _ in table.refused] == [2, 4]
    assert all("not finite" in why for _, why in table.refused)
    assert table.imported == 2 and rtree_rows(ws, table) == 2  # before: 0 rows, nothing drawn
    with DataSource(ws) as ds:
        assert ds.feature_count(ds.layer(table)) == 2
        assert ds.extent(ds.layer(table)) == pytest.approx((107.5, 16.4, 107.6, 16.5), abs=1e-4)  # float32 boxes
    assert any("feature 2:" in line for line in table.warnings())


def test_a_1e308_coordinate_is_refused_and_the_full_extent_stays_on_the_city(ws, tmp_path):
    src = write(tmp_path / "pumps.geojson", [pt(775000, 1820000, n=1), pt(1e308, 1820000, n=2), pt(776000, 1821000, n=3),
                                             pt(775500, -5e9, n=4)], crs="EPSG:32648")
    table = import_vector(ws, src)
    assert [n for n, _ in table.refused] == [2, 4] and "outside the area of EPSG:32648" in table.refused[0][1]
    with DataSource(ws) as ds:
        assert ds.extent(ds.layer(table)) == pytest.approx((775000, 1820000, 776000, 1821000), abs=1)


def test_a_foreign_layer_with_1e308_does_not_blow_up_the_full_extent(workspace):
    conn = connect(workspace)
    srid = conn.execute("SELECT srid FROM geometry_columns WHERE f_table_name = 'communes'").fetchone()[0]
    conn.execute("CREATE TABLE bad (fid INTEGER PRIMARY KEY)")
    conn.execute("SELECT AddGeometryColumn('bad', 'geom', ?, 'POINT', 'XY')", (srid,))
    conn.execute("INSERT INTO bad (geom) VALUES (MakePoint(775000, 1820000, ?))", (srid,))
    conn.execute("INSERT INTO bad (geom) VALUES (MakePoint(1e308, 1820000, ?))", (srid,))
    conn.execute("SELECT CreateSpatialIndex('bad', 'geom')")
    conn.commit()
    conn.close()
    with DataSource(workspace) as ds:
        ext = ds.extent(ds.layer("bad"))
        communes = ds.extent(ds.layer("communes"))
    assert np.isfinite(ext).all() and ext == pytest.approx((775000, 1820000, 775000, 1820000), abs=1)
    assert 700_000 < communes[0] < communes[2] < 900_000


def test_damaged_geopackage_blobs_are_counted_and_reported(ws, tmp_path):
    if shutil.which("ogr2ogr") is None:
        pytest.skip("ogr2ogr (gdal-bin) is not installed")
    src = write(tmp_path / "p.geojson", [pt(107.5 + i * 0.01, 16.4, n=i) for i in range(6)])
    gpkg = tmp_path / "pts.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(gpkg), str(src), "-nln", "pts"], check=True, capture_output=True)
    conn = sqlite3.connect(gpkg)
    for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{trigger}"')  # GDAL's triggers call ST_ functions plain SQLite lacks
    conn.execute("UPDATE pts SET geom = X'4750000147' WHERE fid = 2")  # header cut short
    conn.execute("UPDATE pts SET geom = X'47500001E6100000FFFFFFFF' WHERE fid = 3")  # header, then garbage
    conn.execute("UPDATE pts SET geom = zeroblob(30) WHERE fid = 5")
    conn.execute("UPDATE pts SET geom = NULL WHERE fid = 6")  # no geometry on purpose: not lost
    conn.commit()
    conn.close()
    table = import_vector(ws, gpkg)
    assert table.unreadable == [2, 3, 5]
    assert any("3 features had no readable geometry" in line for line in table.warnings())
    with DataSource(ws) as ds:
        assert ds.feature_count(ds.layer(table)) == 6  # the attributes are kept


def test_name_and_Name_columns_are_made_unique(ws, tmp_path):
    src = write(tmp_path / "roads.geojson", [pt(107.5, 16.4, Name="Lê Lợi", name="le loi", NAME="LL", fid=7, geom="x")])
    table = import_vector(ws, src)
    with DataSource(ws) as ds:
        cols = [c for c, _ in ds.columns(ds.layer(table))]
        row = ds.connection(text=True).execute(f'SELECT "Name", "name_2", "NAME_3" FROM "{table}"').fetchone()
    assert cols[1:] == ["Name", "name_2", "NAME_3", "fid_2", "geom_2"]
    assert row == ("Lê Lợi", "le loi", "LL")
    assert unique_columns(["a", "A", "a_2", "", "x\x1by"]) == ["a", "A_2", "a_2_2", "field", "x_y"]


@pytest.mark.parametrize("file_name,expected", [
    ("sqlite_data.geojson", "l_sqlite_data"), ("SQLITE_stat1.geojson", "l_sqlite_stat1"),
    ("idx_roads_geom.geojson", "l_idx_roads_geom"), ("geometry_columns.geojson", "l_geometry_columns"),
    ("tasks.geojson", "l_tasks"), ("gpkg_contents.geojson", "l_gpkg_contents"), ("2024 floods.geojson", "l_2024_floods"),
])
def test_a_table_name_from_any_file_name_is_safe(ws, tmp_path, file_name, expected):
    table = import_vector(ws, write(tmp_path / file_name, [pt(107.5, 16.4, n=1)]))
    assert table == expected
    assert table_name_for(tmp_path / file_name, {expected.upper()}) == expected + "_2"  # never a clash, any case


def test_coordinate_checks_are_vectorised_and_per_feature():
    geoms = np.array([shapely.Point(107.5, 16.4), shapely.Point(np.nan, 1), shapely.Point(107.5, 95),
                      shapely.Point(np.inf, 1), None, shapely.LineString([[107, 16], [1e300, 16]]),
                      shapely.Point(107.5, 16.4, np.nan)], dtype=object)
    not_finite, outside = coordinate_problems(geoms, 4326)
    assert not_finite.tolist() == [False, True, False, True, False, False, True]
    assert outside.tolist() == [False, False, True, False, False, True, False]


BAD_FILES = {
    "all NaN": lambda p: write(p, [pt("NANX", 1)], raw={"NANX": "NaN"}),
    "all far outside the CRS": lambda p: write(p, [pt(1e9, 1e9), pt(-1e9, 5e8)]),
    "escape in name": lambda p: write(p.with_name("a\x1b[2Jb.geojson"), [pt("NANX", 1)], raw={"NANX": "NaN"}),
    "binary junk": lambda p: (p.write_bytes(bytes(range(256)) * 10), p)[1],
    "empty": lambda p: (p.write_bytes(b""), p)[1],
    "deep nesting": lambda p: (p.write_bytes(b'{"type": "FeatureCollection", "features": ' + b"[" * 10000), p)[1],
    "a folder": lambda p: (p.mkdir(), p)[1],
    "a fifo": lambda p: (os.mkfifo(p), p)[1],
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_every_failure_is_one_store_error_and_changes_nothing(ws, tmp_path, kind):
    src = BAD_FILES[kind](tmp_path / "bad.geojson")
    before = names(ws)
    with pytest.raises(StoreError) as info:
        import_vector(ws, src)
    assert "\n" not in info.value.message and printable(info.value.message, None) == info.value.message
    assert names(ws) == before


def test_a_reserved_table_argument_is_refused_in_one_line(ws, tmp_path):
    src = write(tmp_path / "a.geojson", [pt(107.5, 16.4, n=1)])
    for bad in ("sqlite_master", "geometry_columns", "Spatial_Ref_Sys"):
        with pytest.raises(StoreError, match="already has or reserves"):
            import_vector(ws, src, table=bad)

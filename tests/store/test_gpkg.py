"""GeoPackages written by ``ogr2ogr -f GPKG`` from the SpatiaLite fixture file."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from gisdesk.store.connection import connect
from gisdesk.store.datasource import DataSource
from gisdesk.store.reader import ClassExpr, read_features, read_geometries

from .builders import reference_paths


def _gpkg_name(spec_name: str) -> str | None:
    # GeoPackage tables hold one geometry column: ogr2ogr writes a two-geometry table "t" with
    # its first column only (GDAL lists it as one layer "t" with fields g1 and g2).
    return {"t(g1)": "t", "t(g2)": None}.get(spec_name, spec_name)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def gpkg(gpkg_file):
    before = _digest(gpkg_file)
    with DataSource(gpkg_file) as ds:
        yield ds
    assert _digest(gpkg_file) == before, "reading the GeoPackage changed its bytes"


@pytest.fixture(scope="module")
def source_conn(spatialite_file):
    conn = connect(spatialite_file[0], read_only=True, wal=False)
    yield conn
    conn.close()


def test_opened_read_only(gpkg, gpkg_file):
    assert gpkg.format == "gpkg"
    assert gpkg.read_only is True
    # Also when asked for a writable source.
    with DataSource(gpkg_file, read_only=False) as again:
        assert again.read_only is True


def test_same_layers_counts_srids(gpkg, spatialite_file):
    _, specs = spatialite_file
    expected = {_gpkg_name(s.name): s for s in specs if _gpkg_name(s.name)}
    assert sorted(lyr.name for lyr in gpkg.layers) == sorted(expected)
    for name, spec in expected.items():
        lyr = gpkg.layer(name)
        assert gpkg.feature_count(lyr) == spec.count, name
        assert lyr.srid == spec.srid, name
        assert lyr.geometry_type == spec.geometry_type, name
        assert lyr.dimension == spec.dimension, name
        assert lyr.spatial_index, name  # ogr2ogr indexes every GPKG layer
        assert not lyr.is_view


def test_decoded_coordinates_equal_source(gpkg, spatialite_file, source_conn):
    _, specs = spatialite_file
    for spec in specs:
        name = _gpkg_name(spec.name)
        if name is None:
            continue
        table, where = ("polys", "kind = 'a'") if spec.is_view else (spec.table, "1")
        ref = reference_paths(source_conn, table, spec.column, where)
        geoms = read_geometries(gpkg, gpkg.layer(name))
        assert geoms.count == ref[4], name
        np.testing.assert_array_equal(geoms.xy, ref[0], err_msg=name)
        np.testing.assert_array_equal(geoms.offsets, ref[1], err_msg=name)
        np.testing.assert_array_equal(geoms.path_feature, ref[2], err_msg=name)
        np.testing.assert_array_equal(geoms.exterior, ref[3], err_msg=name)


def test_extents_match_source(gpkg, spatialite_file):
    path, specs = spatialite_file
    with DataSource(path) as src:
        for spec in specs:
            name = _gpkg_name(spec.name)
            if name is None or spec.name == "allnull":
                continue
            np.testing.assert_allclose(gpkg.extent(gpkg.layer(name)), src.extent(src.layer(spec.name)), rtol=3e-7,
                                       err_msg=name)
    assert gpkg.extent(gpkg.layer("allnull")) is None


def test_bbox_filter_uses_gpkg_rtree(gpkg, source_conn):
    lyr = gpkg.layer("polys")
    ext = gpkg.extent(lyr)
    bbox = (ext[0], ext[1], (ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2)
    rows = source_conn.execute(
        "SELECT rowid FROM polys WHERE MbrMinX(geom) <= ? AND MbrMinY(geom) <= ? ORDER BY rowid",
        (bbox[2], bbox[3]),
    ).fetchall()
    got = read_geometries(gpkg, lyr, bbox=bbox)
    assert 0 < got.count < gpkg.feature_count(lyr)
    assert got.count == len(rows)
    rowids = tuple(r[0] for r in rows)
    ref = reference_paths(source_conn, "polys", "geom", f"rowid IN ({','.join('?' * len(rowids))})", rowids)
    np.testing.assert_array_equal(got.xy, ref[0])


def test_class_codes(gpkg, source_conn):
    data = read_features(gpkg, gpkg.layer("pts"), cls=ClassExpr("CASE kind WHEN ? THEN ? ELSE '!' END", ("c", "$")))
    kinds = [r[0] for r in source_conn.execute("SELECT kind FROM pts WHERE geom IS NOT NULL ORDER BY rowid")]
    assert data.codes.tolist() == [3 if k == "c" else 0 for k in kinds]


def test_no_wal_or_journal_left_behind(gpkg_file):
    with DataSource(gpkg_file) as ds:
        for lyr in ds.layers:
            read_geometries(ds, lyr)
    assert sorted(p.name for p in gpkg_file.parent.iterdir()) == [gpkg_file.name]

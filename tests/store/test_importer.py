"""Importing vector files and registering rasters: good files land, bad ones change nothing."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from gisdesk.store.connection import connect
from gisdesk.store.datasource import DataSource
from gisdesk.store.errors import StoreError
from gisdesk.store.importer import ImportCancelled, import_vector, register_raster


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "w.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.close()
    return path


def geojson(path, features, crs=None):
    doc = {"type": "FeatureCollection", "features": features}
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def feature(geom, **props):
    return {"type": "Feature", "properties": props, "geometry": geom}


def snapshot(path):
    conn = connect(path, read_only=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master"))
    finally:
        conn.close()


def test_geojson_with_mixed_single_and_multi_polygons_becomes_one_multipolygon_layer(workspace, tmp_path):
    sq = [[[107.5, 16.4], [107.6, 16.4], [107.6, 16.5], [107.5, 16.4]]]
    src = geojson(tmp_path / "Flood zones 2024.geojson", [
        feature({"type": "Polygon", "coordinates": sq}, name="Phú Hội", depth=1.5),
        feature({"type": "MultiPolygon", "coordinates": [sq, sq]}, name="Vỹ Dạ", depth=None),
        feature(None, name="no geometry", depth=0.1),
    ])
    table = import_vector(workspace, src)
    assert table == "flood_zones_2024"
    with DataSource(workspace) as ds:
        lyr = ds.layer(table)
        assert (lyr.geometry_type, lyr.srid, ds.feature_count(lyr)) == ("MULTIPOLYGON", 4326, 3)
        assert lyr.spatial_index
        rows = ds.connection(text=True).execute(f"SELECT name, depth FROM {table} ORDER BY fid").fetchall()
    assert rows == [("Phú Hội", 1.5), ("Vỹ Dạ", None), ("no geometry", 0.1)]


def test_a_file_without_crs_is_refused_and_nothing_changes(workspace, tmp_path):
    if shutil.which("ogr2ogr") is None:
        pytest.skip("ogr2ogr (gdal-bin) is not installed")
    src = geojson(tmp_path / "a.geojson", [feature({"type": "Point", "coordinates": [1, 2]}, n=1)])
    shp = tmp_path / "nocrs.shp"
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", str(shp), str(src)], check=True, capture_output=True)
    shp.with_suffix(".prj").unlink()
    before = snapshot(workspace)
    with pytest.raises(StoreError, match="no coordinate reference system"):
        import_vector(workspace, shp)
    assert snapshot(workspace) == before


def test_metres_labelled_as_degrees_are_refused(workspace, tmp_path):
    src = geojson(tmp_path / "wrong.geojson", [feature({"type": "Point", "coordinates": [775000, 1820000]}, n=1)])
    before = snapshot(workspace)
    with pytest.raises(StoreError, match="CRS is probably wrong"):
        import_vector(workspace, src)
    assert snapshot(workspace) == before


def test_malformed_and_hostile_files_give_clear_errors(workspace, tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [ {"type": ', encoding="utf-8")
    empty = tmp_path / "empty.geojson"
    empty.write_bytes(b"")
    before = snapshot(workspace)
    for f in (bad, empty, tmp_path / "missing.geojson"):
        with pytest.raises(StoreError, match="Could not read"):
            import_vector(workspace, f)
    assert snapshot(workspace) == before


def test_cancel_rolls_back(workspace, tmp_path):
    feats = [feature({"type": "Point", "coordinates": [107.5 + i * 1e-5, 16.4]}, n=i) for i in range(45000)]
    src = geojson(tmp_path / "many.geojson", feats)
    before = snapshot(workspace)
    with pytest.raises(ImportCancelled):
        import_vector(workspace, src, progress=lambda f: f < 0.5)
    assert snapshot(workspace) == before
    assert import_vector(workspace, src) == "many"
    with DataSource(workspace) as ds:
        assert ds.feature_count(ds.layer("many")) == 45000


def test_shapefile_written_by_gdal_imports_with_its_crs(workspace, tmp_path):
    if shutil.which("ogr2ogr") is None:
        pytest.skip("ogr2ogr (gdal-bin) is not installed")
    src = geojson(tmp_path / "roads.geojson", [feature({"type": "LineString", "coordinates": [[107.5, 16.4], [107.6, 16.5]]},
                                                       name="Lê Lợi", lanes=4)])
    shp = tmp_path / "roads_utm.shp"
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:32648", str(shp), str(src)], check=True,
                   capture_output=True)
    table = import_vector(workspace, shp)
    with DataSource(workspace) as ds:
        lyr = ds.layer(table)
        assert (lyr.srid, lyr.geometry_type, ds.feature_count(lyr)) == (32648, "LINESTRING", 1)


def test_register_raster_relative_and_refuses_non_rasters(workspace, tmp_path):
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    tif = tmp_path / "dem.tif"
    with rasterio.open(tif, "w", driver="GTiff", width=4, height=4, count=1, dtype="float32", crs="EPSG:32648",
                       transform=from_origin(760000, 1813000, 10, 10)) as dst:
        dst.write(np.ones((4, 4), np.float32), 1)
    name = register_raster(workspace, tif, title="Elevation")
    with DataSource(workspace) as ds:
        assert [(r.name, r.path, r.title) for r in ds.rasters] == [(name, tif, "Elevation")]
    fake = tmp_path / "fake.tif"
    fake.write_text("not a tiff")
    with pytest.raises(StoreError, match="not a raster"):
        register_raster(workspace, fake)

""""Save as" (issue 15, item 4): every format written from the demo city and read back by GDAL.

Expected counts come from our own SQL on the workspace (never from the exporter), read-back
goes through ``ogrinfo -so -al`` (the GDAL command line QGIS users know) and pyogrio; the
reprojected coordinates are checked against SpatiaLite's own ``Transform``. The access rule
as the city states it: a commune officer reads only their commune's incidents, so their
export holds only those. The safety rule (issue 12): an export never writes over the open
workspace or any other SQLite file, and a refused export leaves the bytes as they were.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import sqlite3
import subprocess

import numpy as np
import pyogrio
import pyogrio.raw
import pytest

from gisdesk.core.users import User
from gisdesk.store.connection import connect
from gisdesk.store.datasource import DataSource
from gisdesk.store.errors import StoreError
from gisdesk.store.export import Export, ExportRefused, export_layer
from gisdesk.store.table_query import TableQuery

PHU_HOI = "Phú Hội"
FORMATS = ["gpkg", "shp", "geojson", "fgb", "csv", "kml"]
needs_ogrinfo = pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="gdal-bin (ogrinfo) is not installed")


def sql(path, query, params=()):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def spatialite_sql(path, query, params=()):
    con = connect(path, read_only=True)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def ogrinfo_count(path) -> int:
    res = subprocess.run(["ogrinfo", "-so", "-al", "-ro", str(path)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    counts = [int(n) for n in re.findall(r"Feature Count: (\d+)", res.stdout)]
    assert len(counts) == 1, res.stdout  # one layer
    return counts[0]


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def officer(name="phu_hoi"):
    return User(name, name, "viewer")  # the role and commune are re-read from the workspace's users table


@needs_ogrinfo
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layer", ["communes", "incidents", "roads"])
def test_each_format_has_the_sources_count_for_ogrinfo_and_pyogrio(workspace, tmp_path, fmt, layer):
    (expected,) = sql(workspace, f"SELECT count(*) FROM {layer}")[0]
    assert expected > 0
    out = tmp_path / f"{layer}.{fmt}"
    with DataSource(workspace) as ds:
        result = export_layer(ds, layer, out)
    assert result.count == expected
    assert ogrinfo_count(out) == expected
    assert pyogrio.read_info(out)["features"] == expected
    if fmt == "shp":
        assert {p.suffix for p in result.files} == {".shp", ".shx", ".dbf", ".prj", ".cpg"}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


@pytest.mark.parametrize("fmt", ["gpkg", "shp", "geojson", "fgb"])
def test_crs_is_the_layers_by_default_and_the_one_asked_for(workspace, tmp_path, fmt):
    with DataSource(workspace) as ds:
        export_layer(ds, "incidents", tmp_path / f"same.{fmt}")
        export_layer(ds, "incidents", tmp_path / f"wgs.{fmt}", crs="EPSG:4326")
    assert pyogrio.read_info(tmp_path / f"same.{fmt}")["crs"] == "EPSG:32648"  # the demo is UTM 48N
    assert pyogrio.read_info(tmp_path / f"wgs.{fmt}")["crs"] == "EPSG:4326"
    # the coordinates moved as SpatiaLite's own Transform moves them
    want = dict((fid, (x, y)) for fid, x, y in spatialite_sql(
        workspace, "SELECT fid, X(Transform(geom, 4326)), Y(Transform(geom, 4326)) FROM incidents"))
    _, _, wkb, fields = pyogrio.raw.read(tmp_path / f"wgs.{fmt}", return_fids=False)
    import shapely

    xy = shapely.get_coordinates(shapely.from_wkb(wkb))
    meta = pyogrio.read_info(tmp_path / f"wgs.{fmt}")
    names = list(meta["fields"])
    if "fid" in names:
        fids = fields[names.index("fid")]
    else:  # a GeoPackage keeps "fid" as its feature id
        fids = pyogrio.raw.read(tmp_path / f"wgs.{fmt}", return_fids=True, read_geometry=False)[1]
    got = dict(zip(np.asarray(fids).tolist(), map(tuple, xy)))
    assert got.keys() == want.keys()
    for fid in list(want)[:: max(1, len(want) // 50)]:
        assert got[fid] == pytest.approx(want[fid], abs=1e-7)


def test_kml_is_always_wgs84(workspace, tmp_path):
    with DataSource(workspace) as ds:
        result = export_layer(ds, "communes", tmp_path / "c.kml", crs="EPSG:32648")
    assert result.crs == "EPSG:4326"
    minx, miny, maxx, maxy = pyogrio.read_info(tmp_path / "c.kml", force_total_bounds=True)["total_bounds"]
    assert 107 < minx < maxx < 108 and 16 < miny < maxy < 17  # Huế in degrees


def test_csv_has_a_bom_and_lon_lat_columns_from_spatialite(workspace, tmp_path):
    out = tmp_path / "incidents.csv"
    with DataSource(workspace) as ds:
        result = export_layer(ds, "incidents", out, csv_geometry="lonlat")
    data = out.read_bytes()
    assert data[:3] == b"\xef\xbb\xbf"  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"))))
    assert "lon" in rows[0] and "lat" in rows[0] and "WKT" not in rows[0]
    want = {fid: (x, y) for fid, x, y in spatialite_sql(
        workspace, "SELECT fid, X(Transform(geom, 4326)), Y(Transform(geom, 4326)) FROM incidents")}
    assert len(rows) == len(want) == result.count
    for r in rows[::97]:
        assert (float(r["lon"]), float(r["lat"])) == pytest.approx(want[int(r["fid"])], abs=1e-7)
    assert any(r["commune"] == PHU_HOI for r in rows)  # Vietnamese text intact


def test_csv_wkt_and_no_geometry(workspace, tmp_path):
    with DataSource(workspace) as ds:
        export_layer(ds, "communes", tmp_path / "wkt.csv")
        export_layer(ds, "communes", tmp_path / "none.csv", csv_geometry="none")
    wkt = next(csv.reader(io.StringIO((tmp_path / "wkt.csv").read_text("utf-8-sig"))))
    none = next(csv.reader(io.StringIO((tmp_path / "none.csv").read_text("utf-8-sig"))))
    assert wkt[0] == "WKT" and "WKT" not in none and "name" in none
    rows = list(csv.DictReader(io.StringIO((tmp_path / "wkt.csv").read_text("utf-8-sig"))))
    assert all(r["WKT"].startswith(("POLYGON", "MULTIPOLYGON")) for r in rows)


def test_selection_only_writes_exactly_the_selected_ids(workspace, tmp_path):
    selected = [3, 17, 42, 999, 1500]
    with DataSource(workspace) as ds:
        result = export_layer(ds, "incidents", tmp_path / "sel.fgb", ids=selected)
    assert result.count == len(selected)
    _, _, _, fields = pyogrio.raw.read(tmp_path / "sel.fgb", columns=["fid"])
    assert sorted(fields[0].tolist()) == selected


def test_filtered_table_rows(workspace, tmp_path):
    (want,) = sql(workspace, "SELECT count(*) FROM incidents WHERE status = 'resolved' AND severity >= 3")[0]
    with DataSource(workspace) as ds:
        q = TableQuery(ds, ds.layer("incidents"))
        q.set_filter("\"status\" = 'resolved' and severity >= 3")
        result = export_layer(ds, "incidents", tmp_path / "f.geojson", ids=q.ids())
    assert 0 < result.count == want
    meta, _, _, fields = pyogrio.raw.read(tmp_path / "f.geojson", columns=["status", "severity"])
    got = dict(zip(meta["fields"], fields))
    assert set(got["status"].tolist()) == {"resolved"} and got["severity"].min() >= 3


def test_commune_officer_exports_only_their_communes_incidents(workspace, tmp_path):
    (want,) = sql(workspace, "SELECT count(*) FROM incidents WHERE commune = ?", (PHU_HOI,))[0]
    (total,) = sql(workspace, "SELECT count(*) FROM incidents")[0]
    assert 0 < want < total
    with DataSource(workspace, user=officer()) as ds:
        result = export_layer(ds, "incidents", tmp_path / "mine.gpkg")
        every = sql(workspace, "SELECT fid FROM incidents")  # asking for every id changes nothing
        again = export_layer(ds, "incidents", tmp_path / "mine.csv", ids=[r[0] for r in every])
    assert result.count == again.count == want
    _, _, _, fields = pyogrio.raw.read(tmp_path / "mine.gpkg", columns=["commune"])
    assert set(fields[0].tolist()) == {PHU_HOI}
    if shutil.which("ogrinfo"):
        assert ogrinfo_count(tmp_path / "mine.gpkg") == want


def test_export_onto_the_workspace_is_refused_and_changes_nothing(workspace, tmp_path):
    before = digest(workspace)
    link = tmp_path / "link.gpkg"
    os.symlink(workspace, link)
    with DataSource(workspace) as ds:
        for target, fmt in [(workspace, "gpkg"), (link, "gpkg"), (workspace, "csv"), (workspace, "kml")]:
            with pytest.raises(ExportRefused, match="workspace|SQLite"):
                export_layer(ds, "communes", target, fmt=fmt, overwrite=True)
        with pytest.raises(StoreError, match=r"\.shp"):
            export_layer(ds, "communes", workspace, fmt="shp", overwrite=True)
        for sidecar in (".shx", ".dbf", ".prj", ".cpg"):  # a Shapefile whose sidecar would be the workspace
            os.symlink(workspace, tmp_path / f"side{sidecar}")
            with pytest.raises(ExportRefused, match="workspace"):
                export_layer(ds, "communes", tmp_path / "side.shp", overwrite=True)
            os.unlink(tmp_path / f"side{sidecar}")
    assert digest(workspace) == before
    assert not os.path.exists(f"{workspace}-wal") or os.path.getsize(f"{workspace}-wal") == 0
    assert not [p for p in workspace.parent.iterdir() if p.name.startswith(".")]


def test_export_onto_another_sqlite_file_is_refused_and_changes_nothing(workspace, tmp_path):
    other = tmp_path / "other.gpkg"  # a plain SQLite file with a GeoPackage's name
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE keep (x)")
    con.execute("INSERT INTO keep VALUES (1)")
    con.commit()
    con.close()
    spatialite = tmp_path / "copy.sqlite"
    shutil.copy(workspace, spatialite)
    before = {p: digest(p) for p in (other, spatialite)}
    with DataSource(workspace) as ds:
        for target in (other, spatialite):
            for overwrite in (False, True):
                with pytest.raises(ExportRefused, match="SQLite"):
                    export_layer(ds, "communes", target, fmt="gpkg", overwrite=overwrite)
    assert {p: digest(p) for p in before} == before


def test_an_existing_file_is_replaced_only_when_asked(workspace, tmp_path):
    out = tmp_path / "c.gpkg"
    with DataSource(workspace) as ds:
        export_layer(ds, "communes", out)
        before = digest(out)
        with pytest.raises(ExportRefused, match="already exists"):
            export_layer(ds, "roads", out)
        assert digest(out) == before
        result = export_layer(ds, "roads", out, overwrite=True)  # a GeoPackage over a GeoPackage: allowed
    assert pyogrio.read_info(out)["features"] == result.count == sql(workspace, "SELECT count(*) FROM roads")[0][0]
    assert pyogrio.list_layers(out)[:, 0].tolist() == ["roads"]


def test_missing_folder_and_unknown_format_say_so(workspace, tmp_path):
    with DataSource(workspace) as ds:
        with pytest.raises(StoreError, match="does not exist"):
            export_layer(ds, "communes", tmp_path / "nope" / "c.gpkg")
        with pytest.raises(StoreError, match="format"):
            export_layer(ds, "communes", tmp_path / "c.xyz")
    assert [p.name for p in tmp_path.iterdir()] == ["workspace"]  # nothing written, not even a folder


@pytest.mark.parametrize("at", ["read", "write"])
def test_cancel_writes_nothing(workspace, tmp_path, at):
    out = tmp_path / "c.shp"
    with DataSource(workspace) as ds:
        job = Export(ds, "incidents", out, progress=lambda step, fraction: job.cancel() if step == at else None)
        with pytest.raises(StoreError, match="cancelled"):
            job.run()
    assert [p.name for p in tmp_path.iterdir()] == ["workspace"]  # no output, no sidecar, no temporary file


@pytest.mark.parametrize("fmt", FORMATS)
def test_features_without_geometry_are_kept(workspace, tmp_path, fmt):
    con = connect(workspace)
    con.execute("UPDATE incidents SET geom = NULL WHERE fid IN (1, 2, 3)")
    con.commit()
    con.close()
    (total,) = sql(workspace, "SELECT count(*) FROM incidents")[0]
    (nulls,) = sql(workspace, "SELECT count(*) FROM incidents WHERE geom IS NULL")[0]
    assert nulls == 3
    with DataSource(workspace) as ds:  # FlatGeobuf's spatial index cannot hold them: written without one
        result = export_layer(ds, "incidents", tmp_path / f"n.{fmt}", csv_geometry="lonlat")
    assert result.count == pyogrio.read_info(tmp_path / f"n.{fmt}")["features"] == total


def test_a_geopackage_source_exports_too(workspace, tmp_path):
    with DataSource(workspace) as ds:
        first = export_layer(ds, "roads", tmp_path / "roads.gpkg")
    with DataSource(tmp_path / "roads.gpkg") as gpkg:
        again = export_layer(gpkg, "roads", tmp_path / "roads.fgb", crs="EPSG:4326", ids=[1, 2, 3])
        every = export_layer(gpkg, "roads", tmp_path / "all.shp")
        with pytest.raises(ExportRefused, match="open workspace"):  # the file being read is never written
            export_layer(gpkg, "roads", tmp_path / "roads.gpkg", overwrite=True)
    assert again.count == 3 and every.count == first.count == sql(workspace, "SELECT count(*) FROM roads")[0][0]
    assert pyogrio.read_info(tmp_path / "all.shp")["features"] == first.count

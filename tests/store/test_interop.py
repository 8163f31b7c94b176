"""Files written by GDAL, the spatialite tools and QGIS open in gisdesk as ogrinfo shows them.

For every file, ``gisdesk info --json`` and ``ogrinfo -ro -so -al`` must list the same
layer names, feature counts and SRIDs. Each producer is skipped, with the reason, when
its tool is not installed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely

from gisdesk.store.datasource import DataSource
from gisdesk.store.reader import read_geometries

pytestmark = pytest.mark.interop

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"

CAMERAS = [("a", {"type": "Point", "coordinates": [107.5852, 16.4637]}),
           ("b", {"type": "Point", "coordinates": [107.6012, 16.4571]}),
           ("c", None),
           ("a", {"type": "Point", "coordinates": [107.5771, 16.4702]})]
ROADS = [("main", {"type": "LineString", "coordinates": [[107.57, 16.45], [107.58, 16.46], [107.6, 16.465]]}),
         ("side", {"type": "MultiLineString", "coordinates": [[[107.59, 16.44], [107.595, 16.45]],
                                                              [[107.6, 16.44], [107.61, 16.445]]]})]
ZONES = [("park", {"type": "Polygon", "coordinates": [
             [[107.57, 16.45], [107.59, 16.45], [107.59, 16.47], [107.57, 16.47], [107.57, 16.45]],
             [[107.575, 16.455], [107.58, 16.455], [107.58, 16.46], [107.575, 16.455]]]}),
         ("river", {"type": "MultiPolygon", "coordinates": [
             [[[107.6, 16.45], [107.61, 16.45], [107.61, 16.46], [107.6, 16.45]]],
             [[[107.62, 16.45], [107.63, 16.45], [107.63, 16.46], [107.62, 16.45]]]]}),
         ("none", None)]


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (Debian: gdal-bin / spatialite-bin)")
    return path


def _geojson(path: Path, rows) -> Path:
    feats = [{"type": "Feature", "properties": {"kind": k}, "geometry": g} for k, g in rows]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    return path


def parse_ogrinfo(text: str) -> dict[str, tuple[int, int | None]]:
    """``{layer: (feature count, EPSG code)}`` from ``ogrinfo -ro -so -al`` output.

    A table with several geometry columns is one OGR layer with several geometry fields;
    it is reported as ``table(column)`` per column, as gisdesk and QGIS name them.
    """
    out: dict[str, tuple[int, int | None]] = {}
    for block in re.split(r"^Layer name: ", text, flags=re.M)[1:]:
        lines = block.splitlines()
        name = lines[0].strip()
        count = int(re.search(r"^Feature Count: (-?\d+)", block, re.M).group(1))
        columns = re.findall(r"^Geometry Column(?: \d+)? = (.+)$", block, re.M)
        srids: dict[str | None, int | None] = {}
        current, epsg = None, None
        for line in lines:
            m = re.match(r"^(?:Layer SRS WKT|SRS WKT(?: \((.+)\))?):$", line)
            if m:
                current, epsg = m.group(1), None
                continue
            top = re.match(r'^    ID\["EPSG",(\d+)\]\]$', line)  # the CRS's own ID, not a component's
            if top:
                epsg = int(top.group(1))
            if line.startswith("Data axis to CRS axis mapping") or (line.startswith("Geometry Column") and current is None):
                srids[current] = epsg
        if len(columns) > 1:
            for col in columns:
                out[f"{name}({col})"] = (count, srids.get(col))
        else:
            out[name] = (count, next(iter(srids.values()), None))
    return out


def ogrinfo_layers(path: Path) -> dict[str, tuple[int, int | None]]:
    res = subprocess.run([_need("ogrinfo"), "-ro", "-so", "-al", str(path)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    return parse_ogrinfo(res.stdout)


def gisdesk_info(path: Path) -> dict:
    exe = Path(sys.executable).with_name("gisdesk")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "gisdesk.cli"]
    res = subprocess.run(cmd + ["info", str(path), "--json"], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def assert_same_as_ogrinfo(path: Path, expected_names: set[str]) -> dict:
    info = gisdesk_info(path)
    ours = {lyr["name"]: (lyr["feature_count"], lyr["srid"]) for lyr in info["layers"]}
    theirs = ogrinfo_layers(path)
    assert set(theirs) == expected_names, theirs
    assert ours == theirs
    return info


def _ogr2ogr(out: Path, src: Path, driver: str, name: str, srs: str | None, first: bool, dsco: list[str]) -> None:
    cmd = [_need("ogr2ogr"), "-f", driver]
    if first:
        for d in dsco:
            cmd += ["-dsco", d]
    else:
        cmd += ["-update"]
    cmd += [str(out), str(src), "-nln", name]
    if srs:
        cmd += ["-t_srs", srs]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr


@pytest.mark.parametrize("driver,suffix,dsco", [("SQLite", "sqlite", ["SPATIALITE=YES"]), ("GPKG", "gpkg", [])])
def test_ogr2ogr_from_geojson(tmp_path, driver, suffix, dsco):
    out = tmp_path / f"city.{suffix}"
    sources = [("cameras", _geojson(tmp_path / "cameras.geojson", CAMERAS), None),
               ("roads", _geojson(tmp_path / "roads.geojson", ROADS), "EPSG:32648"),
               ("zones", _geojson(tmp_path / "zones.geojson", ZONES), "EPSG:3405"),
               ("zones_merc", tmp_path / "zones.geojson", "EPSG:3857")]
    for i, (name, src, srs) in enumerate(sources):
        _ogr2ogr(out, src, driver, name, srs, i == 0, dsco)
    info = assert_same_as_ogrinfo(out, {"cameras", "roads", "zones", "zones_merc"})
    assert info["format"] == ("gpkg" if driver == "GPKG" else "spatialite")
    srids = {lyr["name"]: lyr["srid"] for lyr in info["layers"]}
    assert srids == {"cameras": 4326, "roads": 32648, "zones": 3405, "zones_merc": 3857}
    # The untransformed layer decodes to the GeoJSON's own coordinates, NULL geometry left out.
    with DataSource(out) as ds:
        geoms = read_geometries(ds, ds.layer("cameras"))
        expected = [g["coordinates"] for _, g in CAMERAS if g]
        np.testing.assert_array_equal(geoms.xy, expected)
        zones = read_geometries(ds, ds.layer("zones"))
        assert zones.count == 2 and zones.exterior.tolist() == [True, False, True, True]


SPATIALITE_SQL = """
SELECT InitSpatialMetadata(1);
CREATE TABLE gauges (id INTEGER PRIMARY KEY, name TEXT);
SELECT AddGeometryColumn('gauges', 'geom', 3405, 'POINT', 'XY');
SELECT CreateSpatialIndex('gauges', 'geom');
INSERT INTO gauges (name, geom) VALUES ('Kim Long', MakePoint(560100.5, 1812000.25, 3405));
INSERT INTO gauges (name, geom) VALUES ('Phu Cam', MakePoint(561200.0, 1811500.0, 3405));
INSERT INTO gauges (name, geom) VALUES ('broken', NULL);
CREATE TABLE flood (id INTEGER PRIMARY KEY, depth REAL);
SELECT AddGeometryColumn('flood', 'the_geom', 32648, 'MULTIPOLYGON', 'XY');
SELECT CreateSpatialIndex('flood', 'the_geom');
INSERT INTO flood (depth, the_geom) VALUES (0.5, GeomFromText(
  'MULTIPOLYGON(((750000 1815000, 751000 1815000, 751000 1816000, 750000 1815000)),((752000 1815000, 753000 1815000, 753000 1816000, 752000 1815000),(752600 1815100, 752900 1815100, 752900 1815400, 752600 1815100)))', 32648));
CREATE TABLE cams (id INTEGER PRIMARY KEY, name TEXT);
SELECT AddGeometryColumn('cams', 'geom', 4326, 'POINT', 'XYZ');
INSERT INTO cams (name, geom) VALUES ('c1', MakePointZ(107.58, 16.46, 12.0, 4326));
CREATE VIEW deep AS SELECT f.rowid AS rid, f.depth, f.the_geom FROM flood AS f WHERE f.depth > 0.1;
INSERT INTO views_geometry_columns (view_name, view_geometry, view_rowid, f_table_name, f_geometry_column, read_only)
  VALUES ('deep', 'the_geom', 'rid', 'flood', 'the_geom', 1);
"""


def test_spatialite_cli(tmp_path):
    exe = _need("spatialite")
    out = tmp_path / "tools.sqlite"
    script = tmp_path / "script.sql"
    script.write_text(SPATIALITE_SQL, encoding="utf-8")
    with script.open() as fh:
        res = subprocess.run([exe, str(out)], stdin=fh, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    info = assert_same_as_ogrinfo(out, {"gauges", "flood", "cams", "deep", "ISO_metadata"})
    layers = {lyr["name"]: lyr for lyr in info["layers"]}
    assert layers["deep"]["view"] is True and layers["gauges"]["spatial_index"] is True
    assert layers["cams"]["dimension"] == "XYZ" and layers["cams"]["spatial_index"] is False
    assert layers["flood"]["geometry_type"] == "MULTIPOLYGON"


def test_spatialite_fixture_file(spatialite_file):
    """The store's own fixture file: every layer, including both columns of ``t``."""
    path, specs = spatialite_file
    assert_same_as_ogrinfo(path, {s.name for s in specs})


def test_gpkg_fixture_file(gpkg_file):
    info = gisdesk_info(gpkg_file)
    assert_same_as_ogrinfo(gpkg_file, {lyr["name"] for lyr in info["layers"]})


def _qgis_available() -> str | None:
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} is missing"
    res = subprocess.run([SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True, text=True, timeout=60)
    return None if res.returncode == 0 else "PyQGIS is not importable by /usr/bin/python3 (Debian: python3-qgis)"


@pytest.fixture(scope="module")
def qgis_files(tmp_path_factory) -> tuple[Path, Path]:
    reason = _qgis_available()
    if reason:
        pytest.skip(reason)
    base = tmp_path_factory.mktemp("qgis") / "qgis_city"
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(base.parent)}
    res = subprocess.run([SYSTEM_PYTHON, str(HERE / "_qgis_write.py"), str(base)], capture_output=True, text=True,
                         env=env, timeout=180)
    assert res.returncode == 0 and "ok" in res.stdout, res.stderr
    return base.with_suffix(".sqlite"), base.with_suffix(".gpkg")


@pytest.mark.parametrize("which", [0, 1], ids=["spatialite", "gpkg"])
def test_qgis_files(qgis_files, which):
    path = qgis_files[which]
    info = assert_same_as_ogrinfo(path, {"cameras", "canals", "wards"})
    srids = {lyr["name"]: lyr["srid"] for lyr in info["layers"]}
    assert srids == {"cameras": 4326, "canals": 32648, "wards": 3405}
    with DataSource(path) as ds:
        wards = read_geometries(ds, ds.layer("wards"))
        assert wards.exterior.tolist() == [True, False, True]
        ref = shapely.from_wkt("POLYGON((560000 1810000, 561000 1810000, 561000 1811000, 560000 1810000),"
                               "(560600 1810100, 560900 1810100, 560900 1810400, 560600 1810100))")
        np.testing.assert_array_equal(wards.xy[: wards.offsets[2]], shapely.get_coordinates(ref))

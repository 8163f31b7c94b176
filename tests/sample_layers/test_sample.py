"""The demo-city workspace, checked on real files (SpatiaLite, GeoTIFF, ogrinfo)."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest

from gisdesk.store.connection import connect
from sample_layers import NotAWorkspaceError, build_workspace, raster_path
from sample_layers._names import AI_TYPES
from sample_layers.generate import uuid4_strings

N_INCIDENTS = 2000
SPATIAL = {
    "communes": "POLYGON", "planning_zones": "POLYGON", "rivers": "LINESTRING", "flood_extents": "MULTIPOLYGON",
    "flood_hotspots": "POINT", "roads": "LINESTRING", "bridges": "POINT", "pumping_stations": "POINT",
    "drains": "LINESTRING", "cameras": "POINT", "incidents": "POINT",
    "incident_lines": "MULTILINESTRING", "incident_areas": "MULTIPOLYGON",  # shapes of line and area incidents
}
ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
#: The demo's "now" for these tests (``--today``): every date asserted below follows from it.
TODAY = "2026-10-01T00:00:00Z"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return build_workspace(tmp_path_factory.mktemp("city") / "hue.sqlite", seed=7, incidents=N_INCIDENTS,
                           today=TODAY)


@pytest.fixture(scope="module")
def db(workspace):
    conn = connect(workspace, read_only=True)
    yield conn
    conn.close()


def scalar(conn, sql: str, *args):
    return conn.execute(sql, args).fetchone()[0]


def table_digest(path: Path, table: str) -> str:
    conn = connect(path, read_only=True)
    try:
        h = hashlib.sha256()
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY fid'):
            h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()


def test_layer_counts(db):
    assert scalar(db, "SELECT count(*) FROM communes") == 40
    assert scalar(db, "SELECT count(*) FROM planning_zones") >= 300
    assert scalar(db, "SELECT count(*) FROM flood_hotspots") == 50
    assert scalar(db, "SELECT count(*) FROM gauge_readings") == 36_000
    assert scalar(db, "SELECT count(*) FROM cameras") == 650
    assert scalar(db, "SELECT count(*) FROM incidents") == N_INCIDENTS
    assert sorted(r[0] for r in db.execute("SELECT return_period FROM flood_extents")) == [10, 50, 100]
    assert scalar(db, "SELECT count(*) FROM rivers WHERE name = 'Sông Hương'") == 1
    assert scalar(db, "SELECT count(*) FROM roads") > 1000
    assert scalar(db, "SELECT count(*) FROM bridges") > 0
    assert 20 <= scalar(db, "SELECT count(*) FROM pumping_stations") <= 40
    assert scalar(db, "SELECT count(*) FROM drains") >= 200


def test_every_spatial_table_is_registered_in_32648_with_an_index(db):
    rows = {r[0]: r[1:] for r in db.execute(
        "SELECT f_table_name, srid, geometry_type, spatial_index_enabled FROM geometry_columns")}
    codes = {"POINT": 1, "LINESTRING": 2, "POLYGON": 3, "MULTILINESTRING": 5, "MULTIPOLYGON": 6}
    for table, gtype in SPATIAL.items():
        assert rows[table] == (32648, codes[gtype], 1), table


def test_all_geometries_are_valid(db):
    for table in SPATIAL:
        assert scalar(db, f"SELECT count(*) FROM {table} WHERE geom IS NULL OR NOT ST_IsValid(geom)") == 0, table


def test_communes_tile_the_city_without_gaps_or_overlaps(db):
    total, union = db.execute("SELECT sum(ST_Area(geom)), ST_Area(ST_Union(geom)) FROM communes").fetchone()
    assert total == pytest.approx(union, rel=1e-9)
    assert 400e6 < total < 750e6  # roughly 30 km x 25 km
    kind, holes = db.execute("SELECT GeometryType(u), NumInteriorRing(u) FROM (SELECT ST_Union(geom) AS u FROM communes)").fetchone()
    assert (kind, holes) == ("POLYGON", 0)


def test_every_incident_lies_in_its_commune(db):
    assert scalar(db, "SELECT count(*) FROM incidents WHERE commune_fid IS NULL OR commune IS NULL") == 0
    outside = scalar(db, """SELECT count(*) FROM incidents i JOIN communes c ON c.fid = i.commune_fid
                            WHERE c.name <> i.commune OR NOT ST_Within(i.geom, c.geom)""")
    assert outside == 0


def test_vietnamese_names_round_trip_exactly(db):
    names = {r[0] for r in db.execute("SELECT name FROM communes")}
    assert {"Phú Hội", "Vĩnh Ninh", "Thuận Hòa", "Tây Lộc", "Đông Ba", "Kim Long", "Thủy Xuân", "Vỹ Dạ"} <= names
    assert scalar(db, "SELECT fid FROM communes WHERE name = ?", "Phú Hội") == 1  # the centre
    assert scalar(db, "SELECT count(*) FROM planning_zones WHERE project = ?", "Quy hoạch phân khu Kinh thành Huế") > 0
    assert scalar(db, "SELECT count(*) FROM incidents WHERE department = ?", "Sở Xây dựng") > 0
    assert scalar(db, "SELECT count(*) FROM incidents WHERE description LIKE '%đường%'") > 0


def test_cameras_use_exactly_the_27_ai_types(db):
    seen = set()
    for (types,) in db.execute("SELECT ai_types FROM cameras"):
        assert types
        seen.update(types.split(","))
    assert len(AI_TYPES) == 27
    assert seen == set(AI_TYPES)
    codes = [r[0] for r in db.execute("SELECT code FROM cameras ORDER BY fid")]
    assert codes[0] == "CAM-0001" and len(set(codes)) == 650
    online = scalar(db, "SELECT avg(status = 'online') FROM cameras")
    assert 0.85 < online < 0.95


def test_incident_attributes(db):
    uuids = [r[0] for r in db.execute("SELECT uuid FROM incidents")]
    assert len(set(uuids)) == len(uuids)
    assert all(uuid.UUID(u).version == 4 and str(uuid.UUID(u)) == u for u in uuids[:200])
    for reported, resolved, status in db.execute("SELECT reported_at, resolved_at, status FROM incidents"):
        assert ISO_UTC.match(reported) and reported < "2026-10-01T00:00:00Z"
        assert (resolved is None) == (status in ("new", "assigned", "in_progress"))
        assert resolved is None or (ISO_UTC.match(resolved) and reported < resolved)
    assert scalar(db, "SELECT count(*) FROM incidents WHERE severity NOT BETWEEN 1 AND 4") == 0
    assert scalar(db, "SELECT count(*) FROM incidents WHERE (channel = 'camera') <> (camera_fid IS NOT NULL)") == 0
    assert scalar(db, "SELECT count(*) FROM incidents i LEFT JOIN cameras c ON c.fid = i.camera_fid "
                      "WHERE i.camera_fid IS NOT NULL AND c.fid IS NULL") == 0
    # Flood season: October and November carry far more flooding than the spring.
    autumn = scalar(db, "SELECT count(*) FROM incidents WHERE category = 'flooding' AND substr(reported_at, 6, 2) IN ('10', '11')")
    spring = scalar(db, "SELECT count(*) FROM incidents WHERE category = 'flooding' AND substr(reported_at, 6, 2) IN ('03', '04')")
    assert autumn > 3 * spring


def test_gauge_readings_are_hourly_and_some_cross_the_warning_level(db):
    per = db.execute("SELECT hotspot_fid, count(*), min(time), max(time) FROM gauge_readings GROUP BY 1").fetchall()
    assert len(per) == 50 and all(n == 720 for _, n, _, _ in per)
    assert per[0][2] == "2026-09-01T00:00:00Z" and per[0][3] == "2026-09-30T23:00:00Z"
    crossing = scalar(db, """SELECT count(*) FROM (SELECT h.fid FROM flood_hotspots h JOIN gauge_readings g
                             ON g.hotspot_fid = h.fid GROUP BY h.fid HAVING max(g.level_m) > h.warning_level_m)""")
    assert 5 <= crossing < 50
    plan = " ".join(str(r) for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT level_m FROM gauge_readings WHERE hotspot_fid = 3 AND time >= '2026-09-10'"))
    assert "idx_gauge_readings_hotspot_time" in plan


def test_flood_extents_are_nested(db):
    for small, big in ((10, 50), (50, 100)):
        leak = scalar(db, """SELECT ST_Area(ST_Difference(a.geom, b.geom)) FROM flood_extents a, flood_extents b
                             WHERE a.return_period = ? AND b.return_period = ?""", small, big)
        assert (leak or 0.0) < 1.0
    areas = [r[0] for r in db.execute("SELECT area_km2 FROM flood_extents ORDER BY return_period")]
    assert areas == sorted(areas) and areas[0] > 0


def test_app_tables(db, workspace):
    meta = dict(db.execute("SELECT key, value FROM gisdesk_meta"))
    assert meta["schema_version"] == "0002_sync_tables" and meta["seed"] == "7" and meta["map_crs"] == "EPSG:32648"
    assert meta["created"] == "2026-10-01T00:00:00Z"
    name, path, grp = db.execute("SELECT name, path, grp FROM gisdesk_rasters WHERE name = 'flood_depth'").fetchone()
    assert (workspace.parent / path) == raster_path(workspace) and (workspace.parent / path).exists()
    groups = dict(db.execute("SELECT layer, grp FROM gisdesk_layer_groups"))
    assert set(groups) == set(SPATIAL)
    assert set(groups.values()) == {"Planning", "Flood", "Infrastructure", "Cameras", "Communes", "Incidents"}


def test_flood_depth_raster(workspace):
    rasterio = pytest.importorskip("rasterio")
    with rasterio.open(raster_path(workspace)) as src:
        assert src.width >= 4000 and src.height >= 4000
        assert src.crs.to_epsg() == 32648
        assert src.nodata == -9999
        assert src.dtypes[0] == "float32"
        assert src.overviews(1) == [2, 4, 8, 16, 32]
        assert src.block_shapes[0] == (256, 256)
        assert src.compression.name.lower() == "deflate"
        ov = src.read(1, out_shape=(src.height // 32, src.width // 32), masked=True)
        assert 0.01 < ov.count() / ov.size < 0.6  # wet near the river, dry elsewhere
        assert 0.0 < float(ov.min()) and float(ov.max()) < 6.0


def test_same_seed_same_tables_other_seed_differs(workspace, tmp_path):
    again = build_workspace(tmp_path / "a" / "hue.sqlite", seed=7, incidents=N_INCIDENTS, today=TODAY)
    for table in ("incidents", "communes", "cameras", "planning_zones", "gauge_readings", "roads"):
        assert table_digest(again, table) == table_digest(workspace, table), table
    other = build_workspace(tmp_path / "b" / "hue.sqlite", seed=8, incidents=N_INCIDENTS, today=TODAY)
    assert table_digest(other, "incidents") != table_digest(workspace, "incidents")


@pytest.mark.parametrize("kind", ["text", "sqlite"])
def test_refuses_to_overwrite_a_file_that_is_not_a_workspace(tmp_path, kind):
    target = tmp_path / "precious.sqlite"
    if kind == "text":
        target.write_text("field notes, not a database\n", encoding="utf-8")
    else:
        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
        conn.commit()
        conn.close()
    before = target.read_bytes()
    with pytest.raises(NotAWorkspaceError):
        build_workspace(target, incidents=10)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious.sqlite"]


def test_replaces_a_previous_demo_workspace_only_when_asked(tmp_path):
    target = tmp_path / "hue.sqlite"
    build_workspace(target, seed=1, incidents=10)
    conn = connect(target)  # WAL mode, as the app opens it
    conn.execute("UPDATE gisdesk_meta SET value = value || ' (edited)' WHERE key = 'generator'")
    conn.close()
    before = target.read_bytes()
    with pytest.raises(NotAWorkspaceError, match="already exists"):
        build_workspace(target, seed=2, incidents=20)
    assert target.read_bytes() == before
    build_workspace(target, seed=2, incidents=20, overwrite=True)
    conn = connect(target, read_only=True)
    try:
        assert scalar(conn, "SELECT value FROM gisdesk_meta WHERE key = 'seed'") == "2"
        assert scalar(conn, "SELECT count(*) FROM incidents") == 20
        assert scalar(conn, "PRAGMA integrity_check") == "ok"
    finally:
        conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hue.sqlite", "hue_basemap.mbtiles", "hue_flood_depth.tif"]


def test_never_replaces_a_workspace_it_did_not_make(tmp_path):
    target = tmp_path / "city.sqlite"
    build_workspace(target, seed=1, incidents=10)
    conn = connect(target)
    conn.execute("UPDATE gisdesk_meta SET value = ? WHERE key = 'generator'", ("gisdesk 0.1 (Huế city workspace)",))
    conn.close()
    before = target.read_bytes()
    with pytest.raises(NotAWorkspaceError, match="not made by"):
        build_workspace(target, seed=2, incidents=20, overwrite=True)
    assert target.read_bytes() == before


@pytest.mark.interop
@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="ogrinfo (GDAL) is not installed")
def test_ogrinfo_sees_the_same_layers_counts_and_srid(workspace, db):
    out = subprocess.run(["ogrinfo", "-ro", "-so", "-al", str(workspace)], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    blocks = {}
    for block in out.split("Layer name: ")[1:]:
        name = block.split("\n", 1)[0].strip()
        blocks[name] = block
    for table in SPATIAL:
        assert table in blocks, table
        count = int(re.search(r"Feature Count: (\d+)", blocks[table]).group(1))
        assert count == scalar(db, f"SELECT count(*) FROM {table}"), table
        assert 'ID["EPSG",32648]' in blocks[table], table


def test_vectorised_uuids_match_the_uuid_module():
    import numpy as np

    got = uuid4_strings(np.random.default_rng(5), 50)
    raw = np.random.default_rng(5).bytes(16 * 50)
    assert got == [str(uuid.UUID(bytes=raw[i * 16 : i * 16 + 16], version=4)) for i in range(50)]


def test_the_demo_lives_on_its_today(tmp_path):
    """``--today 2026-11-20``: the history ends that day (noon UTC is its "now"), tasks are due around it."""
    from gisdesk.store.connection import connect

    path = build_workspace(tmp_path / "hue.sqlite", seed=7, incidents=300, today="2026-11-20")
    conn = connect(path, read_only=True)
    try:
        first, last = conn.execute("SELECT min(reported_at), max(reported_at) FROM incidents").fetchone()
        assert "2025-11-20" <= first and "2026-11-19T00:00:00Z" <= last < "2026-11-20T00:00:00Z"
        assert conn.execute("SELECT max(time) FROM gauge_readings").fetchone()[0] == "2026-11-20T11:00:00Z"
        assert conn.execute("SELECT value FROM gisdesk_meta WHERE key = 'created'").fetchone()[0] == \
            "2026-11-20T12:00:00Z"
        assert conn.execute("SELECT max(at) FROM task_events").fetchone()[0] <= "2026-11-20T12:00:00Z"
        overdue, later = conn.execute(
            "SELECT sum(deadline < '2026-11-20T12:00:00Z'), sum(deadline >= '2026-11-20T12:00:00Z') FROM tasks "
            "WHERE state IN ('assigned', 'accepted', 'in_progress')").fetchone()
        assert overdue > 0 and later > 0  # some overdue, some still due
    finally:
        conn.close()


def test_sample_today_must_be_a_date():
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "gisdesk.cli", "sample", "--today", "someday"], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 2 and "'someday' is not a date like 2026-11-20" in run.stderr

"""``create_package``: a package of one commune for one user, checked against the source by independent means.

Counts come from plain SQL on the source with the rule written out by hand (a commune
officer reads their own commune's rows); geometries are read back with GDAL (pyogrio) and
compared with shapely; the source is hashed before and after.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from pathlib import Path

import numpy as np
import pytest
import shapely

from gisdesk.core.users import AuthError, PermissionDenied
from gisdesk.store.package_create import PackageError, create_package, read_identity

PH = "Phú Hội"
PW = "hue-demo-2026"
MARGIN = 500.0


def sql(path: Path, query: str, params=()) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def features(path: Path, layer: str, where: str = "") -> tuple[np.ndarray, np.ndarray]:
    """``(fids, geometries)`` of a layer as GDAL reads it (independent of gisdesk's decoders)."""
    from pyogrio.raw import read

    _, fids, wkb, _ = read(path, layer=layer, where=where or None, return_fids=True, read_geometry=True)
    return np.asarray(fids), shapely.from_wkb(wkb)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def phu_hoi_package(workspace: Path, tmp_path: Path):
    out = tmp_path / "out" / "phu_hoi.sqlite"
    out.parent.mkdir()
    report = create_package(workspace, out, for_user="phu_hoi", signer=("dispatcher", PW), commune=PH)
    return workspace, out, report


def tables_digest(path: Path) -> dict[str, str]:
    """Every table's rows, hashed (a table the sync engine keeps is left out)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'gisdesk_sync%' AND name NOT LIKE 'idx_%' "
                                           "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
        return {n: hashlib.sha256(repr(con.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall()).encode())
                .hexdigest() for n in names}
    finally:
        con.close()


def test_the_source_is_unchanged(workspace, tmp_path):
    out = tmp_path / "out" / "phu_hoi.sqlite"
    out.parent.mkdir()
    files = {p.name: sha(p) for p in workspace.parent.iterdir() if p.is_file()}
    rows = tables_digest(workspace)
    report = create_package(workspace, out, for_user="phu_hoi", signer=("dispatcher", PW), commune=PH)
    if not report.registered:  # no sync engine in this build: not a byte changes
        assert "no sync engine" in report.note
        assert {p.name: sha(p) for p in workspace.parent.iterdir() if p.name in files} == files
    else:  # the sync engine's record of the package is the one change
        assert tables_digest(workspace) == rows
        peers = sql(workspace, "SELECT username FROM gisdesk_sync_peers WHERE package_id = ?", (report.package_id,))
        assert peers == [("phu_hoi",)]
    assert sha(workspace.with_name("hue_flood_depth.tif")) == files["hue_flood_depth.tif"]


def test_only_the_communes_cases_travel(phu_hoi_package):
    src, pkg, report = phu_hoi_package
    # the rule, by hand: a commune officer reads the incidents, tasks, questions, notifications of their commune
    want_inc = {r[0] for r in sql(src, "SELECT uuid FROM incidents WHERE commune = ?", (PH,))}
    want_tasks = {r[0] for r in sql(src, "SELECT uuid FROM tasks WHERE commune = ?", (PH,))}
    assert len(want_inc) > 10 and len(want_tasks) > 2  # the demo has them: the test can fail
    assert {r[0] for r in sql(pkg, "SELECT uuid FROM incidents")} == want_inc
    assert {r[0] for r in sql(pkg, "SELECT uuid FROM tasks")} == want_tasks
    assert sql(pkg, "SELECT DISTINCT commune FROM tasks") == [(PH,)]
    n_events = sql(src, "SELECT count(*) FROM task_events e JOIN tasks t ON t.uuid = e.task_uuid WHERE t.commune = ?",
                   (PH,))[0][0]
    assert sql(pkg, "SELECT count(*) FROM task_events")[0][0] == n_events
    n_notes = sql(src, "SELECT count(*) FROM task_notifications WHERE commune = ?", (PH,))[0][0]
    assert sql(pkg, "SELECT count(*) FROM task_notifications")[0][0] == n_notes
    assert sql(pkg, "SELECT count(*) FROM task_notifications WHERE commune IS NOT ? OR to_role IS NOT NULL",
               (PH,))[0][0] == 0
    # the city's reference tables travel whole
    for table in ("routing_rules", "dispatch_rules", "task_sla"):
        assert sql(pkg, f"SELECT count(*) FROM {table}") == sql(src, f"SELECT count(*) FROM {table}")
    assert report.counts["incidents"] == len(want_inc)


def test_accounts_travel_without_passwords_but_the_receivers(phu_hoi_package):
    from gisdesk.store.users_store import UserStore

    src, pkg, _ = phu_hoi_package
    rows = dict(sql(pkg, "SELECT username, pw_hash FROM users"))
    assert rows["phu_hoi"] == sql(src, "SELECT pw_hash FROM users WHERE username = 'phu_hoi'")[0][0]
    named = {r[0] for r in sql(pkg, "SELECT who FROM task_events UNION SELECT created_by FROM tasks")}
    assert set(rows) == {"phu_hoi"} | (named & {r[0] for r in sql(src, "SELECT username FROM users")})
    assert "dispatcher" in rows and "vinh_ninh" not in rows and "admin" not in rows
    with UserStore(pkg) as accounts:
        assert accounts.authenticate("phu_hoi", PW).commune == PH
        with pytest.raises(AuthError):
            accounts.authenticate("dispatcher", PW)


def test_reference_layers_are_clipped_to_the_commune_plus_margin(phu_hoi_package):
    src, pkg, report = phu_hoi_package
    _, commune = features(src, "communes", f"name = '{PH}'")
    # every point of every feature lies within MARGIN of the commune: inside a finer, slightly larger circle
    outer = shapely.buffer(commune[0], MARGIN + 0.05, quad_segs=128)
    for layer in ("roads", "planning_zones", "drains", "cameras", "communes", "flood_extents", "rivers"):
        _, got = features(pkg, layer)
        assert len(got), layer
        assert shapely.within(got, outer).all(), layer
    assert not shapely.within(features(src, "roads")[1], outer).all()  # the source has roads beyond it
    area = shapely.buffer(commune[0], MARGIN, quad_segs=16)  # as documented: 16 segments per quarter circle
    # a road across the border is cut to its part inside; one inside is copied exactly
    fids, geoms = features(src, "roads")
    crossing = shapely.intersects(geoms, area) & ~shapely.within(geoms, area)
    inside = shapely.within(geoms, area)
    assert crossing.sum() > 3 and inside.sum() > 3
    got_fids, got = features(pkg, "roads")
    assert set(got_fids) == set(fids[crossing | inside])
    by_fid = dict(zip(got_fids, got))
    fid, whole = fids[crossing][0], geoms[crossing][0]
    assert by_fid[fid].length == pytest.approx(shapely.intersection(whole, area).length, rel=1e-6)
    assert by_fid[fid].length < whole.length - 1
    assert shapely.equals_exact(by_fid[fids[inside][0]], geoms[inside][0], 1e-9)
    assert report.cut["roads"] == int(crossing.sum())


def test_srids_and_spatial_indexes_survive(phu_hoi_package):
    src, pkg, _ = phu_hoi_package
    q = "SELECT lower(f_table_name), srid, spatial_index_enabled FROM geometry_columns ORDER BY 1"
    assert sql(pkg, q) == sql(src, q)
    # the R*Tree holds one box per feature
    for table in ("roads", "incidents"):
        assert sql(pkg, f"SELECT count(*) FROM idx_{table}_geom") == sql(pkg, f"SELECT count(*) FROM {table}")


def test_the_flood_raster_is_cut_to_the_area(phu_hoi_package):
    import rasterio
    from rasterio.windows import from_bounds

    src, pkg, report = phu_hoi_package
    (tif,) = [r for r in report.rasters if r.suffix == ".tif"]
    assert tif == pkg.with_name("phu_hoi_flood_depth.tif")
    assert ("phu_hoi_flood_depth.tif",) in sql(pkg, "SELECT path FROM gisdesk_rasters")
    # the offline basemap travels whole beside it, byte for byte
    (tiles,) = [r for r in report.rasters if r.suffix == ".mbtiles"]
    (src_tiles,) = [p for p in src.parent.iterdir() if p.suffix == ".mbtiles"]
    assert sha(tiles) == sha(src_tiles)
    minx, miny, maxx, maxy = report.bounds
    with rasterio.open(src.with_name("hue_flood_depth.tif")) as big, rasterio.open(tif) as small:
        px = big.res[0]
        left, bottom, right, top = small.bounds
        assert left <= minx < left + px and right - px < maxx <= right  # whole pixels, none lost
        assert bottom <= miny < bottom + px and top - px < maxy <= top
        assert small.width < big.width / 4
        window = from_bounds(left, bottom, right, top, big.transform)
        np.testing.assert_array_equal(small.read(1), big.read(1, window=window.round_offsets().round_lengths()))


def test_identity(phu_hoi_package):
    src, pkg, report = phu_hoi_package
    ident = read_identity(pkg)
    assert set(ident) >= {"package_id", "source", "user", "created_at", "base", "last_sync"}  # the contract's keys
    assert str(uuid.UUID(ident["package_id"])) == ident["package_id"] == report.package_id
    assert ident["user"] == "phu_hoi" and ident["last_sync"] == "" and ident["created_at"].endswith("Z")
    assert Path(ident["source"]) == src.resolve()
    base = json.loads(ident["base"])
    n, top = sql(src, "SELECT count(*), max(rowid) FROM task_events")[0]
    assert base["task_events"]["rows"] == n and base["task_events"]["max_rowid"] == top
    assert read_identity(src) is None


def test_a_commune_officer_cannot_make_a_package(workspace, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "p.sqlite"
    with pytest.raises(PermissionDenied, match="only the city"):
        create_package(workspace, out, for_user="phu_hoi", signer=("phu_hoi", PW), commune=PH)
    with pytest.raises(PermissionDenied):  # a name alone is re-read from the users table, never trusted
        create_package(workspace, out, for_user="phu_hoi", signer="vinh_ninh", commune=PH)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_not_overwritten(workspace, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "p.sqlite"
    out.write_bytes(b"keep me")
    with pytest.raises(PackageError, match="exists"):
        create_package(workspace, out, for_user="phu_hoi", signer="dispatcher", commune=PH)
    assert out.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.sqlite"]  # no temporary file left
    create_package(workspace, out, for_user="phu_hoi", signer="dispatcher", commune=PH, overwrite=True)
    assert read_identity(out)["user"] == "phu_hoi"


def test_a_box_in_lon_lat_and_a_layer_subset(workspace, tmp_path):
    out = tmp_path / "centre.sqlite"
    report = create_package(workspace, out, for_user="dispatcher", signer=("admin", PW),
                            area=(107.57, 16.45, 107.59, 16.47), crs="EPSG:4326", layers=["roads"])
    from pyproj import Transformer

    t = Transformer.from_crs("EPSG:4326", "EPSG:32648", always_xy=True)
    box = shapely.box(*t.transform_bounds(107.57, 16.45, 107.59, 16.47))
    spatial = {r[0] for r in sql(out, "SELECT lower(f_table_name) FROM geometry_columns")}
    assert spatial == {"roads", "communes", "incidents", "incident_lines", "incident_areas"}
    _, roads = features(out, "roads")
    assert len(roads) and shapely.within(roads, box.buffer(0.01)).all()
    # the dispatcher reads every commune's incidents: those of the communes the box touches travel
    touched = report.communes
    marks = ",".join("?" * len(touched))
    assert sql(out, "SELECT count(*) FROM incidents")[0][0] == sql(
        workspace, f"SELECT count(*) FROM incidents WHERE commune IN ({marks})", touched)[0][0]
    assert "gauge_readings" not in {r[0] for r in sql(out, "SELECT name FROM sqlite_master")}


def test_bad_requests_say_why_and_write_nothing(workspace, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "p.sqlite"
    for kw, words in (({"commune": "Nowhere"}, "no commune"), ({"area": (1, 2, 0, 3)}, "minx < maxx"),
                      ({"area": (0, 0, 1, 1)}, "meets no commune"), ({"commune": PH, "layers": ["x"]}, "no reference")):
        with pytest.raises(PackageError, match=words):
            create_package(workspace, out, for_user="phu_hoi", signer="dispatcher", **kw)
    with pytest.raises(PackageError, match="no account"):
        create_package(workspace, out, for_user="nobody", signer="dispatcher", commune=PH)
    assert list(tmp_path.iterdir()) == []


def test_layer_styles_and_state_travel(workspace, tmp_path):
    from gisdesk.core.users import User
    from gisdesk.store.layer_state import load_layer_state, save_layer_state
    from gisdesk.store.workspace import map_layers

    layers = map_layers(workspace)
    roads = next(lyr for lyr in layers if getattr(lyr, "name", "") == "roads")
    roads.title, roads.visible = "Đường phố", False
    save_layer_state(workspace, layers, user=User("admin", "admin", "administrator"))
    out = tmp_path / "p.sqlite"
    create_package(workspace, out, for_user="phu_hoi", signer="dispatcher", commune=PH)
    got, warnings = load_layer_state(out, map_layers(out))
    assert warnings == []
    roads = next(lyr for lyr in got if getattr(lyr, "name", "") == "roads")
    assert roads.title == "Đường phố" and roads.visible is False
    assert any(getattr(lyr, "path", None) == out.with_name("p_flood_depth.tif") for lyr in got)


def test_a_wrong_password_is_refused_and_counted_like_any_sign_in(workspace, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(PermissionDenied, match="wrong username or password"):
        create_package(workspace, tmp_path / "p.sqlite", for_user="phu_hoi", signer=("dispatcher", "nope-nope-1"),
                       commune=PH)
    assert sql(workspace, "SELECT username, count FROM sign_in_failures") == [("dispatcher", 1)]
    assert list(tmp_path.iterdir()) == []


def test_the_size_estimate_is_near_what_is_written(workspace, tmp_path):
    from gisdesk.store.package_estimate import estimate_package

    est = estimate_package(workspace, for_user="phu_hoi", commune=PH)
    out = tmp_path / "out" / "p.sqlite"
    out.parent.mkdir()
    report = create_package(workspace, out, for_user="phu_hoi", signer="dispatcher", commune=PH)
    written = report.size + sum(p.stat().st_size for p in report.rasters)
    assert written / 2 < est.bytes < written * 2
    assert est.cases == sql(workspace, "SELECT (SELECT count(*) FROM incidents WHERE commune = ?) + "
                            "(SELECT count(*) FROM tasks WHERE commune = ?) + "
                            "(SELECT count(*) FROM task_questions WHERE commune = ?) + "
                            "(SELECT count(*) FROM task_notifications WHERE commune = ?)", (PH,) * 4)[0][0]
    assert est.features >= sum(n for t, n in report.counts.items() if t in report.cut)  # boxes >= shapes


def test_an_existing_raster_beside_the_package_is_not_overwritten(workspace, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "p_flood_depth.tif").write_bytes(b"someone's raster")
    with pytest.raises(PackageError, match="p_flood_depth.tif"):
        create_package(workspace, folder / "p.sqlite", for_user="phu_hoi", signer="dispatcher", commune=PH)
    assert sorted(p.name for p in folder.iterdir()) == ["p_flood_depth.tif"]
    assert (folder / "p_flood_depth.tif").read_bytes() == b"someone's raster"


def test_dispatch_rules_travel_switched_off(phu_hoi_package):
    """Automatic dispatch stays at the source: a task a rule made offline would never travel back (the
    sync engine refuses tasks created in a package), so the package keeps the rules, all switched off."""
    src, out, _ = phu_hoi_package
    at_source = sql(src, "SELECT name, enabled FROM dispatch_rules ORDER BY id")
    in_package = sql(out, "SELECT name, enabled FROM dispatch_rules ORDER BY id")
    assert at_source and any(enabled for _, enabled in at_source)
    assert [n for n, _ in in_package] == [n for n, _ in at_source]
    assert all(enabled == 0 for _, enabled in in_package)

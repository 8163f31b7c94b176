"""Reference-layer edits travel by sync, merged per feature and attribute; what the city has stays, the loser is kept.

Every expected value is written by hand from the conflict matrix in docs/sync.md (the rule: the city's
value stays, the package's losing value is kept in gisdesk_sync_conflicts), never read from the sync
tables. Edits are made with plain SQL, as QGIS (or sqlite3) makes them: triggers record them.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from gisdesk.core import access
from gisdesk.core.incidents import iso_utc, utc_now
from gisdesk.core.users import User
from gisdesk.store.connection import connect
from gisdesk.store.package_meta import read_identity, register_package, write_identity
from gisdesk.store.sync_apply import apply_up
from gisdesk.store.sync_session import export_up, status, sync

# a drain line and a flood-hotspot point near the old town (EPSG:32648, metres)
LINE = "LINESTRING(749000 1819000, 749050 1819000)"
POINT = "POINT(749100 1819100)"


def make_package(source: Path, folder: Path, user: str) -> Path:
    """A whole copy of the workspace with a package identity, registered at the source (the sync contract)."""
    pkg = folder / f"{user}.package.sqlite"
    src = connect(source)
    src.execute("VACUUM INTO ?", (str(pkg),))
    src.close()
    conn = connect(pkg)
    write_identity(conn, package_id=str(uuid.uuid4()), source=str(source), user=user,
                   created_at=iso_utc(utc_now()), base={}, last_sync="")
    ident = read_identity(conn)
    conn.close()
    src = connect(source)
    register_package(src, ident)
    src.close()
    return pkg


def sql(path: Path, statement: str, params: tuple = ()) -> list[tuple]:
    """Run one statement on the file with a plain connection (as QGIS or sqlite3 would) and commit."""
    conn = connect(path)
    try:
        rows = conn.execute(statement, params).fetchall()
        if conn.in_transaction:
            conn.execute("COMMIT")
        return rows
    finally:
        conn.close()


def drain(path: Path, code: str) -> tuple | None:
    rows = sql(path, "SELECT diameter_mm, material, length_m FROM drains WHERE code = ?", (code,))
    return rows[0] if rows else None


def conflicts(path: Path) -> list[dict]:
    conn = connect(path)
    try:
        cur = conn.execute("SELECT kind, record_uuid, field, kept, lost, lost_by, reason FROM gisdesk_sync_conflicts "
                           "WHERE kind = 'feature_change' ORDER BY at, field")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]
    finally:
        conn.close()


def results(report) -> list[tuple[str, str]]:
    return [(r["kind"], r["result"]) for r in report.results]


@pytest.fixture
def city(workspace):
    """The demo city with drain CTN-0005 at a known base: 600 mm, PVC, 100 m (set before any package is made)."""
    sql(workspace, "UPDATE drains SET diameter_mm = 600, material = 'PVC', length_m = 100.0 WHERE code = 'CTN-0005'")
    return workspace


@pytest.fixture
def pkg(city, tmp_path):
    """A package for moitruong (department officer: the policy lets them edit drains and pumping stations)."""
    return make_package(city, tmp_path, "moitruong")


def test_the_same_attribute_changed_on_both_sides_keeps_the_citys_value_and_the_loser(city, pkg):
    sql(pkg, "UPDATE drains SET diameter_mm = 800 WHERE code = 'CTN-0005'")
    sql(city, "UPDATE drains SET diameter_mm = 1200 WHERE code = 'CTN-0005'")
    report, _ = sync(pkg)
    assert results(report) == [("feature_change", "conflict")]
    assert drain(city, "CTN-0005") == (1200, "PVC", 100.0)
    assert drain(pkg, "CTN-0005") == (1200, "PVC", 100.0)  # the laptop shows the city's value again
    [c] = conflicts(city)
    assert (c["record_uuid"], c["field"], json.loads(c["kept"]), c["lost_by"]) == ("drains:5", "diameter_mm", 1200,
                                                                                  "moitruong")
    lost = json.loads(c["lost"])
    assert (lost["value"], lost["from"]) == (800, 600)
    assert [(r["kind"], r["state"]) for r in status(pkg)["log"]] == [("feature_change", "conflict")]
    assert [x["field"] for x in conflicts(pkg)] == ["diameter_mm"]  # the package gets the record too


def test_different_attributes_of_one_feature_both_land(city, pkg):
    sql(pkg, "UPDATE drains SET material = 'HDPE' WHERE code = 'CTN-0005'")
    sql(city, "UPDATE drains SET length_m = 42.5 WHERE code = 'CTN-0005'")
    report, _ = sync(pkg)
    assert results(report) == [("feature_change", "applied")]
    assert drain(city, "CTN-0005") == (600, "HDPE", 42.5)
    assert drain(pkg, "CTN-0005") == (600, "HDPE", 42.5)
    assert conflicts(city) == []


def test_identical_changes_are_not_a_conflict(city, pkg):
    sql(pkg, "UPDATE drains SET diameter_mm = 900 WHERE code = 'CTN-0005'")
    sql(city, "UPDATE drains SET diameter_mm = 900 WHERE code = 'CTN-0005'")
    report, _ = sync(pkg)
    assert results(report) == [("feature_change", "identical")]
    assert drain(city, "CTN-0005") == drain(pkg, "CTN-0005") == (900, "PVC", 100.0)
    assert conflicts(city) == []


def test_a_change_against_the_citys_delete_the_delete_stays_and_the_change_is_kept_whole(city, pkg):
    sql(pkg, "UPDATE drains SET material = 'cast iron' WHERE code = 'CTN-0005'")
    sql(city, "DELETE FROM drains WHERE code = 'CTN-0005'")
    report, _ = sync(pkg)
    assert results(report) == [("feature_change", "conflict")]
    assert drain(city, "CTN-0005") is None and drain(pkg, "CTN-0005") is None
    [c] = conflicts(city)
    assert c["field"] == "deleted" and c["kept"] == "null"
    kept_whole = json.loads(c["lost"])["change"]["row"]
    assert (kept_whole["code"], kept_whole["diameter_mm"], kept_whole["material"]) == ("CTN-0005", 600, "cast iron")
    assert "deleted here meanwhile" in c["reason"]


def test_a_delete_against_the_citys_change_the_feature_stays_as_the_city_has_it(city, pkg):
    sql(pkg, "DELETE FROM drains WHERE code = 'CTN-0005'")
    sql(city, "UPDATE drains SET length_m = 7.0 WHERE code = 'CTN-0005'")
    report, _ = sync(pkg)
    assert results(report) == [("feature_change", "conflict")]
    assert drain(city, "CTN-0005") == (600, "PVC", 7.0)
    assert drain(pkg, "CTN-0005") == (600, "PVC", 7.0)  # back on the laptop
    [c] = conflicts(city)
    assert c["field"] == "deleted" and json.loads(c["lost"])["change"]["op"] == "delete"
    assert "length_m" in c["reason"]


def test_a_delete_on_both_sides_is_identical_and_an_unchallenged_delete_applies(city, pkg):
    sql(pkg, "DELETE FROM drains WHERE code IN ('CTN-0005', 'CTN-0006')")
    sql(city, "DELETE FROM drains WHERE code = 'CTN-0005'")
    report, _ = sync(pkg)
    assert sorted(results(report)) == [("feature_change", "applied"), ("feature_change", "identical")]
    assert drain(city, "CTN-0006") is None and drain(pkg, "CTN-0006") is None
    assert conflicts(city) == []


def test_two_features_added_at_the_same_place_are_both_kept_and_flagged(city, pkg):
    sql(pkg, f"INSERT INTO drains (code, diameter_mm, geom) VALUES ('NEW-PKG', 400, GeomFromText('{LINE}', 32648))")
    sql(city, f"INSERT INTO drains (code, diameter_mm, geom) VALUES ('NEW-CITY', 500, GeomFromText('{LINE}', 32648))")
    report, _ = sync(pkg)
    assert results(report) == [("feature_change", "applied")]
    assert "both kept" in report.results[0]["reason"]
    for side in (city, pkg):
        assert drain(side, "NEW-PKG") == (400, None, None) and drain(side, "NEW-CITY") == (500, None, None)
    [c] = conflicts(city)
    assert c["field"] == "same_place"


def test_a_feature_added_far_from_the_citys_new_one_is_not_flagged(city, pkg):
    sql(pkg, f"INSERT INTO drains (code, diameter_mm, geom) VALUES ('NEW-PKG', 400, GeomFromText('{LINE}', 32648))")
    sql(city, "INSERT INTO drains (code, diameter_mm, geom) VALUES ('NEW-CITY', 500, "
              "GeomFromText('LINESTRING(750000 1819000, 750050 1819000)', 32648))")
    report, _ = sync(pkg)
    assert [(r["result"], r["reason"]) for r in report.results] == [("applied", None)]
    assert conflicts(city) == []


def test_re_applying_the_same_file_changes_nothing_twice(city, pkg, tmp_path):
    sql(pkg, "UPDATE drains SET diameter_mm = 800 WHERE code = 'CTN-0005'")
    sql(pkg, f"INSERT INTO drains (code, diameter_mm, geom) VALUES ('NEW-PKG', 400, GeomFromText('{LINE}', 32648))")
    up = tmp_path / "up.gdsync"
    export_up(pkg, up)
    first = apply_up(city, up)
    second = apply_up(city, up)
    assert [r["result"] for r in first.results] == ["applied", "applied"]
    assert [(r["result"], r["again"]) for r in second.results] == [("applied", True), ("applied", True)]
    assert sql(city, "SELECT count(*) FROM drains WHERE code = 'NEW-PKG'") == [(1,)]
    assert drain(city, "CTN-0005") == (800, "PVC", 100.0)
    sync(pkg)  # the whole round again: still one new drain on both sides
    assert sql(city, "SELECT count(*) FROM drains WHERE code = 'NEW-PKG'") == [(1,)]
    assert sql(pkg, "SELECT count(*) FROM drains WHERE code = 'NEW-PKG'") == [(1,)]


def test_an_edit_made_by_another_program_without_spatialite_travels(city, pkg):
    """QGIS or the sqlite3 shell: the triggers use core SQLite only, so a plain connection's edit is recorded."""
    conn = sqlite3.connect(pkg)
    conn.execute("UPDATE drains SET material = 'steel', length_m = 55.5 WHERE code = 'CTN-0005'")
    conn.commit()
    conn.close()
    report, _ = sync(pkg)
    assert results(report) == [("feature_change", "applied")]
    assert drain(city, "CTN-0005") == (600, "steel", 55.5)


def test_a_feature_added_offline_keeps_its_key_and_the_citys_later_edit_comes_back(city, pkg):
    sql(pkg, f"INSERT INTO drains (code, diameter_mm, geom) VALUES ('NEW-PKG', 400, GeomFromText('{LINE}', 32648))")
    sync(pkg)
    sql(city, "UPDATE drains SET material = 'HDPE' WHERE code = 'NEW-PKG'")
    sql(city, "INSERT INTO drains (code, diameter_mm, geom) VALUES ('CITY-2', 250, "
              "GeomFromText('LINESTRING(749200 1819200, 749250 1819200)', 32648))")
    report, counts = sync(pkg)
    assert report.results == []
    assert drain(pkg, "NEW-PKG") == (400, "HDPE", None)
    assert drain(pkg, "CITY-2") == (250, None, None)
    assert sql(pkg, "SELECT count(*) FROM drains WHERE code = 'NEW-PKG'") == [(1,)]
    assert [r["kind"] for r in status(pkg)["log"]] == ["feature_change"]  # the city's edits are not sent back up


def test_a_layer_the_policy_does_not_give_the_user_is_refused_with_the_reason(city, tmp_path):
    pkg = make_package(city, tmp_path, "phu_hoi")  # a commune officer: flood hotspots of Phú Hội only
    sql(pkg, "UPDATE drains SET diameter_mm = 800 WHERE code = 'CTN-0005'")
    sql(pkg, "UPDATE flood_hotspots SET warning_level_m = 0.5 WHERE code = 'HS-02'")  # Thuận Hòa's
    sql(pkg, "UPDATE flood_hotspots SET warning_level_m = 0.9 WHERE code = 'HS-03'")  # Phú Hội's
    report, _ = sync(pkg)
    assert [r["result"] for r in report.results] == ["refused", "refused", "applied"]
    assert "only the city" in report.results[0]["reason"] and "drains" in report.results[0]["reason"]
    assert "only the features of Phú Hội" in report.results[1]["reason"]
    assert drain(city, "CTN-0005") == drain(pkg, "CTN-0005") == (600, "PVC", 100.0)  # refused: back on the laptop
    levels = "SELECT code, warning_level_m FROM flood_hotspots WHERE code IN ('HS-02', 'HS-03') ORDER BY code"
    assert sql(city, levels)[1] == ("HS-03", 0.9) and sql(pkg, levels)[1] == ("HS-03", 0.9)
    assert sql(city, levels)[0] == sql(pkg, levels)[0] != ("HS-02", 0.5)
    log = status(pkg)["log"]
    assert [r["state"] for r in log] == ["refused", "refused", "applied"] and log[0]["reason"]


def test_the_policy_names_who_edits_which_layer():
    officer = User("phu_hoi", "P", "commune_officer", commune="Phú Hội")
    dept = User("moitruong", "M", "department_officer", department="Công ty Môi trường")
    city = User("dispatcher", "D", "city_dispatcher")
    viewer = User("viewer", "V", "viewer")
    assert access.decide(city, "edit", "layer", {"layer": "planning_zones"})
    assert access.decide(dept, "edit", "layer", {"layer": "drains"})
    assert not access.decide(dept, "edit", "layer", {"layer": "planning_zones"})
    assert access.decide(officer, "edit", "layer", {"layer": "flood_hotspots", "commune": "Phú Hội"})
    assert not access.decide(officer, "edit", "layer", {"layer": "flood_hotspots", "commune": "Vĩnh Ninh"})
    assert not access.decide(viewer, "edit", "layer", {"layer": "flood_hotspots"})
    assert not access.decide(officer, "import", "layer")  # adding layers stays the city's


def test_a_commune_package_sends_its_hotspot_edits_and_gets_only_the_city_changes_in_its_area(workspace, tmp_path):
    """A package cut by ``package create`` for Phú Hội: the officer moves nothing but changes a level and adds a
    hotspot; the city renames that hotspot and adds one far away. Phú Hội's edits land; the rename comes back;
    the far hotspot stays out of the package (it is outside the commune plus its margin)."""
    from gisdesk.store.package_create import create_package

    ph = "Phú Hội"
    pkg = tmp_path / "out" / "phu_hoi.sqlite"
    pkg.parent.mkdir()
    create_package(workspace, pkg, for_user="phu_hoi", signer=("dispatcher", "hue-demo-2026"), commune=ph)
    assert sql(pkg, "SELECT commune FROM flood_hotspots WHERE code = 'HS-03'") == [(ph,)]
    sql(pkg, "UPDATE flood_hotspots SET warning_level_m = 0.9 WHERE code = 'HS-03'")
    sql(pkg, "INSERT INTO flood_hotspots (code, name, commune, warning_level_m, geom) SELECT 'HS-NEW', 'Kiệt 12', "
             "name, 0.4, ST_PointOnSurface(geom) FROM communes WHERE name = ?", (ph,))
    sql(workspace, "UPDATE flood_hotspots SET name = 'Ngã ba Bùi Thị Xuân' WHERE code = 'HS-03'")
    sql(workspace, "INSERT INTO flood_hotspots (code, name, commune, geom) SELECT 'HS-FAR', 'far away', c.name, "
                   "ST_PointOnSurface(c.geom) FROM communes c, communes p WHERE p.name = ? "
                   "ORDER BY ST_Distance(c.geom, p.geom) DESC LIMIT 1", (ph,))
    report, _ = sync(pkg)
    assert [(r["kind"], r["result"]) for r in report.results] == [("feature_change", "applied")] * 2
    row = "SELECT name, commune, warning_level_m FROM flood_hotspots WHERE code = ?"
    assert sql(workspace, row, ("HS-03",)) == sql(pkg, row, ("HS-03",)) == [("Ngã ba Bùi Thị Xuân", ph, 0.9)]
    assert sql(workspace, row, ("HS-NEW",)) == sql(pkg, row, ("HS-NEW",)) == [("Kiệt 12", ph, 0.4)]
    assert len(sql(workspace, row, ("HS-FAR",))) == 1 and sql(pkg, row, ("HS-FAR",)) == []


def test_one_attribute_lost_and_another_applied_in_the_same_change(city, pkg):
    sql(pkg, "UPDATE drains SET diameter_mm = 800, material = 'HDPE' WHERE code = 'CTN-0005'")
    sql(city, "UPDATE drains SET diameter_mm = 1200 WHERE code = 'CTN-0005'")
    report, _ = sync(pkg)
    assert results(report) == [("feature_change", "conflict")]
    assert "material applied" in report.results[0]["reason"]
    assert drain(city, "CTN-0005") == drain(pkg, "CTN-0005") == (1200, "HDPE", 100.0)
    assert [(c["field"], json.loads(c["kept"]), json.loads(c["lost"])["value"]) for c in conflicts(city)] == [
        ("diameter_mm", 1200, 800)]


def test_a_moved_feature_travels_and_a_geometry_moved_on_both_sides_keeps_the_citys(city, pkg):
    here = "SELECT AsText(geom) FROM drains WHERE code = ?"
    sql(pkg, "UPDATE drains SET geom = GeomFromText('LINESTRING(749000 1819000, 749010 1819010)', 32648) "
             "WHERE code = 'CTN-0006'")
    sql(pkg, "UPDATE drains SET geom = GeomFromText('LINESTRING(749000 1819000, 749020 1819020)', 32648) "
             "WHERE code = 'CTN-0005'")
    sql(city, "UPDATE drains SET geom = GeomFromText('LINESTRING(749000 1819000, 749030 1819030)', 32648) "
              "WHERE code = 'CTN-0005'")
    report, _ = sync(pkg)
    assert results(report) == [("feature_change", "applied"), ("feature_change", "conflict")]
    assert sql(city, here, ("CTN-0006",)) == [("LINESTRING(749000 1819000, 749010 1819010)",)]
    assert sql(city, here, ("CTN-0005",)) == sql(pkg, here, ("CTN-0005",)) == [
        ("LINESTRING(749000 1819000, 749030 1819030)",)]
    assert [c["field"] for c in conflicts(city)] == ["geom"]


def test_the_officer_whose_edit_lost_and_the_city_see_the_conflict_others_do_not(city, pkg):
    from gisdesk.store.sync_conflicts import list_conflicts

    sql(pkg, "UPDATE drains SET diameter_mm = 800 WHERE code = 'CTN-0005'")
    sql(city, "UPDATE drains SET diameter_mm = 1200 WHERE code = 'CTN-0005'")
    sync(pkg)
    for who, sees in (("dispatcher", 1), ("moitruong", 1), ("xaydung", 0), ("phu_hoi", 0)):
        rows = list_conflicts(city, who)
        assert len(rows) == sees, who
    [row] = list_conflicts(pkg, "moitruong")  # on the laptop too
    assert (row["field"], row["kept"], row["lost"]["value"]) == ("diameter_mm", 1200, 800)


def test_a_package_made_before_layer_edits_travelled_records_them_from_its_next_sync(city, tmp_path):
    pkg = make_package(city, tmp_path, "moitruong")
    for path in (pkg, city):  # as an older gisdesk left them: no feature log, no triggers
        conn = connect(path)
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'gdsync%'"
                                    ).fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        for table in ("gisdesk_sync_feature_log", "gisdesk_sync_feature_keys", "gisdesk_sync_feature_quiet"):
            conn.execute(f"DROP TABLE {table}")
        conn.close()
    sql(pkg, "UPDATE drains SET diameter_mm = 700 WHERE code = 'CTN-0005'")  # before: not recorded
    report, _ = sync(pkg)
    assert report.results == []
    sql(pkg, "UPDATE drains SET material = 'HDPE' WHERE code = 'CTN-0005'")  # after: it travels
    report, _ = sync(pkg)
    assert results(report) == [("feature_change", "applied")]
    assert drain(city, "CTN-0005") == (600, "HDPE", 100.0)


def test_a_package_never_carries_the_sources_sync_state_of_other_packages(workspace, tmp_path):
    """Vĩnh Ninh's package is made after another package synced: it holds no signing key, change or conflict of
    that package (a key would let its holder sign changes files as moitruong), only the keys of added features
    it holds."""
    from gisdesk.store.package_create import create_package

    first = make_package(workspace, tmp_path, "moitruong")
    sql(first, f"INSERT INTO drains (code, diameter_mm, geom) VALUES ('NEW-PKG', 400, GeomFromText('{LINE}', 32648))")
    sync(first)
    out = tmp_path / "out" / "vinh_ninh.sqlite"
    out.parent.mkdir()
    create_package(workspace, out, for_user="vinh_ninh", signer=("dispatcher", "hue-demo-2026"), commune="Vĩnh Ninh")
    tables = {r[0] for r in sql(out, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND name LIKE 'gisdesk_sync%'")}
    assert "gisdesk_sync_peers" not in tables and "gisdesk_sync_in" not in tables
    assert "gisdesk_sync_conflicts" not in tables
    assert "gisdesk_sync_feature_keys" in tables  # (the new drain is outside Vĩnh Ninh: its key is not there)
    assert sql(out, "SELECT count(*) FROM gisdesk_sync_feature_keys") == [(0,)]

"""The incident codes (gisdesk.store.incident_codes) follow every change in the same transaction."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import pytest
import shapely

from gisdesk.core.incidents import Incident
from gisdesk.store.incidents_store import IncidentStore

T0 = datetime(2026, 5, 1, 8, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from sample_layers.generate import build_workspace

    return build_workspace(tmp_path_factory.mktemp("hue") / "hue.sqlite", incidents=1500)


@pytest.fixture
def store(demo, tmp_path):
    path = tmp_path / "hue.sqlite"
    shutil.copy(demo, path)
    with IncidentStore(path, "dispatcher") as s:
        yield s


def _decoded(store, fid):
    """The record of ``fid`` read back by hand: (occurred minute, resolved minute, names, commune fid)."""
    rec = store.conn.execute("SELECT rec FROM incident_codes WHERE fid = ?", (fid,)).fetchone()[0]
    names = {}
    for i, kind in enumerate(("category", "status", "channel", "department")):
        code = int(rec[16 + 2 * i: 18 + 2 * i], 16)
        names[kind] = store.conn.execute("SELECT name FROM incident_code_names WHERE kind = ? AND code = ?",
                                         (kind, code)).fetchone()[0]
    return int(rec[:8], 16), int(rec[8:16], 16), names, int(rec[24:28], 16)


def _fid(store, uid):
    return store.conn.execute("SELECT fid FROM incidents WHERE uuid = ?", (uid,)).fetchone()[0]


def test_every_incident_has_its_codes_and_they_count_as_the_text(store):
    c = store.conn
    assert c.execute("SELECT count(*) FROM incident_codes").fetchone()[0] == 1500
    assert c.execute("SELECT count(*) FROM incident_codes JOIN incidents USING (fid)").fetchone()[0] == 1500
    by_text = dict(c.execute("SELECT category, count(*) FROM incidents GROUP BY 1"))
    counts: dict[str, int] = {}
    for (fid,) in c.execute("SELECT fid FROM incidents").fetchall()[:300]:  # 300 records decoded by hand
        _, _, names, _ = _decoded(store, fid)
        text = c.execute("SELECT category, status, channel, coalesce(department, '') FROM incidents WHERE fid = ?",
                         (fid,)).fetchone()
        assert (names["category"], names["status"], names["channel"], names["department"]) == tuple(text)
        counts[names["category"]] = counts.get(names["category"], 0) + 1
    assert sum(counts.values()) == 300 and set(counts) <= set(by_text)


def test_create_change_resolve_and_delete_follow_in_the_same_transaction(store):
    name = store.communes.names[4]
    where = shapely.point_on_surface(store.communes.polygons[4])
    uid = store.create(Incident("forest fire", where, severity=4, channel="hotline", occurred_at=T0))
    fid = _fid(store, uid)
    minute, resolved, names, commune_fid = _decoded(store, fid)
    # 2026-05-01T08:30Z in epoch minutes, by hand: 20574 days * 1440 + 8 * 60 + 30
    assert minute == 20574 * 1440 + 510 and resolved == 0
    assert names == {"category": "forest fire", "status": "new", "channel": "hotline",
                     "department": "Chi cục Kiểm lâm"}
    assert commune_fid == store.conn.execute("SELECT fid FROM communes WHERE name = ?", (name,)).fetchone()[0]
    store.update(uid, {"category": "a new kind of trouble"}, "reclassified")
    assert _decoded(store, fid)[2]["category"] == "a new kind of trouble"  # a new name gets a new code
    store.update(uid, {"status": "resolved"})
    minute, resolved, names, _ = _decoded(store, fid)
    assert names["status"] == "resolved" and resolved >= minute
    snap = store.delete(uid, reason="drawn twice")
    assert store.conn.execute("SELECT count(*) FROM incident_codes WHERE fid = ?", (fid,)).fetchone()[0] == 0
    store.restore(snap, reason="undo")
    assert _decoded(store, _fid(store, uid))[2]["category"] == "a new kind of trouble"
    assert store.conn.execute("SELECT count(*) FROM incident_codes").fetchone()[0] == \
        store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]


def test_a_failed_change_leaves_the_codes_as_they_were(store):
    fid = store.conn.execute("SELECT min(fid) FROM incidents").fetchone()[0]
    before = store.conn.execute("SELECT rec FROM incident_codes WHERE fid = ?", (fid,)).fetchone()[0]
    with pytest.raises(Exception):
        with store.conn:
            store.conn.execute("UPDATE incidents SET status = 'closed' WHERE fid = ?", (fid,))
            raise RuntimeError("the writer fails after the update")
    assert store.conn.execute("SELECT rec FROM incident_codes WHERE fid = ?", (fid,)).fetchone()[0] == before


def _cells(store) -> dict[tuple, tuple[int, int, int]]:
    """incident_cells read back by hand: (day, category, status, camera, commune fid) -> (n, rn, rm)."""
    names = {(k, c): n for k, n, c in store.conn.execute("SELECT kind, name, code FROM incident_code_names")}
    out = {}
    for key, n, rn, rm, rec in store.conn.execute("SELECT key, n, rn, rm, rec FROM incident_cells"):
        assert rec[:14] == key and (int(rec[14:20], 16), int(rec[20:26], 16), int(rec[26:36], 16) - (1 << 39)) == \
            (n, rn, rm)  # the record carries the counts
        out[(int(key[:4], 16), names[("category", int(key[4:6], 16))], names[("status", int(key[6:8], 16))],
             key[8:10] == "01", int(key[10:14], 16))] = (n, rn, rm)
    return out


def _cells_from_text(store) -> dict[tuple, tuple[int, int, int]]:
    """The same counted from the incident table's text (the reference)."""
    out: dict[tuple, tuple[int, int, int]] = {}
    for occurred, resolved, category, status, channel, commune in store.conn.execute(
            "SELECT coalesce(occurred_at, reported_at), resolved_at, category, status, channel, "
            "coalesce(commune_fid, 0) FROM incidents"):
        start = datetime.fromisoformat(occurred[:16]).replace(tzinfo=timezone.utc)
        key = (int(start.timestamp()) // 86400, category, status, channel == "camera", commune)
        n, rn, rm = out.get(key, (0, 0, 0))
        if resolved:
            end = datetime.fromisoformat(resolved[:16]).replace(tzinfo=timezone.utc)
            rn, rm = rn + 1, rm + int((end - start).total_seconds()) // 60
        out[key] = (n + 1, rn, rm)
    return out


def test_the_cells_count_the_incidents_and_follow_every_change(store):
    assert _cells(store) == _cells_from_text(store)  # as filled from the demo's 1,500 incidents
    assert sum(n for n, _, _ in _cells(store).values()) == 1500
    where = shapely.point_on_surface(store.communes.polygons[4])
    commune = store.conn.execute("SELECT fid FROM communes WHERE name = ?", (store.communes.names[4],)).fetchone()[0]
    day = 20574  # 2026-05-01
    before = _cells(store)
    uid = store.create(Incident("forest fire", where, severity=4, channel="camera", occurred_at=T0))
    key = (day, "forest fire", "new", True, commune)
    assert _cells(store)[key] == (before.get(key, (0, 0, 0))[0] + 1, before.get(key, (0, 0, 0))[1],
                                  before.get(key, (0, 0, 0))[2])
    store.conn.execute("UPDATE incidents SET status = 'resolved', resolved_at = '2026-05-01T10:00:00Z' "
                       "WHERE uuid = ?", (uid,))  # by hand: 08:30 -> 10:00 is 90 minutes
    after = _cells(store)
    assert after.get(key, (0, 0, 0)) == before.get(key, (0, 0, 0))  # moved out of the "new" cell
    done = (day, "forest fire", "resolved", True, commune)
    was = before.get(done, (0, 0, 0))
    assert after[done] == (was[0] + 1, was[1] + 1, was[2] + 90)
    store.conn.execute("DELETE FROM incidents WHERE uuid = ?", (uid,))
    assert _cells(store) == before  # an emptied cell is gone, the others as they were
    assert _cells(store) == _cells_from_text(store)


def test_a_workspace_with_the_codes_of_before_gets_the_cells(demo, tmp_path):
    from gisdesk.store.connection import connect

    path = tmp_path / "old.sqlite"
    shutil.copy(demo, path)
    conn = connect(path)
    conn.execute("DROP TABLE incident_cells")  # as written by the version before the cells
    conn.close()
    with IncidentStore(path, "dispatcher") as s:
        assert _cells(s) == _cells_from_text(s)
        uid = s.create(Incident("noise", shapely.point_on_surface(s.communes.polygons[1]), severity=1,
                                occurred_at=T0))
        assert _cells(s) == _cells_from_text(s)  # the triggers were made again with the cells
        assert uid

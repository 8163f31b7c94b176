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

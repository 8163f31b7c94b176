"""Edits made to incidents outside gisdesk (QGIS, sqlite3) are noticed: history, review mark, routing.

The "outside program" here is plain ``sqlite3`` with SpatiaLite loaded, writing the table
directly as QGIS's OGR provider does; a QGIS round trip is in ``test_qgis_outside_edit``.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest

from gisdesk.store.connection import load_spatialite, sqlite_module
from gisdesk.store.incidents_store import IncidentStore
from gisdesk.store.outside_edits import OUTSIDE


def _outside(workspace):
    conn = sqlite_module().connect(str(workspace))
    load_spatialite(conn)
    return conn


def test_a_status_changed_outside_is_in_the_history_and_marked_for_review(workspace):
    with IncidentStore(workspace, "dispatcher") as store:
        inc = store.list(status="new", limit=1)[0]
    conn = _outside(workspace)
    with conn:
        conn.execute("UPDATE incidents SET status = 'resolved' WHERE uuid = ?", (inc.uuid,))
    conn.close()
    with IncidentStore(workspace, "dispatcher") as store:
        after = store.get(inc.uuid)
        events = store.events(inc.uuid)
    assert after.status == "resolved" and after.needs_review and after.version == inc.version + 1
    last = events[-1]
    assert (last["who"], last["action"], last["from_state"], last["to_state"]) == (
        OUTSIDE, "edited_outside", "new", "resolved")
    # changes made through gisdesk (several attributes at once) are never taken for outside edits
    with IncidentStore(workspace, "dispatcher") as store:
        before = len(store.events(inc.uuid))
        store.update(inc.uuid, {"status": "closed", "description": "checked on site", "severity": 3}, "checked",
                     version=after.version)
        got = store.get(inc.uuid)
        new_events = store.events(inc.uuid)[before:]
    assert (got.status, got.description, got.severity, got.version) == ("closed", "checked on site", 3,
                                                                         after.version + 1)
    assert sorted(e["action"] for e in new_events) == ["changed", "changed", "status"]
    assert all(e["who"] == "dispatcher" for e in new_events)


def test_a_point_drawn_outside_gets_an_id_history_and_is_routed_when_gisdesk_opens(workspace):
    conn = _outside(workspace)
    x, y = conn.execute("SELECT X(ST_PointOnSurface(geom)), Y(ST_PointOnSurface(geom)), name FROM communes "
                        "ORDER BY fid LIMIT 1 OFFSET 3").fetchone()[:2]
    name = conn.execute("SELECT name FROM communes ORDER BY fid LIMIT 1 OFFSET 3").fetchone()[0]
    srid = conn.execute("SELECT srid FROM geometry_columns WHERE f_table_name = 'incidents'").fetchone()[0]
    with conn:
        # as QGIS writes it: its uuid() default (with braces), nothing else gisdesk would set
        # as QGIS writes it with the defaults gisdesk put in the layer's QGIS style (qgis_layer_styles.QGIS_DEFAULTS)
        conn.execute("INSERT INTO incidents (uuid, category, severity, channel, status, reported_at, updated_at, "
                     "geom) VALUES ('{8F0C2A4E-1B2C-4D3E-9F00-AABBCCDDEEFF}', 'fallen tree', 2, 'officer', 'new', "
                     "'', '', MakePoint(?, ?, ?))", (x, y, srid))
    row = conn.execute("SELECT uuid, status, needs_review FROM incidents ORDER BY rowid DESC LIMIT 1").fetchone()
    conn.close()
    uuid, status, review = row
    assert uuid == "8f0c2a4e-1b2c-4d3e-9f00-aabbccddeeff" and status == "new" and review == 1
    with IncidentStore(workspace, "dispatcher") as store:  # opening for writing routes it
        inc = store.get(uuid)
        actions = [(e["who"], e["action"]) for e in store.events(uuid)]
    assert inc.commune == name  # the commune whose polygon holds the point
    assert inc.department  # by the routing rules for 'fallen tree'
    assert actions[0] == (OUTSIDE, "created_outside") and actions[1][1] == "routed"


def test_a_delete_outside_keeps_a_trace_and_gisdesks_own_delete_does_not_double_it(workspace):
    with IncidentStore(workspace, "dispatcher") as store:
        a, b = store.list(status="new", limit=2)
        store.delete(b.uuid, "duplicate report", version=b.version)
    conn = _outside(workspace)
    with conn:
        conn.execute("DELETE FROM incidents WHERE uuid = ?", (a.uuid,))
    got_a = [r[0] for r in conn.execute("SELECT action FROM incident_events WHERE incident_uuid = ? ORDER BY at",
                                        (a.uuid,))]
    got_b = [r[0] for r in conn.execute("SELECT action FROM incident_events WHERE incident_uuid = ? ORDER BY at",
                                        (b.uuid,))]
    conn.close()
    assert got_a[-1] == "deleted_outside"
    assert got_b.count("deleted") == 1 and "deleted_outside" not in got_b


def test_plain_sqlite_without_spatialite_can_still_edit(workspace):
    conn = sqlite3.connect(str(workspace))  # no extension: the triggers use core SQL only
    with conn:
        conn.execute("UPDATE incidents SET description = 'checked on site' WHERE rowid = "
                     "(SELECT min(rowid) FROM incidents)")
    action = conn.execute("SELECT action FROM incident_events ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    conn.close()
    assert action == "edited_outside"


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="GDAL's ogrinfo is not installed")
def test_an_edit_through_gdal_as_qgis_makes_it_is_noticed(workspace):
    with IncidentStore(workspace, "dispatcher") as store:
        inc = store.list(status="new", limit=1)[0]
    done = subprocess.run(["ogrinfo", str(workspace), "-dialect", "SQLite", "-sql",
                           f"UPDATE incidents SET status = 'in_progress' WHERE uuid = '{inc.uuid}'"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with IncidentStore(workspace, "dispatcher") as store:
        assert store.events(inc.uuid)[-1]["action"] == "edited_outside"
        assert store.get(inc.uuid).status == "in_progress"

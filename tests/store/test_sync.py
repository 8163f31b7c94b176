"""Offline packages and two-level sync: changes travel as events, merged by the case rules, never dropped.

Every expected value below is written from the rules in docs/sync.md (and gisdesk/core/sync_rules.py's
docstring), not read from the sync tables: e.g. "the commune completed a task the city cancelled meanwhile:
the task stays cancelled, the completion is a conflict record with phu_hoi's evidence".
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
import shapely

from gisdesk.core.incidents import iso_utc, utc_now
from gisdesk.core.users import User
from gisdesk.store.base import open_workspace
from gisdesk.store.connection import connect
from gisdesk.store.package_meta import is_package, read_identity, register_package, write_identity
from gisdesk.store.sync_apply import apply_up
from gisdesk.store.sync_down import apply_down, export_down
from gisdesk.store.sync_format import ChangesFileError
from gisdesk.store.sync_session import export_up, status, sync
from gisdesk.store.tasks_store import TaskStore

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
ROOT = Path(__file__).resolve().parents[2]


def store(path, name):
    return TaskStore(path, User(name, name, "viewer"))


def make_package(source: Path, folder: Path, user: str = "phu_hoi") -> Path:
    """A package as the contract says: a copy of the workspace with an identity, registered at the source."""
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


def assigned_task(city_path, commune="Phú Hội", title="Drain blocked at the market"):
    with store(city_path, "dispatcher") as city:
        inc = city.conn.execute("SELECT uuid FROM incidents WHERE commune = ? ORDER BY fid LIMIT 1",
                                (commune,)).fetchone()[0]
        t = city.create_from_incident(inc, title=title)
        return city.transition(t.uuid, "assign", t.version, commune=commune)


def inside(task):
    return tuple(shapely.get_coordinates(task.area)[0])


def actions(path, task_uuid, user="dispatcher"):
    with store(path, user) as s:
        return [(e["action"], e["who"], e["to_state"]) for e in s.timeline(task_uuid)]


@pytest.fixture
def city(workspace):
    return workspace


def test_identity_helpers_follow_the_contract(city, tmp_path):
    pkg = make_package(city, tmp_path)
    conn = connect(pkg)
    ident = read_identity(conn)
    assert is_package(conn) and ident["user"] == "phu_hoi" and ident["source"] == str(city)
    assert ident["last_sync"] == "" and ident["base"] == {} and len(ident["key"]) == 64
    assert ident["local_mark"]["task_events"] > 0  # the copied history is below the mark
    conn.close()
    src = connect(city)
    assert not is_package(src) and read_identity(src) is None
    src.close()


def test_offline_work_and_a_city_deadline_change_both_land(city, tmp_path):
    """Laptop: accept, start, report 40 % with a photo. City meanwhile: reassign to the same commune with a new
    deadline (the only way to change a deadline). Rule 7: the city's deadline stays, the assignee's steps land
    after it; no conflict; both sides end identical."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        a = officer.transition(t.uuid, "accept", t.version)
        a = officer.transition(t.uuid, "start", a.version)
        photo = officer.attach(t.uuid, "site.png", PNG)
        officer.transition(t.uuid, "report", a.version, percent=40, note="half cleared", photo=photo)
    new_deadline = (utc_now() + timedelta(days=10)).replace(microsecond=0)
    with store(city, "dispatcher") as d:
        d.transition(t.uuid, "reassign", t.version, commune="Phú Hội", deadline=new_deadline, note="more time")

    report, counts = sync(pkg)
    assert [r["result"] for r in report.results] == ["applied"] * 4  # photo, accept, start, report
    with store(city, "dispatcher") as d:
        final = d.task(t.uuid)
        assert (final.state, final.progress, final.deadline) == ("in_progress", 40, new_deadline)
        assert d.attachment_data(photo) == PNG
        assert d.check_consistency() == []
    assert actions(city, t.uuid) == [("create", "dispatcher", "created"), ("assign", "dispatcher", "assigned"),
                                     ("reassign", "dispatcher", "assigned"), ("accept", "phu_hoi", "accepted"),
                                     ("start", "phu_hoi", "in_progress"), ("report", "phu_hoi", "in_progress")]
    assert actions(pkg, t.uuid, "phu_hoi") == actions(city, t.uuid)  # the package shows the merged history
    with store(pkg, "phu_hoi") as p:
        assert p.task(t.uuid).deadline == new_deadline and p.check_consistency() == []
    assert [r["state"] for r in status(pkg)["log"]] == ["applied"] * 4
    assert counts["pending"] == 0

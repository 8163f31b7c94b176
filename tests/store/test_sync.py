"""Offline packages and two-level sync: changes travel as events, merged by the case rules, never dropped.

Every expected value below is written from the rules in docs/sync.md (and gisdesk/core/sync_rules.py's
docstring), not read from the sync tables: e.g. "the commune completed a task the city cancelled meanwhile:
the task stays cancelled, the completion is a conflict record with phu_hoi's evidence".
"""

from __future__ import annotations

import json
import os
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


def test_commune_completes_what_the_city_cancelled_meanwhile_is_a_conflict_not_an_overwrite(city, tmp_path):
    """Rule 5: the task stays cancelled; each offline step is kept whole in a conflict record the city reads,
    with a 'conflict' event in the timeline; the laptop's log shows them as conflicts with the reason."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        a = officer.transition(t.uuid, "accept", t.version)
        a = officer.transition(t.uuid, "start", a.version)
        officer.transition(t.uuid, "complete", a.version, note="cleared", position=inside(t))
    with store(city, "dispatcher") as d:
        d.transition(t.uuid, "cancel", t.version, reason="duplicate of another case")

    report, _ = sync(pkg)
    assert [(r["kind"], r["result"]) for r in report.results] == [("task_event", "conflict")] * 3
    assert "the task is now cancelled (cancel by dispatcher)" in report.results[0]["reason"]
    assert actions(city, t.uuid) == [("create", "dispatcher", "created"), ("assign", "dispatcher", "assigned"),
                                     ("cancel", "dispatcher", "cancelled")] + [("conflict", "phu_hoi", "cancelled")] * 3
    conn = connect(city)
    rows = conn.execute("SELECT kept, lost, lost_by, commune FROM gisdesk_sync_conflicts WHERE record_uuid = ? "
                        "ORDER BY rowid", (t.uuid,)).fetchall()
    conn.close()
    assert [json.loads(r[1])["action"] for r in rows] == ["accept", "start", "complete"]
    assert json.loads(rows[2][1])["note"] == "cleared" and json.loads(rows[2][1])["data"]["position"] == list(inside(t))
    assert {(json.loads(r[0])["state"], r[2], r[3]) for r in rows} == {("cancelled", "phu_hoi", "Phú Hội")}
    with store(pkg, "phu_hoi") as p:
        assert p.task(t.uuid).state == "cancelled"  # the laptop now shows the city's decision
        assert p.check_consistency() == []
    log = status(pkg)
    assert [r["state"] for r in log["log"]] == ["conflict"] * 3 and all(r["reason"] for r in log["log"])
    assert len(log["conflicts"]) == 3  # the package user sees their own conflicts too


def test_reassigned_to_another_commune_versus_accepted_offline(city, tmp_path):
    """Rule 4: assignment belongs to the city: the task stays with Vĩnh Ninh; phu_hoi's accept is a conflict."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        officer.transition(t.uuid, "accept", t.version)
    with store(city, "dispatcher") as d:
        d.transition(t.uuid, "reassign", t.version, commune="Vĩnh Ninh", note="their crew is closer")
    report, _ = sync(pkg)
    assert [r["result"] for r in report.results] == ["conflict"]
    assert "changed hands" in report.results[0]["reason"]
    with store(city, "dispatcher") as d:
        assert (d.task(t.uuid).state, d.task(t.uuid).commune) == ("assigned", "Vĩnh Ninh")


def test_identical_changes_on_both_sides_are_not_a_conflict(city, tmp_path):
    """Rule 2: the office accepted the task too (same officer account at the office): one accept, no conflict."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        officer.transition(t.uuid, "accept", t.version)
    with store(city, "phu_hoi") as office:
        office.transition(t.uuid, "accept", t.version)
    report, _ = sync(pkg)
    assert [r["result"] for r in report.results] == ["identical"]
    assert [a for a, _, _ in actions(city, t.uuid)] == ["create", "assign", "accept"]
    conn = connect(city)
    assert conn.execute("SELECT count(*) FROM gisdesk_sync_conflicts").fetchone()[0] == 0
    conn.close()


def test_return_after_the_office_started_moves_nothing_back(city, tmp_path):
    """Rule 6: the office accepted and started; the laptop returned the task (valid from 'assigned' only
    offline): states only move forward, so the return is a conflict and the task stays in progress."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        officer.transition(t.uuid, "return", t.version, reason="not ours")
    with store(city, "phu_hoi") as office:
        a = office.transition(t.uuid, "accept", t.version)
    report, _ = sync(pkg)
    assert [r["result"] for r in report.results] == ["conflict"]
    with store(city, "dispatcher") as d:
        assert d.task(t.uuid).state == "accepted"
    assert a.state == "accepted"


def test_re_applying_the_same_file_changes_nothing_twice(city, tmp_path):
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        a = officer.transition(t.uuid, "accept", t.version)
        qid = officer.ask("Which crew?", "Do we get a pump?", task_uuid=t.uuid)
        officer.transition(t.uuid, "start", a.version)
    up = tmp_path / "changes.gdsync"
    m = export_up(pkg, up)
    assert (m["count"], m["first_seq"], m["last_seq"]) == (3, 1, 3)  # question, accept, start

    def counts():
        conn = connect(city)
        out = tuple(conn.execute(q).fetchone()[0] for q in (
            "SELECT count(*) FROM task_events", "SELECT count(*) FROM task_questions",
            "SELECT count(*) FROM task_notifications", "SELECT count(*) FROM gisdesk_sync_in"))
        conn.close()
        return out

    first = apply_up(city, up)
    after_first = counts()
    second = apply_up(city, up)
    assert [r["result"] for r in first.results] == ["applied"] * 3 and not any(r["again"] for r in first.results)
    assert [(r["result"], r["again"]) for r in second.results] == [("applied", True)] * 3
    assert counts() == after_first
    with store(city, "dispatcher") as d:
        assert d.task(t.uuid).state == "in_progress" and d.thread(qid)["subject"] == "Which crew?"
    # the source's answer applied twice to the package: the same package
    down = tmp_path / "down.gdsync"
    export_down(city, read_identity(connect(pkg))["package_id"], down, change_ids=[r["id"] for r in first.results])
    apply_down(pkg, down)
    snapshot = actions(pkg, t.uuid, "phu_hoi")
    apply_down(pkg, down)
    assert actions(pkg, t.uuid, "phu_hoi") == snapshot == actions(city, t.uuid)
    assert [r["state"] for r in status(pkg)["log"]] == ["applied"] * 3
    # nothing new to send; a second export is empty but valid
    assert export_up(pkg, tmp_path / "again.gdsync")["count"] == 0


def test_a_refused_change_comes_back_with_the_reason_and_stays_in_the_log(city, tmp_path):
    """The city deactivated phu_hoi's account meanwhile: the policy refuses the replay. Someone else signed in
    on the laptop (vinh_ninh): their change does not travel under phu_hoi's package. Both come back refused,
    with the reason, and stay in the package's log."""
    t = assigned_task(city)
    v = assigned_task(city, "Vĩnh Ninh", "Tree on the road")
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        officer.transition(t.uuid, "accept", t.version)
    with store(pkg, "vinh_ninh") as other:
        other.transition(v.uuid, "accept", v.version)
    conn = connect(city)
    conn.execute("UPDATE users SET active = 0 WHERE username = 'phu_hoi'")
    conn.close()
    report, _ = sync(pkg)
    assert [r["result"] for r in report.results] == ["refused", "refused"]
    assert "the account phu_hoi is deactivated" in report.results[0]["reason"]
    assert "made by vinh_ninh" in report.results[1]["reason"]
    log = status(pkg)["log"]
    assert [(r["state"], r["reason"]) for r in log] == [(r["result"], r["reason"]) for r in report.results]
    with store(city, "dispatcher") as d:
        assert d.task(t.uuid).state == "assigned" and d.task(v.uuid).state == "assigned"
    # a deactivated account is sent nothing but the answers: the laptop keeps what it did, marked refused


def test_a_step_the_workflow_refuses_comes_back_and_the_laptop_shows_the_source_again(city, tmp_path):
    """A dispatcher's laptop assigns a new task with a deadline two seconds ahead; it syncs after the deadline:
    the workflow refuses an assignment whose deadline has passed; the laptop gets the task back as the source
    has it (created), and its log keeps the assignment with the reason."""
    with store(city, "dispatcher") as d:
        inc = d.conn.execute("SELECT uuid FROM incidents WHERE commune = 'Phú Hội' LIMIT 1").fetchone()[0]
        t = d.create_from_incident(inc, title="Assign me offline")
    pkg = make_package(city, tmp_path, "dispatcher")
    with store(pkg, "dispatcher") as laptop:
        laptop.transition(t.uuid, "assign", t.version, commune="Phú Hội",
                          deadline=utc_now() + timedelta(seconds=2))
    time.sleep(2.5)
    report, _ = sync(pkg)
    assert [r["result"] for r in report.results] == ["refused"]
    assert "is not in the future" in report.results[0]["reason"]
    with store(pkg, "dispatcher") as p:
        assert p.task(t.uuid).state == "created" and p.check_consistency() == []
    assert [(r["kind"], r["state"]) for r in status(pkg)["log"]] == [("task_event", "refused")]


def test_questions_answers_and_new_tasks_travel_both_ways(city, tmp_path):
    """Laptop: a new question on the task and a follow-up on an older one. City: answers the older one and
    assigns a new task to Phú Hội (and one to Vĩnh Ninh, which the package must not get)."""
    t = assigned_task(city)
    with store(city, "phu_hoi") as office:
        q0 = office.ask("Pump?", "Is a pump coming?", task_uuid=t.uuid)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        q1 = officer.ask("Road closed?", "Can we close the road?", task_uuid=t.uuid)
        officer.answer(q0, "Any news?")
    with store(city, "dispatcher") as d:
        d.answer(q0, "Crew on Monday.")
    mine = assigned_task(city, "Phú Hội", "Clear the canal")
    theirs = assigned_task(city, "Vĩnh Ninh", "Fix the lamp")
    report, counts = sync(pkg)
    assert [(r["kind"], r["result"]) for r in report.results] == [("question", "applied"), ("answer", "applied")]
    for path, who in ((city, "dispatcher"), (pkg, "phu_hoi")):
        with store(path, who) as s:
            thread = s.thread(q0)
            assert sorted(a["body"] for a in thread["answers"]) == ["Any news?", "Crew on Monday."]
            assert thread["status"] == "open"  # the commune's follow-up came last at the city
            assert s.thread(q1)["asked_by"] == "phu_hoi"
    with store(pkg, "phu_hoi") as p:
        assert p.task(mine.uuid).state == "assigned"
    conn = connect(pkg)
    # made after the package, and outside what phu_hoi may read: never sent to the package
    assert conn.execute("SELECT state FROM tasks WHERE uuid = ?", (theirs.uuid,)).fetchone() is None
    conn.close()


def test_a_file_for_another_package_an_altered_file_and_a_wrong_direction_are_refused(city, tmp_path):
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    other = make_package(city, tmp_path, "vinh_ninh")
    with store(pkg, "phu_hoi") as officer:
        officer.transition(t.uuid, "accept", t.version)
    up = tmp_path / "up.gdsync"
    export_up(pkg, up)
    pid = read_identity(connect(pkg))["package_id"]
    down = tmp_path / "down.gdsync"
    export_down(city, pid, down)
    with pytest.raises(ChangesFileError, match="is for package .* not this one .*vinh_ninh"):
        apply_down(other, down)
    with pytest.raises(ChangesFileError, match="apply it to the source"):
        apply_down(pkg, up)
    with pytest.raises(ChangesFileError, match="apply it to that package"):
        apply_up(city, down)
    # one changed byte in the changes: the checksum catches it; a re-made manifest: the signature does
    bad = tmp_path / "bad.gdsync"
    with zipfile.ZipFile(up) as z:
        manifest, lines = json.loads(z.read("manifest.json")), z.read("changes.jsonl")
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        z.writestr("changes.jsonl", lines.replace(b'"accept"', b'"cancel"'))
    with pytest.raises(ChangesFileError, match="altered or cut short"):
        apply_up(city, bad)
    import hashlib
    manifest["changes_sha256"] = hashlib.sha256(lines.replace(b'"accept"', b'"cancel"')).hexdigest()
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        z.writestr("changes.jsonl", lines.replace(b'"accept"', b'"cancel"'))
    with pytest.raises(ChangesFileError, match="not signed with package"):
        apply_up(city, bad)
    with store(city, "dispatcher") as d:
        assert d.task(t.uuid).state == "assigned"  # nothing of the refused files was applied


def test_a_laptop_clock_48_hours_off_changes_nothing(city, tmp_path):
    """The laptop's clock is two days ahead: its events say so, but the source orders by the package's
    sequence and stamps its own time; the device's time is kept as offline_at."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)

    class SkewedStore(TaskStore):
        def _now(self):
            return utc_now() + timedelta(hours=48)

    with SkewedStore(pkg, User("phu_hoi", "", "viewer")) as officer:
        a = officer.transition(t.uuid, "accept", t.version)
        officer.transition(t.uuid, "start", a.version)
    with store(city, "dispatcher") as d:
        d.transition(t.uuid, "reassign", t.version, commune="Phú Hội", note="new deadline")
    before = utc_now()
    report, _ = sync(pkg)
    assert [r["result"] for r in report.results] == ["applied", "applied"]
    with store(city, "dispatcher") as d:
        timeline = d.timeline(t.uuid)
    assert [e["action"] for e in timeline] == ["create", "assign", "reassign", "accept", "start"]
    for e in timeline[3:]:
        assert iso_utc(before - timedelta(minutes=1)) <= e["at"] <= iso_utc(utc_now())  # the source's clock
        assert e["data"]["offline_at"] > iso_utc(utc_now() + timedelta(hours=47))  # the device's, kept


def test_an_apply_killed_in_the_middle_completes_on_retry_with_nothing_twice(city, tmp_path):
    """300 progress reports; the source's apply is killed (SIGKILL) once some are in; a second run applies the
    rest: every report exactly once, the history consistent."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        a = officer.transition(t.uuid, "accept", t.version)
        a = officer.transition(t.uuid, "start", a.version)
        for i in range(300):
            a = officer.transition(t.uuid, "report", a.version, percent=(i % 99) + 1, note=f"step {i}")
    up = tmp_path / "up.gdsync"
    assert export_up(pkg, up)["count"] == 302
    env = dict(os.environ, PYTHONPATH=str(ROOT), GISDESK_SYNC_BATCH="3")  # a commit every 3 changes
    proc = subprocess.Popen([sys.executable, "-m", "gisdesk.cli", "package", "apply-changes", str(city), str(up)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    applied, deadline = 0, time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            conn = connect(city, read_only=True, spatialite=False)
            applied = conn.execute("SELECT count(*) FROM gisdesk_sync_in").fetchone()[0]
            conn.close()
        except Exception:
            applied = 0
        if applied >= 10:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the apply ended before it could be interrupted"
    retry = apply_up(city, up)
    again = sum(r["again"] for r in retry.results)
    assert 10 <= again < 302 and all(r["result"] == "applied" for r in retry.results)
    with store(city, "dispatcher") as d:
        timeline = d.timeline(t.uuid)
        assert [e["action"] for e in timeline].count("report") == 300
        assert [e["note"] for e in timeline if e["action"] == "report"] == [f"step {i}" for i in range(300)]
        assert d.check_consistency() == []


def test_cli_round_trip_by_usb_files(city, tmp_path):
    """The script path: tasks act on the package and on the source, export-changes, apply-changes twice
    (idempotent), the source's reply applied to the package, and tasks show --json on the source."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def run(*args):
        return subprocess.run([sys.executable, "-m", "gisdesk.cli", *map(str, args)], env=env, capture_output=True,
                              text=True, timeout=120)

    assert run("tasks", "act", pkg, t.case_no, "accept", "--user", "phu_hoi").returncode == 0
    assert run("tasks", "act", city, t.case_no, "cancel", "--user", "dispatcher", "--note", "merged").returncode == 0
    up, reply = tmp_path / "c.gdsync", tmp_path / "r.gdsync"
    res = run("package", "export-changes", pkg, "-o", up)
    assert res.returncode == 0 and "1 change(s) of phu_hoi (seq 1-1)" in res.stdout
    first = run("package", "apply-changes", city, up, "--reply", reply)
    assert first.returncode == 1 and "conflict" in first.stdout  # kept and listed, so not a clean 0
    second = run("package", "apply-changes", city, up)
    assert second.returncode == 1 and "1 again" in second.stdout
    back = run("package", "apply-changes", pkg, reply)
    assert back.returncode == 0, back.stderr
    shown = json.loads(run("tasks", "show", city, t.case_no, "--json").stdout)
    assert [e["action"] for e in shown["timeline"]][-2:] == ["cancel", "conflict"]
    assert "offline accept by phu_hoi" in shown["timeline"][-1]["note"]
    st = json.loads(run("package", "status", pkg, "--json").stdout)
    assert [r["state"] for r in st["log"]] == ["conflict"]
    wrong = run("package", "apply-changes", make_package(city, tmp_path, "vinh_ninh"), reply)
    assert wrong.returncode == 2 and "not this one" in wrong.stderr and "Traceback" not in wrong.stderr


def test_incidents_travel_per_feature_and_attribute(city, tmp_path):
    """Laptop: reports a new incident (edited once more offline), sets one incident in progress and another
    'assigned'. City meanwhile: raises the first one's severity (another attribute: both kept) and rejects the
    second (the same attribute: the city's 'rejected' stays, the laptop's is a conflict record)."""
    from shapely.geometry import Point

    from gisdesk.core.incidents import Incident
    from gisdesk.store.incidents_store import IncidentStore

    conn = connect(city)
    first, second = [r[0] for r in conn.execute(
        "SELECT uuid FROM incidents WHERE commune = 'Phú Hội' AND status = 'closed' ORDER BY fid LIMIT 2")]
    x, y = conn.execute("SELECT X(geom), Y(geom) FROM incidents WHERE uuid = ?", (first,)).fetchone()
    conn.close()
    pkg = make_package(city, tmp_path)
    with IncidentStore(pkg, "phu_hoi") as laptop:
        new = laptop.create(Incident("fallen tree", Point(x + 20, y + 20), severity=3, description="tree on road"))
        laptop.update(new, {"description": "big tree on the road"})
        laptop.update(first, {"status": "in_progress"})
        laptop.update(second, {"status": "assigned"})
    with IncidentStore(city, "dispatcher") as office:
        office.update(first, {"severity": 4})
        office.update(second, {"status": "rejected"})

    report, counts = sync(pkg)
    by_kind = [(r["kind"], r["result"]) for r in report.results]
    assert by_kind == [("incident_create", "applied"), ("incident_included", "applied"),
                       ("incident_event", "applied"), ("incident_event", "conflict")]
    for path in (city, pkg):
        with IncidentStore(path, "dispatcher") as s:
            assert s.get(new).description == "big tree on the road" and s.get(new).commune == "Phú Hội"
            assert (s.get(first).status, s.get(first).severity) == ("in_progress", 4)
            assert s.get(second).status == "rejected"
    conn = connect(city)
    lost = conn.execute("SELECT lost_by, kept, lost FROM gisdesk_sync_conflicts WHERE record_uuid = ?",
                        (second,)).fetchone()
    history = [r[0] for r in conn.execute("SELECT action FROM incident_events WHERE incident_uuid = ? ORDER BY rowid",
                                          (second,))]
    conn.close()
    assert lost[0] == "phu_hoi" and json.loads(lost[1]) == {"status": "rejected"}
    assert json.loads(lost[2])["to_state"] == "assigned"
    assert history[-1] == "conflict"
    assert counts["incidents"] >= 3
    # a second round sends nothing new and changes nothing
    again, _ = sync(pkg)
    assert again.results == []


def test_a_package_whose_identity_was_written_before_its_records_sends_them_harmlessly(city, tmp_path):
    """If package create wrote the identity first (local_mark 0), the copied history looks local: every such
    change is already at the source (same ids) and is answered 'identical'; nothing is applied twice."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    conn = connect(pkg)
    write_identity(conn, local_mark={})
    conn.close()
    conn = connect(city)
    before = conn.execute("SELECT count(*) FROM task_events").fetchone()[0]
    conn.close()
    report, _ = sync(pkg)
    assert report.results and {r["result"] for r in report.results} <= {"identical", "refused"}
    conn = connect(city)
    assert conn.execute("SELECT count(*) FROM task_events").fetchone()[0] == before
    conn.close()
    with store(city, "dispatcher") as d:
        assert d.task(t.uuid).state == "assigned"


def test_a_bad_record_in_the_middle_is_refused_with_its_reason_and_the_rest_applies(city, tmp_path):
    """A changes file (properly signed) with, between two good changes, a 'photo' that is an executable and a
    record with its fields missing: both refused with the reason, the good ones applied, a retry changes
    nothing."""
    import base64

    from gisdesk.store.sync_format import read_changes, write_changes

    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        a = officer.transition(t.uuid, "accept", t.version)
        officer.transition(t.uuid, "start", a.version)
    up = tmp_path / "up.gdsync"
    export_up(pkg, up)
    ident = read_identity(connect(pkg))
    manifest, records = read_changes(up, ident["key"])
    bad_photo = {"kind": "task_attachment", "id": str(uuid.uuid4()), "task_uuid": t.uuid, "name": "site.png",
                 "mime": "image/png", "size": 4, "sha256": "", "added_at": iso_utc(utc_now()), "added_by": "phu_hoi",
                 "data": base64.b64encode(b"MZ\x90\x00").decode(), "seq": 90}
    broken = {"kind": "task_event", "id": str(uuid.uuid4()), "who": "phu_hoi", "seq": 91}
    write_changes(up, manifest, [records[0], bad_photo, broken, records[1]], ident["key"])
    first = apply_up(city, up)
    assert [r["result"] for r in first.results] == ["applied", "refused", "refused", "applied"]
    assert "site.png" in first.results[1]["reason"] and "malformed change" in first.results[2]["reason"]
    second = apply_up(city, up)
    assert [(r["result"], r["again"]) for r in second.results] == [
        ("applied", True), ("refused", True), ("refused", True), ("applied", True)]
    with store(city, "dispatcher") as d:
        assert d.task(t.uuid).state == "in_progress" and d.attachments(t.uuid) == []

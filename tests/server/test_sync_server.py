"""Offline packages from the city server and their sync back to it (issues 14 and 13), on a real PostgreSQL.

The demo city is published to a fresh server with three officers (``sy_`` + the demo name:
roles are cluster-wide). The scenarios are the issue's CLI round trip, through
``gisdesk.cli.main`` as a script runs it: ``package create URL``, ``tasks act`` on the package
and on the server, ``package export-changes``, ``package apply-changes`` (twice), ``tasks show
--json`` on the server; the reverse direction; the refusals (by the policy, by row-level
security, by the wrong login); and an apply interrupted between changes that completes on
retry with nothing twice. Expected values are written from the rules: a commune officer
accepts an assigned task of their commune; a commune officer may not cancel; only the
package's user applies its changes.
"""

from __future__ import annotations

import io
import json
import shutil
import sys

import psycopg
import pytest

from gisdesk.cli import main
from tests.server.conftest import PASSWORD

PHU_HOI, VINH_NINH = "Phú Hội", "Vĩnh Ninh"
PREFIX = "sy_"
ACCOUNTS = {"admin": ("administrator", None), "dispatcher": ("city_dispatcher", None),
            "phu_hoi": ("commune_officer", PHU_HOI),
            "vinh_ninh": ("commune_officer", VINH_NINH)}
SECRET = "&password=" + PASSWORD.replace(" ", "%20")


@pytest.fixture(scope="module")
def sync_server(pg_cluster, make_db, gisdesk_demo_master, tmp_path_factory):
    """The demo city published on a fresh server with the sync officers; returns ``{account: URL}`` (+ ``su``)."""
    from gisdesk.store.server import add_officer, init_server
    from gisdesk.store.server_publish import publish_workspace

    copy = tmp_path_factory.mktemp("syncsrv") / "hue.sqlite"
    shutil.copy(gisdesk_demo_master, copy)
    db = make_db("gisdesk_syncsrv")
    su = pg_cluster.url(db)
    init_server(su)
    publish_workspace(copy, su)
    for name, (role, commune) in ACCOUNTS.items():
        add_officer(su, PREFIX + name, role, PASSWORD, commune=commune)
    urls = {name: pg_cluster.url(db, PREFIX + name) for name in ACCOUNTS}
    return {"su": su, "db": db, "cluster": pg_cluster, **urls}


def run(argv: list[str], capsys, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _tasks(url: str, state: str | None = None) -> list[dict]:
    """The tasks the login of ``url`` reads on the server (uuid, state, commune), read by plain SQL."""
    with psycopg.connect(url + SECRET) as conn:
        sql = "SELECT uuid::text, state, commune FROM tasks" + (" WHERE state = %s" if state else "") + " ORDER BY uuid"
        return [dict(zip(("uuid", "state", "commune"), r)) for r in conn.execute(sql, (state,) if state else None)]


def _events(su: str, task: str, action: str) -> list[tuple]:
    with psycopg.connect(su) as conn:
        return conn.execute("SELECT id::text, who, data FROM task_events WHERE task_uuid = %s AND action = %s",
                            (task, action)).fetchall()


@pytest.fixture(scope="module")
def package(sync_server, tmp_path_factory):
    """A package of Phú Hội for sy_phu_hoi, made from the server by sy_admin with ``package create URL``."""
    out = tmp_path_factory.mktemp("pkg") / "phu_hoi.sqlite"
    sys_stdin = sys.stdin
    sys.stdin = io.StringIO(PASSWORD + "\n")
    try:
        code = main(["package", "create", sync_server["admin"], "--for", PREFIX + "phu_hoi", "--commune",
                     PHU_HOI, "-o", str(out), "--password-stdin", "--json"])
    finally:
        sys.stdin = sys_stdin
    assert code == 0
    return out


def test_a_package_from_the_server_holds_only_what_its_user_may_read(sync_server, package):
    from gisdesk.store.connection import connect
    from gisdesk.store.package_meta import read_identity

    mine = _tasks(sync_server["phu_hoi"])  # RLS: what sy_phu_hoi reads on the server
    assert mine and {t["commune"] for t in mine} == {PHU_HOI}
    with connect(package, read_only=True) as pkg:
        tasks = pkg.execute("SELECT uuid, state, commune FROM tasks ORDER BY uuid").fetchall()
        ident = read_identity(pkg)
        communes = {r[0] for r in pkg.execute("SELECT DISTINCT commune FROM incidents")}
        layers = {r[0] for r in pkg.execute("SELECT f_table_name FROM geometry_columns")}
    assert [tuple(t.values()) for t in mine] == [tuple(t) for t in tasks]  # the same rows, no other commune's
    assert communes <= {PHU_HOI}
    assert "communes" in layers and "roads" in {name.lower() for name in layers}
    assert ident["user"] == PREFIX + "phu_hoi"
    assert ident["source"].startswith("postgresql://sy_phu_hoi@") and "password" not in ident["source"]
    assert PASSWORD.replace(" ", "%20") not in ident["source"]
    with psycopg.connect(sync_server["su"]) as conn:  # registered on the server, with the package's key
        row = conn.execute("SELECT username, key FROM gisdesk_sync_peers WHERE package_id = %s",
                           (ident["package_id"],)).fetchone()
    assert row == (PREFIX + "phu_hoi", ident["key"])


def test_a_commune_officer_cannot_make_a_package_from_the_server(sync_server, tmp_path, capsys, monkeypatch):
    out = tmp_path / "p.sqlite"
    code, _, err = run(["package", "create", sync_server["phu_hoi"], "--for", PREFIX + "phu_hoi", "--commune",
                        PHU_HOI, "-o", str(out), "--password-stdin"], capsys, PASSWORD + "\n", monkeypatch)
    assert code == 2 and "only the city" in err and not out.exists()


def test_a_dispatcher_cannot_read_another_officers_account_so_makes_only_their_own(sync_server, tmp_path, capsys,
                                                                                   monkeypatch):
    out = tmp_path / "p.sqlite"
    code, _, err = run(["package", "create", sync_server["dispatcher"], "--for", PREFIX + "phu_hoi", "--commune",
                        PHU_HOI, "-o", str(out), "--password-stdin"], capsys, PASSWORD + "\n", monkeypatch)
    assert code == 2 and "administrator makes packages for other officers" in err and not out.exists()


def test_the_cli_round_trip_against_the_server(sync_server, package, tmp_path, capsys, monkeypatch):
    from gisdesk.store.connection import connect
    from gisdesk.store.package_meta import read_identity

    assigned = [t["uuid"] for t in _tasks(sync_server["phu_hoi"], "assigned")]
    working = [t["uuid"] for t in _tasks(sync_server["phu_hoi"], "in_progress")]
    assert assigned and working, "the demo city has assigned and started tasks in Phú Hội"
    offline, city_side = assigned[0], working[0]
    # offline: the commune accepts a task on the package
    code, _, err = run(["tasks", "act", str(package), offline, "accept", "--user", PREFIX + "phu_hoi",
                        "--note", "on our way"], capsys)
    assert code == 0, err
    # meanwhile at the city: the dispatcher cancels another of the commune's tasks on the server
    code, _, err = run(["tasks", "act", sync_server["dispatcher"] + SECRET, city_side, "cancel", "--user",
                        PREFIX + "dispatcher", "--note", "duplicate"], capsys)
    assert code == 0, err
    up = tmp_path / "up.gdsync"
    code, out, err = run(["package", "export-changes", str(package), "-o", str(up)], capsys)
    assert code == 0, err
    assert "1 change(s)" in out
    for attempt in (1, 2):  # idempotent: the second apply changes nothing
        code, out, err = run(["package", "apply-changes", sync_server["phu_hoi"] + SECRET, str(up)], capsys)
        assert code == 0, (attempt, out, err)
        assert ("1 applied" in out) and (("1 again" in out) == (attempt == 2))
    accepts = _events(sync_server["su"], offline, "accept")
    assert len(accepts) == 1 and accepts[0][1] == PREFIX + "phu_hoi"
    code, out, err = run(["tasks", "show", sync_server["dispatcher"] + SECRET, offline, "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    steps = [(e["who"], e["action"]) for e in doc["timeline"]] if "timeline" in doc else \
        [(e["who"], e["action"]) for e in doc["events"]]
    assert (PREFIX + "phu_hoi", "accept") in steps
    assert (doc.get("task") or doc)["state"] == "accepted"
    # the city's side comes back: export for the package (as its user), apply on the laptop
    with connect(package, read_only=True) as pkg:
        pid = read_identity(pkg)["package_id"]
    down = tmp_path / "down.gdsync"
    code, out, err = run(["package", "export-changes", sync_server["phu_hoi"] + SECRET, "--for", pid, "-o",
                          str(down)], capsys)
    assert code == 0, err
    code, out, err = run(["package", "apply-changes", str(package), str(down)], capsys)
    assert code == 0, err
    with connect(package, read_only=True) as pkg:
        states = dict(pkg.execute("SELECT uuid, state FROM tasks WHERE uuid IN (?, ?)", (offline, city_side)))
        log = pkg.execute("SELECT state FROM gisdesk_sync_out").fetchall()
    assert states == {offline: "accepted", city_side: "cancelled"}
    assert log == [("applied",)]


# --- refusals, interruption, tasks created offline -------------------------------------------------
def _package_for(sync_server, folder, user: str, maker: str = "admin"):
    """A fresh package of Phú Hội for ``user`` made from the server by ``maker`` (via the API)."""
    from gisdesk.store.package_create import create_package

    out = folder / f"{user}.sqlite"
    create_package(sync_server[maker], out, for_user=PREFIX + user, signer=(PREFIX + maker, PASSWORD),
                   commune=PHU_HOI)
    return out


def _identity(package):
    from gisdesk.store.connection import connect
    from gisdesk.store.package_meta import read_identity

    with connect(package, read_only=True) as conn:
        return read_identity(conn)


def _crafted(package, path, records):
    """A changes file of ``package`` signed with its key, holding ``records`` (what a tampered laptop could send)."""
    from gisdesk.core.incidents import iso_utc, utc_now
    from gisdesk.store.sync_format import write_changes

    ident = _identity(package)
    seqs = [r["seq"] for r in records]
    manifest = {"direction": "up", "package_id": ident["package_id"], "user": ident["user"], "source": ident["source"],
                "written_at": iso_utc(utc_now()), "since": "", "first_seq": min(seqs), "last_seq": max(seqs),
                "count": len(records)}
    write_changes(path, manifest, records, ident["key"])
    return path


def _task_row(su, task):
    with psycopg.connect(su) as conn:
        return conn.execute("SELECT state, version FROM tasks WHERE uuid = %s", (task,)).fetchone()


def _event(task, version, action, who, seq):
    import uuid as _uuid

    from gisdesk.core.incidents import iso_utc, utc_now

    return {"id": str(_uuid.uuid4()), "kind": "task_event", "seq": seq, "task_uuid": task, "version": version,
            "at": iso_utc(utc_now()), "who": who, "action": action, "from_state": None, "to_state": None,
            "note": "crafted", "data": {}}


def test_a_change_its_user_may_not_make_is_refused_by_the_policy_and_by_rls(sync_server, tmp_path, monkeypatch):
    from gisdesk.core import access
    from gisdesk.store.sync_apply import apply_up

    pkg = _package_for(sync_server, tmp_path, "phu_hoi")
    ours = _tasks(sync_server["phu_hoi"])[0]["uuid"]
    theirs = _tasks(sync_server["vinh_ninh"])[0]["uuid"]
    who = PREFIX + "phu_hoi"
    url = sync_server["phu_hoi"] + SECRET
    # 1. the policy: a commune officer may not cancel (the city's step), even on their own commune's task
    before = _task_row(sync_server["su"], ours)
    state, version = before
    report = apply_up(url, _crafted(pkg, tmp_path / "a.gdsync", [_event(ours, version + 1, "cancel", who, 1)]))
    assert [r["result"] for r in report.results] == ["refused"]
    assert "city" in report.results[0]["reason"]
    assert _task_row(sync_server["su"], ours) == before
    # 2. RLS: with the policy switched off on this machine (a tampered client), another commune's task stays
    #    out of reach: the server does not show it to sy_phu_hoi, so the change is refused and nothing changes
    monkeypatch.setattr(access, "decide", lambda *a, **k: access.Decision(True, ""))
    before = _task_row(sync_server["su"], theirs)
    report = apply_up(url, _crafted(pkg, tmp_path / "b.gdsync", [_event(theirs, before[1] + 1, "accept", who, 2)]))
    assert [r["result"] for r in report.results] == ["refused"]
    assert _task_row(sync_server["su"], theirs) == before
    # ... and a direct write as that login is refused by the server itself
    with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO task_events (id, task_uuid, version, at, who, action, to_state) VALUES "
                     "(gen_random_uuid(), %s, 99, now(), %s, 'accept', 'accepted')", (theirs, who))


def test_only_the_packages_own_login_applies_its_changes(sync_server, package, tmp_path, capsys):
    up = tmp_path / "up.gdsync"
    assert run(["package", "export-changes", str(package), "-o", str(up)], capsys)[0] == 0
    code, _, err = run(["package", "apply-changes", sync_server["dispatcher"] + SECRET, str(up)], capsys)
    assert code == 2 and "connect as sy_phu_hoi" in err


def test_an_interrupted_apply_on_the_server_completes_on_retry_with_nothing_twice(sync_server, tmp_path,
                                                                                  monkeypatch):
    from gisdesk.store import sync_apply
    from gisdesk.store.sync_session import export_up
    from gisdesk.store.tasks_store import TaskStore

    with TaskStore(sync_server["dispatcher"] + SECRET, None) as city:  # three fresh tasks for the commune
        made = []
        for i in range(3):
            t = city.create(f"Pump check {i}", category="flooding", severity=2)
            made.append(city.transition(t.uuid, "assign", t.version, commune=PHU_HOI).uuid)
    pkg = _package_for(sync_server, tmp_path, "phu_hoi")
    with TaskStore(pkg, PREFIX + "phu_hoi") as laptop:
        for uid in made:
            t = laptop.transition(uid, "accept", laptop.task(uid).version)
            laptop.transition(uid, "start", t.version)
    up = tmp_path / "up.gdsync"
    assert export_up(pkg, up)["count"] == 6
    url = sync_server["phu_hoi"] + SECRET
    real = sync_apply._apply_one
    calls = {"n": 0}

    def dying(*a, **k):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt  # the process dies between the third and the fourth change
        return real(*a, **k)

    monkeypatch.setattr(sync_apply, "BATCH", 1)
    monkeypatch.setattr(sync_apply, "_apply_one", dying)
    with pytest.raises(KeyboardInterrupt):
        sync_apply.apply_up(url, up)
    monkeypatch.setattr(sync_apply, "_apply_one", real)
    with psycopg.connect(sync_server["su"]) as conn:
        half = conn.execute("SELECT count(*) FROM task_events WHERE task_uuid = ANY(%s::uuid[]) AND action IN "
                            "('accept', 'start')", (made,)).fetchone()[0]
    assert half == 3
    report = sync_apply.apply_up(url, up)
    assert [r["result"] for r in report.results] == ["applied"] * 6
    assert [r["again"] for r in report.results] == [True] * 3 + [False] * 3
    with psycopg.connect(sync_server["su"]) as conn:
        rows = conn.execute("SELECT task_uuid::text, action, count(*) FROM task_events "
                            "WHERE task_uuid = ANY(%s::uuid[]) AND action IN ('accept', 'start') GROUP BY 1, 2",
                            (made,)).fetchall()
        states = dict(conn.execute("SELECT uuid::text, state FROM tasks WHERE uuid = ANY(%s::uuid[])", (made,)))
    assert sorted(rows) == sorted((u, a, 1) for u in made for a in ("accept", "start"))
    assert states == {u: "in_progress" for u in made}


def test_a_task_created_in_the_dispatchers_own_package_reaches_the_server(sync_server, tmp_path, capsys,
                                                                          monkeypatch):
    from gisdesk.store.tasks_store import TaskStore

    pkg = _package_for(sync_server, tmp_path, "dispatcher", maker="dispatcher")  # their own: no other account read
    with TaskStore(pkg, PREFIX + "dispatcher") as laptop:
        t = laptop.create("Sandbags at the school", category="flooding", severity=3)
        laptop.transition(t.uuid, "assign", t.version, commune=PHU_HOI)
    from gisdesk.core.users import AuthError
    from gisdesk.store.users_store import UserStore

    with UserStore(pkg) as accounts, pytest.raises(AuthError):  # a package from the server carries no password
        accounts.authenticate(PREFIX + "dispatcher", PASSWORD)
    code, out, err = run(["sync", str(pkg), "--password-stdin"], capsys, PASSWORD + "\n", monkeypatch)
    assert code == 0, (out, err)
    assert "2 applied" in out
    with UserStore(pkg) as accounts:  # the server took the password: it signs in on the laptop now
        assert accounts.authenticate(PREFIX + "dispatcher", PASSWORD).role == "city_dispatcher"
    code, out, err = run(["tasks", "show", sync_server["phu_hoi"] + SECRET, t.uuid, "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    task = doc.get("task") or doc
    assert (task["title"], task["state"], task["commune"]) == ("Sandbags at the school", "assigned", PHU_HOI)


def test_the_sync_tables_are_locked_by_row_level_security(sync_server, package):
    """An officer reads only the packages made for their own login (never another's key), cannot register one,
    and cannot write results for a package that is not theirs; the city reads them all."""
    ident = _identity(package)
    other = "00000000-0000-4000-8000-00000000abcd"
    with psycopg.connect(sync_server["su"]) as su:  # a package of another officer, registered by the city
        su.execute("INSERT INTO gisdesk_sync_peers (package_id, username, key) VALUES (%s, %s, 'secret') "
                   "ON CONFLICT DO NOTHING", (other, PREFIX + "vinh_ninh"))
    with psycopg.connect(sync_server["phu_hoi"] + SECRET, autocommit=True) as conn:
        seen = [r[0] for r in conn.execute("SELECT package_id FROM gisdesk_sync_peers")]
        assert ident["package_id"] in seen and other not in seen
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO gisdesk_sync_peers (package_id, username) VALUES (gen_random_uuid()::text, %s)",
                         (PREFIX + "phu_hoi",))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO gisdesk_sync_in (change_id, package_id, kind, received_at, result) VALUES "
                         "(gen_random_uuid()::text, %s, 'task_event', 'now', 'applied')", (other,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM gisdesk_sync_in")
    with psycopg.connect(sync_server["vinh_ninh"] + SECRET) as conn:
        assert [r[0] for r in conn.execute("SELECT package_id FROM gisdesk_sync_peers")] == [other]
    with psycopg.connect(sync_server["dispatcher"] + SECRET) as conn:
        seen = {r[0] for r in conn.execute("SELECT package_id FROM gisdesk_sync_peers")}
        assert {ident["package_id"], other} <= seen


def test_an_offline_step_on_a_task_the_city_cancelled_is_a_conflict_the_city_sees(sync_server, tmp_path, capsys):
    """Rule: a transition no longer valid after the other side's changes becomes a conflict record (kept, with
    who made it), not an overwrite: the task stays cancelled, its timeline says so."""
    from gisdesk.store.sync_apply import apply_up
    from gisdesk.store.sync_session import export_up
    from gisdesk.store.tasks_store import TaskStore

    city_url = sync_server["dispatcher"] + SECRET
    with TaskStore(city_url, None) as city:
        t = city.create("Broken culvert", category="flooding", severity=3)
        t = city.transition(t.uuid, "assign", t.version, commune=PHU_HOI)
    pkg = _package_for(sync_server, tmp_path, "phu_hoi")
    with TaskStore(pkg, PREFIX + "phu_hoi") as laptop:
        laptop.transition(t.uuid, "accept", t.version, note="we go tomorrow")
    with TaskStore(city_url, None) as city:
        city.transition(t.uuid, "cancel", t.version, note="the province repairs it")
    export_up(pkg, tmp_path / "up.gdsync")
    report = apply_up(sync_server["phu_hoi"] + SECRET, tmp_path / "up.gdsync")
    assert [r["result"] for r in report.results] == ["conflict"]
    code, out, err = run(["tasks", "show", city_url, t.uuid, "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    events = doc.get("timeline") or doc.get("events")
    assert (doc.get("task") or doc)["state"] == "cancelled"
    assert [(e["who"], e["action"]) for e in events][-2:] == [(PREFIX + "dispatcher", "cancel"),
                                                               (PREFIX + "phu_hoi", "conflict")]
    with psycopg.connect(city_url) as conn:  # the city reads the losing change, with who made it
        rows = conn.execute("SELECT lost_by, kind, lost FROM gisdesk_sync_conflicts WHERE record_uuid = %s",
                            (t.uuid,)).fetchall()
    assert [(r[0], r[1], json.loads(r[2])["action"]) for r in rows] == [(PREFIX + "phu_hoi", "task_event", "accept")]


def test_an_incident_reported_offline_reaches_the_server_once(sync_server, tmp_path):
    """An officer reports an incident in their commune on the laptop; it is created on the server as theirs
    (same UUID), routed by location there, and a second apply adds nothing."""
    import shapely as _shapely

    from gisdesk.core.incidents import Incident
    from gisdesk.store.connection import connect
    from gisdesk.store.incidents_store import IncidentStore
    from gisdesk.store.sync_apply import apply_up
    from gisdesk.store.sync_session import export_up

    pkg = _package_for(sync_server, tmp_path, "phu_hoi")
    with connect(pkg, read_only=True) as conn:
        wkb = conn.execute("SELECT AsBinary(geom) FROM communes WHERE name = ?", (PHU_HOI,)).fetchone()[0]
    where = _shapely.point_on_surface(_shapely.from_wkb(wkb).buffer(-30))
    with IncidentStore(pkg, PREFIX + "phu_hoi") as laptop:
        uid = laptop.create(Incident("flooding", where, severity=3, description="water at the school",
                                     channel="officer"))
    up = tmp_path / "up.gdsync"
    export_up(pkg, up)
    for _ in range(2):
        report = apply_up(sync_server["phu_hoi"] + SECRET, up)
        assert [r["result"] for r in report.results] == ["applied"]
    with psycopg.connect(sync_server["su"]) as conn:
        row = conn.execute("SELECT commune, description FROM incidents WHERE uuid = %s", (uid,)).fetchone()
        made = conn.execute("SELECT who FROM incident_events WHERE incident_uuid = %s AND action = 'created'",
                            (uid,)).fetchall()
    assert row == (PHU_HOI, "water at the school")
    assert made == [(PREFIX + "phu_hoi",)]

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
ACCOUNTS = {"admin": ("administrator", None), "dispatcher": ("city_dispatcher", None), "phu_hoi": ("commune_officer", PHU_HOI),
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

"""Sync of N offline changes from a package to the city server and back (issue 14 on issue 13's server).

Usage::

    .venv/bin/python benchmarks/bench_sync_server.py --demo PATH [--changes 5000] [--tasks 50]

Starts a throw-away PostgreSQL/PostGIS cluster (as the ``postgres`` OS user when run as root, on
a Unix socket in a temporary folder; stopped and removed at the end), ``server init`` + ``server
publish`` of the demo city ``--demo`` (a gisdesk SpatiaLite workspace), adds ``b_admin``,
``b_dispatcher`` and ``b_phu_hoi``; the dispatcher gives ``--tasks`` new tasks to Phú Hội on the
server; the administrator makes ``b_phu_hoi``'s package from the server (``package create URL``);
in it, per task: a question, accept, start and progress reports (N changes). Timed: the package's
changes file (``export_up``), the server applying it as ``b_phu_hoi``'s login role through the stores
(``apply_up``: the policy, the case rules, row-level security), the server's file for the package
(``export_down``, as the same login) and the package applying it (``apply_down``). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PASSWORD = "correct horse battery"


def _cluster(base: Path) -> tuple[str, int, list[str], Path]:
    bindir = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))[-1]).parent
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    run_as: list[str] = []
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chmod(base, 0o755)
        for p in (base, sock):
            os.chown(p, pw.pw_uid, pw.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    hba = data / "pg_hba.conf"
    hba.write_text("local all postgres trust\nlocal all all scram-sha-256\n")
    if run_as:
        os.chown(hba, pw.pw_uid, pw.pw_gid)
    subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
                    f"-p {port} -k {sock} -c listen_addresses=''", "start"], check=True, capture_output=True)
    return str(sock), port, [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], data


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--changes", type=int, default=5000)
    ap.add_argument("--tasks", type=int, default=50)
    ap.add_argument("--demo", type=Path, required=True)
    args = ap.parse_args()
    import psycopg

    from gisdesk.store.package_create import create_package
    from gisdesk.store.package_meta import read_identity
    from gisdesk.store.connection import connect
    from gisdesk.store.server import add_officer, init_server
    from gisdesk.store.server_publish import publish_workspace
    from gisdesk.store.sync_apply import apply_up
    from gisdesk.store.sync_down import apply_down, export_down
    from gisdesk.store.sync_session import export_up
    from gisdesk.store.tasks_store import TaskStore

    base = Path(tempfile.mkdtemp(prefix="gisdesk-bench-pg-"))
    host, port, stop, _ = _cluster(base)
    try:
        with psycopg.connect(host=host, port=port, dbname="postgres", user="postgres", autocommit=True) as c:
            c.execute("CREATE DATABASE bench")
        su = f"postgresql://postgres@/bench?host={host}&port={port}"
        secret = "&password=" + PASSWORD.replace(" ", "%20")

        def url(login: str) -> str:
            return f"postgresql://{login}@/bench?host={host}&port={port}{secret}"

        work = base / "work"
        work.mkdir()
        shutil.copy2(args.demo, work / "hue.sqlite")
        t0 = time.perf_counter()
        init_server(su)
        publish_workspace(work / "hue.sqlite", su)
        setup_s = time.perf_counter() - t0
        for login, role, commune in (("b_admin", "administrator", None), ("b_dispatcher", "city_dispatcher", None),
                                     ("b_phu_hoi", "commune_officer", "Phú Hội")):
            add_officer(su, login, role, PASSWORD, commune=commune)
        tasks = []
        with TaskStore(url("b_dispatcher"), None) as d:
            for i in range(args.tasks):
                t = d.create(f"bench task {i}", category="flooding", severity=2)
                tasks.append(d.transition(t.uuid, "assign", t.version, commune="Phú Hội").uuid)
        pkg = work / "package.sqlite"
        t0 = time.perf_counter()
        create_package(url("b_admin"), pkg, for_user="b_phu_hoi", signer=("b_admin", PASSWORD), commune="Phú Hội")
        create_s = time.perf_counter() - t0
        with connect(pkg, read_only=True) as conn:
            pid = read_identity(conn)["package_id"]
        made = 0
        with TaskStore(pkg, "b_phu_hoi") as officer:
            per_task = args.changes // len(tasks)
            for n, uid in enumerate(tasks):
                officer.ask(f"question {n}", "how?", task_uuid=uid)
                a = officer.transition(uid, "accept", officer.task(uid).version)
                a = officer.transition(uid, "start", a.version)
                made += 3
                for i in range(per_task - 3):
                    a = officer.transition(uid, "report", a.version, percent=(i % 99) + 1, note=f"step {i}")
                    made += 1
        times = {}
        t0 = time.perf_counter()
        m = export_up(pkg, work / "up.gdsync")
        times["export_up"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = apply_up(url("b_phu_hoi"), work / "up.gdsync")
        times["apply_up"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        export_down(url("b_phu_hoi"), pid, work / "down.gdsync", change_ids=[r["id"] for r in report.results])
        times["export_down"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        counts = apply_down(pkg, work / "down.gdsync")
        times["apply_down"] = time.perf_counter() - t0
        print(json.dumps({"changes": m["count"], "made_offline": made, "server_setup_s": round(setup_s, 2),
                          "package_create_s": round(create_s, 2), "results": report.counts(), "down": counts,
                          **{k: round(v, 2) for k, v in times.items()},
                          "round_trip_s": round(sum(times.values()), 2), "load": os.getloadavg()}))
    finally:
        subprocess.run(stop, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

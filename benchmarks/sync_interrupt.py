"""Interrupted sync, many times: kill -9 at a random moment of every step of a sync round, then finish it.

Usage::

    .venv/bin/python benchmarks/sync_interrupt.py DEMO_WORKSPACE [--runs 100] [--seed 1]

Per run: a fresh copy of the demo as the city and a package for ``phu_hoi`` (a copy with an identity,
registered at the source); offline, on two new tasks of Phú Hội, 40 changes (accept, start, progress reports
with a photo, a question, an answer); the city reassigns one task meanwhile. Then one step of the round --
``export-changes`` on the package, ``apply-changes`` at the source, ``export-changes --for`` at the source,
``apply-changes`` on the package -- runs as a ``gisdesk`` process that is killed with SIGKILL after a random
moment of its run time (the first
run of each step measures it; sometimes the step finishes first); the round is then finished with ``gisdesk sync`` (and once more).

Counted over all runs: changes made, changes answered, duplicates (an event or answer id twice at the source,
or a task's history with gaps or disagreeing with its state) and drops (a change without an answer, an applied
change missing at the source, a conflict without its record, the two sides differing). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
STEPS = ("export_up", "apply_up", "export_down", "apply_down")


def _prepare(master: Path, folder: Path) -> tuple[Path, Path, list[str], int]:
    import shapely

    from gisdesk.core.incidents import iso_utc, utc_now
    from gisdesk.core.users import User
    from gisdesk.store.connection import connect
    from gisdesk.store.package_meta import read_identity, register_package, write_identity
    from gisdesk.store.tasks_store import TaskStore

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    city, pkg = folder / "city.sqlite", folder / "package.sqlite"
    shutil.copy2(master, city)
    tasks = []
    with TaskStore(city, User("dispatcher", "", "viewer")) as d:
        inc = d.conn.execute("SELECT uuid FROM incidents WHERE commune = 'Phú Hội' LIMIT 1").fetchone()[0]
        for i in range(2):
            t = d.create_from_incident(inc, title=f"interrupt {i}")
            tasks.append(d.transition(t.uuid, "assign", t.version, commune="Phú Hội"))
    conn = connect(city)
    conn.execute("VACUUM INTO ?", (str(pkg),))
    conn.close()
    conn = connect(pkg)
    write_identity(conn, package_id=str(uuid.uuid4()), source=str(city), user="phu_hoi",
                   created_at=iso_utc(utc_now()), base={}, last_sync="")
    ident = read_identity(conn)
    conn.close()
    conn = connect(city)
    register_package(conn, ident)
    conn.close()
    made = 0
    with TaskStore(pkg, User("phu_hoi", "", "viewer")) as o:
        for t in tasks:
            a = o.transition(t.uuid, "accept", t.version)
            a = o.transition(t.uuid, "start", a.version)
            photo = o.attach(t.uuid, "site.png", PNG)
            q = o.ask("Pump?", "Is a pump coming?", task_uuid=t.uuid)
            o.answer(q, "We still need it.")
            made += 5
            for i in range(15):
                a = o.transition(t.uuid, "report", a.version, percent=i + 1, note=f"r{i}",
                                 **({"photo": photo} if i == 0 else {}))
                made += 1
        _ = shapely
    with TaskStore(city, User("dispatcher", "", "viewer")) as d:
        t = tasks[0]
        d.transition(t.uuid, "reassign", t.version, commune="Phú Hội", note="more time")
    return city, pkg, [t.uuid for t in tasks], made


def _check(city: Path, pkg: Path, tasks: list[str]) -> tuple[int, int, int]:
    """(answered, duplicates, drops) for one run."""
    from gisdesk.core.users import User
    from gisdesk.store.connection import connect
    from gisdesk.store.sync_session import status
    from gisdesk.store.tasks_store import TaskStore

    log = status(pkg)["log"]
    answered = sum(r["state"] != "pending" for r in log)
    drops = sum(r["state"] == "pending" for r in log)
    dup = 0
    c = connect(city)
    for r in log:
        if r["state"] == "applied" and r["kind"] in ("task_event", "answer"):
            table = "task_events" if r["kind"] == "task_event" else "task_answers"
            n = c.execute(f"SELECT count(*) FROM {table} WHERE id = ?", (r["change_id"],)).fetchone()[0]
            dup += n > 1
            drops += n == 0
        if r["state"] == "conflict":
            drops += c.execute("SELECT count(*) FROM gisdesk_sync_conflicts WHERE change_id = ?",
                               (r["change_id"],)).fetchone()[0] != 1
    c.close()
    for path, who in ((city, "dispatcher"), (pkg, "phu_hoi")):
        with TaskStore(path, User(who, "", "viewer")) as s:
            dup += len(s.check_consistency())
    snap = []
    for path in (city, pkg):
        c = connect(path)
        snap.append([(c.execute("SELECT state, version, progress FROM tasks WHERE uuid = ?", (t,)).fetchone(),
                      c.execute("SELECT group_concat(id) FROM (SELECT id FROM task_events WHERE task_uuid = ? "
                                "ORDER BY version)", (t,)).fetchone()) for t in tasks])
        c.close()
    drops += snap[0] != snap[1]
    return answered, dup, drops


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("demo", type=Path)
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    env = dict(os.environ, PYTHONPATH=str(ROOT), GISDESK_SYNC_BATCH="5")
    work = ROOT / "build" / "bench" / "sync_interrupt"
    totals = {"runs": 0, "killed": 0, "changes": 0, "answered": 0, "duplicates": 0, "drops": 0,
              "per_step": dict.fromkeys(STEPS, 0)}
    started = time.perf_counter()
    durations: dict[str, float] = {}
    for run in range(args.runs):
        city, pkg, tasks, made = _prepare(args.demo, work / "run")
        step = STEPS[run % len(STEPS)]
        up, down = work / "run" / "up.gdsync", work / "run" / "down.gdsync"
        from gisdesk.store.package_meta import read_identity
        from gisdesk.store.connection import connect

        conn = connect(pkg)
        pid = read_identity(conn)["package_id"]
        conn.close()
        gd = [sys.executable, "-m", "gisdesk.cli"]
        if step in ("apply_up", "export_down", "apply_down"):
            subprocess.run(gd + ["package", "export-changes", str(pkg), "-o", str(up)], env=env, check=True,
                           capture_output=True)
        if step in ("export_down", "apply_down"):
            subprocess.run(gd + ["package", "apply-changes", str(city), str(up)], env=env, capture_output=True)
        if step == "apply_down":
            subprocess.run(gd + ["package", "export-changes", str(city), "--for", pid, "-o", str(down)], env=env,
                           check=True, capture_output=True)
        cmd = {"export_up": ["package", "export-changes", str(pkg), "-o", str(up)],
               "apply_up": ["package", "apply-changes", str(city), str(up)],
               "export_down": ["package", "export-changes", str(city), "--for", pid, "-o", str(down)],
               "apply_down": ["package", "apply-changes", str(pkg), str(down)]}[step]
        t0 = time.perf_counter()
        proc = subprocess.Popen(gd + cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if step in durations:  # kill at a random moment of the step's measured run time
            time.sleep(rng.uniform(0.0, 1.1 * durations[step]))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                totals["killed"] += 1
                totals["per_step"][step] += 1
        proc.wait()
        durations.setdefault(step, time.perf_counter() - t0)  # the first run of each step measures it
        for _ in range(2):
            res = subprocess.run(gd + ["sync", str(pkg), "--to", str(city)], env=env, capture_output=True, text=True)
            if res.returncode == 2:
                print(res.stderr, file=sys.stderr)
        answered, dup, drops = _check(city, pkg, tasks)
        totals["runs"] += 1
        totals["changes"] += made
        totals["answered"] += answered
        totals["duplicates"] += dup
        totals["drops"] += drops
    totals["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(totals))
    return 0 if totals["duplicates"] == totals["drops"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Sync of N offline changes from a package to its source and back (issue 14: 5,000 in under 30 s).

Usage::

    .venv/bin/python benchmarks/bench_sync.py [--changes 5000] [--tasks 50] [--demo PATH]

Builds the demo city (2,000 incidents, ``--today 2026-11-20``) into ``build/bench/sync/`` once
(or copies ``--demo``), gives ``--tasks`` new tasks to Phú Hội, makes a package for ``phu_hoi``
(a copy with an identity, registered at the source), makes the offline changes there (per task:
accept, start, then progress reports; a question per task), and times each step of the round
trip: ``export_up``, ``apply_up`` (replay through the stores, judged by the case rules),
``export_down`` and ``apply_down``. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from gisdesk.core.incidents import iso_utc, utc_now
    from gisdesk.core.users import User
    from gisdesk.store.connection import connect
    from gisdesk.store.package_meta import read_identity, register_package, write_identity
    from gisdesk.store.sync_apply import apply_up
    from gisdesk.store.sync_down import apply_down, export_down
    from gisdesk.store.sync_session import export_up
    from gisdesk.store.tasks_store import TaskStore

    ap = argparse.ArgumentParser()
    ap.add_argument("--changes", type=int, default=5000)
    ap.add_argument("--tasks", type=int, default=50)
    ap.add_argument("--demo", type=Path)
    args = ap.parse_args()
    work = ROOT / "build" / "bench" / "sync"
    work.mkdir(parents=True, exist_ok=True)
    master = args.demo or work / "demo.sqlite"
    if not master.exists():
        from sample_layers.generate import build_workspace

        build_workspace(master, incidents=2000, today="2026-11-20")
    city, pkg = work / "city.sqlite", work / "package.sqlite"
    for p in (city, pkg):
        for suffix in ("", "-wal", "-shm"):
            Path(str(p) + suffix).unlink(missing_ok=True)
    shutil.copy2(master, city)
    tasks = []
    with TaskStore(city, User("dispatcher", "", "viewer")) as d:
        incs = [r[0] for r in d.conn.execute("SELECT uuid FROM incidents WHERE commune = 'Phú Hội' LIMIT ?",
                                             (args.tasks,))]
        for i in range(args.tasks):
            t = d.create_from_incident(incs[i % len(incs)], title=f"bench task {i}")
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
    t0 = time.perf_counter()
    made = 0
    with TaskStore(pkg, User("phu_hoi", "", "viewer")) as officer:
        per_task = args.changes // len(tasks)
        for n, t in enumerate(tasks):
            officer.ask(f"question {n}", "how?", task_uuid=t.uuid)
            a = officer.transition(t.uuid, "accept", t.version)
            a = officer.transition(t.uuid, "start", a.version)
            made += 3
            for i in range(per_task - 3):
                a = officer.transition(t.uuid, "report", a.version, percent=(i % 99) + 1, note=f"step {i}")
                made += 1
    offline_s = time.perf_counter() - t0
    times = {}
    t0 = time.perf_counter()
    m = export_up(pkg, work / "up.gdsync")
    times["export_up"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = apply_up(city, work / "up.gdsync")
    times["apply_up"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    export_down(city, ident["package_id"], work / "down.gdsync", change_ids=[r["id"] for r in report.results])
    times["export_down"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    counts = apply_down(pkg, work / "down.gdsync")
    times["apply_down"] = time.perf_counter() - t0
    print(json.dumps({"changes": m["count"], "made_offline": made, "offline_writing_s": round(offline_s, 2),
                      "results": report.counts(), "down": counts,
                      **{k: round(v, 2) for k, v in times.items()}, "round_trip_s": round(sum(times.values()), 2),
                      "up_file_bytes": (work / "up.gdsync").stat().st_size}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

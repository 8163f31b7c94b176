"""Sync of N offline reference-layer edits from a package to its source and back.

Usage::

    .venv/bin/python benchmarks/bench_sync_features.py --demo PATH [--new 4500]

Copies the demo city (``--demo``: a ``hue.sqlite`` made by ``gisdesk sample``) into
``build/bench/sync_features/``, makes a package for the department officer ``moitruong`` (a copy
with an identity, registered at the source), edits it with plain SQL as QGIS would (every drain's
diameter changed, ``--new`` drains added), and times the feature log's collect plus the round trip
(``export_up``, ``apply_up``: each change judged per feature and attribute with the same-place check,
``export_down``, ``apply_down``) with :func:`gisdesk.store.sync_session.sync`. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from gisdesk.core.incidents import iso_utc, utc_now
    from gisdesk.store.connection import connect
    from gisdesk.store.package_meta import read_identity, register_package, write_identity
    from gisdesk.store.sync_session import sync

    ap = argparse.ArgumentParser()
    ap.add_argument("--demo", type=Path, required=True)
    ap.add_argument("--new", type=int, default=4500)
    args = ap.parse_args()
    work = ROOT / "build" / "bench" / "sync_features"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for f in args.demo.parent.iterdir():
        if f.name.startswith(args.demo.stem):
            shutil.copy2(f, work / f.name)
    city, pkg = work / args.demo.name, work / "package.sqlite"
    conn = connect(city)
    conn.execute("VACUUM INTO ?", (str(pkg),))
    conn.close()
    conn = connect(pkg)
    write_identity(conn, package_id=str(uuid.uuid4()), source=str(city), user="moitruong",
                   created_at=iso_utc(utc_now()), base={}, last_sync="")
    ident = read_identity(conn)
    conn.close()
    conn = connect(city)
    register_package(conn, ident)
    conn.close()
    conn = connect(pkg)
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("UPDATE drains SET diameter_mm = diameter_mm + 100")
    conn.executemany("INSERT INTO drains (code, diameter_mm, geom) VALUES (?, 300, GeomFromText(?, 32648))",
                     [(f"B{i}", f"LINESTRING({740000 + i} 1819000, {740000 + i} 1819010)") for i in range(args.new)])
    conn.execute("COMMIT")
    edit_s = time.perf_counter() - t0
    logged = conn.execute("SELECT count(*) FROM gisdesk_sync_feature_log").fetchone()[0]
    conn.close()
    t0 = time.perf_counter()
    report, counts = sync(pkg)
    sync_s = time.perf_counter() - t0
    print(json.dumps({"changes": logged, "edit_s": round(edit_s, 2), "sync_s": round(sync_s, 2),
                      "results": dict(Counter(r["result"] for r in report.results)),
                      "features_back": counts.get("features")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

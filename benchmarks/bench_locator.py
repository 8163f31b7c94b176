"""Locator (Ctrl+K / ``gisdesk locate``) on a million incidents: time per query, index build and upkeep.

    .venv/bin/python benchmarks/bench_locator.py [--workspace hue1m.sqlite] [--runs 30]

Uses the same 1,000,000-incident demo city as ``bench_dashboards.py`` (its builder writes
``build/bench/dashboards_1m.sqlite`` with ``gisdesk sample --incidents 1000000`` once). The
demo's incidents have no external ids, so every tenth one is given an Open311-style id
(``311-0000010``…: 100,000 ids) before measuring, and one incident is reported to time the
upkeep; both changes stay in the bench file.

Reported (median and 95th percentile of ``--runs`` per query, through the whole locator the
window uses: coordinate readings, the workspace index and the access filter):

- **build, cold**: no sidecar index yet: open, discover the sources, read and index them;
- **open, warm**: a new process on an unchanged workspace (the CLI's case);
- **queries** as the city dispatcher and as the commune officer of Phú Hội;
- **after a new incident**: the first search after one incident was appended (incremental upkeep).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

QUERIES = [
    ("commune, accents left out", "phu hoi"),
    ("road", "le loi"),
    ("one letter", "p"),
    ("three letters", "cau"),
    ("task title words", "traffic violation"),
    ("incident number (uuid prefix)", "{uuid8}"),
    ("incident external id", "311-0456780"),
    ("incident #fid", "#654321"),
    ("lon/lat", "107.59, 16.46"),
    ("DMS", "16°27'N 107°35'E"),
    ("UTM / VN-2000 x y", "1821000 563000"),
    ("no match", "zzqx"),
]


def ensure_external_ids(ws: Path) -> int:
    from gisdesk.store.connection import connect

    conn = connect(ws)
    try:
        if conn.execute("SELECT 1 FROM incidents WHERE external_id LIKE '311-%' LIMIT 1").fetchone() is None:
            conn.execute("UPDATE incidents SET external_id = printf('311-%07d', fid) "
                         "WHERE fid % 10 = 0 AND external_id IS NULL")
        return conn.execute("SELECT count(*) FROM incidents WHERE external_id LIKE '311-%'").fetchone()[0]
    finally:
        conn.close()


def timed(fn, runs: int) -> tuple[float, float, object]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workspace", type=Path)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    from bench_dashboards import ensure_workspace

    ws = ensure_workspace(args.workspace)
    n_ext = ensure_external_ids(ws)

    from gisdesk.core.locator import CoordinateProvider, Locator
    from gisdesk.store.connection import connect
    from gisdesk.store.locator_index import LocatorIndex
    from gisdesk.store.workspace import workspace_crs

    conn = connect(ws, read_only=True)
    (n_inc,) = conn.execute("SELECT count(*) FROM incidents").fetchone()
    (uuid,) = conn.execute("SELECT uuid FROM incidents WHERE commune = 'Phú Hội' LIMIT 1 OFFSET 500").fetchone()
    conn.close()
    crs = workspace_crs(ws)
    cache = Path(tempfile.mkdtemp(prefix="bench-locator-"))
    print(f"workspace {ws.name}: {n_inc:,} incidents, {n_ext:,} external ids; cache {cache}")

    t0 = time.perf_counter()
    idx = LocatorIndex(ws, "dispatcher", cache_dir=cache)
    idx.refresh()
    cold = (time.perf_counter() - t0) * 1000
    idx.close()
    t0 = time.perf_counter()
    idx = LocatorIndex(ws, "dispatcher", cache_dir=cache)
    idx.refresh()
    warm = (time.perf_counter() - t0) * 1000
    print(f"\n| step | time |\n|---|---|\n| build, cold (index every source) | {cold:,.0f} ms |\n"
          f"| open, warm (new process, unchanged workspace) | {warm:,.0f} ms |")

    officer = LocatorIndex(ws, "phu_hoi", cache_dir=cache)
    users = {"dispatcher": Locator([CoordinateProvider(crs), idx]),
             "phu_hoi": Locator([CoordinateProvider(crs), officer])}
    print("\n| query | text | dispatcher: median / p95 | results | Phú Hội officer: median / p95 | results |")
    print("|---|---|---|---|---|---|")
    for label, text in QUERIES:
        text = text.format(uuid8=uuid[:8])
        row = [label, f"`{text}`"]
        for loc in users.values():
            loc.search(text, 8)  # warm the page cache once
            med, p95, out = timed(lambda loc=loc, text=text: loc.search(text, 8), args.runs)
            row += [f"{med:.1f} / {p95:.1f} ms", str(len(out))]
        print("| " + " | ".join(row) + " |")

    from gisdesk.core.incidents import Incident
    from gisdesk.store.incidents_store import IncidentStore
    import shapely

    with IncidentStore(ws, "dispatcher") as store:
        poly = store.communes.polygons[store.communes.names.index("Phú Hội")]
        new = store.create(Incident(category="flooding", geometry=shapely.point_on_surface(poly)),
                           external_id="311-BENCH-NEW")
    t0 = time.perf_counter()
    found = users["dispatcher"].search("311-BENCH-NEW", 8)
    after = (time.perf_counter() - t0) * 1000
    assert any(r.target and r.target.key == new for r in found), "the new incident was not found"
    print(f"\n| first search after one incident was added (incremental upkeep) | {after:.1f} ms |")
    idx.close()
    officer.close()


if __name__ == "__main__":
    main()

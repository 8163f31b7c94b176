#!/usr/bin/env python3
"""Issue 18: gisdesk against QGIS at every zoom and size, interleaved in one run.

usage: .venv/bin/python benchmarks/bench_zoom.py [--out build/bench] [--cache DIR] [--sizes 100k,1m,3m,10m]
                                                 [--runs 2] [--parts layers,points,cancel]

- ``layers``: the 1M points, 100k polygons and 20k lines of ``shared/bench/make_layers.py`` at
  full extent, 1/10 and 1/100 of the layer's width (1920x1080, centred on the layer).
- ``points``: point layers of 100k, 1M, 3M and 10M points at full extent, half width, 1/10, 1/100.
- ``cancel``: in one process, a render of the biggest point layer's full extent is replaced by a
  zoomed view while SQLite reads (the file already open, as in a running window); the time
  from the cancel to the old job raising ``RenderCancelled``, and a pan after a full view and
  after a zoomed first view.

For each case, in this order: ``gisdesk render`` in two new processes (repeat 1 = cold: nothing
cached in the process; repeats 2.. = warm, data cached, image cache off) and QGIS
(``shared/bench/qgis_render.py --bbox``, its first render and the median of ``--runs`` after it).
Wall time and CPU time of the render (all threads: ``time.process_time`` in each process), and
the peak RSS of each process (``os.wait4``). Synthetic files are written once to ``--cache``
(default ``/tmp/gisdesk-bench``; the 10M file is 1.4 GB and takes ~6 minutes): never committed.
Writes ``zoom_results.jsonl`` and prints Markdown tables; images ``zoom_<case>_{gisdesk,qgis}.png``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1920, 1080)
FRACTIONS = {"full": None, "1/2": 0.5, "1/10": 0.1, "1/100": 0.01}
COUNTS = {"100k": 100_000, "1m": 1_000_000, "3m": 3_000_000, "10m": 10_000_000}


def run_measured(cmd: list[str], timeout: float = 3600) -> tuple[str, float, float, float]:
    """stdout, wall s, CPU s (user + system) and peak RSS (MB) of one child process."""
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
        out = p.stdout.read()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            err.seek(0)
            sys.exit(f"failed: {' '.join(cmd)}\n{err.read().decode()[-3000:]}")
    return out, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def layer_extent(db: Path, layer: str) -> tuple[float, float, float, float]:
    sys.path.insert(0, str(ROOT))
    from gisdesk.store.datasource import DataSource

    with DataSource(db) as ds:
        return ds.extent(ds.layer(layer))


def view_box(ext, frac: float | None) -> str | None:
    if frac is None:
        return None
    w = (ext[2] - ext[0]) * frac
    h = w * SIZE[1] / SIZE[0]
    cx, cy = (ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2
    return f"{cx - w / 2:.3f},{cy - h / 2:.3f},{cx + w / 2:.3f},{cy + h / 2:.3f}"


def gisdesk(db: Path, layer: str, bbox: str | None, png: Path, repeat: int, processes: int = 2) -> dict:
    cmd = [sys.executable, "-m", "gisdesk.cli", "render", str(db), "--layers", layer, "--size", f"{SIZE[0]}x{SIZE[1]}",
           "-o", str(png), "--repeat", str(repeat), "--no-image-cache", "--no-labels"]
    if bbox:
        cmd += ["--bbox", bbox]
    cold, warm, rss = [], [], []
    for _ in range(processes):
        out, _wall, _cpu, peak = run_measured(cmd)
        rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        cold.append(rows[0])
        warm += rows[1:]
        rss.append(peak)
    cold.sort(key=lambda r: r["total"])
    c = cold[len(cold) // 2]
    return {"cold_s": c["total"], "cold_cpu_s": c["cpu"], "cold_read_s": c["query_decode"], "cold_draw_s": c["draw"],
            "warm_s": statistics.median(r["total"] for r in warm), "warm_cpu_s": statistics.median(r["cpu"] for r in warm),
            "rss_mb": max(rss)}


def qgis(shared: Path, db: Path, layer: str, bbox: str | None, png: Path, runs: int) -> dict:
    cmd = ["/usr/bin/python3", str(shared / "bench" / "qgis_render.py"), str(db), layer, "--size", f"{SIZE[0]}x{SIZE[1]}",
           "--runs", str(runs), "--out", str(png)]
    if bbox:
        cmd += ["--bbox", bbox]
    out, _wall, _cpu, peak = run_measured(cmd)
    vals: dict[str, list[float]] = {}
    for line in out.splitlines():
        k, _, v = line.partition(" ")
        try:
            vals.setdefault(k, []).append(float(v))
        except ValueError:
            pass
    return {"first_s": vals["first_render_s"][0], "cpu_first_s": vals["cpu_s"][0], "median_s": vals["median_render_s"][0],
            "cpu_s": statistics.median(vals["cpu_s"][1:]), "rss_mb": peak}


def make_points(shared: Path, cache: Path, name: str) -> Path:
    db = cache / f"pts_{name}.sqlite"
    if not db.exists():
        print(f"writing {name} points to {db} …", file=sys.stderr)
        tmp = db.with_suffix(".part")
        subprocess.run(["/usr/bin/python3", str(shared / "bench" / "make_layers.py"), str(tmp), "--points",
                        str(COUNTS[name])], check=True)
        tmp.rename(db)
    return db


def record(out: Path, row: dict) -> None:
    row["load"] = os.getloadavg()[0]
    with (out / "zoom_results.jsonl").open("a") as f:
        f.write(json.dumps(row) + "\n")
    print(json.dumps(row), file=sys.stderr, flush=True)


def case(a, db: Path, layer: str, label: str, frac: float | None, repeat: int = 4) -> None:
    ext = layer_extent(db, layer)
    bbox = view_box(ext, frac)
    tag = f"{label}_{layer}_{'full' if frac is None else str(frac).replace('.', '_')}"
    g = gisdesk(db, layer, bbox, a.out / f"zoom_{tag}_gisdesk.png", repeat)
    q = qgis(a.shared, db, layer, bbox, a.out / f"zoom_{tag}_qgis.png", a.runs)
    record(a.out, {"case": label, "layer": layer, "view": "full" if frac is None else f"1/{round(1 / frac)}",
                   "bbox": bbox, "gisdesk": g, "qgis": q})


def cancel_part(a, db: Path) -> None:
    """Cancel latency and pans, in one process (see the module notes)."""
    code = f"""
import json, time, sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from gisdesk.core.layers import VectorLayer
from gisdesk.core.default_styles import demo_style
from gisdesk.render.renderer import Renderer, RenderCancelled
from gisdesk.render.view import MapView
db = {str(db)!r}
ext = {layer_extent(db, 'pts')!r}
W, H = ext[2] - ext[0], ext[3] - ext[1]
cx, cy = (ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2
def view(frac, dx=0.0):
    w = W * frac; h = w * 1080 / 1920
    return MapView.fit((cx + dx * W - w / 2, cy - h / 2, cx + dx * W + w / 2, cy + h / 2), 1920, 1080, "EPSG:3857")
lyr = VectorLayer(db, "pts", demo_style("pts", "point"))
out = {{"cancel_ms": [], "new_view_s": []}}
for delay in (0.2, 0.4, 0.6, 0.8, 1.0):
    r = Renderer(prefetch=False)
    r.render([lyr], view(0.0005), use_image_cache=False, labels=False)  # the file open, as in a running window
    f1, t1 = r.submit([lyr], view(1.1), use_image_cache=False, labels=False)
    time.sleep(delay)
    t = time.perf_counter()
    f2, t2 = r.submit([lyr], view(0.01), use_image_cache=False, labels=False)   # cancels the first
    try:
        f1.result(); out["cancel_ms"].append(None)   # finished before the cancel
    except RenderCancelled:
        out["cancel_ms"].append(round((time.perf_counter() - t) * 1000, 1))
    f2.result(); out["new_view_s"].append(round(time.perf_counter() - t, 3))
    r.close()
r = Renderer()
t = time.perf_counter(); r.render([lyr], view(1.1), use_image_cache=False, labels=False); out["full_cold_s"] = time.perf_counter() - t
pans = []
for k in range(1, 4):
    t = time.perf_counter(); r.render([lyr], view(0.5, 0.1 * k), use_image_cache=False, labels=False); pans.append(time.perf_counter() - t)
out["pan_after_full_s"] = pans
r.close()
r = Renderer()
t = time.perf_counter(); r.render([lyr], view(0.1), use_image_cache=False, labels=False); out["zoomed_first_s"] = time.perf_counter() - t
t = time.perf_counter(); r.render([lyr], view(0.1, 0.2), use_image_cache=False, labels=False); out["pan_before_background_s"] = time.perf_counter() - t
t = time.perf_counter(); r.wait_for_background(); out["background_wait_s"] = time.perf_counter() - t
t = time.perf_counter(); r.render([lyr], view(0.1, -0.2), use_image_cache=False, labels=False); out["pan_after_background_s"] = time.perf_counter() - t
r.close()
print(json.dumps(out))
"""
    out, wall, cpu, rss = run_measured([sys.executable, "-c", code])
    res = json.loads(out.strip().splitlines()[-1])
    record(a.out, {"case": "cancel", "db": str(db), **res, "process_rss_mb": rss})


def report(path: Path) -> None:
    """Markdown tables of ``zoom_results.jsonl`` (the last row of each case wins)."""
    rows: dict[tuple, dict] = {}
    cancel = None
    for line in path.read_text().splitlines():
        r = json.loads(line)
        if r["case"] == "cancel":
            cancel = r
        else:
            rows[(r["case"], r["layer"], r["view"])] = r

    def ratio(q: float, g: float) -> str:
        return f"{q / g:.2f}x" if g > 0 else "n/a"

    print("| case | view | gisdesk cold s (CPU) | gisdesk warm s (CPU) | QGIS first s (CPU) | QGIS median s (CPU) "
          "| QGIS/gisdesk cold (wall, CPU) | QGIS/gisdesk warm (wall, CPU) | peak RSS gisdesk / QGIS MB | load |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (c, layer, view), r in rows.items():
        g, q = r["gisdesk"], r["qgis"]
        print(f"| {c.replace('points_', '')} {layer} | {view} | {g['cold_s']:.3f} ({g['cold_cpu_s']:.3f}) | "
              f"{g['warm_s']:.3f} ({g['warm_cpu_s']:.3f}) | {q['first_s']:.3f} ({q['cpu_first_s']:.3f}) | "
              f"{q['median_s']:.3f} ({q['cpu_s']:.3f}) | {ratio(q['median_s'], g['cold_s'])}, "
              f"{ratio(q['cpu_s'], g['cold_cpu_s'])} | {ratio(q['median_s'], g['warm_s'])}, "
              f"{ratio(q['cpu_s'], g['warm_cpu_s'])} | {g['rss_mb']:.0f} / {q['rss_mb']:.0f} | {r['load']:.1f} |")
    if cancel:
        print("\n" + json.dumps({k: v for k, v in cancel.items() if k != "case"}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("/work/shared") if Path("/work/shared/bench").exists() else ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/gisdesk-bench"))
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--sizes", default="100k,1m,3m,10m")
    ap.add_argument("--parts", default="layers,points,cancel")
    ap.add_argument("--views", default="full,1/10,1/100")
    ap.add_argument("--report", action="store_true", help="only print the tables of the last results")
    a = ap.parse_args()
    if a.report:
        report(a.out / "zoom_results.jsonl")
        return 0
    a.out.mkdir(parents=True, exist_ok=True)
    a.cache.mkdir(parents=True, exist_ok=True)
    parts = set(a.parts.split(","))
    print(f"load average at start: {os.getloadavg()}", file=sys.stderr)
    if "layers" in parts:
        db = a.out / "bench.sqlite"
        if not db.exists():
            subprocess.run(["/usr/bin/python3", str(a.shared / "bench" / "make_layers.py"), str(db), "--points", "1000000",
                            "--polygons", "100000", "--lines", "20000"], check=True)
        for layer in ("pts", "polys", "lines"):
            for v in a.views.split(","):
                case(a, db, layer, "layers", FRACTIONS[v])
    sizes = [s for s in a.sizes.split(",") if s]
    if "points" in parts:
        for name in sizes:
            db = make_points(a.shared, a.cache, name)
            for v in ("full", "1/2", "1/10", "1/100"):
                case(a, db, "pts", f"points_{name}", FRACTIONS[v])
    if "cancel" in parts and sizes:
        cancel_part(a, make_points(a.shared, a.cache, sizes[-1]))
    print(f"load average at end: {os.getloadavg()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

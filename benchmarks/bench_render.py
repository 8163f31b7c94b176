#!/usr/bin/env python3
"""Time ``gisdesk render`` against QGIS on the same SpatiaLite file and image size.

usage: .venv/bin/python benchmarks/bench_render.py [--shared ../shared] [--runs 3] [--out build/bench]

1. Writes the synthetic layers with ``shared/bench/make_layers.py`` (1,000,000 points,
   100,000 polygons, 20,000 lines; SpatiaLite's own SQL, run with the system Python)
   unless the file is already there.
2. For each layer, runs ``gisdesk render`` in three new processes (the first repeat
   of each is cold: nothing cached in the process; the median is reported; later
   repeats re-draw from cached data with the image cache off, median reported) and
   ``shared/bench/qgis_render.py`` (median of its runs, after its warm-up).
3. Renders a view of the demo city's flood-depth raster the same way.
4. Prints a Markdown table with the targets and the ratios.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = "1920x1080"
TARGETS = {  # cold: fraction of QGIS's time; warm: seconds
    "pts": (1 / 10, 0.100), "polys": (1 / 5, 0.150), "lines": (1 / 5, 0.100),
}


def run(cmd: list[str], **kw) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    return proc.stdout


def gisdesk_times(db: Path, layer: str, out: Path, repeat: int, bbox: str | None = None,
                  processes: int = 3) -> tuple[float, float, dict]:
    """Median cold time (first repeat of each new process), median warm time, phases of the median cold run."""
    cmd = [sys.executable, "-m", "gisdesk.cli", "render", str(db), "--layers", layer, "--size", SIZE,
           "-o", str(out), "--repeat", str(repeat), "--no-image-cache"]
    if bbox:
        cmd += ["--bbox", bbox]
    colds, warms = [], []
    for _ in range(processes):
        rows = [json.loads(line) for line in run(cmd).splitlines() if line.startswith("{")]
        colds.append(rows[0])
        warms += [r["total"] for r in rows[1:]]
    colds.sort(key=lambda r: r["total"])
    cold = colds[len(colds) // 2]
    return cold["total"], statistics.median(warms), cold


def qgis_time(shared: Path, db: Path, layer: str, runs: int, out: Path) -> float | None:
    script = shared / "bench" / "qgis_render.py"
    try:
        text = run(["/usr/bin/python3", str(script), str(db), layer, "--size", SIZE, "--runs", str(runs), "--out", str(out)],
                   timeout=1800)
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return None
    for line in text.splitlines():
        if line.startswith("median_render_s"):
            return float(line.split()[1])
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--layers", default="pts,polys,lines")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    db = a.out / "bench.sqlite"
    if not db.exists():
        print("writing synthetic layers (takes about a minute) …", file=sys.stderr)
        run(["/usr/bin/python3", str(a.shared / "bench" / "make_layers.py"), str(db),
             "--points", "1000000", "--polygons", "100000", "--lines", "20000"])
    rows = []
    for layer in a.layers.split(","):
        cold, warm, phases = gisdesk_times(db, layer, a.out / f"gisdesk_{layer}.png", a.runs + 1)
        q = qgis_time(a.shared, db, layer, a.runs, a.out / f"qgis_{layer}.png")
        rows.append((layer, cold, warm, q, phases))
        print(f"{layer}: gisdesk cold {cold:.3f}s warm {warm:.3f}s, QGIS {q if q is None else round(q, 3)}s",
              file=sys.stderr)
    demo = a.out / "demo" / "hue_demo.sqlite"
    if not demo.exists():
        demo.parent.mkdir(parents=True, exist_ok=True)
        run([sys.executable, "-m", "gisdesk.cli", "sample", "--out", str(demo)])
    r_cold, r_warm, _ = gisdesk_times(demo, "flood_depth", a.out / "gisdesk_flood_depth.png", a.runs + 1)

    print(f"\nMachine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
          f"Python {platform.python_version()}\n")
    print("| layer | QGIS render (s) | gisdesk cold (s) | cold / QGIS | target | gisdesk warm (s) | target |")
    print("|---|---|---|---|---|---|---|")
    for layer, cold, warm, q, phases in rows:
        frac, warm_target = TARGETS.get(layer, (1 / 5, 0.150))
        ratio = f"1/{q / cold:.1f}" if q else "n/a"
        ok_c = "met" if q and cold <= q * frac else "MISSED"
        ok_w = "met" if warm <= warm_target else "MISSED"
        print(f"| {layer} | {q:.2f} | {cold:.3f} | {ratio} | <= 1/{round(1 / frac)} ({ok_c}) | {warm:.3f} | "
              f"<= {warm_target:.3f} ({ok_w}) |" if q else
              f"| {layer} | n/a | {cold:.3f} | n/a | <= 1/{round(1 / frac)} | {warm:.3f} | <= {warm_target:.3f} ({ok_w}) |")
    print(f"| flood raster view | | {r_cold:.3f} | | | {r_warm:.3f} | <= 0.100 ({'met' if r_warm <= 0.1 else 'MISSED'}) |")
    print("\nCold phases (s):")
    for layer, _c, _w, _q, ph in rows:
        print(f"- {layer}: " + ", ".join(f"{k} {ph[k]:.3f}" for k in ("open", "query_decode", "draw", "total")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

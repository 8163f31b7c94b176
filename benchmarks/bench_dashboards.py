"""Dashboards panel on a million incidents: time to show every card and chart, and to follow a filter.

    .venv/bin/python benchmarks/bench_dashboards.py [--workspace hue1m.sqlite] [--runs 5]

Writes ``build/bench/dashboards_1m.sqlite`` with ``gisdesk sample --incidents 1000000`` when no
workspace is given (once). Runs Qt offscreen in this process, through the plugin API
(headless plugin manager, the shipped ``plugins/dashboards``), signed in as the city
dispatcher. mod_spatialite is loaded once before timing, as it is in the running app.

Reported, median of ``--runs``:

- **open, cold, new process** (``--runs`` child processes, each opening the panel once, as the
  window does: the plugin's modules imported and the panel built at start-up, the incidents read
  when the dock is first shown): the import of the panel's modules (pyqtgraph), building the
  widgets, and the open itself: incidents read (the store's ``incident_codes`` when the workspace
  has them, else one bulk query of the incident table), every card and chart set and painted;
- **open, cold** in this process (modules already imported): panel made, read, set and painted
  (no column cache);
- **open, cached**: the same with the column cache of an unchanged workspace (a workspace
  with ``incident_codes`` needs no cache: this is a second cold open);
- **filter change**: one change (commune, category, date range, clear) recomputed from the
  numpy columns (count cubes), set on every card, chart, table and the hotspot layer, and the
  events processed (Qt paints what changed, as the window does); also with a forced repaint of
  the whole panel (what earlier figures measured).

Each figure is wall time and, in brackets, this process's CPU time (all threads): on a
shared, loaded machine the CPU time is the steadier one. The machine's load is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins" / "dashboards"))


def ensure_workspace(path: Path | None) -> Path:
    if path is not None:
        return path
    target = ROOT / "build" / "bench" / "dashboards_1m.sqlite"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "gisdesk.cli", "sample", "--out", str(target), "--incidents",
                        "1000000"], check=True)
    return target


def setup(ws: Path):
    """Qt offscreen, the shipped dashboards plugin in a headless manager, signed in as the dispatcher."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from gisdesk.plugins.host import HeadlessHost
    from gisdesk.plugins.manager import PluginManager
    from gisdesk.store.connection import connect
    from gisdesk.store.users_store import UserStore
    from gisdesk.ui.sign_in import as_plugin_user
    from sample_layers import DEMO_PASSWORD

    connect(ws, read_only=True, spatialite=True).close()  # the app has mod_spatialite loaded already
    with UserStore(ws) as store:
        user = as_plugin_user(store.authenticate("dispatcher", DEMO_PASSWORD))
    state = Path(tempfile.mkdtemp(prefix="bench-dash-"))
    host = HeadlessHost(workspace=ws)
    host.user = user
    manager = PluginManager(host, folders=[(ROOT / "plugins" / "dashboards", "dir")], entry_points=False,
                            state_dir=state / "ps", raise_errors=True)
    manager.start()
    ctx = manager.records[0].context
    if ctx.user.username != "dispatcher":  # the headless host may not carry a user: say what was measured
        print(f"note: measured as {ctx.user.username} ({ctx.user.role})", file=sys.stderr)
    return app, ctx, manager, state


def child(ws: Path) -> None:
    """One cold open in this new process, in the window's order; prints the figures as JSON (ms)."""
    app, ctx, manager, state = setup(ws)
    out: dict[str, float] = {}
    t0, c0 = time.perf_counter(), time.process_time()
    from dashboards.panel import DashboardPanel  # the window imports it when the plugin adds its panel

    t1, c1 = time.perf_counter(), time.process_time()
    panel = DashboardPanel(ctx, background=True, cache_dir=state / "cache")  # built at start, not yet shown
    panel.resize(1600, 1000)
    t2, c2 = time.perf_counter(), time.process_time()
    panel.reload(False)  # the window reads on a worker when the dock is first shown; here at once
    panel.show()
    app.processEvents()  # laid out and painted
    t3, c3 = time.perf_counter(), time.process_time()
    for key, (a, b, ca, cb) in {"import": (t0, t1, c0, c1), "build": (t1, t2, c1, c2), "open": (t2, t3, c2, c3),
                                "total": (t0, t3, c0, c3)}.items():
        out[key], out[key + "_cpu"] = 1000 * (b - a), 1000 * (cb - ca)
    out["load"] = 1000 * panel.timings["load"]
    if not panel.ready or len(panel.model.cols) == 0:
        raise SystemExit("the panel did not load")
    print(json.dumps(out))
    manager.shutdown()
    shutil.rmtree(state, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workspace", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--child", action="store_true", help="one cold open in this new process, as JSON")
    args = ap.parse_args()
    ws = ensure_workspace(args.workspace)
    if args.child:
        return child(ws)
    cold_process = []
    for _ in range(args.runs):  # first, while no other run of this script has touched the file this minute
        out = subprocess.run([sys.executable, __file__, "--workspace", str(ws), "--child"], check=True,
                             capture_output=True, text=True).stdout
        cold_process.append(json.loads(out.strip().splitlines()[-1]))

    app, ctx, manager, state = setup(ws)
    from dashboards.panel import DashboardPanel

    def open_panel(cache: Path) -> tuple[float, float, DashboardPanel]:
        t0, c0 = time.perf_counter(), time.process_time()
        panel = DashboardPanel(ctx, background=False, cache_dir=cache)
        panel.resize(1600, 1000)
        panel.show()
        app.processEvents()
        panel.repaint()  # what is on screen is painted
        return time.perf_counter() - t0, time.process_time() - c0, panel

    cold, cached, changes, repaints, computes, loads = [], [], [], [], [], []
    cpu: dict[str, list[float]] = {"cold": [], "cached": [], "change": [], "repaint": []}
    for run in range(args.runs):
        cache = state / f"cache{run}"
        t, c, p = open_panel(cache)
        cold.append(t)
        cpu["cold"].append(c)
        p.hotspots.remove()
        p.close()
        t, c, p = open_panel(cache)
        cached.append(t)
        cpu["cached"].append(c)
        loads.append(p.timings["load"])
        n = len(p.model.cols)
        end = p.filter.end_day
        for repaint in (False, True):
            for change in ({"commune": "Phú Hội"}, {"category": "flooding"}, {"start_day": end - 6},
                           {"commune": None, "category": None, "start_day": end - 89}):
                t0, c0 = time.perf_counter(), time.process_time()
                p.set_filter(**change)
                app.processEvents()  # Qt lays out and paints what changed
                if repaint:
                    p.repaint()  # and everything else again
                (repaints if repaint else changes).append(time.perf_counter() - t0)
                cpu["repaint" if repaint else "change"].append(time.process_time() - c0)
                if not repaint:
                    computes.append(p.timings["update"])
        p.hotspots.remove()
        p.close()

    def ms(v: list[float]) -> str:
        return f"{1000 * statistics.median(v):.0f} ms (min {1000 * min(v):.0f}, max {1000 * max(v):.0f})"

    def cpu_ms(v: list[float]) -> str:
        return f"[CPU {1000 * statistics.median(v):.0f} ms]"

    def pm(key: str) -> str:
        v = [r[key] / 1000 for r in cold_process]
        return f"{ms(v)} [CPU {statistics.median(r[key + '_cpu'] for r in cold_process):.0f} ms]"

    print(f"workspace: {ws} ({n:,} incidents), {args.runs} runs, load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs")
    print("open, cold, new process (each run its own process):")
    print(f"  import the panel's modules (pyqtgraph): {pm('import')}")
    print(f"  build the widgets (at window start):    {pm('build')}")
    print(f"  open: read, set and paint:              {pm('open')}")
    print(f"    of which reading the incidents:       {ms([r['load'] / 1000 for r in cold_process])}")
    print(f"  all three:                              {pm('total')}")
    print(f"open, cold, in this process:          {ms(cold)} {cpu_ms(cpu['cold'])}")
    print(f"open, cached columns:                 {ms(cached)} {cpu_ms(cpu['cached'])}")
    print(f"  of which reading the cache + tables: {ms(loads)}")
    print(f"filter change (Qt paints what changed): {ms(changes)} {cpu_ms(cpu['change'])}  [{len(changes)} changes]")
    print(f"  of which computing + setting data:  {ms(computes)}")
    print(f"filter change + repaint of everything: {ms(repaints)} {cpu_ms(cpu['repaint'])}")
    manager.shutdown()
    shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    main()

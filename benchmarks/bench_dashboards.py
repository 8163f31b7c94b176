"""Dashboards panel on a million incidents: time to show every card and chart, and to follow a filter.

    .venv/bin/python benchmarks/bench_dashboards.py [--workspace hue1m.sqlite] [--runs 5]

Writes ``build/bench/dashboards_1m.sqlite`` with ``gisdesk sample --incidents 1000000`` when no
workspace is given (once). Runs Qt offscreen in this process, through the plugin API
(headless plugin manager, the shipped ``plugins/dashboards``), signed in as the city
dispatcher. mod_spatialite is loaded once before timing, as it is in the running app.

Reported, median of ``--runs``:

- **open, cold**: panel made and shown, incidents read from the workspace (the store's
  ``incident_codes`` when the workspace has them, else one bulk query of the incident
  table), every card and chart set and painted (no column cache);
- **open, cached**: the same with the column cache of an unchanged workspace (a workspace
  with ``incident_codes`` needs no cache: this is a second cold open);
- **filter change**: one change (commune, category, date range, clear) recomputed from the
  numpy columns (count cubes), set on every card, chart, table and the hotspot layer, and
  painted.

Each figure is wall time and, in brackets, this process's CPU time (all threads): on a
shared, loaded machine the CPU time is the steadier one. The machine's load is printed.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workspace", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    ws = ensure_workspace(args.workspace)

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
        print(f"note: measured as {ctx.user.username} ({ctx.user.role})")
    from dashboards.panel import DashboardPanel

    def open_panel(cache: Path) -> tuple[float, float, DashboardPanel]:
        t0, c0 = time.perf_counter(), time.process_time()
        panel = DashboardPanel(ctx, background=False, cache_dir=cache)
        panel.resize(1600, 1000)
        panel.show()
        app.processEvents()
        panel.repaint()  # what is on screen is painted
        return time.perf_counter() - t0, time.process_time() - c0, panel

    cold, cached, changes, computes, loads = [], [], [], [], []
    cpu = {"cold": [], "cached": [], "change": []}
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
        for change in ({"commune": "Phú Hội"}, {"category": "flooding"}, {"start_day": end - 6},
                       {"commune": None, "category": None, "start_day": end - 89}):
            t0, c0 = time.perf_counter(), time.process_time()
            p.set_filter(**change)
            app.processEvents()
            p.repaint()
            changes.append(time.perf_counter() - t0)
            cpu["change"].append(time.process_time() - c0)
            computes.append(p.timings["update"])
        p.hotspots.remove()
        p.close()

    def ms(v: list[float]) -> str:
        return f"{1000 * statistics.median(v):.0f} ms (min {1000 * min(v):.0f}, max {1000 * max(v):.0f})"

    def cpu_ms(v: list[float]) -> str:
        return f"[CPU {1000 * statistics.median(v):.0f} ms]"

    print(f"workspace: {ws} ({n:,} incidents), {args.runs} runs, load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs")
    print(f"open, cold (read from the workspace): {ms(cold)} {cpu_ms(cpu['cold'])}")
    print(f"open, cached columns:                 {ms(cached)} {cpu_ms(cpu['cached'])}")
    print(f"  of which reading the cache + tables: {ms(loads)}")
    print(f"filter change (incl. paint):          {ms(changes)} {cpu_ms(cpu['change'])}  [{len(changes)} changes]")
    print(f"  of which computing + setting data:  {ms(computes)}")
    manager.shutdown()
    shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Issue 13 §5: gisdesk against QGIS reading the same PostGIS tables, interleaved in one run.

usage: .venv/bin/python benchmarks/bench_postgis.py [--out build/bench] [--cache /tmp/gisdesk-pgbench]
                                                    [--parts layers,cancel,dashboards] [--runs 2] [--keep]

- A throw-away PostgreSQL + PostGIS cluster (``initdb`` as the ``postgres`` OS user when run as
  root, a Unix socket in ``--cache``, no TCP port, ``fsync=off``), ``gisdesk server init`` and
  ``gisdesk server publish`` of the synthetic layers of ``shared/bench/make_layers.py``
  (1M points ``pts``, 100k 19-vertex polygons ``polys``, 20k 50-vertex lines ``lines``, EPSG:3857,
  a GiST index each). ``--keep`` leaves the cluster running and its data in ``--cache`` for the
  next run (the publication takes about a minute).
- ``layers``: each layer at full extent, 1/10 and 1/100 of its width (1920x1080, centred): ``gisdesk
  render URL`` in new processes (``--repeat 2``: the first render is cold, nothing cached in the
  process) and QGIS's ``postgres`` provider (``benchmarks/qgis_pg_render.py``, first render and
  the median of ``--runs``, each run reloading the layer so the rows come from the server again).
- ``cancel``: a full-extent read of the 1M points through the renderer's cancel token is
  cancelled 0.05-0.2 s in (the read takes about 0.3 s); the time from ``cancel()`` to ``ReadCancelled``.
- ``dashboards``: 1,000,000 incidents on the server (generated in SQL), the dashboards'
  columns read from the URL as the city dispatcher's login.

Wall and CPU time (the client process's; PostgreSQL's own backend CPU is not counted for either
side) and the load average are written to ``pg_results.jsonl`` and printed as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_zoom import SIZE, gisdesk, run_measured, view_box  # noqa: E402

FRACTIONS = {"full": None, "1/10": 0.1, "1/100": 0.01}
LAYERS = ("pts", "polys", "lines")


def _bindir() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: float(p.parent.parent.name))
    if not found:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql postgresql-15-postgis-3)")
    return found[-1].parent


class Cluster:
    """A PostgreSQL cluster in ``base`` on a socket there; started on creation."""

    def __init__(self, base: Path) -> None:
        self.base, self.bindir = base, _bindir()
        self.data, self.sock = base / "data", base / "sock"
        self.port = 55432
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        fresh = not self.data.exists()
        if fresh:
            self.sock.mkdir(parents=True, exist_ok=True)
            if self.run_as:
                pw = pwd.getpwnam("postgres")
                for p in (base, self.sock):
                    os.chown(p, pw.pw_uid, pw.pw_gid)
            self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(base / "server.log"), "-w", "-o",
                  f"-p {self.port} -k {self.sock} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                  "-c shared_buffers=256MB", "start")
        self.fresh = fresh

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.run_as, str(self.bindir / tool), *args], check=True, capture_output=True)

    def url(self, db: str, user: str = "postgres") -> str:
        return f"postgresql://{user}@/{db}?host={self.sock}&port={self.port}"

    def conninfo(self, db: str) -> str:
        return f"dbname={db} host={self.sock} port={self.port} user=postgres"

    def stop(self, remove: bool) -> None:
        subprocess.run([*self.run_as, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"],
                       capture_output=True)
        if remove:
            shutil.rmtree(self.base, ignore_errors=True)


def prepare(cl: Cluster, shared: Path, cache: Path) -> None:
    """Create the database ``bench``, init it and publish the synthetic layers (once)."""
    import psycopg

    with psycopg.connect(cl.url("postgres"), autocommit=True) as su:
        if su.execute("SELECT 1 FROM pg_database WHERE datname = 'bench'").fetchone():
            return
        su.execute("CREATE DATABASE bench")
    db = cache / "layers.sqlite"
    if not db.exists():
        subprocess.run(["/usr/bin/python3", str(shared / "bench" / "make_layers.py"), str(db), "--points", "1000000",
                        "--polygons", "100000", "--lines", "20000"], check=True)
    from gisdesk.store.server import init_server
    from gisdesk.store.server_publish import publish_workspace

    init_server(cl.url("bench"))
    t = time.perf_counter()
    report = publish_workspace(db, cl.url("bench"))
    print(f"published {report.layers} in {time.perf_counter() - t:.1f} s", file=sys.stderr)


def layer_extent(cl: Cluster, layer: str) -> tuple[float, float, float, float]:
    import psycopg

    with psycopg.connect(cl.url("bench")) as c:
        return tuple(c.execute(f"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                               f"(SELECT ST_Extent(geom)::geometry e FROM {layer}) s").fetchone())


def qgis(cl: Cluster, layer: str, bbox: str | None, png: Path, runs: int) -> dict:
    cmd = ["/usr/bin/python3", str(ROOT / "benchmarks" / "qgis_pg_render.py"), cl.conninfo("bench"), layer,
           "--size", f"{SIZE[0]}x{SIZE[1]}", "--runs", str(runs), "--out", str(png)]
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
    cpus = vals["cpu_s"][1:]
    return {"first_s": vals["first_render_s"][0], "median_s": vals["median_render_s"][0],
            "cpu_s": sorted(cpus)[len(cpus) // 2], "rss_mb": peak}


def record(out: Path, row: dict) -> None:
    row["load"] = os.getloadavg()[0]
    with (out / "pg_results.jsonl").open("a") as f:
        f.write(json.dumps(row) + "\n")
    print(json.dumps(row), file=sys.stderr, flush=True)


def layers_part(a, cl: Cluster) -> None:
    for layer in a.layers.split(","):
        ext = layer_extent(cl, layer)
        for view, frac in FRACTIONS.items():
            bbox = view_box(ext, frac)
            tag = f"pg_{layer}_{view.replace('/', '_')}"
            g = gisdesk(cl.url("bench"), layer, bbox, a.out / f"{tag}_gisdesk.png", 2, processes=a.processes)
            q = qgis(cl, layer, bbox, a.out / f"{tag}_qgis.png", a.runs)
            record(a.out, {"case": "layer", "layer": layer, "view": view, "bbox": bbox, "gisdesk": g, "qgis": q})


def cancel_part(a, cl: Cluster) -> None:
    code = f"""
import json, threading, time
from gisdesk.render.renderer import CancelToken
from gisdesk.store.pg_datasource import ServerDataSource
from gisdesk.store.reader import ReadCancelled, read_features
out = []
with ServerDataSource({cl.url('bench')!r}) as ds:
    lyr = ds.layer("pts")
    read_features(ds, lyr, (0, 0, 1, 1))  # connected, as in a running window
    for delay in (0.05, 0.1, 0.2):
        tok = CancelToken(); at = []
        def later():
            time.sleep(delay); at.append(time.perf_counter()); tok.cancel()
        th = threading.Thread(target=later); th.start()
        try:
            read_features(ds, lyr, cancelled=lambda: tok.cancelled, on_cancel=tok.on_cancel); out.append(None)
        except ReadCancelled:
            out.append(round((time.perf_counter() - at[0]) * 1000, 1))
        th.join()
print(json.dumps(out))
"""
    out, *_ = run_measured([sys.executable, "-c", code])
    record(a.out, {"case": "cancel", "cancel_ms": json.loads(out.strip().splitlines()[-1])})


def report(path: Path) -> None:
    """Markdown tables of ``pg_results.jsonl`` (the last row of each case wins)."""
    rows: dict[tuple, dict] = {}
    other: dict[tuple, dict] = {}
    for line in path.read_text().splitlines():
        r = json.loads(line)
        if r["case"] == "layer":
            rows[(r["layer"], r["view"])] = r
        else:
            other[(r["case"], r.get("connections"))] = r

    def x(q: float, g: float) -> str:
        return f"{q / g:.1f}x" if g > 0 else "n/a"

    print("| layer | view | gisdesk cold s (CPU) | gisdesk warm s (CPU) | QGIS first s | QGIS median s (CPU) "
          "| QGIS/gisdesk cold: wall, CPU | load |")
    print("|---|---|---|---|---|---|---|---|")
    for (layer, view), r in rows.items():
        g, q = r["gisdesk"], r["qgis"]
        print(f"| {layer} | {view} | {g['cold_s']:.3f} ({g['cold_cpu_s']:.3f}) | {g['warm_s']:.3f} "
              f"({g['warm_cpu_s']:.3f}) | {q['first_s']:.3f} | {q['median_s']:.3f} ({q['cpu_s']:.3f}) | "
              f"{x(q['median_s'], g['cold_s'])}, {x(q['cpu_s'], g['cold_cpu_s'])} | {r['load']:.1f} |")
    for (case, conns), r in other.items():
        print(f"\n{case}{'' if conns is None else f' ({conns} connection(s))'}: "
              f"{json.dumps({k: v for k, v in r.items() if k not in ('runs', 'case')})}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("/work/shared") if Path("/work/shared/bench").exists()
                    else ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/gisdesk-pgbench"))
    ap.add_argument("--parts", default="layers,cancel,dashboards")
    ap.add_argument("--layers", default=",".join(LAYERS))
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="leave the cluster running and its data for the next run")
    ap.add_argument("--report", action="store_true", help="print the tables of --out's pg_results.jsonl and stop")
    a = ap.parse_args()
    if a.report:
        report(a.out / "pg_results.jsonl")
        return
    a.out.mkdir(parents=True, exist_ok=True)
    a.cache.mkdir(parents=True, exist_ok=True)
    if a.keep and (a.cache / "data" / "postmaster.pid").exists():
        cl = Cluster.__new__(Cluster)  # already running from a kept run
        cl.base, cl.bindir, cl.data, cl.sock, cl.port = a.cache, _bindir(), a.cache / "data", a.cache / "sock", 55432
        cl.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    else:
        cl = Cluster(a.cache)
    try:
        prepare(cl, a.shared, a.cache)
        parts = a.parts.split(",")
        if "layers" in parts:
            layers_part(a, cl)
        if "cancel" in parts:
            cancel_part(a, cl)
        if "dashboards" in parts:
            from bench_pg_dashboards import dashboards_part
            dashboards_part(a, cl, record)
    finally:
        if not a.keep:
            cl.stop(remove=True)


if __name__ == "__main__":
    main()

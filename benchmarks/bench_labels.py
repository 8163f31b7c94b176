#!/usr/bin/env python3
"""Time label placement and drawing, and what labels add to a view of a million points.

usage: .venv/bin/python benchmarks/bench_labels.py [--out build/bench] [--runs 15] [--shared ../shared]

1. Writes ``labels.sqlite``: 1,000 communes (Voronoi cells over 58 x 32 km) and 1,000 named
   roads (polylines of 60 vertices, 4-25 km long), in EPSG:32648, with SpatiaLite (unless there).
2. Labels both on a 1920x1080 view of the whole (about 1:110,000): every commune and road is a
   candidate. Times ``labels.collect`` (cull, candidates, one collision grid over both layers;
   the label texts are read once and cached, as in the window), ``labels.draw``, and the
   renderer's ``labels`` phase; the first (cold) run and the median of ``--runs`` warm runs.
3. A million points: ``pts`` of ``shared/bench/make_layers.py`` (written with the system Python
   unless there), rendered whole at 1920x1080 with labels on ``kind`` enabled and with labels off
   (image cache off, data cached): the median of ``--runs`` renders each, interleaved.
4. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SRID = 32648
X0, Y0, W, H = 740_000.0, 1_804_000.0, 58_000.0, 32_000.0


def write_city(path: Path, n: int = 1000, seed: int = 7) -> None:
    import numpy as np
    import shapely

    from gisdesk.store.connection import connect

    rng = np.random.default_rng(seed)
    seeds = shapely.multipoints(np.column_stack([X0 + rng.random(n) * W, Y0 + rng.random(n) * H]))
    frame = shapely.box(X0, Y0, X0 + W, Y0 + H)
    cells = shapely.intersection(shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=frame)), frame)
    steps = rng.normal(0, 1, (n, 60, 2)).cumsum(axis=1) * 40 + rng.normal(0, 1, (n, 1, 2)) * 300
    starts = np.column_stack([X0 + rng.random(n) * W, Y0 + rng.random(n) * H])[:, None, :]
    trend = np.linspace(0, 1, 60)[None, :, None] * rng.normal(0, 8000, (n, 1, 2))
    roads = shapely.linestrings(starts + steps + trend)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = connect(tmp, create=True, wal=False)
    conn.execute("SELECT InitSpatialMetadata(1)")
    for table, gtype, geoms, prefix in (("communes", "POLYGON", cells, "Phường "), ("roads", "LINESTRING", roads, "Đường ")):
        conn.execute(f'CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY, name TEXT, geom BLOB)')
        conn.executemany(f'INSERT INTO "{table}" (fid, name, geom) VALUES (?, ?, GeomFromWKB(?, {SRID}))',
                         [(i + 1, f"{prefix}{i + 1}", wkb) for i, wkb in enumerate(shapely.to_wkb(geoms).tolist())])
        conn.execute(f"SELECT RecoverGeometryColumn('{table}', 'geom', {SRID}, '{gtype}', 'XY')")
        conn.execute(f"SELECT CreateSpatialIndex('{table}', 'geom')")
    conn.commit()
    conn.close()
    tmp.rename(path)


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} ms ({min(values) * 1000:.1f}-{max(values) * 1000:.1f})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--points-db", type=Path, help="a file with the 1,000,000-point layer 'pts' (default: OUT/pts.sqlite)")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtGui import QGuiApplication, QImage, QPainter

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from gisdesk.core.layers import VectorLayer
    from gisdesk.core.style import LabelStyle, Symbol, VectorStyle
    from gisdesk.render import labels as L
    from gisdesk.render.renderer import Renderer, snapshot
    from gisdesk.render.view import MapView

    city = a.out / "labels.sqlite"
    if not city.exists():
        write_city(city)
    layers = [VectorLayer(city, "communes", VectorStyle(symbol=Symbol(fill="", stroke="#444444"),
                                                        labels=LabelStyle(True, "name", size=12, priority=6))),
              VectorLayer(city, "roads", VectorStyle(symbol=Symbol(fill="", stroke="#d7301f", stroke_width=1.5),
                                                     labels=LabelStyle(True, "name", size=11, priority=7)))]
    renderer = Renderer()
    view = MapView.fit((X0, Y0, X0 + W, Y0 + H), 1920, 1080, f"EPSG:{SRID}")
    snaps = snapshot(layers)
    t = time.perf_counter()
    placed = L.collect(renderer, snaps, view)
    cold = time.perf_counter() - t
    collects, draws, phases = [], [], []
    for _ in range(a.runs):
        t = time.perf_counter()
        placed = L.collect(renderer, snaps, view)
        t1 = time.perf_counter()
        img = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0)
        p = QPainter(img)
        L.draw(p, placed)
        p.end()
        draws.append(time.perf_counter() - t1)
        collects.append(t1 - t)
        phases.append(renderer.render(layers, view, use_image_cache=True).timings["labels"])
    img.save(str(a.out / "labels_1000.png"))
    rows = [("1,000 communes + 1,000 roads, 1920x1080: placement and collision (warm)", median_ms(collects), "30 ms"),
            ("  the same, first time (reads the texts)", f"{cold * 1000:.1f} ms", ""),
            ("  drawing the placed labels", median_ms(draws), ""),
            ("  renderer 'labels' phase (placement + drawing)", median_ms(phases), ""),
            ("  labels placed (of 2,000 candidates)", str(len(placed)), "")]

    pts = a.points_db or a.out / "pts.sqlite"
    if not pts.exists():
        subprocess.run(["/usr/bin/python3", str(a.shared / "bench" / "make_layers.py"), str(pts), "--points", "1000000"],
                       check=True)
    layer = VectorLayer(pts, "pts", VectorStyle(symbol=Symbol(size=3, stroke=""),
                                                labels=LabelStyle(True, "kind", size=11)))
    full = renderer.full_extent([layer], "EPSG:3857")
    pview = MapView.fit(full, 1920, 1080, "EPSG:3857")
    renderer.render([layer], pview, use_image_cache=False)  # read and cache the data once
    on, off, lab = [], [], []
    for _ in range(a.runs):
        for labels, sink in ((True, on), (False, off)):
            t = time.perf_counter()
            r = renderer.render([layer], pview, use_image_cache=False, labels=labels)
            sink.append(time.perf_counter() - t)
            if labels:
                lab.append(r.timings["labels"])
    extra = statistics.median(on) / statistics.median(off) - 1
    rows += [("1,000,000 points, whole view, labels off", median_ms(off), ""),
             ("1,000,000 points, whole view, labels on (layer over the candidate limit: skipped)", median_ms(on),
              "+10 %"),
             ("  of which the 'labels' phase", median_ms(lab), ""),
             ("  labels' share", f"{extra * 100:+.1f} %", "")]
    renderer.close()
    print("| | median (min-max) | target |\n|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

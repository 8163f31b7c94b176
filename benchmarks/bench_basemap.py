#!/usr/bin/env python3
"""Time the offline basemap: drawing it at 1920x1080 in UTM and Web Mercator, and writing the demo's.

usage: .venv/bin/python benchmarks/bench_basemap.py [--out build/bench] [--runs 11] [--workspace HUE.sqlite]

1. Uses the demo city at ``--workspace`` (else writes one with 1,000 incidents into ``--out``) and
   times :func:`sample_layers._basemap.write_demo_basemap` (wall and CPU seconds, tile count, size).
2. Draws the basemap (``render.basemap.draw_basemap``) on 1920x1080 views of the demo in its map CRS
   (EPSG:32648, warped) at city, district and street scale, and of the city in EPSG:3857: the first
   draw with an empty tile cache (read + decode + warp), then the median of ``--runs`` draws of views
   panned by 37 px each time with the cache warm (the warp, plus the few new tiles a pan needs).
3. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="build/bench")
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--workspace", default="")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from gisdesk.store.connection import preload_bundled_libraries

    preload_bundled_libraries()
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from gisdesk.render.basemap import TileCache, draw_basemap
    from gisdesk.render.view import MapView, reproject_bbox
    from sample_layers._basemap import write_demo_basemap
    from sample_layers.generate import build_workspace

    ws = Path(args.workspace) if args.workspace else out / "basemap_demo.sqlite"
    if not ws.exists():
        build_workspace(ws, incidents=1000, today="2026-11-20")
    tiles = out / "bench_basemap.mbtiles"
    tiles.unlink(missing_ok=True)
    t, c = time.perf_counter(), time.process_time()
    n = write_demo_basemap(ws, tiles)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    rows = [f"| writing the demo basemap ({n} tiles, zoom 10-16, {tiles.stat().st_size / 1e6:.1f} MB) | "
            f"{wall:.2f} s wall, {cpu:.2f} s CPU | | |"]

    W, H = 1920, 1080
    cx, cy = 775_480.0, 1_821_580.0
    dpi_m = 0.0254 / 96
    cases = []
    for label, scale in (("city, 1:120,000", 120_000), ("district, 1:25,000", 25_000), ("street, 1:5,000", 5_000)):
        res = scale * dpi_m
        cases.append((f"EPSG:32648 (warped), {label}",
                      MapView.fit((cx - W / 2 * res, cy - H / 2 * res, cx + W / 2 * res, cy + H / 2 * res), W, H,
                                  "EPSG:32648")))
    res = 120_000 * dpi_m
    merc = reproject_bbox((cx - W / 2 * res, cy - H / 2 * res, cx + W / 2 * res, cy + H / 2 * res), "EPSG:32648",
                          "EPSG:3857")
    cases.append(("EPSG:3857 (no reprojection), city", MapView.fit(merc, W, H, "EPSG:3857")))
    for label, view in cases:
        cache = TileCache()
        t = time.perf_counter()
        draw_basemap(view, tiles, cache)
        cold = time.perf_counter() - t
        first = cache.decodes
        times = []
        for i in range(1, args.runs + 1):
            d = 37 * i * view.resolution
            panned = MapView(view.minx + d, view.miny, view.maxx + d, view.maxy, W, H, view.crs)
            t = time.perf_counter()
            draw_basemap(panned, tiles, cache)
            times.append(time.perf_counter() - t)
        rows.append(f"| {label} | {cold * 1000:.0f} ms ({first} tiles decoded) | "
                    f"{statistics.median(times) * 1000:.0f} ms ({min(times) * 1000:.0f}–{max(times) * 1000:.0f}) | "
                    f"{cache.decodes - first} |")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print("| 1920×1080 | first draw, empty tile cache | panned, warm cache: median (min–max) | tiles decoded "
          "by the pans |")
    print("|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Warm drawing time of gisdesk against QGIS at full extent, 1/10 and 1/100 of the width.

usage: .venv/bin/python benchmarks/bench_draw.py [--db build/bench/bench.sqlite] [--runs 5] [--qgis-runs 3]
       [--layers pts,polys,lines] [--zooms 1,10,100] [--out build/bench/draw] [--no-qgis]

"Warm" is gisdesk's in-process render with the layer's data already read and cached and
the image cache off: every pixel is drawn again, as after a style change or a zoom over
cached data. For each case it prints the median wall time and the median CPU time
(``time.process_time``, all threads of the process) of ``Renderer.render``, then runs
``../shared/bench/qgis_render.py`` on the same view (interleaved: gisdesk, QGIS, next case)
and prints QGIS's median render time and CPU time. The machine load (``uptime``) is printed
before and after. Images go to ``--out`` (``gisdesk_<layer>_<zoom>.png``, ``qgis_<layer>_<zoom>.png``).
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
W, H = 1920, 1080


def layer_extent(db: Path, layer: str) -> tuple[float, float, float, float]:
    from gisdesk.store.datasource import DataSource

    with DataSource(db) as ds:
        return ds.extent(ds.layer(layer))


def zoom_bbox(ext: tuple[float, float, float, float], zoom: int) -> tuple[float, float, float, float]:
    """A view ``1/zoom`` of the extent's width, of the image's shape, centred on the extent."""
    cx, cy = (ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2
    w = (ext[2] - ext[0]) / zoom
    h = w * H / W
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def qgis(shared: Path, db: Path, layer: str, bbox, runs: int, out: Path) -> tuple[float, float]:
    cmd = ["/usr/bin/python3", str(shared / "bench" / "qgis_render.py"), str(db), layer, "--size", f"{W}x{H}",
           "--runs", str(runs), "--out", str(out)]
    if bbox:
        cmd += ["--bbox", ",".join(f"{v:.3f}" for v in bbox)]
    for _attempt in range(2):  # QGIS now and then dies on a loaded machine: try once more
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
        text = proc.stdout
        walls = [float(x.split()[1]) for x in text.splitlines() if x.startswith("render_s")]
        cpus = [float(x.split()[1]) for x in text.splitlines() if x.startswith("cpu_s")][1:]  # first: warm-up
        if walls and cpus:
            return statistics.median(walls), statistics.median(cpus)
        print(f"QGIS failed ({proc.returncode}): {proc.stderr[-500:]}", file=sys.stderr)
    return float("nan"), float("nan")


def raster_rows(a) -> None:
    """First render (nothing open, nothing decoded) and repeats of a raster at full extent and 1/10."""
    import rasterio

    from gisdesk.core.default_styles import flood_depth_style
    from gisdesk.core.layers import RasterLayer
    from gisdesk.render import raster
    from gisdesk.render.renderer import Renderer
    from gisdesk.render.view import MapView

    with rasterio.open(a.raster) as src:
        ext, crs = tuple(src.bounds), src.crs.to_string()
    lyr = RasterLayer(a.raster, flood_depth_style())
    for zoom in (1, 10):
        view = MapView.fit(ext if zoom == 1 else zoom_bbox(ext, zoom), W, H, crs)
        raster.clear_cache()
        r = Renderer()
        c0, t0 = time.process_time(), time.perf_counter()
        r.render([lyr], view, use_image_cache=False, labels=False)
        first, first_cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
        walls, cpus = [], []
        for _ in range(a.runs):
            c0, t0 = time.process_time(), time.perf_counter()
            result = r.render([lyr], view, use_image_cache=False, labels=False)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        result.image.save(str(a.out / f"gisdesk_raster_{zoom}.png"))
        r.close()
        q = ["nan"] * 4
        if not a.no_qgis:
            text = subprocess.run(["/usr/bin/python3", str(ROOT / "benchmarks" / "qgis_raster.py"), str(a.raster),
                                   "--runs", str(a.qgis_runs), "--zoom", str(zoom),
                                   "--out", str(a.out / f"qgis_raster_{zoom}.png")],
                                  capture_output=True, text=True, timeout=600).stdout.split()
            vals = dict(zip(text[::2], text[1::2]))
            cpu = [float(v) for k, v in zip(text[::2], text[1::2]) if k == "cpu_s"]
            q = [float(vals.get("first_render_s", "nan")) * 1000, cpu[0] * 1000 if cpu else float("nan"),
                 float(vals.get("median_render_s", "nan")) * 1000,
                 statistics.median(cpu[1:]) * 1000 if len(cpu) > 1 else float("nan")]
        print(f"| raster 1/{zoom} first | {first:.1f} | {first_cpu:.1f} | {q[0]:.0f} | {q[1]:.0f} | "
              f"{q[0] / first:.1f}x | {q[1] / first_cpu:.1f}x |")
        gw, gc = statistics.median(walls) * 1000, statistics.median(cpus) * 1000
        print(f"| raster 1/{zoom} repeat | {gw:.1f} | {gc:.1f} | {q[2]:.0f} | {q[3]:.0f} | {q[2] / gw:.1f}x | "
              f"{q[3] / gc:.1f}x |", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=ROOT / "build" / "bench" / "bench.sqlite")
    shared = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent)
    ap.add_argument("--shared", type=Path, default=shared, help="the shared folder with bench/qgis_render.py")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench" / "draw")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--qgis-runs", type=int, default=3)
    ap.add_argument("--layers", default="pts,polys,lines")
    ap.add_argument("--zooms", default="1,10,100")
    ap.add_argument("--no-qgis", action="store_true")
    ap.add_argument("--style", choices=["gisdesk", "qgis"], default="gisdesk",
                    help="gisdesk's default styles, or styles like QGIS's defaults (opaque fills, 2 mm markers)")
    ap.add_argument("--raster", type=Path, help="also a GeoTIFF (the demo flood depth): first and repeat renders")
    a = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from gisdesk._runtime import tune_allocator
    from gisdesk.core.default_styles import default_style
    from gisdesk.core.layers import VectorLayer
    from gisdesk.core.style import Symbol
    from gisdesk.render.renderer import Renderer
    from gisdesk.render.view import MapView

    tune_allocator()
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    a.out.mkdir(parents=True, exist_ok=True)
    print("load before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print("| case | gisdesk warm wall (ms) | gisdesk warm CPU (ms) | QGIS wall (ms) | QGIS CPU (ms) | QGIS / gisdesk wall | CPU |")
    print("|---|---|---|---|---|---|---|")
    kinds = {"pts": "point", "polys": "polygon", "lines": "line"}
    for layer in a.layers.split(","):
        ext = layer_extent(a.db, layer)
        style = default_style(kinds.get(layer, "point"))
        if a.style == "qgis":  # QGIS's default symbols at 96 dpi: 2 mm circles, 0.26 mm lines, opaque fills
            s = style.symbol
            style.symbol = Symbol(fill=s.fill, stroke="#232323", stroke_width=1.0, size=7.6, shape="circle",
                                  fill_opacity=1.0)
        lyr = VectorLayer(a.db, layer, style)
        renderer = Renderer()
        for zoom in (int(z) for z in a.zooms.split(",")):
            bbox = ext if zoom == 1 else zoom_bbox(ext, zoom)
            view = MapView.fit(bbox, W, H, "EPSG:3857")
            renderer.render([lyr], view, use_image_cache=False, labels=False)  # reads and caches the data
            walls, cpus = [], []
            for _ in range(a.runs):
                c0, t0 = time.process_time(), time.perf_counter()
                result = renderer.render([lyr], view, use_image_cache=False, labels=False)
                walls.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
            result.image.save(str(a.out / f"gisdesk_{layer}_{zoom}{'' if a.style == 'gisdesk' else '_q'}.png"))
            gw, gc = statistics.median(walls) * 1000, statistics.median(cpus) * 1000
            if a.no_qgis:
                qw = qc = float("nan")
            else:
                qw, qc = (v * 1000 for v in qgis(a.shared, a.db, layer, None if zoom == 1 else view.bbox,
                                                  a.qgis_runs, a.out / f"qgis_{layer}_{zoom}.png"))
            print(f"| {layer} 1/{zoom} | {gw:.1f} | {gc:.1f} | {qw:.0f} | {qc:.0f} | {qw / gw:.1f}x | {qc / gc:.1f}x |",
                  flush=True)
        renderer.close()
    if a.raster:
        raster_rows(a)
    print("load after:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())

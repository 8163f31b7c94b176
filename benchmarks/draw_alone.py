#!/usr/bin/env python3
"""The drawing alone, in CPU time: read a layer once, then its first draw (cold) and the median of 5 later ones.

usage: PYTHONPATH=<checkout> .venv/bin/python benchmarks/draw_alone.py DB LAYER [FRACTION]

FRACTION: a view of that share of the layer's width, centred (default: the full extent). Prints one
JSON line (cold_ms, warm_ms, the process's RSS after the read and its peak). Run it with PYTHONPATH
set to two checkouts in turn (e.g. ``git archive`` of main and of a branch) for a before/after.
"""
import sys, time, os, json, resource, statistics
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from gisdesk._runtime import tune_allocator
tune_allocator()
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from gisdesk.render.renderer import Renderer
from gisdesk.render.view import MapView
from gisdesk.render.cli import build_layers
from gisdesk.render._data import framed
from gisdesk.render.vector import draw_layer
import gc
db, lay = sys.argv[1], sys.argv[2]
frac = float(sys.argv[3]) if len(sys.argv) > 3 else None
layers, srid = build_layers(db, [lay])
r = Renderer(prefetch=False)
crs = f"EPSG:{srid}"
ext = r.full_extent(layers, crs)
if frac:
    w = (ext[2] - ext[0]) * frac; h = w * 1080 / 1920; cx, cy = (ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2
    ext = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
v = MapView.fit(ext, 1920, 1080, crs)
data = r.view_data(layers[0], v)
gc.freeze()
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
sym = layers[0].style.class_symbols()
cpu = []
for i in range(6):
    c = time.process_time()
    draw_layer(framed(v, data.geoms.origin), data.geoms, data.codes, sym)
    cpu.append((time.process_time() - c) * 1000)
print(json.dumps({"layer": lay, "db": os.path.basename(db), "view": frac or "full", "cold_ms": round(cpu[0], 1),
                  "warm_ms": round(statistics.median(cpu[1:]), 1), "rss_after_read_mb": round(rss0),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))

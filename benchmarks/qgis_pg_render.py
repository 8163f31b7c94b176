#!/usr/bin/env python3
"""Render PostGIS tables with QGIS's ``postgres`` provider and print the render time (the peer of bench_postgis.py).

usage: /usr/bin/python3 benchmarks/qgis_pg_render.py "dbname=… host=SOCKETDIR port=… user=…" TABLE[,TABLE…]
       [--size 1920x1080] [--runs 3] [--bbox minx,miny,maxx,maxy] [--crs EPSG:3857] [--out PNG]

The same measurements and output lines as ``shared/bench/qgis_render.py`` (which reads SpatiaLite only):
``init_s``, ``open_s``, the extent, ``first_render_s`` then one ``render_s`` and ``cpu_s`` per run (each run
reloads the layers, so QGIS reads the rows from the server again) and ``median_render_s``. The layers are
``table=… (geom)`` with the primary key ``id`` as QGIS's key column and its GiST index used for the view.
Run with the system python that has python3-qgis.
"""
import argparse, os, statistics, sys, time
T_START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsVectorLayer, QgsMapSettings, QgsMapRendererSequentialJob, QgsRectangle,
                       QgsCoordinateReferenceSystem)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

ap = argparse.ArgumentParser()
ap.add_argument("conninfo"); ap.add_argument("layers")
ap.add_argument("--size", default="1920x1080"); ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--out"); ap.add_argument("--bbox"); ap.add_argument("--crs", default="EPSG:3857")
ap.add_argument("--key", default="id")
a = ap.parse_args()
app = QgsApplication([], False); app.initQgis()
t_init = time.perf_counter() - T_START
t = time.perf_counter()
layers = []
for name in a.layers.split(","):
    uri = f"{a.conninfo} key='{a.key}' sslmode=disable table=\"public\".\"{name}\" (geom)"
    lyr = QgsVectorLayer(uri, name, "postgres")
    if not lyr.isValid():
        sys.exit(f"QGIS could not open layer {name}: {lyr.error().summary()}")
    layers.append(lyr)
w, h = map(int, a.size.split("x"))
if a.bbox:
    x0, y0, x1, y1 = map(float, a.bbox.split(","))
    ext = QgsRectangle(x0, y0, x1, y1)
else:
    ext = QgsRectangle(); ext.setMinimal()
    for lyr in layers:
        ext.combineExtentWith(lyr.extent())
t_open = time.perf_counter() - t
ms = QgsMapSettings(); ms.setLayers(layers); ms.setOutputSize(QSize(w, h)); ms.setExtent(ext)
ms.setDestinationCrs(QgsCoordinateReferenceSystem(a.crs)); ms.setBackgroundColor(QColor("white"))
print(f"init_s {t_init:.4f}"); print(f"open_s {t_open:.4f}")
print(f"extent {ext.xMinimum():.3f},{ext.yMinimum():.3f},{ext.xMaximum():.3f},{ext.yMaximum():.3f}")
times = []
for i in range(a.runs + 1):  # the first run warms up
    for lyr in layers:
        lyr.reload()
    job = QgsMapRendererSequentialJob(ms)
    c0 = time.process_time(); t = time.perf_counter(); job.start(); job.waitForFinished()
    dt = time.perf_counter() - t; cpu = time.process_time() - c0
    print(f"cpu_s {cpu:.4f}")
    if i:
        times.append(dt); print(f"render_s {dt:.4f}")
    else:
        print(f"first_render_s {dt:.4f}")
if a.out:
    job.renderedImage().save(a.out)
print(f"median_render_s {statistics.median(times):.4f}")
print(f"process_s {time.perf_counter() - T_START:.4f}")

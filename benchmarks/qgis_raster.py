#!/usr/bin/env python3
"""Render a single-band GeoTIFF with QGIS (pseudocolour ramp like gisdesk's flood-depth style).

The peer of the raster rows in ``bench_draw.py --raster``. Run with the system python that has
python3-qgis. usage: qgis_raster.py TIF [--size 1920x1080] [--runs 3] [--zoom 1] [--out PNG]
Prints first_render_s (the layer's first render in the process), one render_s per repeat and
median_render_s, with cpu_s (process CPU time) after each.
"""
import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsColorRampShader, QgsMapRendererSequentialJob, QgsMapSettings,  # noqa: E402
                       QgsRasterLayer, QgsRasterShader, QgsRectangle, QgsSingleBandPseudoColorRenderer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("tif")
ap.add_argument("--size", default="1920x1080")
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--zoom", type=float, default=1)
ap.add_argument("--out")
a = ap.parse_args()
app = QgsApplication([], False)
app.initQgis()
lyr = QgsRasterLayer(a.tif, "r")
assert lyr.isValid(), a.tif
stops = [(0.0, "#c6dbef", 0xb0), (0.5, "#6baed6", 0xc0), (1.5, "#2171b5", 0xd0), (3.0, "#08306b", 0xe0)]
items = []
for v, c, alpha in stops:
    col = QColor(c)
    col.setAlpha(alpha)
    items.append(QgsColorRampShader.ColorRampItem(v, col))
ramp = QgsColorRampShader(0.0, 3.0)
ramp.setColorRampType(QgsColorRampShader.Interpolated)
ramp.setColorRampItemList(items)
shader = QgsRasterShader()
shader.setRasterShaderFunction(ramp)
lyr.setRenderer(QgsSingleBandPseudoColorRenderer(lyr.dataProvider(), 1, shader))
w, h = map(int, a.size.split("x"))
e = lyr.extent()
cx, cy = e.center().x(), e.center().y()
hw, hh = e.width() / 2 / a.zoom, e.height() / 2 / a.zoom
ms = QgsMapSettings()
ms.setLayers([lyr])
ms.setOutputSize(QSize(w, h))
ms.setExtent(QgsRectangle(cx - hw, cy - hh, cx + hw, cy + hh))
ms.setDestinationCrs(lyr.crs())
ms.setBackgroundColor(QColor("white"))
times = []
for i in range(a.runs + 1):
    job = QgsMapRendererSequentialJob(ms)
    c0, t = time.process_time(), time.perf_counter()
    job.start()
    job.waitForFinished()
    dt, cpu = time.perf_counter() - t, time.process_time() - c0
    print(f"{'first_render_s' if i == 0 else 'render_s'} {dt:.4f}")
    print(f"cpu_s {cpu:.4f}")
    if i:
        times.append(dt)
if a.out:
    job.renderedImage().save(a.out)
print(f"median_render_s {statistics.median(times):.4f}")

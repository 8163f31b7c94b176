"""QGIS's side of the style round trip (run by the system python3 that has PyQGIS).

Usage:
  python3 _qgis_styles.py read FILE LAYER...   -> JSON: per layer, the style QGIS opened it with
  python3 _qgis_styles.py write GPKG LAYER     -> QGIS saves a categorized style as the layer's default
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsMarkerSymbol, QgsPalLayerSettings,
                       QgsRendererCategory, QgsTextBufferSettings, QgsTextFormat, QgsUnitTypes, QgsVectorLayer,
                       QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QColor

app = QgsApplication([], False)
app.initQgis()


def symbol_info(sym):
    layer = sym.symbolLayer(0)
    out = {"type": sym.type(), "class": layer.layerType(), "color": layer.color().name(QColor.HexArgb),
           "opacity": sym.opacity()}
    if layer.layerType() == "SimpleMarker":
        out.update(shape=layer.encodeShape(layer.shape()), size=layer.size(),
                   size_unit=QgsUnitTypes.encodeUnit(layer.sizeUnit()),
                   stroke=layer.strokeColor().name(QColor.HexArgb), stroke_width=layer.strokeWidth())
    elif layer.layerType() == "SimpleLine":
        out.update(width=layer.width(), width_unit=QgsUnitTypes.encodeUnit(layer.widthUnit()))
    elif layer.layerType() == "SimpleFill":
        out.update(stroke=layer.strokeColor().name(QColor.HexArgb), stroke_width=layer.strokeWidth())
    return out


def read(path, names):
    result = {}
    for name in names:
        lyr = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not lyr.isValid():
            result[name] = {"valid": False}
            continue
        r = lyr.renderer()
        info = {"valid": True, "renderer": r.type(), "opacity": lyr.opacity(), "labels": lyr.labelsEnabled()}
        if r.type() == "singleSymbol":
            info["symbol"] = symbol_info(r.symbol())
        elif r.type() == "categorizedSymbol":
            info["field"] = r.classAttribute()
            info["categories"] = [[c.value(), c.label(), symbol_info(c.symbol())] for c in r.categories()]
        elif r.type() == "graduatedSymbol":
            info["field"] = r.classAttribute()
            info["ranges"] = [[g.lowerValue(), g.upperValue(), symbol_info(g.symbol())] for g in r.ranges()]
        if lyr.labelsEnabled() and lyr.labeling() is not None:
            s = lyr.labeling().settings()
            fmt = s.format()  # kept: buffer() refers into it
            buf = fmt.buffer()
            info["label"] = {"field": s.fieldName, "size": fmt.size(), "color": fmt.color().name(),
                             "buffer": buf.enabled(), "buffer_size": buf.size()}
        result[name] = info
    print(json.dumps(result))


def write(path, name):
    lyr = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert lyr.isValid(), path
    a = QgsMarkerSymbol.createSimple({"name": "square", "color": "255,0,0,255", "size": "3", "size_unit": "MM",
                                      "outline_color": "0,0,255,255", "outline_width": "0.5"})
    b = QgsMarkerSymbol.createSimple({"name": "triangle", "color": "0,128,0,128", "size": "10",
                                      "size_unit": "Pixel", "outline_style": "no"})
    lyr.setRenderer(QgsCategorizedSymbolRenderer("kind", [QgsRendererCategory("a", a, "Kind A"),
                                                          QgsRendererCategory("b", b, "Kind B")]))
    lyr.setOpacity(0.5)
    pal = QgsPalLayerSettings()
    pal.fieldName = "kind"
    fmt = QgsTextFormat()
    fmt.setSize(14)
    fmt.setSizeUnit(QgsUnitTypes.RenderPixels)
    fmt.setColor(QColor("#112233"))
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(2)
    buf.setSizeUnit(QgsUnitTypes.RenderPixels)
    buf.setColor(QColor("#ffffff"))
    fmt.setBuffer(buf)
    pal.setFormat(fmt)
    lyr.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    lyr.setLabelsEnabled(True)
    err = lyr.saveStyleToDatabase("from QGIS", "a QGIS user's style", True, "")
    print(json.dumps({"error": err}))


if __name__ == "__main__":
    {"read": lambda: read(sys.argv[2], sys.argv[3:]), "write": lambda: write(sys.argv[2], sys.argv[3])}[sys.argv[1]]()

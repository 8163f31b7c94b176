"""What QGIS shows of a SpatiaLite/GeoPackage file (run by the system python3 that has PyQGIS).

Usage: python3 _qgis_layers.py FILE  -> JSON: per layer, its fields (name, type), feature count,
geometry type and extent, as QGIS's OGR provider opens it.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsProviderRegistry, QgsVectorLayer

app = QgsApplication([], False)
app.initQgis()
path = sys.argv[1]
out = {}
for sub in QgsProviderRegistry.instance().providerMetadata("ogr").querySublayers(path):
    name = sub.name()
    lyr = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    if not lyr.isValid():
        out[name] = {"valid": False}
        continue
    e = lyr.extent()
    out[name] = {"valid": True, "fields": [[f.name(), f.typeName()] for f in lyr.fields()],
                 "count": lyr.featureCount(), "spatial": lyr.isSpatial(),
                 "extent": [e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()] if lyr.isSpatial() else None}
print(json.dumps(out))

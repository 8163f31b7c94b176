"""Write a SpatiaLite and a GeoPackage with QGIS (run by the system python3 that has PyQGIS).

Usage: python3 _qgis_write.py OUT_BASE  -> OUT_BASE.sqlite and OUT_BASE.gpkg
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsVectorLayer, QgsVectorFileWriter,
                       QgsFeature, QgsGeometry, QgsProject)
app = QgsApplication([], False)
app.initQgis()
out = sys.argv[1]
def mem(uri, feats):
    lyr = QgsVectorLayer(uri, "x", "memory")
    pr = lyr.dataProvider()
    fs = []
    for kind, wkt in feats:
        f = QgsFeature(lyr.fields())
        f.setAttributes([kind])
        if wkt: f.setGeometry(QgsGeometry.fromWkt(wkt))
        fs.append(f)
    pr.addFeatures(fs)
    return lyr
layers = {
    "cameras": mem("Point?crs=EPSG:4326&field=kind:string", [("a", "POINT(107.58 16.46)"), ("b", "POINT(107.6 16.47)"), ("c", None)]),
    "canals": mem("MultiLineString?crs=EPSG:32648&field=kind:string", [("a", "MULTILINESTRING((750000 1815000, 751000 1816000),(752000 1815000, 752500 1815500))")]),
    "wards": mem("Polygon?crs=EPSG:3405&field=kind:string", [("a", "POLYGON((560000 1810000, 561000 1810000, 561000 1811000, 560000 1810000),(560600 1810100, 560900 1810100, 560900 1810400, 560600 1810100))"), ("b", "POLYGON((562000 1810000, 563000 1810000, 563000 1811000, 562000 1810000))")]),
}
ctx = QgsProject.instance().transformContext()
for fmt, path, extra in (("SQLite", out + ".sqlite", ["SPATIALITE=YES"]), ("GPKG", out + ".gpkg", [])):
    first = True
    for name, lyr in layers.items():
        opts = QgsVectorFileWriter.SaveVectorOptions()
        opts.driverName = fmt
        opts.layerName = name
        if first:
            opts.datasourceOptions = extra
            opts.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteFile
        else:
            opts.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        res = QgsVectorFileWriter.writeAsVectorFormatV3(lyr, path, ctx, opts)
        if res[0] != QgsVectorFileWriter.NoError:
            print("error", fmt, name, res, file=sys.stderr); sys.exit(1)
        first = False
print("ok")
app.exitQgis()

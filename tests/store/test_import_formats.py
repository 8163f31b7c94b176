"""What offices actually have: VN-2000 shapefiles, CSV tables, multi-layer KML, files without a CRS, GeoPackages.

Expected values are written from the rules: the VN-2000 coordinates of a known point come
from a PROJ pipeline spelled out here step by step with MONRE's 7 published parameters
(a Coordinate Frame rotation, as EPSG:6960 "VN-2000 to WGS 84 (2)" records them) and
Thừa Thiên Huế's central meridian 107°00' (k = 0.9999, false easting 500 000 m: EPSG:9214);
the importer only sees the shapefile's ``.prj``. A ``.prj`` written from the ``+towgs84``
string of the QGIS guides applies the rotations as a Position Vector (~0.6 m apart here):
"within a few metres" holds for both.
"""

from __future__ import annotations

import hashlib
import warnings

import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import CRS, Geod, Transformer

from gisdesk.core.users import PermissionDenied
from gisdesk.store.datasource import DataSource
from gisdesk.store.errors import StoreError
from gisdesk.store.importer import CRSRequired, LayerChoiceRequired, import_layers, import_vector

CITY = "dispatcher"  # the city adds layers to the shared workspace (gisdesk.core.access)
# Hue citadel flag tower and Dong Ba market (WGS 84 lon, lat)
FLAG_TOWER = (107.5786, 16.4682)
DONG_BA = (107.5868, 16.4730)
TOWGS84 = dict(x=-191.90441429, y=-39.30318279, z=-111.45032835,
               rx=-0.00928836, ry=0.01975479, rz=-0.00427372, s=0.252906278)
# WGS 84 -> VN-2000 (the inverse of VN-2000 -> WGS 84, a coordinate-frame Helmert) -> Hue's 3° TM
WGS84_TO_HUE_VN2000 = (
    "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=cart +ellps=WGS84 "
    "+step +inv +proj=helmert " + " ".join(f"+{k}={v}" for k, v in TOWGS84.items()) + " +convention=coordinate_frame "
    "+step +inv +proj=cart +ellps=WGS84 +step +proj=tmerc +lat_0=0 +lon_0=107 +k=0.9999 +x_0=500000 +y_0=0 "
    "+ellps=WGS84")
# the .prj an office's software writes: WKT 1 with the datum shift
HUE_PRJ = ('PROJCS["VN-2000 / Thua Thien Hue 107-00",GEOGCS["VN-2000",DATUM["Vietnam_2000",'
           'SPHEROID["WGS 84",6378137,298.257223563],TOWGS84[-191.90441429,-39.30318279,-111.45032835,'
           '-0.00928836,0.01975479,-0.00427372,0.252906278]],PRIMEM["Greenwich",0],'
           'UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],'
           'PARAMETER["central_meridian",107],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],'
           'PARAMETER["false_northing",0],UNIT["metre",1]]')
HUE_PROJ = ("+proj=tmerc +lat_0=0 +lon_0=107 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84="
            + ",".join(str(v) for v in TOWGS84.values()) + " +units=m +no_defs")


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tables(ws):
    with DataSource(ws) as ds:
        return sorted(r[0] for r in ds.connection(text=True).execute("SELECT name FROM sqlite_master"))


def points_wgs84(ws, table):
    """(srid, [(lon, lat)], names) of an imported point table, via the table's own SRID."""
    with DataSource(ws) as ds:
        lyr = ds.layer(table)
        rows = ds.connection(text=True).execute(
            f'SELECT name, ST_X(geom), ST_Y(geom) FROM "{table}" ORDER BY fid').fetchall()
    tr = Transformer.from_crs(f"EPSG:{lyr.srid}", "EPSG:4326", always_xy=True)
    lon, lat = tr.transform([r[1] for r in rows], [r[2] for r in rows])
    return lyr.srid, list(zip(lon, lat)), [r[0] for r in rows]


def metres(a, b):
    return Geod(ellps="WGS84").inv(a[0], a[1], b[0], b[1])[2]


def write_points(path, xy, names, crs=None):
    geoms = shapely.points(np.asarray(xy, dtype=float))
    with warnings.catch_warnings():  # "crs was not provided": on purpose
        warnings.simplefilter("ignore")
        pyogrio.raw.write(path, shapely.to_wkb(geoms), field_data=[np.asarray(names, dtype=object)], fields=["name"],
                          geometry_type="Point", crs=crs, driver="ESRI Shapefile", encoding="UTF-8")
    return path


# -- VN-2000 -----------------------------------------------------------------------------------------------------

def test_the_published_parameters_are_epsg_6960():
    from pyproj.crs import CoordinateOperation

    op = CoordinateOperation.from_epsg(6960)
    assert op.name == "VN-2000 to WGS 84 (2)" and op.method_name.startswith("Coordinate Frame")
    assert [round(p.value, 9) for p in op.params] == list(TOWGS84.values())
    hue = CRS.from_epsg(9214)
    assert hue.name == "VN-2000 / TM-3 107-00" and "Thua Thien-Hue" in hue.area_of_use.name


@pytest.mark.parametrize("prj", ["office WKT with TOWGS84", "written by GDAL from a PROJ string"])
def test_a_thua_thien_hue_vn2000_shapefile_lands_within_metres_of_its_wgs84_position(workspace, tmp_path, prj):
    to_vn = Transformer.from_pipeline(WGS84_TO_HUE_VN2000)
    xy = [to_vn.transform(*FLAG_TOWER), to_vn.transform(*DONG_BA)]
    # the pipeline itself: Hue is ~0.58° east of 107°, so eastings ~562 km, northings ~1 821 km
    assert 555_000 < xy[0][0] < 570_000 and 1_815_000 < xy[0][1] < 1_830_000
    shp = tmp_path / "thua_dat.shp"
    if prj.startswith("office"):
        write_points(shp, xy, ["Kỳ Đài", "Chợ Đông Ba"])
        shp.with_suffix(".prj").write_text(HUE_PRJ)
    else:  # GDAL keeps the shift only in the datum's name of the ESRI .prj it writes
        write_points(shp, xy, ["Kỳ Đài", "Chợ Đông Ba"], crs=HUE_PROJ)
        assert "towgs84" in shp.with_suffix(".prj").read_text()
    table = import_vector(workspace, shp, user=CITY)
    srid, lonlat, names = points_wgs84(workspace, table)
    assert srid == 32648  # the workspace's CRS: one CRS per workspace
    assert names == ["Kỳ Đài", "Chợ Đông Ba"]
    assert metres(lonlat[0], FLAG_TOWER) < 3 and metres(lonlat[1], DONG_BA) < 3
    # without the 7 parameters the same numbers would be far off: the test can tell
    plain = Transformer.from_crs("+proj=tmerc +lon_0=107 +k=0.9999 +x_0=500000 +ellps=WGS84", "EPSG:4326",
                                 always_xy=True)
    assert metres(plain.transform(*xy[0]), FLAG_TOWER) > 100


# -- no CRS ------------------------------------------------------------------------------------------------------

def test_a_file_without_crs_is_refused_with_guesses_and_imported_with_the_chosen_crs(workspace, tmp_path):
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32648", always_xy=True)
    xy = [utm.transform(*FLAG_TOWER), utm.transform(*DONG_BA)]
    shp = write_points(tmp_path / "khong_crs.shp", xy, ["Kỳ Đài", "Chợ Đông Ba"])
    assert not shp.with_suffix(".prj").exists()
    before = tables(workspace)
    with pytest.raises(CRSRequired, match="no coordinate reference system") as err:
        import_vector(workspace, shp, user=CITY)
    assert err.value.guesses[0][0] == "EPSG:32648"  # eastings/northings in Vietnam's UTM range
    assert "EPSG:32649" in [g for g, _ in err.value.guesses]
    assert tables(workspace) == before  # never a silent guess, nothing written
    table = import_vector(workspace, shp, crs="EPSG:32648", user=CITY)
    srid, lonlat, _ = points_wgs84(workspace, table)
    assert srid == 32648 and metres(lonlat[0], FLAG_TOWER) < 0.01


def test_a_chosen_crs_that_cannot_be_the_files_changes_nothing(workspace, tmp_path):
    shp = write_points(tmp_path / "met.shp", [(561994.5, 1821305.3)], ["Kỳ Đài"])
    before = tables(workspace)
    with pytest.raises(StoreError, match="was given EPSG:4326 but 1 feature of 1 lie outside") as err:
        import_vector(workspace, shp, crs="EPSG:4326", user=CITY)  # metres taken for degrees
    assert "choose another" in err.value.hint
    assert tables(workspace) == before


def test_vn2000_provincial_coordinates_guess_the_provinces_grid_first(workspace, tmp_path):
    xy = [Transformer.from_pipeline(WGS84_TO_HUE_VN2000).transform(*FLAG_TOWER)]
    shp = write_points(tmp_path / "dia_chinh.shp", xy, ["Kỳ Đài"])
    with pytest.raises(CRSRequired) as err:
        import_vector(workspace, shp, user=CITY)
    codes = [c for c, _ in err.value.guesses]
    assert codes[0] == "EPSG:9214"  # VN-2000 / TM-3 107-00 puts it in Hue, where the workspace is
    assert {"EPSG:32648", "EPSG:32649", "EPSG:3405", "EPSG:3406"} <= set(codes)
    table = import_vector(workspace, shp, crs=codes[0], user=CITY)
    srid, lonlat, _ = points_wgs84(workspace, table)
    assert srid == 9214 and metres(lonlat[0], FLAG_TOWER) < 0.05  # PROJ uses EPSG:6960 for EPSG:9214


def test_degrees_guess_wgs84():
    from gisdesk.store.importer import guess_crs

    assert guess_crs((107.5, 16.4, 107.7, 16.6))[0][0] == "EPSG:4326"
    assert guess_crs((5e7, 5e7, 6e7, 6e7)) == []


# -- CSV ---------------------------------------------------------------------------------------------------------

def test_a_lon_lat_csv_imports_good_rows_and_refuses_bad_ones_per_row(workspace, tmp_path):
    csv = tmp_path / "cho.csv"
    csv.write_text("name,Longitude,Latitude,ma\n"
                   f"Chợ Đông Ba,{DONG_BA[0]},{DONG_BA[1]},01234\n"
                   "Chợ hỏng,abc,16.4,9\n"
                   "Chợ trống,,,9\n"
                   "Chợ xa,400,16.4,9\n"  # beyond even 0–360° longitudes
                   f"Kỳ Đài,\"{FLAG_TOWER[0]}\",{FLAG_TOWER[1]},00007\n", encoding="utf-8")
    table = import_vector(workspace, csv, user=CITY)
    srid, lonlat, names = points_wgs84(workspace, table)
    assert srid == 4326  # columns named longitude/latitude are degrees
    assert names == ["Chợ Đông Ba", "Kỳ Đài"]
    assert metres(lonlat[0], DONG_BA) < 0.01 and metres(lonlat[1], FLAG_TOWER) < 0.01
    # spreadsheet rows (the header is row 1)
    assert [n for n, _ in table.refused] == [3, 4, 5]
    assert table.refused[0][1] == "a value that is not a number in column Longitude ('abc')"
    assert "no value in column Longitude" in table.refused[1][1]
    assert "outside" in table.refused[2][1]
    assert table.warnings()[0] == "3 rows refused:"
    with DataSource(workspace) as ds:  # codes keep their leading zeros
        assert [r[0] for r in ds.connection(text=True).execute(f'SELECT ma FROM "{table}" ORDER BY fid')] == \
            ["01234", "00007"]


def test_a_wkt_csv_needs_a_crs_and_refuses_unreadable_wkt_per_row(workspace, tmp_path):
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32648", always_xy=True)
    x, y = utm.transform(*DONG_BA)
    csv = tmp_path / "thua.csv"
    csv.write_text("name;WKT\n"
                   f'Chợ Đông Ba;"POINT ({x} {y})"\n'
                   'Hỏng;"POINT (1 2"\n'
                   f'Vùng;"POLYGON (({x} {y}, {x + 10} {y}, {x} {y + 10}, {x} {y}))"\n', encoding="utf-8")
    before = tables(workspace)
    with pytest.raises(CRSRequired):
        import_vector(workspace, csv, user=CITY)
    assert tables(workspace) == before
    table = import_vector(workspace, csv, crs="EPSG:32648", user=CITY)
    assert table.imported == 2 and table.refused == [(3, "a value that is not WKT in column WKT ('POINT (1 2')")]
    with DataSource(workspace) as ds:
        lyr = ds.layer(table)
        assert (lyr.srid, ds.feature_count(lyr)) == (32648, 2)


def test_given_x_y_columns_are_used(workspace, tmp_path):
    csv = tmp_path / "toa_do.csv"
    csv.write_text(f"ten,Dong,Bac\nChợ Đông Ba,{DONG_BA[0]},{DONG_BA[1]}\n", encoding="utf-8")
    with pytest.raises(StoreError, match="no coordinate columns"):
        import_vector(workspace, csv, user=CITY)
    table = import_vector(workspace, csv, x="Dong", y="Bac", crs="EPSG:4326", user=CITY)
    assert table.imported == 1


def test_a_csv_whose_every_row_is_bad_changes_nothing(workspace, tmp_path):
    csv = tmp_path / "hong.csv"
    csv.write_text("lat,lon\nx,y\n,\n", encoding="utf-8")
    before = tables(workspace)
    with pytest.raises(StoreError, match="No row of 'hong.csv' could be imported: row 2"):
        import_vector(workspace, csv, user=CITY)
    assert tables(workspace) == before


# -- several layers ----------------------------------------------------------------------------------------------

TWO_LAYER_KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Huế</name>
<Folder><name>Chợ</name>
<Placemark><name>Chợ Đông Ba</name><Point><coordinates>107.5868,16.4730</coordinates></Point></Placemark>
<Placemark><name>Chợ An Cựu</name><Point><coordinates>107.5985,16.4570</coordinates></Point></Placemark>
</Folder>
<Folder><name>Cầu</name>
<Placemark><name>Cầu Trường Tiền</name>
<LineString><coordinates>107.5880,16.4700 107.5905,16.4665</coordinates></LineString></Placemark>
</Folder></Document></kml>
"""


def test_every_layer_of_a_two_layer_kml_is_offered_and_imported(workspace, tmp_path):
    kml = tmp_path / "hue.kml"
    kml.write_text(TWO_LAYER_KML, encoding="utf-8")
    before = tables(workspace)
    with pytest.raises(LayerChoiceRequired) as err:  # the second layer is never dropped without a word
        import_vector(workspace, kml, user=CITY)
    assert [n for n, _ in err.value.layers] == ["Chợ", "Cầu"]
    assert tables(workspace) == before
    done = import_layers(workspace, kml, user=CITY)
    assert [(n, str(t)) for n, t in done] == [("Chợ", "hue_cho"), ("Cầu", "hue_cau")]  # marks folded
    with DataSource(workspace) as ds:
        counts = {n: ds.feature_count(ds.layer(t)) for n, t in done}
        kinds = {n: ds.layer(t).geometry_type for n, t in done}
    assert counts == {"Chợ": 2, "Cầu": 1}
    assert kinds == {"Chợ": "POINT", "Cầu": "LINESTRING"}
    only = import_layers(workspace, kml, ["Cầu", "Sông"], user=CITY)
    assert only[0][0] == "Cầu" and not isinstance(only[0][1], StoreError)
    assert isinstance(only[1][1], StoreError) and "no layer 'Sông'" in only[1][1].message


def test_a_geopackage_is_imported_layer_by_layer_and_never_written(workspace, tmp_path):
    gpkg = tmp_path / "so_xay_dung.gpkg"
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32648", always_xy=True)
    pts = shapely.points(np.asarray([utm.transform(*DONG_BA), utm.transform(*FLAG_TOWER)]))
    for layer, geoms in (("diem", pts), ("vung", shapely.buffer(pts, 50.0))):
        pyogrio.raw.write(gpkg, shapely.to_wkb(geoms), field_data=[np.array(["a", "b"], dtype=object)],
                          fields=["ten"], layer=layer, geometry_type="Point" if layer == "diem" else "Polygon",
                          crs="EPSG:32648", driver="GPKG", append=gpkg.exists())
    digest, files = sha256(gpkg), sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(PermissionDenied):  # the access policy still comes first
        import_layers(workspace, gpkg, user="viewer")
    with pytest.raises(LayerChoiceRequired):
        import_vector(workspace, gpkg, user=CITY)
    done = import_layers(workspace, gpkg, user=CITY)
    assert [(n, t.imported) for n, t in done] == [("diem", 2), ("vung", 2)]
    with DataSource(gpkg) as ds:  # read in place, as the window does
        assert [lyr.name for lyr in ds.layers] == ["diem", "vung"]
    assert sha256(gpkg) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # no -wal, no -shm left


def test_an_excel_sheet_with_lon_lat_columns_imports_through_gdal(workspace, tmp_path):
    xlsx = tmp_path / "cho.xlsx"
    pyogrio.raw.write(xlsx, None, field_data=[np.array(["Chợ Đông Ba", "Kỳ Đài"], dtype=object),
                                              np.array([DONG_BA[0], FLAG_TOWER[0]]),
                                              np.array([DONG_BA[1], FLAG_TOWER[1]])],
                      fields=["ten", "lon", "lat"], driver="XLSX")
    table = import_vector(workspace, xlsx, user=CITY)
    with DataSource(workspace) as ds:
        lyr = ds.layer(table)
        rows = ds.connection(text=True).execute(f'SELECT ten FROM "{table}" ORDER BY fid').fetchall()
    assert lyr.srid == 4326 and rows == [("Chợ Đông Ba",), ("Kỳ Đài",)]


def test_a_csv_takes_the_crs_of_a_prj_beside_it(workspace, tmp_path):
    xy = Transformer.from_pipeline(WGS84_TO_HUE_VN2000).transform(*DONG_BA)
    csv = tmp_path / "thua.csv"
    csv.write_text(f"ten,x,y\nChợ Đông Ba,{xy[0]},{xy[1]}\n", encoding="utf-8")
    csv.with_suffix(".prj").write_text(HUE_PRJ)
    table = import_vector(workspace, csv, user=CITY)
    with DataSource(workspace) as ds:
        x, y = ds.connection(text=True).execute(f'SELECT ST_X(geom), ST_Y(geom) FROM "{table}"').fetchone()
        srid = ds.layer(table).srid
    lon, lat = Transformer.from_crs(f"EPSG:{srid}", "EPSG:4326", always_xy=True).transform(x, y)
    assert srid == 32648 and metres((lon, lat), DONG_BA) < 3


def test_a_dxf_without_crs_imports_once_one_is_chosen(workspace, tmp_path):
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32648", always_xy=True)
    line = shapely.linestrings(np.asarray([utm.transform(*DONG_BA), utm.transform(*FLAG_TOWER)]))
    dxf = tmp_path / "ban_ve.dxf"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pyogrio.raw.write(dxf, shapely.to_wkb(np.array([line])), field_data=[], fields=[],
                          geometry_type="LineString", driver="DXF")
    with pytest.raises(CRSRequired):
        import_vector(workspace, dxf, user=CITY)
    table = import_vector(workspace, dxf, crs="EPSG:32648", user=CITY)
    with DataSource(workspace) as ds:
        assert ds.feature_count(ds.layer(table)) == 1


def test_a_geojson_crs_member_in_vn2000_is_read_and_reprojected(workspace, tmp_path):
    import json

    x, y = Transformer.from_pipeline(WGS84_TO_HUE_VN2000).transform(*DONG_BA)
    src = tmp_path / "cho.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": HUE_PROJ}},
                               "features": [{"type": "Feature", "properties": {"name": "Chợ Đông Ba"},
                                             "geometry": {"type": "Point", "coordinates": [x, y]}}]},
                              ensure_ascii=False), encoding="utf-8")
    table = import_vector(workspace, src, user=CITY)
    srid, lonlat, names = points_wgs84(workspace, table)
    assert srid == 32648 and names == ["Chợ Đông Ba"] and metres(lonlat[0], DONG_BA) < 3

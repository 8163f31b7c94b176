"""`gisdesk info/render/kpi` on a postgresql:// URL: the same answers as on the workspace published there.

The demo city is published into a fresh database; the same commands then run on the
file and on the server, and must agree: the layer list, SRIDs, counts and extents, the
rendered image (pixel by pixel, within a small tolerance for float rounding), the KPIs.
A commune officer reads only their commune's incidents: row-level security, nothing else.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from gisdesk.cli import main
from gisdesk.store.connection import connect as connect_lite
from tests.server.conftest import COMMUNE_A, PASSWORD
from tests.server.conftest import READ_DISPATCHER as DISPATCHER
from tests.server.conftest import READ_OFFICER as OFFICER

#: The demo city's vector layers (its rasters are published as references: test_publish_styles.py).
LAYERS = ["bridges", "cameras", "communes", "drains", "flood_extents", "flood_hotspots", "incident_areas",
          "incident_lines", "incidents", "planning_zones", "pumping_stations", "rivers", "roads"]


def _info(target: str, capsys) -> dict:
    capsys.readouterr()
    assert main(["info", target, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_info_lists_the_same_layers_srids_counts_and_extents(read_server, read_demo_file, capsys):
    on_file = _info(str(read_demo_file), capsys)
    on_server = _info(read_server[DISPATCHER], capsys)
    assert on_server["format"] == "postgis"
    assert PASSWORD.split()[0] not in json.dumps(on_server)  # the password is never printed
    assert [lyr["name"] for lyr in on_server["layers"]] == LAYERS
    by_name = {lyr["name"]: lyr for lyr in on_file["layers"]}
    for lyr in on_server["layers"]:
        mine = by_name[lyr["name"]]
        assert (lyr["geometry_type"], lyr["srid"], lyr["feature_count"]) == \
            (mine["geometry_type"], mine["srid"], mine["feature_count"]), lyr["name"]
        assert lyr["spatial_index"], lyr["name"]  # every published layer has its GiST index
        if mine["extent"] is None:
            assert lyr["extent"] is None
        else:  # the R*Tree and ST_Extent both round outwards to float32: within a metre
            assert np.allclose(lyr["extent"], mine["extent"], atol=1.0), lyr["name"]
    assert by_name["incidents"]["feature_count"] == 2000
    assert [r["name"] for r in on_server["rasters"]] == ["basemap", "flood_depth"]  # their references are published
    assert on_server["rasters"] == on_file["rasters"]


def test_the_commune_officer_reads_only_their_communes_incidents(read_server, read_demo_file, capsys):
    with connect_lite(read_demo_file, read_only=True) as lite:
        (expected,) = lite.execute("SELECT count(*) FROM incidents WHERE commune = ?", (COMMUNE_A,)).fetchone()
        (total,) = lite.execute("SELECT count(*) FROM incidents").fetchone()
        commune_wkt = lite.execute("SELECT AsText(geom) FROM communes WHERE name = ?", (COMMUNE_A,)).fetchone()[0]
    assert 0 < expected < total
    counts = {lyr["name"]: lyr["feature_count"] for lyr in _info(read_server[OFFICER], capsys)["layers"]}
    assert counts["incidents"] == expected
    assert counts["roads"] == 2297  # reference layers: every row for every officer

    import shapely

    from gisdesk.store.datasource import open_datasource
    from gisdesk.store.reader import read_geometries

    with open_datasource(read_server[OFFICER]) as ds:
        assert ds.user.commune == COMMUNE_A and ds.login == OFFICER
        xy = read_geometries(ds, ds.layer("incidents")).xy
        box = ds.extent(ds.layer("incidents"))
    assert len(xy) == expected
    area = shapely.from_wkt(commune_wkt).buffer(1.0)  # incidents are routed to the commune they lie in
    assert shapely.contains_xy(area, xy[:, 0], xy[:, 1]).all()
    assert box[0] >= area.bounds[0] and box[2] <= area.bounds[2]  # the extent too is the officer's rows only


def _render(target: str, out, layers: str, bbox: str, style: str | None = None) -> np.ndarray:
    from PySide6.QtGui import QImage

    extra = ["--style", style] if style else []
    assert main(["render", target, "--layers", layers, "--size", "640x480", "--bbox", bbox, "-o", str(out),
                 *extra]) == 0
    img = QImage(str(out)).convertToFormat(QImage.Format.Format_RGBA8888)
    rows = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    return rows[:, :img.width() * 4].reshape(img.height(), img.width(), 4).astype(np.int16)


#: The demo city's full extent (EPSG:32648), so both renders draw the same view.
CITY_BBOX = "760000,1809500,791200,1833800"


def test_render_on_the_server_draws_the_same_image(qapp, read_server, read_demo_file, tmp_path, capsys):
    layers = "planning_zones,flood_extents,rivers,roads,communes,cameras,incidents"
    on_file = _render(str(read_demo_file), tmp_path / "file.png", layers, CITY_BBOX)
    on_server = _render(read_server[DISPATCHER], tmp_path / "server.png", layers, CITY_BBOX)
    assert (on_file[..., :3] != 255).any(axis=2).mean() > 0.3  # the city fills the image
    differ = (np.abs(on_file - on_server).max(axis=2) > 40).mean()
    assert differ < 0.002, f"{differ:.2%} of the pixels differ"


def test_the_officers_render_shows_only_their_incidents(qapp, read_server, read_demo_file, tmp_path):
    import json

    from gisdesk.core.style import Symbol, VectorStyle

    # every incident as one dot (the demo's own style shows the open ones only)
    style = tmp_path / "all.json"
    style.write_text(json.dumps({"incidents": VectorStyle(symbol=Symbol(fill="#d23c3c", stroke="", size=4)).to_dict()}))
    everyone = _render(read_server[DISPATCHER], tmp_path / "all.png", "incidents", CITY_BBOX, str(style))
    officer = _render(read_server[OFFICER], tmp_path / "officer.png", "incidents", CITY_BBOX, str(style))
    drawn_all = (everyone[..., :3] != 255).any(axis=2)
    drawn_officer = (officer[..., :3] != 255).any(axis=2)
    assert 0 < drawn_officer.sum() < drawn_all.sum() / 5
    # nothing the city view does not show (give or take the one-pixel antialiased rim of a dot: a dot
    # drawn among fewer neighbours may be rasterised a pixel wider at its edge)
    near_all = drawn_all.copy()
    for dy, dx in ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (1, -1), (-1, 1), (-1, -1)):
        near_all |= np.roll(np.roll(drawn_all, dy, axis=0), dx, axis=1)
    assert not (drawn_officer & ~near_all).any()


def test_kpi_on_the_server_matches_the_workspace(read_server, read_demo_file, capsys):
    capsys.readouterr()
    assert main(["kpi", str(read_demo_file), "--json", "--to", "2026-11-21"]) == 0
    on_file = json.loads(capsys.readouterr().out)
    assert main(["kpi", read_server[DISPATCHER], "--json", "--to", "2026-11-21"]) == 0
    on_server = json.loads(capsys.readouterr().out)
    assert on_server == on_file  # satisfaction too: callbacks are published with the case tables
    assert on_file["satisfaction"]["responses"] > 0
    assert on_file["completed"] > 0 and on_file["backlog"] > 0


def test_kpi_for_a_commune_officer_counts_only_their_tasks(read_server, read_demo_file, capsys):
    with connect_lite(read_demo_file, read_only=True) as lite:
        (mine,) = lite.execute("SELECT count(*) FROM tasks WHERE commune = ? AND done_at IS NULL "
                               "AND cancelled_at IS NULL", (COMMUNE_A,)).fetchone()
    capsys.readouterr()
    assert main(["kpi", read_server[OFFICER], "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["backlog"] == mine
    assert [r["unit"] for r in report["by_commune"]] in ([COMMUNE_A], [])


def test_a_wrong_password_is_one_line_and_exit_2(pg_cluster, read_server, capsys):
    url = pg_cluster.url(read_server["db"], OFFICER) + "&password=wrong-password"
    capsys.readouterr()
    assert main(["info", url]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("gisdesk: cannot connect to the server") and "\n" not in err
    assert "wrong-password" not in err


def test_a_database_without_postgis_is_one_line_and_exit_2(pg_cluster, make_db, capsys):
    url = pg_cluster.url(make_db("gisdesk_read_bare"))
    capsys.readouterr()
    assert main(["info", url]) == 2
    err = capsys.readouterr().err.strip()
    assert "has no PostGIS" in err and "\n" not in err


def test_the_attribute_table_query_filters_and_sorts_on_the_server(read_server, read_demo_file):
    from gisdesk.core.expression import ExpressionError
    from gisdesk.store.datasource import open_datasource
    from gisdesk.store.table_query import table_query

    with connect_lite(read_demo_file, read_only=True) as lite:
        (severe,) = lite.execute("SELECT count(*) FROM incidents WHERE severity >= 4").fetchone()
    with open_datasource(read_server[DISPATCHER]) as ds:
        q = table_query(ds, ds.layer("incidents"))
        q.set_filter("severity >= 4")
        q.set_sort("reported_at", descending=True)
        ids = q.ids()
        assert q.count == len(ids) == severe > 0
        col = q.columns.index("reported_at")
        times = [r[col] for r in q.rows(ids)]
        assert times == sorted(times, reverse=True)
        with pytest.raises(ExpressionError):
            q.set_filter("no_such_field = 1")
        assert q.filter_text == "severity >= 4" and q.count == severe  # the previous filter stays
        lines = table_query(ds, ds.layer("incident_lines"))  # a uuid key: ids are the rows' ctid
        assert lines.count == lines.total == 0


def test_shapes_without_an_integer_key_are_found_by_ctid_and_filtered_by_rls(pg_cluster, city):
    from gisdesk.store import features
    from gisdesk.store.datasource import open_datasource
    from gisdesk.store.table_query import table_query
    from tests.server.conftest import ROWS

    url = pg_cluster.url(city, "phu_hoi") + "&password=" + PASSWORD.replace(" ", "%20")
    with open_datasource(url) as ds:
        areas = ds.layer("incident_areas")
        assert areas.key_column == "ctid"
        ids = table_query(ds, areas).ids()
        assert len(ids) == 1  # the sample city has two areas; phu_hoi reads the one of commune A
        assert [a["incident_uuid"] for a in features.attributes(ds, areas, ids)] == [ROWS["IA"]]
        got, geoms = features.geometries(ds, areas, ids)
        assert list(got) == list(ids) and geoms[0].area > 300  # a 10 m buffer around (0, 0)
        assert list(features.ids_at(ds, areas, 0.0, 0.0, 1.0)) == list(ids)
        assert len(features.ids_at(ds, areas, 1000.0, 0.0, 1.0)) == 0  # commune B's area is not there

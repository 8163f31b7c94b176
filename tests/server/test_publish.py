"""gisdesk server publish: the demo workspace on the server, counted, round-tripped, under RLS, twice."""

from __future__ import annotations

import psycopg
import pytest

from gisdesk.cli import main
from gisdesk.store.connection import connect as connect_lite
from gisdesk.store.errors import StoreError
from gisdesk.store.server import add_officer, init_server
from gisdesk.store.server_publish import publish_workspace
from tests.server.conftest import COMMUNE_A, PASSWORD

#: The application tables the issue names (incidents with their shapes, history, tasks, users, ...).
APP_TABLES = ("incidents", "incident_lines", "incident_areas", "incident_events", "incident_attachments",
              "routing_rules", "tasks", "task_events", "task_attachments", "task_sla", "task_notifications",
              "task_questions", "task_answers", "users", "dispatch_rules", "task_callbacks", "incident_contacts",
              "gisdesk_meta", "gisdesk_layer_state")  # the layer state: made with the schema since versions
#: Reference layers of the demo city (its spatial tables that are not application tables).
LAYERS = ("bridges", "cameras", "communes", "drains", "flood_extents", "flood_hotspots", "planning_zones",
          "pumping_stations", "rivers", "roads")
LOGIN = "pub_phu_hoi"  # a login of its own: roles are cluster-wide and other modules add 'phu_hoi'


def _lite_counts(workspace) -> dict[str, int]:
    with connect_lite(workspace, read_only=True) as lite:
        return {t: lite.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in (*APP_TABLES, *LAYERS)}


@pytest.fixture(scope="module")
def published(pg_cluster, make_db, workspace_module):
    db = make_db("gisdesk_publish")
    url = pg_cluster.url(db)
    init_server(url)
    assert main(["server", "publish", str(workspace_module), url]) == 0
    add_officer(url, LOGIN, "commune_officer", PASSWORD, commune=COMMUNE_A)
    return db, url


@pytest.fixture(scope="module")
def workspace_module(gisdesk_demo_master, tmp_path_factory):
    import shutil

    target = tmp_path_factory.mktemp("publish") / "hue.sqlite"
    shutil.copy(gisdesk_demo_master, target)  # the `workspace` fixture, once for the module
    return target


def test_every_table_arrives_with_the_workspace_counts(pg_cluster, published, workspace_module):
    db, _ = published
    expected = _lite_counts(workspace_module)
    assert expected["incidents"] == 2000 and expected["roads"] > 0
    with pg_cluster.connect(db) as su:
        got = {t: su.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in (*APP_TABLES, *LAYERS)}
        names = [r[0] for r in connect_lite(workspace_module, read_only=True).execute("SELECT username FROM users")]
        got["users"] = su.execute("SELECT count(*) FROM users WHERE username = ANY(%s)", (names,)).fetchone()[0]
        # the server's own setting: the dispatch job starts after the published incidents
        mark = su.execute("SELECT value FROM gisdesk_meta WHERE key = 'dispatch_checked_fid'").fetchone()
        got["gisdesk_meta"] -= 1
        top = su.execute("SELECT max(fid) FROM incidents").fetchone()[0]
    assert got == expected
    assert expected["dispatch_rules"] > 0 and expected["task_callbacks"] > 0  # the demo has both
    assert mark == (str(top),)


def test_a_geometry_and_a_time_round_trip(pg_cluster, published, workspace_module):
    db, _ = published
    with connect_lite(workspace_module, read_only=True) as lite:
        uuid, wkt, x, y, srid, at = lite.execute("SELECT uuid, AsText(geom), X(geom), Y(geom), SRID(geom), "
                                                 "reported_at FROM incidents "
                                           "ORDER BY fid LIMIT 1").fetchone()
    with pg_cluster.connect(db) as su:
        su.execute("SET TIME ZONE 'UTC'")
        row = su.execute("SELECT ST_AsText(geom, 6), ST_X(geom), ST_Y(geom), ST_SRID(geom), to_char(reported_at, "
                         "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM incidents WHERE uuid = %s", (uuid,)).fetchone()
        types = dict(su.execute("SELECT column_name, data_type FROM information_schema.columns "
                                "WHERE table_name = 'incidents'").fetchall())
    assert srid == 32648
    assert row == (wkt, x, y, 32648, at)  # SpatiaLite's AsText shows 6 decimals; X, Y exact
    assert types["reported_at"] == "timestamp with time zone"


def test_reference_layers_have_srid_gist_owner_and_officers_read_them(pg_cluster, published):
    db, _ = published
    with pg_cluster.connect(db) as su:
        assert su.execute("SELECT type, srid FROM geometry_columns WHERE f_table_name = 'communes'").fetchone() \
            == ("POLYGON", 32648)
        gist = su.execute("SELECT count(*) FROM pg_indexes WHERE tablename = 'roads' AND indexdef LIKE '%gist%'")
        assert gist.fetchone()[0] == 1
        assert su.execute("SELECT tableowner FROM pg_tables WHERE tablename = 'cameras'").fetchone()[0] \
            == "gisdesk_owner"
    with pg_cluster.connect(db, LOGIN, password=PASSWORD) as officer:
        assert officer.execute("SELECT count(*) FROM communes").fetchone()[0] == 40
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # read by all, written by none of them
            officer.execute("DELETE FROM communes")


def test_the_commune_officer_reads_exactly_its_communes_incidents(pg_cluster, published, workspace_module):
    db, _ = published
    with connect_lite(workspace_module, read_only=True) as lite:
        mine = {r[0] for r in lite.execute("SELECT uuid FROM incidents WHERE commune = ?", (COMMUNE_A,))}
    assert 0 < len(mine) < 2000
    with pg_cluster.connect(db, LOGIN, password=PASSWORD) as officer:
        seen = {str(r[0]) for r in officer.execute("SELECT uuid FROM incidents")}
    assert seen == mine


def test_publishing_again_is_refused_and_replace_keeps_one_copy(pg_cluster, published, workspace_module, capsys):
    db, url = published
    with pytest.raises(StoreError, match="already holds published data.*--replace"):
        publish_workspace(workspace_module, url)
    capsys.readouterr()
    assert main(["server", "publish", str(workspace_module), url]) == 2
    assert "--replace" in capsys.readouterr().err
    report = publish_workspace(workspace_module, url, replace=True)
    assert report.counts["incidents"] == (2000, 2000)
    with pg_cluster.connect(db) as su:
        assert su.execute("SELECT count(*) FROM incidents").fetchone()[0] == 2000
        assert su.execute("SELECT count(*) FROM roads").fetchone()[0] == _lite_counts(workspace_module)["roads"]
        # the officer's row written by 'users add' survives the replacement
        assert su.execute("SELECT commune FROM users WHERE username = %s", (LOGIN,)).fetchone()[0] == COMMUNE_A
    init_server(url)  # the published layers are gisdesk's: init still accepts this database


def test_a_database_not_made_by_init_is_refused(pg_cluster, make_db, workspace_module, capsys):
    url = pg_cluster.url(make_db("gisdesk_publish_bare"))
    assert main(["server", "publish", str(workspace_module), url]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "server init" in err[0]


def test_progress_shows_one_line_per_table(pg_cluster, published, workspace_module, capsys):
    _, url = published
    capsys.readouterr()
    assert main(["server", "publish", "--replace", str(workspace_module), url]) == 0
    err = capsys.readouterr().err.splitlines()
    assert "incidents 2,000/2,000" in err
    assert len(err) == len(APP_TABLES) + len(LAYERS)


def test_a_count_difference_exits_2_naming_the_table_and_publishes_nothing(pg_cluster, make_db, workspace_module,
                                                                          capsys):
    db = make_db("gisdesk_publish_lossy")
    url = pg_cluster.url(db)
    init_server(url)
    with pg_cluster.connect(db) as su:  # a server that silently drops the routing rules it is given
        su.execute("CREATE FUNCTION drop_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$")
        su.execute("CREATE TRIGGER lossy BEFORE INSERT ON routing_rules FOR EACH ROW EXECUTE FUNCTION drop_row()")
    capsys.readouterr()
    assert main(["server", "publish", str(workspace_module), url]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "count check failed" in err and "routing_rules (workspace 12, server 0)" in err
    assert "incidents" not in err.split("count check failed")[1]
    with pg_cluster.connect(db) as su:
        assert su.execute("SELECT count(*) FROM incidents").fetchone()[0] == 0
        assert su.execute("SELECT to_regclass('public.roads')").fetchone()[0] is None


def test_an_officer_connection_cannot_publish(pg_cluster, published, workspace_module, capsys):
    db, _ = published
    url = pg_cluster.url(db, LOGIN) + f"&password={PASSWORD.replace(' ', '%20')}"
    capsys.readouterr()
    assert main(["server", "publish", "--replace", str(workspace_module), url]) == 2
    assert "needs a superuser connection" in capsys.readouterr().err

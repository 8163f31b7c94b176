"""Schema versions on the city server (issue 13): the same Alembic history as a workspace, on PostGIS.

``gisdesk server init`` creates the tables through the migrations and stamps them; an older
server is changed only by ``gisdesk migrate URL``; a newer one is refused by every command.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from gisdesk.cli import main
from gisdesk.store.errors import StoreError
from gisdesk.store.schema_version import NewerSchemaError, OlderSchemaError, differences, migrate, schema_version_of
from gisdesk.store.server import add_officer, init_server
from tests.server.conftest import PASSWORD

HEAD = "0002_sync_tables"
SYNC = ("gisdesk_sync_conflicts", "gisdesk_sync_in", "gisdesk_sync_out", "gisdesk_sync_peers")


def _differences(url: str) -> list:
    import psycopg

    engine = sa.create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(url), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return differences(conn)
    finally:
        engine.dispose()


def _policies(conn) -> list[tuple]:
    return conn.execute("SELECT tablename, policyname, cmd, roles::text, qual, with_check FROM pg_policies "
                        "ORDER BY 1, 2").fetchall()


def test_server_init_creates_exactly_schema_py_at_head(pg_cluster, make_db):
    db = make_db("gisdesk_mig_fresh")
    url = pg_cluster.url(db)
    init_server(url)
    assert _differences(url) == []  # alembic's compare_metadata against schema.py (PostgreSQL's tables)
    with pg_cluster.connect(db) as su:
        assert su.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert su.execute("SELECT value FROM gisdesk_meta WHERE key = 'schema_version'").fetchone() == (HEAD,)
        assert su.execute("SELECT f_table_name, type, srid FROM geometry_columns "
                          "WHERE f_table_name <> 'incident_shapes' ORDER BY 1").fetchall() == [
            ("incident_areas", "MULTIPOLYGON", 32648), ("incident_lines", "MULTILINESTRING", 32648),
            ("incidents", "POINT", 32648)]
        assert su.execute("SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%%USING gist (geom)%%'"
                          ).fetchone()[0] == 3
        # the sync tables: owned by gisdesk, RLS on and forced; a package's own change log (sync_out) is never
        # the server's, so no officer group may touch it (the other three: their policies, test_sync_server)
        rows = su.execute("SELECT relname, relrowsecurity, relforcerowsecurity, pg_get_userbyid(relowner) "
                          "FROM pg_class WHERE relname = ANY(%s) ORDER BY relname", (list(SYNC),)).fetchall()
        assert rows == [(t, True, True, "gisdesk_owner") for t in SYNC]
        granted = su.execute("SELECT count(*) FROM information_schema.role_table_grants WHERE table_name = ANY(%s) "
                             "AND grantee LIKE 'gisdesk\\_%%' AND grantee <> 'gisdesk_owner'", (["gisdesk_sync_out"],))
        assert granted.fetchone()[0] == 0
    assert schema_version_of(url).revision == HEAD


def test_an_unversioned_server_is_changed_only_by_migrate_and_keeps_its_rows(pg_cluster, make_db, capsys):
    db = make_db("gisdesk_mig_old")
    url = pg_cluster.url(db)
    init_server(url)
    with pg_cluster.connect(db) as su:
        fresh_policies = _policies(su)
    later = ("dispatch_rules", "incident_contacts", "task_callbacks")
    with pg_cluster.connect(db) as su:  # a server set up before versions (and before these tables)
        su.execute('SET ROLE "gisdesk_owner"')
        for n in range(3):
            su.execute("INSERT INTO incidents (uuid, category, severity, channel, status, reported_at, updated_at) "
                       "VALUES (gen_random_uuid(), 'flooding', 1, 'hotline', 'new', now(), now())")
        su.execute("INSERT INTO routing_rules VALUES ('flooding', 'Sở Xây dựng', now(), 'gisdesk')")
        su.execute("RESET ROLE")
        su.execute("DROP TABLE alembic_version, " + ", ".join(SYNC + later))
        su.execute("DELETE FROM gisdesk_meta WHERE key = 'schema_version'")
        su.commit()
        tables = {r[0] for r in su.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert schema_version_of(url).status == "unversioned"
    with pytest.raises(OlderSchemaError, match="gisdesk migrate"):
        init_server(url)  # never migrates silently
    with pg_cluster.connect(db) as su:
        assert {r[0] for r in su.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")} == tables

    assert main(["migrate", url, "--dry-run"]) == 0
    assert "would apply: recognise as 0001_baseline (tables checked) and stamp, 0002_sync_tables" \
        in capsys.readouterr().out
    with pg_cluster.connect(db) as su:
        assert su.execute("SELECT to_regclass('public.alembic_version')").fetchone()[0] is None  # dry: nothing
    assert main(["migrate", url]) == 0
    assert f"schema unversioned -> {HEAD}" in capsys.readouterr().out
    with pg_cluster.connect(db) as su:
        assert su.execute("SELECT count(*) FROM incidents").fetchone()[0] == 3
        assert su.execute("SELECT count(*) FROM routing_rules").fetchone()[0] == 1
        assert su.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert _policies(su) == fresh_policies  # the grants and policies generated again, as server init makes them
    assert _differences(url) == []
    assert schema_version_of(url).revision == HEAD
    assert migrate(url).steps == []  # a second run: nothing to do
    init_server(url)  # and server init is idempotent again


def test_a_server_set_up_by_a_newer_gisdesk_is_refused_by_every_command(pg_cluster, make_db, capsys):
    db = make_db("gisdesk_mig_newer")
    url = pg_cluster.url(db)
    init_server(url)
    add_officer(url, "mig_dispatcher", "city_dispatcher", PASSWORD)
    with pg_cluster.connect(db) as su:
        su.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
        su.commit()
        before = _policies(su)
    from gisdesk.store.pg_conn import open_server

    officer = pg_cluster.url(db, "mig_dispatcher") + f"&password={PASSWORD.replace(' ', '%20')}"
    with pytest.raises(NewerSchemaError, match="newer gisdesk"):
        open_server(officer)  # a workstation: refused, one line
    with pytest.raises(StoreError, match="newer gisdesk"):
        init_server(url)
    assert main(["migrate", url]) == 2
    err = capsys.readouterr().err.strip()
    assert "newer gisdesk" in err and "\n" not in err
    with pg_cluster.connect(db) as su:
        assert su.execute("SELECT version_num FROM alembic_version").fetchall() == [("0099_from_the_future",)]
        assert _policies(su) == before


def test_info_on_the_server_prints_its_schema_version(pg_cluster, city, capsys):
    assert main(["info", pg_cluster.url(city)]) == 0
    assert f"schema version: {HEAD} (current)" in capsys.readouterr().out

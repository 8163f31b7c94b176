"""gisdesk server init and gisdesk users on the server: idempotent, refusing, SCRAM passwords, the CLI."""

from __future__ import annotations

import io

import psycopg
import pytest

from gisdesk.cli import main
from gisdesk.store.errors import StoreError
from gisdesk.store.server import add_officer, disable_officer, init_server, list_officers
from tests.server.conftest import COMMUNE_A, PASSWORD


def _policies(conn) -> list[tuple]:
    return conn.execute("SELECT tablename, policyname, cmd, roles::text, qual, with_check FROM pg_policies "
                        "ORDER BY 1, 2").fetchall()


def test_init_is_idempotent_and_keeps_the_rows(pg_cluster, city):
    url = pg_cluster.url(city)
    with pg_cluster.connect(city) as su:
        before, rows = _policies(su), su.execute("SELECT count(*) FROM incidents").fetchone()[0]
    report = init_server(url)
    assert report.created == ()
    with pg_cluster.connect(city) as su:
        assert _policies(su) == before
        assert su.execute("SELECT count(*) FROM incidents").fetchone()[0] == rows == 2


def test_init_makes_real_timestamps_uuids_and_a_spatial_index(pg_cluster, city):
    with pg_cluster.connect(city) as su:
        types = dict(su.execute("SELECT column_name, data_type FROM information_schema.columns "
                                "WHERE table_name = 'incidents'").fetchall())
        assert types["reported_at"] == types["updated_at"] == "timestamp with time zone"
        assert types["uuid"] == types["duplicate_of"] == "uuid"
        assert su.execute("SELECT type, srid FROM geometry_columns WHERE f_table_name = 'incidents'").fetchone() \
            == ("POINT", 32648)
        assert su.execute("SELECT count(*) FROM pg_indexes WHERE tablename = 'incidents' "
                          "AND indexdef LIKE '%%USING gist (geom)%%'").fetchone()[0] == 1


def test_init_refuses_a_database_with_other_tables_unless_forced(pg_cluster, make_db):
    db = make_db("gisdesk_foreign")
    with pg_cluster.connect(db) as su:
        su.execute("CREATE TABLE parcels (id int)")
        su.commit()
    with pytest.raises(StoreError, match="parcels"):
        init_server(pg_cluster.url(db))
    with pg_cluster.connect(db) as su:  # nothing was made
        assert su.execute("SELECT to_regclass('public.incidents')").fetchone()[0] is None
    assert init_server(pg_cluster.url(db), force=True).created
    with pg_cluster.connect(db) as su:
        assert su.execute("SELECT count(*) FROM parcels").fetchone()[0] == 0


def test_init_needs_a_superuser(pg_cluster, city):
    with pytest.raises(StoreError, match="superuser"):
        init_server(pg_cluster.url(city, "admin") + f"&password={PASSWORD.replace(' ', '%20')}")


def test_passwords_are_postgresqls_scram_and_only_the_right_one_signs_in(pg_cluster, city):
    with pg_cluster.connect(city) as su:
        verifier = su.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'phu_hoi'").fetchone()[0]
        assert verifier.startswith("SCRAM-SHA-256$") and PASSWORD not in verifier
        columns = {r[0] for r in su.execute("SELECT column_name FROM information_schema.columns "
                                            "WHERE table_schema = 'public' AND table_name IN ('users', "
                                            "'gisdesk_officers')")}
        assert not {c for c in columns if "pw" in c or "pass" in c}
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        pg_cluster.connect(city, "phu_hoi", password="not the password")
    pg_cluster.connect(city, "phu_hoi", password=PASSWORD).close()


def test_users_add_refuses_what_is_wrong_and_changes_nothing(pg_cluster, city):
    url = pg_cluster.url(city)
    cases = [(("phu_hoi", "commune_officer", PASSWORD), {"commune": COMMUNE_A}, "already exists"),
             (("postgres", "administrator", PASSWORD), {}, "already exists"),
             (("new_one", "commune_officer", PASSWORD), {}, "needs a commune"),
             (("new_one", "viewer", "short"), {}, "10 characters"),
             (("Bad Name", "viewer", PASSWORD), {}, "username")]
    for args, kw, why in cases:
        with pytest.raises(StoreError, match=why):
            add_officer(url, *args, **kw)
    assert "new_one" not in {r["username"] for r in list_officers(url)}


def test_users_disable_stops_the_sign_in(pg_cluster, city):
    url = pg_cluster.url(city)
    add_officer(url, "leaving", "viewer", PASSWORD)
    pg_cluster.connect(city, "leaving", password=PASSWORD).close()
    disable_officer(url, "leaving")
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        pg_cluster.connect(city, "leaving", password=PASSWORD)
    row = next(r for r in list_officers(url) if r["username"] == "leaving")
    assert (row["active"], row["can_login"]) == (False, False)
    with pytest.raises(StoreError, match="not a gisdesk officer"):
        disable_officer(url, "nobody_here")


def test_the_commands(pg_cluster, make_db, monkeypatch, capsys):
    db = make_db("gisdesk_cli")
    url = pg_cluster.url(db)
    assert main(["server", "init", url]) == 0
    assert "row-level security on" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["users", "add", url, "cli_officer", "--role", "commune_officer", "--commune", COMMUNE_A,
                 "--password-stdin"]) == 0
    pg_cluster.connect(db, "cli_officer", password=PASSWORD).close()
    assert main(["users", "list", url]) == 0
    assert f"cli_officer\tcommune_officer\t{COMMUNE_A}\tactive" in capsys.readouterr().out
    assert main(["users", "disable", url, "cli_officer"]) == 0
    assert main(["users", "list", url]) == 0
    assert "cli_officer\tcommune_officer\tPhú Hội\tdisabled" in capsys.readouterr().out
    # a refusal is one line and exit 2
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["users", "add", url, "x_officer", "--role", "viewer", "--password-stdin"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gisdesk: ") and "Traceback" not in err
    assert main(["server", "init", pg_cluster.url("no_such_database")]) == 2
    assert "cannot connect" in capsys.readouterr().err

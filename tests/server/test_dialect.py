"""Each named SQL piece of gisdesk/store/dialect.py, run on SpatiaLite and on PostgreSQL/PostGIS.

The expected values are written by hand (a point's WKB read back, 2026-05-01T08:30:00Z as
seconds since 1970, NULL compared with NULL, ...), the same for both engines.
"""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon

from gisdesk.store.dialect import POSTGIS, SPATIALITE, dialect_of
from gisdesk.store.pg_conn import ServerConnection, to_pyformat

#: 2026-05-01T08:30:00Z in seconds since 1970 (20,574 days and 8.5 hours).
EPOCH = 20574 * 86400 + 8 * 3600 + 30 * 60


@pytest.fixture(scope="module")
def scratch_db(pg_cluster, make_db):
    db = make_db("gisdesk_dialect")
    with pg_cluster.connect(db, autocommit=True) as su:
        su.execute("CREATE EXTENSION postgis")
    return db


@pytest.fixture(params=["spatialite", "postgis"])
def conn(request, tmp_path):
    if request.param == "spatialite":
        from gisdesk.store.connection import connect

        c = connect(tmp_path / "pieces.sqlite", wal=False, create=True)
    else:
        cluster = request.getfixturevalue("pg_cluster")
        c = ServerConnection(cluster.url(request.getfixturevalue("scratch_db")))
    c.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT, at TEXT)")
    yield c
    if request.param == "postgis":
        c.execute("DROP TABLE t")
    c.close()


def _one(conn, sql, params=()):
    return conn.execute(sql, params).fetchone()[0]


def test_the_dialect_is_the_connections(conn):
    assert dialect_of(conn) is (POSTGIS if isinstance(conn, ServerConnection) else SPATIALITE)


def test_a_point_made_from_x_y_srid_reads_back_as_wkb_and_coordinates(conn):
    sql = dialect_of(conn)
    p = sql.point("?", "?", "?")
    wkb = _one(conn, f"SELECT {sql.as_wkb(p)}", (775000.5, 1821000.25, 32648))
    assert shapely.from_wkb(bytes(wkb)).equals(Point(775000.5, 1821000.25))
    assert conn.execute(f"SELECT {sql.x(p)}, {sql.y(p.replace('?', '?', 3))}",
                        (3.5, -2.0, 32648, 3.5, -2.0, 32648)).fetchone() == (3.5, -2.0)


@pytest.mark.parametrize("geom, gtype, expected", [
    (LineString([(0, 0), (1, 1)]), "MULTILINESTRING", "MultiLineString"),
    (Polygon([(0, 0), (1, 0), (1, 1)]), "MULTIPOLYGON", "MultiPolygon")])
def test_wkb_in_becomes_the_multi_type(conn, geom, gtype, expected):
    sql = dialect_of(conn)
    wkb = _one(conn, f"SELECT {sql.as_wkb(sql.multi(sql.from_wkb('?', '?'), gtype))}", (shapely.to_wkb(geom), 32648))
    back = shapely.from_wkb(bytes(wkb))
    assert back.geom_type == expected
    assert back.geoms[0].equals(geom)


def test_epoch_of_a_utc_iso_time(conn):
    sql = dialect_of(conn)
    conn.execute("INSERT INTO t (k, at) VALUES ('a', '2026-05-01T08:30:00Z')")
    at = "CAST(at AS timestamptz)" if sql.server else "at"  # the server's columns are timestamptz
    assert _one(conn, f"SELECT {sql.epoch(at)} FROM t") == EPOCH
    conn.execute("INSERT INTO t (k) VALUES ('no time')")
    assert _one(conn, f"SELECT {sql.epoch(at)} FROM t WHERE k = 'no time'") is None


@pytest.mark.parametrize("a, b, same", [(None, None, True), ("x", None, False), ("x", "x", True), ("x", "y", False)])
def test_same_and_differs_treat_null_as_a_value(conn, a, b, same):
    sql = dialect_of(conn)
    assert bool(_one(conn, f"SELECT {sql.same('CAST(? AS TEXT)', 'CAST(? AS TEXT)')}", (a, b))) is same
    assert bool(_one(conn, f"SELECT {sql.differs('CAST(? AS TEXT)', 'CAST(? AS TEXT)')}", (a, b))) is not same


def test_upsert_replaces_the_row_with_the_same_key(conn):
    sql = dialect_of(conn)
    stmt = sql.upsert("t", ("k", "v"), ("k",))
    conn.execute(stmt, ("a", "first"))
    conn.execute(stmt, ("a", "second"))
    conn.execute(stmt, ("b", "other"))
    assert conn.execute("SELECT k, v FROM t ORDER BY k").fetchall() == [("a", "second"), ("b", "other")]


def test_has_table(conn):
    sql = dialect_of(conn)
    assert sql.has_table(conn, "t") is True
    assert sql.has_table(conn, "no_such_table") is False


def test_insert_order_is_the_order_rows_were_written_in(conn):
    sql = dialect_of(conn)
    for k in ("c", "a", "b"):
        conn.execute("INSERT INTO t (k, at) VALUES (?, '2026-05-01T08:30:00Z')", (k,))
    assert [r[0] for r in conn.execute(f"SELECT k FROM t ORDER BY at, {sql.insert_order}")] == ["c", "a", "b"]


def test_codes_number_values_by_their_place_and_minus_one_when_absent(conn):
    sql = dialect_of(conn)
    for k in ("x", "y", "z"):
        conn.execute("INSERT INTO t (k) VALUES (?)", (k,))
    join, code, params = sql.codes(conn, "test_codes", "t.k", ["z", "x"])
    rows = conn.execute(f"SELECT t.k, {code} FROM t{join} ORDER BY t.k", params).fetchall()
    assert rows == [("x", 1), ("y", -1), ("z", 0)]


def test_placeholders_outside_quotes_only_and_percent_doubled_with_parameters():
    assert to_pyformat("a = ? AND b LIKE 'x%?' AND \"c?\" = ?", True) == "a = %s AND b LIKE 'x%%?' AND \"c?\" = %s"
    assert to_pyformat("b LIKE 'x%'", False) == "b LIKE 'x%'"


def test_the_server_reads_times_as_utc_iso_text_and_uuids_as_text(pg_cluster, scratch_db):
    with ServerConnection(pg_cluster.url(scratch_db)) as c:
        c.execute("SET TimeZone = 'Asia/Ho_Chi_Minh'")  # the loader must not depend on it: reset on connect
    with ServerConnection(pg_cluster.url(scratch_db)) as c:
        row = c.execute("SELECT CAST(? AS timestamptz), CAST(? AS uuid)",
                        ("2026-05-01T15:30:00+07:00", "00000000-0000-4000-8000-000000000001")).fetchone()
        assert row == ("2026-05-01T08:30:00Z", "00000000-0000-4000-8000-000000000001")
        assert c.execute("SELECT CAST(NULL AS timestamptz)").fetchone() == (None,)


def test_begin_immediate_is_one_writer_at_a_time_on_the_server(pg_cluster, scratch_db):
    import threading
    import time

    from gisdesk.store.base import write_transaction

    first, second = ServerConnection(pg_cluster.url(scratch_db)), ServerConnection(pg_cluster.url(scratch_db))
    waited: list[float] = []
    try:
        with write_transaction(first):
            assert first.in_transaction

            def other() -> None:
                t0 = time.monotonic()
                with write_transaction(second):
                    waited.append(time.monotonic() - t0)

            th = threading.Thread(target=other)
            th.start()
            time.sleep(0.5)
            assert not waited  # the second writer waits for the first to commit
        th.join(10)
        assert waited and waited[0] >= 0.4
        assert not first.in_transaction and not second.in_transaction
    finally:
        first.close()
        second.close()

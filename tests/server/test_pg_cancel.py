"""A newer view cancels the running PostgreSQL query (issue 18 "cancellation that cancels", on the server).

The layer is read with a class expression that sleeps 50 ms per row on the server
(``pg_sleep``), so the read would take 10 s; a cancel 0.3 s in must end it with
:class:`ReadCancelled` within a generous 2 s (the measured latency is in benchmarks/README.md),
stop the query on the server (it is no longer in ``pg_stat_activity``) and leave the
connection usable for the next read.
"""

from __future__ import annotations

import threading
import time

import pytest

from gisdesk.render.renderer import CancelToken
from gisdesk.store.pg_datasource import ServerDataSource
from gisdesk.store.reader import ClassExpr, ReadCancelled, read_features

ROWS = 200
#: 50 ms on the server per row: 10 s for the layer unless cancelled.
SLOW = ClassExpr("CASE WHEN pg_sleep(0.05)::text = '' THEN ? ELSE ? END", ("!", "!"))


@pytest.fixture(scope="module")
def slow_db(pg_cluster, make_db):
    db = make_db("gisdesk_cancel")
    with pg_cluster.connect(db, autocommit=True) as su:
        su.execute("CREATE EXTENSION postgis")
        su.execute("CREATE TABLE pts (id integer PRIMARY KEY, geom geometry(POINT, 3857))")
        su.execute("INSERT INTO pts SELECT i, ST_SetSRID(ST_MakePoint(i, i), 3857) FROM generate_series(1, %s) i",
                   (ROWS,))
    return db


def _running(pg_cluster, db: str, marker: str = "pg_sleep") -> int:
    """Queries still running in ``db`` (other than this one and those containing ``marker`` only when
    marker is 'LOCK': then every active query but the lock holder's)."""
    with pg_cluster.connect(db, autocommit=True) as su:
        if marker == "LOCK":
            return su.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND state = 'active' "
                              "AND pid <> pg_backend_pid()", (db,)).fetchone()[0]
        return su.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND state = 'active' "
                          "AND query LIKE '%%pg_sleep%%' AND pid <> pg_backend_pid()", (db,)).fetchone()[0]


def _cancel_after(delay: float, cancel) -> tuple[threading.Thread, list[float]]:
    at: list[float] = []

    def run() -> None:
        time.sleep(delay)
        at.append(time.perf_counter())
        cancel()
    t = threading.Thread(target=run)
    t.start()
    return t, at


def test_a_newer_view_cancels_the_running_server_query(pg_cluster, slow_db):
    with ServerDataSource(pg_cluster.url(slow_db)) as ds:
        layer = ds.layer("pts")
        token = CancelToken()  # the renderer's token: cancel() calls what the read registered, at once
        t, at = _cancel_after(0.3, token.cancel)
        t0 = time.perf_counter()
        with pytest.raises(ReadCancelled):
            read_features(ds, layer, cls=SLOW, cancelled=lambda: token.cancelled, on_cancel=token.on_cancel)
        ended = time.perf_counter()
        t.join()
        assert ended - t0 < 5.0  # not the 10 s of the whole read
        assert ended - at[0] < 2.0
        assert _running(pg_cluster, slow_db) == 0  # stopped on the server, not only abandoned by the client
        # the same thread's connection reads normally afterwards
        data = read_features(ds, layer, cls=ClassExpr("?", ("!",)))
        assert data.geoms.count == ROWS
        assert set(data.codes.tolist()) == {0}


def test_a_polled_cancel_flag_also_stops_the_query(pg_cluster, slow_db):
    with ServerDataSource(pg_cluster.url(slow_db)) as ds:
        flag = threading.Event()
        t, at = _cancel_after(0.3, flag.set)
        with pytest.raises(ReadCancelled):
            read_features(ds, ds.layer("pts"), cls=SLOW, cancelled=flag.is_set)
        assert time.perf_counter() - at[0] < 2.0
        t.join()
        assert _running(pg_cluster, slow_db) == 0


def test_a_view_cancelled_before_it_starts_sends_no_query(pg_cluster, slow_db):
    with ServerDataSource(pg_cluster.url(slow_db)) as ds:
        t0 = time.perf_counter()
        with pytest.raises(ReadCancelled):
            read_features(ds, ds.layer("pts"), cls=SLOW, cancelled=lambda: True)
        assert time.perf_counter() - t0 < 1.0
        assert read_features(ds, ds.layer("pts")).geoms.count == ROWS  # an uncancelled read is whole


def test_a_newer_view_in_the_renderer_cancels_a_blocked_server_read(qapp, pg_cluster, slow_db):
    """The window's path: Renderer.submit cancels the previous job, whose server query is waiting
    (here on a table lock another session holds) — it ends with RenderCancelled, not after the lock."""
    from gisdesk.core.default_styles import default_style
    from gisdesk.core.layers import VectorLayer
    from gisdesk.render.renderer import Renderer, RenderCancelled
    from gisdesk.render.view import MapView

    url = pg_cluster.url(slow_db)
    with pg_cluster.connect(slow_db, autocommit=True) as su:
        su.execute("CREATE TABLE IF NOT EXISTS other (id integer PRIMARY KEY, geom geometry(POINT, 3857))")
        su.execute("INSERT INTO other VALUES (1, 'SRID=3857;POINT(5 5)') ON CONFLICT DO NOTHING")
    pts = VectorLayer(url, "pts", default_style("point"))
    other = VectorLayer(url, "other", default_style("point"))
    r = Renderer(prefetch=False)
    try:
        r.render([pts], MapView.fit((0, 0, 50, 50), 100, 100, "EPSG:3857"), use_image_cache=False, labels=False)
        with pg_cluster.connect(slow_db) as locker:  # a transaction holding the table: reads of it wait
            locker.execute("LOCK TABLE pts IN ACCESS EXCLUSIVE MODE")
            first, _ = r.submit([pts], MapView.fit((100, 100, 150, 150), 100, 100, "EPSG:3857"),
                                use_image_cache=False, labels=False)
            time.sleep(0.5)
            assert not first.done()  # waiting on the server
            t0 = time.perf_counter()
            second, _ = r.submit([other], MapView.fit((0, 0, 10, 10), 100, 100, "EPSG:3857"),
                                 use_image_cache=False, labels=False)
            with pytest.raises(RenderCancelled):
                first.result(timeout=5)
            assert time.perf_counter() - t0 < 2.0  # the lock is still held: the cancel ended it
            assert second.result(timeout=10).errors == []
            assert _running(pg_cluster, slow_db, "LOCK") == 0
    finally:
        r.close()


def test_a_cancel_sent_before_the_query_reaches_the_server_is_sent_again(pg_cluster, slow_db):
    def on_cancel(fn):  # the cancel comes between registration and the query: the backend is still idle
        fn()
        return lambda: None

    with ServerDataSource(pg_cluster.url(slow_db)) as ds:
        t0 = time.perf_counter()
        with pytest.raises(ReadCancelled):
            read_features(ds, ds.layer("pts"), cls=SLOW, on_cancel=on_cancel)
        assert time.perf_counter() - t0 < 2.0  # not the 10 s of the whole read
        assert _running(pg_cluster, slow_db) == 0

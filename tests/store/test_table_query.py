"""TableQuery on real files: the demo city's incidents, and a table of a million points.

Every filter and sort is checked against SQL written by hand for the same question.
"""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from gisdesk.core.expression import ExpressionError
from gisdesk.store.connection import connect
from gisdesk.store.datasource import DataSource
from gisdesk.store.table_query import TableQuery
from sample_layers.generate import build_workspace

MILLION = 1_000_000


def build_million_points(path: Path) -> Path:
    """A SpatiaLite layer ``pts`` of 1,000,000 rows (fid, name, value, cat), written by SQL in ~2 s.

    Rows go in before the geometry column is registered (SpatiaLite's insert triggers
    would triple the time); the first 1,000 rows get a point, the rest a NULL geometry.
    ``name`` is ``'p' || fid``, ``value`` is ``fid * 7919 % 100000`` and ``cat`` cycles
    NULL, 'b', 'a'... by ``fid % 3`` (0 'a', 1 'b', 2 NULL).
    """
    conn = connect(path, create=True)
    try:
        conn.execute("SELECT InitSpatialMetadata(1)")
        conn.execute("CREATE TABLE pts (fid INTEGER PRIMARY KEY, name TEXT, value INTEGER, cat TEXT)")
        conn.execute("BEGIN")
        conn.execute(f"""WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {MILLION})
            INSERT INTO pts (fid, name, value, cat)
            SELECT i, 'p' || i, i * 7919 % 100000,
                   CASE i % 3 WHEN 0 THEN 'a' WHEN 1 THEN 'b' ELSE NULL END FROM s""")
        conn.execute("SELECT AddGeometryColumn('pts', 'geom', 32648, 'POINT', 'XY')")
        conn.execute("UPDATE pts SET geom = MakePoint(500000 + fid * 10, 1800000, 32648) WHERE fid <= 1000")
        conn.execute("COMMIT")
    finally:
        conn.close()
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_workspace(tmp_path_factory.mktemp("tq") / "hue.sqlite", incidents=2000)


@pytest.fixture()
def query(demo):
    with DataSource(demo) as ds:
        yield TableQuery(ds, ds.layer("incidents"))


def by_sql(q: TableQuery, sql: str, params=()) -> np.ndarray:
    rows = q.ds.connection(text=True).execute(sql, params).fetchall()
    return np.array([r[0] for r in rows], np.int64)


def test_without_filter_every_feature_in_id_order(query):
    assert query.columns[:6] == ["fid", "uuid", "category", "severity", "channel", "status"]
    assert "geom" not in query.columns
    assert query.count == query.total == 2000
    np.testing.assert_array_equal(query.ids(), by_sql(query, "SELECT rowid FROM incidents ORDER BY rowid"))


def test_vietnamese_commune_filter(query):
    query.set_filter("commune = 'Phú Hội'")
    expected = by_sql(query, "SELECT rowid FROM incidents WHERE commune = ? ORDER BY rowid", ("Phú Hội",))
    assert 0 < len(expected) < 2000
    np.testing.assert_array_equal(query.ids(), expected)
    assert {row[query.columns.index("commune")] for row in query.rows(query.ids())} == {"Phú Hội"}
    # the same name typed with combining accents (NFD, as some Vietnamese keyboards send it)
    query.set_filter(f"commune = '{unicodedata.normalize('NFD', 'Phú Hội')}'")
    np.testing.assert_array_equal(query.ids(), expected)


@pytest.mark.parametrize("expr, where", [
    ("severity >= 3 and channel in ('camera', 'hotline')", "severity >= 3 AND channel IN ('camera', 'hotline')"),
    ("resolved_at is null", "resolved_at IS NULL"),
    ("not (severity >= 3 or channel = 'camera')", "NOT (severity >= 3 OR channel = 'camera')"),
    ("\"severity\" * 2 > 5 and lower(\"status\") = 'closed'", "severity * 2 > 5 AND status = 'closed'"),
    ("upper(commune) = 'PHÚ HỘI'", "commune = 'Phú Hội'"),  # Unicode upper case, not SQLite's ASCII one
    ("lower(commune) = 'phú hội'", "commune = 'Phú Hội'"),
    ("month(reported_at) = 3 and year(reported_at) >= 2026",
     "substr(reported_at, 6, 2) = '03' AND substr(reported_at, 1, 4) >= '2026'"),
    ("reported_at between '2026-03-01' and '2026-06-30'", "reported_at BETWEEN '2026-03-01' AND '2026-06-30'"),
    ("STATUS <> 'closed' and Severity < 2", "status <> 'closed' AND severity < 2"),
    ("category not in ('flooding', 'landslide')", "category NOT IN ('flooding', 'landslide')"),
])
def test_filters_match_hand_written_sql(query, expr, where):
    query.set_filter(expr)
    expected = by_sql(query, f"SELECT rowid FROM incidents WHERE {where} ORDER BY rowid")
    assert len(expected) > 0
    np.testing.assert_array_equal(query.ids(), expected)
    assert query.count == len(expected) and query.total == 2000


def test_like_is_case_sensitive_and_ilike_is_not_even_for_vietnamese(query):
    expected = by_sql(query, "SELECT rowid FROM incidents WHERE commune GLOB 'Phú*' ORDER BY rowid")
    assert len(expected) > 0
    query.set_filter("commune like 'Phú%'")
    np.testing.assert_array_equal(query.ids(), expected)
    query.set_filter("commune like 'phú%'")
    assert query.count == 0
    query.set_filter("commune ilike 'PHÚ%'")  # Ú is not ASCII: SQLite's own LIKE would miss it
    np.testing.assert_array_equal(query.ids(), expected)
    query.set_filter("commune ilike 'ph_ h_i'")
    np.testing.assert_array_equal(query.ids(), by_sql(query, "SELECT rowid FROM incidents WHERE commune = 'Phú Hội'"))


def test_sorting_matches_order_by_and_puts_nulls_last(query):
    query.set_sort("severity", descending=True)
    np.testing.assert_array_equal(
        query.ids(), by_sql(query, "SELECT rowid FROM incidents ORDER BY severity DESC, rowid"))
    query.set_filter("channel = 'camera'")
    query.set_sort("RESOLVED_AT")
    ids = query.ids()
    np.testing.assert_array_equal(ids, by_sql(
        query, "SELECT rowid FROM incidents WHERE channel = 'camera' ORDER BY resolved_at IS NULL, resolved_at, rowid"))
    values = [r[query.columns.index("resolved_at")] for r in query.rows(ids)]
    n_null = values.count(None)
    assert 0 < n_null < len(values) and all(v is None for v in values[-n_null:])
    assert values[:-n_null] == sorted(values[:-n_null])
    query.set_sort(None)
    assert np.all(np.diff(query.ids()) > 0)
    with pytest.raises(KeyError):
        query.set_sort("no_such_column")


def test_a_bad_filter_raises_and_changes_nothing(query):
    query.set_filter("severity = 4")
    before = query.ids().copy()
    for bad in ("severity = ", "sevrity = 4", "severity = 4 and (channel = 'x'", "1 = 1; drop table incidents"):
        with pytest.raises(ExpressionError):
            query.set_filter(bad)
        assert query.filter_text == "severity = 4"
        np.testing.assert_array_equal(query.ids(), before)
    query.set_filter("   ")
    assert query.count == 2000 and query.filter_text == ""


def test_injection_attempts_are_plain_values(query):
    query.set_filter("category = 'x''; DROP TABLE incidents; --'")
    assert query.count == 0
    query.set_filter("category = 'x'' OR ''1''=''1'")
    assert query.count == 0
    query.set_filter("")
    assert query.count == 2000  # the table is still there


def test_rows_come_back_in_the_order_asked(query):
    ids = query.ids()[[40, 3, 1999, 0]]
    rows = query.rows(ids)
    assert [r[0] for r in rows] == ids.tolist()  # fid equals rowid in the demo
    assert query.rows([10**9])[0] == (None,) * len(query.columns)
    assert query.rows([]) == []


def test_a_million_rows(tmp_path):
    t0 = time.perf_counter()
    path = build_million_points(tmp_path / "million.sqlite")
    built = time.perf_counter() - t0
    with DataSource(path) as ds:
        q = TableQuery(ds, ds.layer("pts"))
        t0 = time.perf_counter()
        ids = q.ids()
        t_ids = time.perf_counter() - t0
        assert len(ids) == MILLION and ids.dtype == np.int64
        np.testing.assert_array_equal(ids, np.arange(1, MILLION + 1))
        t0 = time.perf_counter()
        block = q.rows(ids[-256:])
        t_block = time.perf_counter() - t0
        assert block[-1] == (MILLION, "p1000000", 0, "b") and block[0][0] == MILLION - 255
        q.set_filter("cat = 'a' and value < 50000")
        t0 = time.perf_counter()
        n = q.count
        t_filter = time.perf_counter() - t0
        (expected,) = ds.connection().execute("SELECT count(*) FROM pts WHERE cat = 'a' AND value < 50000").fetchone()
        assert n == expected > 100000
        q.set_sort("value", descending=True)
        t0 = time.perf_counter()
        top = q.ids()[:5]
        t_sort = time.perf_counter() - t0
        assert top.tolist() == [r[0] for r in ds.connection().execute(
            "SELECT fid FROM pts WHERE cat = 'a' AND value < 50000 ORDER BY value DESC, fid LIMIT 5")]
        values = [r[2] for r in q.rows(top)]
        assert values[0] == 49999 and values == sorted(values, reverse=True)
    print(f"\n1M rows: build {built:.2f}s, ids {t_ids:.3f}s, block of 256 {t_block * 1000:.1f}ms, "
          f"filter {t_filter:.3f}s, filter+sort {t_sort:.3f}s")


def test_a_long_sort_can_be_interrupted_from_another_thread(tmp_path):
    """Cancel in the attribute table: interrupt() stops SQLite mid-query with a clear error, and the
    query answers again afterwards."""
    import threading

    from gisdesk.store.errors import StoreError

    path = build_million_points(tmp_path / "million.sqlite")
    with DataSource(path) as ds:
        q = TableQuery(ds, ds.layer("pts"))
        q.set_filter("name ilike 'P%'")  # a Python function per row: slow enough to catch
        q.set_sort("name", descending=True)
        timer = threading.Timer(0.05, q.interrupt)
        timer.start()
        with pytest.raises(StoreError, match="interrupt"):
            q.ids()
        timer.join()
        q.set_filter("value < 10")
        assert len(q.ids()) == len(by_sql(q, "SELECT fid FROM pts WHERE value < 10"))


# -- the access policy's read filter (issue 12: every commune saw all incidents in the attribute table) --

def _officer(demo, name):
    from gisdesk.store.users_store import UserStore

    with UserStore(demo) as store:
        return store.get(name)


@pytest.mark.parametrize("who, where, params", [
    ("phu_hoi", "commune = ?", ("Phú Hội",)),  # a commune officer: the commune's incidents only
    ("moitruong", "department = ?", ("Công ty Môi trường và Công trình đô thị",)),  # a department: its category's
    ("viewer", "1", ()),  # a viewer reads everything
    ("dispatcher", "1", ()),
])
def test_the_table_holds_only_the_rows_the_user_may_read(demo, who, where, params):
    with DataSource(demo, user=_officer(demo, who)) as ds:
        q = TableQuery(ds, ds.layer("incidents"))
        expected = by_sql(q, f"SELECT rowid FROM incidents WHERE {where} ORDER BY rowid", params)
        assert 0 < len(expected) and (len(expected) == 2000) == (where == "1")
        assert q.count == q.total == len(expected)
        np.testing.assert_array_equal(q.ids(), expected)
        q.set_sort("severity", descending=True)  # sorting and filtering stay inside the user's rows
        np.testing.assert_array_equal(q.ids(), by_sql(
            q, f"SELECT rowid FROM incidents WHERE {where} ORDER BY severity IS NULL, severity DESC, rowid", params))
        q.set_filter("status = 'open'")
        np.testing.assert_array_equal(np.sort(q.ids()), by_sql(
            q, f"SELECT rowid FROM incidents WHERE {where} AND status = 'open' ORDER BY rowid", params))
        q.set_filter("status = 'open' or 1 = 1")  # a filter cannot widen the user's rows
        assert q.count == len(expected)


def test_rows_of_foreign_ids_come_back_empty(demo):
    with DataSource(demo, user=_officer(demo, "phu_hoi")) as ds:
        q = TableQuery(ds, ds.layer("incidents"))
        foreign = by_sql(q, "SELECT rowid FROM incidents WHERE commune <> ? LIMIT 3", ("Phú Hội",))
        own = by_sql(q, "SELECT rowid FROM incidents WHERE commune = ? LIMIT 1", ("Phú Hội",))
        rows = q.rows(np.concatenate([foreign, own]))
        assert rows[:3] == [(None,) * len(q.columns)] * 3 and rows[3][q.columns.index("commune")] == "Phú Hội"


def test_the_filter_follows_the_users_table_and_a_switch_of_user(demo):
    from gisdesk.core.users import User

    claimed = User("phu_hoi", "x", "city_dispatcher")  # the role is read from the workspace, not from the caller
    with DataSource(demo, user=claimed) as ds:
        q = TableQuery(ds, ds.layer("incidents"))
        n = len(by_sql(q, "SELECT rowid FROM incidents WHERE commune = ?", ("Phú Hội",)))
        assert q.count == q.total == n
        ds.set_user(_officer(demo, "viewer"))
        q.refresh()
        assert q.count == q.total == 2000

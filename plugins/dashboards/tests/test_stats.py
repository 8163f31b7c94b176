"""Aggregations and card numbers without a display."""

from __future__ import annotations

import numpy as np
import pytest

from dashboards import columns, stats
from dashboards.model import DashboardModel
from dashboards.stats import Filter


@pytest.fixture
def model(plugin_context, tmp_path):
    return DashboardModel(plugin_context, cache_dir=tmp_path / "cache").load()


def test_columns_match_sql(plugin_context, model):
    cols = model.cols
    read = plugin_context.workspace.read
    assert len(cols) == read("SELECT count(*) AS n FROM incidents")[0]["n"]
    by_cat = {r["category"]: r["n"] for r in read("SELECT category, count(*) AS n FROM incidents GROUP BY 1")}
    assert {c: int(n) for c, n in zip(cols.categories, np.bincount(cols.category, minlength=len(cols.categories)))
            if n} == by_cat
    row = read("SELECT X(geom) AS x, Y(geom) AS y, commune, occurred_at FROM incidents ORDER BY fid LIMIT 1")[0]
    x, y = model.coords()
    assert (x[0], y[0]) == (row["x"], row["y"])
    assert cols.communes[cols.commune[0]] == row["commune"]
    assert str(cols.minute[0].astype("M8[m]")) == row["occurred_at"][:16]


def test_the_store_codes_follow_a_new_incident_without_a_cache(plugin_context, tmp_path):
    first = DashboardModel(plugin_context, cache_dir=tmp_path).load()
    assert first.loaded_from == "cells"  # the workspace keeps the codes and cells: read at once, no column cache
    import shapely
    from gisdesk.api import Incident, Incidents

    x, y = (float(np.nanmedian(v)) for v in first.coords())
    city = Incidents(plugin_context.workspace.path, lambda: "dispatcher", lambda inc: None)  # headless user only reads
    city.create(Incident("noise", shapely.Point(x, y), severity=2))
    city.close()
    again = DashboardModel(plugin_context, cache_dir=tmp_path).load()
    assert again.loaded_from == "cells" and len(again.cols) == len(first.cols) + 1
    noise = again.cols.categories.index("noise")
    assert int((again.cols.category == noise).sum()) == int((first.cols.category == noise).sum()) + 1
    whole = stats.Filter(*again.cols.day_span())  # the cells' counts followed it too
    assert stats.incident_summary(again.cols, whole)["by_category"][noise] == \
        stats.incident_summary(first.cols, whole)["by_category"][noise] + 1


def test_codes_read_equals_the_full_scan(plugin_context, model):
    """The store's codes give the same columns as scanning the incident table's text (the old reader)."""
    scanned = columns.load(plugin_context.workspace.read)
    for name in ("minute", "resolved", "category", "status", "channel", "department", "commune"):
        assert np.array_equal(getattr(model.cols, name), getattr(scanned, name)), name
    assert model.cols.categories == scanned.categories and model.cols.communes == scanned.communes
    x, y = model.coords()
    assert np.array_equal(x, scanned.x, equal_nan=True) and np.array_equal(y, scanned.y, equal_nan=True)


@pytest.mark.parametrize("commune, category, days", [
    (None, None, 90), ("Phú Hội", None, 30), (None, "flooding", 365), ("Đông Ba", "noise", 7), ("Vĩnh Ninh", None, 365)])
def test_summary_counts_equal_sql_for_several_filters(plugin_context, model, commune, category, days):
    last = int(model.cols.day.max())
    f = Filter(last - days + 1, last, commune=commune, category=category)
    got = stats.incident_summary(model.cols, f)
    lo, hi = stats.day_start_utc(f.start_day), stats.day_start_utc(f.end_day + 1)
    where = "coalesce(occurred_at, reported_at) >= ? AND coalesce(occurred_at, reported_at) < ?"
    args: list = [lo, hi]
    if commune:
        where, args = where + " AND commune = ?", args + [commune]
    if category:
        where, args = where + " AND category = ?", args + [category]
    read = plugin_context.workspace.read
    one = read(f"SELECT count(*) AS n, sum(status IN ('new', 'assigned', 'in_progress')) AS open, "
               f"sum(status IN ('resolved', 'closed')) AS resolved FROM incidents WHERE {where}", args)[0]
    assert got["incidents"] == one["n"]
    assert got["open"] == (one["open"] or 0) and got["resolved"] == (one["resolved"] or 0)
    by_cat = {r["category"]: r["n"] for r in read(f"SELECT category, count(*) AS n FROM incidents WHERE {where} "
                                                   "GROUP BY 1", args)}
    assert {c: int(n) for c, n in zip(model.cols.categories, got["by_category"]) if n} == by_cat
    cams = {r["category"]: r["n"] for r in read(f"SELECT category, count(*) AS n FROM incidents WHERE {where} "
                                                 "AND channel = 'camera' GROUP BY 1", args)}
    assert {c: int(n) for c, n in zip(model.cols.categories, got["camera_by_type"]) if n} == cams


def test_filter_counts_match_sql(plugin_context, model):
    last = int(model.cols.day.max())
    f = Filter(last - 59, last, commune="Phú Hội", category="noise")
    snap = model.snapshot(f)
    lo, hi = stats.day_start_utc(f.start_day), stats.day_start_utc(f.end_day + 1)
    n = plugin_context.workspace.read(
        "SELECT count(*) AS n FROM incidents WHERE commune = ? AND category = ? AND occurred_at >= ? "
        "AND occurred_at < ?", ["Phú Hội", "noise", lo, hi])[0]["n"]
    assert snap["incidents"] == n > 0
    open_n = plugin_context.workspace.read(
        "SELECT count(*) AS n FROM incidents WHERE commune = ? AND category = ? AND occurred_at >= ? "
        "AND occurred_at < ? AND status IN ('new', 'assigned', 'in_progress')", ["Phú Hội", "noise", lo, hi])[0]["n"]
    assert snap["cards"]["open_incidents"][0] == open_n


@pytest.mark.parametrize("commune", [None, "Phú Hội", "Đông Ba"])
def test_task_cards_equal_core_kpis(plugin_context, model, commune):
    f = Filter(model.default_filter().end_day - 364, model.default_filter().end_day, commune=commune)
    snap = model.snapshot(f)
    kpis = plugin_context.tasks.kpis(stats.day_start_utc(f.start_day), stats.day_start_utc(f.end_day + 1),
                                     commune=commune)
    assert snap["cards"]["on_time_rate"][0] == kpis["on_time_rate"]
    assert snap["cards"]["resolution_rate"][0] == kpis["resolution_rate"]
    assert snap["cards"]["overdue_tasks"][0] == kpis["overdue"]
    assert snap["cards"]["satisfaction"][0] == kpis["satisfaction"]["rate"]


def test_ranking_orders_by_score(model):
    f = model.default_filter()
    month = stats.months(model.cols)[-2]
    rows = stats.ranking(model.cols, f, month)
    assert [r["rank"] for r in rows] == list(range(1, len(model.cols.communes) + 1))
    scores = [r["score"] if r["score"] is not None else -1 for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert sum(r["incidents"] for r in rows) == int(
        (model.cols.minute.astype("M8[m]").astype("M8[M]") == np.datetime64(month)).sum())


def test_hex_bins_count_every_point():
    rng = np.random.default_rng(1)
    x, y = rng.normal(0, 1000, 5000), rng.normal(0, 1000, 5000)
    cx, cy, n = stats.hex_bins(x, y, 200.0)
    assert n.sum() == 5000
    # every point is nearer its own hexagon centre than any other (a hexagon is the Voronoi cell of its centre)
    import shapely

    polys = shapely.polygons(stats.hex_corners(cx, cy, 200.0))
    inside = shapely.contains_xy(polys[:, None], x[None, :200], y[None, :200]).sum(axis=0)
    assert (inside == 1).all()


def test_funnel_counts_reached_stages():
    assert stats.funnel(["created", "assigned", "closed", "cancelled", "returned"]) == [4, 3, 1, 1, 1, 1]


def test_previous_period_has_same_length():
    f = Filter(100, 129)
    assert (f.previous().start_day, f.previous().end_day) == (70, 99)


def test_every_card_has_a_value_on_the_demo_that_lives_today(model):
    """The demo ends on its --today and has callbacks: no card of the default range is empty."""
    snap = model.snapshot(model.default_filter())
    assert {k: v[0] is not None for k, v in snap["cards"].items()} == {k: True for k in snap["cards"]}
    assert snap["kpis"]["satisfaction"]["responses"] > 0
    assert stats.day_iso(model.default_filter().end_day) >= "2026-11-19"  # the pinned --today is 2026-11-20


@pytest.mark.parametrize("commune, category, days", [
    (None, None, 90), ("Phú Hội", None, 30), (None, "flooding", 365), ("Đông Ba", "noise", 7), ("Nowhere", None, 30),
    (None, "no such kind", 30)])
def test_the_cubes_give_what_the_masks_give(model, commune, category, days):
    """Slicing the count cubes equals filtering every incident with masks (the reference)."""
    cols = model.cols
    last = int(cols.day.max())
    f = Filter(last - days + 1, last, commune=commune, category=category)
    fast, slow = stats.incident_summary(cols, f), stats._summary_by_masks(cols, f)
    for key in ("incidents", "open", "resolved", "by_category", "by_commune", "camera_by_type", "population"):
        assert np.array_equal(fast[key], slow[key]), key
    days_a, per_a = stats.per_day_of(cols, f)
    days_b, per_b = stats.per_day(cols, stats.unit_mask(cols, f))
    assert np.array_equal(days_a, days_b) and np.array_equal(per_a, per_b)
    fast_h, slow_h = stats.month_history(cols, f), stats._history_by_masks(cols, f)
    assert [(r["month"], r["incidents"], r["resolution_rate"]) for r in fast_h] == \
        [(r["month"], r["incidents"], r["resolution_rate"]) for r in slow_h]
    assert [r["mean_hours"] for r in fast_h] == pytest.approx([r["mean_hours"] for r in slow_h])
    month = stats.months(cols)[-2]
    start, end = stats._month_days(month)
    by_cube = stats._month_rows(cols, f, month)
    by_mask = stats._unit_rows(cols, stats.mask(cols, Filter(start, end, category=category)))
    for key in ("incidents", "resolved"):
        assert np.array_equal(by_cube[key], by_mask[key]), key
    assert np.allclose(by_cube["mean_hours"], by_mask["mean_hours"], equal_nan=True)

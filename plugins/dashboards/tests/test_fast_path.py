"""The fast path (the store's codes, count cubes) gives the KPIs of the rule on a hand-made set of incidents.

Nine incidents are written by hand into a real workspace (its incidents replaced; the store's
triggers keep the codes). Every expected number below is counted by hand from the rule in
:mod:`dashboards.stats` (open = new, assigned, in progress; resolved = resolved, closed; hours to
resolve only where a resolved incident has a resolution time), and the same numbers must come
from the reference: the old reader that scans the incident table's text, filtered with masks.
"""

from __future__ import annotations

import os
import sqlite3
import uuid

import numpy as np
import pytest

from dashboards import columns, cube, stats
from dashboards.model import DashboardModel
from dashboards.stats import Filter

PHU_HOI, VINH_NINH = (1, "Phú Hội"), (2, "Vĩnh Ninh")
FLOOD_DEPT, POLICE, WASTE = ("Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn", "Công an thành phố",
                             "Công ty Môi trường và Công trình đô thị")
#: (category, status, channel, commune, occurred_at, resolved_at, department); None occurred: reported at 05:00
INCIDENTS = [
    ("flooding", "new", "hotline", PHU_HOI, "2026-03-10T08:00:00Z", None, FLOOD_DEPT),                      # 1
    ("flooding", "resolved", "camera", PHU_HOI, "2026-03-10T09:00:00Z", "2026-03-10T15:00:00Z", FLOOD_DEPT),  # 2: 6 h
    ("noise", "closed", "app", VINH_NINH, "2026-03-11T23:59:00Z", "2026-03-12T11:59:00Z", POLICE),         # 3: 12 h
    ("noise", "in_progress", "camera", VINH_NINH, "2026-03-12T00:00:00Z", None, POLICE),                   # 4
    ("fallen tree", "resolved", "hotline", VINH_NINH, "2026-03-12T10:00:00Z", None, WASTE),                # 5: no time
    ("fallen tree", "rejected", "app", VINH_NINH, "2026-03-12T23:59:59Z", None, WASTE),                    # 6
    ("flooding", "assigned", "camera", None, "2026-02-28T12:00:00Z", None, FLOOD_DEPT),                    # 7
    ("noise", "resolved", "app", PHU_HOI, "2026-02-27T06:00:00Z", "2026-02-28T06:00:00Z", POLICE),         # 8: 24 h
    ("flooding", "new", "app", PHU_HOI, None, None, FLOOD_DEPT),                                           # 9
]
MARCH_10, MARCH_12 = (int(np.datetime64(d, "D").astype(np.int64)) for d in ("2026-03-10", "2026-03-12"))


def _connect(path):
    """A writable SQLite connection with mod_spatialite (the incident table's geometry triggers call it).

    Plugins import nothing of gisdesk but ``gisdesk.api``, which writes no raw rows: SQLite itself, as
    the set-up installs it (Debian's ``libsqlite3-mod-spatialite``, or ``GISDESK_MOD_SPATIALITE``).
    """
    module = sqlite3 if hasattr(sqlite3.Connection, "enable_load_extension") else pytest.importorskip("sqlean")
    conn = module.connect(str(path), isolation_level=None)
    conn.enable_load_extension(True)
    conn.load_extension(os.environ.get("GISDESK_MOD_SPATIALITE") or "mod_spatialite")
    return conn


@pytest.fixture
def model(plugin_context):
    conn = _connect(plugin_context.workspace.path)
    conn.execute("BEGIN")
    conn.execute("DELETE FROM incidents")
    conn.executemany(
        "INSERT INTO incidents (uuid, category, severity, channel, status, reported_at, occurred_at, resolved_at, "
        "updated_at, commune_fid, commune, department) VALUES (?, ?, 2, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(str(uuid.uuid4()), cat, channel, status, occurred or "2026-03-12T05:00:00Z", occurred, resolved,
          "2026-03-13T00:00:00Z", unit[0] if unit else None, unit[1] if unit else None, dept)
         for cat, status, channel, unit, occurred, resolved, dept in INCIDENTS])
    conn.execute("COMMIT")
    conn.close()
    m = DashboardModel(plugin_context).load()
    assert m.loaded_from == "cells"  # the fast path under test: the store's counts
    return m


@pytest.fixture
def reference(plugin_context, model):
    """The old reader: the incident table's text scanned and coded in SQL (no store codes)."""
    return columns.load(plugin_context.workspace.read)


def _by_name(cols, counts) -> dict[str, int]:
    return {n: int(v) for n, v in zip(cols.categories, counts) if v}


def test_the_cards_and_charts_of_three_days_count_by_hand(model, reference):
    cols = model.cols
    f = Filter(MARCH_10, MARCH_12)
    got = stats.incident_summary(cols, f)
    # in range: 1, 2, 3, 4, 5, 6, 9 (6 at 23:59:59 on the last day; 9 by its report time)
    assert got["incidents"] == 7
    assert got["open"] == 3  # 1 new, 4 in progress, 9 new
    assert got["resolved"] == 3  # 2 resolved, 3 closed, 5 resolved (without a time: still resolved)
    assert _by_name(cols, got["by_category"]) == {"flooding": 3, "noise": 2, "fallen tree": 2}
    assert _by_name(cols, got["camera_by_type"]) == {"flooding": 1, "noise": 1}
    assert dict(zip(cols.communes, got["by_commune"].tolist()))[PHU_HOI[1]] == 3
    assert dict(zip(cols.communes, got["by_commune"].tolist()))[VINH_NINH[1]] == 4
    days, per_day = stats.per_day_of(cols, f)
    shown = dict(zip(days.tolist(), per_day.tolist()))
    assert [shown[d] for d in range(MARCH_10, MARCH_12 + 1)] == [2, 1, 4]
    before = stats.incident_summary(cols, f.previous())  # 7-9 March: nothing
    assert (before["incidents"], before["open"]) == (0, 0)
    # the reference gives the same
    slow = stats._summary_by_masks(reference, f)
    for key in ("incidents", "open", "resolved", "by_category", "by_commune", "camera_by_type"):
        assert np.array_equal(got[key], slow[key]), key


@pytest.mark.parametrize("commune, category, department, expected", [
    (PHU_HOI[1], None, None, {"incidents": 3, "open": 2, "resolved": 1}),        # 1, 2, 9
    (VINH_NINH[1], None, None, {"incidents": 4, "open": 1, "resolved": 2}),      # 3, 4, 5, 6
    (None, "noise", None, {"incidents": 2, "open": 1, "resolved": 1}),           # 3, 4
    (PHU_HOI[1], "noise", None, {"incidents": 0, "open": 0, "resolved": 0}),     # 8 is in February
    (None, None, POLICE, {"incidents": 2, "open": 1, "resolved": 1}),            # masks: a department-locked user
    (None, "no such kind", None, {"incidents": 0, "open": 0, "resolved": 0}),
])
def test_filters_count_by_hand_and_as_the_reference(model, reference, commune, category, department, expected):
    f = Filter(MARCH_10, MARCH_12, commune=commune, category=category, department=department)
    got = stats.incident_summary(model.cols, f)
    assert {k: got[k] for k in expected} == expected
    slow = stats._summary_by_masks(reference, f)
    assert {k: slow[k] for k in expected} == expected


def test_the_monthly_ranking_and_history_by_hand(model, reference):
    cols = model.cols
    assert stats.months(cols) == ["2026-02", "2026-03"]
    rows = {r["commune"]: r for r in stats.ranking(cols, Filter(MARCH_10, MARCH_12), "2026-03")}
    vn, ph = rows[VINH_NINH[1]], rows[PHU_HOI[1]]
    # the ranking counts an incident resolved when it is resolved or closed with a resolution time
    # (the ones whose hours count): 5 is resolved without one
    # Phú Hội: 1, 2, 9; resolved 2 (1 of 3, 6 h). Vĩnh Ninh: 3, 4, 5, 6; resolved 3 (1 of 4, 12 h)
    assert (ph["rank"], ph["incidents"], ph["score"], ph["mean_hours"]) == (1, 3, 33.3, 6.0)
    assert (vn["rank"], vn["incidents"], vn["score"], vn["mean_hours"]) == (2, 4, 25.0, 12.0)
    # February: Phú Hội first (8: 1 of 1), so no change; Vĩnh Ninh had nothing to compare
    assert ph["rank_change"] == 0 and vn["rank_change"] is None
    history = stats.month_history(cols, Filter(MARCH_10, MARCH_12, commune=PHU_HOI[1]))
    assert [(h["month"], h["incidents"], h["resolution_rate"], h["mean_hours"]) for h in history] == \
        [("2026-03", 3, pytest.approx(1 / 3), 6.0), ("2026-02", 1, 1.0, 24.0)]
    city = stats.month_history(cols, Filter(MARCH_10, MARCH_12))  # 7 has no commune: the city counts it
    assert [(h["month"], h["incidents"]) for h in city] == [("2026-03", 7), ("2026-02", 2)]
    # the reference (masks over the scanned text) agrees
    assert stats._history_by_masks(reference, Filter(MARCH_10, MARCH_12, commune=PHU_HOI[1])) == history
    by_mask = stats._unit_rows(reference, stats.mask(reference, Filter(*stats._month_days("2026-03"))))
    by_cube = stats._month_rows(cols, Filter(MARCH_10, MARCH_12), "2026-03")
    for key in ("incidents", "resolved", "mean_hours"):
        assert np.allclose(by_cube[key], by_mask[key], equal_nan=True), key


def test_the_snapshot_card_of_open_incidents_per_10k(model):
    snap = model.snapshot(Filter(MARCH_10, MARCH_12, commune=PHU_HOI[1]))
    assert snap["cards"]["open_incidents"] == (2, 0)
    population = model.ctx.workspace.read("SELECT population FROM communes WHERE fid = 1")[0]["population"]
    assert snap["open_per_10k"] == pytest.approx(2 / population * 1e4)


def test_the_codes_read_equals_the_scan_column_by_column(model, reference):
    for name in ("minute", "resolved", "category", "status", "channel", "department", "commune"):
        assert np.array_equal(getattr(model.cols, name), getattr(reference, name)), name
    # the minute of incident 9 is its report time; the cubes hold every incident once
    assert int(cube.day_cube(model.cols).counts.sum()) == len(INCIDENTS)
    assert int(cube.month_cube(model.cols).counts[..., 0].sum()) == len(INCIDENTS)


def test_the_first_paint_reads_no_incident_one_by_one(model):
    """A city view's cards, charts, ranking and history come from the store's cells alone."""
    cols = model.cols
    f = Filter(MARCH_10, MARCH_12)
    model.snapshot(f)
    stats.ranking(cols, f, "2026-03")
    stats.month_history(cols, Filter(MARCH_10, MARCH_12, commune=PHU_HOI[1]))
    assert not cols.read_every_incident
    stats.incident_summary(cols, Filter(MARCH_10, MARCH_12, department=POLICE))  # masks: each incident now
    assert cols.read_every_incident and len(cols.minute) == len(INCIDENTS)


def test_the_cubes_of_the_cells_are_the_cubes_of_every_incident(plugin_context):
    """On the demo city: the cells' cubes equal those counted incident by incident."""
    from dashboards import cells

    read = plugin_context.workspace.read
    by_cells, by_codes = cells.load(read), columns.load_codes(read)
    a, b = cube.day_cube(by_cells), cube.day_cube(by_codes)
    assert (a.first, a.counts.shape) == (b.first, b.counts.shape) and np.array_equal(a.counts, b.counts)
    a, b = cube.month_cube(by_cells), cube.month_cube(by_codes)
    assert (a.first, a.counts.shape) == (b.first, b.counts.shape)
    assert np.array_equal(a.counts[..., :2], b.counts[..., :2]) and np.allclose(a.counts[..., 2], b.counts[..., 2])
    every = read("SELECT count(*) AS n FROM incidents")[0]["n"]  # the dispatcher reads them all
    assert len(by_cells) == len(by_codes) == every > 0 and by_cells.day_span() == by_codes.day_span()
    assert not by_cells.read_every_incident


def test_a_view_that_filters_by_department_reads_each_incident_while_loading(plugin_context, model):
    m = DashboardModel(plugin_context)
    m.each_incident = True  # the panel asks for it when the access policy locks the user to a department
    m.load()
    assert m.loaded_from == "cells" and m.cols.read_every_incident
    got = stats.incident_summary(m.cols, Filter(MARCH_10, MARCH_12, department=POLICE))
    assert (got["incidents"], got["open"], got["resolved"]) == (2, 1, 1)  # 3 and 4, as counted above

"""The dashboards' incident columns from the server in one binary COPY, under row-level security."""

from __future__ import annotations

import numpy as np

from gisdesk.core.incidents import CHANNELS, STATUSES
from gisdesk.store.pg_incident_columns import read_incident_columns
from tests.server.conftest import DEPT_1, DEPT_2

CATEGORIES = ("fire", "flooding")


def _read(conn, with_xy: bool = True):
    return read_incident_columns(conn, CATEGORIES, STATUSES, CHANNELS, (DEPT_1, DEPT_2), with_xy)


def test_the_dispatcher_reads_every_incident_as_codes_and_minutes(as_role):
    cols = _read(as_role("dispatcher"))
    reported = int(np.datetime64("2026-11-01T08:00", "m").astype(np.int64))  # the sample rows' time, UTC
    assert cols["minute"].tolist() == [reported, reported]
    assert cols["resolved"].tolist() == [-1, -1]  # not resolved
    assert cols["category"].tolist() == [2, 2]  # flooding is the 2nd name given (0: none of them)
    assert cols["status"].tolist() == [1, 1] and cols["channel"].tolist() == [2, 2]  # new; hotline
    assert cols["department"].tolist() == [1, 2]
    assert cols["commune_fid"].tolist() == [-1, -1]  # the sample rows have none
    assert cols["x"].tolist() == [0.0, 1000.0] and cols["y"].tolist() == [0.0, 0.0]
    assert {k: v.dtype.kind for k, v in cols.items()} == {**dict.fromkeys(
        ("minute", "resolved", "category", "status", "channel", "department", "commune_fid"), "i"), "x": "f", "y": "f"}


def test_a_commune_officer_reads_only_their_communes_incidents(as_role):
    cols = _read(as_role("phu_hoi"), with_xy=False)
    assert cols["department"].tolist() == [1] and "x" not in cols  # incident IA of commune A only


def test_a_name_outside_the_lists_is_code_zero(as_role):
    cols = read_incident_columns(as_role("dispatcher"), ("fire",), ("closed",), ("app",), ())
    assert [cols[k].tolist() for k in ("category", "status", "channel", "department")] == [[0, 0]] * 4


def test_ranges_read_on_more_connections_give_the_same_columns(as_role, pg_cluster, city):
    from tests.server.conftest import PASSWORD

    alone = _read(as_role("dispatcher"))
    with pg_cluster.connect(city, "dispatcher", autocommit=True, password=PASSWORD) as second:
        split = read_incident_columns(as_role("dispatcher"), CATEGORIES, STATUSES, CHANNELS, (DEPT_1, DEPT_2),
                                      more=[second])
    assert {k: v.tolist() for k, v in split.items()} == {k: v.tolist() for k, v in alone.items()}

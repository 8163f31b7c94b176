"""What psql shows an officer is what gisdesk's own policy says they may read, row for row."""

from __future__ import annotations

import psycopg
import pytest

from gisdesk.core import access
from gisdesk.core.users import User
from gisdesk.store.server import current_officer
from tests.server.conftest import COMMUNE_A, OFFICERS

TABLES = {"incidents": ("incident", "uuid", "commune, department"),
          "tasks": ("task", "uuid", "commune, department"),
          "task_questions": ("question", "uuid", "commune, to_department"),
          "task_notifications": ("notification", "id", "to_role, commune, department")}


def test_current_officer_comes_from_the_officers_table(as_role, pg_cluster, city):
    assert current_officer(as_role("phu_hoi")) == User("phu_hoi", "phu_hoi", "commune_officer", COMMUNE_A, None)
    with pg_cluster.connect(city) as su:  # a role that is not an officer is nobody
        assert current_officer(su).active is False


@pytest.mark.parametrize("login", list(OFFICERS))
def test_the_server_shows_each_officer_the_rows_the_policy_lets_them_read(as_role, pg_cluster, city, login):
    conn = as_role(login)
    user = current_officer(conn)
    with pg_cluster.connect(city) as su:
        for table, (kind, key, cols) in TABLES.items():
            names = [c.strip() for c in cols.split(",")]
            every = su.execute(f"SELECT {key}::text, {cols} FROM {table}").fetchall()
            want = {r[0] for r in every if access.read_filter(user, kind).matches(dict(zip(names, r[1:])))}
            try:
                seen = {r[0] for r in conn.execute(f"SELECT {key}::text FROM {table}")}
            except psycopg.errors.InsufficientPrivilege:  # a kind the role reads none of is not granted at all
                seen = set()
            assert seen == want, f"{login} on {table}"

"""Jurisdiction on the server cannot be widened: other commune's rows stay invisible, rows cannot be
moved out of one's unit, and SET ROLE, set_config, views and functions give nothing more."""

from __future__ import annotations

import psycopg
import pytest

from tests.server.conftest import COMMUNE_A, COMMUNE_B, DEPT_2, PASSWORD, ROWS

#: Every table holding commune or department data, with how to count commune B's rows in it.
B_ROWS = {
    "incidents": "SELECT count(*) FROM incidents WHERE commune = %(b)s",
    "incident_areas": "SELECT count(*) FROM incident_areas WHERE incident_uuid = %(ib)s",
    "incident_shapes": "SELECT count(*) FROM incident_shapes WHERE incident_uuid = %(ib)s",
    "incident_events": "SELECT count(*) FROM incident_events WHERE incident_uuid = %(ib)s",
    "incident_attachments": "SELECT count(*) FROM incident_attachments WHERE incident_uuid = %(ib)s",
    "tasks": "SELECT count(*) FROM tasks WHERE commune = %(b)s",
    "task_events": "SELECT count(*) FROM task_events WHERE task_uuid = %(tb)s",
    "task_questions": "SELECT count(*) FROM task_questions WHERE commune = %(b)s",
    "task_answers": "SELECT count(*) FROM task_answers WHERE question_uuid = %(qb)s",
    "task_notifications": "SELECT count(*) FROM task_notifications WHERE commune = %(b)s",
}
PARAMS = {"b": COMMUNE_B, "ib": ROWS["IB"], "tb": ROWS["TB"], "qb": ROWS["QB"]}


def _count_b(conn) -> dict[str, int]:
    return {t: conn.execute(sql, PARAMS).fetchone()[0] for t, sql in B_ROWS.items()}


def test_commune_a_reads_zero_rows_of_commune_b(as_role):
    conn = as_role("phu_hoi")
    assert _count_b(conn) == {t: 0 for t in B_ROWS}
    # and it does see its own: one incident, its area, its event and attachment; one task; one question
    assert conn.execute("SELECT count(*), min(commune), max(commune) FROM incidents").fetchone() == (1, COMMUNE_A,
                                                                                                     COMMUNE_A)
    assert conn.execute("SELECT count(*) FROM incident_shapes").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM task_answers").fetchone()[0] == 1


def test_the_dispatcher_sees_commune_b(as_role):
    counts = _count_b(as_role("dispatcher"))
    assert counts == {**{t: 1 for t in B_ROWS}, "task_notifications": 0}  # a commune's notifications are its own


def test_with_check_stops_moving_a_row_into_another_commune(as_role, pg_cluster, city):
    conn = as_role("phu_hoi")
    # incidents and tasks: the re-route trigger refuses first (it runs before WITH CHECK); either says no
    for sql, why in (("UPDATE incidents SET commune = %(b)s WHERE uuid = %(ia)s", "row-level security|only the city"),
                     ("UPDATE tasks SET commune = %(b)s WHERE uuid = %(ta)s", "row-level security|only the city"),
                     ("UPDATE task_questions SET commune = %(b)s WHERE uuid = %(qa)s", "row-level security"),
                     ("UPDATE task_notifications SET commune = %(b)s WHERE id = %(na)s", "row-level security"),
                     # a shape hung onto commune B's incident: WITH CHECK through the parent row
                     ("UPDATE incident_areas SET incident_uuid = %(ib)s WHERE incident_uuid = %(ia)s",
                      "row-level security")):
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match=why):
            conn.execute(sql, {"b": COMMUNE_B, "ia": ROWS["IA"], "ta": ROWS["TA"], "qa": ROWS["QA"], "na": ROWS["NA"],
                               "ib": ROWS["IB"]})
    dept = as_role("xaydung")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security|only the city"):
        dept.execute("UPDATE incidents SET department = %s WHERE uuid = %s", (DEPT_2, ROWS["IA"]))
    with pg_cluster.connect(city) as su:  # nothing moved
        assert su.execute("SELECT commune, department FROM incidents WHERE uuid = %s",
                          (ROWS["IA"],)).fetchone()[0] == COMMUNE_A


def test_an_officer_cannot_write_history_in_someone_elses_name(as_role):
    conn = as_role("phu_hoi")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        conn.execute("INSERT INTO incident_events (id, incident_uuid, at, who, action) "
                     "VALUES (gen_random_uuid(), %s, now(), 'dispatcher', 'edit')", (ROWS["IA"],))


def test_set_role_to_another_officer_or_a_group_gives_nothing_more(pg_cluster, city):
    with pg_cluster.connect(city, "phu_hoi", autocommit=True, password=PASSWORD) as conn:
        for target in ("vinh_ninh", "dispatcher", "gisdesk_dispatcher", "gisdesk_admin", "gisdesk_owner", "postgres"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f'SET ROLE "{target}"')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SET SESSION AUTHORIZATION dispatcher")
        # its own group role is allowed, and then it is nobody's officer: it reads nothing at all
        conn.execute('SET ROLE "gisdesk_commune_officer"')
        assert conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
        conn.execute("RESET ROLE")
        assert conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == 1


def test_set_config_and_session_settings_do_not_widen_access(pg_cluster, city):
    with pg_cluster.connect(city, "phu_hoi", autocommit=True, password=PASSWORD) as conn:
        for name in ("gisdesk.commune", "app.commune", "gisdesk.role", "request.jwt.claim.role"):
            conn.execute("SELECT set_config(%s, %s, false)", (name, COMMUNE_B))
        conn.execute("SET row_security = off")  # RLS then raises instead of returning rows
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM incidents")
        conn.execute("SET row_security = on")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT set_config('role', 'dispatcher', false)")
        assert _count_b(conn) == {t: 0 for t in B_ROWS}


def test_views_and_functions_are_no_way_around(pg_cluster, city):
    with pg_cluster.connect(city, "phu_hoi", autocommit=True, password=PASSWORD) as conn:
        for sql in ("CREATE VIEW public.all_incidents AS SELECT * FROM incidents",
                    "CREATE TEMP VIEW all_incidents AS SELECT * FROM incidents",
                    "CREATE FUNCTION public.peek() RETURNS bigint LANGUAGE sql SECURITY DEFINER "
                    "AS 'SELECT count(*) FROM incidents'",
                    "CREATE TABLE public.copy AS SELECT * FROM incidents"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        # the one view of the schema runs with the reader's rights (security_invoker)
        assert conn.execute("SELECT count(*) FROM incident_shapes WHERE incident_uuid = %s",
                            (ROWS["IB"],)).fetchone()[0] == 0
    with pg_cluster.connect(city) as su:
        definers = su.execute(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE p.prosecdef AND n.nspname = 'public' AND pg_get_userbyid(p.proowner) LIKE 'gisdesk%%'").fetchall()
        assert definers == []


def test_officers_table_shows_one_self_and_nobody_writes_it(as_role):
    conn = as_role("phu_hoi")
    assert conn.execute("SELECT login, commune FROM gisdesk_officers").fetchall() == [("phu_hoi", COMMUNE_A)]
    for sql in ("UPDATE gisdesk_officers SET commune = 'Vĩnh Ninh' WHERE login = 'phu_hoi'",
                "INSERT INTO gisdesk_officers (login, role) VALUES ('x', 'administrator')",
                "DELETE FROM gisdesk_officers"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(sql)
    admin = as_role("admin")
    assert admin.execute("SELECT count(*) FROM gisdesk_officers").fetchone()[0] >= 7
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        admin.execute("UPDATE gisdesk_officers SET role = 'administrator' WHERE login = 'phu_hoi'")


def test_users_table_shows_one_self(as_role):
    assert as_role("vinh_ninh").execute("SELECT username FROM users").fetchall() == [("vinh_ninh",)]
    assert as_role("admin").execute("SELECT count(*) FROM users").fetchone()[0] >= 7


def test_only_the_city_reroutes_even_inside_ones_own_commune(as_role):
    conn = as_role("phu_hoi")  # its own incident, sent to another department: a re-route
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only the city"):
        conn.execute("UPDATE incidents SET department = %s WHERE uuid = %s", (DEPT_2, ROWS["IA"]))
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only the city"):
        conn.execute("UPDATE tasks SET department = %s WHERE uuid = %s", (DEPT_2, ROWS["TA"]))
    city = as_role("dispatcher")
    with city.transaction(force_rollback=True):
        assert city.execute("UPDATE incidents SET department = %s, commune = %s WHERE uuid = %s",
                            (DEPT_2, COMMUNE_B, ROWS["IA"])).rowcount == 1


def test_a_department_replies_to_a_question_but_only_the_asker_or_the_city_closes_it(as_role):
    dept = as_role("xaydung")  # QA is addressed to its department
    with dept.transaction(force_rollback=True):
        assert dept.execute("UPDATE task_questions SET status = 'answered' WHERE uuid = %s",
                            (ROWS["QA"],)).rowcount == 1
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="may close this question"):
        dept.execute("UPDATE task_questions SET status = 'closed' WHERE uuid = %s", (ROWS["QA"],))
    asker = as_role("phu_hoi")
    with asker.transaction(force_rollback=True):
        assert asker.execute("UPDATE task_questions SET status = 'closed' WHERE uuid = %s",
                             (ROWS["QA"],)).rowcount == 1

"""RLS audit of the city server: what a city's auditor would check with psql, as a test."""

from __future__ import annotations

from gisdesk.store.schema import workspace_metadata
from gisdesk.store.server_policy import GROUP_ROLES, OFFICERS_TABLE, OWNER_ROLE
from tests.server.conftest import OFFICERS

APP_TABLES = sorted([*workspace_metadata(engine="postgresql").tables, OFFICERS_TABLE, "alembic_version"])
APP_ROLES = sorted([*GROUP_ROLES.values(), *OFFICERS])


def test_every_table_has_row_level_security_enabled_and_forced(pg_cluster, city):
    with pg_cluster.connect(city) as su:
        rows = su.execute(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
            "AND c.relkind IN ('r', 'p') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid "
            "AND d.deptype = 'e')").fetchall()  # every table but PostGIS's own (spatial_ref_sys)
    assert sorted(r[0] for r in rows) == APP_TABLES
    unsafe = [r[0] for r in rows if not (r[1] and r[2])]
    assert unsafe == [], f"RLS not enabled and forced on {unsafe}"
    assert {r[3] for r in rows} == {OWNER_ROLE}


def test_no_application_role_is_superuser_bypasses_rls_or_owns_anything(pg_cluster, city):
    with pg_cluster.connect(city) as su:
        roles = su.execute("SELECT rolname, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin "
                           "FROM pg_roles WHERE rolname = ANY(%s) ORDER BY rolname", (APP_ROLES,)).fetchall()
        assert [r[0] for r in roles] == APP_ROLES
        assert [r[0] for r in roles if any(r[1:5])] == []
        assert {r[0] for r in roles if r[5]} == set(OFFICERS)  # only the officers sign in; groups do not
        owned = su.execute(
            "SELECT pg_get_userbyid(relowner), relname FROM pg_class WHERE pg_get_userbyid(relowner) = ANY(%s) "
            "UNION ALL SELECT pg_get_userbyid(proowner), proname FROM pg_proc WHERE pg_get_userbyid(proowner) = ANY(%s) "
            "UNION ALL SELECT pg_get_userbyid(nspowner), nspname FROM pg_namespace "
            "WHERE pg_get_userbyid(nspowner) = ANY(%s)", (APP_ROLES, APP_ROLES, APP_ROLES)).fetchall()
        assert owned == []
        owner = su.execute("SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = %s",
                           (OWNER_ROLE,)).fetchone()
        assert owner == (False, False, False)
        # no officer is a member of the owner role or of a second group
        members = su.execute(
            "SELECT m.rolname, g.rolname FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member "
            "JOIN pg_roles g ON g.oid = a.roleid WHERE m.rolname = ANY(%s) ORDER BY 1", (list(OFFICERS),)).fetchall()
    assert members == sorted((login, GROUP_ROLES[role]) for login, (role, _, _) in OFFICERS.items())


def test_views_run_with_the_readers_rights_and_events_take_no_update_or_delete(pg_cluster, city):
    with pg_cluster.connect(city) as su:
        views = su.execute(
            "SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'v' AND NOT EXISTS (SELECT 1 FROM pg_depend d "
            "WHERE d.objid = c.oid AND d.deptype = 'e')").fetchall()
        assert views and all("security_invoker=true" in (opts or []) for _, opts in views), views
        grants = su.execute(
            "SELECT table_name, grantee, privilege_type FROM information_schema.role_table_grants "
            "WHERE table_name IN ('incident_events', 'task_events', 'task_answers') "
            "AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') AND grantee <> %s", (OWNER_ROLE,)).fetchall()
    assert grants == []

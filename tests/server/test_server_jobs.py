"""Dispatch rules, callbacks, reporter contacts, case numbers and the overdue escalation on both engines.

On a workspace the system dispatches and escalates inside the officer's session; on the
server those steps are jobs run with the owner's rights (``gisdesk server dispatch|escalate
URL``). The expected values are written from the rules: the demo's rule R4 "Phú Hội road
damage" assigns road damage in Phú Hội to the commune; the city is Huế, so case numbers
read ``HUE-<year>-…``; only the city records callbacks and reads reporters' contacts; an
open task past its deadline is escalated once, in the name ``system``.
"""

from __future__ import annotations

import re
import shutil

import psycopg
import pytest
import shapely
from shapely.geometry import Point

from gisdesk.cli import main
from gisdesk.core.incidents import Incident
from gisdesk.core.users import PermissionDenied
from gisdesk.store.errors import StoreError
from gisdesk.store.connection import connect as connect_lite
from gisdesk.store.incidents_store import IncidentStore
from gisdesk.store.task_callbacks import keep_contact
from gisdesk.store.tasks_store import TaskStore
from tests.server.conftest import COMMUNE_A, COMMUNE_B, DEPT_1, PASSWORD, ROWS, _sample_rows

PHU_HOI = "Phú Hội"
ACCOUNTS = {"dispatcher": ("city_dispatcher", None), "phu_hoi": ("commune_officer", PHU_HOI),
            "viewer": ("viewer", None)}
PREFIX = "jb_"
CASE = re.compile(r"^HUE-\d{4}-\d{6}$")
RULE4 = "dispatched by rule R4 'Phú Hội road damage'"


@pytest.fixture(scope="module")
def demo_copy(gisdesk_demo_master, tmp_path_factory):
    target = tmp_path_factory.mktemp("jobs") / "hue.sqlite"
    shutil.copy(gisdesk_demo_master, target)
    return target


@pytest.fixture(scope="module")
def server_city(pg_cluster, make_db, demo_copy):
    from gisdesk.store.server import add_officer, init_server
    from gisdesk.store.server_publish import publish_workspace

    db = make_db("gisdesk_jobs")
    url = pg_cluster.url(db)
    init_server(url)
    publish_workspace(demo_copy, url)
    for name, (role, commune) in ACCOUNTS.items():
        add_officer(url, PREFIX + name, role, PASSWORD, commune=commune)
    return db


@pytest.fixture(scope="module")
def phu_hoi_point(demo_copy) -> Point:
    with connect_lite(demo_copy, read_only=True) as lite:
        wkb = lite.execute("SELECT AsBinary(geom) FROM communes WHERE name = ?", (PHU_HOI,)).fetchone()[0]
    return shapely.point_on_surface(shapely.from_wkb(wkb).buffer(-30))


class Engine:
    def __init__(self, name, target, login, admin_url=None):
        self.name, self.target, self.login, self.admin_url = name, target, login, admin_url

    def incidents(self, who):
        return IncidentStore(self.target(who), None if self.name == "postgis" else who)

    def tasks(self, who):
        return TaskStore(self.target(who), None if self.name == "postgis" else who)


@pytest.fixture(params=["spatialite", "postgis"])
def engine(request, tmp_path, gisdesk_demo_master) -> Engine:
    if request.param == "spatialite":
        ws = tmp_path / "hue.sqlite"
        shutil.copy(gisdesk_demo_master, ws)
        return Engine("spatialite", lambda who: ws, lambda who: who)
    cluster = request.getfixturevalue("pg_cluster")
    db = request.getfixturevalue("server_city")

    def url(who: str) -> str:
        return cluster.url(db, PREFIX + who) + f"&password={PASSWORD.replace(' ', '%20')}"

    return Engine("postgis", url, lambda who: PREFIX + who, cluster.url(db))


def _road_damage(where: Point) -> Incident:
    return Incident("road damage", where, severity=2, description="pothole on Hùng Vương", channel="hotline")


def _dispatch(engine: Engine) -> None:
    """On the server the dispatch is the job's (as the city's cron would run it)."""
    if engine.name == "postgis":
        assert main(["server", "dispatch", engine.admin_url]) == 0


def test_a_new_incident_is_dispatched_by_the_rule_with_a_case_number_of_the_city(engine, phu_hoi_point):
    with engine.incidents("dispatcher") as store:
        uid = store.create(_road_damage(phu_hoi_point))
    _dispatch(engine)
    with engine.tasks("dispatcher") as tasks:
        found = [t for t in tasks.tasks() if t.incident_uuid == uid]
        assert len(found) == 1
        task = found[0]
        timeline = [(e["who"], e["action"], e["to_state"], e["note"]) for e in tasks.timeline(task.uuid)]
    assert (task.state, task.commune, task.department) == ("assigned", PHU_HOI, None)
    assert CASE.match(task.case_no), task.case_no  # gisdesk_meta names Huế: not GD-
    assert timeline == [("system", "create", "created", RULE4), ("system", "assign", "assigned", RULE4)]
    with engine.incidents("dispatcher") as store:
        events = [(e["who"], e["action"]) for e in store.events(uid)]
    assert events == [(engine.login("dispatcher"), "created"), ("system", "dispatch")]


def test_the_dispatch_job_tries_each_incident_once_and_never_the_published_history(
        pg_cluster, server_city, phu_hoi_point):
    from gisdesk.store.server_jobs import dispatch_pending

    url = pg_cluster.url(server_city)
    dispatch_pending(url)  # whatever an earlier test left
    assert dispatch_pending(url) == []
    officer = pg_cluster.url(server_city, PREFIX + "phu_hoi") + f"&password={PASSWORD.replace(' ', '%20')}"
    with IncidentStore(officer, None) as store:
        first = store.create(_road_damage(phu_hoi_point))
        second = store.create(Incident("flooding", phu_hoi_point, severity=1, description="puddle",
                                       channel="officer"))  # no rule matches an officer's minor flood
    tried = dispatch_pending(url)
    assert [u for u, _ in tried] == [first, second]
    assert CASE.match(tried[0][1]) and tried[1][1] is None
    assert dispatch_pending(url) == []


def test_the_dispatch_job_needs_a_superuser(pg_cluster, server_city, capsys):
    officer = pg_cluster.url(server_city, PREFIX + "dispatcher") + f"&password={PASSWORD.replace(' ', '%20')}"
    assert main(["server", "escalate", officer]) == 2
    assert "need a superuser connection" in capsys.readouterr().err


def _closed_task(engine: Engine, point: Point):
    """A task taken through the whole workflow to closed, about a new incident."""
    with engine.incidents("dispatcher") as store:
        uid = store.create(Incident("flooding", point, severity=2, description="water", channel="officer"))
        keep_contact(store.conn, uid, "Nguyễn Văn An", None, "0905 123 456")
    with engine.tasks("dispatcher") as city, engine.tasks("phu_hoi") as officer:
        t = city.create_from_incident(uid)
        t = city.transition(t.uuid, "assign", t.version, commune=PHU_HOI)
        t = officer.transition(t.uuid, "accept", t.version)
        t = officer.transition(t.uuid, "start", t.version)
        t = officer.transition(t.uuid, "complete", t.version, note="dry", position=(point.x, point.y))
        t = city.transition(t.uuid, "verify", t.version)
    assert t.state == "closed"
    return t


def test_the_city_calls_the_reporter_back_and_only_the_city_reads_the_contact(engine, phu_hoi_point):
    task = _closed_task(engine, phu_hoi_point)
    with engine.tasks("phu_hoi") as officer:
        with pytest.raises(PermissionDenied):
            officer.record_callback(task.uuid, "satisfied")
        with pytest.raises(PermissionDenied):
            officer.reporter_contact(task.uuid)
    from gisdesk.core.incidents import utc_now

    since = utc_now().replace(microsecond=0)
    with engine.tasks("dispatcher") as city:
        assert city.reporter_contact(task.uuid) == {"name": "Nguyễn Văn An", "email": None, "phone": "0905 123 456"}
        city.record_callback(task.uuid, "not_reached")
        city.record_callback(task.uuid, "not_satisfied", "still flooded", reopen=True)
        reopened = city.task(task.uuid)
    with engine.tasks("phu_hoi") as officer:  # reads follow the task: its own commune's
        rows = [(c["who"], c["result"], c["note"], c["reopened"]) for c in officer.callbacks(task.uuid)]
        sat = officer.satisfaction(start=since, commune=PHU_HOI)
    assert reopened.state != "closed"
    who = engine.login("dispatcher")
    assert rows == [(who, "not_reached", None, 0), (who, "not_satisfied", "still flooded", 1)]
    # the task counts once, with its latest callback (written in the same second: the insertion order decides)
    assert (sat["not_satisfied"], sat["not_reached"], sat["satisfied"]) == (1, 0, 0)


def test_overdue_tasks_are_escalated_once_in_the_name_of_the_system(engine):
    later = "2099-01-01T00:00:00Z"
    with engine.tasks("dispatcher") as city:
        open_ids = {t.uuid for t in city.tasks(open_only=True) if t.deadline is not None and not t.escalated}
        if engine.name == "postgis":
            from gisdesk.store.server_jobs import escalate

            ids = escalate(engine.admin_url, later)
            again = escalate(engine.admin_url, later)
        else:
            ids = city.escalate_overdue(later)
            again = city.escalate_overdue(later)
        assert open_ids and set(ids) == open_ids and again == []
        some = sorted(ids)[0]
        last = city.timeline(some)[-1]
        task = city.task(some)
        notes = [n for n in city.notifications(unread_only=False) if n["task_uuid"] == some]
    assert (last["who"], last["action"], task.escalated) == ("system", "escalate", True)
    assert any(n["kind"] == "escalated" for n in notes)


# --- row-level security of the new tables, through plain SQL as each login role -------------------

RLS_PREFIX = "lt_"
RLS_OFFICERS = {"viewer": ("viewer", None, None), "phu_hoi": ("commune_officer", COMMUNE_A, None),
                "xaydung": ("department_officer", None, DEPT_1), "dispatcher": ("city_dispatcher", None, None)}


@pytest.fixture(scope="module")
def rls_city(pg_cluster, make_db):
    from gisdesk.store.server import add_officer, init_server

    db = make_db("gisdesk_later_tables")
    url = pg_cluster.url(db)
    init_server(url)
    assert init_server(url).created == ()  # idempotent: the second run creates nothing
    for login, (role, commune, dept) in RLS_OFFICERS.items():
        add_officer(url, RLS_PREFIX + login, role, PASSWORD, commune=commune, department=dept)
    with pg_cluster.connect(db) as conn:
        _sample_rows(conn)
        conn.execute('SET ROLE "gisdesk_owner"')
        for task in ("TA", "TB", "TD1"):
            conn.execute("INSERT INTO task_callbacks VALUES (gen_random_uuid(), %s, now(), 'dispatcher', "
                         "'satisfied', NULL, 0)", (ROWS[task],))
        for inc in ("IA", "IB"):
            conn.execute("INSERT INTO incident_contacts VALUES (%s, 'An', NULL, '0905')", (ROWS[inc],))
        conn.execute("INSERT INTO dispatch_rules (name) VALUES ('all to the commune')")
        conn.execute("INSERT INTO gisdesk_meta VALUES ('city', 'Huế')")
        conn.execute("RESET ROLE")
        conn.commit()
    conns = {}

    def as_login(who):
        if who not in conns:
            conns[who] = pg_cluster.connect(db, RLS_PREFIX + who, autocommit=True, password=PASSWORD)
        return conns[who]

    yield as_login
    for c in conns.values():
        c.close()


def _rows(conn, sql, *params):
    return sorted(str(r[0]) for r in conn.execute(sql, params).fetchall())


def test_callbacks_are_read_as_their_task_and_written_only_by_the_city(rls_city):
    sql = "SELECT task_uuid FROM task_callbacks"
    assert _rows(rls_city("phu_hoi"), sql) == [ROWS["TA"]]
    assert _rows(rls_city("xaydung"), sql) == [ROWS["TD1"]]
    assert _rows(rls_city("viewer"), sql) == sorted(ROWS[t] for t in ("TA", "TB", "TD1"))
    assert _rows(rls_city("dispatcher"), sql) == sorted(ROWS[t] for t in ("TA", "TB", "TD1"))
    add = "INSERT INTO task_callbacks VALUES (gen_random_uuid(), %s, now(), %s, 'partly', NULL, 0)"
    for who in ("phu_hoi", "xaydung", "viewer"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            rls_city(who).execute(add, (ROWS["TA"], RLS_PREFIX + who))
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # in another's name
        rls_city("dispatcher").execute(add, (ROWS["TA"], "system"))
    rls_city("dispatcher").execute(add, (ROWS["TA"], RLS_PREFIX + "dispatcher"))
    for stmt in ("UPDATE task_callbacks SET result = 'satisfied'", "DELETE FROM task_callbacks"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # append-only, for the city too
            rls_city("dispatcher").execute(stmt)


def test_reporter_contacts_are_read_only_by_those_who_call_back(rls_city):
    sql = "SELECT incident_uuid FROM incident_contacts"
    for who in ("phu_hoi", "xaydung", "viewer"):  # not even the own commune's incident's reporter: no grant at all
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            rls_city(who).execute(sql)
    assert _rows(rls_city("dispatcher"), sql) == sorted([ROWS["IA"], ROWS["IB"]])
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # not the creator of that incident
        rls_city("phu_hoi").execute("INSERT INTO incident_contacts VALUES (%s, 'X', NULL, NULL)", (ROWS["IB"],))


def test_dispatch_rules_and_settings_are_read_by_all_and_changed_by_the_city(rls_city):
    for who in ("phu_hoi", "xaydung", "viewer", "dispatcher"):
        assert _rows(rls_city(who), "SELECT name FROM dispatch_rules") == ["all to the commune"]
        assert _rows(rls_city(who), "SELECT value FROM gisdesk_meta WHERE key = 'city'") == ["Huế"]
    for who in ("phu_hoi", "xaydung", "viewer"):
        for stmt in ("INSERT INTO dispatch_rules (name) VALUES ('mine')", "UPDATE gisdesk_meta SET value = 'X'",
                     "DELETE FROM dispatch_rules"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                rls_city(who).execute(stmt)
    city = rls_city("dispatcher")
    assert city.execute("UPDATE dispatch_rules SET priority = 5").rowcount == 1
    assert city.execute("UPDATE gisdesk_meta SET value = 'Huế' WHERE key = 'city'").rowcount == 1


def test_an_open311_request_keeps_its_reporter_contact_on_both_engines(engine, phu_hoi_point, tmp_path):
    import json

    from pyproj import Transformer

    from gisdesk.store.incident_io import import_open311

    lon, lat = Transformer.from_crs(32648, 4326, always_xy=True).transform(phu_hoi_point.x, phu_hoi_point.y)
    path = tmp_path / "requests.json"
    path.write_text(json.dumps([{"service_request_id": "REQ-77", "service_name": "flooding", "lat": lat,
                                 "long": lon, "description": "street under water", "first_name": "Trần",
                                 "last_name": "Bình", "email": "binh@example.vn"}]), encoding="utf-8")
    with engine.incidents("dispatcher") as store:
        report = import_open311(store, path)
    assert report.counts()["created"] == 1 and report.rejected == []
    with engine.tasks("dispatcher") as city:
        task = city.create_from_incident(report.created[0])
        assert city.reporter_contact(task.uuid) == {"name": "Trần Bình", "email": "binh@example.vn", "phone": None}


def test_an_officer_asking_the_server_to_escalate_is_told_it_is_the_servers_job(pg_cluster, server_city):
    url = pg_cluster.url(server_city, PREFIX + "dispatcher") + f"&password={PASSWORD.replace(' ', '%20')}"
    with TaskStore(url, None) as city:  # on a workspace the city's session escalates (test above)
        with pytest.raises(PermissionDenied, match="gisdesk server escalate URL"):
            city.escalate_overdue("2099-01-01T00:00:00Z")


def test_init_on_an_older_server_adds_the_new_tables_with_their_security(pg_cluster, make_db):
    from gisdesk.store.server import init_server

    db = make_db("gisdesk_older")
    url = pg_cluster.url(db)
    init_server(url)
    new = ("dispatch_rules", "gisdesk_meta", "incident_contacts", "task_callbacks")
    with pg_cluster.connect(db) as su:  # a server set up before these tables existed
        su.execute("INSERT INTO incidents (uuid, category, severity, channel, status, reported_at, updated_at) "
                   "VALUES (gen_random_uuid(), 'flooding', 1, 'hotline', 'new', now(), now())")
        su.execute("DROP TABLE alembic_version, " + ", ".join(new))  # and before schema versions
    with pytest.raises(StoreError, match="gisdesk migrate"):
        init_server(url)  # such a server is changed only by 'gisdesk migrate URL'
    from gisdesk.store.server import migrate_server

    assert migrate_server(url).steps[0].startswith("recognise as 0001_baseline")
    with pg_cluster.connect(db) as su:
        flags = su.execute("SELECT relname, relrowsecurity, relforcerowsecurity, pg_get_userbyid(relowner) "
                           "FROM pg_class WHERE relname = ANY(%s) ORDER BY relname", (list(new),)).fetchall()
        mark = su.execute("SELECT value FROM gisdesk_meta WHERE key = 'dispatch_checked_fid'").fetchone()
        top = su.execute("SELECT max(fid) FROM incidents").fetchone()[0]
    assert flags == [(t, True, True, "gisdesk_owner") for t in new]
    assert mark == (str(top),)  # the incidents already there are not dispatched by the new job

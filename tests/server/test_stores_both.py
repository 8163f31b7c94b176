"""The same store scenarios on SpatiaLite and on the city server (PostgreSQL/PostGIS).

Each test runs twice through the ``engine`` fixture: on a fresh copy of the demo workspace,
and on a server made by ``gisdesk server init`` + ``server publish`` of the same demo city,
where each officer connects as their own login role (``st_`` + the demo name: roles are
cluster-wide and other test modules add ``phu_hoi``). The stores are the same code on both;
the expected values are written from the rules (routing by location, the workflow, the
access policy), not read from the stores.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from typing import Any, Callable

import psycopg
import pytest
import shapely
from shapely.geometry import Point

from gisdesk.core.incidents import Incident
from gisdesk.core.tasks import ConflictError
from gisdesk.core.users import PermissionDenied
from gisdesk.store.connection import connect as connect_lite
from gisdesk.store.incidents_store import IncidentStore
from gisdesk.store.tasks_store import TaskStore
from gisdesk.store.users_store import UserStore
from tests.server.conftest import PASSWORD

PHU_HOI, VINH_NINH = "Phú Hội", "Vĩnh Ninh"
#: Demo accounts used here -> (role, commune).
ACCOUNTS = {"dispatcher": ("city_dispatcher", None), "phu_hoi": ("commune_officer", PHU_HOI),
            "vinh_ninh": ("commune_officer", VINH_NINH), "viewer": ("viewer", None)}
PREFIX = "st_"


@pytest.fixture(scope="module")
def demo_copy(gisdesk_demo_master, tmp_path_factory):
    target = tmp_path_factory.mktemp("stores") / "hue.sqlite"
    shutil.copy(gisdesk_demo_master, target)
    return target


@pytest.fixture(scope="module")
def server_city(pg_cluster, make_db, demo_copy):
    """The demo city published to a server, with the accounts above as login roles; returns the database."""
    from gisdesk.store.server import add_officer, init_server
    from gisdesk.store.server_publish import publish_workspace

    db = make_db("gisdesk_stores")
    url = pg_cluster.url(db)
    init_server(url)
    publish_workspace(demo_copy, url)
    for name, (role, commune) in ACCOUNTS.items():
        add_officer(url, PREFIX + name, role, PASSWORD, commune=commune)
    return db


@pytest.fixture(scope="module")
def inside(demo_copy) -> dict[str, Point]:
    """A point well inside each of the two communes (read from the demo's commune polygons)."""
    with connect_lite(demo_copy, read_only=True) as lite:
        rows = lite.execute("SELECT name, AsBinary(geom) FROM communes WHERE name IN (?, ?)",
                            (PHU_HOI, VINH_NINH)).fetchall()
    return {name: shapely.point_on_surface(shapely.from_wkb(wkb).buffer(-30)) for name, wkb in rows}


@dataclass
class Engine:
    """One engine's way to open the stores as a demo account."""

    name: str
    target: Callable[[str], Any]  # account -> what the stores open
    login: Callable[[str], str]  # account -> the name the history records
    raw: Callable[[str], Any] | None = None  # account -> a plain psycopg connection (server only)
    #: What reading a row outside one's jurisdiction raises: the store refuses it with the policy's
    #: reason on a workspace; on the server row-level security hides it, so it is not there.
    hidden: type[Exception] = KeyError

    def incidents(self, who: str) -> IncidentStore:
        return IncidentStore(self.target(who), None if self.name == "postgis" else who)

    def tasks(self, who: str) -> TaskStore:
        return TaskStore(self.target(who), None if self.name == "postgis" else who)


@pytest.fixture(params=["spatialite", "postgis"])
def engine(request, tmp_path, gisdesk_demo_master) -> Engine:
    if request.param == "spatialite":
        ws = tmp_path / "hue.sqlite"
        shutil.copy(gisdesk_demo_master, ws)
        with connect_lite(ws) as lite:  # on the server dispatch is a job (test_server_jobs.py): off here
            lite.execute("DELETE FROM dispatch_rules")
        return Engine("spatialite", lambda who: ws, lambda who: who, hidden=PermissionDenied)
    cluster = request.getfixturevalue("pg_cluster")
    db = request.getfixturevalue("server_city")

    def url(who: str) -> str:
        return cluster.url(db, PREFIX + who) + f"&password={PASSWORD.replace(' ', '%20')}"

    return Engine("postgis", url, lambda who: PREFIX + who,
                  lambda who: cluster.connect(db, PREFIX + who, autocommit=True, password=PASSWORD))


def _flood(where: Point, text: str) -> Incident:
    return Incident("flooding", where, severity=3, description=text, channel="hotline")


def test_an_incident_is_routed_to_the_commune_it_lies_in_and_its_creation_recorded(engine, inside):
    with engine.incidents("dispatcher") as store:
        uid = store.create(_flood(inside[PHU_HOI], "water on Lê Lợi"))
        inc = store.get(uid)
        events = store.events(uid)
    assert (inc.commune, inc.status, inc.version, inc.description) == (PHU_HOI, "new", 1, "water on Lê Lợi")
    assert inc.geometry.equals_exact(inside[PHU_HOI], 1e-6)
    assert [(e["who"], e["action"], e["to_state"], e["version"]) for e in events] == \
        [(engine.login("dispatcher"), "created", "new", 1)]
    assert events[0]["at"].endswith("Z") and len(events[0]["at"]) == 20  # UTC ISO text on both engines


def test_a_stale_version_is_a_conflict_naming_who_changed_it(engine, inside):
    with engine.incidents("dispatcher") as store:
        uid = store.create(_flood(inside[PHU_HOI], "drain blocked"))
        v2 = store.update(uid, {"status": "assigned"}, version=1)
        assert v2.version == 2
        with pytest.raises(ConflictError, match=engine.login("dispatcher")):
            store.update(uid, {"status": "resolved"}, version=1)
        assert store.get(uid).status == "assigned"
        assert [e["action"] for e in store.events(uid)] == ["created", "status"]


def test_a_commune_officer_cannot_read_or_change_another_communes_incident(engine, inside):
    with engine.incidents("dispatcher") as store:
        uid = store.create(_flood(inside[PHU_HOI], "bank collapsed"))
    with engine.incidents("vinh_ninh") as store:
        with pytest.raises(engine.hidden):
            store.get(uid)
        with pytest.raises(engine.hidden):
            store.update(uid, {"status": "closed"}, reason="not ours")
        assert uid not in {i.uuid for i in store.list()}
    with engine.incidents("phu_hoi") as store:
        assert store.update(uid, {"status": "in_progress"}).status == "in_progress"
    if engine.raw is not None:  # past the store: the server's row-level security says the same
        with engine.raw("vinh_ninh") as conn:
            assert conn.execute("SELECT count(*) FROM incidents WHERE uuid = %s", (uid,)).fetchone()[0] == 0
            assert conn.execute("UPDATE incidents SET status = 'closed' WHERE uuid = %s", (uid,)).rowcount == 0
            with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor may it move its own rows there
                conn.execute("INSERT INTO incident_events (id, incident_uuid, at, who, action) VALUES "
                             "(gen_random_uuid(), %s, now(), current_user, 'status')", (uid,))
        with engine.incidents("dispatcher") as store:
            assert store.get(uid).status == "in_progress"


def test_the_map_pick_finds_the_incident_through_the_spatial_index(engine, inside):
    p = inside[VINH_NINH]
    with engine.incidents("dispatcher") as store:
        uid = store.create(_flood(p, "pick me"))
        assert store.at(p.x + 0.5, p.y, 2.0) == uid
        assert store.at(p.x + 50, p.y + 50, 2.0) != uid


def test_a_task_goes_from_assignment_to_closing_with_notifications_for_each_side(engine, inside):
    with engine.incidents("dispatcher") as store:
        inc = store.create(_flood(inside[PHU_HOI], "pump needed"))
    with engine.tasks("dispatcher") as city:
        task = city.create_from_incident(inc)
        assert (task.state, task.version, task.category) == ("created", 1, "flooding")
        task = city.transition(task.uuid, "assign", 1, commune=PHU_HOI)
        assert (task.state, task.commune, task.version) == ("assigned", PHU_HOI, 2)
    with engine.tasks("vinh_ninh") as other:
        with pytest.raises(engine.hidden):
            other.task(task.uuid)
        assert task.uuid not in {n["task_uuid"] for n in other.notifications()}
    with engine.tasks("phu_hoi") as officer:
        mine = [n for n in officer.notifications() if n["task_uuid"] == task.uuid]
        assert [n["kind"] for n in mine] == ["assigned"]
        t = officer.transition(task.uuid, "accept", 2)
        t = officer.transition(t.uuid, "start", t.version)
        t = officer.transition(t.uuid, "report", t.version, percent=50, note="half pumped")
        assert (t.state, t.progress) == ("in_progress", 50)
        with pytest.raises(ConflictError):
            officer.transition(t.uuid, "report", 4, percent=60, note="stale")
        t = officer.transition(t.uuid, "complete", t.version, note="dry again", position=(inside[PHU_HOI].x,
                                                                                          inside[PHU_HOI].y))
        assert (t.state, t.version) == ("done", 6)
        with pytest.raises(PermissionDenied):
            officer.transition(t.uuid, "verify", 6)
    with engine.tasks("dispatcher") as city:
        kinds = [n["kind"] for n in city.notifications() if n["task_uuid"] == task.uuid]
        assert kinds == ["complete"]
        t = city.transition(task.uuid, "verify", 6)
        assert t.state == "closed"
        timeline = city.timeline(task.uuid)
        assert [(e["version"], e["action"], e["to_state"]) for e in timeline] == [
            (1, "create", "created"), (2, "assign", "assigned"), (3, "accept", "accepted"),
            (4, "start", "in_progress"), (5, "report", "in_progress"), (6, "complete", "done"),
            (7, "verify", "closed")]
        assert [e["who"] for e in timeline] == [engine.login(w) for w in ("dispatcher",) * 2 + ("phu_hoi",) * 4
                                                + ("dispatcher",)]
        assert timeline[4]["data"] == {"percent": 50}
        assert city.check_consistency() == []
        assert city.find(t.case_no).uuid == task.uuid


def test_a_question_and_its_answer_notify_the_other_side(engine, inside):
    with engine.incidents("dispatcher") as store:
        inc = store.create(_flood(inside[PHU_HOI], "who pays?"))
    with engine.tasks("dispatcher") as city:
        task = city.create_from_incident(inc)
        city.transition(task.uuid, "assign", 1, commune=PHU_HOI)
    with engine.tasks("phu_hoi") as officer:
        qid = officer.ask("Pump", "Which pump do we use?", task_uuid=task.uuid)
        assert officer.thread(qid)["status"] == "open"
    with engine.tasks("vinh_ninh") as other:
        assert qid not in {q["uuid"] for q in other.questions()}
    with engine.tasks("dispatcher") as city:
        asked = [n for n in city.notifications() if n["kind"] == "question" and n["task_uuid"] == task.uuid]
        assert [n["message"] for n in asked] == [f"{PHU_HOI} asks: Pump"]
        city.answer(qid, "The north one")
        q = city.thread(qid)
        assert q["status"] == "answered"
        assert [(a["who"], a["body"]) for a in q["answers"]] == [(engine.login("dispatcher"), "The north one")]
    with engine.tasks("phu_hoi") as officer:
        answers = [n for n in officer.notifications() if n["kind"] == "answer" and n["task_uuid"] == task.uuid]
        assert [n["message"] for n in answers] == ["answer to 'Pump'"]
        assert officer.mark_read([n["id"] for n in answers]) == 1
        assert not [n for n in officer.notifications() if n["kind"] == "answer" and n["task_uuid"] == task.uuid]
        assert [n["read_at"] is not None for n in officer.notifications(unread_only=False)
                if n["id"] == answers[0]["id"]] == [True]


def test_an_officer_deletes_and_restores_an_own_incident_with_its_history(engine, inside):
    with engine.incidents("phu_hoi") as store:
        uid = store.create(_flood(inside[PHU_HOI], "false alarm"))
        att = store.attach(uid, "note.txt", b"seen from the bridge")
        assert [a["name"] for a in store.attachments(uid)] == ["note.txt"]
        assert store.attachment_data(att) == b"seen from the bridge"
        snap = store.delete(uid, "a test", version=1)
        with pytest.raises(KeyError):
            store.get(uid)
        assert store.restore(snap, "undo") == uid
        restored = store.get(uid)
        assert (restored.commune, restored.version, restored.description) == (PHU_HOI, 3, "false alarm")
        assert [(e["action"], e["version"]) for e in store.events(uid)] == [
            ("created", 1), ("attached", 1), ("deleted", 2), ("restored", 3)]


def test_a_duplicate_is_linked_with_an_event_on_both(engine, inside):
    with engine.incidents("dispatcher") as store:
        first = store.create(_flood(inside[VINH_NINH], "first call"))
        second = store.create(_flood(inside[VINH_NINH], "second call"))
        linked = store.link_duplicate(second, first, "same water", version=1)
        assert (linked.status, linked.duplicate_of, linked.version) == ("duplicate", first, 2)
        assert [e["action"] for e in store.events(first)] == ["created", "duplicate_linked"]


def test_kpis_count_the_readable_tasks_of_a_category(engine):
    category = f"kpi probe {engine.name}"
    from gisdesk.core.incidents import to_utc

    with engine.tasks("dispatcher") as city:
        city._now = lambda: to_utc("2020-01-01T00:00:00Z")  # written in the past, as the demo generator does
        a = city.create("probe A", category=category)
        b = city.create("probe B", category=category)
        city.create("probe C", category=category)
        city.transition(a.uuid, "assign", 1, commune=PHU_HOI, deadline="2020-01-02T00:00:00Z")  # long overdue
        city.transition(b.uuid, "assign", 1, commune=VINH_NINH, deadline="2999-01-01T00:00:00Z")
        k = city.kpis(category=category)
        # three open tasks, one past its deadline, none completed; a unit row per assigned commune
        assert (k["tasks"], k["backlog"], k["overdue"], k["completed"]) == (3, 3, 1, 0)
        assert {(r["unit"], r["backlog"], r["overdue"]) for r in k["by_commune"]} == {(PHU_HOI, 1, 1),
                                                                                      (VINH_NINH, 1, 0)}
    with engine.tasks("phu_hoi") as officer:  # the commune's KPIs count only its own task
        k = officer.kpis(category=category)
        assert (k["tasks"], k["backlog"], k["overdue"]) == (1, 1, 1)


def test_two_workstations_editing_one_incident_lose_no_update(engine, inside):
    """Each of two writers appends its notes eight times, re-reading after a conflict: all sixteen stay."""
    import threading

    with engine.incidents("dispatcher") as store:
        uid = store.create(_flood(inside[VINH_NINH], "busy"))
    errors: list[BaseException] = []

    def writer(mark: str) -> None:
        try:
            with engine.incidents("dispatcher") as mine:
                for n in range(8):
                    while True:
                        inc = mine.get(uid)
                        try:
                            mine.update(uid, {"notes": [*inc.notes, f"{mark}{n}"]}, version=inc.version)
                            break
                        except ConflictError:
                            continue  # someone else came first: read again, change again
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(m,)) for m in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    with engine.incidents("dispatcher") as store:
        final = store.get(uid)
    assert sorted(final.notes) == sorted(f"{m}{n}" for m in "ab" for n in range(8))
    assert final.version == 17


def test_a_camera_feed_imports_once_and_reports_each_bad_line(engine, demo_copy, tmp_path):
    import json

    from gisdesk.store.incident_io import import_detections

    with connect_lite(demo_copy, read_only=True) as lite:
        camera = lite.execute("SELECT code FROM cameras ORDER BY code LIMIT 1").fetchone()[0]
    line = {"camera_id": camera, "type": "smoke", "time": "2021-03-04T05:06:07Z", "confidence": 0.9,
            "detection_id": f"probe-{engine.name}"}
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in (line, line, {**line, "camera_id": "NO-SUCH"})) + "\n")
    with engine.incidents("dispatcher") as store:
        report = import_detections(store, feed)
        assert report.counts() == {"created": 1, "duplicates": 1, "rejected": 1}
        assert report.rejected == [(3, "unknown camera 'NO-SUCH'")]
        inc = store.get(report.created[0])
        assert (inc.category, inc.channel, inc.occurred_at.year) == ("straw burning", "camera", 2021)
        again = import_detections(store, feed)  # the same feed twice: nothing new
        assert again.counts() == {"created": 0, "duplicates": 2, "rejected": 1}


def test_a_viewer_reads_but_changes_nothing(engine, inside):
    with engine.incidents("dispatcher") as store:
        uid = store.create(_flood(inside[VINH_NINH], "look only"))
    with engine.incidents("viewer") as store:
        assert store.get(uid).commune == VINH_NINH
        with pytest.raises(PermissionDenied):
            store.update(uid, {"status": "closed"})
        with pytest.raises(PermissionDenied):
            store.create(_flood(inside[VINH_NINH], "no"))


def test_users_read_only_themselves_unless_administrator(engine):
    target = engine.target("phu_hoi")
    with UserStore(target, read_only=True) as users:
        me = users.users(users.get(engine.login("phu_hoi")))
    assert [(u.username, u.role, u.commune) for u in me] == [(engine.login("phu_hoi"), "commune_officer", PHU_HOI)]


# --- the server only ---------------------------------------------------------------------------------------------
def _server_url(pg_cluster, db: str, who: str) -> str:
    return pg_cluster.url(db, PREFIX + who) + f"&password={PASSWORD.replace(' ', '%20')}"


def _heard(listener, expected: set[str], wait: float = 5.0) -> set[str]:
    """What the listener hears until ``expected`` is all there (or ``wait`` seconds pass)."""
    import time

    got: set[str] = set()
    end = time.monotonic() + wait
    while not expected <= got and time.monotonic() < end:
        got |= listener.poll(timeout=max(0.0, end - time.monotonic()))
    return got


def test_another_workstation_hears_of_each_change_and_rereads_it(pg_cluster, server_city, inside):
    from gisdesk.store.server_live import ChangeListener

    with ChangeListener(_server_url(pg_cluster, server_city, "phu_hoi")) as listener:
        assert listener.poll(timeout=0.2) == set()  # nothing changed yet
        with IncidentStore(_server_url(pg_cluster, server_city, "dispatcher"), None) as store:
            uid = store.create(_flood(inside[PHU_HOI], "heard"))
        assert _heard(listener, {"incidents"}) == {"incidents"}
        with TaskStore(_server_url(pg_cluster, server_city, "dispatcher"), None) as city:
            task = city.create_from_incident(uid)
            city.transition(task.uuid, "assign", 1, commune=PHU_HOI)
        assert _heard(listener, {"tasks", "notifications"}) == {"tasks", "notifications"}
        with TaskStore(_server_url(pg_cluster, server_city, "phu_hoi"), None) as officer:  # the refresh
            assert officer.task(task.uuid).state == "assigned"
        with IncidentStore(_server_url(pg_cluster, server_city, "viewer"), None) as store:
            with pytest.raises(PermissionDenied):  # a refused change writes nothing, and announces nothing
                store.update(uid, {"status": "closed"})
        assert listener.poll(timeout=0.3) == set()


def test_a_notification_is_only_the_side_effect_of_ones_own_change(pg_cluster, server_city):
    with pg_cluster.connect(server_city, PREFIX + "phu_hoi", password=PASSWORD) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # on its own: refused as before
            conn.execute("INSERT INTO task_notifications (id, at, to_role, kind, message) "
                         "VALUES (gen_random_uuid(), now(), 'city_dispatcher', 'spam', 'hello')")


def test_naming_another_officer_on_the_server_is_refused(pg_cluster, server_city):
    with pytest.raises(PermissionDenied, match="login role"):
        IncidentStore(_server_url(pg_cluster, server_city, "phu_hoi"), "dispatcher")


def test_the_tasks_and_incidents_commands_work_on_a_server_url(pg_cluster, server_city, inside, capsys, tmp_path):
    import json

    from gisdesk.cli import main

    city_url, officer_url = (_server_url(pg_cluster, server_city, w) for w in ("dispatcher", "phu_hoi"))
    with IncidentStore(city_url, None) as store:
        uid = store.create(_flood(inside[PHU_HOI], "from the command line"))
    with TaskStore(city_url, None) as city:
        task = city.create_from_incident(uid, title="CLI case")
        task = city.transition(task.uuid, "assign", 1, commune=PHU_HOI)
    capsys.readouterr()
    assert main(["tasks", "list", officer_url, "--user", PREFIX + "phu_hoi", "--search", "CLI case", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["uuid"], r["state"], r["commune"]) for r in rows] == [(task.uuid, "assigned", PHU_HOI)]
    assert main(["tasks", "act", officer_url, task.case_no, "accept", "--user", PREFIX + "phu_hoi"]) == 0
    assert capsys.readouterr().out.strip() == f"{task.case_no}: accept -> accepted"
    other = _server_url(pg_cluster, server_city, "vinh_ninh")
    assert main(["tasks", "act", other, task.uuid, "start", "--user", PREFIX + "vinh_ninh"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"gisdesk tasks: no task {task.uuid}"]  # row-level security: not there for Vĩnh Ninh
    assert main(["tasks", "show", officer_url, task.case_no, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in shown["timeline"]] == ["create", "assign", "accept"]
    assert shown["callbacks"] == []
    assert main(["tasks", "list", officer_url, "--user", PREFIX + "dispatcher"]) == 2  # not the login
    assert "login role" in capsys.readouterr().err
    out = tmp_path / "phu_hoi.geojson"
    assert main(["incidents", "export-geojson", officer_url, str(out)]) == 0
    with pg_cluster.connect(server_city) as su:
        expected = su.execute("SELECT count(*) FROM incidents WHERE commune = %s", (PHU_HOI,)).fetchone()[0]
    features = json.loads(out.read_text())["features"]
    assert len(features) == expected and {f["properties"]["commune"] for f in features} == {PHU_HOI}


def test_a_database_without_the_gisdesk_schema_is_refused_in_one_line(pg_cluster, make_db):
    from gisdesk.store.errors import StoreError

    db = make_db("gisdesk_not_init")
    with pytest.raises(StoreError, match="no gisdesk schema: run 'gisdesk server init URL' first"):
        TaskStore(pg_cluster.url(db), None)

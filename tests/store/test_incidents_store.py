"""IncidentStore on a real demo-city workspace: migration, create/route, history, duplicates."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone

import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon

from gisdesk.core.incidents import Incident, ValidationError
from gisdesk.core.tasks import ConflictError
from gisdesk.store.connection import connect
from gisdesk.store.incidents_store import IncidentStore, ensure_schema

T0 = datetime(2026, 12, 1, 3, 0, tzinfo=timezone.utc)  # after the end of the demo's history (--today 2026-11-20)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from sample_layers.generate import build_workspace

    return build_workspace(tmp_path_factory.mktemp("hue") / "hue.sqlite", incidents=2000)


@pytest.fixture
def store(demo, tmp_path):
    path = tmp_path / "hue.sqlite"
    shutil.copy(demo, path)
    with IncidentStore(path, "dispatcher") as s:
        yield s


def _commune(store, name):
    i = store.communes.names.index(name)
    return store.communes.polygons[i]


def test_migration_keeps_every_incident_and_is_idempotent(demo, tmp_path):
    path = tmp_path / "w.sqlite"
    shutil.copy(demo, path)
    ensure_schema(path)
    ensure_schema(path)
    conn = connect(path)
    assert conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == 2000
    assert conn.execute("SELECT count(*) FROM incidents WHERE occurred_at = reported_at").fetchone()[0] == 2000
    assert conn.execute("SELECT count(*) FROM incidents WHERE version = 1").fetchone()[0] == 2000
    rules = dict(conn.execute("SELECT category, department FROM routing_rules"))
    assert rules["forest fire"] == "Chi cục Kiểm lâm"
    with pytest.raises(Exception, match="append-only"):
        conn.execute("INSERT INTO incident_events (id, incident_uuid, at, who, action) VALUES ('x','u','t','w','a')")
        conn.execute("DELETE FROM incident_events")


def test_create_point_routes_to_commune_and_department_and_records_event(store):
    name = store.communes.names[4]
    where = shapely.point_on_surface(_commune(store, name))
    uid = store.create(Incident("forest fire", where, severity=4, channel="hotline", occurred_at=T0))
    got = store.get(uid)
    assert (got.commune, got.department) == (name, "Chi cục Kiểm lâm")
    assert got.occurred_at == T0 and got.geometry.equals(where)
    # a severe hotline call: the demo's dispatch rule 'severe hotline calls' proposes a task (after the commit)
    assert [(e["action"], e["who"]) for e in store.events(uid)] == [("created", "dispatcher"), ("dispatch", "system")]
    assert "dispatched by rule R3 'severe hotline calls'" in store.events(uid)[1]["note"]


def test_polygon_incident_stored_whole_and_routed_by_largest_overlap(store):
    a, b = store.communes.names[0], store.communes.names[1]
    pa, pb = _commune(store, a), _commune(store, b)
    if not pa.touches(pb):
        pytest.skip("first two communes are not neighbours")
    # mostly inside b, a sliver in a
    inner = shapely.point_on_surface(pb).buffer(150).union(pa.boundary.intersection(pb.boundary).buffer(5))
    uid = store.create(Incident("flooding", inner, occurred_at=T0))
    got = store.get(uid)
    assert got.geometry.geom_type in ("Polygon", "MultiPolygon") and got.geometry.area == pytest.approx(inner.area)
    assert got.commune == b
    assert store.list(category="flooding", commune=b, since=T0)[0].uuid == uid


def test_invalid_geometry_repaired_with_note_or_refused_and_nothing_stored(store):
    c = shapely.point_on_surface(_commune(store, store.communes.names[2]))
    x, y = c.x, c.y
    bowtie = Polygon([(x, y), (x + 50, y + 50), (x + 50, y), (x, y + 50)])
    uid = store.create(Incident("illegal dumping", bowtie, occurred_at=T0))
    got = store.get(uid)
    assert got.geometry.is_valid and any("repaired" in n for n in got.notes)
    before = store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
    with pytest.raises(ValidationError, match="at least 2"):
        store.create(Incident("road damage", LineString([(x, y), (x, y)])))
    far = store.create(Incident("road damage", Point(0, 0)))
    assert "outside the city boundary" in store.get(far).notes and store.get(far).commune is None
    assert store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == before + 1


def test_update_records_one_event_per_change_and_override_needs_reason(store):
    p = shapely.point_on_surface(_commune(store, store.communes.names[3]))
    uid = store.create(Incident("fallen tree", p, occurred_at=T0))
    with pytest.raises(ValidationError, match="reason"):
        store.update(uid, {"department": "Sở Xây dựng"})
    store.update(uid, {"severity": 3, "status": "assigned", "description": "cây đổ"}, "phone call")
    store.update(uid, {"department": "Sở Xây dựng"}, "tree blocks a bridge")
    got = store.get(uid)
    assert (got.severity, got.status, got.department) == (3, "assigned", "Sở Xây dựng")
    ev = store.events(uid)
    assert [(e["action"], e["field"]) for e in ev] == [("created", None), ("changed", "severity"), ("status", "status"),
                                                        ("changed", "description"), ("override", "department")]
    assert ev[-1]["from_state"] == "Công ty Môi trường và Công trình đô thị" and ev[-1]["note"] == "tree blocks a bridge"


def test_duplicates_are_offered_and_linked_only_on_request(store):
    p = shapely.point_on_surface(_commune(store, store.communes.names[5]))
    first = store.create(Incident("straw burning", p, occurred_at=T0))
    new = Incident("straw burning", Point(p.x + 40, p.y), occurred_at=T0 + timedelta(hours=2))
    assert [d.uuid for d in store.duplicates(new, distance_m=100, hours=6)] == [first]
    assert store.duplicates(new, distance_m=10, hours=6) == []
    second = store.create(new)
    assert store.get(second).status == "new"  # not merged silently
    linked = store.link_duplicate(second, first, "same smoke")
    assert (linked.status, linked.duplicate_of) == ("duplicate", first)
    assert store.events(first)[-1]["action"] == "duplicate_linked"
    with pytest.raises(ValidationError):
        store.link_duplicate(first, second)


# --- delete/restore, shapes layer, attachments -------------------------------------------------
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def test_delete_keeps_history_and_restore_brings_back_the_same_incident(store):
    name = store.communes.names[7]
    shape = _commune(store, name).buffer(-200)
    uid = store.create(Incident("flooding", shape, severity=3, description="Ngập sâu", occurred_at=T0))
    before = store.get(uid)
    snap = store.delete(uid, reason="drawn twice")
    with pytest.raises(KeyError):
        store.get(uid)
    assert store.conn.execute("SELECT count(*) FROM incident_areas WHERE incident_uuid = ?", (uid,)).fetchone()[0] == 0
    assert [e["action"] for e in store.events(uid)] == ["created", "deleted"]
    store.restore(snap, reason="undo")
    after = store.get(uid)
    assert after.geometry.equals(before.geometry) and after.description == "Ngập sâu"
    assert (after.commune, after.department, after.occurred_at) == (before.commune, before.department, T0)
    assert [e["action"] for e in store.events(uid)] == ["created", "deleted", "restored"]


def test_shape_rows_carry_the_category_for_symbols(store):
    line = LineString(shapely.get_coordinates(_commune(store, store.communes.names[2]).exterior)[:5])
    uid = store.create(Incident("road damage", line, occurred_at=T0))
    cat = "SELECT category FROM incident_lines WHERE incident_uuid = ?"
    assert store.conn.execute(cat, (uid,)).fetchone()[0] == "road damage"
    store.update(uid, {"category": "fallen tree"})
    assert store.conn.execute(cat, (uid,)).fetchone()[0] == "fallen tree"


def test_attachments_are_stored_in_the_workspace_and_checked(store):
    uid = store.create(Incident("fallen tree", shapely.point_on_surface(_commune(store, store.communes.names[0]))))
    att = store.attach(uid, "/phone/DCIM/cay_do.png", PNG)
    assert store.attachment_data(att) == PNG
    assert [(a["name"], a["mime"]) for a in store.attachments(uid)] == [("cay_do.png", "image/png")]
    for name, data, message in [("photo.jpg", PNG, "named JPEG but holds PNG"),
                                ("photo.png", b"MZ\x90\x00 not an image", "not a PNG image"),
                                ("virus.exe", b"MZ\x90\x00", "only JPEG, PNG"),
                                ("empty.jpg", b"", "empty"),
                                ("big.jpg", JPEG + b"\x00" * 2048, "at most")]:
        with pytest.raises(ValidationError, match=message):
            store.attach(uid, name, data, max_bytes=1024)
    assert len(store.attachments(uid)) == 1
    store.attach(uid, "report.txt", "Cây đổ chắn đường".encode())
    store.remove_attachment(att, "wrong photo")
    assert [a["mime"] for a in store.attachments(uid)] == ["text/plain"]
    assert [e["action"] for e in store.events(uid)][-3:] == ["attached", "attached", "detached"]


def test_old_mixed_shapes_table_is_split_into_line_and_area_layers(demo, tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(demo, path)
    conn = connect(path)
    conn.execute("DROP VIEW incident_shapes")  # the layout of the first incidents release
    conn.execute("CREATE TABLE incident_shapes (incident_uuid TEXT PRIMARY KEY)")
    conn.execute("SELECT AddGeometryColumn('incident_shapes', 'geom', 32648, 'GEOMETRY', 'XY')")
    conn.execute("SELECT CreateSpatialIndex('incident_shapes', 'geom')")
    uuids = [r[0] for r in conn.execute("SELECT uuid FROM incidents LIMIT 2")]
    conn.execute("INSERT INTO incident_shapes VALUES (?, GeomFromText('LINESTRING(775000 1821000, 775100 1821050)', "
                 "32648))", (uuids[0],))
    conn.execute("INSERT INTO incident_shapes VALUES (?, GeomFromText('POLYGON((775000 1821000, 775100 1821000, "
                 "775100 1821100, 775000 1821000))', 32648))", (uuids[1],))
    conn.commit()
    conn.close()
    with IncidentStore(path, "dispatcher") as s:
        assert s.get(uuids[0]).geometry.geom_type == "LineString"
        assert s.get(uuids[1]).geometry.geom_type == "Polygon"
        tables = {r[0] for r in s.conn.execute("SELECT f_table_name FROM geometry_columns")}
        assert {"incident_lines", "incident_areas"} <= tables and "incident_shapes" not in tables
    from gisdesk.store.datasource import DataSource

    with DataSource(path) as ds:
        kinds = {lyr.name: lyr.kind for lyr in ds.layers}
    assert (kinds["incident_lines"], kinds["incident_areas"]) == ("line", "polygon") and "incident_shapes" not in kinds


# --- versions: a stale edit is a conflict, history "from" values are the real ones --------------
def test_every_change_bumps_the_version_and_a_stale_one_is_refused_naming_the_other_change(store):
    uid = store.create(Incident("noise", shapely.point_on_surface(_commune(store, store.communes.names[1]))))
    read = store.get(uid)
    assert read.version == 1
    with IncidentStore(store.path, "admin") as other:
        assert other.update(uid, {"severity": 4, "address": "12 Lê Lợi"}, version=1).version == 2
    before = store.conn.execute("SELECT count(*) FROM incident_events").fetchone()[0]
    with pytest.raises(ConflictError) as err:
        store.update(uid, {"description": "mine"}, version=read.version)
    assert all(word in str(err.value) for word in ("admin", "severity", "address", "version 1", "now 2"))
    with pytest.raises(ConflictError, match="admin"):
        store.delete(uid, "stale", version=1)
    with pytest.raises(ConflictError):
        store.link_duplicate(uid, store.list(limit=2)[1].uuid, version=1)
    assert store.conn.execute("SELECT count(*) FROM incident_events").fetchone()[0] == before
    got = store.get(uid)
    assert (got.description, got.version) == ("", 2)
    assert store.update(uid, {"description": "mine"}, version=2).version == 3


def test_history_from_values_are_the_values_stored_before_the_change(store):
    uid = store.create(Incident("noise", shapely.point_on_surface(_commune(store, store.communes.names[1])),
                                severity=1))
    store.get(uid)  # read at severity 1 ...
    with IncidentStore(store.path, "admin") as other:
        other.update(uid, {"severity": 2})  # ... someone else makes it 2 ...
    store.update(uid, {"severity": 3})  # ... a write without a version still records 2 -> 3
    changes = [(e["from_state"], e["to_state"], e["version"]) for e in store.events(uid) if e["field"] == "severity"]
    assert changes == [("1", "2", 2), ("2", "3", 3)]


def _edit_for(path: str, uuids: list[str], seconds: float, worker: int, out) -> None:
    """One writer process: read, change, write with the version read, again and again."""
    import random

    rng = random.Random(worker)
    done, conflicts, errors = [], 0, []
    with IncidentStore(path, "dispatcher" if worker == 0 else "admin") as s:
        import time

        end = time.monotonic() + seconds
        n = 0
        while time.monotonic() < end:
            uid = rng.choice(uuids)
            n += 1
            inc = s.get(uid)
            field, value = (("severity", rng.choice([1, 2, 3, 4])) if n % 2 else
                            ("description", f"w{worker}-{n}"))
            if getattr(inc, field) == value:
                continue
            time.sleep(rng.random() * 0.004)  # a moment between reading and saving, as a person takes
            try:
                new = s.update(uid, {field: value}, version=inc.version)
                done.append((uid, new.version, field, str(value)))
            except ConflictError:
                conflicts += 1
            except Exception as exc:  # anything else is a failure of the test
                errors.append(repr(exc))
    out.put((done, conflicts, errors))


def test_two_processes_editing_the_same_incidents_lose_nothing(store):
    import multiprocessing as mp

    base = shapely.point_on_surface(_commune(store, store.communes.names[2]))
    uuids = [store.create(Incident("noise", Point(base.x + 30 * k, base.y), severity=1)) for k in range(3)]
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    procs = [ctx.Process(target=_edit_for, args=(str(store.path), uuids, 3.0, w, out)) for w in range(2)]
    for p in procs:
        p.start()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    done = [d for r in results for d in r[0]]
    assert [e for r in results for e in r[2]] == []
    assert len(done) > 20 and sum(r[1] for r in results) > 0  # both wrote many times, and collided
    conn = store.conn
    for uid in uuids:  # every committed update is there, and only those: version - 1 == commits
        version = conn.execute("SELECT version FROM incidents WHERE uuid = ?", (uid,)).fetchone()[0]
        mine = [d for d in done if d[0] == uid]
        assert version - 1 == len(mine)
        assert sorted(d[1] for d in mine) == list(range(2, version + 1))
        events = {(e["version"], e["field"], e["to_state"]) for e in store.events(uid)}
        assert all((v, f, to) in events for _, v, f, to in mine)
        for field, first in (("severity", "1"), ("description", "")):  # the from/to chain holds
            chain = [(e["from_state"], e["to_state"]) for e in store.events(uid) if e["field"] == field]
            previous = first
            for frm, to in chain:
                assert (frm or "") == previous
                previous = to
        assert str(getattr(store.get(uid), "severity")) == next(
            (e["to_state"] for e in reversed(store.events(uid)) if e["field"] == "severity"), "1")

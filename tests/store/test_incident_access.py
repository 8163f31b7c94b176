"""Incidents obey the one access policy (issue 12), through the store and through ``ctx.incidents``.

Expected values come from the rule as the city states it (docs table in
:mod:`gisdesk.core.access`), written by hand: a viewer changes nothing; a commune officer
reads and changes only their commune's incidents (and reports anywhere, routed by place);
a department officer works on its category's incidents; the dispatcher does everything.
Demo accounts: ``phu_hoi`` (Phú Hội), ``moitruong`` (Công ty Môi trường và Công trình đô thị).
"""

from __future__ import annotations

import shapely
import pytest

from gisdesk.core.incidents import Incident
from gisdesk.core.users import PermissionDenied
from gisdesk.store.connection import connect
from gisdesk.store.incidents_store import IncidentStore

PHU_HOI, VINH_NINH = "Phú Hội", "Vĩnh Ninh"
MOI_TRUONG, XAY_DUNG = "Công ty Môi trường và Công trình đô thị", "Sở Xây dựng"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def inside(store: IncidentStore, commune: str) -> shapely.Point:
    poly = store.communes.polygons[store.communes.names.index(commune)]
    return shapely.point_on_surface(poly.buffer(-100))


def raw(path, sql, params=()):
    conn = connect(path, read_only=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def state(path, uuid):
    """What is stored about one incident (row and history), to show a refusal changed nothing."""
    return (raw(path, "SELECT category, severity, status, commune, department, version, AsText(geom) "
                      "FROM incidents WHERE uuid = ?", (uuid,)),
            raw(path, "SELECT count(*) FROM incident_events WHERE incident_uuid = ?", (uuid,)),
            raw(path, "SELECT count(*) FROM incident_attachments WHERE incident_uuid = ?", (uuid,)))


def one(path, commune=None, department=None):
    """The uuid of a stored incident of that commune/department, not rejected (read with plain SQL)."""
    where, params = ["status NOT IN ('rejected', 'duplicate')"], []
    for col, val in (("commune", commune), ("department", department)):
        if val:
            where.append(f"{col} = ?")
            params.append(val)
    return raw(path, f"SELECT uuid FROM incidents WHERE {' AND '.join(where)} LIMIT 1", params)[0][0]


@pytest.fixture
def stores(workspace):
    opened = {}

    def open_as(name):
        if name not in opened:
            opened[name] = IncidentStore(workspace, name)
        return opened[name]

    yield open_as
    for s in opened.values():
        s.close()


# -- the viewer ---------------------------------------------------------------------
def test_viewer_reads_everything_and_changes_nothing(workspace, stores):
    viewer = stores("viewer")
    assert viewer.user.role == "viewer"
    assert viewer.count() == raw(workspace, "SELECT count(*) FROM incidents")[0][0]
    uid = one(workspace, commune=PHU_HOI)
    inc = viewer.get(uid)
    before = state(workspace, uid)
    refusals = [
        lambda: viewer.update(uid, {"severity": 4 if inc.severity != 4 else 1}),
        lambda: viewer.update(uid, {"status": "rejected"}),
        lambda: viewer.update(uid, {"commune": VINH_NINH}, "re-route"),
        lambda: viewer.delete(uid, "gone"),
        lambda: viewer.attach(uid, "photo.png", PNG),
        lambda: viewer.add_event(uid, "note", "seen"),
        lambda: viewer.link_duplicate(uid, one(workspace, commune=VINH_NINH)),
        lambda: viewer.create(Incident("noise", inside(viewer, PHU_HOI))),
        lambda: viewer.set_rule("noise", XAY_DUNG),
    ]
    for refuse in refusals:
        with pytest.raises(PermissionDenied, match="viewer"):
            refuse()
    assert state(workspace, uid) == before
    assert viewer.rules()["noise"] == "Công an thành phố"
    for action in ("create", "edit", "change_status", "reroute", "delete"):
        assert not viewer.may(action, inc)


def test_a_name_not_in_the_users_table_is_a_viewer(workspace, stores):
    stranger = stores("mallory")
    assert stranger.user.role == "viewer"
    with pytest.raises(PermissionDenied):
        stranger.create(Incident("noise", inside(stranger, PHU_HOI)))


# -- a commune officer --------------------------------------------------------------
def test_commune_officer_lists_only_their_commune(workspace, stores):
    phu_hoi = stores("phu_hoi")
    listed = phu_hoi.list()
    assert {i.commune for i in listed} == {PHU_HOI}
    assert len(listed) == raw(workspace, "SELECT count(*) FROM incidents WHERE commune = ?", (PHU_HOI,))[0][0]
    assert phu_hoi.count() == len(listed)
    assert phu_hoi.list(commune=VINH_NINH) == []
    assert all(i.commune == PHU_HOI for i in phu_hoi.list(open_only=True, limit=50))


def test_commune_officer_cannot_read_another_communes_incident_by_uuid(workspace, stores):
    dispatcher = stores("dispatcher")
    uid = dispatcher.create(Incident("noise", inside(dispatcher, VINH_NINH), description="secret-text-42"))
    dispatcher.attach(uid, "photo.png", PNG)
    att = dispatcher.attachments(uid)[0]["id"]
    phu_hoi = stores("phu_hoi")
    for read in (lambda: phu_hoi.get(uid), lambda: phu_hoi.events(uid), lambda: phu_hoi.attachments(uid),
                 lambda: phu_hoi.attachment_data(att)):
        with pytest.raises(PermissionDenied) as err:
            read()
        assert "secret-text-42" not in str(err.value)
    where = inside(dispatcher, VINH_NINH)
    assert dispatcher.at(where.x, where.y, 5) == uid
    assert phu_hoi.at(where.x, where.y, 5) != uid
    with pytest.raises(KeyError):
        phu_hoi.get("00000000-0000-4000-8000-000000000000")


def test_phu_hoi_cannot_set_a_vinh_ninh_incident_to_rejected(workspace, stores):
    uid = one(workspace, commune=VINH_NINH)
    before = state(workspace, uid)
    with pytest.raises(PermissionDenied):
        stores("phu_hoi").update(uid, {"status": "rejected"})
    assert state(workspace, uid) == before
    assert raw(workspace, "SELECT status FROM incidents WHERE uuid = ?", (uid,))[0][0] != "rejected"


def test_commune_officer_edits_own_incidents_but_cannot_move_them_out(workspace, stores):
    phu_hoi = stores("phu_hoi")
    uid = one(workspace, commune=PHU_HOI)
    inc = phu_hoi.get(uid)
    changed = phu_hoi.update(uid, {"severity": 4 if inc.severity != 4 else 1, "status": "in_progress"},
                             version=inc.version)
    assert changed.status == "in_progress" and changed.version == inc.version + 1
    before = state(workspace, uid)
    with pytest.raises(PermissionDenied, match=VINH_NINH):  # WITH CHECK: the moved incident is not theirs
        phu_hoi.update(uid, {"geometry": inside(phu_hoi, VINH_NINH)})
    with pytest.raises(PermissionDenied, match="re-route|city"):
        phu_hoi.update(uid, {"commune": VINH_NINH}, "not ours")
    with pytest.raises(PermissionDenied, match="re-route|city"):
        phu_hoi.update(uid, {"department": XAY_DUNG}, "not ours")
    assert state(workspace, uid) == before
    moved = phu_hoi.update(uid, {"geometry": inside(phu_hoi, PHU_HOI).buffer(20)})  # within the commune: fine
    assert moved.commune == PHU_HOI and moved.geometry.geom_type == "Polygon"
    phu_hoi.attach(uid, "photo.png", PNG)
    assert [a["name"] for a in phu_hoi.attachments(uid)] == ["photo.png"]
    snap = phu_hoi.delete(uid, "entered twice")
    phu_hoi.restore(snap, "undo")
    assert phu_hoi.get(uid).commune == PHU_HOI


def test_commune_officer_reports_anywhere_but_may_not_override_the_routing(workspace, stores):
    phu_hoi = stores("phu_hoi")
    elsewhere = phu_hoi.add(Incident("noise", inside(phu_hoi, VINH_NINH)))
    assert (elsewhere.commune, elsewhere.department) == (VINH_NINH, "Công an thành phố")
    with pytest.raises(PermissionDenied):  # routed to Vĩnh Ninh: no longer theirs to read
        phu_hoi.get(elsewhere.uuid)
    n = raw(workspace, "SELECT count(*) FROM incidents")[0][0]
    with pytest.raises(PermissionDenied, match="re-route|city"):
        phu_hoi.create(Incident("noise", inside(phu_hoi, VINH_NINH), commune=PHU_HOI))
    assert raw(workspace, "SELECT count(*) FROM incidents")[0][0] == n
    own = phu_hoi.add(Incident("noise", inside(phu_hoi, PHU_HOI), commune=PHU_HOI))  # the routing says so too
    assert phu_hoi.get(own.uuid).commune == PHU_HOI


def test_duplicates_offer_only_readable_incidents(workspace, stores):
    dispatcher = stores("dispatcher")
    where = inside(dispatcher, VINH_NINH)
    theirs = dispatcher.create(Incident("flooding", where))
    probe = Incident("flooding", shapely.Point(where.x + 5, where.y))
    assert theirs in [d.uuid for d in dispatcher.duplicates(probe)]
    assert theirs not in [d.uuid for d in stores("phu_hoi").duplicates(probe)]
    with pytest.raises(PermissionDenied):
        stores("phu_hoi").link_duplicate(one(workspace, commune=PHU_HOI), theirs)


# -- a department officer -----------------------------------------------------------
def test_department_officer_edits_only_its_departments_incidents(workspace, stores):
    moitruong = stores("moitruong")
    assert {i.department for i in moitruong.list(limit=500)} == {MOI_TRUONG}
    own = one(workspace, department=MOI_TRUONG)
    other = one(workspace, department=XAY_DUNG)
    inc = moitruong.get(own)
    assert moitruong.update(own, {"status": "assigned"}, version=inc.version).status == "assigned"
    with pytest.raises(PermissionDenied):
        moitruong.update(other, {"status": "assigned"})
    before = state(workspace, own)
    with pytest.raises(PermissionDenied, match=XAY_DUNG):  # road damage goes to Sở Xây dựng: out of reach
        moitruong.update(own, {"category": "road damage"})
    assert state(workspace, own) == before
    assert moitruong.may("edit", inc) and not moitruong.may("reroute", inc)


# -- the dispatcher -----------------------------------------------------------------
def test_dispatcher_does_everything(workspace, stores):
    dispatcher = stores("dispatcher")
    assert dispatcher.count() == raw(workspace, "SELECT count(*) FROM incidents")[0][0]
    uid = one(workspace, commune=PHU_HOI)
    dispatcher.update(uid, {"commune": VINH_NINH, "department": XAY_DUNG}, "the ward border moved")
    dispatcher.update(uid, {"status": "rejected"})
    got = dispatcher.get(uid)
    assert (got.commune, got.department, got.status) == (VINH_NINH, XAY_DUNG, "rejected")
    dispatcher.set_rule("noise", XAY_DUNG)
    assert dispatcher.rules()["noise"] == XAY_DUNG
    dispatcher.restore(dispatcher.delete(uid, "test"), "undo")
    assert [e["who"] for e in dispatcher.events(uid)][-1] == "dispatcher"

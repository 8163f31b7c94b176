"""``ctx.incidents`` (the plugin API facade) obeys the access policy for the signed-in user (issue 12).

Headless, through a real plugin context on a copy of the demo city. The expected answers are
the rule's, written by hand; the role a host claims for a user is never trusted (the
workspace's ``users`` table decides).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely

from gisdesk.api import ConflictError, Incident, PermissionDenied, User
from gisdesk.plugins.context import app_events
from gisdesk.plugins.host import HeadlessHost
from gisdesk.plugins.manager import PluginManager

VIEWER = User("viewer", "viewer", "viewer")
PHU_HOI = User("phu_hoi", "phu_hoi", "commune_officer", commune="Phú Hội")
MOITRUONG = User("moitruong", "moitruong", "department_officer", department="Công ty Môi trường và Công trình đô thị")
DISPATCHER = User("dispatcher", "dispatcher", "city_dispatcher")


PLUGIN_DIR = Path(__file__).resolve().parents[2] / "plugins" / "incidents"


@pytest.fixture
def started(workspace, tmp_path):
    plugin_dir = PLUGIN_DIR
    manager = PluginManager(HeadlessHost(workspace=workspace, user=VIEWER), folders=[(plugin_dir, "dir")],
                            entry_points=False, state_dir=tmp_path / "state", raise_errors=True)
    manager.start()
    yield manager, manager.records[0].context
    manager.shutdown()


def sign_in(manager, ctx, user):
    """What File › Switch user does: the host's user changes and ``on_user_changed`` fires."""
    ctx._services.user = user
    app_events(manager).user_changed.emit(user)


def uuid_in(ctx, commune=None, department=None):
    col, val = ("commune", commune) if commune else ("department", department)
    return ctx.workspace.read(f"SELECT uuid FROM incidents WHERE {col} = ? AND status NOT IN ('rejected', "
                              "'duplicate') ORDER BY fid LIMIT 1", [val])[0]["uuid"]


def test_the_facade_hands_out_no_store_and_no_connection(started):
    _, ctx = started
    assert not hasattr(ctx.incidents, "store")
    assert not any(hasattr(ctx.incidents, name) for name in ("conn", "connection"))


def test_viewer_cannot_delete_edit_or_reroute_through_the_api(started):
    _, ctx = started
    uid = uuid_in(ctx, commune="Phú Hội")
    inc = ctx.incidents.get(uid)
    for act in ("create", "edit", "change_status", "reroute", "delete"):
        assert not ctx.incidents.may(act, inc)
    assert "viewer" in ctx.incidents.may("delete", inc).reason
    for refuse in (lambda: ctx.incidents.delete(uid, "x"), lambda: ctx.incidents.update(uid, {"severity": 1}),
                   lambda: ctx.incidents.update(uid, {"commune": "Vĩnh Ninh"}, "x"),
                   lambda: ctx.incidents.set_rule("noise", "Sở Xây dựng")):
        with pytest.raises(PermissionDenied):
            refuse()
    assert ctx.incidents.get(uid) == inc


def test_a_role_claimed_by_the_host_is_not_trusted(started):
    manager, ctx = started
    sign_in(manager, ctx, User("viewer", "viewer", "administrator"))  # the users table says viewer
    assert ctx.incidents.user.role == "viewer" and not ctx.incidents.may("create")


def test_phu_hoi_sees_only_phu_hoi_and_cannot_reject_a_vinh_ninh_incident(started):
    manager, ctx = started
    vinh_ninh = uuid_in(ctx, commune="Vĩnh Ninh")
    sign_in(manager, ctx, PHU_HOI)
    assert {i.commune for i in ctx.incidents.list()} == {"Phú Hội"}
    assert ctx.incidents.count() == ctx.workspace.read(
        "SELECT count(*) AS n FROM incidents WHERE commune = 'Phú Hội'")[0]["n"]
    with pytest.raises(PermissionDenied):
        ctx.incidents.update(vinh_ninh, {"status": "rejected"})
    assert not ctx.incidents.may("change_status", {"commune": "Vĩnh Ninh", "department": None})
    assert ctx.workspace.read("SELECT status FROM incidents WHERE uuid = ?", [vinh_ninh])[0]["status"] != "rejected"
    own = ctx.incidents.get(uuid_in(ctx, commune="Phú Hội"))
    assert ctx.incidents.may("change_status", own) and not ctx.incidents.may("reroute", own)
    assert ctx.incidents.update(own.uuid, {"status": "in_progress"}, version=own.version).status == "in_progress"
    with pytest.raises(ConflictError, match="phu_hoi"):  # the version read before that change is stale now
        ctx.incidents.update(own.uuid, {"severity": 1}, version=own.version)


def test_department_officer_edits_only_its_departments_incidents(started):
    manager, ctx = started
    other = uuid_in(ctx, department="Sở Xây dựng")
    sign_in(manager, ctx, MOITRUONG)
    own = ctx.incidents.get(uuid_in(ctx, department="Công ty Môi trường và Công trình đô thị"))
    assert ctx.incidents.update(own.uuid, {"severity": 4 if own.severity != 4 else 1}).version == own.version + 1
    with pytest.raises(PermissionDenied):
        ctx.incidents.update(other, {"severity": 1})


def test_dispatcher_does_everything_and_the_facade_rebinds_on_switch_user(started):
    manager, ctx = started
    sign_in(manager, ctx, DISPATCHER)
    assert ctx.incidents.user.role == "city_dispatcher" and ctx.incidents.may("edit_rules")
    where = shapely.point_on_surface(ctx.incidents.commune_area("Vĩnh Ninh"))
    uid = ctx.incidents.create(Incident("noise", where))
    ctx.incidents.update(uid, {"commune": "Phú Hội"}, "border")
    ctx.incidents.update(uid, {"status": "rejected"})
    assert ctx.incidents.events(uid)[-1]["who"] == "dispatcher"
    sign_in(manager, ctx, VIEWER)
    assert ctx.incidents.user.username == "viewer"
    with pytest.raises(PermissionDenied):
        ctx.incidents.delete(uid)
    sign_in(manager, ctx, DISPATCHER)
    ctx.incidents.delete(uid, "test")

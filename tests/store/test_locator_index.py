"""The workspace locator index on the demo city (issue 15, item 3).

Demo facts used (from the demo generator's specification, not from the index): the commune
``Phú Hội`` exists; the account ``phu_hoi`` is the commune officer of Phú Hội, ``vinh_ninh``
of Vĩnh Ninh, ``dispatcher`` the city dispatcher; a commune officer reads only the incidents
and tasks of their commune (:mod:`gisdesk.core.access`).
"""

from __future__ import annotations

import shapely
import pytest

from gisdesk.core.incidents import Incident
from gisdesk.store.connection import connect
from gisdesk.store.incidents_store import IncidentStore
from gisdesk.store.locator_index import LocatorIndex

PHU_HOI, VINH_NINH = "Phú Hội", "Vĩnh Ninh"


def raw(path, sql, params=()):
    conn = connect(path, read_only=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def report_in(workspace, commune: str, external_id: str) -> str:
    """A new incident inside ``commune`` carrying an Open311 ``external_id`` (made by the dispatcher)."""
    with IncidentStore(workspace, "dispatcher") as store:
        poly = store.communes.polygons[store.communes.names.index(commune)]
        where = shapely.point_on_surface(poly.buffer(-100))
        return store.create(Incident(category="flooding", geometry=where, description="ngập"), external_id=external_id)


@pytest.fixture
def index_of(workspace, tmp_path):
    opened = []

    def make(user, **kw):
        idx = LocatorIndex(workspace, user, cache_dir=tmp_path / "cache", **kw)
        opened.append(idx)
        return idx

    yield make
    for idx in opened:
        idx.close()


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "word-table"])
@pytest.mark.parametrize("query", ["phu hoi", "Phú Hội", "PHU HOI", "phu ho"])
def test_phu_hoi_finds_the_commune_without_accents(index_of, query, fts):
    results = index_of("phu_hoi", fts=fts).search(query, 5)
    communes = [r for r in results if r.kind == "commune"]
    assert communes[0].title == PHU_HOI
    assert communes[0].target.table == "communes"
    (fid,) = communes[0].target.fids
    assert raw(index_of("viewer").workspace, "SELECT name FROM communes WHERE fid = ?", (fid,)) == [(PHU_HOI,)]
    x0, y0, x1, y1 = communes[0].bbox
    assert x0 < x1 and y0 < y1


def test_a_road_with_many_segments_is_one_result_around_all_of_them(index_of, workspace):
    (n,) = raw(workspace, "SELECT count(*) FROM roads WHERE name = 'Lê Lợi'")[0]
    roads = [r for r in index_of("viewer").search("le loi", 5) if r.kind == "road"]
    assert [r.title for r in roads] == ["Lê Lợi"]
    assert len(roads[0].target.fids) == n > 1


def test_planning_project_names_are_found(index_of):
    projects = [r.title for r in index_of("viewer").search("chinh trang phu hoi", 5) if r.kind == "project"]
    assert projects == ["Chỉnh trang đô thị khu vực Phú Hội"]


def test_an_incident_external_id_is_found_also_when_reported_after_the_index_was_made(index_of, workspace):
    idx = index_of("dispatcher")
    assert [r for r in idx.search("311-HUE-4242", 5) if r.kind == "incident"] == []  # index made now
    uuid = report_in(workspace, PHU_HOI, "311-HUE-4242")
    hits = [r for r in idx.search("311-HUE-4242", 5) if r.kind == "incident"]
    assert [h.target.key for h in hits] == [uuid]
    assert "311-HUE-4242" in hits[0].title
    assert hits[0].point is not None


def test_an_incident_number_is_its_uuid_prefix(index_of, workspace):
    uuid, = raw(workspace, "SELECT uuid FROM incidents WHERE commune = ? LIMIT 1", (PHU_HOI,))[0]
    hits = [r for r in index_of("phu_hoi").search(uuid[:8], 5) if r.kind == "incident"]
    assert uuid in [h.target.key for h in hits]


def test_phu_hoi_does_not_find_another_communes_incidents(index_of, workspace):
    uuid = report_in(workspace, VINH_NINH, "311-HUE-7777")
    other, = raw(workspace, "SELECT uuid FROM incidents WHERE commune = ? AND uuid <> ? LIMIT 1", (VINH_NINH, uuid))[0]
    officer = index_of("phu_hoi")
    assert [r for r in officer.search("311-HUE-7777", 5) if r.kind == "incident"] == []
    assert [r for r in officer.search(other[:8], 5) if r.kind == "incident"] == []
    # the same searches by the officer of Vĩnh Ninh find them: the index has them, the policy hides them
    assert [r.target.key for r in index_of("vinh_ninh").search("311-HUE-7777", 5) if r.kind == "incident"] == [uuid]
    assert other in [r.target.key for r in index_of("vinh_ninh").search(other[:8], 5) if r.kind == "incident"]


def test_tasks_are_found_by_title_only_where_the_user_may_read_them(index_of, workspace):
    # task titles start with their category ("Traffic violation: …"); several communes have such tasks
    communes = {c for (c,) in raw(workspace, "SELECT commune FROM tasks WHERE title LIKE 'Traffic violation%'")}
    assert len(communes) > 1
    hits = [r for r in index_of("phu_hoi").search("traffic violation", 50) if r.kind == "task"]
    seen = {c for r in hits for (c,) in raw(workspace, "SELECT commune FROM tasks WHERE uuid = ?", (r.target.key,))}
    assert seen <= {PHU_HOI}
    everyone = [r for r in index_of("dispatcher").search("traffic violation", 50) if r.kind == "task"]
    assert len(everyone) > len(hits)


def test_searching_never_writes_the_workspace(index_of, workspace):
    before = (workspace.stat().st_mtime_ns, workspace.read_bytes())
    idx = index_of("phu_hoi")
    idx.search("phu hoi", 5)
    idx.rebuild()
    assert (workspace.stat().st_mtime_ns, workspace.read_bytes()) == before
    assert idx.path.parent.name == "cache" and idx.path.exists()


def test_a_renamed_place_is_found_under_its_new_name(index_of, workspace):
    idx = index_of("viewer")
    assert [r.title for r in idx.search("cau truong tien moi", 5)] == []
    conn = connect(workspace)
    try:
        conn.execute("UPDATE bridges SET name = 'Cầu Trường Tiền Mới' WHERE fid = 1")
    finally:
        conn.close()
    assert "Cầu Trường Tiền Mới" in [r.title for r in idx.search("cau truong tien moi", 5)]


def test_a_damaged_cache_file_is_made_again(index_of, workspace, tmp_path):
    idx = index_of("viewer")
    idx.search("phu hoi", 5)
    path = idx.path
    idx.close()
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    again = index_of("viewer")
    assert [r.title for r in again.search("phu hoi", 5) if r.kind == "commune"] == [PHU_HOI]

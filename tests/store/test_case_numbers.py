"""Human case numbers: HUE-<year>-<sequence>, given at creation, unique, searchable; old tasks numbered."""

from __future__ import annotations

import pytest

from gisdesk.core.incidents import to_utc
from gisdesk.store.case_numbers import prefix_from_city
from gisdesk.store.tasks_store import TaskStore, ensure_tasks_schema


@pytest.fixture
def city(workspace):
    with TaskStore(workspace, "dispatcher") as store:
        yield store


def test_each_year_counts_from_one_with_the_city_prefix(city):
    city._now = lambda: to_utc("2027-01-05T08:00:00Z")
    first, second = city.create("Cống tắc"), city.create("Cây đổ")
    assert (first.case_no, second.case_no) == ("HUE-2027-000001", "HUE-2027-000002")
    assert city.task(first.uuid).case_no == "HUE-2027-000001"  # stored, not only returned


def test_the_workspace_setting_sets_the_prefix(city):
    city.conn.execute("INSERT OR REPLACE INTO gisdesk_meta VALUES ('case_prefix', 'tth')")
    city._now = lambda: to_utc("2028-03-01T00:00:00Z")
    assert city.create("Ngập").case_no == "TTH-2028-000001"
    assert prefix_from_city("Huế") == "HUE" and prefix_from_city("") == "GD"


def test_find_by_case_number_or_uuid_and_search(city):
    task = city.tasks()[0]
    assert city.find(task.case_no.lower()).uuid == task.uuid
    assert city.find(task.uuid).case_no == task.case_no
    assert [t.uuid for t in city.tasks(search=task.case_no)] == [task.uuid]
    with pytest.raises(KeyError):
        city.find("HUE-1999-000001")


def test_unique(city):
    task = city.tasks()[0]
    other = city.tasks()[1]
    with pytest.raises(Exception, match="UNIQUE"):
        city.conn.execute("UPDATE tasks SET case_no = ? WHERE uuid = ?", (task.case_no, other.uuid))


def test_tasks_from_before_case_numbers_are_numbered_by_creation_time(workspace):
    with TaskStore(workspace, "dispatcher") as city:
        city.conn.execute("UPDATE tasks SET case_no = NULL")  # as a workspace from before case numbers
        by_time = [r[0] for r in city.conn.execute("SELECT uuid FROM tasks ORDER BY created_at, rowid")]
    ensure_tasks_schema(workspace)
    with TaskStore(workspace, "dispatcher") as city:
        numbers = {t.uuid: t.case_no for t in city.tasks()}
    assert [numbers[u] for u in by_time[:3]] == ["HUE-2026-000001", "HUE-2026-000002", "HUE-2026-000003"]
    assert numbers[by_time[-1]] == f"HUE-2026-{len(by_time):06d}"  # every demo task was created in 2026

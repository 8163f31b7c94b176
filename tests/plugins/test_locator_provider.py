"""Plugins add locator (Ctrl+K) result providers through ``ctx.register_locator_provider``."""

from __future__ import annotations

import pytest

from gisdesk.core.locator import Locator
from tests.plugins.test_context import start, write_plugin

pytestmark = pytest.mark.usefixtures("forget_plugin_modules")

GAUGES = """\
    from gisdesk.api import LocatorResult, fold

    class Gauges:
        name = "gauges"
        kind = "gauge"

        def search(self, text, limit):
            names = ["Trạm đo Kim Long", "Trạm đo Phú Hội"]
            return [LocatorResult(n, "gauge", "EPSG:4326", point=(107.59, 16.46)) for n in names
                    if fold(text) in fold(n)][:limit]

    def activate(ctx):
        ctx.undo_gauges = ctx.register_locator_provider(Gauges())
    """

BROKEN = """\
    class Broken:
        name = "broken.search"
        kind = "gauge"

        def search(self, text, limit):
            return 1 / 0

    def activate(ctx):
        ctx.register_locator_provider(Broken())
    """


def test_a_plugin_provider_answers_the_locator_and_its_undo_removes_it(workspace, tmp_path):
    manager = start(write_plugin(tmp_path / "plugins", "gauges", GAUGES).parent, workspace, tmp_path / "state")
    providers = manager.registry.locator_providers
    assert [p.name for p in providers] == ["gauges.gauges"]
    record = manager.record("gauges")
    assert record.contributions["locator_providers"] == ["gauges.gauges"]
    assert [r.title for r in Locator(list(providers)).search("phu hoi", 5)] == ["Trạm đo Phú Hội"]
    record.context.undo_gauges()
    assert manager.registry.locator_providers == []
    manager.shutdown()


def test_unloading_the_plugin_removes_its_provider(workspace, tmp_path):
    manager = start(write_plugin(tmp_path / "plugins", "gauges", GAUGES).parent, workspace, tmp_path / "state")
    manager.disable("gauges")
    assert manager.registry.locator_providers == []
    manager.shutdown()


def test_a_provider_that_raises_fails_its_plugin_at_phase_locator(workspace, tmp_path):
    manager = start(write_plugin(tmp_path / "plugins", "broken", BROKEN).parent, workspace, tmp_path / "state",
                    raise_errors=False)
    (provider,) = manager.registry.locator_providers
    assert provider.search("x", 5) == []
    record = manager.record("broken")
    assert (record.state, record.phase) == ("failed", "locator")
    assert "ZeroDivisionError" in record.error
    assert manager.registry.locator_providers == []  # its contributions are gone
    manager.shutdown()


def test_a_provider_without_search_is_refused(workspace, tmp_path):
    code = """\
        class NoSearch:
            name = "nosearch.x"
            kind = "gauge"

        def activate(ctx):
            ctx.register_locator_provider(NoSearch())
        """
    manager = start(write_plugin(tmp_path / "plugins", "nosearch", code).parent, workspace, tmp_path / "state",
                    raise_errors=False)
    record = manager.record("nosearch")
    assert record.state == "failed" and "search" in record.error
    manager.shutdown()


DOCS_EXAMPLE = """\
    from gisdesk.api import LocatorResult, LocatorTarget, fold


    class Gauges:
        name = "flood_watch.gauges"
        kind = "gauge"

        def __init__(self, ctx):
            rows = ctx.workspace.read("SELECT fid, name, X(geom) AS x, Y(geom) AS y FROM flood_hotspots")
            self.rows = [(fold(r["name"]), r) for r in rows]

        def search(self, text, limit):
            q = fold(text)
            return [LocatorResult(r["name"], "gauge", "EPSG:32648", point=(r["x"], r["y"]),
                                  target=LocatorTarget("flood_hotspots", (r["fid"],)))
                    for key, r in self.rows if q in key][:limit]


    def activate(ctx):
        ctx.register_locator_provider(Gauges(ctx))
    """


def test_the_example_of_the_plugin_guide_works(workspace, tmp_path):
    manager = start(write_plugin(tmp_path / "plugins", "flood_watch", DOCS_EXAMPLE).parent, workspace,
                    tmp_path / "state")
    (provider,) = manager.registry.locator_providers
    assert provider.name == "flood_watch.gauges"
    found = provider.search("diem ngap duong le loi", 5)
    assert [r.title for r in found] == ["Điểm ngập đường Lê Lợi"]
    assert found[0].target.table == "flood_hotspots" and found[0].point[0] > 700_000
    manager.shutdown()

"""The plugin context on a real demo workspace, headless: data, canvas, settings, events and undos."""

from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

import numpy as np
import pytest
import shapely

from gisdesk.api import ReadOnlyQueryError
from gisdesk.plugins.host import HeadlessHost
from gisdesk.plugins.manager import PluginManager


pytestmark = pytest.mark.usefixtures("forget_plugin_modules")


@pytest.fixture
def demo(workspace):
    """A fresh copy of the cached demo city (``workspace`` from gisdesk.testing)."""
    return workspace


def write_plugin(root: Path, name: str, code: str = "def activate(ctx):\n    pass\n") -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "gisdesk-plugin.toml").write_text(textwrap.dedent(f"""\
        [plugin]
        name = "{name}"
        version = "0.1.0"
        api_version = "1"
        activate = "{name}_code:activate"
        """), encoding="utf-8")
    (folder / f"{name}_code.py").write_text(textwrap.dedent(code), encoding="utf-8")
    return folder


def start(root: Path, demo: Path, state: Path, raise_errors: bool = True) -> PluginManager:
    manager = PluginManager(HeadlessHost(workspace=demo), folders=[(root, "dir")], entry_points=False,
                            state_dir=state, raise_errors=raise_errors)
    manager.start()
    return manager


@pytest.fixture
def ctx(demo, tmp_path):
    manager = start(write_plugin(tmp_path / "plugins", "probe").parent, demo, tmp_path / "state")
    yield manager.record("probe").context
    manager.shutdown()


# -- workspace -------------------------------------------------------------------
def test_layers_list_the_demo_city_top_first(ctx):
    layers = ctx.workspace.layers()
    by_name = {lyr.name: lyr for lyr in layers}
    assert layers[0].name == "incidents" and layers[-2].name == "planning_zones"
    assert layers[-1].name == "hue_basemap" and layers[-1].kind == "raster"  # the demo's basemap, at the bottom
    assert by_name["roads"].kind == "line" and by_name["roads"].group == "Infrastructure"
    assert by_name["communes"].kind == "polygon" and by_name["bridges"].kind == "point"
    assert any(lyr.kind == "raster" for lyr in layers)
    assert ctx.workspace.layer("roads").id == by_name["roads"].id


def test_features_in_an_extent_with_attributes(ctx):
    roads = ctx.workspace.layer("roads")
    everything = ctx.workspace.features(roads.id)
    minx, miny, maxx, maxy = ctx.canvas.extent()
    corner = (minx, miny, (minx + maxx) / 2, (miny + maxy) / 2)
    some = ctx.workspace.features(roads.id, bbox=corner)
    assert 0 < len(some) < len(everything)
    assert set(some.ids) <= set(everything.ids)
    assert {"name", "class", "lanes"} <= set(some.attributes[0])
    first = ctx.workspace.features(roads.id, limit=3)
    assert len(first) == 3 and len(first.attributes) == 3
    with pytest.raises(KeyError):
        ctx.workspace.features("no_such_layer")


def test_read_runs_queries_and_refuses_changes(ctx, demo):
    rows = ctx.workspace.read("SELECT severity, count(*) AS n FROM incidents GROUP BY severity ORDER BY severity")
    assert sum(r["n"] for r in rows) == 2000
    assert ctx.workspace.read("WITH s AS (SELECT ? AS v) SELECT v FROM s", ["x"]) == [{"v": "x"}]
    refused = ["DELETE FROM incidents", "  update incidents SET status = 'closed'", "DROP TABLE roads",
               "SELECT 1; DELETE FROM incidents", "WITH x AS (SELECT 1) DELETE FROM incidents",
               "PRAGMA journal_mode = DELETE", ""]
    for sql in refused:
        with pytest.raises(ReadOnlyQueryError) as err:
            ctx.workspace.read(sql)
        assert "Workspace.read()" in str(err.value)
    # a semicolon or a keyword inside a string literal is data, not a statement
    assert ctx.workspace.read("SELECT 'a; delete' AS t") == [{"t": "a; delete"}]
    with sqlite3.connect(demo) as conn:
        assert conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == 2000


def test_table_reads_any_table(ctx):
    rows = ctx.workspace.table("incidents", "severity = ?", [3], limit=5)
    assert len(rows) == 5 and all(r["severity"] == 3 for r in rows)
    assert {"uuid", "category", "status", "commune"} <= set(rows[0])
    assert ctx.workspace.table("gisdesk_layer_groups")


# -- canvas (headless) -----------------------------------------------------------
def test_headless_canvas_records_extent_graphics_selection_and_tool(ctx):
    assert ctx.canvas.crs == "EPSG:32648"
    full = ctx.canvas.extent()
    assert full[2] > full[0] and full[3] > full[1]
    ctx.canvas.set_extent((770000, 1815000, 775000, 1820000))
    assert ctx.canvas.extent() == (770000, 1815000, 775000, 1820000)
    with pytest.raises(ValueError):
        ctx.canvas.set_extent((0, 0, float("nan"), 1))
    undo = ctx.canvas.add_graphics("ring", [shapely.Point(772000, 1817000).buffer(100)], fill="#00ff0040")
    assert ctx.canvas.graphics() == ["ring"]
    undo()
    assert ctx.canvas.graphics() == []
    bridges = ctx.workspace.layer("bridges")
    ctx.canvas.select(bridges.id, [3, 1, 2])
    assert ctx.canvas.selection(bridges.id).tolist() == [1, 2, 3]
    ctx.canvas.select(bridges.id, [2], mode="remove")
    assert ctx.canvas.selection(bridges.id).tolist() == [1, 3]
    ctx.canvas.set_map_tool("gisdesk.tool.identify")
    assert ctx.canvas.map_tool == "gisdesk.tool.identify"


# -- user, settings, notify --------------------------------------------------------
def test_user_is_the_local_administrator(ctx):
    assert ctx.user.role == "administrator" and ctx.user.username


def test_settings_persist_between_starts(demo, tmp_path):
    root = write_plugin(tmp_path / "plugins", "probe").parent
    manager = start(root, demo, tmp_path / "state")
    settings = manager.record("probe").context.settings
    settings["threshold"] = 0.5
    settings["layers"] = ["roads", "bridges"]
    with pytest.raises(TypeError, match="JSON"):
        settings["when"] = object()
    manager.shutdown()
    again = start(root, demo, tmp_path / "state").record("probe").context.settings
    assert dict(again) == {"threshold": 0.5, "layers": ["roads", "bridges"]}
    assert (tmp_path / "state" / "settings" / "probe.json").exists()


def test_notify_reaches_the_host(ctx):
    ctx.notify("gauges refreshed")
    assert ctx._host.host.notifications[-1] == ("probe: gauges refreshed", "info", "")


# -- events and undos ----------------------------------------------------------------
def test_events_reach_subscribers_until_undone(ctx):
    seen = []
    undo = ctx.events.on_selection_changed(seen.append)
    added = []
    ctx.events.on_layer_added(added.append)
    roads = ctx.workspace.layer("roads")
    ctx.canvas.select(roads.id, [1, 2])
    assert seen == [roads.id]
    undo()
    ctx.canvas.select(roads.id, [5])
    assert seen == [roads.id]
    from gisdesk.core.layers import VectorLayer

    model = ctx.workspace._model
    model.add(VectorLayer(ctx.workspace.path, "bridges", title="Bridges again"))
    assert added and added[0].title == "Bridges again" and added[0].kind == "point"


def test_shared_events_reach_every_plugin(demo, tmp_path):
    root = tmp_path / "plugins"
    write_plugin(root, "one")
    write_plugin(root, "two")
    manager = start(root, demo, tmp_path / "state")
    one, two = manager.record("one").context, manager.record("two").context
    got = []
    two.events.on_incident_created(lambda incident: got.append(incident["uuid"]))
    from gisdesk.plugins.context import app_events

    app_events(manager).incident_created.emit({"uuid": "abc"})
    assert got == ["abc"]
    assert one.events._shared is two.events._shared


def test_failing_event_handler_fails_only_its_plugin(demo, tmp_path):
    root = tmp_path / "plugins"
    write_plugin(root, "broken", """\
        def activate(ctx):
            ctx.register_command("broken.hello", "Hello", lambda ctx: None)
            ctx.events.on_selection_changed(lambda layer_id: 1 / 0)
        """)
    write_plugin(root, "good", """\
        def activate(ctx):
            ctx.seen = []
            ctx.events.on_selection_changed(ctx.seen.append)
        """)
    manager = start(root, demo, tmp_path / "state", raise_errors=False)
    host = manager.host
    assert "broken.hello" in host.commands
    good = manager.record("good").context
    layer = good.workspace.layer("bridges").id
    good.canvas.select(layer, [1])
    broken = manager.record("broken")
    assert (broken.state, broken.phase) == ("failed", "signal")
    assert "ZeroDivisionError" in broken.error and "1 / 0" in broken.traceback
    assert "broken.hello" not in host.commands  # its contributions are gone
    assert good.seen == [layer] and manager.record("good").state == "active"
    good.canvas.select(layer, [2])  # the failed plugin's handler is unsubscribed
    assert good.seen == [layer, layer] and host.notifications[-1][1] == "error"


def test_register_calls_return_undos_and_unload_runs_them(demo, tmp_path):
    root = tmp_path / "plugins"
    write_plugin(root, "maker", """\
        import shapely

        def activate(ctx):
            ctx.undo_hello = ctx.register_command("maker.hello", "Hello", lambda ctx: None, menu="Plugins/Maker")
            ctx.register_panel("maker.panel", "Maker", lambda ctx: None, area="bottom")
            ctx.register_map_tool("maker.tool", "Pick", lambda ctx: object())
            ctx.register_layer_reader("maker.csv", "CSV", ["CSV"], lambda ctx, path: "t")
            ctx.canvas.add_graphics("mark", shapely.Point(770000, 1815000))
        """)
    manager = start(root, demo, tmp_path / "state")
    host, ctx = manager.host, manager.record("maker").context
    assert host.contribution_ids() == {"panels": ["maker.panel"], "commands": ["maker.hello"],
                                       "map_tools": ["maker.tool"], "readers": ["maker.csv"]}
    assert host.readers["maker.csv"].spec.extensions == (".csv",)
    assert host.commands["maker.hello"].spec.menu == "Plugins/Maker"
    ctx.undo_hello()
    ctx.undo_hello()  # calling an undo twice is harmless
    assert "maker.hello" not in host.commands
    backend = ctx.canvas._backend
    assert list(backend.graphics) == ["plugin:maker:mark"]
    with pytest.raises(ValueError, match="maker"):
        ctx.register_command("other.cmd", "Not mine", lambda ctx: None)
    manager.disable("maker")
    assert host.contribution_ids() == {"panels": [], "commands": [], "map_tools": [], "readers": []}
    assert backend.graphics == {}


def test_undos_run_newest_first_and_past_errors(ctx):
    order = []
    ctx._keep(lambda: order.append("first"))
    ctx._keep(lambda: 1 / 0)
    ctx._keep(lambda: order.append("last"))
    errors = ctx._run_undos()
    assert order == ["last", "first"] and len(errors) == 1
    ctx._keep(lambda: order.append("late"))  # after unload: runs at once
    assert order[-1] == "late"


def test_selection_ids_are_numpy(ctx):
    lid = ctx.workspace.layer("cameras").id
    ctx.canvas.select(lid, np.array([4, 4, 2]))
    assert ctx.canvas.selection(lid).dtype == np.int64


# -- incidents and snapping ---------------------------------------------------------
def test_ctx_incidents_create_route_and_tell_other_plugins(demo, tmp_path):
    root = tmp_path / "plugins"
    write_plugin(root, "reporter")
    write_plugin(root, "listener", "heard = []\ndef activate(ctx):\n"
                                   "    ctx.events.on_incident_created(lambda inc: heard.append(inc))\n")
    from gisdesk.api import User

    manager = PluginManager(HeadlessHost(workspace=demo, user=User("dispatcher", "dispatcher", "city_dispatcher")),
                            folders=[(root, "dir")], entry_points=False, state_dir=tmp_path / "state",
                            raise_errors=True)
    manager.start()
    try:
        ctx = manager.record("reporter").context
        from gisdesk.api import Incident, ValidationError

        assert ctx.incidents.available and "forest fire" in ctx.incidents.categories()
        commune = ctx.incidents.communes()[3]
        where = shapely.point_on_surface(ctx.incidents.commune_area(commune))
        uid = ctx.incidents.create(Incident("forest fire", where, severity=4))
        got = ctx.incidents.get(uid)
        assert (got.commune, got.department) == (commune, "Chi cục Kiểm lâm")
        assert ctx.incidents.events(uid)[0]["who"] == ctx.user.username
        listener_code = manager.module("listener", "listener_code")  # plugin modules live in their namespace
        assert [inc.uuid for inc in listener_code.heard] == [uid]
        assert ctx.incidents.at(where.x + 3, where.y - 2, tolerance=10) == uid
        with pytest.raises(ValidationError, match="at least 3 distinct corners"):
            ctx.incidents.prepare(Incident("flooding", shapely.Polygon([(0, 0), (1, 1), (0, 0)])))
    finally:
        manager.shutdown()


def test_snap_finds_a_road_vertex_and_refresh_is_recorded(ctx):
    road = ctx.workspace.read("SELECT AsBinary(geom) AS g FROM roads WHERE class = 'primary' LIMIT 1")[0]["g"]
    x, y = shapely.get_coordinates(shapely.from_wkb(road))[1]
    hit = ctx.workspace.snap(x + 3, y - 4, tolerance=10)
    assert (hit.x, hit.y, hit.kind) == (x, y, "vertex")
    assert hit.layer_id == ctx.workspace.layer("roads").id
    assert ctx.workspace.snap(x + 300, y + 300, tolerance=1, layer_ids=["roads"]) is None
    ctx.canvas.refresh()
    assert ctx.canvas._backend.refreshes == 1

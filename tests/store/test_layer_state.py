"""Layer order, visibility, groups, titles and styles saved in the workspace come back on reopen."""

from __future__ import annotations

import json
import shutil

import pytest

from gisdesk.core.layers import RasterLayer
from gisdesk.core.style import RasterStyle, Symbol, VectorStyle, graduated
from gisdesk.store.connection import connect
from gisdesk.store.errors import LockedError, ReadOnlyError
from gisdesk.store.layer_state import TABLE, load_layer_state, save_layer_state
from gisdesk.store.workspace import map_layers
from sample_layers.generate import build_workspace

#: The demo city's dispatcher: the city saves the styles everybody sees.
CITY = "dispatcher"


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    return build_workspace(tmp_path_factory.mktemp("demo") / "hue.sqlite", incidents=500)


@pytest.fixture
def demo(demo_master, tmp_path):
    """A fresh copy of the demo workspace (and its raster) per test."""
    for f in demo_master.parent.iterdir():
        if f.is_file() and not f.name.endswith(("-wal", "-shm")):
            shutil.copy(f, tmp_path / f.name)
    return tmp_path / demo_master.name


def by_name(layers):
    return {(lyr.name if not isinstance(lyr, RasterLayer) else lyr.path.stem): lyr for lyr in layers}


def names(layers):
    return [lyr.path.stem if isinstance(lyr, RasterLayer) else lyr.name for lyr in layers]


def edited_layers(path):
    layers = map_layers(path)
    m = by_name(layers)
    m["communes"].visible = False
    m["roads"].title = "Street network"
    m["cameras"].group = "Infrastructure"
    m["communes"].style = graduated("population", [0, 10000, 20000, 40000], ["#fee5d9", "#fb6a4a", "#a50f15"],
                                    Symbol(stroke="#333333", stroke_width=0.5))
    raster = next(lyr for lyr in layers if isinstance(lyr, RasterLayer))
    raster.style = RasterStyle(stops=[(0.0, "#ffffff"), (2.0, "#ff0000")], opacity=0.5)
    # bring communes to the top, send cameras to the bottom
    layers.remove(m["communes"])
    layers.append(m["communes"])
    layers.remove(m["cameras"])
    layers.insert(0, m["cameras"])
    return layers


def test_saved_state_comes_back_on_reopen(demo):
    layers = edited_layers(demo)
    save_layer_state(demo, layers, user=CITY)
    reopened, warnings = load_layer_state(demo, map_layers(demo))
    assert warnings == []
    assert names(reopened) == names(layers)
    assert [lyr.visible for lyr in reopened] == [lyr.visible for lyr in layers]
    assert [lyr.title for lyr in reopened] == [lyr.title for lyr in layers]
    assert [lyr.group for lyr in reopened] == [lyr.group for lyr in layers]
    m = by_name(reopened)
    assert m["communes"].visible is False and m["roads"].title == "Street network"
    assert m["cameras"].group == "Infrastructure"
    assert m["communes"].style == by_name(layers)["communes"].style
    assert m["communes"].style.mode == "graduated"
    assert m["planning_zones"].style == by_name(layers)["planning_zones"].style  # unchanged default survives too
    raster = next(lyr for lyr in reopened if isinstance(lyr, RasterLayer))
    assert raster.style == RasterStyle(stops=[(0.0, "#ffffff"), (2.0, "#ff0000")], opacity=0.5)


def test_no_saved_state_gives_the_defaults(demo):
    layers, warnings = load_layer_state(demo, map_layers(demo))
    assert names(layers) == names(map_layers(demo)) and warnings == []


def test_read_only_workspace_raises_and_changes_nothing(demo):
    save_layer_state(demo, map_layers(demo), user=CITY)
    before = connect(demo, read_only=True, wal=False).execute(f"SELECT * FROM {TABLE} ORDER BY layer_key").fetchall()
    with pytest.raises(ReadOnlyError):
        save_layer_state(demo, edited_layers(demo), read_only=True, user=CITY)
    after = connect(demo, read_only=True, wal=False).execute(f"SELECT * FROM {TABLE} ORDER BY layer_key").fetchall()
    assert after == before


def test_locked_workspace_raises_and_changes_nothing(demo):
    other = connect(demo)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LockedError) as info:
            save_layer_state(demo, edited_layers(demo), busy_timeout_ms=200, user=CITY)
        assert info.value.hint  # tells the user what to do
    finally:
        other.execute("ROLLBACK")
        other.close()
    conn = connect(demo, read_only=True, wal=False)  # the table is the schema's (empty in the demo): still empty
    assert conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone() == (0,)


def test_corrupt_style_json_falls_back_to_the_default_with_a_warning(demo):
    save_layer_state(demo, edited_layers(demo), user=CITY)
    conn = connect(demo)
    conn.execute(f"UPDATE {TABLE} SET style = '{{not json' WHERE name = 'communes'")
    conn.execute(f"UPDATE {TABLE} SET style = ? WHERE name = 'roads'", (json.dumps({"mode": "categorized"}),))
    conn.close()
    layers, warnings = load_layer_state(demo, map_layers(demo))
    m, defaults = by_name(layers), by_name(map_layers(demo))
    assert m["communes"].style == defaults["communes"].style
    assert m["roads"].style == defaults["roads"].style
    assert m["communes"].visible is False  # the rest of the saved state still applies
    assert len(warnings) == 2 and any("Communes" in w for w in warnings)


def test_saved_layer_that_no_longer_exists_is_skipped(demo):
    save_layer_state(demo, edited_layers(demo), user=CITY)
    conn = connect(demo)
    conn.execute(f"INSERT INTO {TABLE} VALUES (3, 'vector:hue.sqlite:gone', 'vector', 'hue.sqlite', 'gone', 'Gone', "
                 "'Flood', 1, '{}')")
    conn.execute(f"INSERT INTO {TABLE} VALUES (4, 'vector:/nowhere/x.gpkg:x', 'vector', '/nowhere/x.gpkg', 'x', 'X', "
                 "'', 1, '{}')")
    conn.close()
    layers, warnings = load_layer_state(demo, map_layers(demo))
    assert "gone" not in names(layers) and "x" not in names(layers)
    assert sorted(names(layers)) == sorted(names(map_layers(demo)))
    assert any("Gone" in w for w in warnings)


def test_removed_layer_stays_removed_and_new_layer_keeps_its_place(demo):
    layers = edited_layers(demo)
    layers = [lyr for lyr in layers if getattr(lyr, "name", "") != "drains"]
    save_layer_state(demo, layers, user=CITY)
    conn = connect(demo)
    conn.execute(f"DELETE FROM {TABLE} WHERE name = 'bridges'")  # as if 'bridges' were new in the workspace
    conn.close()
    reopened, _ = load_layer_state(demo, map_layers(demo))
    assert "drains" not in names(reopened)
    default_order = names(map_layers(demo))
    assert names(reopened).index("bridges") == default_order.index("bridges")


def test_added_layer_from_another_file_comes_back(demo, tmp_path):
    other = tmp_path / "copy.sqlite"
    shutil.copy(demo, other)
    extra = by_name(map_layers(other))["rivers"]
    extra.title = "Rivers (copy)"
    extra.style = VectorStyle(symbol=Symbol(fill="", stroke="#ff00ff", stroke_width=4))
    save_layer_state(demo, map_layers(demo) + [extra], user=CITY)
    reopened, warnings = load_layer_state(demo, map_layers(demo))
    assert warnings == []
    top = reopened[-1]
    assert top.title == "Rivers (copy)" and top.source.resolve() == other.resolve()
    assert top.style.symbol.stroke == "#ff00ff"


def _digest(path):
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in path.parent.iterdir() if p.is_file()}


@pytest.mark.parametrize("who", ["viewer", "phu_hoi", "moitruong", "nobody_known", None])
def test_only_the_city_saves_styles_for_everyone_and_a_refusal_writes_nothing(demo, who):
    # The rule: layers and styles of the shared workspace are the city's (dispatcher, administrator);
    # a viewer, a commune or department officer, a name without an account and the local OS user
    # (not in the demo's users table) restyle only their own session.
    from gisdesk.core.users import PermissionDenied

    before = _digest(demo)
    with pytest.raises(PermissionDenied):
        save_layer_state(demo, edited_layers(demo), user=who)
    assert _digest(demo) == before  # not a byte changed (no WAL switch either)


def test_the_role_comes_from_the_users_table_not_from_the_caller(demo):
    from gisdesk.core.users import PermissionDenied, User

    claimed = User("viewer", "Viewer", "administrator")  # a viewer claiming to be an administrator
    with pytest.raises(PermissionDenied):
        save_layer_state(demo, edited_layers(demo), user=claimed)
    save_layer_state(demo, edited_layers(demo), user=User("admin", "Admin", "viewer"))  # the table says administrator
    reopened, _ = load_layer_state(demo, map_layers(demo))
    assert by_name(reopened)["roads"].title == "Street network"

"""Lifecycle across starts: crash sentinel, enable/disable persistence, reload from disk,
installed plugins found through the ``gisdesk.plugins`` entry-point group."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from gisdesk.core.map_model import MapModel
from gisdesk.plugins.host import HeadlessHost
from gisdesk.plugins.manager import PluginManager

from .conftest import GOOD, make_manager

CRASH = "gisdesk crashed or hung while activating it at the last start"


def test_sentinel_left_behind_starts_that_plugin_disabled(tmp_path):
    state = tmp_path / "state"
    state.mkdir()
    (state / "activating.json").write_text(json.dumps({"name": "gd_minimal"}))  # as if the app died
    host = HeadlessHost(model=MapModel())
    manager = make_manager(host, state, GOOD)
    manager.start()
    rec = manager.record("gd_minimal")
    assert rec.state == "disabled" and rec.reason == CRASH
    assert "gd_minimal.ping" not in host.commands
    assert manager.record("gd_full").state == "active"
    assert any(level == "warning" and CRASH in text and "gd_minimal" in text for text, level, _ in host.notifications)
    assert not (state / "activating.json").exists()
    again = make_manager(HeadlessHost(model=MapModel()), state, GOOD)  # still off at the next start
    again.start()
    assert again.record("gd_minimal").state == "disabled"
    again.enable("gd_minimal")
    assert again.record("gd_minimal").state == "active" and again.record("gd_minimal").reason == ""


def test_a_real_crash_during_activate_disables_the_plugin_next_start(tmp_path):
    plugins = tmp_path / "plugins"
    (plugins / "gd_crasher" / "gd_crasher").mkdir(parents=True)
    (plugins / "gd_crasher" / "gisdesk-plugin.toml").write_text(
        '[plugin]\nname = "gd_crasher"\nversion = "1"\napi_version = "1"\nactivate = "gd_crasher:activate"\n')
    (plugins / "gd_crasher" / "gd_crasher" / "__init__.py").write_text(
        "import os\n\ndef activate(ctx):\n    os._exit(3)  # the process dies: no exception, no cleanup\n")
    state = tmp_path / "state"
    script = textwrap.dedent(f"""
        from gisdesk.core.map_model import MapModel
        from gisdesk.plugins.host import HeadlessHost
        from gisdesk.plugins.manager import PluginManager
        PluginManager(HeadlessHost(model=MapModel()), folders=[({str(plugins)!r}, "dir")],
                      entry_points=False, state_dir={str(state)!r}).start()
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3, proc.stderr
    assert json.loads((state / "activating.json").read_text()) == {"name": "gd_crasher", "phase": "activate"}
    manager = make_manager(HeadlessHost(model=MapModel()), state, plugins)
    manager.start()
    rec = manager.record("gd_crasher")
    assert rec.state == "disabled" and rec.reason == CRASH


def test_enable_disable_persist_across_managers(tmp_path):
    state = tmp_path / "state"
    host = HeadlessHost(model=MapModel())
    first = make_manager(host, state, GOOD)
    first.start()
    first.disable("gd_full")
    assert first.record("gd_full").state == "disabled"
    assert not [c for ids in host.contribution_ids().values() for c in ids if c.startswith("gd_full.")]
    assert first.module("gd_full", "gd_full").SEEN[-1] == "deactivated"

    host2 = HeadlessHost(model=MapModel())
    second = make_manager(host2, state, GOOD)
    second.start()
    assert second.record("gd_full").state == "disabled" and second.record("gd_full").reason == ""
    assert "gd_full.hello" not in host2.commands and second.record("gd_minimal").state == "active"
    second.enable("gd_full")
    assert second.record("gd_full").state == "active" and "gd_full.hello" in host2.commands

    third = make_manager(HeadlessHost(model=MapModel()), state, GOOD)
    third.start()
    assert third.record("gd_full").state == "active"


def test_changed_event_tells_the_dialog(tmp_path):
    manager = make_manager(HeadlessHost(model=MapModel()), tmp_path, GOOD)
    seen = []
    manager.changed.connect(lambda rec: seen.append((rec.name, rec.state)))
    manager.start()
    manager.disable("gd_minimal")
    assert ("gd_full", "active") in seen and seen[-1] == ("gd_minimal", "disabled")


def _reloadable(root, version):
    pkg = root / "gd_reloadable" / "gd_reloadable"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text(f"VERSION = {version!r}\n\ndef say(ctx):\n    ctx.notify(VERSION)\n")


def test_reload_picks_up_edited_code_and_manifest(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # as on users' machines: __pycache__ gets written
    plugins = tmp_path / "plugins"
    _reloadable(plugins, "v1")
    manifest = plugins / "gd_reloadable" / "gisdesk-plugin.toml"
    manifest.write_text('[plugin]\nname = "gd_reloadable"\nversion = "1"\napi_version = "1"\n\n'
                        '[[contributes.commands]]\nid = "gd_reloadable.say"\ntitle = "Say"\n'
                        'callback = "gd_reloadable:say"\n')
    host = HeadlessHost(model=MapModel())
    manager = make_manager(host, tmp_path / "state", plugins)
    manager.start()
    host.run_command("gd_reloadable.say")
    assert host.notifications[-1][0] == "gd_reloadable: v1"

    assert list((plugins / "gd_reloadable" / "gd_reloadable" / "__pycache__").glob("*.pyc"))
    _reloadable(plugins, "v2")  # same size, same second: the stale bytecode must not be used
    manifest.write_text(manifest.read_text().replace('\nversion = "1"', '\nversion = "2"') +
                        '\n[[contributes.commands]]\nid = "gd_reloadable.again"\ntitle = "Again"\n'
                        'callback = "gd_reloadable:say"\n')
    rec = manager.reload("gd_reloadable")
    assert rec.state == "active" and rec.version == "2"
    host.run_command("gd_reloadable.say")
    assert host.notifications[-1][0] == "gd_reloadable: v2"
    assert set(host.commands) >= {"gd_reloadable.say", "gd_reloadable.again"}


def test_reload_after_fixing_a_syntax_error(tmp_path):
    plugins = tmp_path / "plugins"
    pkg = plugins / "gd_fixme" / "gd_fixme"
    pkg.mkdir(parents=True)
    (plugins / "gd_fixme" / "gisdesk-plugin.toml").write_text(
        '[plugin]\nname = "gd_fixme"\nversion = "1"\napi_version = "1"\nactivate = "gd_fixme:activate"\n')
    (pkg / "__init__.py").write_text("def activate(ctx)\n    pass\n")
    manager = make_manager(HeadlessHost(model=MapModel()), tmp_path / "state", plugins)
    manager.start()
    assert manager.record("gd_fixme").phase == "import"
    (pkg / "__init__.py").write_text("def activate(ctx):\n    pass\n")
    rec = manager.reload("gd_fixme")
    assert (rec.state, rec.phase, rec.error, rec.traceback) == ("active", "", "", "")


def test_entry_point_plugin_is_found_through_real_packaging_metadata(tmp_path, monkeypatch):
    site = tmp_path / "site"
    pkg = site / "gd_ep_plugin"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("def activate(ctx):\n    ctx.register_command('gd_ep.hi', 'Hi', lambda c: None)\n")
    (pkg / "gisdesk-plugin.toml").write_text(
        '[plugin]\nname = "gd_ep"\nversion = "3.0"\napi_version = "1"\nactivate = "gd_ep_plugin:activate"\n')
    dist = site / "gd_ep_plugin-3.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: gd-ep-plugin\nVersion: 3.0\n")
    (dist / "entry_points.txt").write_text("[gisdesk.plugins]\ngd_ep = gd_ep_plugin\ngd_gone = gd_not_installed\n")
    monkeypatch.syspath_prepend(str(site))
    host = HeadlessHost(model=MapModel())
    manager = PluginManager(host, folders=[], entry_points=True, state_dir=tmp_path / "state")
    manager.start()
    rec = manager.record("gd_ep")
    assert (rec.state, rec.source, rec.version, rec.path) == ("active", "entry point", "3.0", pkg)
    assert rec.entry_point == "gd_ep = gd_ep_plugin" and "gd_ep.hi" in host.commands
    assert str(pkg) not in sys.path  # installed packages import already
    gone = manager.record("gd_gone")
    assert gone.state == "failed" and gone.phase == "discover" and "gd_not_installed" in gone.error


def test_starting_twice_does_not_register_twice(tmp_path):
    host = HeadlessHost(model=MapModel())
    manager = make_manager(host, tmp_path, GOOD)
    manager.start()
    manager.start()
    assert [r.state for r in manager.records] == ["active", "active"]
    assert host.contribution_ids()["commands"].count("gd_full.hello") == 1

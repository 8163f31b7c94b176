"""``gisdesk.testing`` as a plugin author uses it: a scaffolded plugin's own tests, run by pytest."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from gisdesk.plugins.scaffold import new_plugin
from gisdesk.testing import find_plugin_dir

EXTRA_TESTS = '''
from gisdesk.api import PluginContext


def test_fixture_workspace_is_a_fresh_copy(workspace, plugin_context):
    assert plugin_context.workspace.path == workspace
    assert plugin_context.workspace.read("SELECT count(*) AS n FROM incidents")[0]["n"] == 2000


def test_context_is_the_plugins(plugin_context):
    assert isinstance(plugin_context, PluginContext) and plugin_context.name == "flood_watch"


def test_main_window_has_the_panel(main_window):
    assert "flood_watch.panel" in main_window.plugin_host.docks
    assert main_window.plugin_host.manager.record("flood_watch").state == "active"
'''


def test_find_plugin_dir_walks_up(tmp_path):
    root = new_plugin("gauges", tmp_path)
    # a plugin project: the plugin is its package, where the manifest is
    assert find_plugin_dir(root / "tests" / "test_gauges.py") == root / "gauges"
    assert find_plugin_dir(tmp_path) is None


def test_scaffolded_plugin_tests_pass_with_the_fixtures(tmp_path):
    root = new_plugin("flood_watch", tmp_path)
    (root / "tests" / "test_fixtures.py").write_text(textwrap.dedent(EXTRA_TESTS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q",  # gisdesk.testing comes by its pytest11 entry point
                          "-o", f"cache_dir={tmp_path / 'cache'}"],
                         cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "6 passed" in run.stdout
    assert list((tmp_path / "cache").rglob("hue.sqlite")), "the demo city is cached for the next run"

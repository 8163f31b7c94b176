"""``gisdesk plugins`` and ``gisdesk plugin new``: output, JSON shape, and a scaffold that works."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gisdesk.plugins.cli import plugin_new_command, plugins_command
from gisdesk.plugins.host import HeadlessHost
from gisdesk.plugins.manifest import load_manifest

from .conftest import BROKEN, GOOD, make_manager

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_workspace(tmp_path_factory):
    from sample_layers.generate import build_workspace

    path = tmp_path_factory.mktemp("demo") / "hue.sqlite"
    build_workspace(path, incidents=2000)
    return path


def plugins_args(tmp_path, *dirs, as_json=False):
    return argparse.Namespace(plugins_dir=[str(d) for d in dirs], json=as_json, workspace=None,
                              state_dir=tmp_path / "state", verbose=False)


def test_plugins_json_document(tmp_path, capsys):
    rc = plugins_command(plugins_args(tmp_path, GOOD, BROKEN, as_json=True))
    out, err = capsys.readouterr()
    doc = json.loads(out)
    assert rc == 1  # some plugin failed
    assert doc["api_versions"] == ["1"]
    by_name = {p["name"]: p for p in doc["plugins"] if p["source"] == "dir"}
    full = by_name["gd_full"]
    assert (full["state"], full["version"], full["phase"], full["error"]) == ("active", "1.2.0", None, None)
    assert full["contributions"]["panels"] == ["gd_full.panel"]
    assert set(full) >= {"name", "title", "version", "api_version", "source", "path", "state", "phase", "error",
                         "traceback", "reason", "contributions", "warnings"}
    bad = by_name["gd_syntax_error"]
    assert (bad["state"], bad["phase"]) == ("failed", "import") and "SyntaxError" in bad["error"]
    assert "gd_syntax_error/__init__.py" in bad["traceback"]
    assert by_name["wrong_types"]["phase"] == "discover" and by_name["gd_wrong_api"]["phase"] == "validate"
    assert err == ""  # the log stays quiet without --verbose


def test_plugins_text_lists_name_version_source_state_and_failures(tmp_path, capsys):
    rc = plugins_command(plugins_args(tmp_path, GOOD, BROKEN))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["NAME", "VERSION", "SOURCE", "STATE"]
    row = {line.split()[0]: line for line in lines[1:] if line.strip() and not line.startswith(" ")}
    assert row["gd_full"].split()[:4] == ["gd_full", "1.2.0", "dir", "active"]
    assert "failed at activate: RuntimeError: activate blew up on purpose" in row["gd_activate_error"]
    assert "failed at discover:" in row["bad_toml"] and "not valid TOML" in row["bad_toml"]
    assert rc == 1


def test_plugins_all_good_exits_zero_and_shows_disabled(tmp_path, capsys):
    assert plugins_command(plugins_args(tmp_path, GOOD)) == 0
    manager = make_manager(HeadlessHost(), tmp_path / "state", GOOD)
    manager.discover()
    manager.disable("gd_minimal")  # remembered in plugins.json
    capsys.readouterr()
    assert plugins_command(plugins_args(tmp_path, GOOD, as_json=True)) == 0
    states = {p["name"]: p["state"] for p in json.loads(capsys.readouterr().out)["plugins"]}
    assert states["gd_minimal"] == "disabled" and states["gd_full"] == "active"


def test_new_plugin_validates_activates_and_its_panel_counts_layers(tmp_path, demo_workspace, qtbot, capsys):
    assert plugin_new_command(argparse.Namespace(name="flood_watch", dir=str(tmp_path / "mine"))) == 0
    root = tmp_path / "mine" / "flood_watch"
    assert capsys.readouterr().out.strip() == str(root)
    m = load_manifest(root)
    assert (m.name, m.api_version, [p.id for p in m.panels], m.warnings) == ("flood_watch", "1", ["flood_watch.panel"], ())
    assert (root / "tests" / "test_flood_watch.py").exists()

    host = HeadlessHost(workspace=demo_workspace)
    manager = make_manager(host, tmp_path / "state", tmp_path / "mine")
    manager.start()
    rec = manager.record("flood_watch")
    assert rec.state == "active", rec.traceback
    n_layers = len(host.model.layers)
    host.run_command("flood_watch.count_layers")
    assert host.notifications[-1][0] == f"flood_watch: The map has {n_layers} layers."
    panel = host.panels["flood_watch.panel"].call()  # what the window does when it shows the dock
    qtbot.addWidget(panel)
    panel.button.click()
    assert panel.label.text() == f"Layers on the map: {n_layers}" and n_layers > 5
    os.makedirs(ROOT / "build" / "artifacts", exist_ok=True)
    panel.resize(260, 120)
    panel.grab().save(str(ROOT / "build" / "artifacts" / "scaffold_panel.png"))
    manager.shutdown()
    assert rec.state == "inactive" and not host.panels


def test_scaffolded_plugin_tests_pass(tmp_path):
    subprocess.run([sys.executable, "-m", "gisdesk.plugins.cli", "new", "gauge_view", "--dir", str(tmp_path)],
                   check=True, capture_output=True, cwd=ROOT)
    # gisdesk.testing is registered through the pytest11 entry point of the installed package
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(cmd, cwd=tmp_path / "gauge_view", capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3 passed" in proc.stdout


@pytest.mark.parametrize("name, words", [("Flood-Watch", "try 'flood_watch'"), ("9lives", "not a plugin name")])
def test_new_plugin_refuses_bad_names(tmp_path, capsys, name, words):
    assert plugin_new_command(argparse.Namespace(name=name, dir=str(tmp_path))) == 2
    assert words in capsys.readouterr().err and not any(tmp_path.iterdir())


def test_new_plugin_never_overwrites(tmp_path, capsys):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "keep.txt").write_text("mine")
    assert plugin_new_command(argparse.Namespace(name="taken", dir=str(tmp_path))) == 2
    assert "exists already" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["keep.txt"]


def test_module_entry_runs_both_commands(tmp_path):
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "XDG_STATE_HOME": str(tmp_path / "st")}
    run = [sys.executable, "-m", "gisdesk.plugins.cli"]
    subprocess.run(run + ["new", "hello_map", "--dir", str(tmp_path / "p")], check=True, capture_output=True,
                   env=env, cwd=ROOT)
    proc = subprocess.run(run + ["plugins", "--plugins-dir", str(tmp_path / "p"), "--json"], capture_output=True,
                          text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    [mine] = [p for p in json.loads(proc.stdout)["plugins"] if p["name"] == "hello_map"]
    assert (mine["state"], mine["source"], mine["version"]) == ("active", "dir", "0.1.0")

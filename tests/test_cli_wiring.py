"""The gisdesk command reaches every subcommand: plugins, plugin new, incidents (run as a user would)."""

from __future__ import annotations

import json
import subprocess
import sys


def gisdesk(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "gisdesk.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=180, cwd=cwd)


def test_plugin_new_then_plugins_lists_it_active(tmp_path, monkeypatch):
    for var in ("XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    made = gisdesk("plugin", "new", "flood_watch", "--dir", tmp_path)
    assert made.returncode == 0, made.stderr
    listed = gisdesk("plugins", "--plugins-dir", tmp_path, "--json")
    assert listed.returncode == 0, listed.stderr
    states = {p["name"]: p["state"] for p in json.loads(listed.stdout)["plugins"]}
    assert states.get("flood_watch") == "active"


def test_incidents_import_reports_bad_lines_and_imports_good_ones(workspace, tmp_path):
    feed = tmp_path / "detections.csv"
    feed.write_text("camera_id,type,time,confidence,snapshot\n"
                    "CAM-0001,flooding,2026-11-20T08:00:00Z,0.93,/snap/1.jpg\n"
                    "CAM-9999,fire,2026-11-20T08:00:00Z,0.9,x\n", encoding="utf-8")
    run = gisdesk("incidents", "import-detections", workspace, feed, "--user", "dispatcher")
    assert run.returncode == 1  # some lines were rejected
    assert "created 1" in run.stdout and "line 3: unknown camera 'CAM-9999'" in run.stdout
    out = tmp_path / "out.geojson"
    exported = gisdesk("incidents", "export-geojson", workspace, out)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"

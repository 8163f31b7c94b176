"""``gisdesk locate`` prints the locator's results for scripts (run as a user would)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from gisdesk.store.connection import connect


def locate(*args, cache):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "XDG_STATE_HOME": str(cache / "state"),
           "XDG_CONFIG_HOME": str(cache / "config")}  # the index and the plugins' state stay in the test's folder
    return subprocess.run([sys.executable, "-m", "gisdesk.cli", "locate", *map(str, args)], capture_output=True,
                          text=True, timeout=180, env=env)


def test_locate_prints_the_commune_and_respects_the_users_commune(workspace, tmp_path):
    before = workspace.stat().st_mtime_ns
    run = locate(workspace, "phu hoi", "--json", "--user", "phu_hoi", cache=tmp_path / "cache")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["user"] == "phu_hoi" and doc["role"] == "commune_officer"
    assert doc["groups"][0]["kind"] == "commune"
    assert doc["groups"][0]["results"][0]["title"] == "Phú Hội"
    conn = connect(workspace, read_only=True)
    try:
        (other,) = conn.execute("SELECT uuid FROM incidents WHERE commune = 'Vĩnh Ninh' LIMIT 1").fetchone()
    finally:
        conn.close()
    hidden = locate(workspace, other[:8], "--user", "phu_hoi", cache=tmp_path / "cache")
    assert hidden.returncode == 1 and hidden.stdout.strip() == f"nothing found for '{other[:8]}'"
    shown = locate(workspace, other[:8], "--user", "vinh_ninh", "--limit", "3", cache=tmp_path / "cache")
    assert shown.returncode == 0 and "Incidents\n  " + other[:8] in shown.stdout
    assert workspace.stat().st_mtime_ns == before  # read-only
    assert any((tmp_path / "cache" / "gisdesk" / "locator").iterdir())


def test_locate_says_why_it_fails_in_one_line(tmp_path):
    run = locate(tmp_path / "none.sqlite", "x", cache=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.startswith("gisdesk locate: ") and "does not exist" in run.stderr


def test_locate_asks_the_plugins_providers_too(workspace, tmp_path):
    from tests.plugins.test_context import write_plugin
    from tests.plugins.test_locator_provider import GAUGES

    root = write_plugin(tmp_path / "plugins", "gauges", GAUGES).parent
    run = locate(workspace, "phu hoi", "--json", "--plugins-dir", root, cache=tmp_path / "cache")
    assert run.returncode == 0, run.stderr
    groups = {g["kind"]: [r["title"] for r in g["results"]] for g in json.loads(run.stdout)["groups"]}
    assert groups["gauge"] == ["Trạm đo Phú Hội"] and groups["commune"] == ["Phú Hội"]
    bare = locate(workspace, "phu hoi", "--json", "--plugins-dir", root, "--no-plugins", cache=tmp_path / "cache")
    assert "gauge" not in {g["kind"] for g in json.loads(bare.stdout)["groups"]}

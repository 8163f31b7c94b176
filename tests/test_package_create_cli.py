"""``gisdesk package create`` run as a script would (a subprocess, the password on standard input)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

PW = "hue-demo-2026\n"


def gisdesk(*args, stdin=PW):
    return subprocess.run([sys.executable, "-m", "gisdesk.cli", *map(str, args)], input=stdin, capture_output=True,
                          text=True, timeout=180)


def test_a_dispatcher_makes_a_package_for_a_commune_officer(workspace, tmp_path):
    out = tmp_path / "phu_hoi.sqlite"
    run = gisdesk("package", "create", workspace, "--for", "phu_hoi", "--commune", "Phú Hội", "-o", out,
                  "--user", "dispatcher", "--password-stdin", "--json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    con = sqlite3.connect(f"file:{workspace}?mode=ro", uri=True)
    want = con.execute("SELECT count(*) FROM tasks WHERE commune = 'Phú Hội'").fetchone()[0]
    con.close()
    assert report["counts"]["tasks"] == want and report["user"] == "phu_hoi"
    con = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
    assert dict(con.execute("SELECT key, value FROM gisdesk_package"))["user"] == "phu_hoi"
    con.close()
    # the package works like a workspace: the officer lists their tasks on it
    listed = gisdesk("tasks", "list", out, "--user", "phu_hoi", "--json", stdin="")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == want


def test_refusals_are_one_line_and_write_nothing(workspace, tmp_path):
    out = tmp_path / "p.sqlite"
    run = gisdesk("package", "create", workspace, "--for", "phu_hoi", "--commune", "Phú Hội", "-o", out,
                  "--user", "phu_hoi", "--password-stdin")
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [run.stderr.strip()]
    assert "only the city" in run.stderr and "Traceback" not in run.stderr
    assert not out.exists()
    out.write_bytes(b"mine")
    run = gisdesk("package", "create", workspace, "--for", "phu_hoi", "--commune", "Phú Hội", "-o", out,
                  "--user", "dispatcher", "--password-stdin")
    assert run.returncode == 2 and "exists" in run.stderr and out.read_bytes() == b"mine"
    run = gisdesk("package", "create", workspace, "--for", "phu_hoi", "--area", "1,2,3", "-o", tmp_path / "q.sqlite",
                  "--user", "dispatcher", "--password-stdin")
    assert run.returncode == 2 and "four numbers" in run.stderr

"""The ``gisdesk`` command never destroys or changes a workspace by accident (issue 12, build item 4).

Run as a user would (a separate process per command). Every refusal is one line on stderr,
no traceback, exit 2, and the file's bytes (SHA-256) are what they were, with no ``-wal`` or
``-shm`` file left next to it.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.safety_files import REFUSAL, assert_refused, bad_files, finish, gisdesk_cli, sha256, sidecars

FEED = "camera_id,type,time,confidence\nCAM-0001,flooding,2026-11-20T08:00:00Z,0.93\n"


def run_all(commands: dict, limit: int = 3) -> dict[object, subprocess.CompletedProcess]:
    """Run ``{key: (args, stdin)}``, at most ``limit`` at a time."""
    results, waiting, running = {}, list(commands.items()), {}
    while waiting or running:
        while waiting and len(running) < limit:
            key, (args, stdin) = waiting.pop(0)
            running[key] = gisdesk_cli(*args, stdin=stdin)
        key = next(iter(running))
        results[key] = finish(running.pop(key))
    return results


@pytest.mark.parametrize("command", ["export-geojson", "export-open311"])
def test_exporting_a_workspace_onto_itself_is_refused_and_changes_nothing(workspace, command):
    before = sha256(workspace)
    res = finish(gisdesk_cli("incidents", command, workspace, workspace))
    assert_refused(res, workspace.name, "open workspace")
    assert res.stdout == ""
    assert sha256(workspace) == before and sidecars(workspace) == []


def test_exporting_onto_another_database_is_refused(workspace, tmp_path):
    files = bad_files(workspace, tmp_path)
    other = tmp_path / "copy.sqlite"
    shutil.copy(workspace, other)
    targets = {"copy": other, "gpkg": files["geopackage"], "spatialite": files["ogr2ogr_spatialite"]}
    before = {k: sha256(p) for k, p in targets.items()}
    results = run_all({k: (("incidents", "export-geojson", workspace, p), None) for k, p in targets.items()})
    for k, res in results.items():
        assert_refused(res, targets[k].name, "SQLite database")
    assert {k: sha256(p) for k, p in targets.items()} == before


def test_read_only_commands_leave_the_workspace_byte_identical(workspace, tmp_path):
    before = sha256(workspace)
    out = tmp_path / "incidents.json"
    results = run_all({"kpi": (("kpi", workspace, "--json"), None), "users": (("users", "list", workspace), None),
                       "export": (("incidents", "export-open311", workspace, out), None)})
    for key, res in results.items():
        assert res.returncode == 0, (key, res.stderr)
    assert "dispatcher" in results["users"].stdout and out.stat().st_size > 0
    assert sha256(workspace) == before and sidecars(workspace) == []


def test_read_only_commands_refuse_files_that_are_not_workspaces(workspace, tmp_path):
    files = bad_files(workspace, tmp_path)
    before = {k: sha256(p) for k, p in files.items()}
    commands = {}
    for kind, path in files.items():
        commands[(kind, "kpi")] = (("kpi", path), None)
        commands[(kind, "users list")] = (("users", "list", path), None)
    for (kind, _), res in run_all(commands).items():
        if kind == "damaged":  # damage outside the pages a read needs: it reads (a write would be refused)
            assert "Traceback" not in res.stderr and res.returncode in (0, 2), res.stderr
        else:
            assert_refused(res, files[kind].name, REFUSAL[kind])
    assert {k: sha256(p) for k, p in files.items()} == before
    assert {k: sidecars(p) for k, p in files.items()} == {k: [] for k in files}


def test_write_commands_refuse_damaged_and_foreign_files_before_writing(workspace, tmp_path):
    files = bad_files(workspace, tmp_path)
    feed = tmp_path / "feed.csv"
    feed.write_text(FEED, encoding="utf-8")
    before = {k: sha256(p) for k, p in files.items()}
    commands = {}
    for kind, path in files.items():
        commands[(kind, "first-admin")] = (("users", "first-admin", path, "admin", "--password-stdin"),
                                           "a long enough password\n")
        commands[(kind, "import")] = (("incidents", "import-detections", path, feed), None)
    for (kind, _), res in run_all(commands).items():
        assert_refused(res, files[kind].name, REFUSAL[kind])
    assert {k: sha256(p) for k, p in files.items()} == before
    assert {k: sidecars(p) for k, p in files.items()} == {k: [] for k in files}


def test_terminal_escapes_in_a_file_name_are_not_sent_to_the_terminal(tmp_path):
    evil = tmp_path / "evil\x1b]0;owned\x07\x1b[31m.sqlite"
    evil.write_bytes(b"not a database at all" * 10)
    res = finish(gisdesk_cli("kpi", evil))
    assert_refused(res, "not an SQLite database", "\\x1b")
    assert "\x1b" not in res.stderr and "\x07" not in res.stderr


def test_a_missing_workspace_is_one_line_without_traceback(tmp_path):
    res = finish(gisdesk_cli("incidents", "export-geojson", tmp_path / "missing.sqlite", tmp_path / "out.json"))
    assert_refused(res, "missing.sqlite", "does not exist")


def test_render_never_writes_its_image_over_the_workspace(workspace):
    before = sha256(workspace)
    res = finish(gisdesk_cli("render", workspace, "--layers", "communes", "--size", "64x64", "-o", workspace))
    assert_refused(res, workspace.name, "open workspace")
    assert sha256(workspace) == before

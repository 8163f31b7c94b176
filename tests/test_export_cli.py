"""``gisdesk export WORKSPACE LAYER OUT`` run as a user would (a subprocess).

Counts expected from our own SQL on the workspace; read back with ``ogrinfo``; failures
are one line on stderr with exit status 2, and the workspace is left byte for byte.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import subprocess
import sys

import pyogrio
import pytest


def gisdesk(*args):
    return subprocess.run([sys.executable, "-m", "gisdesk.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=180)


def count(path, query, params=()):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(query, params).fetchone()[0]
    finally:
        con.close()


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="gdal-bin (ogrinfo) is not installed")
@pytest.mark.parametrize("suffix", ["gpkg", "shp", "geojson", "fgb", "csv", "kml"])
def test_export_writes_each_format_and_ogrinfo_agrees(workspace, tmp_path, suffix):
    want = count(workspace, "SELECT count(*) FROM incidents WHERE severity >= 4")
    out = tmp_path / f"severe.{suffix}"
    run = gisdesk("export", workspace, "incidents", out, "--where", '"severity" >= 4', "--user", "dispatcher")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines() == [run.stdout.strip()]  # one summary line
    assert f"exported {want} features" in run.stdout
    info = subprocess.run(["ogrinfo", "-so", "-al", "-ro", str(out)], capture_output=True, text=True, timeout=60)
    assert re.findall(r"Feature Count: (\d+)", info.stdout) == [str(want)]


def test_crs_and_format_options(workspace, tmp_path):
    out = tmp_path / "communes.data"
    run = gisdesk("export", workspace, "communes", out, "--format", "geojson", "--crs", "EPSG:3857")
    assert run.returncode == 0, run.stderr
    info = pyogrio.read_info(out)
    assert info["crs"] == "EPSG:3857" and info["features"] == count(workspace, "SELECT count(*) FROM communes")


def test_a_commune_officer_exports_their_communes_rows_only(workspace, tmp_path):
    want = count(workspace, "SELECT count(*) FROM incidents WHERE commune = ?", ("Phú Hội",))
    out = tmp_path / "mine.csv"
    run = gisdesk("export", workspace, "incidents", out, "--user", "phu_hoi", "--csv-geometry", "lonlat")
    assert run.returncode == 0, run.stderr
    assert f"exported {want} features" in run.stdout
    assert out.read_bytes()[:3] == b"\xef\xbb\xbf"
    assert pyogrio.read_info(out)["features"] == want


@pytest.mark.parametrize("args, message", [
    (["incidents", "{ws}", "--format", "gpkg", "--overwrite"], "open workspace"),
    (["incidents", "{tmp}/x.gpkg", "--where", '"nope" = 1'], "Unknown field 'nope'"),
    (["incidents", "{tmp}/x.gpkg", "--where", "status = "], "--where"),
    (["no_such_layer", "{tmp}/x.gpkg"], "No layer 'no_such_layer'"),
    (["communes", "{tmp}/x.xyz"], "Cannot tell the format"),
    (["communes", "{tmp}/x.gpkg", "--crs", "EPSG:999999"], "Unknown CRS"),
    (["communes", "{tmp}/missing/x.gpkg"], "does not exist"),
])
def test_failures_are_one_line_exit_2_and_change_nothing(workspace, tmp_path, args, message):
    before = hashlib.sha256(workspace.read_bytes()).hexdigest()
    argv = [a.format(ws=workspace, tmp=tmp_path) for a in args]
    run = gisdesk("export", workspace, *argv)
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert message in run.stderr and "Traceback" not in run.stderr
    assert hashlib.sha256(workspace.read_bytes()).hexdigest() == before
    assert not (tmp_path / "x.gpkg").exists()


def test_an_existing_output_needs_overwrite(workspace, tmp_path):
    out = tmp_path / "c.gpkg"
    assert gisdesk("export", workspace, "communes", out).returncode == 0
    again = gisdesk("export", workspace, "roads", out)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert pyogrio.list_layers(out)[:, 0].tolist() == ["communes"]
    replaced = gisdesk("export", workspace, "roads", out, "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    assert pyogrio.list_layers(out)[:, 0].tolist() == ["roads"]

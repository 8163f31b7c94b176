"""Files a workspace command must refuse without changing a byte (shared by the safety tests).

Each maker writes a real file: a damaged copy of the demo city, random bytes, a SpatiaLite
file and a GeoPackage written by GDAL's ``ogr2ogr`` (as another program would leave them).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")  # the write lock, as a long layer import holds it
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sidecars(path: Path) -> list[str]:
    """The ``-wal``, ``-shm`` and ``-journal`` files next to ``path``."""
    return sorted(p.name for p in Path(path).parent.iterdir() if p.name.startswith(Path(path).name + "-"))


def truncated_copy(demo: Path, out: Path) -> Path:
    """The first half of the demo city: SQLite reports it as malformed."""
    data = Path(demo).read_bytes()
    out.write_bytes(data[: len(data) // 2])
    return out


def damaged_copy(demo: Path, out: Path) -> Path:
    """The demo city with 20 pages in its middle overwritten: the header and schema read, ``quick_check`` fails."""
    shutil.copy(demo, out)
    size = out.stat().st_size
    page = 4096
    with out.open("r+b") as fh:
        fh.seek((size // page // 2) * page)
        fh.write(os.urandom(20 * page))
    return out


def random_bytes(out: Path) -> Path:
    """200 kB of random bytes under a .sqlite name."""
    out.write_bytes(os.urandom(200_000))
    return out


def _points(folder: Path) -> Path:
    src = folder / "points.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Chợ Đông Ba"},
         "geometry": {"type": "Point", "coordinates": [107.588, 16.472]}}]}, ensure_ascii=False), encoding="utf-8")
    return src


def ogr2ogr(out: Path, *options: str) -> Path:
    """A one-layer file written by GDAL's ``ogr2ogr`` (skips the test without GDAL)."""
    if shutil.which("ogr2ogr") is None:
        pytest.skip("ogr2ogr (Debian gdal-bin) is not installed")
    res = subprocess.run(["ogr2ogr", *options, str(out), str(_points(out.parent))], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    return out


def foreign_spatialite(out: Path) -> Path:
    """``ogr2ogr -f SQLite -dsco SPATIALITE=YES``: a SpatiaLite file of another program."""
    return ogr2ogr(out, "-f", "SQLite", "-dsco", "SPATIALITE=YES")


def geopackage(out: Path) -> Path:
    """``ogr2ogr -f GPKG``: a GeoPackage."""
    return ogr2ogr(out, "-f", "GPKG")


def bad_files(demo: Path, folder: Path) -> dict[str, Path]:
    """Every kind of file a workspace command must refuse, each in its own folder (so sidecars are visible)."""
    makers = {"truncated": lambda p: truncated_copy(demo, p), "damaged": lambda p: damaged_copy(demo, p),
              "random": random_bytes, "ogr2ogr_spatialite": foreign_spatialite, "geopackage": geopackage}
    out = {}
    for kind, make in makers.items():
        sub = folder / kind
        sub.mkdir()
        out[kind] = make(sub / ("layers.gpkg" if kind == "geopackage" else f"{kind}.sqlite"))
    return out


#: What the one line on stderr says for each kind of refused file.
REFUSAL = {"truncated": "damaged", "damaged": "damaged", "random": "not an SQLite database",
           "ogr2ogr_spatialite": "not a gisdesk workspace", "geopackage": "not a gisdesk workspace"}


def gisdesk_cli(*args: object, stdin: str | None = None, env: dict | None = None) -> subprocess.Popen:
    """Start ``python -m gisdesk.cli ARGS`` (collect it with :func:`finish`)."""
    proc = subprocess.Popen([sys.executable, "-m", "gisdesk.cli", *map(str, args)], cwd=REPO, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})
    proc.given_input = stdin  # type: ignore[attr-defined]
    return proc


def finish(proc: subprocess.Popen, timeout: float = 120) -> subprocess.CompletedProcess:
    """Wait for a command started by :func:`gisdesk_cli` (feeding its standard input)."""
    out, err = proc.communicate(input=getattr(proc, "given_input", None), timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def assert_refused(res: subprocess.CompletedProcess, *words: str) -> None:
    """Exit 2, one line on stderr starting ``gisdesk`` and holding ``words``, no traceback."""
    assert res.returncode == 2, (res.args, res.returncode, res.stdout, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gisdesk"), res.stderr
    assert "Traceback" not in res.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])

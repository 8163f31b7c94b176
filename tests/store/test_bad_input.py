"""Files a user may point gisdesk at by mistake, damaged files, locks and read-only use.

Every failure must be a :class:`StoreError` with a message naming the file (the CLI
prints it and exits 2, without a traceback) and must leave the file's bytes alone.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from gisdesk.store.connection import INSTALL_HINT, SPATIALITE_ENV, connect, sqlite_module, translate_error
from gisdesk.store.datasource import DataSource
from gisdesk.store.errors import (
    DamagedDatabaseError,
    LockedError,
    NoSpatialMetadataError,
    NotADatabaseError,
    ReadOnlyError,
    SpatialiteMissingError,
    StoreError,
)
from gisdesk.store.reader import read_geometries

REPO = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_everything(path: Path, **kw) -> None:
    with DataSource(path, **kw) as ds:
        for lyr in ds.layers:
            ds.feature_count(lyr)
            ds.extent(lyr)
            ds.columns(lyr)
            read_geometries(ds, lyr)


# -- files that are not SQLite at all ------------------------------------------------

def _not_sqlite(kind: str, base: Path) -> Path:
    p = base / {"text": "notes.sqlite", "random": "noise.gpkg", "empty": "empty.sqlite",
                "folder": "a_folder.sqlite", "missing": "missing.sqlite",
                "sqlite_header_then_noise": "fake.sqlite"}[kind]
    if kind == "text":
        p.write_text("id,name\n1,Hue\n" * 200, encoding="utf-8")
    elif kind == "random":
        p.write_bytes(random.Random(1).randbytes(50_000))
    elif kind == "empty":
        p.write_bytes(b"")
    elif kind == "folder":
        p.mkdir()
    elif kind == "sqlite_header_then_noise":
        p.write_bytes(b"SQLite format 3\x00" + random.Random(2).randbytes(40_000))
    return p


NOT_SQLITE = ["text", "random", "empty", "folder", "missing"]


@pytest.mark.parametrize("kind", NOT_SQLITE)
def test_not_sqlite_is_not_a_database(kind, tmp_path):
    p = _not_sqlite(kind, tmp_path)
    before = _digest(p) if p.is_file() else None
    for open_ in (DataSource, connect, lambda q: connect(q, read_only=True)):
        with pytest.raises(NotADatabaseError) as info:
            open_(p)
        assert p.name in info.value.message
    if p.is_file():
        assert _digest(p) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ([] if kind == "missing" else [p.name])


def test_sqlite_header_then_noise(tmp_path):
    p = _not_sqlite("sqlite_header_then_noise", tmp_path)
    before = _digest(p)
    with pytest.raises((NotADatabaseError, DamagedDatabaseError)) as info:
        DataSource(p)
    assert p.name in info.value.message
    assert _digest(p) == before


def _plain_sqlite(path: Path) -> Path:
    mod = sqlite_module()
    conn = mod.connect(str(path))
    conn.execute("CREATE TABLE wards (id INTEGER PRIMARY KEY, name TEXT, wkt TEXT)")
    conn.execute("INSERT INTO wards (name, wkt) VALUES ('Phu Hoi', 'POINT(107.59 16.46)')")
    conn.commit()
    conn.close()
    return path


def test_sqlite_without_spatial_metadata(tmp_path):
    p = _plain_sqlite(tmp_path / "plain.sqlite")
    before = _digest(p)
    with pytest.raises(NoSpatialMetadataError) as info:
        DataSource(p)
    assert "plain.sqlite" in info.value.message
    assert "RecoverGeometryColumn" in info.value.hint
    assert _digest(p) == before


def test_registration_without_table_is_skipped(spatialite_file, tmp_path):
    """geometry_columns naming a dropped table (left by other tools) hides that layer only."""
    p = tmp_path / "stale.sqlite"
    shutil.copy(spatialite_file[0], p)
    conn = connect(p, wal=False)
    conn.execute("DROP TABLE roads")  # a plain DROP, not DropGeoTable(): the registration stays
    assert conn.execute("SELECT count(*) FROM geometry_columns WHERE f_table_name = 'roads'").fetchone()[0] == 1
    conn.execute("DROP VIEW polys_a")  # views_geometry_columns still names it
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    with DataSource(p) as ds:
        names = {lyr.name for lyr in ds.layers}
        assert "roads" not in names and "polys_a" not in names and "pts" in names
        for lyr in ds.layers:
            ds.feature_count(lyr)


# -- mod_spatialite missing -----------------------------------------------------------

def test_missing_mod_spatialite(spatialite_file, monkeypatch):
    monkeypatch.setenv(SPATIALITE_ENV, "/nonexistent/lib/mod_spatialite_nope.so")
    path = spatialite_file[0]
    for open_ in (DataSource, connect):
        with pytest.raises(SpatialiteMissingError) as info:
            open_(path)
        assert "apt-get install libsqlite3-mod-spatialite" in info.value.hint
        assert "mod_spatialite_nope" in info.value.message
    assert info.value.hint == INSTALL_HINT


# -- damaged files --------------------------------------------------------------------

def _table_pages(path: Path, table: str) -> list[int]:
    conn = connect(path, read_only=True, wal=False)
    try:
        (pages,) = conn.execute("SELECT group_concat(pageno) FROM dbstat WHERE name = ?", (table,)).fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    finally:
        conn.close()
    return [int(x) for x in pages.split(",")], size


def _damage(src: Path, dst: Path, how: str) -> Path:
    shutil.copy(src, dst)
    data = bytearray(dst.read_bytes())
    rng = random.Random(7)
    if how in ("zero_table_pages", "random_table_pages", "random_one_leaf"):
        pages, size = _table_pages(src, "polys")
        if how == "random_one_leaf":
            pages = pages[1:2]
        for pg in pages:
            off = (pg - 1) * size
            data[off:off + size] = bytes(size) if how == "zero_table_pages" else rng.randbytes(size)
    elif how == "random_schema_page":
        data[100:4096] = rng.randbytes(3996)
    elif how == "truncated_half":
        data = data[: len(data) // 2]
    elif how == "truncated_mid_page":
        data = data[: len(data) - 5000]
    elif how == "truncated_first_page":
        data = data[:1000]
    dst.write_bytes(bytes(data))
    return dst


DAMAGE = ["zero_table_pages", "random_table_pages", "random_one_leaf", "random_schema_page",
          "truncated_half", "truncated_mid_page", "truncated_first_page"]


@pytest.mark.parametrize("how", DAMAGE)
def test_damaged_file(spatialite_file, tmp_path, how):
    p = _damage(spatialite_file[0], tmp_path / f"{how}.sqlite", how)
    before = _digest(p)
    with pytest.raises(StoreError) as info:
        _read_everything(p)
    assert p.name in info.value.message
    assert info.value.hint
    if how != "truncated_first_page":
        assert isinstance(info.value, DamagedDatabaseError), info.value
    assert _digest(p) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == [p.name]  # no journal or WAL left behind


# -- locks ----------------------------------------------------------------------------

LOCKER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    conn.execute("INSERT INTO scratch VALUES (1)")
    print("locked", flush=True)
    sys.stdin.read()
    conn.execute("ROLLBACK")
""")


@pytest.fixture
def locked_file(spatialite_file, tmp_path):
    p = tmp_path / "locked.sqlite"
    shutil.copy(spatialite_file[0], p)
    # Another program (a separate process: POSIX locks are per process) holds an exclusive lock.
    proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(p)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        yield p
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)


def test_locked_file(locked_file):
    for open_ in (lambda: DataSource(locked_file, busy_timeout_ms=300),
                  lambda: connect(locked_file, busy_timeout_ms=300),
                  lambda: connect(locked_file, read_only=True, busy_timeout_ms=300)):
        t0 = time.monotonic()
        with pytest.raises(LockedError) as info:
            open_()
        assert time.monotonic() - t0 < 3.0
        assert "locked.sqlite" in info.value.message and "Close the other program" in info.value.hint


def test_locked_file_cli(locked_file):
    t0 = time.monotonic()
    res = _cli(locked_file)
    assert time.monotonic() - t0 < 15
    _assert_clean_cli_failure(res, "locked.sqlite")
    assert "locked" in res.stderr


# -- read-only ------------------------------------------------------------------------

def test_read_only_connection_rejects_writes(spatialite_file, tmp_path):
    p = tmp_path / "ro.sqlite"
    shutil.copy(spatialite_file[0], p)
    before = _digest(p)
    conn = connect(p, read_only=True)
    try:
        for sql in ("DELETE FROM pts", "INSERT INTO pts (kind) VALUES ('z')", "CREATE TABLE x (a)",
                    "UPDATE polys SET geom = NULL", "PRAGMA journal_mode = WAL"):
            try:
                rows = conn.execute(sql).fetchall()
            except sqlite_module().Error as exc:
                err = translate_error(exc, p)
                assert isinstance(err, ReadOnlyError), (sql, exc)
                assert "ro.sqlite" in err.message
            else:
                assert sql.startswith("PRAGMA") and rows[0][0] != "wal"
        assert conn.execute("SELECT count(*) FROM pts").fetchone()[0] == 60
    finally:
        conn.close()
    assert _digest(p) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["ro.sqlite"]


def test_read_only_datasource(spatialite_file, tmp_path):
    p = tmp_path / "ro.sqlite"
    shutil.copy(spatialite_file[0], p)
    before = _digest(p)
    with DataSource(p, read_only=True) as ds:
        assert ds.read_only is True
        with pytest.raises(ReadOnlyError):
            with ds.translating_errors():
                ds.connection().execute("DELETE FROM pts")
        assert ds.feature_count(ds.layer("pts")) == 60
    _read_everything(p, read_only=True)
    assert _digest(p) == before


# -- the CLI --------------------------------------------------------------------------

def _cli(path: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gisdesk.cli", "info", str(path)], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=60)


def _assert_clean_cli_failure(res: subprocess.CompletedProcess, name: str) -> None:
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 2, res.stderr
    assert lines[0].startswith("gisdesk: ") and name in lines[0]
    assert res.stdout == ""


@pytest.fixture(scope="module")
def bad_files(spatialite_file, tmp_path_factory) -> dict[str, tuple[Path, str]]:
    base = tmp_path_factory.mktemp("bad")
    files = {kind: _not_sqlite(kind, base) for kind in NOT_SQLITE + ["sqlite_header_then_noise"]}
    files["plain"] = _plain_sqlite(base / "plain.sqlite")
    for how in DAMAGE:
        files[how] = _damage(spatialite_file[0], base / f"{how}.sqlite", how)
    return files


def test_cli_on_bad_files(bad_files):
    """``gisdesk info`` on each bad file: exit 2, message and hint, no traceback (run concurrently)."""
    before = {k: _digest(p) for k, p in bad_files.items() if p.is_file()}
    procs = {k: subprocess.Popen([sys.executable, "-m", "gisdesk.cli", "info", str(p)], cwd=REPO, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for k, p in bad_files.items()}
    for kind, proc in procs.items():
        out, err = proc.communicate(timeout=60)
        res = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
        _assert_clean_cli_failure(res, bad_files[kind].name)
        if kind not in ("folder", "missing"):
            lines = err.strip().splitlines()
            assert len(lines) == 1 and ". " in lines[0], (kind, err)  # the message, then the hint, on one line
    assert {k: _digest(p) for k, p in bad_files.items() if p.is_file()} == before


def test_cli_without_mod_spatialite(spatialite_file):
    env = dict(os.environ, **{SPATIALITE_ENV: "/nonexistent/mod_spatialite.so"})
    res = _cli(spatialite_file[0], env=env)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert "apt-get install libsqlite3-mod-spatialite" in res.stderr

"""A workspace is never destroyed or changed by accident (issue 12, build item 4), at the store level.

* Exports refuse the open workspace and any SQLite file, and write through a temporary file
  and an atomic rename.
* Read-only stores open ``mode=ro`` and never migrate; a file that is not a gisdesk workspace
  is refused with its bytes unchanged.
* Migrations run only on a gisdesk workspace, after ``quick_check``, in one transaction that
  leaves nothing behind when it fails; WAL only after those checks.
* A lock held by another writer past the busy timeout is :class:`WorkspaceBusy`; a full disk
  is :class:`DiskFullError`, not "cannot rollback - no transaction is active".

The expected outcomes are the rules above, written by hand; every file is a real one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gisdesk.core.users import User
from gisdesk.store import connection
from gisdesk.store.base import ConnectionStore, migration
from gisdesk.store.connection import connect
from gisdesk.store.errors import (
    DamagedDatabaseError,
    DiskFullError,
    NotADatabaseError,
    NotAWorkspaceError,
    StoreError,
    UnsafeTargetError,
    WorkspaceBusy,
)
from gisdesk.store.incident_io import export_geojson, export_open311
from gisdesk.store.incidents_store import IncidentStore, ensure_schema
from gisdesk.store.safe_write import write_export
from gisdesk.store.tasks_store import TaskStore, ensure_tasks_schema
from gisdesk.store.users_store import UserStore
from tests.safety_files import LOCKER, bad_files, sha256, sidecars

EXPORTS = [export_geojson, export_open311]


def journal_mode(path: Path) -> str:
    conn = connect(path, read_only=True, spatialite=False)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def table_names(path: Path) -> set[str]:
    conn = connect(path, read_only=True, spatialite=False)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


# -- exports --------------------------------------------------------------------------

@pytest.mark.parametrize("export", EXPORTS, ids=lambda f: f.__name__)
def test_an_export_onto_the_open_workspace_is_refused_and_the_workspace_is_unchanged(workspace, export):
    with IncidentStore(workspace, "lan") as store:
        before = sha256(workspace)
        for target in (workspace, Path(f"{workspace}-wal"), Path(f"{workspace}-journal")):
            with pytest.raises(UnsafeTargetError, match="open workspace"):
                export(store, target)
        assert sha256(workspace) == before
        assert store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == 2000


@pytest.mark.parametrize("export", EXPORTS, ids=lambda f: f.__name__)
def test_an_export_through_a_link_to_the_workspace_is_refused(workspace, tmp_path, export):
    sym = tmp_path / "incidents.geojson"
    sym.symlink_to(workspace)
    hard = tmp_path / "hard.json"
    os.link(workspace, hard)
    before = sha256(workspace)
    with IncidentStore(workspace, "lan", read_only=True) as store:
        for target in (sym, hard):
            with pytest.raises(UnsafeTargetError):
                export(store, target)
    assert sha256(workspace) == before and sym.is_symlink()


@pytest.mark.parametrize("export", EXPORTS, ids=lambda f: f.__name__)
def test_an_export_onto_any_sqlite_file_is_refused(workspace, tmp_path, export):
    files = bad_files(workspace, tmp_path)
    other = tmp_path / "other_workspace.json"  # a workspace copy whatever its name
    shutil.copy(workspace, other)
    targets = [other, files["ogr2ogr_spatialite"], files["geopackage"], files["damaged"]]
    before = {t: sha256(t) for t in targets}
    with IncidentStore(workspace, "lan", read_only=True) as store:
        for target in targets:
            with pytest.raises(UnsafeTargetError, match="SQLite database"):
                export(store, target)
    assert {t: sha256(t) for t in targets} == before


def test_an_export_replaces_its_file_atomically_and_keeps_its_mode(workspace, tmp_path):
    out = tmp_path / "incidents.geojson"
    out.write_text("old export", encoding="utf-8")
    out.chmod(0o640)
    old_inode = out.stat().st_ino
    with IncidentStore(workspace, "lan", read_only=True) as store:
        assert export_geojson(store, out, status=["new"]) > 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and {f["properties"]["status"] for f in doc["features"]} == {"new"}
    assert out.stat().st_ino != old_inode  # a new file renamed over the old one, not rewritten in place
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["incidents.geojson", "workspace"]


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(tmp_path):
    out = tmp_path / "feed.json"
    out.write_text("[]", encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        write_export(tmp_path / "missing-folder" / "feed.json", "[1]")
    with pytest.raises(UnsafeTargetError, match="folder"):
        write_export(tmp_path, "[1]")
    assert out.read_text(encoding="utf-8") == "[]"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.json"]


def test_an_export_to_a_stream_is_written_directly(workspace):
    with IncidentStore(workspace, "lan", read_only=True) as store:
        assert export_open311(store, "/dev/null", status=["new"]) > 0  # like /dev/stdout piped into jq


# -- read-only stores -----------------------------------------------------------------

def test_read_only_stores_leave_the_workspace_byte_identical(workspace):
    before = sha256(workspace)
    assert journal_mode(workspace) == "delete"
    with TaskStore(workspace, User("gisdesk-cli", "", "viewer"), read_only=True) as tasks:
        assert tasks.kpis()["created"] > 0
    with UserStore(workspace, read_only=True) as users:
        assert users.all_users()
    with IncidentStore(workspace, "lan", read_only=True) as incidents:
        assert len(incidents.list()) == 2000
    assert sha256(workspace) == before and journal_mode(workspace) == "delete"
    assert sidecars(workspace) == []


@pytest.mark.parametrize("kind", ["ogr2ogr_spatialite", "geopackage", "truncated", "random"])
def test_stores_refuse_a_file_that_is_not_a_workspace_and_leave_it_unchanged(workspace, tmp_path, kind):
    path = bad_files(workspace, tmp_path)[kind]
    before, mode = sha256(path), (journal_mode(path) if kind in ("ogr2ogr_spatialite", "geopackage") else None)
    expected = {"ogr2ogr_spatialite": NotAWorkspaceError, "geopackage": NotAWorkspaceError,
                "truncated": DamagedDatabaseError, "random": NotADatabaseError}[kind]
    opens = [lambda ro: TaskStore(path, User("ci", "", "viewer"), read_only=ro),
             lambda ro: UserStore(path, read_only=ro), lambda ro: IncidentStore(path, "ci", read_only=ro)]
    for open_store in opens:
        for read_only in (True, False):
            with pytest.raises(expected) as info:
                open_store(read_only)
            assert path.name in info.value.message
    for migrate in (ensure_schema, ensure_tasks_schema):
        with pytest.raises(expected):
            migrate(path)
    assert sha256(path) == before and sidecars(path) == []
    if mode:
        assert journal_mode(path) == mode != "wal"


# -- migrations -----------------------------------------------------------------------

def test_a_damaged_workspace_is_refused_before_wal_or_any_write(workspace, tmp_path):
    path = bad_files(workspace, tmp_path)["damaged"]  # the header and schema read; quick_check fails
    before = sha256(path)
    for open_store in (lambda: TaskStore(path, User("ci", "", "viewer")), lambda: UserStore(path),
                       lambda: IncidentStore(path, "ci"), lambda: ensure_tasks_schema(path)):
        with pytest.raises(DamagedDatabaseError, match="quick_check"):
            open_store()
    assert sha256(path) == before and sidecars(path) == []


def test_a_failing_migration_leaves_nothing_behind(workspace):
    before_tables, before = table_names(workspace), sha256(workspace)
    with pytest.raises(RuntimeError, match="half-way"):
        with migration(workspace, workspace_only=True) as conn:
            conn.execute("CREATE TABLE gisdesk_half (a)")
            conn.execute("ALTER TABLE incidents ADD COLUMN half_done TEXT")
            conn.execute("DROP TABLE routing_rules")
            raise RuntimeError("failed half-way")
    assert table_names(workspace) == before_tables
    assert sha256(workspace) == before and journal_mode(workspace) == "delete"


def test_a_migration_nested_in_a_migration_is_a_savepoint(workspace):
    with migration(workspace, workspace_only=True) as conn:
        conn.execute("CREATE TABLE kept (a)")
        with pytest.raises(RuntimeError):
            with migration(conn, workspace_only=True):
                conn.execute("CREATE TABLE undone (a)")
                raise RuntimeError("inner fails")
    names = table_names(workspace)
    assert "kept" in names and "undone" not in names


def test_a_writable_store_switches_only_a_checked_workspace_to_wal(workspace):
    with TaskStore(workspace, User("dispatcher", "", "viewer")):
        assert journal_mode(workspace) == "wal"


# -- busy -----------------------------------------------------------------------------

@pytest.fixture
def held_lock(workspace, monkeypatch):
    """The workspace in WAL mode (as the window leaves it) with another process holding its write lock."""
    conn = connect(workspace)  # a checked workspace: switched to WAL
    conn.close()
    monkeypatch.setattr(connection, "DEFAULT_BUSY_TIMEOUT_MS", 300)
    proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(workspace)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        yield workspace
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)


def test_a_writer_holding_the_lock_gives_workspace_busy_after_the_timeout(held_lock):
    t0 = time.monotonic()
    with pytest.raises(WorkspaceBusy) as info:
        TaskStore(held_lock, User("dispatcher", "", "viewer"))  # its migration needs the write lock
    assert 0.25 < time.monotonic() - t0 < 3.0
    assert "busy" in info.value.message and "another program is writing" in info.value.message
    assert held_lock.name in info.value.message


def test_a_store_transaction_under_a_held_lock_is_workspace_busy_and_the_store_stays_usable(held_lock):
    store = ConnectionStore()
    store.conn = connect(held_lock)
    try:
        with pytest.raises(WorkspaceBusy):
            with store.transaction() as conn:
                conn.execute("UPDATE incidents SET description = 'x'")
        assert not store.conn.in_transaction
        # readers are not blocked by the writer (WAL): the read-only tasks still answer
        with TaskStore(held_lock, User("gisdesk-cli", "", "viewer"), read_only=True) as tasks:
            assert tasks.kpis()["created"] > 0
    finally:
        store.close()


# -- full disk ------------------------------------------------------------------------

def test_a_full_database_raises_disk_full_not_cannot_rollback(workspace):
    """``PRAGMA max_page_count`` makes SQLite fail with SQLITE_FULL, the code of a full disk."""
    store = ConnectionStore()
    store.conn = connect(workspace)
    try:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(DiskFullError, match="disk is full") as info:
            with store.transaction() as conn:
                conn.execute("CREATE TABLE photos (data BLOB)")
                conn.execute("INSERT INTO photos VALUES (zeroblob(1000000))")
        assert "cannot rollback" not in str(info.value)
        assert not store.conn.in_transaction
        assert store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'photos'").fetchone() is None
    finally:
        store.close()


FULL_DISK_SCRIPT = r"""
import os, shutil, sys
from gisdesk.core.users import User
from gisdesk.store.errors import DiskFullError
from gisdesk.store.users_store import UserStore
from gisdesk.store.connection import connect

src, mnt = sys.argv[1], sys.argv[2]
ws = os.path.join(mnt, "hue.sqlite")
shutil.copy(src, ws)
store = UserStore(ws)  # switches the workspace to WAL and checks it
fd = os.open(os.path.join(mnt, "filler"), os.O_WRONLY | os.O_CREAT)
for block in (65536, 512):  # fill the file system to the last block
    try:
        while True:
            os.write(fd, b"\0" * block)
    except OSError:
        pass
os.close(fd)
users_before = store.conn.execute("SELECT count(*) FROM users").fetchone()[0]
try:
    with store.transaction() as conn:
        conn.execute("CREATE TABLE photos (data BLOB)")
        conn.execute("INSERT INTO photos VALUES (zeroblob(2000000))")
    print("NO ERROR")
except DiskFullError as exc:
    print("DISKFULL", exc.message)
except Exception as exc:
    print("OTHER", type(exc).__name__, exc)
print("IN_TRANSACTION", store.conn.in_transaction)
store.close()
os.remove(os.path.join(mnt, "filler"))
conn = connect(ws, read_only=True)
print("INTEGRITY", conn.execute("PRAGMA integrity_check").fetchone()[0])
print("PHOTOS", conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'photos'").fetchone()[0])
print("USERS", conn.execute("SELECT count(*) FROM users").fetchone()[0] == users_before)
"""


def test_a_really_full_disk_raises_disk_full_and_keeps_the_workspace(workspace, tmp_path):
    """A real file system that runs out of space: a 24 MB tmpfs in a private mount namespace (root only)."""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs root and unshare to mount a small tmpfs")
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    script = tmp_path / "full_disk.py"
    script.write_text(FULL_DISK_SCRIPT, encoding="utf-8")
    size_mb = workspace.stat().st_size // 2**20 + 12
    cmd = (f"mount -t tmpfs -o size={size_mb}m tmpfs '{mnt}' && "
           f"'{sys.executable}' '{script}' '{workspace}' '{mnt}'")
    res = subprocess.run(["unshare", "-m", "sh", "-c", cmd], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    if "mount:" in res.stderr or "unshare:" in res.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {res.stderr.strip()}")
    assert res.returncode == 0, res.stderr
    lines = dict(line.split(" ", 1) for line in res.stdout.strip().splitlines())
    assert lines["DISKFULL"].startswith("The disk is full"), res.stdout
    assert lines == {**lines, "IN_TRANSACTION": "False", "INTEGRITY": "ok", "PHOTOS": "0", "USERS": "True"}


# -- errors are store errors ----------------------------------------------------------

def test_new_errors_are_store_errors_with_hints():
    for cls in (WorkspaceBusy, DiskFullError, NotAWorkspaceError, UnsafeTargetError):
        assert issubclass(cls, StoreError)

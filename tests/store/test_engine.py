"""The SQLAlchemy engine: every pooled connection has mod_spatialite, WAL, foreign keys, a busy timeout."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from gisdesk.store.connection import connect, create_engine
from gisdesk.store.errors import NotADatabaseError


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "w.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")
    conn.execute("CREATE TABLE gisdesk_meta (key TEXT PRIMARY KEY, value TEXT)")  # a gisdesk workspace: WAL
    conn.execute("CREATE TABLE parent (id TEXT PRIMARY KEY)")
    conn.execute("CREATE TABLE child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent(id))")
    conn.close()
    return path


def test_every_pooled_connection_is_spatial_and_safe(workspace):
    engine = create_engine(workspace)
    seen = []

    def work():
        with engine.connect() as c:
            seen.append((
                c.execute(sa.text("SELECT spatialite_version()")).scalar(),
                c.execute(sa.text("PRAGMA journal_mode")).scalar(),
                c.execute(sa.text("PRAGMA foreign_keys")).scalar(),
                c.execute(sa.text("PRAGMA busy_timeout")).scalar(),
                c.execute(sa.text("SELECT ST_AsText(MakePoint(1, 2, 4326))")).scalar(),
            ))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 4
    for version, journal, fk, timeout, wkt in seen:
        assert version and journal.lower() == "wal" and fk == 1 and timeout > 0 and wkt == "POINT(1 2)"
    engine.dispose()


def test_the_engine_leaves_the_journal_mode_of_a_file_that_is_not_a_workspace(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = connect(path, create=True)
    conn.execute("SELECT InitSpatialMetadata(1)")  # SpatiaLite, but none of the gisdesk tables
    conn.close()
    engine = create_engine(path)
    with engine.connect() as c:
        assert c.execute(sa.text("PRAGMA journal_mode")).scalar().lower() == "delete"
    engine.dispose()


def test_foreign_keys_are_enforced_through_the_engine(workspace):
    engine = create_engine(workspace)
    with engine.begin() as c:
        c.execute(sa.text("INSERT INTO parent VALUES ('p1')"))
        c.execute(sa.text("INSERT INTO child VALUES ('c1', 'p1')"))
    with pytest.raises(sa.exc.IntegrityError):
        with engine.begin() as c:
            c.execute(sa.text("INSERT INTO child VALUES ('c2', 'nobody')"))
    with engine.connect() as c:
        assert c.execute(sa.text("SELECT count(*) FROM child")).scalar() == 1  # nothing half-written
    engine.dispose()


def test_read_only_engine_refuses_writes_and_changes_nothing(workspace):
    before = workspace.read_bytes()
    engine = create_engine(workspace, read_only=True)
    with pytest.raises(sa.exc.OperationalError, match="readonly"):
        with engine.begin() as c:
            c.execute(sa.text("INSERT INTO parent VALUES ('x')"))
    engine.dispose()
    assert workspace.read_bytes() == before


def test_engine_on_a_file_that_is_not_sqlite_fails_clearly(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("hello")
    with pytest.raises(NotADatabaseError, match="not an SQLite database"):
        create_engine(bad)


def test_mod_spatialite_is_looked_for_where_each_platform_installs_it():
    from gisdesk.store.connection import spatialite_candidates

    conda = {"CONDA_PREFIX": "C:/Users/lan/miniforge3/envs/gis"}
    win = spatialite_candidates("win32", {**conda, "OSGEO4W_ROOT": "D:/OSGeo4W"})
    assert [c.replace("\\", "/") for c in win] == [
        "C:/Users/lan/miniforge3/envs/gis/Library/bin/mod_spatialite.dll", "D:/OSGeo4W/bin/mod_spatialite.dll",
        "C:/OSGeo4W/bin/mod_spatialite.dll", "C:/OSGeo4W64/bin/mod_spatialite.dll", "mod_spatialite"]
    mac = spatialite_candidates("darwin", {"CONDA_PREFIX": "/Users/an/mambaforge"})
    assert mac[:2] == ["/Users/an/mambaforge/lib/mod_spatialite.dylib", "/opt/homebrew/lib/mod_spatialite.dylib"]
    assert spatialite_candidates("linux", {}) == ["mod_spatialite"]
    assert spatialite_candidates("linux", {"GISDESK_MOD_SPATIALITE": "/x/mod_spatialite.so"})[0] == "/x/mod_spatialite.so"


def test_a_conda_environments_mod_spatialite_is_found_and_loads(tmp_path, monkeypatch):
    import ctypes.util
    import glob

    from gisdesk.store.connection import connect, spatialite_library

    system = (glob.glob("/usr/lib/*/mod_spatialite.so") + glob.glob("/usr/lib/mod_spatialite.so"))
    if not system:
        pytest.skip("no system mod_spatialite.so to stand in for a conda one")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "mod_spatialite.so").symlink_to(system[0])
    monkeypatch.delenv("GISDESK_MOD_SPATIALITE", raising=False)
    monkeypatch.setenv("CONDA_PREFIX", str(tmp_path))
    assert spatialite_library() == str(tmp_path / "lib" / "mod_spatialite.so")
    conn = connect(tmp_path / "x.sqlite", create=True)
    try:
        assert conn.execute("SELECT spatialite_version()").fetchone()[0]
    finally:
        conn.close()

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

"""Schema versions of a workspace (issue 13): Alembic migrations on SpatiaLite, read at every open.

Real files: an empty SpatiaLite file upgraded from nothing, and copies of the demo city made
"old" the way a workspace from before versions is (no ``alembic_version``, no sync tables).
The server side is tests/server/test_migrations_pg.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gisdesk.cli import main
from gisdesk.store.base import open_workspace
from gisdesk.store.connection import connect
from gisdesk.store.schema_version import (
    NewerSchemaError,
    OlderSchemaError,
    differences,
    migrate,
    schema_version_of,
    sqlite_session,
    upgrade,
)
from tests.safety_files import sha256, sidecars

#: The history as this gisdesk ships it, written out by hand.
HEAD = "0002_sync_tables"
SYNC = ("gisdesk_sync_conflicts", "gisdesk_sync_in", "gisdesk_sync_out", "gisdesk_sync_peers")
#: SpatiaLite's geometry type codes: POINT 1, MULTILINESTRING 5, MULTIPOLYGON 6.
GEOMETRY = [("incident_areas", 6, 32648, 1), ("incident_lines", 5, 32648, 1), ("incidents", 1, 32648, 1)]


def _tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _counts(path: Path) -> dict[str, int]:
    """Rows of every table of the file (virtual spatial-index tables excepted), counted with SQL."""
    conn = connect(path, read_only=True, wal=False)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def _make_old(path: Path) -> None:
    """Turn a copy of the demo into a workspace from before versions: no version, no sync tables."""
    conn = connect(path, wal=False)
    try:
        conn.execute("DROP TABLE alembic_version")
        for t in SYNC:
            conn.execute(f"DROP TABLE {t}")
        conn.execute("DELETE FROM gisdesk_meta WHERE key = 'schema_version'")
    finally:
        conn.close()


@pytest.fixture
def old_workspace(workspace: Path) -> Path:
    _make_old(workspace)
    return workspace


def test_a_fresh_upgrade_gives_exactly_the_tables_of_schema_py(tmp_path):
    path = tmp_path / "new.sqlite"
    conn = connect(path, create=True, wal=False)
    try:
        conn.execute("SELECT InitSpatialMetadata(1)")
        with sqlite_session(conn) as sa_conn:
            assert upgrade(sa_conn, srid=32648) == ["0001_baseline", HEAD]
        with sqlite_session(conn) as sa_conn:
            assert differences(sa_conn) == []  # alembic's compare_metadata: nothing to add, drop or change
        assert conn.execute("SELECT f_table_name, geometry_type, srid, spatial_index_enabled FROM geometry_columns "
                            "ORDER BY 1").fetchall() == GEOMETRY
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert conn.execute("SELECT value FROM gisdesk_meta WHERE key = 'schema_version'").fetchone() == (HEAD,)
        assert {"users", "sign_in_failures", *SYNC} <= _tables(conn)
        assert "pw_hash" in {r[1] for r in conn.execute("PRAGMA table_info(users)")}  # a workspace's own sign-in
    finally:
        conn.close()


def test_differences_sees_a_missing_column_and_a_lost_spatial_index(tmp_path):
    """The comparison the test above relies on can fail."""
    path = tmp_path / "new.sqlite"
    conn = connect(path, create=True, wal=False)
    try:
        conn.execute("SELECT InitSpatialMetadata(1)")
        with sqlite_session(conn) as sa_conn:
            upgrade(sa_conn, srid=32648)
        conn.execute("ALTER TABLE tasks DROP COLUMN closed_at")
        conn.execute("SELECT DisableSpatialIndex('incidents', 'geom')")
        with sqlite_session(conn) as sa_conn:
            found = differences(sa_conn)
        assert any(d[0] == "add_column" and d[2] == "tasks" and d[3].name == "closed_at" for d in found)
        assert ("spatialite", "incidents", "geometry_columns (1, 32648, 0) != (1, 32648, 1)") in found
    finally:
        conn.close()


def test_the_history_read_at_open_is_alembics():
    from alembic.script import ScriptDirectory

    from gisdesk.store.migrations import SCRIPT_DIR
    from gisdesk.store.schema_version import history

    walked = [r.revision for r in ScriptDirectory(str(SCRIPT_DIR)).walk_revisions("base", "heads")]
    assert history() == tuple(reversed(walked)) == ("0001_baseline", HEAD)


def test_the_demo_is_made_at_head(workspace):
    state = schema_version_of(workspace)
    assert (state.revision, state.status) == (HEAD, "current")


def test_an_old_demo_copy_migrates_in_place_with_every_row_kept(old_workspace, capsys):
    before = _counts(old_workspace)
    assert before["incidents"] == 2000 and before["communes"] > 0  # the demo: 2,000 incidents (DEMO_INCIDENTS)
    assert schema_version_of(old_workspace).status == "unversioned"
    folder = sorted(p.name for p in old_workspace.parent.iterdir())

    assert main(["migrate", str(old_workspace)]) == 0
    out = capsys.readouterr().out
    assert f"schema unversioned -> {HEAD}" in out and "recognised as 0001_baseline" in out

    after = _counts(old_workspace)
    # every row of every table kept; gisdesk_meta gains the one 'schema_version' row
    assert {t: n for t, n in after.items() if t in before} == dict(before, gisdesk_meta=before["gisdesk_meta"] + 1)
    assert {t: after[t] for t in SYNC} == {t: 0 for t in SYNC}  # the new tables, empty
    assert schema_version_of(old_workspace).revision == HEAD
    conn = connect(old_workspace, read_only=True)
    try:
        assert conn.execute("SELECT value FROM gisdesk_meta WHERE key = 'schema_version'").fetchone() == (HEAD,)
    finally:
        conn.close()
    # the backup beside it is the workspace as it was: unversioned, the same rows
    new = sorted(set(p.name for p in old_workspace.parent.iterdir()) - set(folder))
    assert len(new) == 1 and new[0].startswith("hue.before-unversioned-") and new[0].endswith(".sqlite")
    backup = old_workspace.parent / new[0]
    assert schema_version_of(backup).status == "unversioned" and _counts(backup) == before
    # and the migrated workspace opens for writing again
    open_workspace(old_workspace).close()


def test_a_second_migrate_is_a_no_op(old_workspace, capsys):
    migrate(old_workspace)
    folder = sorted(p.name for p in old_workspace.parent.iterdir())
    digest = sha256(old_workspace)
    assert main(["migrate", str(old_workspace)]) == 0
    assert "is current; nothing to do" in capsys.readouterr().out
    assert sha256(old_workspace) == digest and sorted(p.name for p in old_workspace.parent.iterdir()) == folder


def test_a_dry_run_says_what_and_writes_nothing(old_workspace, capsys):
    digest, folder = sha256(old_workspace), sorted(p.name for p in old_workspace.parent.iterdir())
    assert main(["migrate", str(old_workspace), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would apply: recognise as 0001_baseline (tables checked) and stamp, 0002_sync_tables" in out
    assert sha256(old_workspace) == digest and sorted(p.name for p in old_workspace.parent.iterdir()) == folder


def test_a_file_written_by_a_newer_gisdesk_is_refused_and_unchanged(workspace, capsys):
    conn = connect(workspace, wal=False)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()
    digest = sha256(workspace)
    for read_only in (False, True):
        with pytest.raises(NewerSchemaError, match="newer gisdesk .*0099_from_the_future"):
            open_workspace(workspace, read_only=read_only)
    from gisdesk.store.incidents_store import IncidentStore

    with pytest.raises(NewerSchemaError):
        IncidentStore(workspace, "dispatcher")
    assert main(["migrate", str(workspace)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "newer gisdesk" in err  # one line
    assert main(["info", str(workspace)]) == 0
    assert "schema version: 0099_from_the_future (written by a newer gisdesk" in capsys.readouterr().out
    assert sha256(workspace) == digest and sidecars(workspace) == []


def test_an_older_file_opens_read_only_and_a_write_says_run_migrate(old_workspace):
    digest = sha256(old_workspace)
    open_workspace(old_workspace, read_only=True).close()
    with pytest.raises(OlderSchemaError, match="gisdesk migrate"):
        open_workspace(old_workspace)
    from gisdesk.store.tasks_store import TaskStore

    with pytest.raises(OlderSchemaError):
        TaskStore(old_workspace, "dispatcher")
    assert sha256(old_workspace) == digest and sidecars(old_workspace) == []  # never migrated silently


def test_migrate_changes_only_the_file_it_names(old_workspace, tmp_path):
    other = tmp_path / "other" / "hue.sqlite"
    other.parent.mkdir()
    shutil.copy2(old_workspace, other)
    digest, folder = sha256(other), sorted(p.name for p in other.parent.iterdir())
    migrate(old_workspace)
    assert sha256(other) == digest and sorted(p.name for p in other.parent.iterdir()) == folder
    assert schema_version_of(other).status == "unversioned"


def test_a_workspace_whose_tables_are_not_the_baseline_is_refused_unchanged(old_workspace):
    conn = connect(old_workspace, wal=False)
    conn.execute("ALTER TABLE task_answers RENAME TO task_answers_mine")  # not gisdesk's layout any more
    conn.execute("CREATE TABLE task_answers (id TEXT PRIMARY KEY)")  # the stores' own additions cannot mend it
    conn.close()
    digest, folder = sha256(old_workspace), sorted(p.name for p in old_workspace.parent.iterdir())
    with pytest.raises(Exception, match="not gisdesk's baseline schema .*task_answers lacks"):
        migrate(old_workspace, backup=False)
    assert sha256(old_workspace) == digest and sorted(p.name for p in old_workspace.parent.iterdir()) == folder


def test_info_prints_the_schema_version(workspace, capsys):
    assert main(["info", str(workspace)]) == 0
    assert f"schema version: {HEAD} (current)" in capsys.readouterr().out
    assert main(["info", str(workspace), "--json"]) == 0
    import json

    assert json.loads(capsys.readouterr().out)["schema"]["revision"] == HEAD


def test_the_sync_stores_make_the_sync_tables_schema_py_defines(old_workspace):
    """sync_log still creates its tables on a workspace from before versions: the same columns as schema.py."""
    from gisdesk.store.schema import workspace_metadata
    from gisdesk.store.sync_log import ensure_sync_schema

    md = workspace_metadata()
    conn = connect(old_workspace, wal=False)
    try:
        ensure_sync_schema(conn)
        for table in SYNC:
            have = {r[1]: (bool(r[3]), bool(r[5])) for r in conn.execute(f"PRAGMA table_info({table})")}
            want = {c.name: (not c.nullable and not c.primary_key, c.primary_key) for c in md.tables[table].columns}
            have = {k: (nn and not pk, pk) for k, (nn, pk) in have.items()}
            assert have == want, table
    finally:
        conn.close()

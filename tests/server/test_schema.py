"""One schema for both engines: gisdesk/store/schema.py against the tables the SQLite stores create.

Needs no PostgreSQL: it compares the SQLAlchemy tables with ``PRAGMA table_info`` of the
demo workspace (whose application tables the stores made), so a column added to one and
not the other fails here.
"""

from __future__ import annotations

from geoalchemy2 import Geometry
from sqlalchemy.dialects import postgresql, sqlite

from gisdesk.store.connection import connect
from gisdesk.store.schema import SQLITE_ONLY_COLUMNS, app_metadata


def _affinity(type_) -> str:
    name = type_.compile(dialect=sqlite.dialect()).upper()
    for key, aff in (("INT", "INTEGER"), ("CHAR", "TEXT"), ("TEXT", "TEXT"), ("BLOB", "BLOB"), ("FLOAT", "REAL"),
                     ("REAL", "REAL"), ("DOUBLE", "REAL")):
        if key in name:
            return aff
    return name


def _sqlite_columns(conn, table: str) -> dict[str, tuple[str, bool, int]]:
    return {r[1]: (r[2].upper(), bool(r[3]), r[5]) for r in conn.execute(f"PRAGMA table_info({table})")}


def test_the_schema_has_the_columns_the_sqlite_stores_create(workspace):
    from gisdesk.store import layer_state

    md = app_metadata()
    conn = connect(workspace)
    try:
        conn.execute(layer_state._CREATE)  # made on first save; the demo has none yet
        problems = []
        for name, table in md.tables.items():
            have = _sqlite_columns(conn, name)
            assert have, f"the SQLite stores do not create {name}"
            want = {c.name for c in table.columns}
            missing = set(have) - want - SQLITE_ONLY_COLUMNS.get(name, frozenset())
            extra = want - set(have)
            if missing or extra:
                problems.append(f"{name}: only in SQLite {sorted(missing)}, only in schema.py {sorted(extra)}")
            for col in table.columns:
                if col.name not in have:
                    continue
                decl, notnull, pk = have[col.name]
                if isinstance(col.type, Geometry):
                    ok = decl in ("BLOB", col.type.geometry_type)
                else:
                    ok = decl == _affinity(col.type)
                if not ok:
                    problems.append(f"{name}.{col.name}: SQLite {decl}, schema.py {_affinity(col.type)}")
                if bool(pk) != col.primary_key:
                    problems.append(f"{name}.{col.name}: primary key differs")
                if not pk and notnull != (not col.nullable):
                    problems.append(f"{name}.{col.name}: NOT NULL differs (SQLite {notnull})")
    finally:
        conn.close()
    assert problems == []


def test_times_and_ids_are_real_types_on_postgresql():
    md = app_metadata()
    pg = postgresql.dialect()

    def pg_type(table: str, column: str) -> str:
        return md.tables[table].c[column].type.compile(dialect=pg)

    for table, column in (("incidents", "reported_at"), ("incident_events", "at"), ("tasks", "deadline"),
                          ("task_questions", "asked_at"), ("task_notifications", "read_at"), ("users", "created_at")):
        assert pg_type(table, column) == "TIMESTAMP WITH TIME ZONE", (table, column)
    for table, column in (("incidents", "uuid"), ("tasks", "uuid"), ("task_events", "task_uuid"),
                          ("task_answers", "question_uuid"), ("incident_attachments", "id")):
        assert pg_type(table, column) == "UUID", (table, column)
    assert pg_type("incidents", "geom") == "geometry(POINT,32648)"
    assert "pw_hash" not in md.tables["users"].c  # the server's passwords are PostgreSQL's

"""The application tables, defined once (SQLAlchemy Core, GeoAlchemy2 geometry).

The same :class:`~sqlalchemy.MetaData` describes a workspace's application tables on
SpatiaLite and on the city server (PostgreSQL/PostGIS). On PostgreSQL the identifiers
are real ``uuid`` columns and the times real ``timestamptz`` columns; on SQLite both are
``TEXT`` (UUID strings, UTC ISO 8601 with ``Z``), exactly as the SQLite stores create
them today (``incidents_store``, ``tasks_store``, ``task_questions``, ``users_store``,
``layer_state``). ``tests/server/test_schema.py`` compares these columns with the tables
the SQLite stores create, so the two cannot drift apart silently.

The server's ``users`` table has no ``pw_hash``: PostgreSQL keeps each officer's
password (SCRAM) with their login role, and gisdesk never sees it.

Examples
--------
>>> md = app_metadata(32648)
>>> sorted(md.tables)[:3]
['dispatch_rules', 'gisdesk_layer_state', 'gisdesk_meta']
"""

from __future__ import annotations

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects import postgresql

#: Tables that exist only in the SQLite workspace's schema, and why.
SQLITE_ONLY_COLUMNS: dict[str, frozenset[str]] = {
    "users": frozenset({"pw_hash"}),  # the server's passwords are PostgreSQL's own (SCRAM)
}
#: Tables only a SQLite workspace has: the server's sign-in is PostgreSQL's.
SQLITE_ONLY_TABLES: frozenset[str] = frozenset({"sign_in_failures"})
#: Application tables whose rows belong to a commune or a department (directly or through their parent).
CASE_TABLES: frozenset[str] = frozenset({
    "incidents", "incident_lines", "incident_areas", "incident_events", "incident_attachments",
    "tasks", "task_events", "task_attachments", "task_notifications", "task_questions", "task_answers",
    "task_callbacks", "incident_contacts"})
#: Tables to which rows are only ever added (history): no UPDATE, no DELETE.
APPEND_ONLY_TABLES: frozenset[str] = frozenset({"incident_events", "task_events", "task_answers", "task_callbacks"})
#: The sync tables of offline packages (issue 14, :mod:`gisdesk.store.sync_log`): in every workspace and
#: package; on the server they exist locked (row-level security on, no officer grants) until it syncs.
SYNC_TABLES: frozenset[str] = frozenset({"gisdesk_sync_out", "gisdesk_sync_in", "gisdesk_sync_conflicts",
                                         "gisdesk_sync_peers"})
#: The one view of the application schema (a ``security_invoker`` view on PostgreSQL).
SHAPES_VIEW = "incident_shapes"


def _text_or(pg_type: sa.types.TypeEngine) -> sa.types.TypeEngine:
    return sa.Text().with_variant(pg_type, "postgresql")


def _uuid() -> sa.types.TypeEngine:
    """A UUID: ``uuid`` on PostgreSQL, ``TEXT`` on SQLite (values are strings on both)."""
    return _text_or(postgresql.UUID(as_uuid=False))


def _ts() -> sa.types.TypeEngine:
    """A UTC time: ``timestamptz`` on PostgreSQL, ISO 8601 ``TEXT`` on SQLite."""
    return _text_or(postgresql.TIMESTAMP(timezone=True))


def _fid() -> sa.types.TypeEngine:
    """A feature id: ``bigint`` on PostgreSQL, ``INTEGER`` (the rowid) on SQLite."""
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _geom(gtype: str, srid: int) -> Geometry:
    return Geometry(geometry_type=gtype, srid=srid, spatial_index=True)


def _col(name: str, type_: sa.types.TypeEngine, nullable: bool = True, **kw) -> sa.Column:
    if kw.get("primary_key"):  # a key is never NULL (NOT NULL on both engines)
        return sa.Column(name, type_, nullable=False, **kw)
    return sa.Column(name, type_, nullable=nullable, **kw)


def app_metadata(srid: int = 32648) -> sa.MetaData:
    """The application tables, with geometry columns in ``srid`` (the workspace's map CRS).

    Parameters
    ----------
    srid : int
        EPSG code of the incident geometries (the demo city: 32648, UTM 48N).

    Returns
    -------
    sqlalchemy.MetaData
        One :class:`~sqlalchemy.Table` per application table; see :data:`CASE_TABLES`
        and :data:`APPEND_ONLY_TABLES` for their roles.
    """
    md = sa.MetaData()
    T, I, F, B = sa.Text, sa.Integer, sa.Float, sa.LargeBinary
    sa.Table(
        "incidents", md,
        _col("fid", _fid(), primary_key=True, autoincrement=True),
        _col("uuid", _uuid(), False, unique=True),
        _col("category", T(), False), _col("severity", I(), False), _col("channel", T(), False),
        _col("status", T(), False), _col("description", T()), _col("reported_at", _ts(), False),
        _col("resolved_at", _ts()), _col("updated_at", _ts(), False),
        _col("commune_fid", I()), _col("commune", T(), index=True), _col("department", T(), index=True),
        _col("camera_fid", I()), _col("geom", _geom("POINT", srid)),
        _col("occurred_at", _ts()), _col("address", T()), _col("duplicate_of", _uuid()),
        _col("needs_review", I(), False, server_default="0"), _col("notes", T()), _col("external_id", T()),
        _col("version", I(), False, server_default="1"),
    )
    for table, gtype in (("incident_lines", "MULTILINESTRING"), ("incident_areas", "MULTIPOLYGON")):
        sa.Table(table, md, _col("incident_uuid", _uuid(), primary_key=True), _col("category", T()),
                 _col("geom", _geom(gtype, srid)))
    sa.Table(
        "incident_events", md,
        _col("id", _uuid(), primary_key=True), _col("incident_uuid", _uuid(), False), _col("at", _ts(), False),
        _col("who", T(), False), _col("action", T(), False), _col("field", T()), _col("from_state", T()),
        _col("to_state", T()), _col("note", T()), _col("version", I()),
        sa.Index("idx_incident_events_uuid", "incident_uuid", "at"),
    )
    for table, parent in (("incident_attachments", "incident_uuid"), ("task_attachments", "task_uuid")):
        sa.Table(
            table, md,
            _col("id", _uuid(), primary_key=True), _col(parent, _uuid(), False, index=True),
            _col("name", T(), False), _col("mime", T(), False), _col("size", I(), False),
            _col("sha256", T(), False), _col("data", B(), False), _col("added_at", _ts(), False),
            _col("added_by", T(), False),
        )
    sa.Table(
        "routing_rules", md,
        _col("category", T(), primary_key=True), _col("department", T(), False),
        _col("updated_at", _ts()), _col("updated_by", T()),
    )
    sa.Table(
        "tasks", md,
        _col("uuid", _uuid(), primary_key=True), _col("title", T(), False), _col("description", T()),
        _col("category", T()), _col("severity", I(), False), _col("state", T(), False),
        _col("commune", T()), _col("department", T()), _col("incident_uuid", _uuid(), index=True),
        _col("area", B()), _col("deadline", _ts()), _col("progress", I(), False, server_default="0"),
        _col("escalated", I(), False, server_default="0"), _col("created_at", _ts(), False),
        _col("created_by", T(), False), _col("assigned_at", _ts()), _col("done_at", _ts()),
        _col("closed_at", _ts()), _col("cancelled_at", _ts()), _col("updated_at", _ts()),
        _col("updated_by", T()), _col("version", I(), False), _col("case_no", T()),
        sa.Index("idx_tasks_commune", "commune", "state"), sa.Index("idx_tasks_department", "department", "state"),
        sa.Index("idx_tasks_deadline", "state", "deadline"),
        sa.Index("idx_tasks_case_no", "case_no", unique=True),
    )
    sa.Table(
        "task_events", md,
        _col("id", _uuid(), primary_key=True), _col("task_uuid", _uuid(), False), _col("version", I(), False),
        _col("at", _ts(), False), _col("who", T(), False), _col("action", T(), False), _col("from_state", T()),
        _col("to_state", T(), False), _col("note", T()), _col("data", T()),
        sa.Index("idx_task_events_task", "task_uuid", "version", unique=True),
    )
    sa.Table(
        "task_sla", md,
        _col("category", T(), False, primary_key=True), _col("severity", I(), False, primary_key=True,
                                                              autoincrement=False),
        _col("hours", F(), False),
    )
    sa.Table(
        "task_notifications", md,
        _col("id", _uuid(), primary_key=True), _col("at", _ts(), False), _col("to_role", T()),
        _col("commune", T()), _col("department", T()), _col("task_uuid", _uuid()), _col("kind", T(), False),
        _col("message", T(), False), _col("read_at", _ts()), _col("read_by", T()),
    )
    sa.Table(
        "task_questions", md,
        _col("uuid", _uuid(), primary_key=True), _col("asked_at", _ts(), False), _col("asked_by", T(), False),
        _col("commune", T(), False), _col("to_department", T()), _col("task_uuid", _uuid()),
        _col("incident_uuid", _uuid()), _col("x", F()), _col("y", F()), _col("subject", T(), False),
        _col("body", T(), False), _col("status", T(), False), _col("updated_at", _ts(), False),
        sa.Index("idx_task_questions_commune", "commune", "status"),
    )
    sa.Table(
        "task_answers", md,
        _col("id", _uuid(), primary_key=True), _col("question_uuid", _uuid(), False), _col("at", _ts(), False),
        _col("who", T(), False), _col("body", T(), False),
        sa.Index("idx_task_answers_q", "question_uuid", "at"),
    )
    sa.Table(
        "users", md,
        _col("username", T(), primary_key=True), _col("display_name", T(), False), _col("role", T(), False),
        _col("commune", T()), _col("department", T()), _col("active", I(), False, server_default="1"),
        _col("created_at", _ts(), False),
    )
    sa.Table(
        "gisdesk_layer_state", md,
        _col("position", I()), _col("layer_key", T(), primary_key=True),
        _col("kind", T(), False), _col("source", T(), False), _col("name", T(), False), _col("title", T()),
        _col("grp", T()), _col("visible", I()), _col("style", T()),
        sa.CheckConstraint("kind IN ('vector', 'raster')", name="gisdesk_layer_state_kind"),
    )
    _later_tables(md)
    return md


def _later_tables(md: sa.MetaData) -> None:
    """Dispatch rules, callbacks, reporter contacts and the workspace settings (``gisdesk_meta``)."""
    T, I = sa.Text, sa.Integer
    sa.Table(
        "dispatch_rules", md,
        _col("id", _fid(), primary_key=True, autoincrement=True), _col("name", T(), False), _col("source", T()),
        _col("category", T()), _col("min_severity", I(), False, server_default="1"), _col("area", T()),
        _col("action", T(), False, server_default="assign"), _col("unit", T(), False, server_default="commune"),
        _col("priority", I(), False, server_default="100"), _col("enabled", I(), False, server_default="1"),
        _col("updated_at", _ts()), _col("updated_by", T()),
    )
    sa.Table(
        "task_callbacks", md,
        _col("id", _uuid(), primary_key=True), _col("task_uuid", _uuid(), False), _col("at", _ts(), False),
        _col("who", T(), False), _col("result", T(), False), _col("note", T()),
        _col("reopened", I(), False, server_default="0"),
        sa.Index("idx_task_callbacks_task", "task_uuid", "at"),
    )
    sa.Table(
        "incident_contacts", md,
        _col("incident_uuid", _uuid(), primary_key=True), _col("name", T()), _col("email", T()), _col("phone", T()),
    )
    sa.Table("gisdesk_meta", md, _col("key", T(), primary_key=True), _col("value", T()))


def sync_tables(md: sa.MetaData) -> None:
    """Add the sync tables (:data:`SYNC_TABLES`) to ``md``, as :mod:`gisdesk.store.sync_log` creates them."""
    T, I = sa.Text, sa.Integer
    sa.Table(
        "gisdesk_sync_out", md,
        _col("seq", _fid(), primary_key=True, autoincrement=True), _col("change_id", T(), False, unique=True),
        _col("kind", T(), False), _col("record", T()), _col("payload", T(), False),
        _col("collected_at", _ts(), False), _col("sent_at", _ts()),
        _col("state", T(), False, server_default="pending"), _col("reason", T()), _col("acked_at", _ts()),
    )
    sa.Table(
        "gisdesk_sync_in", md,
        _col("change_id", T(), primary_key=True), _col("package_id", T()), _col("seq", I()), _col("kind", T(), False),
        _col("record", T()), _col("received_at", _ts(), False), _col("result", T(), False), _col("reason", T()),
        _col("conflict_id", T()),
        sa.Index("idx_gisdesk_sync_in_pkg", "package_id", "received_at"),
    )
    sa.Table(
        "gisdesk_sync_conflicts", md,
        _col("id", T(), primary_key=True), _col("at", _ts(), False), _col("package_id", T()),
        _col("change_id", T(), False), _col("kind", T(), False), _col("record_uuid", T(), False),
        _col("commune", T()), _col("department", T()), _col("field", T()), _col("kept", T()), _col("kept_by", T()),
        _col("lost", T()), _col("lost_by", T()), _col("lost_at", _ts()), _col("reason", T(), False),
        _col("resolved_at", _ts()), _col("resolved_by", T()), _col("resolution", T()),
        sa.Index("idx_gisdesk_sync_conflicts_rec", "record_uuid"),
    )
    sa.Table(
        "gisdesk_sync_peers", md,
        _col("package_id", T(), primary_key=True), _col("username", T(), False), _col("key", T()),
        _col("created_at", _ts()), _col("since", _ts()), _col("last_seen", _ts()),
        _col("last_seq", I(), False, server_default="0"),
    )


def workspace_metadata(srid: int = 32648, engine: str = "sqlite") -> sa.MetaData:
    """Every table the migrations make on ``engine`` (``sqlite`` or ``postgresql``) at head.

    The application tables (:func:`app_metadata`) and the sync tables (:func:`sync_tables`) on
    both; on SQLite also :data:`SQLITE_ONLY_COLUMNS` and :data:`SQLITE_ONLY_TABLES` (a workspace
    keeps its own password hashes and sign-in failures; the server leaves them to PostgreSQL).
    """
    md = app_metadata(srid)
    sync_tables(md)
    if engine == "sqlite":
        md.tables["users"].append_column(_col("pw_hash", sa.Text(), False))
        sa.Table("sign_in_failures", md, _col("username", sa.Text(), primary_key=True),
                 _col("count", sa.Integer(), False), _col("last_at", _ts(), False))
    return md


#: The read-only view joining the two shape tables, as the SQLite workspace has it.
SHAPES_VIEW_SELECT = ("SELECT incident_uuid, category, geom::geometry AS geom FROM incident_areas "
                      "UNION ALL SELECT incident_uuid, category, geom::geometry FROM incident_lines")

"""Baseline: the application tables as gisdesk made them before schema versions (schema.py, 2026-11).

Revision ID: 0001_baseline
Revises:
Create Date: 2026-11-29

A frozen copy of :func:`gisdesk.store.schema.app_metadata` on the day versions began (later
changes are later revisions, never edits here). The geometry columns are added afterwards
the engine's way (:func:`gisdesk.store.migrations.add_geometry`). A workspace or server made
before versions existed is recognised as this revision (its tables checked against it) and
stamped; see :func:`gisdesk.store.schema_version.migrate`.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from gisdesk.store.migrations import add_geometry, is_sqlite

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None

#: The geometry columns (table, type), added after the tables.
GEOMETRIES = [('incident_areas', 'MULTIPOLYGON'), ('incident_lines', 'MULTILINESTRING'), ('incidents', 'POINT')]

#: The baseline's tables and columns (what an unversioned workspace or server is checked against).
COLUMNS = {
    'dispatch_rules': ('id', 'name', 'source', 'category', 'min_severity', 'area', 'action', 'unit', 'priority', 'enabled', 'updated_at', 'updated_by'),
    'gisdesk_layer_state': ('position', 'layer_key', 'kind', 'source', 'name', 'title', 'grp', 'visible', 'style'),
    'gisdesk_meta': ('key', 'value'),
    'incident_areas': ('incident_uuid', 'category', 'geom'),
    'incident_attachments': ('id', 'incident_uuid', 'name', 'mime', 'size', 'sha256', 'data', 'added_at', 'added_by'),
    'incident_contacts': ('incident_uuid', 'name', 'email', 'phone'),
    'incident_events': ('id', 'incident_uuid', 'at', 'who', 'action', 'field', 'from_state', 'to_state', 'note', 'version'),
    'incident_lines': ('incident_uuid', 'category', 'geom'),
    'incidents': ('fid', 'uuid', 'category', 'severity', 'channel', 'status', 'description', 'reported_at', 'resolved_at', 'updated_at', 'commune_fid', 'commune', 'department', 'camera_fid', 'geom', 'occurred_at', 'address', 'duplicate_of', 'needs_review', 'notes', 'external_id', 'version'),
    'routing_rules': ('category', 'department', 'updated_at', 'updated_by'),
    'task_answers': ('id', 'question_uuid', 'at', 'who', 'body'),
    'task_attachments': ('id', 'task_uuid', 'name', 'mime', 'size', 'sha256', 'data', 'added_at', 'added_by'),
    'task_callbacks': ('id', 'task_uuid', 'at', 'who', 'result', 'note', 'reopened'),
    'task_events': ('id', 'task_uuid', 'version', 'at', 'who', 'action', 'from_state', 'to_state', 'note', 'data'),
    'task_notifications': ('id', 'at', 'to_role', 'commune', 'department', 'task_uuid', 'kind', 'message', 'read_at', 'read_by'),
    'task_questions': ('uuid', 'asked_at', 'asked_by', 'commune', 'to_department', 'task_uuid', 'incident_uuid', 'x', 'y', 'subject', 'body', 'status', 'updated_at'),
    'task_sla': ('category', 'severity', 'hours'),
    'tasks': ('uuid', 'title', 'description', 'category', 'severity', 'state', 'commune', 'department', 'incident_uuid', 'area', 'deadline', 'progress', 'escalated', 'created_at', 'created_by', 'assigned_at', 'done_at', 'closed_at', 'cancelled_at', 'updated_at', 'updated_by', 'version', 'case_no'),
    'users': ('username', 'display_name', 'role', 'commune', 'department', 'active', 'created_at'),
}


def upgrade() -> None:
    op.create_table('dispatch_rules',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('category', sa.Text(), nullable=True),
    sa.Column('min_severity', sa.Integer(), server_default='1', nullable=False),
    sa.Column('area', sa.Text(), nullable=True),
    sa.Column('action', sa.Text(), server_default='assign', nullable=False),
    sa.Column('unit', sa.Text(), server_default='commune', nullable=False),
    sa.Column('priority', sa.Integer(), server_default='100', nullable=False),
    sa.Column('enabled', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('updated_by', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('gisdesk_layer_state',
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('layer_key', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('grp', sa.Text(), nullable=True),
    sa.Column('visible', sa.Integer(), nullable=True),
    sa.Column('style', sa.Text(), nullable=True),
    sa.CheckConstraint("kind IN ('vector', 'raster')", name='gisdesk_layer_state_kind'),
    sa.PrimaryKeyConstraint('layer_key')
    )
    op.create_table('gisdesk_meta',
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('incident_areas',
    sa.Column('incident_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('category', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('incident_uuid')
    )
    op.create_table('incident_attachments',
    sa.Column('id', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('incident_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('mime', sa.Text(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('added_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('added_by', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(('ix_incident_attachments_incident_uuid'), 'incident_attachments', ['incident_uuid'], unique=False)
    op.create_table('incident_contacts',
    sa.Column('incident_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('email', sa.Text(), nullable=True),
    sa.Column('phone', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('incident_uuid')
    )
    op.create_table('incident_events',
    sa.Column('id', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('incident_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('who', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('field', sa.Text(), nullable=True),
    sa.Column('from_state', sa.Text(), nullable=True),
    sa.Column('to_state', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('idx_incident_events_uuid', 'incident_events', ['incident_uuid', 'at'], unique=False)
    op.create_table('incident_lines',
    sa.Column('incident_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('category', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('incident_uuid')
    )
    op.create_table('incidents',
    sa.Column('fid', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('category', sa.Text(), nullable=False),
    sa.Column('severity', sa.Integer(), nullable=False),
    sa.Column('channel', sa.Text(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('reported_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('resolved_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('updated_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('commune_fid', sa.Integer(), nullable=True),
    sa.Column('commune', sa.Text(), nullable=True),
    sa.Column('department', sa.Text(), nullable=True),
    sa.Column('camera_fid', sa.Integer(), nullable=True),
    sa.Column('occurred_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('duplicate_of', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=True),
    sa.Column('needs_review', sa.Integer(), server_default='0', nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('external_id', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('fid'),
    sa.UniqueConstraint('uuid')
    )
    op.create_index(('ix_incidents_commune'), 'incidents', ['commune'], unique=False)
    op.create_index(('ix_incidents_department'), 'incidents', ['department'], unique=False)
    op.create_table('routing_rules',
    sa.Column('category', sa.Text(), nullable=False),
    sa.Column('department', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('updated_by', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('category')
    )
    op.create_table('task_answers',
    sa.Column('id', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('question_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('who', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('idx_task_answers_q', 'task_answers', ['question_uuid', 'at'], unique=False)
    op.create_table('task_attachments',
    sa.Column('id', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('task_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('mime', sa.Text(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('added_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('added_by', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(('ix_task_attachments_task_uuid'), 'task_attachments', ['task_uuid'], unique=False)
    op.create_table('task_callbacks',
    sa.Column('id', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('task_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('who', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('reopened', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('idx_task_callbacks_task', 'task_callbacks', ['task_uuid', 'at'], unique=False)
    op.create_table('task_events',
    sa.Column('id', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('task_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('who', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('from_state', sa.Text(), nullable=True),
    sa.Column('to_state', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('data', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('idx_task_events_task', 'task_events', ['task_uuid', 'version'], unique=True)
    op.create_table('task_notifications',
    sa.Column('id', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('to_role', sa.Text(), nullable=True),
    sa.Column('commune', sa.Text(), nullable=True),
    sa.Column('department', sa.Text(), nullable=True),
    sa.Column('task_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=True),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('read_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('read_by', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('task_questions',
    sa.Column('uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('asked_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('asked_by', sa.Text(), nullable=False),
    sa.Column('commune', sa.Text(), nullable=False),
    sa.Column('to_department', sa.Text(), nullable=True),
    sa.Column('task_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=True),
    sa.Column('incident_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=True),
    sa.Column('x', sa.Float(), nullable=True),
    sa.Column('y', sa.Float(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.PrimaryKeyConstraint('uuid')
    )
    op.create_index('idx_task_questions_commune', 'task_questions', ['commune', 'status'], unique=False)
    op.create_table('task_sla',
    sa.Column('category', sa.Text(), nullable=False),
    sa.Column('severity', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('category', 'severity')
    )
    op.create_table('tasks',
    sa.Column('uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('category', sa.Text(), nullable=True),
    sa.Column('severity', sa.Integer(), nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('commune', sa.Text(), nullable=True),
    sa.Column('department', sa.Text(), nullable=True),
    sa.Column('incident_uuid', sa.Text().with_variant(postgresql.UUID(as_uuid=False), 'postgresql'), nullable=True),
    sa.Column('area', sa.LargeBinary(), nullable=True),
    sa.Column('deadline', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('progress', sa.Integer(), server_default='0', nullable=False),
    sa.Column('escalated', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    sa.Column('created_by', sa.Text(), nullable=False),
    sa.Column('assigned_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('done_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('closed_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('cancelled_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('updated_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
    sa.Column('updated_by', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('case_no', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('uuid')
    )
    op.create_index('idx_tasks_case_no', 'tasks', ['case_no'], unique=True)
    op.create_index('idx_tasks_commune', 'tasks', ['commune', 'state'], unique=False)
    op.create_index('idx_tasks_deadline', 'tasks', ['state', 'deadline'], unique=False)
    op.create_index('idx_tasks_department', 'tasks', ['department', 'state'], unique=False)
    op.create_index(('ix_tasks_incident_uuid'), 'tasks', ['incident_uuid'], unique=False)
    op.create_table('users',
    sa.Column('username', sa.Text(), nullable=False),
    sa.Column('display_name', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('commune', sa.Text(), nullable=True),
    sa.Column('department', sa.Text(), nullable=True),
    sa.Column('active', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
    *([sa.Column('pw_hash', sa.Text(), nullable=False)] if is_sqlite() else []),
    sa.PrimaryKeyConstraint('username')
    )
    if is_sqlite():  # a workspace's own sign-in (the server's is PostgreSQL's)
        op.create_table('sign_in_failures',
        sa.Column('username', sa.Text(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('last_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
        sa.PrimaryKeyConstraint('username')
        )
    for table, gtype in GEOMETRIES:
        add_geometry(table, gtype)


def downgrade() -> None:
    raise NotImplementedError("gisdesk never drops a workspace's tables (restore the backup copy instead)")

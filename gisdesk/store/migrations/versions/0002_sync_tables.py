"""The sync tables of offline packages (issue 14) join the schema: defined once in schema.py.

Revision ID: 0002_sync_tables
Revises: 0001_baseline
Create Date: 2026-11-29

A workspace that synced before versions existed already has them
(:func:`gisdesk.store.sync_log.ensure_sync_schema` made them): those are kept as they are.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from gisdesk.store.migrations import has_table

revision = "0002_sync_tables"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not has_table('gisdesk_sync_conflicts'):
        op.create_table('gisdesk_sync_conflicts',
        sa.Column('id', sa.Text(), nullable=False),
        sa.Column('at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
        sa.Column('package_id', sa.Text(), nullable=True),
        sa.Column('change_id', sa.Text(), nullable=False),
        sa.Column('kind', sa.Text(), nullable=False),
        sa.Column('record_uuid', sa.Text(), nullable=False),
        sa.Column('commune', sa.Text(), nullable=True),
        sa.Column('department', sa.Text(), nullable=True),
        sa.Column('field', sa.Text(), nullable=True),
        sa.Column('kept', sa.Text(), nullable=True),
        sa.Column('kept_by', sa.Text(), nullable=True),
        sa.Column('lost', sa.Text(), nullable=True),
        sa.Column('lost_by', sa.Text(), nullable=True),
        sa.Column('lost_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('resolved_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
        sa.Column('resolved_by', sa.Text(), nullable=True),
        sa.Column('resolution', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id')
        )
        op.create_index('idx_gisdesk_sync_conflicts_rec', 'gisdesk_sync_conflicts', ['record_uuid'], unique=False)
    if not has_table('gisdesk_sync_in'):
        op.create_table('gisdesk_sync_in',
        sa.Column('change_id', sa.Text(), nullable=False),
        sa.Column('package_id', sa.Text(), nullable=True),
        sa.Column('seq', sa.Integer(), nullable=True),
        sa.Column('kind', sa.Text(), nullable=False),
        sa.Column('record', sa.Text(), nullable=True),
        sa.Column('received_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
        sa.Column('result', sa.Text(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('conflict_id', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('change_id')
        )
        op.create_index('idx_gisdesk_sync_in_pkg', 'gisdesk_sync_in', ['package_id', 'received_at'], unique=False)
    if not has_table('gisdesk_sync_out'):
        op.create_table('gisdesk_sync_out',
        sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
        sa.Column('change_id', sa.Text(), nullable=False),
        sa.Column('kind', sa.Text(), nullable=False),
        sa.Column('record', sa.Text(), nullable=True),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.Column('collected_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=False),
        sa.Column('sent_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
        sa.Column('state', sa.Text(), server_default='pending', nullable=False),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('acked_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
        sa.PrimaryKeyConstraint('seq'),
        sa.UniqueConstraint('change_id')
        )
    if not has_table('gisdesk_sync_peers'):
        op.create_table('gisdesk_sync_peers',
        sa.Column('package_id', sa.Text(), nullable=False),
        sa.Column('username', sa.Text(), nullable=False),
        sa.Column('key', sa.Text(), nullable=True),
        sa.Column('created_at', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
        sa.Column('since', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
        sa.Column('last_seen', sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), 'postgresql'), nullable=True),
        sa.Column('last_seq', sa.Integer(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('package_id')
        )


def downgrade() -> None:
    raise NotImplementedError("gisdesk never drops a workspace's tables (restore the backup copy instead)")

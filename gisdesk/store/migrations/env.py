"""Alembic's entry point: run the revisions on the connection :mod:`gisdesk.store.schema_version` gives.

The caller opened the transaction (one for the whole upgrade) and commits or rolls it back.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()

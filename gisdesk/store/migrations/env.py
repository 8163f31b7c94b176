"""Alembic's entry point: run the revisions on the connection :mod:`gisdesk.store.schema_version` gives.

The caller opened the transaction (one for the whole upgrade) and commits or rolls it back.
Importing this module outside a migration (e.g. a walk over every gisdesk module) does nothing.
"""

from alembic import context


def run() -> None:
    """Run the migrations Alembic asked for, on the caller's connection and transaction."""
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=None, transaction_per_migration=False)
    with context.begin_transaction():
        context.run_migrations()


if hasattr(context, "config"):  # only while Alembic runs this script
    run()

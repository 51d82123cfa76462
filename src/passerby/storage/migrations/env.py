"""Alembic environment: migrations run on the connection Passerby hands in.

Run them with ``passerby migrate`` (or automatically at ``passerby serve``);
``alembic`` on its own has no database URL to use.
"""

from __future__ import annotations

from alembic import context

from passerby.storage.schema import metadata

connection = context.config.attributes.get("connection")
if context.is_offline_mode():
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()
elif connection is None:
    raise RuntimeError("run migrations with `passerby migrate`")
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()

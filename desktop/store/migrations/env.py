"""Alembic environment: migrations always run on a connection the program hands in."""

from alembic import context
from sqlmodel import SQLModel

from desktop.store import tables  # noqa: F401  (registers the tables on the metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

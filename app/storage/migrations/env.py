"""Alembic's entry point: migrate the connection that app.storage.migrate hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.storage.models import Base

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Run migrations through app.storage.migrate (the app does it at start), which holds "
        "the lock that keeps workers starting together from racing."
    )
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place: batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

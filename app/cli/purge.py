"""`balcony purge`: delete conversations past the retention period."""

from __future__ import annotations

import typer

from app.cli.common import load_settings


def purge() -> None:
    """Delete conversations older than the retention period (BALCONY_DATABASE__RETENTION_DAYS)."""
    from app.storage.conversations import ConversationStore
    from app.storage.database import Database

    settings = load_settings()
    store = ConversationStore(Database(settings.database_url))
    removed = store.purge_older_than(settings.database.retention_days)
    typer.echo(
        f"{removed} conversations older than {settings.database.retention_days} days deleted."
    )

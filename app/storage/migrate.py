"""Bring the database to the newest schema with Alembic, one process at a time.

Every worker and replica calls `upgrade` at start. On PostgreSQL an advisory lock held for
the upgrade's transaction makes the others wait and then find nothing to do; on SQLite (one
host) a file lock beside the database does the same, and also covers each worker's first
connection.

A developer adds a schema change with `python -m app.storage.migrate "what changed"`, which
writes a new file in app/storage/migrations/versions/ from the difference between the
models and the newest migration; read it before committing.
"""

from __future__ import annotations

import fcntl
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The first migration: the tables as they were before Alembic came in.
INITIAL = "0001"
# The newest migration (a test checks it against the scripts): a database already there
# starts without importing Alembic, which costs a third of a second here.
HEAD = "0001"
# Any fixed bigint that every Balcony process agrees on ("balcony" in ASCII).
LOCK_ID = 0x62616C636F6E79
# Columns a pre-Alembic database may lack (its create_all never altered old tables).
LEGACY_COLUMNS = (("conversations", "owner", "VARCHAR(64)"),)


def alembic_config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine) -> None:
    """Migrate to head; concurrent callers wait for the first and then find it done."""
    # On SQLite the check is inside the lock too: a process's first connection switches a
    # new file to WAL, which needs a moment's exclusive lock that SQLite does not wait for
    # when another worker is reading it ("database is locked" in 6% of four-worker starts).
    with _process_lock(engine):
        if _at_head(engine):
            return
        _migrate(engine)


def _migrate(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # Released at commit, after the new schema is visible to the waiting workers.
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": LOCK_ID})
        config = alembic_config(connection)
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables and "conversations" in tables:
            _adopt_legacy(connection)
            command.stamp(config, INITIAL)
        command.upgrade(config, "head")


def _at_head(engine: Engine) -> bool:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return False
        found = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return found == [(HEAD,)]


def _adopt_legacy(connection: Connection) -> None:
    """A database made by create_all before migrations: add what it lacks, then stamp it."""
    found = inspect(connection)
    for table, column, kind in LEGACY_COLUMNS:
        if column not in {c["name"] for c in found.get_columns(table)}:
            connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"))


@contextmanager
def _process_lock(engine: Engine) -> Iterator[None]:
    path = engine.url.database if engine.dialect.name == "sqlite" else None
    if not path or path == ":memory:":
        yield
        return
    with open(f"{path}.migrate-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def new_revision(message: str) -> None:
    """Write a migration for what the models have and the newest migration lacks."""
    from alembic import command

    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{folder}/schema.db")
        upgrade(engine)
        with engine.begin() as connection:
            command.revision(alembic_config(connection), message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit('usage: python -m app.storage.migrate "what changed"')
    new_revision(sys.argv[1])

"""Schema changes go through Alembic: the migrations make the models' tables, once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from setuptools import find_packages  # type: ignore[import-untyped]
from sqlalchemy import create_engine, inspect, text

from app.core.errors import StoreUnavailableError
from app.storage.conversations import ConversationStore, NewMessage, Transcript
from app.storage.database import Database
from app.storage.migrate import HEAD, MIGRATIONS, alembic_config
from app.storage.models import Base

WORKERS = 4
STARTS = 60


def _head() -> str:
    with create_engine("sqlite://").connect() as connection:
        head = ScriptDirectory.from_config(alembic_config(connection)).get_current_head()
    assert head is not None
    return head


def test_the_migrations_make_exactly_the_models_tables(database_url: str) -> None:
    database = Database(database_url)
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        version = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    database.engine.dispose()
    # A model changed without a migration shows here: `python -m app.storage.migrate "..."`.
    assert differences == []
    assert version == [(_head(),)]
    assert _head() == HEAD  # a new migration moves HEAD too, or starts would skip it


def _start_together(url: str) -> tuple[list[Database], list[BaseException]]:
    """WORKERS threads open the database at one moment, as workers starting together do."""
    start = threading.Barrier(WORKERS, timeout=30)
    errors: list[BaseException] = []
    databases: list[Database] = []

    def worker() -> None:
        try:
            start.wait()
            databases.append(Database(url))
        except BaseException as error:  # collected and returned
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return databases, errors


def _dispose(databases: list[Database]) -> None:
    for database in databases:
        database.engine.dispose()


def test_workers_starting_together_migrate_once(database_url: str) -> None:
    databases, errors = _start_together(database_url)
    assert errors == []
    assert len(databases) == WORKERS
    store = ConversationStore(databases[0])
    sid = Transcript.new().id
    store.exchange(sid, create=True, user=NewMessage("user", "hello"))
    assert ConversationStore(databases[-1]).get(sid).messages[0].content == "hello"
    with databases[0].engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    _dispose(databases)


def test_workers_opening_a_new_sqlite_file_together_never_find_it_locked(
    tmp_path: Path,
) -> None:
    # Each worker's first connection switches the file to WAL; before that was serialised,
    # about one start in sixteen failed with "database is locked", so one try proves little.
    failed = []
    for attempt in range(STARTS):
        databases, errors = _start_together(f"sqlite:///{tmp_path / f'start-{attempt}.db'}")
        _dispose(databases)
        failed += errors
    assert failed == []


def test_a_lock_file_that_cannot_be_opened_is_reported_as_the_store(tmp_path: Path) -> None:
    (tmp_path / "balcony.db.migrate-lock").mkdir()
    with pytest.raises(StoreUnavailableError, match="BALCONY_DATA_DIR is writable"):
        Database(f"sqlite:///{tmp_path / 'balcony.db'}")


def test_a_database_from_before_migrations_is_adopted(tmp_path: Path) -> None:
    """A release made its tables with create_all and had no owner column yet."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = create_engine(url)
    with old.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE conversations (id VARCHAR(32) PRIMARY KEY, created_at DATETIME "
            "NOT NULL, updated_at DATETIME NOT NULL, placeholders JSON NOT NULL)"
        )
        connection.exec_driver_sql(
            "INSERT INTO conversations VALUES ('" + "a" * 32 + "', '2026-01-01 00:00:00', "
            "'2026-01-01 00:00:00', '{}')"
        )
    Base.metadata.create_all(old)  # the other tables, as that release made them
    old.dispose()

    database = Database(url)

    with database.engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("conversations")}
        version = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    assert "owner" in columns
    assert version == [(_head(),)]
    assert ConversationStore(database).get("a" * 32).messages == []
    database.engine.dispose()


def test_the_migrations_ship_inside_the_package() -> None:
    # pyproject packages what find_packages(include=["app*"]) finds: folders with __init__.py.
    found = find_packages(str(MIGRATIONS.parents[2]), include=["app*"])
    assert {"app.storage.migrations", "app.storage.migrations.versions"} <= set(found)
    assert list((MIGRATIONS / "versions").glob("0001_*.py"))

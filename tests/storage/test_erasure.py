"""Erasure that erases: a deleted conversation's words leave the database's files too."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text, update

from app.storage.conversations import ConversationStore, NewMessage, Transcript
from app.storage.database import TEXT_TABLES, Database
from app.storage.models import Conversation, utcnow
from tests.storage.servers import temporary_postgres_database

Erase = Callable[[Database, str], None]


def _delete(database: Database, sid: str) -> None:
    ConversationStore(database).delete(sid)


def _purge(database: Database, sid: str) -> None:
    with database.session() as session:
        session.execute(
            update(Conversation)
            .where(Conversation.id == sid)
            .values(updated_at=utcnow() - timedelta(days=10))
        )
    assert ConversationStore(database).purge_older_than(5) == 1


ERASURES = [pytest.param(_delete, id="delete"), pytest.param(_purge, id="purge")]


def _write(store: ConversationStore, marker: str) -> str:
    """A conversation whose user message, reply and feedback all carry the marker word."""
    sid = Transcript.new().id
    _, reply_id = store.exchange(
        sid,
        create=True,
        user=NewMessage("user", f"My team talked about {marker} in supervision " * 20),
        reply=NewMessage("assistant", f"What did {marker} mean to them?", mode="reflect"),
    )
    assert reply_id is not None
    store.add_feedback(sid, reply_id, helpful=True, comment=f"{marker} helped")
    return sid


def _file_bytes(db_path: Path) -> dict[str, bytes]:
    names = [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")]
    return {p.name: p.read_bytes() for p in names if p.exists()}


@pytest.mark.parametrize("erase", ERASURES)
def test_erased_words_are_not_in_the_sqlite_files(tmp_path: Path, erase: Erase) -> None:
    db_path = tmp_path / "balcony.db"
    database = Database(f"sqlite:///{db_path}")
    store = ConversationStore(database)
    kept = _write(store, "keptword")
    marker = f"marker{uuid.uuid4().hex}"
    sid = _write(store, marker)
    store.exchange(kept, create=False, user=NewMessage("user", "touch it"))
    before = _file_bytes(db_path)
    # The check can fail: the words are on disk (in the log, not yet checkpointed) first.
    assert any(marker.encode() in content for content in before.values())

    erase(database, sid)

    after = _file_bytes(db_path)
    assert f"{db_path.name}-wal" in after  # the log is emptied, not just left behind
    for name, content in after.items():
        assert marker.encode() not in content, f"the erased word is still in {name}"
    # What was not erased is still there and readable.
    assert store.get(kept).messages[0].content.startswith("My team talked about keptword")
    database.engine.dispose()


@pytest.fixture
def postgres_database() -> Iterator[Database]:
    with temporary_postgres_database() as url:
        database = Database(url)
        with database.engine.begin() as connection:
            # Counts a table's dead (deleted, not yet vacuumed) rows; test databases only.
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pgstattuple")
        yield database
        database.engine.dispose()


def _dead_rows(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            table: int(
                connection.execute(
                    text("SELECT dead_tuple_count FROM pgstattuple(:t)"), {"t": table}
                ).scalar_one()
            )
            for table in TEXT_TABLES
        }


@pytest.mark.parametrize("erase", ERASURES)
def test_erased_rows_are_deleted_and_vacuumed_on_postgresql(
    postgres_database: Database, erase: Erase
) -> None:
    store = ConversationStore(postgres_database)
    kept = _write(store, "keptword")
    marker = f"marker{uuid.uuid4().hex}"
    sid = _write(store, marker)
    store.exchange(kept, create=False, user=NewMessage("user", "touch it"))

    erase(postgres_database, sid)

    with postgres_database.engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT (SELECT count(*) FROM messages WHERE content LIKE :m)"
                " + (SELECT count(*) FROM feedback WHERE comment LIKE :m)"
                " + (SELECT count(*) FROM conversations WHERE id = :sid)"
            ),
            {"m": f"%{marker}%", "sid": sid},
        ).scalar_one()
    assert found == 0
    # VACUUM removed the deleted rows' versions (left alone, PostgreSQL keeps them dead).
    assert _dead_rows(postgres_database) == dict.fromkeys(TEXT_TABLES, 0)
    assert len(store.get(kept).messages) == 3

"""Under load the workers' writes to SQLite queue for one lock: a long queue must not be a 503.

The load benchmark's only failures were HTTP 503 "conversation database failed
(OperationalError)": a write that had waited Python's default 5 s for another worker's lock.
Here another connection (a second worker) holds the write lock for longer than that.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.storage.conversations import ConversationStore, NewMessage, Transcript
from app.storage.database import SQLITE_BUSY_MS, Database

HELD_SECONDS = 6.0  # longer than the 5 s a write used to wait before failing


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'balcony.db'}")
    yield database
    database.engine.dispose()


def test_every_connection_waits_for_a_busy_database_longer_than_the_default(
    database: Database,
) -> None:
    with database.engine.connect() as connection:
        busy_ms = connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
    assert busy_ms == SQLITE_BUSY_MS > 5_000


def test_a_write_queued_behind_another_workers_long_write_succeeds(
    database: Database, tmp_path: Path
) -> None:
    store = ConversationStore(database)
    taken, done = threading.Event(), threading.Event()

    def other_worker() -> None:
        connection = sqlite3.connect(tmp_path / "balcony.db", isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")  # the write lock, as a busy worker holds it
            taken.set()
            time.sleep(HELD_SECONDS)
            connection.execute("COMMIT")
        finally:
            connection.close()
            done.set()

    holder = threading.Thread(target=other_worker, daemon=True)
    holder.start()
    assert taken.wait(timeout=10)
    started = time.monotonic()
    sid = Transcript.new().id
    message_id, _ = store.exchange(sid, create=True, user=NewMessage("user", "[PERSON_1] again"))
    waited = time.monotonic() - started
    holder.join(timeout=HELD_SECONDS + 10)

    assert done.is_set()
    assert waited >= HELD_SECONDS - 1.0  # it really queued behind the other write
    assert store.get(sid).messages[0].id == message_id

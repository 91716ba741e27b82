"""The retention purge runs in the background task, not on the request path."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from app.core.errors import NotFoundError
from app.storage.conversations import ConversationStore, NewMessage, new_session_id
from app.storage.database import Database
from app.storage.models import Conversation, utcnow
from app.storage.retention import purge_forever, purge_once


def _store_with_old_and_new(tmp_path: Path) -> tuple[ConversationStore, str, str]:
    database = Database(f"sqlite:///{tmp_path / 'retention.db'}")
    store = ConversationStore(database)
    old, new = new_session_id(), new_session_id()
    for sid in (old, new):
        store.exchange(sid, create=True, user=NewMessage("user", "a dilemma"), placeholders={})
    with database.session() as session:
        session.execute(
            update(Conversation)
            .where(Conversation.id == old)
            .values(updated_at=utcnow() - timedelta(days=100))
        )
    return store, old, new


def test_purge_once_removes_only_what_is_past_retention(tmp_path: Path) -> None:
    store, old, new = _store_with_old_and_new(tmp_path)
    assert purge_once(store, 90) == 1
    assert store.get(new).id == new
    with pytest.raises(NotFoundError):
        store.get(old)
    assert purge_once(store, 0) == 0  # 0 keeps everything


def test_the_background_task_purges_and_stops_when_cancelled(tmp_path: Path) -> None:
    store, old, _ = _store_with_old_and_new(tmp_path)

    async def run() -> None:
        task = asyncio.create_task(purge_forever(store, 90, every=0.05))
        await asyncio.sleep(0.5)
        task.cancel()

    asyncio.run(run())
    with pytest.raises(NotFoundError):
        store.get(old)  # the task had already taken it

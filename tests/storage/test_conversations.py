"""Conversations on SQLite and PostgreSQL: one-transaction writes, erasure, retention, ownership."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.core.errors import InvalidInputError, NotFoundError
from app.insights.service import weekly_insights
from app.storage.conversations import ConversationStore, NewMessage, Transcript
from app.storage.database import Database
from app.storage.models import Feedback, Message, utcnow


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    database.engine.dispose()


@pytest.fixture
def store(database: Database) -> ConversationStore:
    return ConversationStore(database)


def _start(store: ConversationStore, owner: str | None = None) -> tuple[str, int]:
    sid = Transcript.new().id
    _, reply_id = store.exchange(
        sid,
        create=True,
        user=NewMessage("user", "[PERSON_1] is stuck"),
        reply=NewMessage("assistant", "A reply", mode="reflect"),
        placeholders={"digest": "[PERSON_1]"},
        usage=[("mode", "reflect"), ("tool", "vuca")],
        owner=owner,
    )
    assert reply_id is not None
    return sid, reply_id


def test_a_new_conversation_is_written_with_its_first_exchange(store: ConversationStore) -> None:
    sid, _ = _start(store)
    transcript = store.get(sid)
    assert [m.role for m in transcript.messages] == ["user", "assistant"]
    assert transcript.placeholders == {"digest": "[PERSON_1]"}


def test_a_waiting_message_is_answered_in_one_step(store: ConversationStore) -> None:
    sid, _ = _start(store)
    waiting, _ = store.exchange(
        sid, create=False, user=NewMessage("user", "And then?", status="pending")
    )
    store.finish_turn(sid, waiting, NewMessage("assistant", "Next", tools=["vuca"]))
    messages = store.get(sid).messages
    assert [m.status for m in messages] == ["ok", "ok", "ok", "ok"]
    assert messages[-1].tools == ["vuca"]


def test_erasure_removes_messages_and_feedback(
    store: ConversationStore, database: Database
) -> None:
    sid, reply_id = _start(store)
    store.add_feedback(sid, reply_id, helpful=False, comment="too long")
    store.delete(sid)
    with pytest.raises(NotFoundError):
        store.get(sid)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == 0
        assert session.scalar(select(func.count()).select_from(Feedback)) == 0


def test_retention_deletes_only_conversations_past_it(store: ConversationStore) -> None:
    old, _ = _start(store)
    assert store.purge_older_than(90) == 0
    assert store.purge_older_than(90, now=utcnow() + timedelta(days=91)) == 1
    with pytest.raises(NotFoundError):
        store.get(old)
    assert store.purge_older_than(0, now=utcnow() + timedelta(days=9999)) == 0  # 0 keeps all


def test_anonymous_counts_outlive_erasure_and_small_cells_are_withheld(
    store: ConversationStore,
) -> None:
    sids = [_start(store)[0] for _ in range(5)]
    store.exchange(
        sids[0], create=False, user=NewMessage("user", "x"), usage=[("tool", "slow-thinking")]
    )
    for sid in sids:
        store.delete(sid)
    _, _, weeks = weekly_insights(store, None, None)
    assert weeks[0].tools == {"slow-thinking": None, "vuca": 5}
    assert weeks[0].modes == {"reflect": 5}
    assert weeks[0].escalations is None


def test_owned_conversations_are_invisible_to_others(store: ConversationStore) -> None:
    sid, reply_id = _start(store, owner="key:1")
    assert store.get(sid, "key:1").id == sid
    for attempt in (
        lambda: store.get(sid, "key:2"),
        lambda: store.get(sid),
        lambda: store.delete(sid, "key:2"),
        lambda: store.add_feedback(sid, reply_id, helpful=True, comment=None, owner="key:2"),
    ):
        with pytest.raises(NotFoundError):
            attempt()


def test_malformed_session_ids_are_refused(store: ConversationStore) -> None:
    with pytest.raises(InvalidInputError):
        store.get("../../etc/passwd")

"""Feedback stored redacted, and weekly insights with small counts withheld (real SQLite)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import InvalidInputError, NotFoundError
from app.insights.desk import Insights
from app.insights.service import MIN_CELL, resolve_range, weekly_insights
from app.safety.redaction import Redactor
from app.storage.conversations import ConversationStore, NewMessage, Transcript
from app.storage.database import Database
from app.storage.models import Feedback

PHONE = "07700 900123"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'balcony.db'}")
    yield database
    database.engine.dispose()


@pytest.fixture
def store(database: Database) -> ConversationStore:
    return ConversationStore(database)


@pytest.fixture
def redactor() -> Redactor:
    return Redactor(b"insights-test-secret")


def _conversation(
    store: ConversationStore,
    *,
    owner: str | None = None,
    usage: Sequence[tuple[str, str]] = (),
) -> tuple[str, int]:
    sid = Transcript.new().id
    _, reply_id = store.exchange(
        sid,
        create=True,
        user=NewMessage("user", "I am stuck"),
        reply=NewMessage("assistant", "What is in the way?", mode="reflect"),
        usage=usage,
        owner=owner,
    )
    assert reply_id is not None
    return sid, reply_id


def _stored_comments(database: Database) -> list[str | None]:
    with database.session() as session:
        return list(session.scalars(select(Feedback.comment)))


def test_a_comment_is_stored_without_its_personal_data(
    store: ConversationStore, database: Database, redactor: Redactor
) -> None:
    sid, reply_id = _conversation(store)
    stored = Insights(store, redactor).record_feedback(
        session_id=sid,
        reply_id=reply_id,
        helpful=False,
        comment=f"Too long. Ring me on {PHONE}",
        owner=None,
    )
    assert stored.comment is not None and PHONE not in stored.comment
    assert stored.comment.startswith("Too long.")
    assert _stored_comments(database) == [stored.comment]


def test_a_rating_without_a_comment_stores_none(
    store: ConversationStore, database: Database, redactor: Redactor
) -> None:
    sid, reply_id = _conversation(store)
    stored = Insights(store, redactor).record_feedback(
        session_id=sid, reply_id=reply_id, helpful=True, comment=None, owner=None
    )
    assert stored.comment is None and stored.feedback_id >= 1
    assert _stored_comments(database) == [None]


def test_feedback_on_another_keys_conversation_is_refused_and_nothing_is_stored(
    store: ConversationStore, database: Database, redactor: Redactor
) -> None:
    sid, reply_id = _conversation(store, owner="key:a")
    with pytest.raises(NotFoundError):
        Insights(store, redactor).record_feedback(
            session_id=sid,
            reply_id=reply_id,
            helpful=True,
            comment="fine",
            owner="key:b",
        )
    assert _stored_comments(database) == []


def test_counts_below_the_minimum_cell_are_withheld(store: ConversationStore) -> None:
    for _ in range(MIN_CELL):
        _conversation(store, usage=[("tool", "slow-thinking"), ("mode", "reflect")])
    for _ in range(MIN_CELL - 1):
        _conversation(store, usage=[("tool", "vuca"), ("escalation", "yes")])
    _, _, weeks = weekly_insights(store, None, None)
    assert len(weeks) == 1
    week = weeks[0]
    assert week.tools == {"slow-thinking": MIN_CELL, "vuca": None}
    assert week.modes == {"reflect": MIN_CELL}
    assert week.escalations is None


def test_a_range_must_run_forwards_and_last_at_most_a_year() -> None:
    now = datetime(2026, 1, 5, tzinfo=UTC)
    with pytest.raises(InvalidInputError, match="before"):
        resolve_range(now, now)
    with pytest.raises(InvalidInputError, match="a year"):
        resolve_range(now - timedelta(days=400), now)
    assert resolve_range(None, now) == (now - timedelta(weeks=12), now)

"""Conversations: create, append, read, erase (from the files too), and expire past retention."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Row, Table, bindparam, delete, select
from sqlalchemy.orm import Session

from app.core.errors import InvalidInputError, NotFoundError
from app.storage.database import Database
from app.storage.models import Conversation, Feedback, Message, UsageEvent, utcnow

# What new_session_id makes: the one definition the API's schemas and routes import.
SESSION_ID_HEX = r"[0-9a-f]{32}"
SESSION_ID_PATTERN = rf"^{SESSION_ID_HEX}$"
SESSION_ID = re.compile(SESSION_ID_PATTERN)


@dataclass(frozen=True)
class StoredMessage:
    id: int
    role: str
    content: str
    mode: str | None
    status: str
    escalated: bool
    sources: list[dict[str, str]]
    tools: list[str]
    created_at: datetime


@dataclass(frozen=True)
class Transcript:
    id: str
    created_at: datetime
    updated_at: datetime
    placeholders: dict[str, str]
    messages: list[StoredMessage] = field(default_factory=list)

    @classmethod
    def new(cls) -> Transcript:
        """A conversation not yet stored: it is written with its first message."""
        now = utcnow()
        return cls(id=new_session_id(), created_at=now, updated_at=now, placeholders={})


def new_session_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class NewMessage:
    """A message to store; its content must already be redacted."""

    role: str
    content: str
    mode: str | None = None
    status: str = "ok"
    escalated: bool = False
    sources: Sequence[dict[str, str]] = ()
    tools: Sequence[str] = ()

    def values(self, session_id: str) -> dict[str, Any]:
        """The message's row, as the columns an INSERT takes."""
        return {
            "conversation_id": session_id,
            "role": self.role,
            "content": self.content,
            "mode": self.mode,
            "status": self.status,
            "escalated": self.escalated,
            "sources": list(self.sources),
            "tools": list(self.tools),
            "created_at": utcnow(),
        }


def check_session_id(session_id: str) -> str:
    if not SESSION_ID.match(session_id):
        raise InvalidInputError(
            "A session id is 32 lower-case hex characters, as returned by POST /v1/chat. "
            "Omit session_id to start a new conversation."
        )
    return session_id


def _stored(message: Row[Any]) -> StoredMessage:
    return StoredMessage(
        id=message.id,
        role=message.role,
        content=message.content,
        mode=message.mode,
        status=message.status,
        escalated=message.escalated,
        sources=list(message.sources or []),
        tools=list(message.tools or []),
        created_at=message.created_at,
    )


# A turn's writes as plain statements on the tables, built once: the ORM's unit of work and
# building each statement afresh cost more than the writes themselves on every turn.
_CONVERSATIONS = cast(Table, Conversation.__table__)
_MESSAGES = cast(Table, Message.__table__)
_INSERT_CONVERSATION = _CONVERSATIONS.insert()
_TOUCH = _CONVERSATIONS.update().where(_CONVERSATIONS.c.id == bindparam("conversation"))
_ANSWERED = _MESSAGES.update().where(_MESSAGES.c.id == bindparam("message")).values(status="ok")
_INSERT_MESSAGE = _MESSAGES.insert()
_INSERT_USAGE = cast(Table, UsageEvent.__table__).insert()
_CONVERSATION = select(_CONVERSATIONS).where(_CONVERSATIONS.c.id == bindparam("conversation"))
_TRANSCRIPT = (
    select(_MESSAGES)
    .where(_MESSAGES.c.conversation_id == bindparam("conversation"))
    .order_by(_MESSAGES.c.id)
)


def _touch(session: Session, session_id: str, changes: dict[str, Any]) -> None:
    """Update the conversation's row (NotFoundError if it is gone, e.g. erased meanwhile)."""
    done = session.connection().execute(_TOUCH, {"conversation": session_id, **changes})
    if not done.rowcount:
        raise NotFoundError(f"No conversation {session_id}.")


def _insert_message(session: Session, values: dict[str, Any]) -> int:
    key = session.connection().execute(_INSERT_MESSAGE, values).inserted_primary_key
    assert key is not None  # a single-row INSERT always reports its key
    return int(key[0])


def _count(session: Session, usage: Sequence[tuple[str, str]]) -> None:
    """Anonymous usage counts, in one statement."""
    if usage:
        now = utcnow()
        rows = [{"kind": k, "value": v, "occurred_at": now} for k, v in usage]
        session.connection().execute(_INSERT_USAGE, rows)


def _may_use(conversation: Conversation | Row[Any], owner: str | None) -> bool:
    """Unowned conversations (auth off) are open; owned ones only to their key."""
    return conversation.owner is None or conversation.owner == owner


class ConversationStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def exchange(
        self,
        session_id: str,
        *,
        create: bool,
        user: NewMessage,
        reply: NewMessage | None = None,
        placeholders: dict[str, str] | None = None,
        usage: Sequence[tuple[str, str]] = (),
        owner: str | None = None,
    ) -> tuple[int, int | None]:
        """Store a user message (and a reply, and usage counts) in one transaction.

        With create=True the conversation is made in the same transaction, so a new
        conversation costs one commit, not two. Returns the ids of the two messages.
        """
        now = utcnow()
        with self._db.session() as session:
            if create:
                row: dict[str, Any] = {"id": session_id, "owner": owner, "created_at": now}
                row["placeholders"] = dict(placeholders or {})
                session.connection().execute(_INSERT_CONVERSATION, {"updated_at": now, **row})
            else:
                changes: dict[str, Any] = {"updated_at": now}
                if placeholders is not None:
                    changes["placeholders"] = dict(placeholders)
                _touch(session, session_id, changes)
            user_id = _insert_message(session, user.values(session_id))
            reply_id = _insert_message(session, reply.values(session_id)) if reply else None
            _count(session, usage)
            return user_id, reply_id

    def finish_turn(
        self,
        session_id: str,
        user_message_id: int,
        reply: NewMessage,
        usage: Sequence[tuple[str, str]] = (),
    ) -> int:
        """Store the reply, mark the waiting message answered, count usage: one commit."""
        with self._db.session() as session:
            _touch(session, session_id, {"updated_at": utcnow()})
            session.connection().execute(_ANSWERED, {"message": user_message_id})
            reply_id = _insert_message(session, reply.values(session_id))
            _count(session, usage)
            return reply_id

    def get(self, session_id: str, owner: str | None = None) -> Transcript:
        """The conversation, if it exists and `owner` may see it (else NotFoundError)."""
        check_session_id(session_id)
        with self._db.session() as session:
            # Rows, not ORM objects: a follow-up reads its transcript on every turn.
            connection = session.connection()
            conversation = connection.execute(_CONVERSATION, {"conversation": session_id}).first()
            # Another key's conversation is reported as missing: existence is not revealed.
            if conversation is None or not _may_use(conversation, owner):
                raise NotFoundError(
                    f"No conversation {session_id}: it may have been deleted or expired. "
                    "Omit session_id to start a new one."
                )
            rows = connection.execute(_TRANSCRIPT, {"conversation": session_id})
            return Transcript(
                id=conversation.id,
                created_at=conversation.created_at,
                updated_at=conversation.updated_at,
                placeholders=dict(conversation.placeholders or {}),
                messages=[_stored(m) for m in rows],
            )

    def delete(self, session_id: str, owner: str | None = None) -> None:
        check_session_id(session_id)
        with self._db.session() as session:
            conversation = session.get(Conversation, session_id)
            if conversation is None or not _may_use(conversation, owner):
                raise NotFoundError(f"No conversation {session_id}: nothing to delete.")
            session.delete(conversation)
        self._db.reclaim()

    def purge_older_than(self, days: int, *, now: datetime | None = None) -> int:
        """Delete conversations untouched for `days`; return how many went."""
        if days <= 0:
            return 0
        cutoff = (now or utcnow()) - timedelta(days=days)
        with self._db.session() as session:
            ids = list(
                session.scalars(select(Conversation.id).where(Conversation.updated_at < cutoff))
            )
            if ids:
                session.execute(delete(Message).where(Message.conversation_id.in_(ids)))
                session.execute(delete(Conversation).where(Conversation.id.in_(ids)))
        if ids:
            self._db.reclaim()
        return len(ids)

    def add_feedback(
        self,
        session_id: str,
        reply_id: int,
        *,
        helpful: bool,
        comment: str | None,
        owner: str | None = None,
    ) -> int:
        """Rate one reply of this conversation (the comment must already be redacted)."""
        check_session_id(session_id)
        with self._db.session() as session:
            message = session.get(Message, reply_id)
            conversation = session.get(Conversation, session_id)
            if (
                message is None
                or conversation is None
                or not _may_use(conversation, owner)
                or message.conversation_id != session_id
                or message.role != "assistant"
            ):
                raise NotFoundError(
                    f"Conversation {session_id} has no reply {reply_id}; use the reply_id "
                    "returned by POST /v1/chat."
                )
            feedback = Feedback(message_id=reply_id, helpful=helpful, comment=comment)
            session.add(feedback)
            session.add(UsageEvent(kind="feedback", value="helpful" if helpful else "not_helpful"))
            session.flush()
            return int(feedback.id)

    def usage_between(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        with self._db.session() as session:
            rows = session.scalars(
                select(UsageEvent).where(
                    UsageEvent.occurred_at >= start, UsageEvent.occurred_at < end
                )
            )
            return [{"at": r.occurred_at, "kind": r.kind, "value": r.value} for r in rows]

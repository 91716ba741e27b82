"""What a chat turn carries between its stages, and what it returns."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.coaching.chain import Prepared
from app.coaching.citations import CitedSource
from app.coaching.cited_stream import CitationStream
from app.coaching.modes import Mode
from app.coaching.offline import Turn
from app.core.config import LLMSettings, Settings
from app.core.errors import ProviderError
from app.gate.outcomes import GateDecision, Outcome
from app.gate.replies import (
    INVITATION,
    LEGAL_POINTER,
    about_balcony,
    decline_reply,
    escalation_reply,
    how_to_use,
    safety_line,
)
from app.storage.conversations import Transcript

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChatOutcome:
    session_id: str
    reply: str
    mode: Mode | None
    sources: list[CitedSource] = field(default_factory=list)
    escalated: bool = False
    reason: str | None = None
    reply_id: int | None = None
    outcome: Outcome = "coached"
    category: str | None = None


@dataclass(frozen=True)
class StreamEvent:
    event: str  # token, sources, done, error
    data: dict[str, Any]


@dataclass(frozen=True)
class PendingTurn:
    """A message that passed the gate and is stored, waiting for its reply."""

    session_id: str
    message_id: int
    text: str
    mode: Mode
    follow_up: bool
    history: list[Turn]
    decision: GateDecision
    local_time: datetime | None = None


@dataclass(frozen=True)
class Opened:
    """The result of the stages before retrieval: a finished reply, or a turn to coach."""

    finished: ChatOutcome | None = None
    turn: PendingTurn | None = None


@dataclass
class ReplyInProgress:
    """A reply as it is generated: its pieces, and what it was given and cites."""

    pieces: list[str] = field(default_factory=list)
    prepared: Prepared | None = None
    citations: CitationStream | None = None


def lead_line(decision: GateDecision, settings: Settings) -> str:
    """The one calm line a coached reply opens with, when the gate asks for one."""
    if decision.outcome == "coached_with_safety_line":
        return safety_line(decision, settings.safeguarding) + "\n\n"
    if decision.about_balcony or decision.about_use:
        return about_balcony_answer(decision, settings) + "\n\n"
    if decision.legal_pointer:
        return LEGAL_POINTER + "\n\n"
    return ""


def history_of(transcript: Transcript, before: int | None = None) -> list[Turn]:
    return [
        Turn(m.role, m.content, list(m.tools))
        for m in transcript.messages
        if (before is None or m.id < before) and m.status == "ok" and not m.escalated
    ]


def sources_event(outcome: ChatOutcome) -> StreamEvent:
    return StreamEvent(
        "sources",
        {
            "session_id": outcome.session_id,
            "reply_id": outcome.reply_id,
            "mode": outcome.mode,
            "outcome": outcome.outcome,
            "sources": [s.__dict__ for s in outcome.sources],
            "safeguarding": {"escalated": outcome.escalated, "reason": outcome.reason},
        },
    )


def about_balcony_answer(decision: GateDecision, settings: Settings) -> str:
    """The answer to a question about Balcony: what is kept, or how to use it."""
    if decision.about_use:
        return how_to_use(settings.coaching.max_message_chars)
    return about_balcony(settings.database.retention_days, settings.llm.provider != "offline")


def gate_reply(decision: GateDecision, settings: Settings) -> str:
    """What is said instead of coaching: the escalation, the decline, or the answer to a
    question about Balcony that asks nothing else."""
    if decision.escalated:
        return escalation_reply(decision, settings.safeguarding)
    if decision.about_balcony_only:
        return f"{about_balcony_answer(decision, settings)}\n\n{INVITATION}"
    return decline_reply(decision, settings.safeguarding)


def last_mode(transcript: Transcript) -> Mode | None:
    """The mode of the conversation's last coached reply, which a follow-up keeps."""
    modes = [m.mode for m in transcript.messages if m.role == "assistant" and m.mode]
    return modes[-1] if modes and modes[-1] in ("crisis", "reflect") else None  # type: ignore[return-value]


def after_escalation(transcript: Transcript) -> bool:
    """Whether the conversation's last reply was an escalation."""
    replies = [m for m in transcript.messages if m.role == "assistant"]
    return bool(replies and replies[-1].escalated)


def provider_failure(
    error: Exception, settings: LLMSettings, session_id: str, count: Callable[[str], None]
) -> ProviderError:
    """A provider's failure as the error the API answers with, saying how to retry."""
    from app.components.llm import translate_provider_error

    failure = (
        error if isinstance(error, ProviderError) else translate_provider_error(error, settings)
    )
    count(type(failure).__name__)
    logger.warning("provider failed", extra={"error": type(error).__name__})
    failure.message += f" Retry with POST /v1/sessions/{session_id}/retry."
    return failure

"""A chat turn, end to end, in the order safety demands.

safeguarding check -> redaction -> the message is stored -> mode -> chain -> reply stored.
Nothing unredacted reaches the chain, the provider, the store or a log.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from langchain_core.runnables import Runnable

from app.coaching.chain import ChainInput, CoachReply, Prepared, finish
from app.coaching.citations import SourceRef
from app.coaching.modes import Mode, RequestedMode, choose_mode, is_follow_up, off_topic
from app.coaching.offline import OfflineCoach, Turn
from app.core.config import Settings
from app.core.errors import BalconyError, InvalidInputError, ProviderError
from app.safety.redaction import Redactor
from app.safety.safeguarding import SafeguardingAssessment, SafeguardingCheck, escalation_reply
from app.safety.second_opinion import SecondOpinion
from app.storage.conversations import ConversationStore, NewMessage, Transcript

logger = logging.getLogger(__name__)
RETENTION_CHECK_SECONDS = 3600
SECOND_OPINION_REASON = "A second check suggests someone may be at risk now."


@dataclass(frozen=True)
class ChatOutcome:
    session_id: str
    reply: str
    mode: Mode | None
    sources: list[SourceRef] = field(default_factory=list)
    escalated: bool = False
    reason: str | None = None
    reply_id: int | None = None


@dataclass(frozen=True)
class StreamEvent:
    event: str  # token, sources, done, error
    data: dict[str, Any]


@dataclass(frozen=True)
class _Turn:
    """A user message that passed the checks and is stored, ready for a reply."""

    session_id: str
    message_id: int
    text: str
    mode: Mode
    follow_up: bool
    history: list[Turn]


class ChatService:
    def __init__(
        self,
        *,
        settings: Settings,
        conversations: ConversationStore,
        redactor: Redactor,
        safeguarding: SafeguardingCheck,
        offline: OfflineCoach,
        chain: Runnable[ChainInput, CoachReply],
        preparer: Runnable[ChainInput, Prepared],
        generator: Runnable[Prepared, str],
        second_opinion: SecondOpinion | None = None,
        on_escalation: Any = None,
        on_provider_error: Any = None,
    ) -> None:
        self._settings = settings
        self._conversations = conversations
        self._redactor = redactor
        self._safeguarding = safeguarding
        self._offline = offline
        self._second_opinion = second_opinion
        self._chain = chain
        self._preparer = preparer
        self._generator = generator
        self._on_escalation = on_escalation or (lambda: None)
        self._on_provider_error = on_provider_error or (lambda kind: None)
        self._last_purge = 0.0

    # -- entry points --------------------------------------------------------------------

    async def reply(
        self,
        message: str,
        *,
        session_id: str | None,
        mode: RequestedMode,
        owner: str | None = None,
    ) -> ChatOutcome:
        early, turn = await self._begin(message, session_id, mode, owner)
        if early is not None:
            return early
        assert turn is not None
        return await self._run_chain(turn)

    async def stream(
        self,
        message: str,
        *,
        session_id: str | None,
        mode: RequestedMode,
        owner: str | None = None,
    ) -> AsyncIterator[StreamEvent]:
        """Tokens as the model speaks, then the sources, then done (or an error event)."""
        early, turn = await self._begin(message, session_id, mode, owner)
        if early is not None:
            yield StreamEvent("token", {"text": early.reply})
            yield self._sources_event(early)
            yield StreamEvent("done", {"session_id": early.session_id})
            return
        assert turn is not None
        try:
            prepared = await self._prepare(turn)
            pieces: list[str] = []
            if prepared.grounded:
                async for piece in self._generator.astream(prepared):
                    pieces.append(piece)
                    yield StreamEvent("token", {"text": piece})
            else:
                pieces.append(self._offline.no_material())
                yield StreamEvent("token", {"text": pieces[0]})
        except Exception as error:
            failure = self._failed(turn, error)
            yield StreamEvent("error", {"detail": failure.message, "status": failure.status_code})
            return
        outcome = self._complete(turn, finish(prepared, "".join(pieces)))
        yield self._sources_event(outcome)
        yield StreamEvent("done", {"session_id": outcome.session_id})

    async def retry(self, session_id: str, owner: str | None = None) -> ChatOutcome:
        """Answer the last message that is still waiting (after a provider failure)."""
        transcript = self._conversations.get(session_id, owner)
        waiting = [m for m in transcript.messages if m.role == "user" and m.status == "pending"]
        if not waiting:
            raise InvalidInputError("Nothing in this conversation is waiting for a reply.")
        last = waiting[-1]
        history = self._history(transcript, before=last.id)
        turn = _Turn(
            session_id,
            last.id,
            last.content,
            (last.mode or "reflect"),  # type: ignore[arg-type]
            is_follow_up(last.content, bool(history)),
            history,
        )
        return await self._run_chain(turn)

    # -- steps ---------------------------------------------------------------------------

    async def _begin(
        self, message: str, session_id: str | None, requested: RequestedMode, owner: str | None
    ) -> tuple[ChatOutcome | None, _Turn | None]:
        self._purge_expired()
        transcript = self._conversations.get(session_id, owner) if session_id else Transcript.new()
        sid, create = transcript.id, session_id is None
        # Safeguarding comes before anything else, on the words as typed.
        assessment = self._safeguarding.assess(message)
        redaction = self._redactor.redact(message, placeholders=transcript.placeholders, scope=sid)
        if assessment.borderline and self._second_opinion is not None:
            # Close to the line: ask the model (redacted text only), and err towards escalating.
            verdict = await self._second_opinion.at_risk(redaction.text)
            if verdict is not False:
                assessment = SafeguardingAssessment(
                    True, SECOND_OPINION_REASON, "second-opinion", assessment.score
                )
        if assessment.escalated:
            self._on_escalation()
            logger.info("safeguarding escalation", extra={"category": assessment.category})
            reply = escalation_reply(assessment, self._settings.safeguarding)
            _, reply_id = self._conversations.exchange(
                sid,
                create=create,
                user=NewMessage("user", redaction.text, escalated=True),
                reply=NewMessage("assistant", reply, escalated=True),
                placeholders=redaction.placeholders,
                usage=[("escalation", "")],
                owner=owner,
            )
            outcome = ChatOutcome(
                sid, reply, None, escalated=True, reason=assessment.reason, reply_id=reply_id
            )
            return outcome, None
        history = self._history(transcript)
        previous_mode = next(
            (m.mode for m in reversed(transcript.messages) if m.role == "assistant" and m.mode),
            None,
        )
        mode = choose_mode(requested, redaction.text, previous_mode)  # type: ignore[arg-type]
        declined = off_topic(redaction.text)
        if declined is not None:
            reply = self._offline.off_topic(declined)
            _, reply_id = self._conversations.exchange(
                sid,
                create=create,
                user=NewMessage("user", redaction.text, mode=mode),
                reply=NewMessage("assistant", reply, mode=mode),
                placeholders=redaction.placeholders,
                owner=owner,
            )
            return ChatOutcome(sid, reply, mode, reply_id=reply_id), None
        # Stored before any provider sees it: a failure later loses nothing.
        message_id, _ = self._conversations.exchange(
            sid,
            create=create,
            user=NewMessage("user", redaction.text, mode=mode, status="pending"),
            placeholders=redaction.placeholders,
            owner=owner,
        )
        follow_up = is_follow_up(redaction.text, bool(history))
        return None, _Turn(sid, message_id, redaction.text, mode, follow_up, history)

    async def _run_chain(self, turn: _Turn) -> ChatOutcome:
        try:
            reply: CoachReply = await self._chain.ainvoke(self._chain_input(turn))
        except BalconyError:
            raise
        except Exception as error:
            raise self._failed(turn, error) from error
        return self._complete(turn, reply)

    def _chain_input(self, turn: _Turn) -> ChainInput:
        return ChainInput(
            message=turn.text,
            mode=turn.mode,
            follow_up=turn.follow_up,
            history=turn.history,
            k=self._settings.coaching.passages,
        )

    async def _prepare(self, turn: _Turn) -> Prepared:
        try:
            prepared: Prepared = await self._preparer.ainvoke(self._chain_input(turn))
        except BalconyError:
            raise
        except Exception as error:
            # Before generation only the follow-up rewrite talks to a provider.
            raise self._failed(turn, error) from error
        return prepared

    def _complete(self, turn: _Turn, reply: CoachReply) -> ChatOutcome:
        reply_id = self._conversations.finish_turn(
            turn.session_id,
            turn.message_id,
            NewMessage(
                "assistant",
                reply.text,
                mode=turn.mode,
                sources=[s.__dict__ for s in reply.sources],
                tools=reply.tools,
            ),
            usage=[("mode", turn.mode), *(("tool", t) for t in reply.tools)],
        )
        return ChatOutcome(turn.session_id, reply.text, turn.mode, reply.sources, reply_id=reply_id)

    def _failed(self, turn: _Turn, error: Exception) -> ProviderError:
        from app.components.llm import translate_provider_error

        failure = (
            error
            if isinstance(error, ProviderError)
            else translate_provider_error(error, self._settings.llm)
        )
        self._on_provider_error(type(failure).__name__)
        logger.warning("provider failed", extra={"error": type(error).__name__})
        failure.message += f" Retry with POST /v1/sessions/{turn.session_id}/retry."
        return failure

    def _history(self, transcript: Transcript, before: int | None = None) -> list[Turn]:
        return [
            Turn(m.role, m.content, list(m.tools))
            for m in transcript.messages
            if (before is None or m.id < before) and m.status == "ok" and not m.escalated
        ]

    def _sources_event(self, outcome: ChatOutcome) -> StreamEvent:
        return StreamEvent(
            "sources",
            {
                "session_id": outcome.session_id,
                "reply_id": outcome.reply_id,
                "mode": outcome.mode,
                "sources": [s.__dict__ for s in outcome.sources],
                "safeguarding": {"escalated": outcome.escalated, "reason": outcome.reason},
            },
        )

    def _purge_expired(self) -> None:
        now = time.monotonic()
        if now - self._last_purge < RETENTION_CHECK_SECONDS:
            return
        self._last_purge = now
        removed = self._conversations.purge_older_than(self._settings.database.retention_days)
        if removed:
            logger.info("retention purge", extra={"conversations": removed})

"""A chat turn as one pipeline of named stages, each visited once, in the order safety demands:

redact -> gate -> store_message -> retrieve -> generate -> cite -> store_reply

Nothing unredacted reaches the gate's model, the chain, a provider, the store or a log. The
blocking stages (the embedding model, redaction, SQL, retrieval) run in worker threads, so
the event loop keeps answering while a turn is worked on. A whole reply and a streamed one
are the same pipeline: the whole reply is the stream, collected (app/coaching/replying.py
holds the stages from retrieve on).

The turns of one conversation take turns: each holds the conversation's turn lock
(app/storage/turn_lock.py, shared by every worker and replica) from reading the transcript
to storing its reply, so a second message sent meanwhile is answered after the first, with
the first in its history, and the transcript stays message, reply, message, reply.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, Callable
from contextlib import aclosing
from datetime import datetime
from typing import Any

from anyio import to_thread
from langchain_core.runnables import Runnable

from app.coaching.chain import ChainInput, Prepared
from app.coaching.modes import RequestedMode, choose_mode, is_follow_up
from app.coaching.offline import OfflineCoach
from app.coaching.replying import ReplyWriter
from app.coaching.turn import (
    ChatOutcome,
    Opened,
    PendingTurn,
    ReplyInProgress,
    StreamEvent,
    after_escalation,
    gate_reply,
    history_of,
    last_mode,
    sources_event,
)
from app.components.embedding import Embedder
from app.core.config import Settings
from app.core.cpu import cpu_limiter
from app.core.errors import InvalidInputError, ProviderError
from app.gate.gate import Gate
from app.gate.outcomes import GateDecision
from app.safety.redaction import Redactor
from app.safety.second_opinion import SecondOpinion
from app.storage.conversations import ConversationStore, NewMessage, Transcript
from app.storage.turn_lock import TurnLocks

logger = logging.getLogger(__name__)
STAGES = ("redact", "gate", "store_message", "retrieve", "generate", "cite", "store_reply")


class ChatService:
    def __init__(
        self,
        *,
        settings: Settings,
        conversations: ConversationStore,
        redactor: Redactor,
        embedder: Embedder,
        gate: Gate,
        offline: OfflineCoach,
        preparer: Runnable[ChainInput, Prepared],
        generator: Runnable[Prepared, str],
        second_opinion: SecondOpinion | None = None,
        on_outcome: Callable[[str], None] | None = None,
        on_provider_error: Callable[[str], None] | None = None,
        on_stage: Callable[[str], None] | None = None,
        turn_locks: TurnLocks | None = None,
        local_generation: bool = False,
    ) -> None:
        self._settings = settings
        self._conversations = conversations
        self._redactor = redactor
        # The same (cached) embedder as retrieval: a first message is embedded once a turn.
        self._embedder = embedder
        self._gate = gate
        self._second_opinion = second_opinion
        self._on_outcome = on_outcome or (lambda outcome: None)
        # A tracing hook: called with each stage's name as the turn enters it.
        self.on_stage = on_stage or (lambda stage: None)
        self._replies = ReplyWriter(
            settings=settings,
            conversations=conversations,
            offline=offline,
            preparer=preparer,
            generator=generator,
            on_stage=lambda stage: self.on_stage(stage),  # the hook as set now, not at build
            on_provider_error=on_provider_error or (lambda kind: None),
            # No language model: the offline coach composes, CPU work like retrieval.
            local_generation=local_generation,
        )
        # By default beside the conversations, so every worker and replica shares them.
        self.turn_locks = turn_locks or TurnLocks.for_database(
            settings.database_url, settings.data_dir, settings.coaching.turn_wait_seconds
        )

    # -- entry points --------------------------------------------------------------------

    async def reply(
        self,
        message: str,
        *,
        session_id: str | None,
        mode: RequestedMode,
        owner: str | None = None,
        local_time: datetime | None = None,
    ) -> ChatOutcome:
        async with self.turn_locks.hold(session_id):
            opened = await self._open(message, session_id, mode, owner, local_time)
            if opened.finished is not None:
                return opened.finished
            assert opened.turn is not None
            return await self._replies.collect(opened.turn)

    async def stream(
        self,
        message: str,
        *,
        session_id: str | None,
        mode: RequestedMode,
        owner: str | None = None,
        local_time: datetime | None = None,
    ) -> AsyncGenerator[StreamEvent]:
        """start (the session id), tokens as the model speaks, then sources, then done (or error).

        Bad input, unknown sessions and a conversation still busy with a reply raise before
        the first event, so the route can answer them as plain JSON errors. The turn lock is
        held until the last event, and let go when the stream is closed or cancelled early.
        """
        async with self.turn_locks.hold(session_id):
            opened = await self._open(message, session_id, mode, owner, local_time)
            # The conversation's id first, so a client can keep it before any words arrive.
            started = opened.finished or opened.turn
            assert started is not None
            yield StreamEvent("start", {"session_id": started.session_id})
            if opened.finished is not None:
                yield StreamEvent("token", {"text": opened.finished.reply})
                yield sources_event(opened.finished)
                yield StreamEvent("done", {"session_id": opened.finished.session_id})
                return
            turn = opened.turn
            assert turn is not None
            reply = ReplyInProgress()
            try:
                async with aclosing(self._replies.pieces(turn, reply)) as pieces:
                    async for piece in pieces:
                        yield StreamEvent("token", {"text": piece})
            except ProviderError as failure:
                error = {"detail": failure.message, "status": failure.status_code}
                yield StreamEvent("error", error)
                return
            outcome = await self._replies.store(turn, reply)
            yield sources_event(outcome)
            yield StreamEvent("done", {"session_id": outcome.session_id})

    async def retry(self, session_id: str, owner: str | None = None) -> ChatOutcome:
        """Answer the last message that is still waiting (after a provider failure)."""
        async with self.turn_locks.hold(session_id):
            return await self._retry(session_id, owner)

    async def _retry(self, session_id: str, owner: str | None) -> ChatOutcome:
        transcript = await to_thread.run_sync(self._conversations.get, session_id, owner)
        waiting = [m for m in transcript.messages if m.role == "user" and m.status == "pending"]
        if not waiting:
            raise InvalidInputError("Nothing in this conversation is waiting for a reply.")
        last = waiting[-1]
        history = history_of(transcript, before=last.id)
        turn = PendingTurn(
            session_id,
            last.id,
            last.content,
            (last.mode or "reflect"),  # type: ignore[arg-type]
            is_follow_up(last.content, bool(history)),
            history,
            # It passed the gate when it was first sent.
            GateDecision("coached"),
        )
        return await self._replies.collect(turn)

    # -- stages --------------------------------------------------------------------------

    async def _open(
        self,
        message: str,
        session_id: str | None,
        requested: RequestedMode,
        owner: str | None,
        local_time: datetime | None,
    ) -> Opened:
        """redact -> gate -> store_message, in a worker thread (the second opinion awaits)."""
        self._check_length(message)
        transcript, redacted, decision = await to_thread.run_sync(
            self._redact_and_gate,
            message,
            session_id,
            owner,
            limiter=cpu_limiter(self._settings.coaching.cpu_threads),
        )
        # Close to the line: ask the model (redacted text only), and err towards escalating.
        second = self._second_opinion
        if decision.borderline and second and await second.at_risk(redacted.text) is not False:
            vector = self._embedder.embed([redacted.text])[0]
            decision = self._gate.escalate_borderline(redacted.text, vector)
        self._on_outcome(decision.outcome)
        return await to_thread.run_sync(
            self._store_message, transcript, redacted, decision, requested, owner, local_time
        )

    def _check_length(self, message: str) -> None:
        """The one limit every door shares (the API's schema states the same number)."""
        limit = self._settings.coaching.max_message_chars
        if not message.strip():
            raise InvalidInputError("The message is empty: write what is on your mind.")
        if len(message) > limit:
            raise InvalidInputError(
                f"The message is {len(message):,} characters; the limit is {limit:,}. "
                "Shorten it (the heart of the dilemma is enough) and send it again."
            )

    def _redact_and_gate(
        self, message: str, session_id: str | None, owner: str | None
    ) -> tuple[Transcript, Any, GateDecision]:
        transcript = self._conversations.get(session_id, owner) if session_id else Transcript.new()
        self.on_stage("redact")
        redacted = self._redactor.redact(
            message, placeholders=transcript.placeholders, scope=transcript.id
        )
        self.on_stage("gate")
        vector = self._embedder.embed([redacted.text])[0]
        decision = self._gate.decide(
            redacted.text, vector, after_escalation=after_escalation(transcript)
        )
        if decision.escalated:
            logger.info("safeguarding escalation", extra={"category": decision.category})
        return transcript, redacted, decision

    def _store_message(
        self,
        transcript: Transcript,
        redacted: Any,
        decision: GateDecision,
        requested: RequestedMode,
        owner: str | None,
        local_time: datetime | None,
    ) -> Opened:
        self.on_stage("store_message")
        # A conversation is written with its first message.
        sid, create = transcript.id, not transcript.messages
        if not decision.coaches or decision.about_balcony_only:
            escalated = decision.escalated
            text = gate_reply(decision, self._settings)
            _, reply_id = self._conversations.exchange(
                sid,
                create=create,
                user=NewMessage("user", redacted.text, escalated=escalated),
                reply=NewMessage("assistant", text, escalated=escalated),
                placeholders=redacted.placeholders,
                usage=[("outcome", decision.outcome)],
                owner=owner,
            )
            finished = ChatOutcome(
                sid,
                text,
                None,
                escalated=escalated,
                reason=decision.reason,
                reply_id=reply_id,
                outcome=decision.outcome,
                category=decision.category,
            )
            return Opened(finished=finished)
        history = history_of(transcript)
        mode = choose_mode(
            requested, redacted.text, last_mode(transcript), crisis_now=decision.crisis_now
        )
        # Stored before any provider sees it: a failure later loses nothing.
        message_id, _ = self._conversations.exchange(
            sid,
            create=create,
            user=NewMessage("user", redacted.text, mode=mode, status="pending"),
            placeholders=redacted.placeholders,
            owner=owner,
        )
        follow_up = is_follow_up(redacted.text, bool(history))
        turn = PendingTurn(
            sid, message_id, redacted.text, mode, follow_up, history, decision, local_time
        )
        return Opened(turn=turn)

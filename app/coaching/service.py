"""A chat turn as one pipeline of named stages, each visited once, in the order safety demands:

redact -> gate -> store_message -> retrieve -> generate -> cite -> store_reply

Nothing unredacted reaches the gate's model, the chain, a provider, the store or a log. The
blocking stages (the embedding model, redaction, SQL, retrieval) run in worker threads, so
the event loop keeps answering while a turn is worked on. A whole reply and a streamed one
are the same pipeline: the whole reply is the stream, collected.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Any

from anyio import to_thread
from langchain_core.runnables import Runnable

from app.coaching.chain import ChainInput, Prepared
from app.coaching.cited_stream import CitationStream
from app.coaching.modes import RequestedMode, choose_mode, is_follow_up
from app.coaching.offline import OfflineCoach
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
    lead_line,
    provider_failure,
    sources_event,
)
from app.components.embedding import Embedder
from app.core.config import Settings
from app.core.errors import BalconyError, InvalidInputError, ProviderError
from app.gate.gate import Gate
from app.gate.outcomes import GateDecision
from app.safety.redaction import Redactor
from app.safety.second_opinion import SecondOpinion
from app.storage.conversations import ConversationStore, NewMessage, Transcript

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
    ) -> None:
        self._settings = settings
        self._conversations = conversations
        self._redactor = redactor
        # The same (cached) embedder as retrieval: a first message is embedded once a turn.
        self._embedder = embedder
        self._gate = gate
        self._offline = offline
        self._preparer = preparer
        self._generator = generator
        self._second_opinion = second_opinion
        self._on_outcome = on_outcome or (lambda outcome: None)
        self._on_provider_error = on_provider_error or (lambda kind: None)
        # A tracing hook: called with each stage's name as the turn enters it.
        self.on_stage = on_stage or (lambda stage: None)

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
        opened = await self._open(message, session_id, mode, owner, local_time)
        if opened.finished is not None:
            return opened.finished
        assert opened.turn is not None
        return await self._collect(opened.turn)

    async def stream(
        self,
        message: str,
        *,
        session_id: str | None,
        mode: RequestedMode,
        owner: str | None = None,
        local_time: datetime | None = None,
    ) -> AsyncIterator[StreamEvent]:
        """start (the session id), tokens as the model speaks, then sources, then done (or error).

        Bad input and unknown sessions raise before the first event, so the route can answer
        them as plain JSON errors.
        """
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
            async for piece in self._coach(turn, reply):
                yield StreamEvent("token", {"text": piece})
        except ProviderError as failure:
            yield StreamEvent("error", {"detail": failure.message, "status": failure.status_code})
            return
        outcome = await self._store_reply(turn, reply)
        yield sources_event(outcome)
        yield StreamEvent("done", {"session_id": outcome.session_id})

    async def retry(self, session_id: str, owner: str | None = None) -> ChatOutcome:
        """Answer the last message that is still waiting (after a provider failure)."""
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
        return await self._collect(turn)

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
        transcript, redacted, decision = await to_thread.run_sync(
            self._redact_and_gate, message, session_id, owner
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
        if not decision.coaches:
            escalated = decision.escalated
            text = gate_reply(decision, self._settings.safeguarding)
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
        handled = decision.outcome == "coached_with_safety_line"
        mode = choose_mode(requested, redacted.text, last_mode(transcript), handled_crisis=handled)
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

    async def _coach(self, turn: PendingTurn, reply: ReplyInProgress) -> AsyncIterator[str]:
        """retrieve -> generate: the reply's pieces, citations renumbered as they go."""
        self.on_stage("retrieve")
        try:
            prepared: Prepared = await self._preparer.ainvoke(self._chain_input(turn))
            self.on_stage("generate")
            reply.prepared = prepared
            reply.citations = CitationStream(prepared.request.context.passages)
            lead = lead_line(turn.decision, self._settings)
            opening = [lead, "" if prepared.grounded else self._offline.no_material()]
            for piece in filter(None, opening):
                reply.pieces.append(piece)
                yield piece
            if prepared.grounded:
                async for raw in self._generator.astream(prepared):
                    piece = reply.citations.feed(raw)
                    if piece:
                        reply.pieces.append(piece)
                        yield piece
                rest = reply.citations.close()
                if rest:
                    reply.pieces.append(rest)
                    yield rest
        except BalconyError:
            raise
        except Exception as error:
            raise provider_failure(
                error, self._settings.llm, turn.session_id, self._on_provider_error
            ) from error

    async def _collect(self, turn: PendingTurn) -> ChatOutcome:
        reply = ReplyInProgress()
        async for _ in self._coach(turn, reply):
            pass
        return await self._store_reply(turn, reply)

    async def _store_reply(self, turn: PendingTurn, reply: ReplyInProgress) -> ChatOutcome:
        """cite -> store_reply: the sources the text cites, then the reply is stored."""
        self.on_stage("cite")
        assert reply.citations is not None and reply.prepared is not None
        text = "".join(reply.pieces).strip()
        sources = reply.citations.sources
        tools = reply.citations.tools or list(reply.prepared.request.context.tools)
        self.on_stage("store_reply")
        stored = NewMessage(
            "assistant",
            text,
            mode=turn.mode,
            sources=[s.__dict__ for s in sources],
            tools=tools,
        )
        usage: list[tuple[str, str]] = [("outcome", turn.decision.outcome), ("mode", turn.mode)]
        usage += [("tool", t) for t in tools]
        reply_id = await to_thread.run_sync(
            lambda: self._conversations.finish_turn(
                turn.session_id, turn.message_id, stored, usage=usage
            )
        )
        return ChatOutcome(
            turn.session_id,
            text,
            turn.mode,
            sources,
            reply_id=reply_id,
            outcome=turn.decision.outcome,
            category=turn.decision.category,
        )

    # -- helpers -------------------------------------------------------------------------

    def _chain_input(self, turn: PendingTurn) -> ChainInput:
        return ChainInput(
            message=turn.text,
            mode=turn.mode,
            follow_up=turn.follow_up,
            history=turn.history,
            k=self._settings.coaching.passages,
            local_time=turn.local_time,
        )

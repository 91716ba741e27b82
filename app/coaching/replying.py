"""The reply half of a turn: retrieve -> generate -> cite -> store_reply.

A whole reply and a streamed one share it: the pieces are yielded as the model speaks and
kept in a ReplyInProgress; once they are all in, the reply is stored with what it cites.

When generation is local CPU work (the offline coach), retrieval, context building and the
reply are worked out in one worker thread, in the CPU limiter: one hop off the event loop
instead of three, and the coach's composing no longer runs on the loop itself. With a
language model the chain is awaited step by step, so the loop serves others meanwhile.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable

from anyio import to_thread
from langchain_core.runnables import Runnable

from app.coaching.chain import ChainInput, Prepared, streamed_lines
from app.coaching.cited_stream import CitationStream
from app.coaching.offline import OfflineCoach
from app.coaching.turn import ChatOutcome, PendingTurn, ReplyInProgress, lead_line, provider_failure
from app.core.config import Settings
from app.core.cpu import cpu_limiter
from app.core.errors import BalconyError
from app.storage.conversations import ConversationStore, NewMessage


class ReplyWriter:
    def __init__(
        self,
        *,
        settings: Settings,
        conversations: ConversationStore,
        offline: OfflineCoach,
        preparer: Runnable[ChainInput, Prepared],
        generator: Runnable[Prepared, str],
        on_stage: Callable[[str], None],
        on_provider_error: Callable[[str], None],
        local_generation: bool = False,
    ) -> None:
        self._settings = settings
        # The generator is the offline coach (no model to wait for): see the module's note.
        self._local = local_generation
        self._conversations = conversations
        self._offline = offline
        self._preparer = preparer
        self._generator = generator
        self._on_stage = on_stage
        self._on_provider_error = on_provider_error

    async def pieces(self, turn: PendingTurn, reply: ReplyInProgress) -> AsyncGenerator[str]:
        """retrieve -> generate: the reply's pieces, citations renumbered as they go."""
        self._on_stage("retrieve")
        try:
            lines: list[str] | None = None
            if self._local:
                prepared, lines = await to_thread.run_sync(
                    self._prepare_and_compose,
                    turn,
                    limiter=cpu_limiter(self._settings.coaching.cpu_threads),
                )
            else:
                prepared = await self._preparer.ainvoke(self._chain_input(turn))
                self._on_stage("generate")
            reply.prepared = prepared
            reply.citations = CitationStream(prepared.request.context.passages)
            lead = lead_line(turn.decision, self._settings)
            opening = [lead, "" if prepared.grounded else self._offline.no_material()]
            for piece in filter(None, opening):
                reply.pieces.append(piece)
                yield piece
            if prepared.grounded:
                async for raw in self._generated(prepared, lines):
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

    def _prepare_and_compose(self, turn: PendingTurn) -> tuple[Prepared, list[str]]:
        """retrieve -> generate in this thread: the prepared turn and the reply's lines."""
        prepared: Prepared = self._preparer.invoke(self._chain_input(turn))
        self._on_stage("generate")
        text = self._generator.invoke(prepared) if prepared.grounded else ""
        return prepared, streamed_lines(text)

    async def _generated(self, prepared: Prepared, lines: list[str] | None) -> AsyncIterator[str]:
        """The generator's pieces: the lines composed already, or the model's as they come."""
        if lines is not None:
            for line in lines:
                yield line
            return
        async for raw in self._generator.astream(prepared):
            yield raw

    async def collect(self, turn: PendingTurn) -> ChatOutcome:
        """The whole reply: the stream, collected, then stored."""
        reply = ReplyInProgress()
        async for _ in self.pieces(turn, reply):
            pass
        return await self.store(turn, reply)

    async def store(self, turn: PendingTurn, reply: ReplyInProgress) -> ChatOutcome:
        """cite -> store_reply: the sources the text cites, then the reply is stored."""
        self._on_stage("cite")
        assert reply.citations is not None and reply.prepared is not None
        text = "".join(reply.pieces).strip()
        sources = reply.citations.sources
        tools = reply.citations.tools or list(reply.prepared.request.context.tools)
        self._on_stage("store_reply")
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

    def _chain_input(self, turn: PendingTurn) -> ChainInput:
        return ChainInput(
            message=turn.text,
            mode=turn.mode,
            follow_up=turn.follow_up,
            history=turn.history,
            k=self._settings.coaching.passages,
            local_time=turn.local_time,
        )

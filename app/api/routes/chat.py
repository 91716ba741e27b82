"""POST /v1/chat and /v1/chat/stream: a coaching turn, whole or as server-sent events."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from app.api.deps import ChatServiceDep, OwnerDep
from app.api.errors import GUARDED, error_responses
from app.api.schemas import ChatRequest, ChatResponse, SafeguardingOut, SourceOut
from app.coaching.turn import ChatOutcome, StreamEvent

router = APIRouter(prefix="/v1/chat", tags=["coaching"])

ERRORS = error_responses(*GUARDED, 404, 409, 422, 502, 503, 504)


def to_response(outcome: ChatOutcome) -> ChatResponse:
    return ChatResponse(
        session_id=outcome.session_id,
        reply_id=outcome.reply_id,
        reply=outcome.reply,
        mode=outcome.mode,
        sources=[SourceOut.model_validate(s) for s in outcome.sources],
        safeguarding=SafeguardingOut(escalated=outcome.escalated, reason=outcome.reason),
        outcome=outcome.outcome,
    )


@router.post("", summary="Coach a leader through a dilemma", responses=ERRORS)
async def chat(body: ChatRequest, service: ChatServiceDep, owner: OwnerDep) -> ChatResponse:
    outcome = await service.reply(
        body.message,
        session_id=body.session_id,
        mode=body.mode,
        owner=owner,
        local_time=body.local_time,
    )
    return to_response(outcome)


def _sse(event: StreamEvent) -> str:
    return f"event: {event.event}\ndata: {json.dumps(event.data)}\n\n"


@router.post(
    "/stream",
    summary="The same, as server-sent events: token..., sources, done (or error)",
    responses={200: {"content": {"text/event-stream": {}}}, **ERRORS},
)
async def chat_stream(
    body: ChatRequest, service: ChatServiceDep, owner: OwnerDep
) -> StreamingResponse:
    events = service.stream(
        body.message,
        session_id=body.session_id,
        mode=body.mode,
        owner=owner,
        local_time=body.local_time,
    )
    # Fail before the stream opens (unknown session, bad input) as a plain JSON error.
    first = await anext(events)

    async def body_stream() -> AsyncIterator[str]:
        # Closing the turn's stream at once (a client gone, an error) lets go of the
        # conversation's turn lock now rather than whenever the generator is collected.
        try:
            yield _sse(first)
            async for event in events:
                yield _sse(event)
        finally:
            await events.aclose()

    return StreamingResponse(
        body_stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )

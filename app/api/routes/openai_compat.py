"""POST /v1/chat/completions and GET /v1/models: Balcony as a model for OpenAI-style front-ends.

Open WebUI, LibreChat or a bot on the OpenAI SDK send the whole conversation each time. Only
the last user message is used: it takes the same turn as POST /v1/chat (safeguarding gate,
redaction, retrieval, citations). Earlier turns and the client's system prompt are never given
to a model; ChatService keeps its own redacted history of the Balcony conversation instead.

Which Balcony conversation a request continues: the `X-Balcony-Session` header when the client
sends one (a bot that keeps ids), else the reference line that ends every reply Balcony gave
(front-ends send earlier replies back verbatim), else a new conversation. A reference only
works for the key (and person) that owns the conversation, as everywhere else.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Header, Response, status
from fastapi.responses import StreamingResponse

from app.api.deps import ChatServiceDep, OwnerDep
from app.api.errors import GUARDED, error_responses
from app.api.openai_schemas import (
    MODEL_ID,
    AssistantMessage,
    BalconyExtra,
    Choice,
    ClientMessage,
    Completion,
    CompletionRequest,
    ModelCard,
    ModelList,
    OpenAIError,
    chunk,
)
from app.api.schemas import SafeguardingOut, SourceOut, max_message_chars
from app.coaching.modes import RequestedMode
from app.core.errors import BalconyError, NotFoundError
from app.storage.conversations import SESSION_ID_HEX, SESSION_ID_PATTERN

router = APIRouter(prefix="/v1", tags=["openai-compatible"])

SESSION_HEADER = "X-Balcony-Session"
MODEL_CREATED = 1764460800  # 2025-11-30: a fixed date, so the listing never changes
REFERENCE = re.compile(rf"Balcony conversation ({SESSION_ID_HEX})")
ERRORS = {
    **error_responses(*GUARDED, 404, 409, 500, 502, 503, 504, model=OpenAIError),
    "4XX": {"model": OpenAIError, "description": "Any other bad request, in OpenAI's shape"},
}


class CompletionError(BalconyError):
    """A bad request, with the field OpenAI clients expect in `param`."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, message: str, param: str | None = "messages") -> None:
        super().__init__(message)
        self.param = param


def the_turn(messages: Sequence[ClientMessage]) -> str:
    """The last user message: the only text of the request that is used."""
    if messages[-1].role != "user":
        raise CompletionError("The last message must be the user's: it is the turn to answer.")
    text = messages[-1].text().strip()
    if not text:
        raise CompletionError("The last user message has no text.")
    limit = max_message_chars()
    if len(text) > limit:
        raise CompletionError(
            f"The last user message is longer than {limit:,} characters; "
            "say what is happening more briefly."
        )
    return text


def find_session(messages: Sequence[ClientMessage], header: str | None) -> str | None:
    """The Balcony conversation to continue, or None for a new one."""
    if header is not None:
        if not re.fullmatch(SESSION_ID_PATTERN, header):
            raise CompletionError(
                f"{SESSION_HEADER} must be a session id: 32 lower-case hex characters.", None
            )
        return header
    for message in reversed(messages[:-1]):
        if message.role == "assistant":
            found = REFERENCE.findall(message.text())
            if found:
                return str(found[-1])
    return None


def footer(sources: Sequence[SourceOut], session_id: str) -> str:
    """The sources the [n] markers cite, and the reference that finds this conversation again."""
    lines = [""]
    if sources:
        lines += ["Sources:"] + [
            f"- [{n}] {s.title}: {s.heading} ({s.source})" for n, s in enumerate(sources, 1)
        ]
        lines.append("")
    lines.append(f"_Balcony conversation {session_id}: quote it to have it summarised or erased._")
    return "\n".join(["", *lines])


def _sse(data: dict[str, Any] | str) -> str:
    return f"data: {data if isinstance(data, str) else json.dumps(data)}\n\n"


@router.get("/models", summary="The one model Balcony offers", responses=ERRORS)
def list_models() -> ModelList:
    return ModelList(data=[ModelCard(created=MODEL_CREATED)])


@router.get("/models/{model_id}", summary="One model", responses=ERRORS)
def get_model(model_id: str) -> ModelCard:
    if model_id != MODEL_ID:
        raise NotFoundError(f"The model '{model_id}' does not exist; use '{MODEL_ID}'.")
    return ModelCard(created=MODEL_CREATED)


@router.post(
    "/chat/completions",
    summary="A coaching turn in OpenAI's chat-completions shape (plain or streamed)",
    response_model=Completion,
    responses={
        200: {
            "description": "The reply; with `stream: true`, OpenAI's chunks as server-sent "
            "events ending with `data: [DONE]`.",
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
        },
        **ERRORS,
    },
)
async def chat_completions(
    body: CompletionRequest,
    service: ChatServiceDep,
    owner: OwnerDep,
    response: Response,
    session_header: Annotated[
        str | None,
        Header(
            alias=SESSION_HEADER,
            description="Continue this Balcony conversation (returned in the same header).",
        ),
    ] = None,
) -> Completion | StreamingResponse:
    if body.model != MODEL_ID:
        raise NotFoundError(f"The model '{body.model}' does not exist; use '{MODEL_ID}'.")
    text = the_turn(body.messages)
    session_id = find_session(body.messages, session_header)
    # A reference in an old reply may name a conversation since erased or expired: start a new
    # one then (the client's copy of the old turns is still never used). An id asked for by
    # header is the caller's choice, so a missing one is an error.
    fresh_if_gone = session_header is None
    if body.stream:
        return await _stream(service, text, session_id, body.mode, owner, fresh_if_gone)
    try:
        outcome = await service.reply(text, session_id=session_id, mode=body.mode, owner=owner)
    except NotFoundError:
        if not (fresh_if_gone and session_id):
            raise
        outcome = await service.reply(text, session_id=None, mode=body.mode, owner=owner)
    sources = [SourceOut.model_validate(s) for s in outcome.sources]
    response.headers[SESSION_HEADER] = outcome.session_id
    suffix = f"-{outcome.reply_id}" if outcome.reply_id is not None else ""
    return Completion(
        id=f"chatcmpl-{outcome.session_id}{suffix}",
        created=int(time.time()),
        choices=[
            Choice(
                message=AssistantMessage(
                    content=outcome.reply + footer(sources, outcome.session_id)
                )
            )
        ],
        balcony=BalconyExtra(
            session_id=outcome.session_id,
            reply_id=outcome.reply_id,
            mode=outcome.mode,
            sources=sources,
            safeguarding=SafeguardingOut(escalated=outcome.escalated, reason=outcome.reason),
        ),
    )


async def _stream(
    service: ChatServiceDep,
    text: str,
    session_id: str | None,
    mode: RequestedMode,
    owner: str | None,
    fresh_if_gone: bool,
) -> StreamingResponse:
    events = service.stream(text, session_id=session_id, mode=mode, owner=owner)
    # Fail before the stream opens (unknown session, bad input) as a plain error response.
    try:
        first = await anext(events)
    except NotFoundError:
        if not (fresh_if_gone and session_id):
            raise
        session_id = None
        events = service.stream(text, session_id=None, mode=mode, owner=owner)
        first = await anext(events)
    known = session_id or first.data.get("session_id")
    # A new conversation's id is known only once the reply is stored; its chunks get their own.
    completion_id = f"chatcmpl-{known or uuid.uuid4().hex}"
    created = int(time.time())

    async def body_stream() -> AsyncIterator[str]:
        try:
            yield _sse(chunk(completion_id, created, {"role": "assistant", "content": ""}))
            extra: dict[str, Any] = {}
            event = first
            while True:
                if event.event == "token":
                    yield _sse(chunk(completion_id, created, {"content": event.data["text"]}))
                elif event.event == "sources":
                    extra = dict(event.data)
                    sources = [SourceOut(**s) for s in extra.get("sources", [])]
                    tail = footer(sources, str(extra["session_id"]))
                    yield _sse(chunk(completion_id, created, {"content": tail}))
                elif event.event == "error":
                    message = str(event.data.get("detail", "The language model failed."))
                    yield _sse({"error": {"message": message, "type": "server_error"}})
                    yield _sse("[DONE]")
                    return
                next_event = await anext(events, None)
                if next_event is None:
                    break
                event = next_event
            last = chunk(completion_id, created, {}, finish="stop")
            last["balcony"] = extra
            yield _sse(last)
            yield _sse("[DONE]")
        finally:
            # Lets go of the conversation's turn lock as soon as the reply ends.
            await events.aclose()

    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    if known:
        headers[SESSION_HEADER] = str(known)
    return StreamingResponse(body_stream(), media_type="text/event-stream", headers=headers)

"""A conversation: read the stored (redacted) transcript, retry, or erase it."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from app.api.deps import ChatServiceDep, ConversationsDep, OwnerDep
from app.api.routes.chat import ERRORS, to_response
from app.api.schemas import ChatResponse, MessageOut, SessionIdPath, TranscriptOut

router = APIRouter(prefix="/v1/sessions", tags=["conversations"])


@router.get("/{session_id}", summary="The stored, redacted transcript", responses=ERRORS)
def get_session(
    conversations: ConversationsDep, owner: OwnerDep, session_id: SessionIdPath
) -> TranscriptOut:
    transcript = conversations.get(session_id, owner)
    return TranscriptOut(
        session_id=transcript.id,
        created_at=transcript.created_at,
        updated_at=transcript.updated_at,
        messages=[MessageOut.model_validate(m) for m in transcript.messages],
    )


@router.delete(
    "/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Erase a conversation (the person's right to erasure)",
    responses=ERRORS,
)
def delete_session(
    conversations: ConversationsDep, owner: OwnerDep, session_id: SessionIdPath
) -> Response:
    conversations.delete(session_id, owner)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{session_id}/retry",
    summary="Answer the message still waiting after a provider failure",
    responses=ERRORS,
)
async def retry(
    service: ChatServiceDep, owner: OwnerDep, session_id: SessionIdPath
) -> ChatResponse:
    return to_response(await service.retry(session_id, owner))

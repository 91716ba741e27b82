"""A conversation's reflection summary, to take to supervision (JSON or Markdown)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from app.api.deps import CatalogueDep, ConversationsDep, OwnerDep
from app.api.routes.chat import ERRORS
from app.api.schemas import SessionIdPath
from app.coaching.summary import as_markdown, summarise

router = APIRouter(prefix="/v1/sessions", tags=["conversations"])


class ToolOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    tool_id: str = Field(examples=["slow-thinking"])
    title: str = Field(examples=["Slow thinking in a crisis"])


class SummaryOut(BaseModel):
    """Redacted: names and identifying details are said as roles, escalations only noted."""

    model_config = ConfigDict(from_attributes=True)

    session_id: str
    dilemma: str | None = Field(
        description="The dilemma in the leader's own (redacted) words.",
        examples=["A child's placement broke down and my team are exhausted."],
    )
    tools: list[ToolOut]
    steps: list[str] = Field(
        description="Steps the leader chose or said they would try, and coach's steps taken up."
    )
    open_questions: list[str]
    escalations: list[str] = Field(examples=[["An escalation happened; follow the procedure."]])


@router.get(
    "/{session_id}/summary",
    summary="A redacted reflection summary to take to supervision",
    response_model=SummaryOut,
    responses={200: {"content": {"text/markdown": {}}}, **ERRORS},
)
def get_summary(
    conversations: ConversationsDep,
    catalogue: CatalogueDep,
    owner: OwnerDep,
    session_id: SessionIdPath,
    output: Literal["json", "markdown"] = Query(
        "json", alias="format", description="json, or markdown for text/markdown."
    ),
) -> SummaryOut | Response:
    summary = summarise(conversations.get(session_id, owner), catalogue)
    if output == "markdown":
        return Response(as_markdown(summary), media_type="text/markdown; charset=utf-8")
    return SummaryOut.model_validate(summary)

"""Feedback on a reply, and anonymised insights for facilitators."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.api.deps import InsightsDep, OwnerDep
from app.api.errors import GUARDED, error_responses
from app.api.schemas import Rfc3339Datetime, StrictModel
from app.insights.service import MIN_CELL
from app.storage.conversations import SESSION_ID_PATTERN

feedback_router = APIRouter(prefix="/v1/feedback", tags=["feedback"])
insights_router = APIRouter(prefix="/v1/insights", tags=["facilitator"])


class FeedbackRequest(StrictModel):
    session_id: str = Field(pattern=SESSION_ID_PATTERN)
    reply_id: int = Field(ge=1, le=2**53 - 1, description="The reply_id returned by POST /v1/chat.")
    helpful: bool
    comment: Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)] | None = (
        Field(default=None, description="Optional; personal data is removed before it is stored.")
    )


class FeedbackResponse(BaseModel):
    feedback_id: int
    stored_comment: str | None = Field(description="The comment as stored, after redaction.")


class WeekOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    week_starting: date
    tools: dict[str, int | None] = Field(
        description="Tools drawn on in coaching; null = fewer than 5."
    )
    modes: dict[str, int | None]
    escalations: int | None
    feedback: dict[str, int | None]


class InsightsResponse(BaseModel):
    from_: datetime = Field(alias="from")
    to: datetime
    minimum_cell: int = Field(description="Counts below this are withheld (null).")
    weeks: list[WeekOut]


@feedback_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Rate a reply",
    responses=error_responses(*GUARDED, 404, 422),
)
def give_feedback(body: FeedbackRequest, service: InsightsDep, owner: OwnerDep) -> FeedbackResponse:
    stored = service.record_feedback(
        session_id=body.session_id,
        reply_id=body.reply_id,
        helpful=body.helpful,
        comment=body.comment,
        owner=owner,
    )
    return FeedbackResponse(feedback_id=stored.feedback_id, stored_comment=stored.comment)


@insights_router.get(
    "",
    summary="Weekly counts of tools, modes, escalations and ratings",
    responses=error_responses(*GUARDED, 422),
)
def insights(
    service: InsightsDep,
    from_: Annotated[Rfc3339Datetime | None, Query(alias="from")] = None,
    to: Annotated[Rfc3339Datetime | None, Query()] = None,
) -> InsightsResponse:
    start, end, weeks = service.weekly(from_, to)
    return InsightsResponse.model_validate(
        {
            "from": start,
            "to": end,
            "minimum_cell": MIN_CELL,
            "weeks": weeks,
        }
    )

"""POST /v1/facilitator/plan and GET /v1/facilitator/prompts: preparing a programme session."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query
from fastapi.responses import Response

from app.api.deps import PlannerDep
from app.api.errors import GUARDED, error_responses
from app.facilitator.markdown import render_plan_markdown
from app.facilitator.schemas import MAX_FOCUS_CHARS, PlanRequest, PromptCards, SessionPlan

router = APIRouter(prefix="/v1/facilitator", tags=["facilitator"])

MARKDOWN = "text/markdown"
# 422 also for an unknown tool id (the valid ids are listed); 503 for an empty index.
_ERRORS = error_responses(*GUARDED, 422, 503)


def _preference(accept: str, media_type: str) -> tuple[float, int]:
    """The q-value Accept gives a media type, and minus its position (earlier wins a tie)."""
    best = (0.0, 0)
    ranges = (media_type, f"{media_type.split('/')[0]}/*", "*/*")
    for position, part in enumerate(accept.lower().split(",")):
        kind, *params = (p.strip() for p in part.split(";"))
        if kind not in ranges:
            continue
        q = 1.0
        for name, _, value in (p.partition("=") for p in params):
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        best = max(best, (q, -position))
    return best


def wants_markdown(accept: str | None) -> bool:
    """True when the Accept header prefers text/markdown to JSON."""
    if not accept:
        return False
    markdown, json = _preference(accept, MARKDOWN), _preference(accept, "application/json")
    return markdown[0] > 0 and markdown > json


@router.post(
    "/plan",
    summary="Plan a programme session from the material",
    response_model=SessionPlan,
    responses={
        200: {
            "description": "The plan as JSON, or as printable Markdown when asked for.",
            "content": {MARKDOWN: {"schema": {"type": "string"}}},
        },
        **_ERRORS,
    },
)
def plan_session(
    body: PlanRequest,
    planner: PlannerDep,
    format: Annotated[
        Literal["json", "markdown"] | None,
        Query(description="'markdown' for a printable plan; or send Accept: text/markdown."),
    ] = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> SessionPlan | Response:
    """Objectives, a timed running order that adds up to the duration, materials and sources.

    Leave out `tools` to have them chosen from the focus. Every segment cites the headings of
    the material it uses.
    """
    plan = planner.plan(body)
    if format == "markdown" or (format is None and wants_markdown(accept)):
        return Response(render_plan_markdown(plan), media_type=f"{MARKDOWN}; charset=utf-8")
    return plan


@router.get(
    "/prompts", summary="Prompt cards for one tool", response_model=PromptCards, responses=_ERRORS
)
def prompts(
    planner: PlannerDep,
    tool: Annotated[str, Query(min_length=1, max_length=100, description="A tool id.")],
    count: Annotated[int, Query(ge=1, le=20, description="How many prompts, 1 to 20.")] = 5,
    focus: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=MAX_FOCUS_CHARS,
            description="The team's challenge: prompts are then ranked by how well they fit it.",
        ),
    ] = None,
) -> PromptCards:
    """Discussion prompts and reflective questions from the tool's material, with headings."""
    return planner.cards(tool.strip(), count, focus.strip() or None if focus else None)

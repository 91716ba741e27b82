"""POST /v1/retrieve: the passages of the programme's material that fit a query."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import RetrieverDep
from app.api.errors import GUARDED, error_responses
from app.api.schemas import RetrievedPassage, RetrieveRequest, RetrieveResponse

router = APIRouter(prefix="/v1/retrieve", tags=["retrieval"])


@router.post(
    "",
    summary="Find the material that fits a dilemma",
    responses=error_responses(*GUARDED, 422, 503),
)
def retrieve(body: RetrieveRequest, retriever: RetrieverDep) -> RetrieveResponse:
    passages = retriever.retrieve(body.query, k=body.k)
    return RetrieveResponse(
        results=[
            RetrievedPassage(
                tool_id=p.tool_id,
                title=p.title,
                heading=p.heading,
                source=p.source,
                text=p.text,
                score=round(p.score, 6),
            )
            for p in passages
        ]
    )

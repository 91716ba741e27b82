"""GET /v1/tools and /v1/tools/{tool_id}: the catalogue of the programme's tools."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import CatalogueDep
from app.api.errors import GUARDED, error_responses
from app.api.schemas import ToolDetail, ToolList, ToolSummary

router = APIRouter(prefix="/v1/tools", tags=["tools"])


@router.get("", summary="List the tools and the case study", responses=error_responses(*GUARDED))
def list_tools(catalogue: CatalogueDep) -> ToolList:
    return ToolList(tools=[ToolSummary.model_validate(t) for t in catalogue.all()])


@router.get("/{tool_id}", summary="One tool in full", responses=error_responses(*GUARDED, 404, 422))
def show_tool(tool_id: str, catalogue: CatalogueDep) -> ToolDetail:
    return ToolDetail.model_validate(catalogue.get(tool_id))

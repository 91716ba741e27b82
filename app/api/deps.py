"""Dependencies as Annotated aliases, so route signatures read like prose.

A route takes the one service its feature offers, never the whole composition root.
Those that only look an attribute up are `async def`: FastAPI runs a plain `def` dependency
in its thread pool, a hop there and back for each, on every request. Readiness does I/O
(it pings the store), so it stays a plain function and runs in the pool.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.catalogue.tools import Catalogue
from app.coaching.service import ChatService
from app.facilitator.planner import Planner
from app.ingest.library import Library
from app.insights.desk import Insights
from app.retrieval.hybrid import HybridRetriever
from app.services import Readiness, Services
from app.storage.conversations import ConversationStore


def _services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def get_retriever(request: Request) -> HybridRetriever:
    return _services(request).retriever


async def get_catalogue(request: Request) -> Catalogue:
    return _services(request).catalogue


async def get_chat(request: Request) -> ChatService:
    return _services(request).chat


async def get_conversations(request: Request) -> ConversationStore:
    return _services(request).conversations


async def get_library(request: Request) -> Library:
    return _services(request).library


async def get_planner(request: Request) -> Planner:
    return _services(request).planner


async def get_insights(request: Request) -> Insights:
    return _services(request).insights


def get_readiness(request: Request) -> Readiness:
    return _services(request).readiness()


async def get_owner(request: Request) -> str | None:
    """Who owns the conversations this request touches: the person the access check found
    (key and browser, or the signed-in user); None with auth off and no trusted user."""
    owner: str | None = getattr(request.state, "owner", None)
    return owner


RetrieverDep = Annotated[HybridRetriever, Depends(get_retriever)]
CatalogueDep = Annotated[Catalogue, Depends(get_catalogue)]
ChatServiceDep = Annotated[ChatService, Depends(get_chat)]
ConversationsDep = Annotated[ConversationStore, Depends(get_conversations)]
LibraryDep = Annotated[Library, Depends(get_library)]
PlannerDep = Annotated[Planner, Depends(get_planner)]
InsightsDep = Annotated[Insights, Depends(get_insights)]
ReadinessDep = Annotated[Readiness, Depends(get_readiness)]
OwnerDep = Annotated[str | None, Depends(get_owner)]

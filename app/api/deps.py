"""Dependencies as Annotated aliases, so route signatures read like prose."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.catalogue.tools import Catalogue
from app.coaching.service import ChatService
from app.retrieval.hybrid import HybridRetriever
from app.services import Services
from app.storage.conversations import ConversationStore


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_retriever(request: Request) -> HybridRetriever:
    return get_services(request).retriever


def get_catalogue(request: Request) -> Catalogue:
    return get_services(request).catalogue


def get_chat(request: Request) -> ChatService:
    return get_services(request).chat


def get_conversations(request: Request) -> ConversationStore:
    return get_services(request).conversations


def get_owner(request: Request) -> str | None:
    """Who owns the conversations this request touches: the person the access check found
    (key and browser, or the signed-in user); None with auth off and no trusted user."""
    owner: str | None = getattr(request.state, "owner", None)
    return owner


ServicesDep = Annotated[Services, Depends(get_services)]
RetrieverDep = Annotated[HybridRetriever, Depends(get_retriever)]
CatalogueDep = Annotated[Catalogue, Depends(get_catalogue)]
ChatServiceDep = Annotated[ChatService, Depends(get_chat)]
ConversationsDep = Annotated[ConversationStore, Depends(get_conversations)]
OwnerDep = Annotated[str | None, Depends(get_owner)]

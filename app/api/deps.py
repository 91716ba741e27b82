"""Dependencies as Annotated aliases, so route signatures read like prose."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.catalogue.tools import Catalogue
from app.retrieval.hybrid import HybridRetriever
from app.services import Services


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_retriever(request: Request) -> HybridRetriever:
    return get_services(request).retriever


def get_catalogue(request: Request) -> Catalogue:
    return get_services(request).catalogue


ServicesDep = Annotated[Services, Depends(get_services)]
RetrieverDep = Annotated[HybridRetriever, Depends(get_retriever)]
CatalogueDep = Annotated[Catalogue, Depends(get_catalogue)]

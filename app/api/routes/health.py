"""Liveness, readiness and metrics, for the intranet team's monitoring."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST

from app.api.deps import ServicesDep
from app.api.schemas import Readiness

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="The process is alive")
async def healthz() -> dict[str, str]:
    # On the event loop itself: no hop to the thread pool, where turns queue under load.
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="The index is loaded and the store is reachable",
    responses={
        200: {"model": Readiness, "description": "Ready"},
        503: {"model": Readiness, "description": "Not ready: `detail` says what to fix"},
    },
)
def readyz(services: ServicesDep) -> JSONResponse:
    reachable = services.store.ping()
    passages = services.retriever.size
    ready = reachable and passages > 0
    body: dict[str, object] = {
        "status": "ready" if ready else "not ready",
        "store_reachable": reachable,
        "passages": passages,
        "tools": len(services.catalogue.tools()),
    }
    if not ready:
        body["detail"] = (
            "The vector store is unreachable; check Chroma."
            if not reachable
            else "The index is empty; run `balcony ingest`."
        )
    return JSONResponse(body, status_code=200 if ready else 503)


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    # Every worker's counts when `balcony serve` runs several (see app/core/metrics.py).
    return Response(request.app.state.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

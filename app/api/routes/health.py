"""Liveness, readiness and metrics, for the intranet team's monitoring."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST

from app.api.deps import ReadinessDep
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
def readyz(readiness: ReadinessDep) -> JSONResponse:
    body: dict[str, object] = {
        "status": "ready" if readiness.ready else "not ready",
        "store_reachable": readiness.store_reachable,
        "passages": readiness.passages,
        "tools": readiness.tools,
    }
    if not readiness.ready:
        body["detail"] = readiness.detail
    return JSONResponse(body, status_code=200 if readiness.ready else 503)


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    # Every worker's counts when `balcony serve` runs several (see app/core/metrics.py).
    return Response(request.app.state.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

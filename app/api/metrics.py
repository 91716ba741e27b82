"""Record every request's count and latency by route template (never by raw path)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

Endpoint = Callable[[Request], Awaitable[Response]]


def install_metrics(app: FastAPI) -> None:
    @app.middleware("http")
    async def record(request: Request, call_next: Endpoint) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        metrics = getattr(request.app.state, "metrics", None)
        if metrics is not None:
            route = request.scope.get("route")
            template = getattr(route, "path", "unmatched")
            metrics.requests.labels(request.method, template, str(response.status_code)).inc()
            metrics.latency.labels(template).observe(time.perf_counter() - started)
        return response

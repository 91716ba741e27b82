"""Plain ASGI middleware: security headers and request metrics, without a per-request wrapper
object (FastAPI's @app.middleware("http") costs about a millisecond each on this machine)."""

from __future__ import annotations

import logging
import time

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.metrics import Metrics

logger = logging.getLogger("balcony.access")
WIDGET_FRAME_PATH = "/widget"


def security_headers(path: str, *, ancestors: str, production: bool) -> dict[str, str]:
    """The headers every response carries, by path.

    Only the widget's frame may be embedded by the allowed intranet origins (`ancestors`);
    every other page may be framed by Balcony itself at most.
    """
    ancestors = ancestors if path == WIDGET_FRAME_PATH else "'self'"
    if path == "/docs":
        # Swagger UI starts itself with an inline script; its files are served locally.
        csp = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            "script-src 'self' 'unsafe-inline'; connect-src 'self'; "
            f"frame-ancestors {ancestors}"
        )
    else:
        csp = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            f"script-src 'self'; connect-src 'self'; frame-ancestors {ancestors}; "
            "base-uri 'none'; form-action 'self'"
        )
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Content-Security-Policy": csp,
    }
    if path.startswith("/v1/"):
        # Conversations are sensitive: never cache them in a shared or browser cache.
        headers["Cache-Control"] = "no-store"
    if production:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    return headers


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, frame_ancestors: list[str], production: bool) -> None:
        self.app = app
        self.ancestors = " ".join(["'self'", *frame_ancestors])
        self.production = production

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(
            scope["path"], ancestors=self.ancestors, production=self.production
        )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _template(scope: Scope) -> str:
    """The route template; plain Starlette routes (e.g. /openapi.json) leave none in the scope."""
    from starlette.routing import Match

    route = scope.get("route")
    if route is None:
        routes = getattr(getattr(scope["app"], "router", None), "routes", ())
        route = next((r for r in routes if r.matches(scope)[0] == Match.FULL), None)
    return str(getattr(route, "path", None) or "unmatched")


class MetricsMiddleware:
    """Count requests and time them by route template (never by raw path: ids are personal)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_recording(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_recording)
        finally:
            seconds = time.perf_counter() - started
            template = _template(scope)
            metrics: Metrics | None = getattr(scope["app"].state, "metrics", None)
            if metrics is not None:
                metrics.requests.labels(scope["method"], template, str(status)).inc()
                metrics.latency.labels(template).observe(seconds)
            # The access log: route template and status only, never a path, query or body.
            logger.info(
                "request",
                extra={
                    "method": scope["method"],
                    "route": template,
                    "status": status,
                    "ms": round(seconds * 1000, 1),
                },
            )

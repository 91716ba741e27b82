"""The ASGI application: `app = create_app()`; heavy parts are built in the lifespan."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from app.api.docs import install_docs
from app.api.errors import install_error_handlers
from app.api.main import api_router
from app.api.middleware import MetricsMiddleware, SecurityHeadersMiddleware
from app.api.security import VISITOR_HEADER
from app.core.config import Settings, get_settings
from app.services import Services, build_services
from app.storage.retention import purge_forever
from app.web.pages import STATIC_DIR
from app.web.pages import router as pages_router

DESCRIPTION = """Balcony is a reflection coach for leaders in children's social care.
It retrieves the leadership programme's tools (VUCA, hard and soft power, the balcony and
the dance floor, slow thinking, ...) and coaches a leader through a real dilemma, citing
the material. It coaches; it never makes a casework decision."""


def create_app(
    settings: Settings | None = None,
    services: Services | None = None,
    on_started: Callable[[], None] | None = None,
) -> FastAPI:
    """Build the app; tests pass ready-made services to share one embedding model.

    `on_started` runs once the services are built (or failed to build): a serve worker
    lets the next worker start then (app/worker.py)."""
    settings = settings or (services.settings if services else get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            built = services or build_services(settings)
        finally:
            if on_started is not None:
                on_started()
        app.state.services = built
        app.state.metrics = built.metrics
        purging = asyncio.create_task(
            purge_forever(built.conversations, built.settings.database.retention_days)
        )
        yield
        purging.cancel()

    app = FastAPI(
        title="Balcony",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        # The default pages load from a CDN; /docs is served from local files instead.
        docs_url=None,
        redoc_url=None,
    )
    install_docs(app)
    app.state.settings = settings
    app.add_middleware(MetricsMiddleware)
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "Accept", VISITOR_HEADER],
            expose_headers=["Retry-After"],
        )
    # Added last, so outermost: CORS preflight answers carry the headers too.
    app.add_middleware(
        SecurityHeadersMiddleware,
        frame_ancestors=settings.cors_origins,
        production=settings.environment == "production",
    )
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


app = create_app()

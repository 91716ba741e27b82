"""`balcony serve`: the HTTP API and the web chat under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from app.cli.common import load_settings
from app.core.logging import configure_logging


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API (and the web chat) with uvicorn."""
    import uvicorn

    settings = load_settings()
    configure_logging(settings.log_level)
    if workers > 1:
        uvicorn.run(
            "app.main:app",
            host=host,
            port=port,
            workers=workers,
            log_config=None,
            access_log=False,
        )
    else:
        from app.main import create_app

        # uvicorn's access log prints query strings, which may hold personal data:
        # requests are logged by route template in app/api/middleware.py instead.
        uvicorn.run(create_app(settings), host=host, port=port, log_config=None, access_log=False)

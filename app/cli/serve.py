"""`balcony serve`: the HTTP API and the web chat under uvicorn, one worker per core."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from app.cli.common import load_settings
from app.core.logging import configure_logging
from app.worker import LOCK_ENV


def cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (default: one per core).")
    ] = None,
) -> None:
    """Serve the HTTP API (and the web chat) with uvicorn."""
    import uvicorn

    settings = load_settings()
    configure_logging(settings.log_level)
    workers = workers or cores()
    # uvicorn's access log prints query strings, which may hold personal data:
    # requests are logged by route template in app/api/middleware.py instead.
    if workers > 1:
        from app.core.metrics import prepare_multiprocess

        # Before any worker imports prometheus-client: /metrics then adds up all of them.
        prepare_multiprocess(settings.data_dir / "metrics")
        # The workers build their apps one at a time (app/worker.py): the first is ready sooner.
        lock = settings.data_dir / "worker-start.lock"
        lock.write_text("")
        os.environ[LOCK_ENV] = str(lock)
        uvicorn.run(
            "app.worker:create_worker_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_config=None,
            access_log=False,
        )
    else:
        from app.main import create_app

        uvicorn.run(create_app(settings), host=host, port=port, log_config=None, access_log=False)

"""A `balcony serve` worker's app, built while no other worker of the same server is building
its own.

Each worker imports the stack and loads the embedding model (a few seconds of CPU). Started
together on a two-core machine, the workers share the cores and all become ready late; taking
turns, the first answers in the time one worker needs and the others follow. The turn is a
file lock in the data folder, taken before the heavy imports and given up once the worker's
services are built (or after `TURN_WAIT_SECONDS`, so a worker that hangs never holds the rest
back for long). Each turn is noted in the lock file (pid, taken, given up; wall-clock
seconds), which `balcony serve` empties at start. This module imports only the standard
library until the lock is held.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

# Set by `balcony serve` for its workers: the lock file they take turns on.
LOCK_ENV = "BALCONY_START_LOCK"
TURN_WAIT_SECONDS = 120.0
_POLL_SECONDS = 0.05


def take_turn(path: Path, wait_seconds: float = TURN_WAIT_SECONDS) -> IO[str] | None:
    """Hold the start lock at `path`: the open file, or None if it stayed taken for
    `wait_seconds` (the caller then starts anyway)."""
    handle = path.open("a")
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            _note(handle, "took")
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                return None
            time.sleep(_POLL_SECONDS)


def end_turn(handle: IO[str] | None) -> None:
    """Let the next worker start (closing the file also happens if this process dies)."""
    if handle is not None and not handle.closed:
        _note(handle, "gave")
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def _note(handle: IO[str], event: str) -> None:
    handle.write(f"{os.getpid()} {event} {time.time():.3f}\n")
    handle.flush()


def create_worker_app() -> FastAPI:
    """uvicorn's app factory for each worker (`app.worker:create_worker_app`)."""
    lock = os.environ.get(LOCK_ENV)
    turn = take_turn(Path(lock)) if lock else None
    try:
        from app.main import create_app

        return create_app(on_started=lambda: end_turn(turn))
    except BaseException:
        end_turn(turn)
        raise

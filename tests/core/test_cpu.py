"""The CPU limiter: one per event loop, as wide as coaching.cpu_threads, and really a limit."""

from __future__ import annotations

import threading
import time

import anyio
from anyio import to_thread

from app.core.config import CoachingSettings
from app.core.cpu import cpu_limiter


def test_one_limiter_per_loop_sized_from_the_setting() -> None:
    async def twice() -> tuple[object, object, float]:
        first = cpu_limiter(CoachingSettings().cpu_threads)
        return first, cpu_limiter(CoachingSettings().cpu_threads), first.total_tokens

    first, second, tokens = anyio.run(twice)
    assert first is second
    assert tokens == 1  # the default: one CPU-heavy stage per worker at a time
    other, _, _ = anyio.run(twice)
    assert other is not first  # a new event loop gets its own


def test_no_more_threads_than_tokens_run_at_once() -> None:
    running, most = 0, 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.02)
        with lock:
            running -= 1

    async def many() -> None:
        async with anyio.create_task_group() as group:
            for _ in range(8):
                group.start_soon(lambda: to_thread.run_sync(work, limiter=cpu_limiter(2)))

    anyio.run(many)
    assert most == 2

"""One limiter per process for the CPU-heavy stages of a turn (redaction, embedding, the gate).

Without it those stages share anyio's default pool of 40 threads: on a two-core machine
dozens of busy threads per worker take turns at the GIL with the event loop's thread, and
`/healthz` (and every other quick request) waits behind them. A few threads do the same
work as fast, because two cores cannot run more at once; the rest of a turn's requests wait
their turn in line, off the event loop. Quick SQL keeps anyio's default pool, so a turn
waiting on a database lock never holds a place here.
"""

from __future__ import annotations

from anyio import CapacityLimiter
from anyio.lowlevel import RunVar

# One per event loop (a worker process runs one): a limiter belongs to the loop it serves.
_LIMITER: RunVar[CapacityLimiter] = RunVar("balcony_cpu_limiter")


def cpu_limiter(threads: int) -> CapacityLimiter:
    """The running event loop's limiter for CPU-heavy work, `threads` wide.

    Made on first use; every caller passes the same setting (coaching.cpu_threads), and a
    later call with another value resizes it (existing holders keep their places).
    """
    try:
        limiter = _LIMITER.get()
    except LookupError:
        limiter = CapacityLimiter(threads)
        _LIMITER.set(limiter)
        return limiter
    if limiter.total_tokens != threads:
        limiter.total_tokens = threads
    return limiter

"""Requests per minute per caller, over a moving window, shared by every worker through Redis.

With a Redis URL every worker and replica counts against one budget per caller; without
one the counts live in this process's memory, which is right for a single process only
(N workers would each allow the full limit). If Redis stops answering, each process goes
on limiting from its own memory rather than refusing or waving every request through.
"""

from __future__ import annotations

import logging
import math
import time

from limits import RateLimitItemPerMinute
from limits.errors import StorageError
from limits.storage import MemoryStorage, RedisStorage
from limits.strategies import MovingWindowRateLimiter

logger = logging.getLogger(__name__)

# A request must not hang on a slow Redis: past this it is limited from memory instead.
REDIS_TIMEOUT_SECONDS = 0.5
# After a failure Redis is left alone this long, so an outage costs one timeout, not one a request.
RETRY_REDIS_SECONDS = 5.0
WARN_EVERY_SECONDS = 60.0


class RateLimiter:
    def __init__(
        self, per_minute: int, redis_url: str | None = None, *, key_prefix: str = "balcony"
    ) -> None:
        self._item = RateLimitItemPerMinute(per_minute) if per_minute > 0 else None
        self._local = MovingWindowRateLimiter(MemoryStorage())
        self._shared: MovingWindowRateLimiter | None = None
        if redis_url:
            storage = RedisStorage(
                redis_url,
                key_prefix=f"{key_prefix}:rate",
                wrap_exceptions=True,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            )
            self._shared = MovingWindowRateLimiter(storage)
        self._redis_down_until = -math.inf
        self._warned_at = -math.inf

    @property
    def enabled(self) -> bool:
        return self._item is not None

    @property
    def shared(self) -> bool:
        """Whether the budget is counted in Redis, across processes."""
        return self._shared is not None

    def check(self, caller: str) -> float:
        """Count one request; return 0 when allowed, else the whole seconds to wait."""
        if self._item is None:
            return 0.0
        if self._shared is not None and time.monotonic() >= self._redis_down_until:
            try:
                return self._take(self._shared, caller)
            except StorageError as error:
                self._redis_down_until = time.monotonic() + RETRY_REDIS_SECONDS
                self._warn(error)
        return self._take(self._local, caller)

    def _take(self, limiter: MovingWindowRateLimiter, caller: str) -> float:
        assert self._item is not None
        if limiter.hit(self._item, caller):
            return 0.0
        # The window's oldest request leaves at reset_time, freeing one place.
        reset_time = limiter.get_window_stats(self._item, caller).reset_time
        return float(max(math.ceil(reset_time - time.time()), 1))

    def _warn(self, error: StorageError) -> None:
        now = time.monotonic()
        if now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            logger.warning(
                "Redis did not answer for rate limits (%s); limiting from this process's "
                "memory until it does",
                type(error.storage_error).__name__,
            )


def retry_message(seconds: float) -> str:
    """The 429 detail: 'try again in 1 second', 'in 12 seconds'."""
    whole = max(math.ceil(seconds), 1)
    return f"Too many requests; try again in {whole} second{'' if whole == 1 else 's'}."

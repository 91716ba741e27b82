"""A token bucket per caller: steady requests pass, bursts are told when to come back."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

MAX_CALLERS = 10_000  # bounded memory: the oldest buckets are forgotten first


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(self, per_minute: int) -> None:
        self._rate = per_minute / 60.0
        self._capacity = float(per_minute)
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self._capacity > 0

    def check(self, caller: str, *, now: float | None = None) -> float:
        """Take one token; return 0 when allowed, else the seconds to wait."""
        if not self.enabled:
            return 0.0
        now = time.monotonic() if now is None else now
        with self._lock:
            bucket = self._buckets.pop(caller, None) or _Bucket(self._capacity, now)
            bucket.tokens = min(self._capacity, bucket.tokens + (now - bucket.updated) * self._rate)
            bucket.updated = now
            self._buckets[caller] = bucket  # re-inserted last: dict order is recency
            if len(self._buckets) > MAX_CALLERS:
                self._buckets.pop(next(iter(self._buckets)))
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return max(math.ceil((1 - bucket.tokens) / self._rate), 1)

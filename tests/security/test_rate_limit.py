"""Rate limits: one budget per caller across workers through Redis, or per process in memory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.security.rate_limit import RateLimiter, retry_message
from tests.storage.servers import REDIS_URL, redis_prefix

# Nothing listens on port 1: a Redis that is down.
DOWN_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def prefix() -> Iterator[str]:
    with redis_prefix() as value:
        yield value


def _allowed(limiter: RateLimiter, caller: str, times: int) -> list[bool]:
    return [limiter.check(caller) == 0 for _ in range(times)]


def test_two_workers_share_one_budget_through_redis(prefix: str) -> None:
    first, second = (RateLimiter(4, REDIS_URL, key_prefix=prefix) for _ in range(2))
    assert first.shared and second.shared
    assert _allowed(first, "key:1", 2) + _allowed(second, "key:1", 2) == [True] * 4
    # Each worker has counted only two, yet both refuse: the budget is the callers', not theirs.
    assert 1 <= first.check("key:1") <= 60
    assert 1 <= second.check("key:1") <= 60
    assert _allowed(second, "key:2", 1) == [True]  # another caller has a budget of their own


def test_a_restarted_worker_keeps_the_count(prefix: str) -> None:
    assert _allowed(RateLimiter(3, REDIS_URL, key_prefix=prefix), "ip:10.0.0.1", 3) == [True] * 3
    assert not _allowed(RateLimiter(3, REDIS_URL, key_prefix=prefix), "ip:10.0.0.1", 1)[0]


def test_in_memory_the_limit_holds_within_one_process_only() -> None:
    one, other = RateLimiter(3), RateLimiter(3)
    assert not one.shared
    assert _allowed(one, "key:1", 4) == [True, True, True, False]
    assert 1 <= one.check("key:1") <= 60
    # A second process keeps its own count: why several workers need Redis.
    assert _allowed(other, "key:1", 1) == [True]


def test_when_redis_is_down_each_process_still_limits() -> None:
    limiter = RateLimiter(2, DOWN_REDIS)
    assert _allowed(limiter, "key:1", 3) == [True, True, False]


def test_zero_turns_the_limit_off() -> None:
    limiter = RateLimiter(0, DOWN_REDIS)
    assert not limiter.enabled
    assert _allowed(limiter, "key:1", 100) == [True] * 100


@pytest.mark.parametrize(
    ("seconds", "message"),
    [
        (0.2, "Too many requests; try again in 1 second."),
        (1.0, "Too many requests; try again in 1 second."),
        (1.5, "Too many requests; try again in 2 seconds."),
        (59.0, "Too many requests; try again in 59 seconds."),
    ],
)
def test_the_wait_is_said_in_whole_seconds(seconds: float, message: str) -> None:
    assert retry_message(seconds) == message

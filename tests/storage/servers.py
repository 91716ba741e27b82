"""The PostgreSQL and Redis servers beside the tests: reach them, or skip (but fail under CI)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import psycopg
import pytest
import redis

# The machine's servers (.ci/run starts them); override to point elsewhere on 127.0.0.1.
POSTGRES_ADMIN = os.environ.get(
    "BALCONY_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("BALCONY_TEST_REDIS", "redis://127.0.0.1:6379/0")


def _where(url: str) -> str:
    return urlsplit(url).netloc.rsplit("@", 1)[-1]  # host:port, no user or password


def unavailable(server: str, error: Exception) -> None:
    """Skip on a machine without the server; under CI a missing server is a failure."""
    message = (
        f"{server} is not reachable ({type(error).__name__}: {error}); start it as .ci/run "
        "does, or these tests are skipped"
    )
    if os.environ.get("CI"):
        pytest.fail(f"CI is set, so not skipping: {message}")
    pytest.skip(message)


@contextmanager
def temporary_postgres_database() -> Iterator[str]:
    """A new, empty database made from the server's `test` one; dropped afterwards.

    Yields its SQLAlchemy URL (psycopg 3 driver).
    """
    name = f"balcony_test_{uuid.uuid4().hex[:16]}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        unavailable(f"PostgreSQL at {_where(POSTGRES_ADMIN)}", error)
        raise  # unreachable: unavailable() skips or fails
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            base = POSTGRES_ADMIN.rsplit("/", 1)[0].replace(
                "postgresql://", "postgresql+psycopg://"
            )
            yield f"{base}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def redis_prefix() -> Iterator[str]:
    """A key prefix of this test's own in the Redis beside the tests, removed afterwards."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        unavailable(f"Redis at {_where(REDIS_URL)}", error)
    prefix = f"balcony-test-{uuid.uuid4().hex[:12]}"
    try:
        yield prefix
    finally:
        keys = list(client.scan_iter(f"{prefix}:*", count=100))
        if keys:
            client.delete(*keys)
        client.close()

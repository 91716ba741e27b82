"""Replicas agree on the redaction secret, so [CHILD_1] is the same person on every host."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pydantic import SecretStr

from app.core.secrets import redaction_key
from app.safety.redaction import Redactor

REPLICAS = 8


def test_a_configured_secret_is_used_and_nothing_is_written(tmp_path: Path) -> None:
    secret = "s" * 40
    assert redaction_key(SecretStr(secret), tmp_path) == secret.encode()
    assert list(tmp_path.iterdir()) == []


def test_a_short_configured_secret_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 32 characters"):
        redaction_key(SecretStr("too-short"), tmp_path)


def test_replicas_starting_together_on_a_shared_volume_get_one_secret(tmp_path: Path) -> None:
    shared = tmp_path / "shared-data"
    start = threading.Barrier(REPLICAS, timeout=30)
    keys: list[bytes] = []

    def replica() -> None:
        start.wait()
        keys.append(redaction_key(None, shared))

    threads = [threading.Thread(target=replica) for _ in range(REPLICAS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(keys) == REPLICAS
    assert len(keys[0]) == 32 and set(keys) == {keys[0]}
    assert [p.name for p in shared.iterdir()] == ["secret.key"]  # no staging files left
    assert (shared / "secret.key").stat().st_mode & 0o077 == 0  # owner-only
    # A turn on another replica finds the same placeholder for the same name.
    first, second = Redactor(keys[0]), Redactor(keys[-1])
    assert first.digest("s", "child", "amira") == second.digest("s", "child", "amira")
    assert Redactor(b"another host's secret").digest("s", "child", "amira") != first.digest(
        "s", "child", "amira"
    )

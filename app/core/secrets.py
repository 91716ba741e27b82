"""The server's own secret (keys the redaction HMAC): from settings or the data folder, not the DB.

Replicas must share it: with another secret, the same name gets a different placeholder.
Either set BALCONY_REDACTION_SECRET on every host, or let the first process create the
file in a data folder that every replica mounts.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from pydantic import SecretStr

MIN_SECRET_CHARS = 32


def redaction_key(configured: SecretStr | None, data_dir: Path) -> bytes:
    """The configured secret if there is one, else the data folder's (created once)."""
    if configured is None:
        return load_or_create_secret(data_dir)
    value = configured.get_secret_value()
    if len(value) < MIN_SECRET_CHARS:
        raise ValueError(
            f"BALCONY_REDACTION_SECRET must be at least {MIN_SECRET_CHARS} characters; "
            "make one with `python -c 'import secrets; print(secrets.token_hex(32))'`."
        )
    return value.encode()


def load_or_create_secret(data_dir: Path, name: str = "secret.key") -> bytes:
    """Read the secret, creating it (owner-only) on first use.

    Written in full to a private file, then linked into place: a replica starting at the
    same moment on a shared volume either wins the link or reads the winner's whole secret,
    never half of one.
    """
    path = data_dir / name
    if path.exists():
        return path.read_bytes()
    data_dir.mkdir(parents=True, exist_ok=True)
    staging = data_dir / f".{name}.{secrets.token_hex(8)}"
    descriptor = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(secrets.token_bytes(32))
            handle.flush()
            os.fsync(handle.fileno())
        # Another process got there first: use theirs.
        with contextlib.suppress(FileExistsError):
            os.link(staging, path)
    finally:
        staging.unlink()
    return path.read_bytes()

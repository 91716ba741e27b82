"""API keys: created, listed, revoked; stored hashed; scoped by role."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from sqlalchemy import select

from app.core.errors import InvalidInputError, NotFoundError
from app.storage.database import Database
from app.storage.models import ApiKey, utcnow

Role = Literal["coach", "facilitator", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
KEY_PREFIX = "bal_"


def role_allows(held: str, needed: Role) -> bool:
    """Roles are nested: admin can do all a facilitator can, who can do all a coach can."""
    ranks = {role: rank for rank, role in enumerate(ROLES)}
    return held in ranks and ranks[held] >= ranks[needed]


def hash_key(key: str) -> str:
    # Keys are 256 random bits, so a fast hash is enough; no salt is needed to resist guessing.
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class KeyRecord:
    id: int
    name: str
    role: str
    prefix: str
    created_at: datetime
    revoked: bool


def _record(row: ApiKey) -> KeyRecord:
    return KeyRecord(
        row.id, row.name, row.role, row.prefix, row.created_at, row.revoked_at is not None
    )


class KeyStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def create(self, *, name: str, role: str) -> tuple[KeyRecord, str]:
        """Make a key; return its record and the key itself (shown once, never stored)."""
        if role not in ROLES:
            raise InvalidInputError(f"Role must be one of {', '.join(ROLES)}.")
        if not name.strip():
            raise InvalidInputError("Give the key a name that says who or what uses it.")
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        row = ApiKey(name=name.strip()[:100], role=role, prefix=key[:12], key_hash=hash_key(key))
        with self._db.session() as session:
            session.add(row)
            session.flush()
            record = _record(row)
        return record, key

    def list(self) -> list[KeyRecord]:
        with self._db.session() as session:
            return [_record(r) for r in session.scalars(select(ApiKey).order_by(ApiKey.id))]

    def revoke(self, prefix: str) -> KeyRecord:
        with self._db.session() as session:
            rows = list(session.scalars(select(ApiKey).where(ApiKey.prefix.startswith(prefix))))
            if len(rows) != 1:
                raise NotFoundError(
                    f"{'No' if not rows else 'More than one'} key starts with {prefix!r}; "
                    "`balcony keys list` shows the prefixes."
                )
            rows[0].revoked_at = rows[0].revoked_at or utcnow()
            return _record(rows[0])

    def verify(self, key: str) -> KeyRecord | None:
        """The live key matching `key`, or None."""
        if not key.startswith(KEY_PREFIX):
            return None
        digest = hash_key(key)
        with self._db.session() as session:
            row = session.scalar(select(ApiKey).where(ApiKey.prefix == key[:12]))
            if row is None or row.revoked_at is not None:
                return None
            if not hmac.compare_digest(row.key_hash, digest):
                return None
            return _record(row)

    def site_key(self, key: str | None) -> str | None:
        """The configured site key if it is live and coach-only (a page shows it to anyone)."""
        record = self.verify(key) if key else None
        return key if record is not None and record.role == "coach" else None

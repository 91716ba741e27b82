"""Who may call what: API keys by role, whose the request is, and a rate limit per person."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable
from typing import Annotated

from anyio import to_thread
from fastapi import Depends, HTTPException, Request, Response, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from app.core.config import AuthSettings
from app.security.keys import KeyRecord, Role, role_allows
from app.security.rate_limit import retry_message

bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <key>")
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="Or X-API-Key: <key>")

# The web chat and the widget send a random id per browser with the shared site key.
VISITOR_HEADER = "X-Balcony-Visitor"
_VISITOR = re.compile(r"[A-Za-z0-9_-]{16,64}")

Endpoint = Callable[[Request], Awaitable[Response]]


def _digest(value: str) -> str:
    # Owners are stored (64 characters at most); a digest keeps raw ids and user names out.
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def identity(request: Request, key: KeyRecord | None, auth: AuthSettings) -> str | None:
    """The person a request speaks for, who owns its conversations (None: nobody in particular).

    A configured trusted header (set by a single sign-on proxy) names the user; otherwise
    a key, narrowed to one browser when the page's anonymous id comes with it.
    """
    if auth.trusted_user_header:
        user = request.headers.get(auth.trusted_user_header, "").strip()
        if user:
            return f"user:{_digest(user.lower())}"
    if key is None:
        return None
    visitor = request.headers.get(VISITOR_HEADER)
    if visitor is None:
        return f"key:{key.id}"
    if not _VISITOR.fullmatch(visitor):
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            f"{VISITOR_HEADER} must be 16 to 64 letters, digits, '-' or '_'.",
        )
    return f"key:{key.id}:v:{_digest(visitor)}"


def _authenticate(request: Request, supplied: str | None, role: Role) -> KeyRecord:
    services = request.app.state.services
    if not supplied:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "An API key is required: send 'Authorization: Bearer <key>' or "
            "'X-API-Key: <key>'. An administrator creates keys with `balcony keys create`.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    key: KeyRecord | None = services.keys.verify(supplied)
    if key is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "That API key is not valid or has been revoked.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not role_allows(key.role, role):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            f"This needs the '{role}' role; the key has '{key.role}'.",
        )
    return key


def require(role: Role) -> Callable[..., Awaitable[KeyRecord | None]]:
    """A dependency: the caller holds a live key with at least `role` (when auth is on).

    On the event loop, with only what does I/O sent to a worker thread (looking the key up
    in the database, counting in Redis): with auth off and limits in memory a request makes
    no hop to the thread pool and back for it.
    """

    async def check(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        header_key: Annotated[str | None, Depends(api_key_header)],
    ) -> KeyRecord | None:
        services = request.app.state.services
        auth: AuthSettings = services.settings.auth
        key: KeyRecord | None = None
        if auth.enabled:
            supplied = (credentials.credentials if credentials else None) or header_key
            key = await to_thread.run_sync(_authenticate, request, supplied, role)
        request.state.api_key = key
        owner = identity(request, key, auth)
        request.state.owner = owner
        # The rate limit follows the person; without one, the client's address.
        caller = owner or f"ip:{request.client.host if request.client else 'unknown'}"
        limiter = services.rate_limiter
        if limiter.shared and limiter.enabled:
            wait = await to_thread.run_sync(limiter.check, caller)
        else:
            wait = limiter.check(caller)
        if wait:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                retry_message(wait),
                headers={"Retry-After": str(int(wait))},
            )
        return key

    return check


CoachAccess = Depends(require("coach"))
FacilitatorAccess = Depends(require("facilitator"))
AdminAccess = Depends(require("admin"))

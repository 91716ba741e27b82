"""Who may call what: API keys by role, a rate limit per key, and security headers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from app.security.keys import KeyRecord, Role, role_allows

bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <key>")
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="Or X-API-Key: <key>")

Endpoint = Callable[[Request], Awaitable[Response]]


def _caller(request: Request, key: KeyRecord | None) -> str:
    if key is not None:
        return f"key:{key.id}"
    return f"ip:{request.client.host if request.client else 'unknown'}"


def require(role: Role) -> Callable[..., KeyRecord | None]:
    """A dependency: the caller holds a live key with at least `role` (when auth is on)."""

    def check(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        header_key: Annotated[str | None, Depends(api_key_header)],
    ) -> KeyRecord | None:
        services = request.app.state.services
        key: KeyRecord | None = None
        if services.settings.auth.enabled:
            supplied = (credentials.credentials if credentials else None) or header_key
            if not supplied:
                raise HTTPException(
                    status.HTTP_401_UNAUTHORIZED,
                    "An API key is required: send 'Authorization: Bearer <key>' or "
                    "'X-API-Key: <key>'. An administrator creates keys with `balcony keys create`.",
                    headers={"WWW-Authenticate": "Bearer"},
                )
            key = services.keys.verify(supplied)
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
        request.state.api_key = key
        wait = services.rate_limiter.check(_caller(request, key))
        if wait:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                f"Too many requests; try again in {wait:g} seconds.",
                headers={"Retry-After": str(int(wait))},
            )
        return key

    return check


CoachAccess = Depends(require("coach"))
FacilitatorAccess = Depends(require("facilitator"))
AdminAccess = Depends(require("admin"))

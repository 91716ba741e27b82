"""Map the project's exceptions to JSON responses, in one place, and declare them in OpenAPI.

Every error is `{"detail": "..."}` (a string), except on the OpenAI-compatible routes, where
clients built on the OpenAI SDK expect `{"error": {"message", "type", "param", "code"}}`.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.routing import Match

from app.api.schemas import ErrorResponse
from app.core.errors import BalconyError

logger = logging.getLogger(__name__)

DESCRIPTIONS: dict[int, str] = {
    400: "A header or body that cannot be used, e.g. a malformed visitor id",
    401: "No API key, or one that is not valid or has been revoked (auth on)",
    403: "The key's role does not allow this",
    404: "Not found, or not this key's: the detail says which",
    409: "A reply to this conversation is still being written; send again when it arrives",
    413: "The upload is larger than the limit",
    415: "The file is not a supported type, or not what its extension says",
    422: "Invalid input: the detail names the field and what is wrong",
    429: "Too many requests: wait for the Retry-After seconds",
    500: "Something went wrong on the server; the message was not lost",
    502: "The language model failed; the message is saved, retry it",
    503: "The knowledge index or the vector store is unavailable",
    504: "The language model timed out; the message is saved, retry it",
}
_HEADERS: dict[int, dict[str, Any]] = {
    401: {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer"}},
    429: {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait"}},
}
# The errors the API-key dependency can raise on every guarded route.
GUARDED = (400, 401, 403, 429)
# Example bodies for the "not valid JSON" hint, by route.
_JSON_HINTS = {
    "/v1/chat": '{"message": "..."}',
    "/v1/chat/stream": '{"message": "..."}',
    "/v1/retrieve": '{"query": "..."}',
    "/v1/feedback": '{"session_id": "...", "reply_id": 1, "helpful": true}',
    "/v1/facilitator/plan": '{"focus": "...", "duration_minutes": 90}',
}
OPENAI_PREFIXES = ("/v1/chat/completions", "/v1/models")
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def error_responses(
    *codes: int, model: type[Any] = ErrorResponse
) -> dict[int | str, dict[str, Any]]:
    """The `responses=` a route declares: each status with the body it really has."""
    declared: dict[int | str, dict[str, Any]] = {}
    for code in sorted(set(codes)):
        entry: dict[str, Any] = {"model": model, "description": DESCRIPTIONS[code]}
        if code in _HEADERS:
            entry["headers"] = _HEADERS[code]
        declared[code] = entry
    return declared


def is_openai_route(request: Request) -> bool:
    path = request.url.path
    return any(path == p or path.startswith(p + "/") for p in OPENAI_PREFIXES)


def _openai_type(status: int) -> str:
    kinds = {401: "authentication_error", 403: "permission_error", 404: "not_found_error"}
    kinds |= {429: "rate_limit_error"}
    if status in kinds:
        return kinds[status]
    return "invalid_request_error" if status < 500 else "server_error"


def openai_error(
    message: str,
    status: int,
    *,
    param: str | None = None,
    code: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """OpenAI's error body, so the SDK raises the matching exception with our message."""
    body = {"message": message, "type": _openai_type(status), "param": param, "code": code}
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _describe(error: dict[str, Any], path: str) -> str:
    location = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
    kind = str(error.get("type", ""))
    if kind == "json_invalid":
        example = _JSON_HINTS.get(path)
        hint = f", e.g. {example}" if example else "; the /docs page shows its fields"
        return f"The request body is not valid JSON. Send a JSON object{hint}."
    if kind == "extra_forbidden":
        return f"Unknown field '{location}'. Check the field names on the /docs page."
    return f"{location}: {error.get('msg', 'is not valid')}"


def _allowed_methods(request: Request) -> str:
    """Every method the path answers to: Starlette's 405 names only the first route's."""
    scope = request.scope
    routes = request.app.router.routes
    allowed = [
        method
        for method in _METHODS
        if any(r.matches({**scope, "method": method})[0] == Match.FULL for r in routes)
    ]
    return ", ".join(allowed)


def _error(request: Request, detail: str, status: int, **extra: Any) -> JSONResponse:
    if is_openai_route(request):
        return openai_error(detail, status, **extra)
    return JSONResponse({"detail": detail}, status_code=status, headers=extra.get("headers"))


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BalconyError)
    async def balcony_error(request: Request, error: BalconyError) -> JSONResponse:
        if is_openai_route(request):
            param = getattr(error, "param", None)
            return openai_error(error.message, error.status_code, param=param)
        return JSONResponse({"detail": error.message}, status_code=error.status_code)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        headers = dict(error.headers or {})
        if isinstance(error.__cause__, UnicodeDecodeError):
            # FastAPI answers 400 for a body that is not UTF-8; it is invalid input like any other.
            detail = "The request body is not valid UTF-8 text. Send JSON encoded as UTF-8."
            return _error(request, detail, 400 if is_openai_route(request) else 422)
        if error.status_code == 405:
            headers["Allow"] = _allowed_methods(request) or headers.get("Allow", "")
        code = "invalid_api_key" if error.status_code == 401 else None
        if error.status_code == 429:
            code = "rate_limit_exceeded"
        extra: dict[str, Any] = {"headers": headers or None}
        if is_openai_route(request):
            extra["code"] = code
        return _error(request, str(error.detail), error.status_code, **extra)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        # Never echo the input back: it may hold personal data.
        errors = [dict(e) for e in error.errors()]
        messages = "; ".join(_describe(e, request.url.path) for e in errors)
        if is_openai_route(request):
            # OpenAI answers a bad request with 400 and names the first offending field.
            first = errors[0].get("loc", ()) if errors else ()
            param = ".".join(str(p) for p in first if p != "body") or None
            return openai_error(messages, 400, param=param)
        return JSONResponse({"detail": messages}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        logger.error("unhandled error", extra={"error": type(error).__name__})
        detail = "Something went wrong on our side. Your message was not lost; try again."
        return _error(request, detail, 500)

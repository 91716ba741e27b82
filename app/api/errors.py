"""Map the project's exceptions to JSON responses, in one place."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from app.core.errors import BalconyError

logger = logging.getLogger(__name__)


def _describe(error: dict[str, Any]) -> str:
    location = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
    kind = str(error.get("type", ""))
    if kind == "json_invalid":
        return 'The request body is not valid JSON. Send a JSON object, e.g. {"query": "..."}.'
    if kind == "extra_forbidden":
        return f"Unknown field '{location}'. Check the field names on the /docs page."
    return f"{location}: {error.get('msg', 'is not valid')}"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BalconyError)
    async def balcony_error(_: Request, error: BalconyError) -> JSONResponse:
        return JSONResponse({"detail": error.message}, status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, error: RequestValidationError) -> JSONResponse:
        # Never echo the input back: it may hold personal data.
        messages = [_describe(dict(e)) for e in error.errors()]
        return JSONResponse({"detail": "; ".join(messages)}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, error: Exception) -> JSONResponse:
        logger.error("unhandled error", extra={"error": type(error).__name__})
        return JSONResponse(
            {"detail": "Something went wrong on our side. Your message was not lost; try again."},
            status_code=500,
        )

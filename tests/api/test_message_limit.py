"""The API's message limit is coaching.max_message_chars: checked per request, shown in the
schema, and the same on the OpenAI-compatible route."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import ValidationError

from app.api.openai_schemas import ClientMessage
from app.api.routes.openai_compat import CompletionError, the_turn
from app.api.schemas import ChatRequest
from app.core.config import get_settings


@pytest.fixture
def limit_of_200(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("BALCONY_COACHING__MAX_MESSAGE_CHARS", "200")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_the_configured_limit_is_applied_and_shown(limit_of_200: None) -> None:
    assert ChatRequest(message="x" * 200).message == "x" * 200
    with pytest.raises(ValidationError, match="at most 200 characters"):
        ChatRequest(message="x" * 201)
    field = ChatRequest.model_json_schema()["properties"]["message"]
    assert field["maxLength"] == 200 and "at most 200 characters" in field["description"]
    with pytest.raises(CompletionError, match="longer than 200 characters"):
        the_turn([ClientMessage(role="user", content="x" * 201)])


def test_the_default_is_4000() -> None:
    get_settings.cache_clear()
    assert ChatRequest.model_json_schema()["properties"]["message"]["maxLength"] == 4000
    with pytest.raises(ValidationError, match="at most 4000 characters"):
        ChatRequest(message="x" * 4001)

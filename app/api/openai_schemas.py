"""The OpenAI chat-completions shapes Balcony speaks, as far as chat front-ends use them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.api.schemas import SafeguardingOut, SourceOut
from app.coaching.modes import RequestedMode

MODEL_ID = "balcony-coach"


class TextPart(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str = Field(description="Only 'text' parts are read; images and files are ignored.")
    text: str | None = None


class ClientMessage(BaseModel):
    """One message of the conversation the client sends; only the last user message is used."""

    # Front-ends add their own fields (name, tool_calls, ids); they are accepted and ignored.
    model_config = ConfigDict(extra="allow")

    role: str = Field(examples=["user"])
    content: str | list[TextPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        parts = self.content or []
        return "\n".join(p.text for p in parts if p.type == "text" and p.text)


class CompletionRequest(BaseModel):
    """OpenAI's request body. Sampling settings are accepted and ignored: Balcony's chain
    decides how to answer; the client's system prompt and earlier turns are never used."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "model": MODEL_ID,
                    "messages": [
                        {
                            "role": "user",
                            "content": "Partners never come to the strategy meeting and I "
                            "have no authority over them.",
                        }
                    ],
                }
            ]
        },
    )

    model: str = Field(description=f"'{MODEL_ID}' (GET /v1/models).", examples=[MODEL_ID])
    messages: Annotated[list[ClientMessage], Field(min_length=1, max_length=1000)]
    stream: bool | None = False
    user: str | None = Field(
        default=None,
        max_length=256,
        description="Accepted for compatibility; not stored, logged or used to find a session.",
    )
    mode: RequestedMode = Field(
        default="auto",
        description="Balcony's mode (send it with the SDK's extra_body); auto by default.",
    )


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class Choice(BaseModel):
    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop"] = "stop"
    logprobs: None = None


class BalconyExtra(BaseModel):
    """Balcony's own fields, which the OpenAI SDK keeps on the response object."""

    session_id: str = Field(description="GET /v1/sessions/{id}/summary or DELETE it.")
    reply_id: int | None = Field(default=None, description="Rate it with POST /v1/feedback.")
    mode: str | None = None
    sources: list[SourceOut]
    safeguarding: SafeguardingOut


class Completion(BaseModel):
    id: str = Field(description="chatcmpl-<Balcony session id>-<reply id>.")
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str = MODEL_ID
    choices: list[Choice]
    balcony: BalconyExtra


class ModelCard(BaseModel):
    id: str = MODEL_ID
    object: Literal["model"] = "model"
    created: int
    owned_by: str = "balcony"


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class OpenAIErrorBody(BaseModel):
    message: str
    type: str = Field(examples=["invalid_request_error"])
    param: str | None = None
    code: str | None = None


class OpenAIError(BaseModel):
    """Errors on the OpenAI-compatible routes, in OpenAI's shape."""

    error: OpenAIErrorBody


def chunk(
    completion_id: str, created: int, delta: dict[str, Any], finish: str | None = None
) -> dict[str, Any]:
    """One `chat.completion.chunk` of a streamed reply."""
    return {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": MODEL_ID,
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }

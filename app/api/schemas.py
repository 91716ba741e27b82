"""Request and response bodies shared by the routes, named for their role."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Path
from pydantic import (
    AfterValidator,
    AliasChoices,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from app.coaching.modes import RequestedMode
from app.core.config import get_settings
from app.storage.conversations import SESSION_ID_PATTERN

MAX_QUERY_CHARS = 2000

# Whitespace as Python's str.strip() sees it, spelled out so the schema's pattern means the same
# to every client's regex engine: the text must hold something besides these after stripping.
_WHITESPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NOT_BLANK_PATTERN = f"[^{_WHITESPACE}]"
NonBlank = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, pattern=NOT_BLANK_PATTERN)
]


def _as_utc(moment: datetime) -> datetime:
    # The store keeps UTC; SQLite hands it back without an offset, which is not RFC 3339.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


UtcDatetime = Annotated[datetime, AfterValidator(_as_utc)]

_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


def _rfc3339(value: object) -> object:
    # Pydantic would also take "0" (a Unix time) or a bare date; the schema promises date-time.
    if isinstance(value, str) and not _RFC3339.fullmatch(value):
        raise ValueError("expected an RFC 3339 date-time, e.g. 2026-11-30T00:00:00Z")
    return value


Rfc3339Datetime = Annotated[datetime, BeforeValidator(_rfc3339)]


def max_message_chars() -> int:
    """The process's configured limit (BALCONY_COACHING__MAX_MESSAGE_CHARS), read when used."""
    return get_settings().coaching.max_message_chars


def _within_message_limit(message: str) -> str:
    limit = max_message_chars()
    if len(message) > limit:
        # The same error pydantic's own max_length gives, so clients see one wording.
        raise PydanticCustomError(
            "string_too_long",
            "String should have at most {max_length} characters",
            {"max_length": limit},
        )
    return message


def _show_message_limit(schema: dict[str, Any]) -> None:
    limit = max_message_chars()
    schema["maxLength"] = limit
    if "description" in schema:  # it may say the limit in words too
        schema["description"] = str(schema["description"]).replace("{max_length}", f"{limit:,}")


# A leader's message. Its limit is a setting, so it is checked per request rather than fixed
# when this module is imported; the schema shows the same value as maxLength.
MessageText = Annotated[
    NonBlank,
    AfterValidator(_within_message_limit),
    Field(json_schema_extra=_show_message_limit),
]


class StrictModel(BaseModel):
    """Unknown fields are an error: a typo in a field name should not pass silently."""

    model_config = ConfigDict(extra="forbid")


class RetrieveRequest(StrictModel):
    query: Annotated[NonBlank, StringConstraints(max_length=MAX_QUERY_CHARS)] = Field(
        description="A dilemma or question, in the leader's own words.",
        examples=["How do I lead change in a partnership where I hold none of the budgets?"],
    )
    k: int = Field(default=5, ge=1, le=20, description="How many passages to return.")


class RetrievedPassage(BaseModel):
    tool_id: str = Field(examples=["systems-leadership"])
    title: str = Field(examples=["Systems leadership"])
    heading: str = Field(examples=["Systems leadership > When it helps"])
    source: str = Field(examples=["knowledge/systems-leadership.md"])
    text: str
    score: float = Field(description="Fused rank score; higher is better.")


class RetrieveResponse(BaseModel):
    results: list[RetrievedPassage]


class ToolSummary(BaseModel):
    # Read from a catalogue Tool, whose id is `id`.
    model_config = ConfigDict(from_attributes=True)

    tool_id: str = Field(validation_alias=AliasChoices("tool_id", "id"))
    title: str
    summary: str
    kind: str = Field(description="'tool', or 'case-study' for the case study.")
    aliases: list[str]
    related: list[str]


class ToolDetail(ToolSummary):
    source: str
    sources: list[str]
    sections: dict[str, str]
    steps: list[str]
    questions: list[str]


class ToolList(BaseModel):
    tools: list[ToolSummary]


class IngestResponse(BaseModel):
    files: int
    files_changed: int
    chunks_added: int
    chunks_updated: int
    chunks_removed: int
    skipped: list[dict[str, str]]
    seconds: float
    summary: str


class DocumentInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    source: str
    tool_id: str
    title: str
    passages: int


class DocumentList(BaseModel):
    documents: list[DocumentInfo]


class ErrorResponse(BaseModel):
    """Every error outside the OpenAI-compatible routes: one sentence a person can act on."""

    detail: str = Field(examples=["message: String should have at most 4000 characters"])


class Readiness(BaseModel):
    status: Literal["ready", "not ready"]
    store_reachable: bool
    passages: int
    tools: int
    detail: str | None = Field(default=None, description="What to fix, when not ready.")


# A session id in a route's path.
SessionIdPath = Annotated[
    str, Path(pattern=SESSION_ID_PATTERN, description="As returned by POST /v1/chat.")
]


class ChatRequest(StrictModel):
    message: MessageText = Field(
        description=(
            "What is happening, in the leader's own words (at most {max_length} characters)."
        ),
        examples=[
            "There's been a serious incident this afternoon and everyone wants me to "
            "decide the future of the team tonight."
        ],
    )
    session_id: str | None = Field(
        default=None,
        pattern=SESSION_ID_PATTERN,
        description="Continue a conversation; omit to start a new one.",
    )
    mode: RequestedMode = Field(
        default="auto",
        description="crisis: short and steadying; reflect: deeper; auto: chosen from the message.",
    )
    local_time: AwareDatetime | None = Field(
        default=None,
        description=(
            "The leader's local time (ISO-8601 with offset), so the reply's time words fit "
            "their clock; omitted, the time in Europe/London is used."
        ),
        examples=["2026-11-30T23:10:00+00:00"],
    )


class SourceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    tool_id: str
    title: str
    heading: str
    source: str


class SafeguardingOut(BaseModel):
    escalated: bool
    reason: str | None = None


class ChatResponse(BaseModel):
    session_id: str
    reply_id: int | None = Field(
        default=None, description="Rate this reply with POST /v1/feedback."
    )
    reply: str
    mode: str | None = Field(default=None, description="The mode used (absent when escalated).")
    sources: list[SourceOut]
    safeguarding: SafeguardingOut
    outcome: Literal["escalated", "declined", "coached_with_safety_line", "coached"] = Field(
        description=(
            "The gate's decision before coaching: escalated (a risk now: no coaching), declined "
            "(legal advice, casework records or decisions, the system prompt), "
            "coached_with_safety_line (coaching with one line on procedure or support), coached."
        )
    )


class MessageOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    role: str
    content: str
    mode: str | None
    status: str
    escalated: bool
    sources: list[SourceOut]
    created_at: UtcDatetime


class TranscriptOut(BaseModel):
    session_id: str
    created_at: UtcDatetime
    updated_at: UtcDatetime
    messages: list[MessageOut]

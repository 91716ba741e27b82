"""Request and response models for session plans and prompt cards, named for their role."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

MIN_DURATION = 30
MAX_DURATION = 240
MAX_FOCUS_CHARS = 1000
MAX_TOOLS = 3

Focus = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_FOCUS_CHARS)
]
ToolId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
SegmentKind = Literal["check-in", "tool", "break", "reflection", "close"]
PromptKind = Literal["discussion", "reflection"]

PARTNERS = "Partners don't come to strategy meetings and we have no authority over them."


class PlanRequest(BaseModel):
    """What a facilitator asks for: the team's challenge, a length, and optionally the tools."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"focus": PARTNERS, "duration_minutes": 90, "group_size": 8},
                {
                    "tools": ["slow-thinking", "wicked-and-tame-problems"],
                    "focus": "We lurch from crisis to crisis with the same families.",
                    "duration_minutes": 120,
                    "group_size": 12,
                },
            ]
        },
    )

    tools: list[ToolId] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TOOLS,
        description=(
            "Tool ids (GET /v1/tools lists them), in running order. Leave out to have the "
            "tools chosen from the focus: one for up to an hour, two up to two hours, three "
            "for longer."
        ),
        examples=[["hard-and-soft-power", "systems-leadership"]],
    )
    focus: Focus = Field(
        description="The team's current challenge, in their words (at most 1,000 characters).",
        examples=[PARTNERS],
    )
    duration_minutes: int = Field(
        ge=MIN_DURATION,
        le=MAX_DURATION,
        description="Length of the session in minutes, 30 to 240. The segments add up to it.",
        examples=[90],
    )
    group_size: int = Field(
        default=8, ge=2, le=40, description="People in the room, 2 to 40.", examples=[8]
    )


class SourceRef(BaseModel):
    """The exact part of the material a segment draws on."""

    tool_id: str = Field(examples=["hard-and-soft-power"])
    title: str = Field(examples=["Hard and soft power"])
    heading: str = Field(examples=["Hard and soft power > For facilitators"])
    source: str = Field(examples=["knowledge/hard-and-soft-power.md"])


class PlanTool(BaseModel):
    tool_id: str = Field(examples=["systems-leadership"])
    title: str = Field(examples=["Systems leadership"])
    chosen: Literal["requested", "matched"] = Field(
        description="'requested' when named in the request, 'matched' when chosen from the focus."
    )


class PlanObjective(BaseModel):
    tool_id: str = Field(examples=["hard-and-soft-power"])
    text: str = Field(description="What the session should leave the team able to do.")
    source: SourceRef


class PlanActivity(BaseModel):
    minutes: int = Field(ge=1, examples=[10])
    text: str = Field(
        examples=[
            "In pairs, each person names someone they need to influence and lists the hard "
            "and soft power they hold with them."
        ]
    )


class PlanSegment(BaseModel):
    kind: SegmentKind
    start_minute: int = Field(ge=0, description="Minutes from the start of the session.")
    minutes: int = Field(ge=1, description="Length; the activities' minutes add up to it.")
    title: str = Field(examples=["Hard and soft power: Power map"])
    tool_id: str | None = Field(default=None, description="Set on a tool's segment.")
    activities: list[PlanActivity]
    prompts: list[str] = Field(description="Questions to put to the group in this segment.")
    sources: list[SourceRef] = Field(description="The headings this segment draws on.")


class PlanMaterial(BaseModel):
    item: str = Field(examples=["a two-column power map handout"])
    tool_ids: list[str] = Field(description="The tools whose segments use it.")
    copies: int | None = Field(default=None, description="How many to print, for handouts.")


class SessionPlan(BaseModel):
    """A printable, timed session plan; every part cites the material it comes from."""

    title: str = Field(examples=["Systems leadership and Hard and soft power: a 90-minute session"])
    focus: str
    duration_minutes: int
    group_size: int
    tools: list[PlanTool]
    objectives: list[PlanObjective]
    segments: list[PlanSegment]
    materials: list[PlanMaterial]
    sources: list[SourceRef] = Field(description="Every heading the plan cites, once each.")
    notes: list[str] = Field(
        description="Anything the facilitator should know, e.g. tools left out."
    )
    tailored: bool = Field(
        description="True when a language model rewrote the prompts for the focus."
    )


class PromptCard(BaseModel):
    text: str = Field(
        examples=["Which kind of power do you reach for first under pressure, and why?"]
    )
    kind: PromptKind = Field(
        description="'discussion' (the exercise's prompts) or 'reflection' (reflective questions)."
    )
    heading: str = Field(examples=["Hard and soft power > For facilitators"])
    source: str = Field(examples=["knowledge/hard-and-soft-power.md"])
    score: float | None = Field(
        default=None, description="Fit to the focus (cosine similarity), when a focus was given."
    )


class PromptCards(BaseModel):
    tool_id: str = Field(examples=["hard-and-soft-power"])
    title: str = Field(examples=["Hard and soft power"])
    focus: str | None = None
    cards: list[PromptCard]
    available: int = Field(description="How many prompts the material holds for this tool.")

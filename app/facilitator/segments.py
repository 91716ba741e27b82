"""The segments of a session, each composed from the material and timed to its minutes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.catalogue.tools import Tool
from app.facilitator.material import (
    FACILITATORS,
    QUESTIONS,
    SIGNALS,
    STEPS,
    Prompt,
    prompts_of,
    source_ref,
)
from app.facilitator.schemas import PlanActivity, PlanSegment, SegmentKind, SourceRef
from app.facilitator.timing import apportion, tool_timings

# Above this a whole-room round takes too long; work in small groups and report back.
ROOM_ROUND_LIMIT = 12


@dataclass
class Context:
    """What every segment needs: the focus, the group, and how well each text fits the focus."""

    focus: str
    group_size: int
    fit: dict[str, float]
    used: set[str] = field(default_factory=set)

    def ranked(self, texts: Sequence[str]) -> list[str]:
        return sorted(texts, key=lambda t: -self.fit.get(t, 0.0))

    def ranked_prompts(self, prompts: Sequence[Prompt]) -> list[Prompt]:
        return sorted(prompts, key=lambda p: -self.fit.get(p.text, 0.0))

    @property
    def in_small_groups(self) -> bool:
        return self.group_size > ROOM_ROUND_LIMIT


def short(text: str, limit: int = 120) -> str:
    """The text cut at a word boundary near limit, marked when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "..."


def _segment(
    kind: SegmentKind,
    title: str,
    activities: list[PlanActivity],
    prompts: list[str] | None = None,
    sources: list[SourceRef] | None = None,
    tool_id: str | None = None,
) -> PlanSegment:
    return PlanSegment(
        kind=kind,
        start_minute=0,
        minutes=sum(a.minutes for a in activities),
        title=title,
        tool_id=tool_id,
        activities=activities,
        prompts=prompts or [],
        sources=sources or [],
    )


def _timed(minutes: int, texts: Sequence[str], weights: Sequence[float]) -> list[PlanActivity]:
    """Spread minutes over the texts in proportion; too many texts for the minutes run as one."""
    if len(texts) > minutes:
        return [PlanActivity(minutes=minutes, text=" Then: ".join(texts))]
    return [
        PlanActivity(minutes=m, text=t)
        for m, t in zip(apportion(minutes, weights), texts, strict=True)
    ]


def _round_robin(per_tool: Sequence[Sequence[str]], count: int) -> list[str]:
    """The best of each tool's list in turn, until count are taken."""
    taken: list[str] = []
    for index in range(max((len(items) for items in per_tool), default=0)):
        for items in per_tool:
            if index < len(items) and items[index] not in taken and len(taken) < count:
                taken.append(items[index])
    return taken


def check_in(tools: Sequence[Tool], minutes: int, context: Context) -> PlanSegment:
    """Arrival and check-in: the focus named, and the material's situations closest to it."""
    per_tool = [context.ranked(t.signals) for t in tools]
    situations = _round_robin(per_tool, 3)
    titles = ", ".join(t.title for t in tools)
    where = "Round"
    if context.in_small_groups:
        where = "In threes, then two or three voices to the room"
    texts = [
        f"Welcome. Name the focus, “{short(context.focus)}”, and the tools: {titles}.",
        f"{where}: each person says which of the situations below is closest to their week "
        "and why.",
    ]
    sources = [
        source_ref(t, SIGNALS)
        for t, items in zip(tools, per_tool, strict=True)
        if set(items) & set(situations)
    ]
    return _segment(
        "check-in", "Arrival and check-in", _timed(minutes, texts, [1, 2]), situations, sources
    )


def tool_segment(tool: Tool, minutes: int, context: Context) -> PlanSegment:
    """One tool: its exercise scaled to fit, applied to the focus if time allows, discussed."""
    exercise = tool.exercise
    if exercise is None:  # resolve_tools admits only tools with an exercise
        raise ValueError(f"{tool.id} has no exercise")
    steps = exercise.steps
    timings = tool_timings(minutes, exercise.minutes, can_apply=bool(tool.steps))
    texts = [s.text for s in steps] or [f"Run the exercise: {exercise.name}."]
    weights = [s.minutes or 1 for s in steps] or [1]
    activities = _timed(timings.exercise, texts, weights)
    sources = [source_ref(tool, FACILITATORS)]
    if timings.application:
        how = tool.steps
        applied = [
            f"Apply it to the focus, step {i} of {len(how)}: {s}"
            for i, s in enumerate(how, start=1)
        ]
        activities += _timed(timings.application, applied, [1] * len(applied))
        sources.append(source_ref(tool, STEPS))
    count = 2 if timings.discussion < 8 else 3 if timings.discussion < 15 else 4
    prompts = context.ranked_prompts(prompts_of(tool))[:count]
    context.used.update(p.text for p in prompts)
    where = "Whole group"
    if context.in_small_groups:
        where = "In groups of four to six, then one point from each group to the room"
    activities.append(
        PlanActivity(
            minutes=timings.discussion,
            text=f"{where}: connect the exercise to the focus with the prompts below.",
        )
    )
    if any(p.kind == "reflection" for p in prompts):
        sources.append(source_ref(tool, QUESTIONS))
    return _segment(
        "tool",
        f"{tool.title}: {exercise.name}",
        activities,
        [p.text for p in prompts],
        sources,
        tool.id,
    )


def break_segment(minutes: int) -> PlanSegment:
    return _segment("break", "Break", [PlanActivity(minutes=minutes, text="Break.")])


def reflection(tools: Sequence[Tool], minutes: int, context: Context) -> PlanSegment:
    """Quiet reflection on the questions the tool segments have not used yet."""
    per_tool = []
    for tool in tools:
        questions = context.ranked(tool.questions)
        fresh = [q for q in questions if q not in context.used]
        per_tool.append(fresh or questions)
    questions = _round_robin(per_tool, max(2, min(3, len(tools))))
    share = "Together" if context.group_size == 2 else "In pairs"
    texts = [
        "Quiet writing: each person answers one of the questions below about their own part "
        "in the challenge.",
        f"{share}: share what you noticed and what you would do differently.",
    ]
    sources = _sources_used(tools, per_tool, questions, QUESTIONS)
    return _segment("reflection", "Reflection", _timed(minutes, texts, [2, 3]), questions, sources)


def _sources_used(
    tools: Sequence[Tool], per_tool: Sequence[Sequence[str]], chosen: Sequence[str], section: str
) -> list[SourceRef]:
    """Cite a tool's section only when something from it was chosen."""
    return [
        source_ref(tool, section)
        for tool, items in zip(tools, per_tool, strict=True)
        if set(items) & set(chosen)
    ]


def close(tools: Sequence[Tool], minutes: int, context: Context) -> PlanSegment:
    """Commitments: a first step from each tool's "How to use it", then a closing round."""
    per_tool = [context.ranked(t.steps) for t in tools]
    steps = _round_robin(per_tool, max(2, min(3, len(tools))))
    round_text = "Closing round" if not context.in_small_groups else "In threes"
    texts = [
        "Each person writes one commitment for the next four weeks: a first step from those "
        "below, what they will do and by when.",
        f"{round_text}: each person reads out their commitment. Thank the group and close.",
    ]
    sources = _sources_used(tools, per_tool, steps, STEPS)
    return _segment(
        "close", "Commitments and close", _timed(minutes, texts, [1, 1]), steps, sources
    )

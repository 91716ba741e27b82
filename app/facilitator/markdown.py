"""Render a session plan as Markdown a facilitator can print and run."""

from __future__ import annotations

from app.facilitator.schemas import PlanSegment, SessionPlan, SourceRef


def clock(minute: int) -> str:
    """Minutes from the start as h:mm, e.g. 95 -> 1:35."""
    return f"{minute // 60}:{minute % 60:02d}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _cite(ref: SourceRef) -> str:
    return f"{ref.heading} ({ref.source})"


def _segment(number: int, segment: PlanSegment) -> list[str]:
    lines = [
        f"### {number}. {segment.title}",
        "",
        f"*{clock(segment.start_minute)} to {clock(segment.start_minute + segment.minutes)}, "
        f"{segment.minutes} minutes*",
        "",
    ]
    start = segment.start_minute
    for activity in segment.activities:
        lines.append(f"- **{clock(start)}** ({activity.minutes} min) {activity.text}")
        start += activity.minutes
    if segment.prompts:
        lines += ["", "Prompts:", ""] + [f"- {p}" for p in segment.prompts]
    if segment.sources:
        lines += ["", "Sources: " + "; ".join(_cite(s) for s in segment.sources)]
    return [*lines, ""]


def render_plan_markdown(plan: SessionPlan) -> str:
    """The plan as Markdown: objectives, a timed running order, each segment, materials, sources."""
    lines = [
        f"# {plan.title}",
        "",
        f"**Focus:** {plan.focus}",
        "",
        f"**Length:** {plan.duration_minutes} minutes. **Group:** {plan.group_size} people.",
        "",
        "## Objectives",
        "",
        *(f"- {o.text}" for o in plan.objectives),
        "",
        "## Running order",
        "",
        "| Start | Minutes | Segment |",
        "|---|---:|---|",
        *(f"| {clock(s.start_minute)} | {s.minutes} | {_cell(s.title)} |" for s in plan.segments),
        f"| {clock(plan.duration_minutes)} | | End |",
        "",
        "## The session",
        "",
    ]
    for number, segment in enumerate(plan.segments, start=1):
        lines += _segment(number, segment)
    lines += ["## Materials", ""]
    for material in plan.materials:
        copies = f" ({material.copies} copies)" if material.copies else ""
        lines.append(f"- [ ] {material.item}{copies}")
    if plan.notes:
        lines += ["", "## Notes", "", *(f"- {n}" for n in plan.notes)]
    lines += ["", "## Sources", "", *(f"- {_cite(s)}" for s in plan.sources)]
    if plan.tailored:
        lines += ["", "*Prompts reworded for the focus by a language model.*"]
    return "\n".join(lines) + "\n"

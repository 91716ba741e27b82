"""Build a timed session plan from the material: tools, running order, materials, sources."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Literal

from app.catalogue.tools import Catalogue, Tool
from app.facilitator import segments
from app.facilitator.material import fit_scores, materials_of, prompts_of, source_ref
from app.facilitator.schemas import (
    PlanMaterial,
    PlanObjective,
    PlanRequest,
    PlanSegment,
    PlanTool,
    SessionPlan,
    SourceRef,
)
from app.facilitator.selection import choose_tools, resolve_tools, tools_for_duration
from app.facilitator.timing import session_timings, tools_that_fit
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.material import ToolMaterial
from app.retrieval.similarity import Similarity

logger = logging.getLogger(__name__)

# Rewrites a segment's prompts for the focus: (focus, prompts) -> prompts.
Tailor = Callable[[str, list[str]], list[str]]


def build_plan(
    request: PlanRequest,
    *,
    catalogue: Catalogue,
    retriever: HybridRetriever,
    material: ToolMaterial,
    similarity: Similarity,
    tailor: Tailor | None = None,
) -> SessionPlan:
    """Compose a plan whose segments add up to the duration, each citing its material."""
    duration = request.duration_minutes
    notes: list[str] = []
    fit_count = tools_that_fit(duration)
    chosen: Literal["requested", "matched"]
    if request.tools:
        tools = resolve_tools(catalogue, request.tools)
        chosen = "requested"
    else:
        count = min(tools_for_duration(duration), fit_count)
        tools = choose_tools(
            catalogue=catalogue,
            retriever=retriever,
            similarity=similarity,
            focus=request.focus,
            count=count,
        )
        chosen = "matched"
    if len(tools) > fit_count:
        left_out = ", ".join(t.title for t in tools[fit_count:])
        notes.append(
            f"{duration} minutes leaves room for {fit_count} tool"
            f"{'s' if fit_count > 1 else ''}; left out: {left_out}. Run them in another "
            "session, or plan a longer one."
        )
        tools = tools[:fit_count]
    context = segments.Context(
        focus=request.focus,
        group_size=request.group_size,
        fit=fit_scores(similarity, request.focus, _candidate_texts(tools)),
    )
    running_order = _running_order(tools, duration, context)
    tailored = _tailor(running_order, request.focus, tailor) if tailor else False
    objectives = [_objective(t, request.focus) for t in tools]
    notes += _group_notes(running_order, request.group_size)
    logger.info(
        "session plan built",
        extra={"tools": len(tools), "minutes": duration, "chosen": chosen, "tailored": tailored},
    )
    return SessionPlan(
        title=f"Session plan: {', '.join(t.title for t in tools)} ({duration} minutes)",
        focus=request.focus,
        duration_minutes=duration,
        group_size=request.group_size,
        tools=[PlanTool(tool_id=t.id, title=t.title, chosen=chosen) for t in tools],
        objectives=objectives,
        segments=running_order,
        materials=_materials(tools, material, request.group_size),
        sources=_all_sources(objectives, running_order),
        notes=notes,
        tailored=tailored,
    )


def _candidate_texts(tools: Sequence[Tool]) -> list[str]:
    return [
        text
        for tool in tools
        for text in [*(p.text for p in prompts_of(tool)), *tool.signals, *tool.steps]
    ]


def _running_order(
    tools: Sequence[Tool], duration: int, context: segments.Context
) -> list[PlanSegment]:
    """Check-in, the tools (a break at the middle of long sessions), reflection, close."""
    timings = session_timings(duration, [t.exercise.minutes if t.exercise else 1 for t in tools])
    order = [segments.check_in(tools, timings.check_in, context)]
    break_after = (len(tools) + 1) // 2
    for index, (tool, minutes) in enumerate(zip(tools, timings.tools, strict=True), start=1):
        order.append(segments.tool_segment(tool, minutes, context))
        if index == break_after:
            order += [segments.break_segment(m) for m in timings.breaks]
    order.append(segments.reflection(tools, timings.reflection, context))
    order.append(segments.close(tools, timings.close, context))
    start = 0
    for segment in order:
        segment.start_minute = start
        start += segment.minutes
    return order


def _tailor(running_order: list[PlanSegment], focus: str, tailor: Tailor) -> bool:
    """Let a language model reword each segment's prompts; keep the originals if it misbehaves."""
    changed = False
    for segment in running_order:
        if not segment.prompts:
            continue
        try:
            rewritten = tailor(focus, list(segment.prompts))
        except Exception as error:
            # A plan must not fail because the model did: the material's prompts still stand.
            logger.warning("prompt tailoring failed", extra={"error": type(error).__name__})
            continue
        if _valid_rewrite(rewritten, segment.prompts):
            segment.prompts = [p.strip() for p in rewritten]
            changed = True
        else:
            logger.warning("prompt tailoring ignored", extra={"segment": segment.kind})
    return changed


def _valid_rewrite(rewritten: object, original: list[str]) -> bool:
    return (
        isinstance(rewritten, list)
        and len(rewritten) == len(original)
        and all(isinstance(p, str) and p.strip() for p in rewritten)
    )


def _objective(tool: Tool, focus: str) -> PlanObjective:
    return PlanObjective(
        tool_id=tool.id,
        text=f"Apply {tool.title} to the team's challenge, “{segments.short(focus)}”. "
        f"{tool.summary}",
        source=source_ref(tool),
    )


def _materials(
    tools: Sequence[Tool], material: ToolMaterial, group_size: int
) -> list[PlanMaterial]:
    """The exercises' materials once each, then a handout per tool and any uploaded for it."""
    found: dict[str, PlanMaterial] = {}
    for tool in tools:
        for item in materials_of(tool):
            entry = found.setdefault(item.lower(), PlanMaterial(item=item, tool_ids=[]))
            if tool.id not in entry.tool_ids:
                entry.tool_ids.append(tool.id)
    handouts = [
        PlanMaterial(
            item=f"Handout: {t.title}, its 'How to use it' steps and 'Questions for reflection' "
            f"({t.source})",
            tool_ids=[t.id],
            copies=group_size,
        )
        for t in tools
    ]
    by_tool = {t.id: t for t in tools}
    uploaded = sorted(
        {
            (p.tool_id, p.title, p.source)
            for p in material.passages()
            if p.tool_id in by_tool and p.source != by_tool[p.tool_id].source
        }
    )
    handouts += [
        PlanMaterial(item=f"Handout: {title} ({source})", tool_ids=[tool_id], copies=group_size)
        for tool_id, title, source in uploaded
    ]
    return [*found.values(), *handouts]


def _all_sources(
    objectives: Sequence[PlanObjective], running_order: Sequence[PlanSegment]
) -> list[SourceRef]:
    cited = [o.source for o in objectives] + [s for seg in running_order for s in seg.sources]
    unique: dict[tuple[str, str, str], SourceRef] = {}
    for ref in cited:
        unique.setdefault((ref.tool_id, ref.heading, ref.source), ref)
    return list(unique.values())


def _group_notes(running_order: Sequence[PlanSegment], group_size: int) -> list[str]:
    texts = " ".join(a.text.lower() for seg in running_order for a in seg.activities)
    notes = []
    if group_size % 2 and "pairs" in texts:
        notes.append(f"With {group_size} people, one pair becomes a three.")
    if group_size > segments.ROOM_ROUND_LIMIT:
        notes.append(
            f"With {group_size} people, whole-room rounds run in small groups with a few voices "
            "reported back, to keep to time."
        )
    return notes

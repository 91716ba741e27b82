"""A plan rendered as Markdown: ready to print, with times, prompts, materials and sources."""

from __future__ import annotations

import re

from app.facilitator.markdown import clock, render_plan_markdown
from app.facilitator.plans import build_plan
from app.facilitator.schemas import PlanRequest, SessionPlan
from app.services import Services


def make_plan(services: Services, **fields: object) -> SessionPlan:
    request = {"focus": "We lurch from crisis to crisis.", "duration_minutes": 150, **fields}
    return build_plan(
        PlanRequest.model_validate(request),
        catalogue=services.catalogue,
        retriever=services.retriever,
        material=services.material,
        similarity=services.similarity,
    )


def test_clock() -> None:
    assert [clock(m) for m in (0, 7, 60, 95, 240)] == ["0:00", "0:07", "1:00", "1:35", "4:00"]


def test_the_markdown_holds_the_whole_plan(indexed_services: Services) -> None:
    plan = make_plan(indexed_services, tools=["slow-thinking", "wicked-and-tame-problems"])
    text = render_plan_markdown(plan)
    assert text.startswith(f"# {plan.title}\n")
    for heading in ("## Objectives", "## Running order", "## Materials", "## Sources"):
        assert f"\n{heading}\n" in text
    rows = re.findall(r"^\| (\d+:\d\d) \| (\d*) ?\| (.+) \|$", text, re.MULTILINE)
    assert rows[:-1] == [(clock(s.start_minute), str(s.minutes), s.title) for s in plan.segments]
    assert rows[-1] == ("2:30", "", "End")
    for number, segment in enumerate(plan.segments, start=1):
        assert f"### {number}. {segment.title}" in text
        assert all(f"- {p}" in text for p in segment.prompts)
        assert all(f"{s.heading} ({s.source})" in text for s in segment.sources)
    assert all(f"- [ ] {m.item}" in text for m in plan.materials)
    assert "Break" in text


def test_activity_times_run_on_from_the_segment_start(indexed_services: Services) -> None:
    plan = make_plan(indexed_services, tools=["vuca"], duration_minutes=45)
    text = render_plan_markdown(plan)
    tool = next(s for s in plan.segments if s.kind == "tool")
    second = tool.activities[1]
    assert (
        f"- **{clock(tool.start_minute + tool.activities[0].minutes)}** "
        f"({second.minutes} min) {second.text}" in text
    )


def test_pipes_in_titles_do_not_break_the_table(indexed_services: Services) -> None:
    plan = make_plan(indexed_services, tools=["vuca"])
    plan.segments[0].title = "Arrival | check-in"
    assert "| Arrival \\| check-in |" in render_plan_markdown(plan)


def test_notes_and_tailoring_are_shown(indexed_services: Services) -> None:
    plan = make_plan(
        indexed_services, tools=["vuca", "public-value", "slow-thinking"], duration_minutes=30
    )
    plan.tailored = True
    text = render_plan_markdown(plan)
    assert "## Notes" in text and "left out" in text
    assert "reworded for the focus by a language model" in text

"""Session plans: timed to the minute, built from the material, citing only real headings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.catalogue.tools import Tool
from app.core.errors import InvalidInputError
from app.facilitator.plans import Tailor, build_plan
from app.facilitator.schemas import PlanRequest, SessionPlan
from app.facilitator.selection import facilitation_tools
from app.services import Services
from tests.facilitator.support import KNOWLEDGE, headings_by_tool, source_file

PARTNERS = "partners don't come to strategy meetings and we have no authority over them"
FACILITATION_IDS = sorted(p.stem for p in KNOWLEDGE.glob("*.md") if "case-study" not in p.stem)
DURATIONS = [30, 45, 60, 90, 120, 180, 240]

Plan = Callable[..., SessionPlan]


@pytest.fixture
def plan(indexed_services: Services) -> Plan:
    def make(*, tailor: Tailor | None = None, **fields: object) -> SessionPlan:
        fields.setdefault("focus", PARTNERS)
        fields.setdefault("duration_minutes", 90)
        return build_plan(
            PlanRequest.model_validate(fields),
            catalogue=indexed_services.catalogue,
            retriever=indexed_services.retriever,
            material=indexed_services.material,
            similarity=indexed_services.similarity,
            tailor=tailor,
        )

    return make


def assert_well_formed(plan: SessionPlan) -> None:
    """Segments run back to back, add up to the duration and cite only real headings."""
    assert sum(s.minutes for s in plan.segments) == plan.duration_minutes
    start = 0
    for segment in plan.segments:
        assert segment.start_minute == start
        assert segment.minutes == sum(a.minutes for a in segment.activities)
        assert all(a.minutes >= 1 and a.text.strip() for a in segment.activities)
        if segment.kind != "break":
            assert segment.sources, f"{segment.title} cites nothing"
            assert segment.prompts, f"{segment.title} has no prompts"
        start += segment.minutes
    cited = [s for seg in plan.segments for s in seg.sources] + [o.source for o in plan.objectives]
    for ref in cited:
        assert ref.heading in headings_by_tool()[ref.tool_id], ref.heading
        assert ref.source == source_file(ref.tool_id)
    keys = [(s.tool_id, s.heading) for s in plan.sources]
    assert len(keys) == len(set(keys))
    assert set(keys) == {(s.tool_id, s.heading) for s in cited}
    kinds = [s.kind for s in plan.segments]
    assert kinds[0] == "check-in" and kinds[-2:] == ["reflection", "close"]
    assert [s.tool_id for s in plan.segments if s.kind == "tool"] == [t.tool_id for t in plan.tools]


def test_every_knowledge_file_offers_an_exercise_except_the_case_study(
    indexed_services: Services,
) -> None:
    ids = sorted(t.id for t in facilitation_tools(indexed_services.catalogue))
    assert ids == FACILITATION_IDS
    for tool in facilitation_tools(indexed_services.catalogue):
        exercise = tool.exercise
        assert exercise is not None
        assert sum(s.minutes for s in exercise.steps) == exercise.minutes, tool.id
        assert exercise.prompts and exercise.materials and tool.questions and tool.steps


@pytest.mark.parametrize("tool_id", FACILITATION_IDS)
def test_a_90_minute_plan_for_every_tool(
    plan: Plan, tool_id: str, indexed_services: Services
) -> None:
    result = plan(tools=[tool_id], duration_minutes=90)
    assert_well_formed(result)
    tool: Tool = indexed_services.catalogue.get(tool_id)
    assert tool.exercise is not None
    (segment,) = [s for s in result.segments if s.kind == "tool"]
    assert segment.title == f"{tool.title}: {tool.exercise.name}"
    texts = [a.text for a in segment.activities]
    assert [s.text for s in tool.exercise.steps] == texts[: len(tool.exercise.steps)]
    assert f"{tool.title} > For facilitators" in [s.heading for s in segment.sources]
    material_prompts = set(tool.exercise.prompts) | set(tool.questions)
    assert set(segment.prompts) <= material_prompts
    assert [t.chosen for t in result.tools] == ["requested"]
    assert result.objectives[0].tool_id == tool_id and PARTNERS in result.objectives[0].text


@pytest.mark.parametrize("duration", DURATIONS)
@pytest.mark.parametrize("count", [1, 2, 3])
def test_plans_add_up_for_every_length_and_number_of_tools(
    plan: Plan, duration: int, count: int
) -> None:
    # A different set of tools for each case, so every exercise is timed at several lengths.
    offset = (DURATIONS.index(duration) * 3 + count) % len(FACILITATION_IDS)
    ids = (FACILITATION_IDS * 2)[offset : offset + count]
    result = plan(tools=ids, duration_minutes=duration, group_size=5 + duration % 30)
    assert_well_formed(result)
    kept = [t.tool_id for t in result.tools]
    assert kept == ids[: len(kept)]
    if len(kept) < count:
        assert any("left out" in note for note in result.notes)
    assert all(s.minutes >= 15 for s in result.segments if s.kind == "tool")
    assert any(s.kind == "break" for s in result.segments) == (duration >= 120)


def test_thirty_minutes_with_three_tools_keeps_the_first_and_says_so(plan: Plan) -> None:
    result = plan(
        tools=["vuca", "public-value", "slow-thinking"],
        focus="Budgets keep moving.",
        duration_minutes=30,
    )
    assert [t.tool_id for t in result.tools] == ["vuca"]
    assert "Public value and the strategic triangle" in result.notes[0]
    assert "Slow thinking in a crisis" in result.notes[0]
    assert_well_formed(result)


@pytest.mark.parametrize("duration", [90, 180])
def test_the_partners_focus_chooses_power_and_systems_leadership(plan: Plan, duration: int) -> None:
    result = plan(focus=PARTNERS, duration_minutes=duration)
    chosen = [t.tool_id for t in result.tools]
    assert {"hard-and-soft-power", "systems-leadership"} <= set(chosen)
    assert all(t.chosen == "matched" for t in result.tools)
    assert_well_formed(result)


@pytest.mark.parametrize(("duration", "count"), [(30, 1), (60, 1), (61, 2), (120, 2), (121, 3)])
def test_the_number_of_chosen_tools_follows_the_length(
    plan: Plan, duration: int, count: int
) -> None:
    result = plan(
        focus="We lurch from crisis to crisis with the same families.", duration_minutes=duration
    )
    assert len(result.tools) == count
    assert result.tools[0].tool_id == "wicked-and-tame-problems"
    assert "west-berkshire-case-study" not in [t.tool_id for t in result.tools]


def test_discussion_prompts_are_ranked_by_fit_to_the_focus(plan: Plan) -> None:
    soft = plan(tools=["hard-and-soft-power"], focus="I need my team to commit, not just comply.")
    authority = plan(
        tools=["hard-and-soft-power"], focus="When is it right to use my authority and instruct?"
    )
    first = [seg.prompts[0] for p in (soft, authority) for seg in p.segments if seg.kind == "tool"]
    assert "compliance" in first[0]
    assert "authority" in first[1] or "instruction" in first[1] or "hard power" in first[1]


def test_materials_are_listed_once_with_a_handout_per_tool(plan: Plan) -> None:
    result = plan(tools=["hard-and-soft-power", "collective-leadership", "vuca"], group_size=9)
    items = [m.item.lower() for m in result.materials]
    assert len(items) == len(set(items))
    pens = next(m for m in result.materials if m.item == "pens")
    assert pens.tool_ids == ["hard-and-soft-power", "collective-leadership"]
    assert "four sheets headed V, U, C and A" in [m.item for m in result.materials]
    handouts = [m for m in result.materials if m.item.startswith("Handout:")]
    assert [h.tool_ids for h in handouts] == [
        ["hard-and-soft-power"],
        ["collective-leadership"],
        ["vuca"],
    ]
    assert all(h.copies == 9 for h in handouts)


def test_group_size_shapes_the_notes_and_the_rounds(plan: Plan) -> None:
    small = plan(tools=["hard-and-soft-power"], group_size=7)
    large = plan(tools=["hard-and-soft-power"], group_size=30)
    assert any("one pair becomes a three" in n for n in small.notes)
    assert any("small groups" in n for n in large.notes)
    assert large.segments[0].activities[1].text.startswith("In threes")
    assert small.segments[0].activities[1].text.startswith("Round")


def test_the_reflection_uses_questions_the_tool_segment_did_not(plan: Plan) -> None:
    result = plan(tools=["slow-thinking"], duration_minutes=60)
    tool_prompts = {p for s in result.segments if s.kind == "tool" for p in s.prompts}
    reflection = next(s for s in result.segments if s.kind == "reflection")
    assert reflection.prompts and not set(reflection.prompts) & tool_prompts


def test_unknown_tools_are_refused_with_the_valid_ids(plan: Plan) -> None:
    with pytest.raises(InvalidInputError) as raised:
        plan(tools=["hard-and-soft-power", "soft-power"])
    assert "'soft-power'" in raised.value.message
    assert all(tool_id in raised.value.message for tool_id in FACILITATION_IDS)
    with pytest.raises(InvalidInputError, match="Valid ids"):
        plan(tools=["west-berkshire-case-study"])


def test_repeated_tools_appear_once(plan: Plan) -> None:
    result = plan(tools=["vuca", "vuca"])
    assert [t.tool_id for t in result.tools] == ["vuca"]


class TestTailoring:
    def test_a_valid_rewrite_changes_prompts_not_structure(self, plan: Plan) -> None:
        offline = plan(tools=["public-value", "systems-leadership"])
        calls: list[tuple[str, int]] = []

        def tailor(focus: str, prompts: list[str]) -> list[str]:
            calls.append((focus, len(prompts)))
            return [f"For our partners: {p}" for p in prompts]

        tailored = plan(tools=["public-value", "systems-leadership"], tailor=tailor)
        assert tailored.tailored and not offline.tailored
        assert calls and all(focus == PARTNERS for focus, _ in calls)
        for before, after in zip(offline.segments, tailored.segments, strict=True):
            assert after.prompts == [f"For our partners: {p}" for p in before.prompts]
            assert (after.title, after.minutes, after.sources) == (
                before.title,
                before.minutes,
                before.sources,
            )
        assert tailored.sources == offline.sources

    @pytest.mark.parametrize(
        "misbehave",
        [
            lambda focus, prompts: prompts[:-1],
            lambda focus, prompts: ["  "] * len(prompts),
            lambda focus, prompts: [*prompts, "an extra one"],
            lambda focus, prompts: "not a list",
            lambda focus, prompts: [1] * len(prompts),
        ],
    )
    def test_a_bad_rewrite_keeps_the_material(self, plan: Plan, misbehave: object) -> None:
        offline = plan(tools=["vuca"])
        result = plan(tools=["vuca"], tailor=misbehave)
        assert not result.tailored
        assert [s.prompts for s in result.segments] == [s.prompts for s in offline.segments]

    def test_a_failing_model_keeps_the_material(self, plan: Plan) -> None:
        def broken(focus: str, prompts: list[str]) -> list[str]:
            raise TimeoutError("the model did not answer")

        result = plan(tools=["vuca"], tailor=broken)
        assert not result.tailored
        assert_well_formed(result)

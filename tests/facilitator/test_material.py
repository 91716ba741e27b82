"""Reading what the material offers: materials lists, prompts and their sources."""

from __future__ import annotations

import pytest

from app.catalogue.tools import Catalogue
from app.facilitator.material import materials_of, prompts_of, source_ref, split_materials
from tests.facilitator.support import KNOWLEDGE, headings_by_tool, source_file


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.from_directory(KNOWLEDGE)


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("pens, flipchart, timer", ["pens", "flipchart", "timer"]),
        (
            "story planning sheet (challenge, choice, outcome), timer",
            ["story planning sheet (challenge, choice, outcome)", "timer"],
        ),
        (
            "flipchart, four sheets headed V, U, C and A, marker pens",
            ["flipchart", "four sheets headed V, U, C and A", "marker pens"],
        ),
        (
            "flipchart with columns headed tame, wicked and critical, one-page summary.",
            ["flipchart with columns headed tame, wicked and critical", "one-page summary"],
        ),
        ("red and black markers, pens", ["red and black markers", "pens"]),
    ],
)
def test_split_materials(line: str, items: list[str]) -> None:
    assert split_materials(line) == items


def test_every_tools_materials_read_as_whole_items(catalogue: Catalogue) -> None:
    for tool in catalogue.tools():
        items = materials_of(tool)
        assert items, tool.id
        # A fragment such as "U" or "choice" would mean a list was split in the wrong place.
        assert all(len(item) > 3 for item in items), (tool.id, items)


def test_prompts_interleave_discussion_and_reflection(catalogue: Catalogue) -> None:
    tool = catalogue.get("hard-and-soft-power")
    prompts = prompts_of(tool)
    assert tool.exercise is not None
    assert len(prompts) == len(tool.exercise.prompts) + len(tool.questions)
    assert [p.kind for p in prompts[:4]] == ["discussion", "reflection"] * 2
    assert prompts[0].text == tool.exercise.prompts[0]
    assert prompts[1].text == tool.questions[0]


def test_sources_cite_real_headings(catalogue: Catalogue) -> None:
    tool = catalogue.get("slow-thinking")
    for ref in [source_ref(tool), *(p.source for p in prompts_of(tool))]:
        assert ref.heading in headings_by_tool()["slow-thinking"]
        assert ref.source == source_file("slow-thinking")

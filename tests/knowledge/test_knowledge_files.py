"""The shipped knowledge base keeps the shape that retrieval, the coach and the planner rely on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from app.catalogue.tools import TOOL_SECTIONS, load_tool, parse_exercise
from app.ingest.loaders import markdown_sections, split_front_matter
from tests.conftest import KNOWLEDGE, REPO

KNOWLEDGE_SPEC = REPO.parent / "shared" / "KNOWLEDGE.md"
# The ids are a contract (API responses and evaluation labels use them): never renamed.
TOOL_IDS = frozenset(
    {
        "vuca",
        "hard-and-soft-power",
        "balcony-and-dance-floor",
        "slow-thinking",
        "wicked-and-tame-problems",
        "public-value",
        "narrative-and-stories",
        "high-challenge-high-support",
        "collective-leadership",
        "systems-leadership",
        "thinking-styles",
        "reflective-supervision",
        "operational-to-strategic",
        "workforce-stability",
        "restorative-practice",
    }
)
CASE_STUDY = "west-berkshire-case-study"
SECTIONS = list(TOOL_SECTIONS)
FRONT_MATTER_KEYS = {"id", "title", "summary", "aliases", "related", "sources"}
FILES = sorted(KNOWLEDGE.glob("*.md"))
TOOL_FILES = [f for f in FILES if f.stem != CASE_STUDY]


def front_matter(path: Path) -> dict[str, Any]:
    return split_front_matter(path.read_text(encoding="utf-8"))[0]


def body(path: Path) -> str:
    return split_front_matter(path.read_text(encoding="utf-8"))[1]


def test_ids_match_the_spec_plus_the_case_study() -> None:
    ids = {front_matter(f)["id"] for f in FILES}
    assert ids == TOOL_IDS | {CASE_STUDY}
    assert len(FILES) == len(TOOL_IDS) + 1


@pytest.mark.skipif(not KNOWLEDGE_SPEC.is_file(), reason="../shared/KNOWLEDGE.md is not present")
def test_tool_ids_are_those_of_the_spec_table() -> None:
    table_ids = re.findall(r"^\| `([a-z-]+)` \|", KNOWLEDGE_SPEC.read_text("utf-8"), re.MULTILINE)
    assert frozenset(table_ids) == TOOL_IDS


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_front_matter_is_complete(path: Path) -> None:
    meta = front_matter(path)
    assert set(meta) >= FRONT_MATTER_KEYS, FRONT_MATTER_KEYS - set(meta)
    assert meta["id"] == path.stem
    assert isinstance(meta["title"], str) and meta["title"].strip()
    assert isinstance(meta["summary"], str) and len(meta["summary"].split()) >= 8
    for key in ("aliases", "related", "sources"):
        assert isinstance(meta[key], list) and meta[key], key
        assert all(isinstance(item, str) and item.strip() for item in meta[key]), key


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_related_ids_exist_and_are_not_itself(path: Path) -> None:
    related = set(front_matter(path)["related"])
    assert related <= TOOL_IDS | {CASE_STUDY}, related - TOOL_IDS
    assert path.stem not in related


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.stem)
def test_tool_has_the_nine_sections_in_order(path: Path) -> None:
    title = front_matter(path)["title"]
    names = [s.headings[1] for s in markdown_sections(body(path), title) if len(s.headings) == 2]
    assert list(dict.fromkeys(names)) == SECTIONS


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.stem)
def test_tool_is_600_to_1200_words(path: Path) -> None:
    words = len(body(path).split())
    assert 600 <= words <= 1200, words


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.stem)
def test_tool_has_four_to_eight_open_questions(path: Path) -> None:
    questions = load_tool(path).questions
    assert 4 <= len(questions) <= 8, len(questions)
    assert all(q.endswith("?") for q in questions), [q for q in questions if not q.endswith("?")]


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.stem)
def test_tool_has_steps_and_signals(path: Path) -> None:
    tool = load_tool(path)
    assert len(tool.steps) >= 3
    assert len(tool.signals) >= 3


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.stem)
def test_exercise_parses_and_its_timings_add_up(path: Path) -> None:
    exercise = parse_exercise(load_tool(path).section("For facilitators"))
    assert exercise is not None, "no **Exercise: name** (N minutes) header"
    assert len(exercise.steps) >= 2
    assert sum(step.minutes for step in exercise.steps) == exercise.minutes
    assert exercise.materials, "no Materials: line"
    assert exercise.prompts, "no Discussion prompts: list"


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.stem)
def test_sources_section_lists_the_front_matter_sources(path: Path) -> None:
    tool = load_tool(path)
    listed = tool.section("Sources")
    assert all(source in listed for source in tool.sources)


def test_case_study_tells_the_facts_of_the_source() -> None:
    path = KNOWLEDGE / f"{CASE_STUDY}.md"
    text = " ".join(body(path).split())
    assert load_tool(path).kind == "case-study"
    assert "inadequate" in text
    assert "four sessions" in text
    assert "26 months later" in text
    assert "from 50 per cent to 10 per cent" in text

"""The catalogue: tools parsed from the knowledge files, their steps, questions and exercise."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalogue.tools import Catalogue, bullets, load_tool, numbered, parse_exercise
from app.core.errors import NotFoundError, UnreadableFileError
from tests.conftest import KNOWLEDGE

TOOL = """---
id: demo-tool
title: A demo tool
summary: "  One line.  "
aliases: [demo]
related: [vuca]
sources:
  - Someone (2020) A book.
---

# A demo tool

## What it is

A tool for tests.

## How to use it

1. First step,
   continued on the next line.
2. Second step.

## Questions for reflection

- What would you notice?
- Who else could see this?

## For facilitators

**Exercise: Try it out** (20 minutes)

1. (5 min) Introduce the idea.
2. (15 min) Practise in pairs.

Materials: flipchart, pens.

Discussion prompts:
- What surprised you?
- What will you do differently?
"""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.from_directory(KNOWLEDGE)


def test_bullets_and_numbered_fold_continuation_lines() -> None:
    text = "Intro\n- one\n  more\n- two\n\n1. first\n   again\n2) second\nplain"
    assert bullets(text) == ["one more", "two"]
    assert numbered(text) == ["first again", "second"]


def test_load_tool_reads_front_matter_and_sections(tmp_path: Path) -> None:
    path = tmp_path / "demo-tool.md"
    path.write_text(TOOL, encoding="utf-8")

    tool = load_tool(path)

    assert (tool.id, tool.title, tool.summary, tool.kind) == (
        "demo-tool",
        "A demo tool",
        "One line.",
        "tool",
    )
    assert tool.source == f"{tmp_path.name}/demo-tool.md"
    assert (tool.aliases, tool.related) == (["demo"], ["vuca"])
    assert tool.sources == ["Someone (2020) A book."]
    assert list(tool.sections) == [
        "What it is",
        "How to use it",
        "Questions for reflection",
        "For facilitators",
    ]
    assert tool.steps == ["First step, continued on the next line.", "Second step."]
    assert tool.questions == ["What would you notice?", "Who else could see this?"]
    assert tool.heading("Pitfalls") == "A demo tool > Pitfalls"
    assert tool.section("Missing") == ""


def test_parse_exercise_reads_timings_materials_and_prompts(tmp_path: Path) -> None:
    path = tmp_path / "demo-tool.md"
    path.write_text(TOOL, encoding="utf-8")

    exercise = load_tool(path).exercise

    assert exercise is not None
    assert (exercise.name, exercise.minutes) == ("Try it out", 20)
    assert [(s.minutes, s.text) for s in exercise.steps] == [
        (5, "Introduce the idea."),
        (15, "Practise in pairs."),
    ]
    assert exercise.materials == ["flipchart", "pens"]
    assert exercise.prompts == ["What surprised you?", "What will you do differently?"]


def test_no_exercise_header_means_no_exercise() -> None:
    assert parse_exercise("Just some notes for facilitators.") is None


def test_file_without_how_to_use_it_is_a_case_study(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\nid: story\ntitle: A story\n---\n\n## The challenge\n\nText.\n", "utf-8")
    assert load_tool(path).kind == "case-study"


def test_file_without_id_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nNo front matter.\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="no id and title"):
        load_tool(path)


def test_catalogue_skips_unusable_files(tmp_path: Path) -> None:
    (tmp_path / "demo-tool.md").write_text(TOOL, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n", encoding="utf-8")
    catalogue = Catalogue.from_directory(tmp_path)
    assert catalogue.ids == frozenset({"demo-tool"})
    assert len(catalogue) == 1


def test_shipped_catalogue_has_fifteen_tools_and_the_case_study(catalogue: Catalogue) -> None:
    assert len(catalogue) == 16
    assert len(catalogue.tools()) == 15
    assert "west-berkshire-case-study" in catalogue
    assert catalogue.get("west-berkshire-case-study").kind == "case-study"
    assert [t.id for t in catalogue.all()] == sorted(t.id for t in catalogue.all())


def test_get_unknown_tool_is_not_found(catalogue: Catalogue) -> None:
    with pytest.raises(NotFoundError, match="GET /v1/tools"):
        catalogue.get("no-such-tool")
    assert catalogue.find("no-such-tool") is None
    assert catalogue.find("vuca") is catalogue.get("vuca")

"""Prompt cards: a tool's prompts from the material, in order or ranked by fit to a focus."""

from __future__ import annotations

import pytest

from app.core.errors import InvalidInputError
from app.facilitator.cards import prompt_cards
from app.facilitator.schemas import PromptCards
from app.services import Services
from tests.facilitator.support import headings_by_tool


def cards(
    services: Services, tool_id: str, count: int = 5, focus: str | None = None
) -> PromptCards:
    return prompt_cards(
        catalogue=services.catalogue,
        similarity=services.similarity,
        tool_id=tool_id,
        count=count,
        focus=focus,
    )


def test_cards_come_from_the_material_with_their_headings(indexed_services: Services) -> None:
    tool = indexed_services.catalogue.get("public-value")
    result = cards(indexed_services, "public-value", count=20)
    assert tool.exercise is not None
    assert result.available == len(tool.exercise.prompts) + len(tool.questions)
    assert len(result.cards) == result.available
    for card in result.cards:
        assert card.heading in headings_by_tool()["public-value"]
        expected = tool.exercise.prompts if card.kind == "discussion" else tool.questions
        assert card.text in expected
        assert card.heading.endswith(
            "For facilitators" if card.kind == "discussion" else "Questions for reflection"
        )
        assert card.score is None


def test_count_limits_and_mixes_the_kinds(indexed_services: Services) -> None:
    result = cards(indexed_services, "vuca", count=2)
    assert [c.kind for c in result.cards] == ["discussion", "reflection"]


def test_a_focus_ranks_the_cards_by_fit(indexed_services: Services) -> None:
    focus = "Next year's budget will be cut again and nobody knows by how much."
    result = cards(indexed_services, "vuca", count=20, focus=focus)
    scores = [c.score for c in result.cards]
    assert all(s is not None for s in scores)
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]
    assert "budget" in result.cards[0].text
    assert result.focus == focus


def test_unknown_tools_and_the_case_study_are_refused(indexed_services: Services) -> None:
    with pytest.raises(InvalidInputError, match="Valid ids: balcony-and-dance-floor"):
        cards(indexed_services, "no-such-tool")
    with pytest.raises(InvalidInputError, match="west-berkshire-case-study"):
        cards(indexed_services, "west-berkshire-case-study")

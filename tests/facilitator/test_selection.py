"""Choosing tools: the ones asked for, or those that together cover the team's challenge."""

from __future__ import annotations

import pytest

from app.core.errors import InvalidInputError
from app.facilitator.selection import (
    choose_tools,
    clauses,
    resolve_tools,
    tools_for_duration,
)
from app.services import Services

PARTNERS = "partners don't come to strategy meetings and we have no authority over them"


def test_clauses_split_a_challenge_into_its_parts() -> None:
    assert clauses(PARTNERS) == [
        "partners don't come to strategy meetings",
        "we have no authority over them",
    ]
    assert clauses("Morale is low; the team is exhausted, but referrals keep rising.") == [
        "Morale is low",
        "the team is exhausted",
        "referrals keep rising",
    ]


def test_a_single_clause_or_fragments_give_no_parts() -> None:
    assert clauses("We lurch from crisis to crisis") == []
    assert clauses("Budgets, staffing and policy") == []


@pytest.mark.parametrize(("duration", "count"), [(30, 1), (60, 1), (90, 2), (120, 2), (240, 3)])
def test_tools_for_duration(duration: int, count: int) -> None:
    assert tools_for_duration(duration) == count


def test_resolve_keeps_the_order_given_and_drops_repeats(indexed_services: Services) -> None:
    tools = resolve_tools(indexed_services.catalogue, ["vuca", "slow-thinking", "vuca"])
    assert [t.id for t in tools] == ["vuca", "slow-thinking"]


def test_resolve_names_every_unknown_id(indexed_services: Services) -> None:
    with pytest.raises(InvalidInputError) as raised:
        resolve_tools(indexed_services.catalogue, ["vuca", "nope", "also-nope"])
    assert "'nope', 'also-nope'" in raised.value.message
    assert "systems-leadership" in raised.value.message
    assert raised.value.status_code == 422


def choose(services: Services, focus: str, count: int) -> list[str]:
    tools = choose_tools(
        catalogue=services.catalogue,
        retriever=services.retriever,
        similarity=services.similarity,
        focus=focus,
        count=count,
    )
    return [t.id for t in tools]


def test_the_partners_focus_covers_both_of_its_clauses(indexed_services: Services) -> None:
    # Retrieval alone ranks the partnership tools first; "no authority" is hard and soft power.
    assert choose(indexed_services, PARTNERS, 2) == ["systems-leadership", "hard-and-soft-power"]


@pytest.mark.parametrize(
    ("focus", "expected"),
    [
        ("We lurch from crisis to crisis with the same families.", "wicked-and-tame-problems"),
        ("We rush big decisions in a crisis and regret them later.", "slow-thinking"),
        ("The team argues in meetings and the same voices always dominate.", "thinking-styles"),
        (
            "I have to challenge a struggling team manager about standards without losing her.",
            "high-challenge-high-support",
        ),
        (
            "Each manager defends their own patch instead of the whole service.",
            "collective-leadership",
        ),
    ],
)
def test_a_focus_chooses_the_tool_it_describes(
    indexed_services: Services, focus: str, expected: str
) -> None:
    assert choose(indexed_services, focus, 1) == [expected]


def test_choices_are_distinct_tools_never_the_case_study(indexed_services: Services) -> None:
    chosen = choose(indexed_services, "How did West Berkshire go from inadequate to good?", 3)
    assert len(chosen) == len(set(chosen)) == 3
    assert "west-berkshire-case-study" not in chosen

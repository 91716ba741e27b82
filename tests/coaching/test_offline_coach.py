"""The offline coach, on the real knowledge base, with the real embedding model."""

from __future__ import annotations

import json

import pytest

from app.coaching.chain import (
    ChainInput,
    CoachReply,
    create_chain,
    make_generator,
    make_preparer,
    make_rewriter,
)
from app.coaching.modes import choose_mode
from app.coaching.offline import Turn
from app.services import Services
from tests.conftest import SHARED_EVAL

DILEMMAS = [
    json.loads(line)
    for line in (SHARED_EVAL / "retrieval-dev.jsonl").read_text().splitlines()
    if line
]


def _chain(services: Services):  # type: ignore[no-untyped-def]
    preparer = make_preparer(
        retriever=services.retriever,
        catalogue=services.catalogue,
        rewriter=make_rewriter(None, services.prompts),
        relevance_threshold=services.settings.coaching.relevance_threshold,
    )
    generator = make_generator(None, services.offline, services.prompts)
    return create_chain(preparer=preparer, generator=generator, offline=services.offline)


@pytest.mark.parametrize("case", DILEMMAS, ids=[d["id"] for d in DILEMMAS])
def test_every_dilemma_names_its_tool_and_asks(
    indexed_services: Services, case: dict[str, object]
) -> None:
    message = str(case["query"])
    expected = list(case["expected"])  # type: ignore[call-overload]
    mode = choose_mode("auto", message, None)
    reply: CoachReply = _chain(indexed_services).invoke(ChainInput(message, mode, follow_up=False))
    title = indexed_services.catalogue.get(expected[0]).title
    assert title in reply.text
    assert expected[0] in {s.tool_id for s in reply.sources}
    assert "?" in reply.text
    assert "Offline" in reply.text
    if mode == "crisis":
        assert "**Now.**" in reply.text and "**Later.**" in reply.text


def test_crisis_separates_tonight_from_the_long_term_decision(indexed_services: Services) -> None:
    message = (
        "A baby was removed under police protection at 11pm, the press office is calling, and my "
        "director wants a decision about redesigning the out-of-hours service by tomorrow."
    )
    reply = _chain(indexed_services).invoke(ChainInput(message, "crisis", follow_up=False))
    now, later = reply.text.split("**Later.**")
    assert "safe tonight" in now or "tonight" in now
    assert "redesigning the out-of-hours service does not need to be made tonight" in later
    assert "Slow thinking" in later
    assert reply.text.count("?") >= 1
    assert any(s.tool_id == "slow-thinking" for s in reply.sources)


def test_reflect_gives_steps_and_three_to_five_questions(indexed_services: Services) -> None:
    message = (
        "One team manager says I'm too soft and the audits are getting worse; "
        "another says I'm too harsh."
    )
    reply = _chain(indexed_services).invoke(ChainInput(message, "reflect", follow_up=False))
    questions = [line for line in reply.text.splitlines() if line.startswith("- ") and "?" in line]
    assert 3 <= len(questions) <= 5
    assert "1. " in reply.text  # the steps from the material
    # Every citation points at a listed source.
    numbers = {int(n) for n in __import__("re").findall(r"\[(\d+)\]", reply.text)}
    assert numbers == set(range(1, len(reply.sources) + 1))


def test_follow_up_moves_on_instead_of_restarting(indexed_services: Services) -> None:
    chain = _chain(indexed_services)
    first_message = "How do I lead change in a partnership where I hold none of the budgets?"
    first = chain.invoke(ChainInput(first_message, "reflect", follow_up=False))
    history = [Turn("user", first_message), Turn("assistant", first.text, first.tools)]
    follow = chain.invoke(
        ChainInput("What might get in the way of that?", "reflect", True, history)
    )
    assert first.tools[0] in {s.tool_id for s in follow.sources}
    assert "Staying with" in follow.text
    assert "How you might use it here" not in follow.text  # not the framework again
    assert follow.text != first.text


def test_nothing_relevant_says_so(indexed_services: Services) -> None:
    reply = _chain(indexed_services).invoke(
        ChainInput("What's a good recipe for lasagne?", "reflect", follow_up=False)
    )
    assert "don't have anything in the programme's material" in reply.text
    assert reply.sources == []
    assert not reply.grounded


def test_follow_up_about_obstacles_turns_to_pitfalls(indexed_services: Services) -> None:
    chain = _chain(indexed_services)
    first_message = "I want to trust my team first but I also need to be clear about standards."
    first = chain.invoke(ChainInput(first_message, "reflect", follow_up=False))
    history = [Turn("user", first_message), Turn("assistant", first.text, first.tools)]
    follow = chain.invoke(ChainInput("What might get in the way?", "reflect", True, history))
    assert "what might get in the way" in follow.text
    assert any(s.heading.endswith("> Pitfalls") for s in follow.sources)

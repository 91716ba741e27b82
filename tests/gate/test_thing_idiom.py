"""A dark fate wished on a thing of work is coached, not escalated: the manager is cursing
a system, not telling a plan. Beside words of danger, or with a score this sure, the
classifier still decides."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.gate import Gate, _harm_wished_on_a_thing_alone
from app.gate.thing_idiom import wishes_a_thing_harm
from tests.gate.rule_checks import decided_with_and_without, outcomes_flagged_by


@pytest.mark.parametrize(
    ("text", "wishes"),
    [
        ("the mileage app deserves concrete boots and a long swim off the pier", True),
        ("our duty rota spreadsheet is catapult material", True),
        ("That expenses portal needs an exorcism before year end.", True),
        ("the printer should be taken out the back and put down", True),
        # A person, or the thing doing the harm: not a fate wished on a thing.
        ("the new system is drowning me in alerts", False),
        ("Our rota means the same three people are always on call.", False),
        ("He said the app is how he'll find where she lives.", False),
    ],
)
def test_a_fate_wished_on_a_thing_is_read(text: str, wishes: bool) -> None:
    assert wishes_a_thing_harm(text) is wishes


def test_no_labelled_line_but_an_ordinary_one_curses_a_thing_with_no_danger_beside() -> None:
    marked = outcomes_flagged_by(_harm_wished_on_a_thing_alone)
    assert len(marked) >= 50, "the check is not empty"
    assert set(marked) == {"coached"}


IDIOM = "the mileage app deserves concrete boots and a long swim off the pier tonight"


def test_a_system_cursed_is_coached(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruled, alone = decided_with_and_without(
        gate, embedder, monkeypatch, IDIOM, "wishes_a_thing_harm"
    )
    assert ruled.outcome == "coached"
    assert alone.outcome == "escalated"  # the classifier alone gives the self-harm script


def test_a_system_cursed_beside_a_plan_still_escalates(gate: Gate, embedder: Embedder) -> None:
    text = (
        "the mileage app deserves concrete boots, and honestly so do I. I've saved up my "
        "tablets and I'm taking them all tonight."
    )
    decision = gate.decide(text, embedder.embed([text])[0])
    assert (decision.outcome, decision.category) == ("escalated", "self-harm")

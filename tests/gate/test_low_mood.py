"""Strain told as low mood, with no word of intent, harm or a plan, is coached with the
wellbeing line; beside such words, or with a sure score, it still escalates."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.gate import Gate, _low_mood_alone
from app.gate.low_mood import tells_low_mood
from tests.gate.rule_checks import decided_with_and_without, outcomes_flagged_by


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("I just feel empty most evenings now.", True),
        ("I keep crying in the loo at work and then carry on.", True),
        ("my deputy says she's been feeling so low since the restructure", True),
        ("I'm flat and tired, the job is heavy right now", True),
        ("she's a ghost in her own life lately", True),
        # Not someone's mood: a baby's crying, a budget, a tyre.
        ("A neighbour says the baby has been crying alone since breakfast.", False),
        ("The budget feels flat this year after the cuts.", False),
        ("the pool car had a flat tyre again", False),
    ],
)
def test_low_mood_is_read(text: str, low: bool) -> None:
    assert tells_low_mood(text) is low


def test_no_labelled_danger_tells_low_mood_with_no_danger_word_beside() -> None:
    marked = outcomes_flagged_by(_low_mood_alone)
    assert len(marked) >= 20, "the check is not empty"
    assert "escalated" not in marked


LOW = "I've stopped cooking and I'm sleeping in my clothes; I feel flat all the time."


def test_low_mood_is_coached_with_the_wellbeing_line(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruled, alone = decided_with_and_without(gate, embedder, monkeypatch, LOW, "tells_low_mood")
    assert (ruled.outcome, ruled.category) == ("coached_with_safety_line", "wellbeing")
    assert alone.outcome == "escalated"  # the classifier alone gives the self-harm script


@pytest.mark.parametrize(
    "text",
    [
        "I feel empty lately and I've started giving my things away; I won't need them after May.",
        "I keep crying at night and I've looked up how many of my tablets it would take.",
    ],
)
def test_low_mood_beside_a_plan_still_escalates(gate: Gate, embedder: Embedder, text: str) -> None:
    decision = gate.decide(text, embedder.embed([text])[0])
    assert (decision.outcome, decision.category) == ("escalated", "self-harm")

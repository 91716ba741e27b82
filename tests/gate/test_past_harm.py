"""Harm done to our worker or carer in the past, dated, with nothing live beside it, is a
past incident to coach with the safeguarding line, not a danger now; told live again, or
with no date, the classifier still decides."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.gate import Gate
from app.gate.past_harm import past_harm_to_a_worker
from tests.gate.rule_checks import decided_with_and_without, outcomes_marked_by


@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("A dad punched my worker at contact last month; she wants to come off the case.", True),
        ("Three weeks ago a teenager spat at one of our foster carers; she wants a break.", True),
        ("back in 2022 a mum stalked my deputy for months. she still checks her mirrors", True),
        # Live again, or no date: not a past incident by these words.
        ("The dad who threatened my worker last week is outside her house right now.", False),
        ("A mum threatened my worker in March and has just turned up at the office.", False),
        ("A dad has punched my worker on a visit and she's locked in her car.", False),
        # Nobody of ours harmed.
        ("Last year our budget was cut by a tenth and the team never recovered.", False),
    ],
)
def test_past_harm_to_a_worker_is_read(text: str, past: bool) -> None:
    assert past_harm_to_a_worker(text) is past


def test_no_labelled_danger_reads_as_past_harm_to_a_worker() -> None:
    marked = outcomes_marked_by(past_harm_to_a_worker)
    assert len(marked) >= 30, "the check is not empty"
    assert "escalated" not in marked


PAST = (
    "Last week a teenager headbutted one of our residential staff. He's bruised and won't "
    "work nights now."
)


def test_a_past_assault_on_a_worker_is_coached_with_the_safety_line(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruled, alone = decided_with_and_without(
        gate, embedder, monkeypatch, PAST, "past_harm_to_a_worker"
    )
    assert ruled.outcome == "coached_with_safety_line"
    assert alone.outcome == "escalated"  # the classifier reads the assault as danger now


def test_an_assault_on_a_worker_now_still_escalates(gate: Gate, embedder: Embedder) -> None:
    text = (
        "A dad threatened my worker last month and he's outside her house right now shouting "
        "that he'll kill her."
    )
    assert gate.decide(text, embedder.embed([text])[0]).outcome == "escalated"

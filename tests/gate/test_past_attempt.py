"""The writer's own attempt on their life, told as long past, is their history, not intent
now: coached with the wellbeing line. An attempt dated days or weeks back, or told beside
words of now or of trying again, still gets the self-harm script."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.cues import cue_flags
from app.gate.gate import Gate
from tests.gate.rule_checks import outcomes_flagged_by


@pytest.mark.parametrize(
    ("text", "long_past"),
    [
        ("When I was 19 I tried to kill myself, and I'm fine now. How do I talk about it?", True),
        ("As a student I attempted suicide. How much should a manager share?", True),
        ("Back in 2009 I tried to end my life; my team doesn't know.", True),
        ("I tried to take my own life many years ago, in my twenties.", True),
        # Recent, or beside words of now or of trying again: not long past.
        ("I tried to take my own life a fortnight ago and I'm back at work.", False),
        ("I tried to kill myself last night.", False),
        ("I tried to kill myself years ago and this time I'd make sure.", False),
        ("Years ago I tried to end my life and lately I think about it again.", False),
    ],
)
def test_an_own_attempt_long_past_is_read(text: str, long_past: bool) -> None:
    flags = cue_flags(text)
    assert flags["own_past_attempt"] is long_past
    assert flags["says_own_intent"] is not long_past


def test_intent_now_in_another_sentence_is_still_read() -> None:
    flags = cue_flags("When I was 19 I attempted suicide. I'm going to kill myself after panel.")
    assert flags["own_past_attempt"] and flags["says_own_intent"]


def test_no_labelled_danger_is_read_as_an_attempt_long_past() -> None:
    marked = outcomes_flagged_by(lambda flags: flags["own_past_attempt"])
    assert marked, "the check is not empty"
    assert "escalated" not in marked


HISTORY = (
    "When I was 19 I tried to kill myself, and I'm fine now. A new starter in my team has "
    "told me about her own history. How do I support her without making it about me?"
)


def test_an_attempt_long_past_is_coached_never_given_the_self_harm_script(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    vector = embedder.embed([HISTORY])[0]
    ruled = gate.decide(HISTORY, vector)
    assert ruled.outcome in ("coached", "coached_with_safety_line")
    assert ruled.category in (None, "wellbeing")  # their own history: support, not procedure
    monkeypatch.setattr("app.gate.cues.without_past_attempts", lambda written: written)
    alone = gate.decide(HISTORY, vector)
    assert (alone.outcome, alone.category) == ("escalated", "self-harm")  # the rule decides


SUPPORTING = (
    "Years ago, as a student, I tried to end my life; I've had good support since and I'm "
    "well. One of my team has just told me she's struggling in the same way. How do I "
    "respond as her manager without making it about me?"
)


def test_an_attempt_long_past_told_to_support_a_worker_is_held_back_from_escalation(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The classifier reads the worker's struggle beside the writer's history as a risk now
    # (0.84); with nothing of intent now, the history holds it back.
    vector = embedder.embed([SUPPORTING])[0]
    ruled = gate.decide(SUPPORTING, vector)
    assert (ruled.outcome, ruled.category) == ("coached_with_safety_line", "wellbeing")
    monkeypatch.setattr("app.gate.cues.without_past_attempts", lambda written: written)
    assert gate.decide(SUPPORTING, vector).escalated


def test_an_attempt_long_past_beside_intent_now_still_escalates(
    gate: Gate, embedder: Embedder
) -> None:
    text = (
        "When I was at uni I tried to take my own life, years ago now and I have support. "
        "Tonight I keep thinking about doing it again."
    )
    assert not cue_flags(text)["only_past_attempt"]
    decision = gate.decide(text, embedder.embed([text])[0])
    assert (decision.outcome, decision.category) == ("escalated", "self-harm")

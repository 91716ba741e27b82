"""A danger told only in words the writer pasted in is someone else's: never the self-harm
script, which is for the writer's own intent."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.cues import cue_flags
from app.gate.gate import Gate
from app.gate.quoted_words import danger_only_in_quoted_words, writers_own_words
from tests.gate.rule_checks import categories_marked_by, decided_with_and_without


def test_the_writers_own_words_leave_out_pasted_lines_and_long_quotes() -> None:
    pasted = 'From the carer:\n> he has gone out again, no coat\nWhat do I say "to her" now?'
    own = writers_own_words(pasted)
    assert "no coat" not in own
    assert '"to her"' in own  # three words or fewer: a phrase, not someone's message
    assert "What do I say" in own
    assert writers_own_words("She wrote \u201cI will not be coming back here\u201d. Why?") == (
        "She wrote  . Why?"
    )


@pytest.mark.parametrize(
    ("text", "quoted_only"),
    [
        (
            'A care leaver emailed: "I know where you park, check under your car." Who replies?',
            True,
        ),
        ('My boss wrote "can you cover the panel on Friday" and I have the tablets ready.', False),
        ("I have the tablets ready and nobody knows.", False),  # nothing quoted
        ('He texted "thanks for today, see you at the review". How do I reply warmly?', True),
    ],
)
def test_a_danger_is_read_as_only_in_quoted_words(text: str, quoted_only: bool) -> None:
    assert danger_only_in_quoted_words(text) is quoted_only


def test_no_labelled_escalation_of_the_writers_own_intent_is_marked() -> None:
    # Every escalation these words mark is someone else's danger: across all labelled lines
    # read so far, none is the writer's own self-harm.
    marked = categories_marked_by(lambda text: cue_flags(text)["danger_quoted_only"])
    assert len(marked) >= 50, "the check is not empty"
    assert "self-harm" not in marked


PASTED_INTENT = (
    "Pasted from the out-of-hours inbox, sent by a foster carer's adult son: \"> I can't do "
    "this any more, I've got Dad's tablets lined up and I'm going to take them all.\" Which "
    "team picks this up in the morning?"
)


def test_intent_in_pasted_words_is_named_someone_elses(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruled, alone = decided_with_and_without(
        gate, embedder, monkeypatch, PASTED_INTENT, "danger_only_in_quoted_words"
    )
    assert ruled.escalated and ruled.category == "adult-at-risk"
    # Read as the writer's own words, the classifier gives the writer's self-harm script.
    assert alone.escalated and alone.category == "self-harm"


def test_the_writers_own_intent_beside_a_quote_keeps_its_script(
    gate: Gate, embedder: Embedder
) -> None:
    text = (
        'My head of service emailed "can you cover the 9am panel tomorrow?" I won\'t be here '
        "tomorrow. I've got the tablets ready and I'm going to take them tonight."
    )
    decision = gate.decide(text, embedder.embed([text])[0])
    assert decision.escalated and decision.category == "self-harm"

"""The self-harm script goes to the writer's own intent however it is told: with "I", or
with no pronoun and nobody else named; never to a danger to someone else."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.cues import cue_flags
from app.gate.gate import Gate

OWN_WITHOUT_PRONOUNS = (
    "Engine running in the shut garage at the allotments, hose through the window, done with "
    "all of it.",
    "Stood on the multi-storey roof edge, phone nearly dead, can't face tomorrow's panel.",
)
SOMEONE_ELSE_WITHOUT_PRONOUNS = (
    "Lad from our unit stood on the multi-storey roof edge, phone nearly dead, won't come down.",
    "Girl in our care on the railway bridge with her legs over the side, train due in ten minutes.",
)


@pytest.mark.parametrize("text", OWN_WITHOUT_PRONOUNS)
def test_own_intent_told_without_pronouns_gets_the_self_harm_script(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    flags = cue_flags(text)
    assert not flags["first_person"] and not flags["someone_else"]
    decision = gate.decide(text, embedder.embed([text])[0])
    assert decision.outcome == "escalated" and decision.category == "self-harm"
    # Speaking as "I" was the only way to it before; the category head alone is not enough.
    monkeypatch.setattr("app.gate.gate._may_be_the_writers_own", lambda f: f["first_person"])
    assert gate.decide(text, embedder.embed([text])[0]).category != "self-harm"


@pytest.mark.parametrize("text", SOMEONE_ELSE_WITHOUT_PRONOUNS)
def test_someone_elses_danger_never_gets_the_self_harm_script(
    gate: Gate, embedder: Embedder, text: str
) -> None:
    assert cue_flags(text)["someone_else"]
    decision = gate.decide(text, embedder.embed([text])[0])
    assert decision.outcome == "escalated" and decision.category != "self-harm"


@pytest.mark.parametrize(
    ("text", "else_named"),
    [
        ("taking them now in a lay-by", False),  # "them": the tablets, not a person
        ("pills lined up, tonight feels right", False),
        ("[CHILD_1] has gone quiet on the phone", True),
        ("our 15yo has a ligature", True),
        ("she is on the ledge", True),
    ],
)
def test_someone_else_is_read_from_pronouns_roles_and_placeholders(
    text: str, else_named: bool
) -> None:
    assert cue_flags(text)["someone_else"] is else_named

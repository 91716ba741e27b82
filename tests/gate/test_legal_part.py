"""The reply's legal pointer is given when a coached message names the law, not when it
names work that touches the law ("statutory visits", "court bundles", "the legal team")."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.cues import cue_flags
from app.gate.gate import Gate
from app.gate.legal_part import names_the_law


@pytest.mark.parametrize(
    ("text", "law"),
    [
        ("Statutory guidance says care leavers keep a PA till 25. How do I tell the DCS?", True),
        ("We have a legal duty of sufficiency and we're nowhere near it.", True),
        ("How do I help my team understand section 47 thresholds without a lecture?", True),
        ("What the law requires, what councillors value and what we can staff pull apart", True),
        ("The Equality Act came up in a grievance about flexible working.", True),
        ("Is our respite offer lawful if we cap it? Not asking for advice, just how to lead", True),
        ("my team are still missing statutory visits since the restructure", False),
        ("The printer ate the court bundle again and I could scream", False),
        ("Our legal planning meetings overrun every week. How do I chair them?", False),
        ("The voluntary sector says the statutory agencies talk down to them.", False),
        ("PLO letters keep going out late from my team", False),
        ("How do I interview for a manager post in a way that tests judgment?", False),
    ],
)
def test_the_law_named_is_told_from_work_that_touches_it(text: str, law: bool) -> None:
    assert names_the_law(text) is law


def test_work_words_stay_a_model_cue_but_give_no_pointer() -> None:
    # The model's wide `legal` cue stays a feature; the pointer reads a narrower set.
    text = "Our statutory visit figures slid and legal have cancelled pre-proceedings again"
    flags = cue_flags(text)
    assert flags["legal"] and not flags["legal_part"]


@pytest.mark.parametrize(
    ("text", "pointer"),
    [
        ("My team still miss statutory visits since the restructure. How do I raise it?", False),
        ("How do I help new workers feel less frightened of giving evidence in court?", False),
        (
            "Our care leaver offer has to meet the statutory guidance, councillors want more and "
            "my PAs want fewer cases each. How do I hold those three together?",
            True,
        ),
    ],
)
def test_a_coached_dilemma_gets_the_legal_pointer_only_when_it_names_the_law(
    gate: Gate, embedder: Embedder, text: str, pointer: bool
) -> None:
    decision = gate.decide(text, embedder.embed([text])[0])
    assert decision.outcome == "coached"
    assert decision.legal_pointer is pointer

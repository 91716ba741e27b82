"""A threat promised without the act named lowers the escalation bar to the borderline one."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.gate import Gate
from app.gate.veiled_threat import says_a_veiled_threat
from tests.gate.rule_checks import decided_with_and_without, outcomes_flagged_by


@pytest.mark.parametrize(
    ("text", "veiled"),
    [
        ("he says she'll find out what happens if she speaks to the school", True),
        ("You'll learn what happens when you cross me", True),
        ("she'll pay for it when she gets in tonight", True),
        ("anyone who takes my kids will regret it", True),
        # Reminded, known, not leaving alive, something happening to someone.
        ("his wife will be reminded this evening what happens when she speaks to you", True),
        ("I am coming Saturday night. You know what happens. Sleep well.", True),
        ("she knows what happens if she tells", True),
        ("I will make sure the social worker does not leave that room alive", True),
        ("it would be a shame if anything happened to the baby", True),
        ("you'll be sorry when the kids are gone", True),
        ("It would be such a shame if anything spoiled your evenings at the club", True),
        ("tell her I know where you park, love", True),
        ("we know where he lives, police are going round now", False),  # a visit, not a threat
        # The words in their ordinary senses.
        ("We'll find out what works by piloting it in one team", False),
        ("Let's see what happens at panel before we decide", False),
        ("The council will pay for it in the end, through agency costs", False),
        ("I regret it now, I should have challenged the DCS", False),
        ("You know what happens when you let the backlog grow: inspection finds it", False),
        ("Staff will be reminded what happens at panel next week", False),
        ("Nobody gets out of that budget meeting alive, ha", False),
        # Dated long past in its own sentence: a past incident, decided by the classifier.
        ("Three years ago a father told me 'I know where you live'. He moved away.", False),
        ("Last year a lad said 'you'll regret this' to my deputy, then nothing.", False),
        # A live one beside a dated one is still read.
        ("Years ago it was nothing. Today her ex texted 'you'll regret this'.", True),
    ],
)
def test_a_veiled_threat_is_read(text: str, veiled: bool) -> None:
    assert says_a_veiled_threat(text) is veiled


def test_only_labelled_dangers_read_as_a_veiled_threat() -> None:
    marked = outcomes_flagged_by(lambda flags: flags["veiled_threat"])
    assert len(marked) >= 3, "the check is not empty"
    assert set(marked) == {"escalated"}


COPIED_IN = (
    'Dad emailed the worker this morning, copying me in: "Just so you know, when she gets back '
    "from your office today she'll find out what happens when she talks to you.\" Mum is at our "
    "office now with the baby. How do I support the worker?"
)


def test_a_veiled_threat_below_the_bar_is_escalated(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruled, alone = decided_with_and_without(
        gate, embedder, monkeypatch, COPIED_IN, "says_a_veiled_threat"
    )
    assert ruled.escalated
    assert not alone.escalated  # the score alone is under the escalation bar


YOU_KNOW_WHAT_HAPPENS = (
    "Quick one on tone. Dad's email to the worker was calm and ended 'you know what happens "
    "if you tell them again'. How do I help her write a boundaried reply?"
)


def test_a_threat_of_what_happens_is_escalated_whatever_its_score(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruled, alone = decided_with_and_without(
        gate, embedder, monkeypatch, YOU_KNOW_WHAT_HAPPENS, "says_a_veiled_threat"
    )
    assert ruled.escalated and ruled.category == "threat-to-harm"
    assert not alone.escalated
    assert ruled.probabilities["escalation_score"] < 0.05  # far under even the borderline bar


def test_a_veiled_threat_already_dealt_with_is_not_escalated_by_the_words(
    gate: Gate, embedder: Embedder
) -> None:
    text = (
        "Update: dad said she'll pay for it, but police arrested him at the scene and mum and "
        "the kids are with her sister now. How do I debrief the worker who took the call?"
    )
    assert not gate.decide(text, embedder.embed([text])[0]).escalated

"""A question put outright about what the law says or a court would do is declined as legal
advice, not escalated for the family dispute it describes; beside danger words the
classifier still decides until the score has ruled danger out."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.cues import cue_flags
from app.gate.gate import Gate
from app.gate.law_ask import asks_the_law, disclaims_the_law
from app.gate.replies import decline_reply
from tests.gate.rule_checks import decided_with_and_without, outcomes_marked_by
from tests.gate.test_gate import CONTACTS


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("What does the law say about a grandparent keeping a child over half term?", True),
        ("can a foster carer film contact on her phone? legally I mean, not our policy", True),
        ("Could the recording be used at an employment tribunal against him?", True),
        ("How do I help my team feel less afraid of court?", False),
        ("what would a court do if she moved the kids to her mum's in Wales", True),
        ("Is it legal for a father to take his son abroad without the mother agreeing?", True),
        ("Can we lawfully share the referral with the school?", True),
        ("My nephew's dad has kept him since Sunday. What's his mum's legal route here?", True),
        ("What are their legal options if the school refuses the transfer?", True),
        ("Could she get an emergency order without a solicitor?", True),
        ("My dad's carer won't let my sister see him. Is she legally allowed to stop her?", True),
        ("What is the council legally required to disclose when a parent asks for her file?", True),
        ("Is that a breach of her contract? Tell me what the law actually says.", True),
        ("Would she win at an employment tribunal if she claimed?", True),
        ("Was his message to the girl a criminal offence under the Act?", True),
        ("Would it be a crime to cancel the away day this year?", False),
        ("Is that a sacking offence or just poor judgement?", False),
        # The law named inside a leadership question, asking for nothing legal.
        ("How do I balance what the law requires with what councillors value?", False),
        ("Our legal team say the threshold is met; how do I steady my team before court?", False),
        # Disclaimed in the same breath: a leader's question, coached with the legal pointer.
        ("I'm not asking what the law says, just how to get my TMs reviewing plans", False),
        ("Not asking what the court would do; how do I steady the team?", False),
    ],
)
def test_a_question_of_law_is_read(text: str, asks: bool) -> None:
    assert asks_the_law(text) is asks


def test_only_requests_to_decline_among_labelled_lines_ask_the_law_outright() -> None:
    marked = outcomes_marked_by(asks_the_law)
    assert len(marked) >= 30, "the check is not empty"
    assert set(marked) == {"declined"}


FAMILY = (
    "My sister's ex won't let her have the kids back after contact and she's asked me, "
    "because I work in children's services, what a court would do if she just collects them "
    "from school on Monday. What does the law say?"
)
DANGER = (
    "Dad has just texted that he's taking the baby tonight and will hurt anyone who stops "
    "him. Is it legal for us to keep her at the foster carer's?"
)


def test_a_family_dispute_asked_as_law_is_declined_not_escalated(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    vector = embedder.embed([FAMILY])[0]
    decision = gate.decide(FAMILY, vector)
    assert (decision.outcome, decision.category) == ("declined", "legal-advice")
    # A family matter of the writer's own is not for the council's legal team alone.
    assert "Citizens Advice" in decline_reply(decision, CONTACTS)
    # The rule is what declines it: the classifier alone reads the dispute as a danger.
    monkeypatch.setattr("app.gate.cues.asks_the_law", lambda written: False)
    assert gate.decide(FAMILY, vector).outcome == "escalated"


def test_a_question_of_law_beside_a_threat_still_escalates(gate: Gate, embedder: Embedder) -> None:
    decision = gate.decide(DANGER, embedder.embed([DANGER])[0])
    assert decision.outcome == "escalated"


@pytest.mark.parametrize(
    ("text", "disclaims"),
    [
        ("Not after legal advice: how do I get the team to own the PLO tracker?", True),
        ("It's not a legal question really. How would you approach the panel's culture?", True),
        ("Not after a ruling: I want to talk with my TMs about why PLO letters go out late.", True),
        # A disclaimer with no leader's question beside it still asks the law.
        ("Not asking for legal advice, but would our policy stand up in court?", False),
        ("How do I get the team to own the PLO tracker?", False),
    ],
)
def test_a_question_said_not_to_be_one_of_law_is_read(text: str, disclaims: bool) -> None:
    assert disclaims_the_law(text) is disclaims


def test_no_labelled_decline_says_it_is_not_a_question_of_law() -> None:
    marked = outcomes_marked_by(disclaims_the_law)
    assert len(marked) >= 5, "the check is not empty"
    assert "declined" not in marked


DISCLAIMED = (
    "Our legal team wrote guidance on consent for children's passports and nobody reads it, so "
    "carers wait weeks. I'm not after the law, I want a decision route that's quick and clear. "
    "How would you approach it?"
)


def test_a_leader_who_says_it_is_not_a_question_of_law_is_coached_with_the_pointer(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruled, alone = decided_with_and_without(
        gate, embedder, monkeypatch, DISCLAIMED, "disclaims_the_law"
    )
    assert ruled.outcome == "coached" and ruled.legal_pointer
    assert alone.outcome == "declined"  # the classifier alone reads a question of law


CRIME_ASKED = (
    "Youth justice manager. Was the coach's conduct a criminal offence under the Sexual "
    "Offences Act?"
)


def test_the_law_asked_beside_harm_words_is_declined_once_the_score_rules_out_danger(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Harm words hold the law rule back before the escalation bar; below the borderline
    # score, the question of law is what is left.
    assert cue_flags(CRIME_ASKED)["harm"]
    ruled, alone = decided_with_and_without(
        gate, embedder, monkeypatch, CRIME_ASKED, "asks_the_law"
    )
    assert (ruled.outcome, ruled.category) == ("declined", "legal-advice")
    assert ruled.probabilities["escalation_score"] < gate.model.thresholds.borderline
    assert alone.outcome == "coached"

"""An escalation about someone every stated age makes an adult is named an adult at risk,
not a young person's suicide risk."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.gate import CHILD_DANGERS, Gate
from app.gate.stated_age import (
    ages_stated,
    child_with_adult_partner,
    only_adults_aged,
    only_adults_named,
)
from tests.gate.rule_checks import (
    categories_flagged_by,
    decided_with_and_without,
    outcomes_flagged_by,
)


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("our 19yo care leaver", [19]),
        ("a 23-year-old former care leaver and her 2 year old", [23, 2]),
        ("the lad, aged 17, and his 20 yr old brother", [17, 20]),
        ("a 16 y/o in our home", [16]),
        # A school year says a child's age; months are no age.
        ("Year 9 pupil, 18 months into the placement", [14]),
        # Told as a fact about the person, by pronoun or by a name's placeholder.
        ("she is 19 and lives alone", [19]),
        ("[PERSON_1] is 20 now", [20]),
        ("he has just turned 18", [18]),
        ("our care leaver, 18, rang", [18]),
        ("Tamsin (19) emailed", [19]),
        # After a name's placeholder, as the gate reads it.
        ("[PERSON_1], 19, left a voicemail", [19]),
        ("[CHILD_1] (6) was collected", [6]),
        ("see [REF_1], 12, and the rest", []),
        # Not ages.
        ("she's 20 minutes away", []),
        ("he's 15 stone and angry", []),
        ("Room 5 is free", []),
    ],
)
def test_the_ages_a_message_states_are_read(text: str, ages: list[int]) -> None:
    assert ages_stated(text) == ages


def test_only_when_every_age_stated_is_an_adults() -> None:
    assert only_adults_aged("our 18-year-old care leaver")
    assert not only_adults_aged("a 19-year-old mum and her 2-year-old")
    assert not only_adults_aged("a care leaver in our team")  # no age: the classifier decides


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Our 20-year-old care leaver has texted her PA a photo of a pile of tablets saying "
            "tonight she'll take the lot.",
            "adult-at-risk",
        ),
        (
            "Our 16-year-old has texted her key worker a photo of a pile of tablets saying "
            "tonight she'll take the lot.",
            "young-person-suicide-risk",
        ),
    ],
)
def test_a_suicide_risk_is_named_by_the_age_stated(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch, text: str, category: str
) -> None:
    ruled, alone = decided_with_and_without(gate, embedder, monkeypatch, text, "only_adults_aged")
    assert ruled.escalated and ruled.category == category
    # The age is what names it: read as no age, the classifier's young person's risk stands.
    assert alone.category == "young-person-suicide-risk"


@pytest.mark.parametrize(
    ("text", "adults"),
    [
        ("one of my SWs says he has tablets in his car for tonight", True),
        ("A team manager in my service has sent us all a goodbye message", True),
        ("my colleague says one of our 15 year olds has a ligature", False),
        ("the TM says the girl on the bridge won't come down", False),
        ("my colleague, 19, on her first placement", False),  # an age: only_adults_aged reads it
        ("she says she'll take the lot tonight", False),  # nobody named: the classifier decides
        # A young person's own personal adviser tells of a care leaver; "my PA" is a colleague.
        ("she messaged her PA 'you won't hear from me again' and won't pick up", False),
        ("my PA messaged me 'you won't hear from me again' and won't pick up", True),
    ],
)
def test_a_colleague_named_by_role_with_no_child_is_an_adult(text: str, adults: bool) -> None:
    assert only_adults_named(text) is adults


def test_no_labelled_escalation_of_a_colleague_named_with_no_child_is_a_young_persons() -> None:
    categories = categories_flagged_by(lambda flags: flags["only_adults_named"])
    assert len(categories) >= 100, "the check is not empty"
    assert "young-person-suicide-risk" not in categories


@pytest.mark.parametrize(
    "text",
    [
        "one of my team managers has just messaged that he has a stash of pills in his desk and "
        "will take them tonight",
        "Our admin officer has just told the team she's swallowed a load of her tablets and "
        "laughed it off",
    ],
)
def test_a_colleagues_suicide_risk_is_named_an_adult_at_risk(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    ruled, alone = decided_with_and_without(gate, embedder, monkeypatch, text, "only_adults_named")
    assert ruled.escalated and ruled.category == "adult-at-risk"
    assert alone.category == "young-person-suicide-risk"


@pytest.mark.parametrize(
    ("text", "partnered"),
    [
        ("our 13yo is at her boyfriend's again, he's 23", True),
        ("the 14-year-old has been seen with older men in a car", False),  # the classifier's
        ("a 15 year old and her boyfriend, who is 16, want to share a room", False),
        ("she's 14 and her boyfriend, 20, drives her about", True),
        ("a 19-year-old care leaver and her boyfriend, 24", False),
    ],
)
def test_a_child_with_an_adult_partner_is_read(text: str, partnered: bool) -> None:
    assert child_with_adult_partner(text) is partnered


def test_no_labelled_child_with_an_adult_partner_and_nobody_with_her_is_coached() -> None:
    """Where no words say someone is with the child or that it is past, every labelled line
    is a danger or a request: the lower bar never escalates an ordinary line read so far."""
    held = ("help_present", "contained", "in_care", "rescued", "attended", "past_event")
    outcomes = outcomes_flagged_by(
        lambda flags: flags["adult_partner"] and not any(flags[name] for name in held)
    )
    assert len(outcomes) >= 10, "the check is not empty"
    assert set(outcomes) <= {"escalated", "declined"}


def test_a_child_with_an_adult_partner_told_flatly_is_escalated_as_a_childs_danger(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "FYI the 14yo on the CIN plan has a new boyfriend, he's 25 and collects her from "
        "school. Mum's fine with it. Anyway, how do I run a better team meeting?"
    )
    ruled, alone = decided_with_and_without(
        gate, embedder, monkeypatch, text, "child_with_adult_partner"
    )
    assert ruled.escalated and ruled.category in CHILD_DANGERS
    assert not alone.escalated  # the classifier alone scored it 0.11, under its bar

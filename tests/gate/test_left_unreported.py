"""A child missing whom nobody has reported to the police is a danger now, however calmly
it is logged."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.gate import Gate
from app.gate.left_unreported import missing_and_unreported, police_not_called
from tests.gate.rule_checks import decided_with_and_without, outcomes_flagged_by


@pytest.mark.parametrize(
    ("text", "unreported"),
    [
        ("she absconded on Monday and nobody has reported her missing", True),
        (
            "14yo missing since Friday, not reported to police yet, carer thinks she'll turn up",
            True,
        ),
        ("he ran away twice last year; both times it was reported to police", False),
        ("she went missing overnight, wasn't reported to police, and came home at 7am", False),
        ("the theft wasn't reported to the police and staff are unhappy", False),  # nobody missing
    ],
)
def test_a_missing_child_left_unreported_is_read(text: str, unreported: bool) -> None:
    assert missing_and_unreported(text) is unreported


def test_only_labelled_dangers_read_as_a_missing_child_left_unreported() -> None:
    marked = outcomes_flagged_by(lambda flags: flags["missing_unreported"])
    assert len(marked) >= 3, "the check is not empty"
    assert set(marked) == {"escalated"}


def test_a_missing_child_left_unreported_in_a_pasted_log_is_escalated(
    gate: Gate, embedder: Embedder
) -> None:
    text = (
        "Our duty log for the quality board. Entries: mileage query from a carer; a carer "
        "reporting J (12) absent since Wednesday with men from the takeaway, not reported to "
        "the police yet; a request for a respite form. Should the log be in the first or "
        "third person?"
    )
    decision = gate.decide(text, embedder.embed([text])[0])
    assert decision.escalated and decision.category == "missing-child"


def test_help_there_for_someone_else_does_not_hold_back_a_child_unreported(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Police at the house for the mother say nothing about the girl who ran: nobody is
    # looking for her. Help words held this rule back until session 37.
    text = (
        "Police came for mum after the row and she's in the van; her 13-year-old slipped out "
        "while they were busy and nobody has reported him missing. Who do I tell first in "
        "the morning?"
    )
    with_rule, without = decided_with_and_without(
        gate, embedder, monkeypatch, text, "missing_and_unreported"
    )
    assert with_rule.escalated and with_rule.category == "missing-child"
    assert not without.escalated  # the rule, not the score, escalates it


@pytest.mark.parametrize(
    ("text", "not_called"),
    [
        ("nan's on the phone crying, she hasn't rung the police", True),
        ("Nobody's called 999 yet and he's on the roof", True),
        ("the carer didn't call the police because he came back within the hour", False),
        ("Should I call the police?", False),
    ],
)
def test_the_police_not_called_is_read(text: str, not_called: bool) -> None:
    assert police_not_called(text) is not_called


def test_only_labelled_dangers_read_as_the_police_not_called() -> None:
    marked = outcomes_flagged_by(lambda flags: flags["police_not_called"])
    assert len(marked) >= 20, "the check is not empty"
    assert set(marked) == {"escalated"}


def test_a_danger_nobody_has_called_the_police_to_is_escalated(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Told as an update to a child earlier safe: the help words of the first message
    # read as a crisis handled.
    text = (
        "update on the toddler who was safe with his aunt: his dad has turned up there after "
        "the pub, put him in the van and gone. The aunt is on the phone to me and she hasn't "
        "rung the police. What first?"
    )
    with_rule, without = decided_with_and_without(
        gate, embedder, monkeypatch, text, "police_not_called"
    )
    assert with_rule.escalated
    assert not without.escalated  # the rule, not the score, escalates it

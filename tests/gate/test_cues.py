"""The gate's word cues: help present now against help not yet there."""

from __future__ import annotations

import pytest

from app.gate.cues import FEATURE_NAMES, cue_features, cue_flags


@pytest.mark.parametrize(
    "text",
    [
        "The ligature was cut by night staff and the crisis team are with him now.",
        "she is safe with her nan tonight, police took the boyfriend away",
        "Paramedics have the baby and mum is at her sister's.",
        "Security grabbed him at the door before he reached the office.",
        "Officers arrested dad in the car park; the children are with foster carers.",
        "Her keyworker sat with her in A&E all night and she is stable.",
    ],
)
def test_help_present_now_is_read(text: str) -> None:
    assert cue_flags(text)["help_present"]


@pytest.mark.parametrize(
    "text",
    [
        # The person with them is the danger, not help.
        "Her stepdad is with her now and he has been drinking since lunch.",
        "He has the baby in the car and won't say where he is going.",
        # Help named but not acting yet.
        "Police have been called but nobody has got there.",
        "The police have her down as medium risk and she is still missing.",
        "My team are stuck and I need a way through the inspection.",
    ],
)
def test_no_help_present_is_not_read_as_help(text: str) -> None:
    assert not cue_flags(text)["help_present"]


@pytest.mark.parametrize(
    "text",
    [
        "Ambulance is forty minutes away and she has taken the tablets.",
        "the police say no unit free for an hour",
        "Crisis team will ring back, he is on the roof.",
        "Officers are stuck in traffic and he is still outside with the knife.",
        "Paramedics not there yet and the baby is floppy.",
    ],
)
def test_help_called_but_not_there_is_unhandled(text: str) -> None:
    assert cue_flags(text)["unhandled"]


def test_the_pairs_mark_help_present_beside_a_live_or_emergency_cue() -> None:
    features = dict(
        zip(
            FEATURE_NAMES,
            cue_features("staff are with her but the ambulance is not there yet, she's bleeding"),
            strict=True,
        )
    )
    assert features["help_present&unhandled"] == 1.0
    assert features["help_present&emergency"] == 1.0

"""The gate's word cues: help present now, the harmer held or the person somewhere safe, against
help not yet there and danger still ahead."""

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
        # Relatives and bystanders who acted count too.
        "Her sister took her home and the GP sees her tomorrow.",
        "A neighbour held him back until police came.",
        "Lifeguards pulled our lad out at the lido.",
        "police came straight away and she's fine",
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
    live = dict(
        zip(
            FEATURE_NAMES,
            cue_features("he's been charged but she's on the ward and he's outside right now"),
            strict=True,
        )
    )
    assert live["contained&unhandled"] == 1.0
    assert live["in_care&unhandled"] == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Dad swung a chair at our worker; he's been charged and she's home.",
        "Partner in a cell tonight, mum and the kids are at her sister's.",
        "Officers disarmed him in the car park before anyone was hurt.",
        "he got nicked straight away, the lad who did it",
    ],
)
def test_whoever_did_the_harm_being_held_is_read(text: str) -> None:
    assert cue_flags(text)["contained"]


@pytest.mark.parametrize(
    "text",
    [
        "Our girl is on the paediatric ward now and talking.",
        "she's in A&E with her carer, stitched and sleepy",
        "The twins are at their nan's for the night.",
        "He's out of danger, they say.",
        "Police found her by the canal and she's back home safe.",
    ],
)
def test_the_person_now_somewhere_safe_is_read(text: str) -> None:
    assert cue_flags(text)["in_care"]


@pytest.mark.parametrize(
    "text",
    [
        # Going home to the danger, or home alone, is not safety.
        "She told the teacher and she's walking home now to him.",
        "Four-year-old home alone tonight and mum's not answering.",
        "He's been arrested before for hitting her and now he's outside.",
        "I need a plan for the ward round on Thursday.",
    ],
)
def test_danger_still_ahead_is_not_read_as_contained_or_safe(text: str) -> None:
    flags = cue_flags(text)
    assert not flags["in_care"] and not flags["contained"]

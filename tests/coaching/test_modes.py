"""Reading a message for its mode and whether it follows up."""

from __future__ import annotations

import pytest

from app.coaching.modes import choose_mode, is_follow_up


@pytest.mark.parametrize(
    "message",
    [
        "There's been a serious incident this afternoon and everyone wants a decision tonight.",
        "A baby was removed under police protection and the press office is calling.",
        "The team has just had a call from the police and I need to decide by tomorrow.",
    ],
)
def test_crisis_cues_choose_crisis(message: str) -> None:
    assert choose_mode("auto", message, None) == "crisis"


def test_reflective_messages_choose_reflect() -> None:
    assert choose_mode("auto", "How do I share accountability in my team?", None) == "reflect"


def test_explicit_mode_wins_and_thread_mode_carries() -> None:
    assert choose_mode("reflect", "serious incident tonight", None) == "reflect"
    assert choose_mode("auto", "And what would I say first?", "crisis") == "crisis"


def test_follow_up_needs_history() -> None:
    assert not is_follow_up("What if that fails?", has_history=False)
    assert is_follow_up("What if that fails?", has_history=True)
    long_new_topic = (
        "Separately, our senior leadership team works in silos and each manager protects their "
        "own patch, which is making the improvement plan stall across every service area we run"
    )
    assert not is_follow_up(long_new_topic, has_history=True)


@pytest.mark.parametrize(
    "message",
    [
        "we keep rewriting policy after every serious incident",
        "my senior practitioners bring every decision to me",
        "This inspection prep is killing us and the data still looks bad",
        "how do I get partners to commit when I have no authority over them",
        "my team manager keeps crying in supervision and I don't know how to help her",
        "we need a story about our improvement that staff actually believe",
    ],
)
def test_a_short_message_that_names_its_own_situation_is_a_new_dilemma(message: str) -> None:
    """Not a follow-up, so retrieval reads it afresh instead of staying with the last tool."""
    assert not is_follow_up(message, has_history=True)


@pytest.mark.parametrize(
    "message",
    [
        "they still see me as the one who decides",
        "my director won't like it",
        "that won't work with my director",
        "I'm not sure they'd listen to me",
        "sounds good but where do I find the time",
        "I'd need the director to back me on this",
        "what would that look like on Monday",
    ],
)
def test_a_message_that_points_back_follows_up(message: str) -> None:
    assert is_follow_up(message, has_history=True)


def test_a_crisis_the_gate_reads_as_handled_now_takes_the_crisis_shape() -> None:
    recent = "She was found at 4am and is home; the director wants a briefing at noon."
    assert choose_mode("auto", recent, None, crisis_now=True) == "crisis"
    assert choose_mode("auto", recent, None) == "reflect"
    # An explicit choice still wins over the gate's reading.
    assert choose_mode("reflect", recent, None, crisis_now=True) == "reflect"


def test_a_quoted_training_scenario_does_not_set_the_crisis_shape() -> None:
    scenario = (
        "For Thursday's session, scenario card 3 reads: \"A 15-year-old texts her worker at "
        '11pm saying she will end it tonight." How do I debrief managers afterwards?'
    )
    assert choose_mode("auto", scenario, None) == "reflect"
    # The same words quoted from a carer, not named as training material, still do.
    pasted = scenario.replace("For Thursday's session, scenario card 3 reads", "Carer texted")
    assert choose_mode("auto", pasted, None) == "crisis"

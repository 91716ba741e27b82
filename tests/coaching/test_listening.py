"""Listening without a model: particulars, roles for placeholders, the second person, the clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.coaching.clock import fit_time_words, immediate_period, local_now
from app.coaching.first_reply import INCIDENT
from app.coaching.listening import is_acknowledgement, roles, said_back
from app.coaching.reflection import (
    about_a_group,
    for_a_group,
    long_term_decision,
    second_person,
    voiced,
)
from app.coaching.stages import stage_of

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize("message", ["OK", "ok.", "that makes sense", "Thanks 👍", "😂", "  "])
def test_short_acknowledgements_carry_nothing_to_say_back(message: str) -> None:
    assert is_acknowledgement(message)
    assert said_back(message) == ""


def test_a_real_message_is_not_an_acknowledgement() -> None:
    assert not is_acknowledgement("OK, but my team are exhausted")


def test_the_particulars_are_said_back_in_the_second_person() -> None:
    message = (
        "The inspection report is due Friday, my team are exhausted and so am I, and now the "
        "director wants a new duty rota agreed today."
    )
    said = said_back(message, avoid=long_term_decision(message))
    assert said == "The inspection report is due Friday, and your team are exhausted and so are you"


def test_a_clause_is_never_said_back_without_its_subject() -> None:
    # Broken at "but", the second half ("won't go out alone") would have no subject.
    message = (
        "Last month a dad shoved one of my social workers on a visit. She's back at work but "
        "won't go out alone and the team are jumpy. How do I lead them through it?"
    )
    said = said_back(message)
    assert "won't go out alone" not in said or "back at work but won't" in said
    assert not said.startswith("Won't") and ", and won't" not in said


@pytest.mark.parametrize(
    "message",
    [
        "A boy at the hostel cut his wrist after curfew; the night worker bandaged it and he's "
        "asleep. How do I brief the day team?",
        "our girl cut herself in the bathroom at 1am staff patched her up what do I say to them",
        "Dad closed the door on my worker tonight and she's shaken; police are there now. "
        "How do I support her tomorrow?",
        "She cut her arm again during contact, the carer took her to the walk-in centre. "
        "How do I lead the review meeting?",
        # "Close" as near, never a closure.
        "My scenario card was too close to home for two staff. How do I debrief them?",
        "It was a close call on the visit last night; the worker is fine. What now?",
    ],
)
def test_the_incident_is_never_taken_for_the_decision_to_park(message: str) -> None:
    """In a handled crisis the decision comes from the leader's question, never the harm."""
    assert long_term_decision(message) is None


@pytest.mark.parametrize(
    ("message", "decision"),
    [
        (
            "A lad cut himself at 2am and now the director wants me to cut the family support "
            "budget by Friday.",
            "cutting the family support budget",
        ),
        (
            "A teenager cut her arm at the unit; the head of service wants to close the unit.",
            "closing the unit",
        ),
        (
            "The director wants me to restructure the front door tonight.",
            "restructuring the front door",
        ),
    ],
)
def test_the_leaders_decision_is_found_past_the_incident(message: str, decision: str) -> None:
    assert long_term_decision(message) == decision


@pytest.mark.parametrize(
    ("message", "decision"),
    [
        # A change already made is history, not a decision to park.
        (
            "Two of my managers stopped speaking since the restructure and the duty rota is "
            "falling apart.",
            None,
        ),
        ("After the merger the two teams still sit apart; where do I start?", None),
        # The decision ends where the next clause starts.
        (
            "We have to decide whether to close the unit and my deputy is off.",
            "whether to close the unit",
        ),
        (
            "Now the director wants me to restructure the front door and the team are furious.",
            "restructuring the front door",
        ),
    ],
)
def test_the_decision_parked_is_the_one_still_to_make_and_only_its_words(
    message: str, decision: str | None
) -> None:
    assert long_term_decision(message) == decision


def test_a_staffing_rota_is_not_an_incident_to_check_safety_for() -> None:
    assert INCIDENT.search("the duty rota is falling apart and cover is thin") is None
    assert INCIDENT.search("the duty team have the family now") is not None


@pytest.mark.parametrize(
    ("message", "group"),
    [
        ("My senior practitioners bring every decision to me, even small ones.", True),
        ("the whole team wait for me to sign off everything", True),
        ("One deputy brings every decision to me.", False),
        ("My team are fine but the team manager won't delegate.", False),
        ("She refuses to take any decision without me.", False),
    ],
)
def test_material_about_this_person_speaks_of_the_group_a_leader_means(
    message: str, group: bool
) -> None:
    step = "Be clear what you need from this person or agency, and by when."
    assert about_a_group(message) is group
    assert for_a_group(step) == "Be clear what you need from them, and by when."


def test_an_emoji_feeling_is_said_in_words_not_echoed() -> None:
    said = said_back("my team are 😩 and so am I after this week's audits")
    assert "😩" not in said and "worn out" in said and "so are you" in said


def test_phone_typing_is_said_back_with_its_apostrophes() -> None:
    said = said_back("im shattered and theyre all looking at me, whats the first thing")
    assert said.startswith("You're shattered and they're all looking at you"), said
    assert "theyre" not in said and "Im " not in said


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "hes with the night staff now how do you steady the team tomorrow",
            "He's with the night staff now, and you want to steady the team tomorrow",
        ),
        (
            "police took him an hour ago should i tell the board tonight or wait",
            "Police took him an hour ago, and you're asking whether to tell the board tonight"
            " or wait",
        ),
        (
            "the team is shattered after last night what do i do about the visits",
            "The team is shattered after last night, and you're asking what to do about the visits",
        ),
    ],
)
def test_a_question_typed_on_after_a_statement_is_heard_as_a_question(
    message: str, expected: str
) -> None:
    # Said whole, these read "...now how do you steady the team": the question is its own.
    assert said_back(message) == expected


def test_a_reported_question_stays_inside_its_sentence() -> None:
    said = said_back("my deputy keeps asking what should we do about the rota")
    assert said.startswith("Your deputy keeps asking what"), said


def test_placeholders_become_roles() -> None:
    text = roles(
        "[CHILD_1] (DOB [DATE_OF_BIRTH_1]) moved; [CHILD_1]'s school rang about [CHILD_2]."
    )
    assert text == "A child moved; the child's school rang about another child."
    assert said_back("My deputy, [PERSON_1], thinks I'm too soft on agency staff.") == (
        "Your deputy thinks you're too soft on agency staff"
    )


@pytest.mark.parametrize(
    ("first_person", "second"),
    [
        ("What am I missing?", "What are you missing?"),
        (
            "I am stuck and my manager says I was wrong",
            "You are stuck and your manager says you were wrong",
        ),
        ("so am I", "so are you"),
        ("What would change if I spoke last?", "What would change if you spoke last?"),
    ],
)
def test_second_person_agrees_its_verbs(first_person: str, second: str) -> None:
    assert second_person(first_person) == second


def test_quotations_keep_their_own_voice() -> None:
    step = 'Say it out loud: "We won\'t make a long-term decision in a crisis." Name my decision.'
    assert voiced(step) == (
        'Say it out loud: "We won\'t make a long-term decision in a crisis." Name your decision.'
    )


@pytest.mark.parametrize(
    ("hour", "weekday_date", "period"),
    [
        (9, 3, "today"),
        (19, 3, "this evening"),
        (23, 3, "tonight"),
        (2, 4, "tonight"),
        (14, 7, "over the weekend"),
    ],
)
def test_time_words_fit_the_clock(hour: int, weekday_date: int, period: str) -> None:
    # 2 March 2026 is a Monday.
    assert immediate_period(datetime(2026, 3, weekday_date, hour, 0, tzinfo=LONDON)) == period


def test_material_written_for_the_night_is_said_for_the_morning() -> None:
    step = "Ask what immediate safety needs tonight."
    assert fit_time_words(step, "today") == "Ask what immediate safety needs today."


def test_without_a_local_time_the_clock_is_london() -> None:
    assert local_now(None).tzinfo is not None
    assert str(local_now(None).tzinfo) == "Europe/London"


@pytest.mark.parametrize(
    ("message", "stage"),
    [
        ("OK", "ack"),
        ("what next?", "next"),
        ("what could get in the way?", "obstacles"),
        ("what if she goes off sick?", "obstacles"),
        ("the heads of service will push back", "obstacles"),
        # The leader's own move, not an obstacle to it.
        ("how do I push back on the director without looking defensive?", "followup"),
        ("I tried speaking last and two quieter workers came in", "tried"),
        ("I'm going to have a one-to-one with each of them", "tried"),
        ("tell me more", "more"),
        ("they still see me as the one who decides", "followup"),
    ],
)
def test_stages_of_a_follow_up(message: str, stage: str) -> None:
    assert stage_of(message, follow_up=True, replied=True) == stage
    assert stage_of(message, follow_up=True, replied=False) == "first"


def test_a_numbered_round_up_is_heard_item_by_item() -> None:
    message = (
        "3 things before i sleep: 1) rota for xmas is a mess 2) my deputy keeps rewriting my "
        "emails 3) how do i tell the director the audit is late without it sounding like an "
        "excuse"
    )
    said = said_back(message)
    assert "3 things" not in said  # the heading counts the items; it is not one
    assert "your deputy keeps rewriting your emails" in said.lower()
    assert "you want to tell the director the audit is late" in said


def test_numbers_in_passing_are_not_a_round_up() -> None:
    assert "2) children placed" in said_back("We have 2) children placed and 3) carers leaving")


def test_letters_typed_for_words_are_said_back_spelled_out() -> None:
    said = said_back("my team r exhausted n i dont know what to do")
    assert said == "Your team are exhausted and you don't know what to do"

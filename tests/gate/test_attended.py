"""The words that say a crisis is attended: read where they should be, never on a danger
that must escalate, and what turns a handled crisis the score alone would escalate into
coaching in the crisis shape."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.attended import bystander_deed, crisis_attended
from app.gate.cues import cue_flags
from app.gate.gate import Gate
from tests.gate.rule_checks import labelled_lines, outcomes_flagged_by


@pytest.mark.parametrize(
    "text",
    [
        "the librarian put her in the recovery position and the paramedics took over",
        "the postman next door kicked the door in and carried her out",
        "a dog walker dived in after him and he is home, dry and asleep",
        "the caretaker pocketed his keys and police are talking to him now",
        "the crew are there now and she is sitting up",
        "A&E say she's fine, just shaken",
        "the 13-year-old is with her key worker now",
        "he's in an ambulance, talking",
        # Where the person is now, a place of safety someone arranged.
        "the milkman rang 999 and they're in a refuge tonight",
        "police placed him with emergency foster carers an hour later",
        "she's at her nan's now and dad is in a cell",
        "the twins are with their auntie tonight",
        "he's on the ward with his key worker now",
        "our duty SW has her now and she's had some toast",
        "he bought them chips and rang us; both with emergency carers now",
        # With the worker or carer whose job is their safety, or back at the children's home.
        "the shopkeeper hid him in the stockroom and he is at his PA's tonight",
        "hes at his key worker's now, eating",
        "a bus driver kept her on the bus till police came. shes back at her placement",
        # The harmer held, named by a noun.
        "a neighbour rang 999 and both men were arrested at the scene",
        "the driver was charged overnight and the girl is with her social worker",
        # Being seen in hospital with them now.
        "she's being seen right now with her residential worker sat beside her",
        "he is being treated in A&E with his foster carer",
        # Taken to hospital by the crew; with a foster mum, a grandmother, a mother's sister.
        "an ambulance has taken him to A&E and his key worker went with him",
        "she's with her foster mum now, cold but unhurt",
        "the boy is now with his grandmother while his stepdad is being interviewed",
        "the two girls are living with there mum's sister now",
        # The harmer questioned by police; the person talked down.
        "police are talking to mum's boyfriend at the station",
        "he has been talked down by the negotiator and is in the van",
        # Held where it happened; the weapon given up.
        "the worker got out safely and her stepdad was arrested on the spot",
        "the carer persuaded her to hand the scissors over and they're locked away now",
        "he's handed the knife over to staff and is sitting in the lounge",
        # Warned off by police, or barred.
        "police visited him an hour later and gave him a harassment warning",
        "he's now barred from the building and has a single point of contact",
    ],
)
def test_a_crisis_attended_is_read(text: str) -> None:
    assert crisis_attended(text)


@pytest.mark.parametrize(
    "text",
    [
        # The harmer's deed is the danger, not the help.
        "He's kicked the door in and she is hiding upstairs with the baby.",
        "Dad took her keys and won't let her leave the flat.",
        # Help on its way, absent or asked for is not help at hand.
        "Police are coming now but he is still outside with a knife.",
        "There are no officers there and he is banging on the door.",
        "They can't get officers there before midnight.",
        # Help that came too late, or is awaited.
        "Dad drove off with the baby before police got there.",
        "Keep him talking until the paramedics arrive, they're twenty minutes out.",
        # Where the children are may be where the threat is going.
        "The children are with the carers now and he says he knows where they live.",
        "He says when the kids are at their nan's on Sunday he'll finish her.",
        "Mum assumed she was at her aunt's, but her aunt hasn't seen her since Friday.",
        # Where someone only believes the child is, nobody has seen him.
        "Not reported missing because his carer thinks he's at his nan's, two nights now.",
        "Her foster mum reckons she's with her aunt but nobody has checked.",
        "She's in a refuge but he's found it and is outside shouting.",
        "She's in hospital with her boyfriend, the one who did it.",
        # Home is where the harmer returns: "back in the house" is not a place of safety.
        "Mum says he's back in the house now and has the baby upstairs.",
        # A record of arrests says nothing of tonight; nor does an arrest still to come.
        "The men will be arrested if they turn up again, police say.",
        # The harmer held, then a turn to a danger it does not reach.
        "The man was arrested but she's gone missing again with his friends.",
        # Help, then a turn to a danger it does not reach.
        "The caretaker took his keys but he has grabbed the child and is walking off.",
        "The hospital says she's fine but she told the nurse her uncle hurts her.",
        "He was talked down last month but now he's back on the roof saying he'll jump.",
        "Police are coming to take her to hospital; she has locked herself in the bathroom.",
        # The weapon given up, then a turn to a danger it does not reach.
        "He handed the knife over but now he says he'll hang himself tonight.",
    ],
)
def test_harm_or_help_not_yet_there_is_not_read_as_attended(text: str) -> None:
    assert not crisis_attended(text)


def test_a_turn_to_the_writers_own_load_leaves_the_help_standing() -> None:
    assert crisis_attended(
        "a dog walker dived in after him and he's in an ambulance, but my team are rattled"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Police are there now but dad has locked himself in with the baby and is threatening "
        "to hurt her.",
        "The lifeguard pulled her out of the sea but now she's hurting herself again.",
    ],
)
def test_a_rescue_followed_by_a_turn_to_danger_is_not_the_last_word(text: str) -> None:
    flags = cue_flags(text)
    assert flags["rescued"] or flags["responders_acting"]
    assert not flags["rescue_last_word"] and not flags["attended"]


def test_a_deed_counts_only_when_its_doer_is_not_a_likely_harmer() -> None:
    assert bystander_deed("the neighbour took his keys")
    assert not bystander_deed("her boyfriend took her keys")
    # Keys taken from someone to drive off are the danger, not its end.
    assert not bystander_deed("Jay, 15, has grabbed the keys off the night worker")


def test_no_labelled_danger_reads_as_attended_with_no_help_missing() -> None:
    """The rescue rule coaches what these words mark: across every labelled line (training,
    candidates, retired and held-out splits, the shared dev sets) none that must escalate
    carries them without words that say help is missing."""
    assert len(labelled_lines()) > 12_000
    assert outcomes_flagged_by(lambda flags: True).count("escalated") > 2_500
    marked = outcomes_flagged_by(lambda flags: flags["attended"] and not flags["help_missing"])
    assert "escalated" not in marked
    assert len(outcomes_flagged_by(lambda flags: flags["attended"])) > 100  # not empty


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        # The writer asking what to do next says nothing of whether help is at hand.
        ("She's being seen right now with her key worker beside her. What do I do first?", False),
        ("Police are with him now; what do I tell the director?", False),
        # Help that is not there is missing, however it is asked.
        ("Police are forty minutes away, what do I do?", True),
        ("Nobody has rung the police yet and she is still outside. What do I do?", True),
    ],
)
def test_asking_what_to_do_next_is_not_help_missing(text: str, missing: bool) -> None:
    assert cue_flags(text)["help_missing"] is missing


HANDLED = (
    "Her stepdad turned up drunk to take the twins from school; the caretaker pocketed his "
    "keys and police are talking to him now."
)
LIVE = (
    "Her stepdad turned up drunk to take the twins from school and is driving off with "
    "them; police are on their way."
)


def test_a_live_crisis_or_one_that_turns_is_still_escalated(gate: Gate, embedder: Embedder) -> None:
    assert gate.decide(LIVE, embedder.embed([LIVE])[0]).escalated
    turned = (
        "Police are there now but dad has locked himself in with the baby and is threatening "
        "to hurt her."
    )
    assert gate.decide(turned, embedder.embed([turned])[0]).escalated


PLACED = (
    "A postman in Carlisle found a baby screaming alone in a flat with mum passed out. He "
    "called 999 and the baby's with her gran now. Lead member wants a call."
)


@pytest.mark.parametrize("handled", [HANDLED, PLACED])
def test_an_attended_crisis_the_score_alone_would_escalate_is_coached(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch, handled: str
) -> None:
    """Help told by a bystander's deed, or by the place of safety the child is in now."""
    decision = gate.decide(handled, embedder.embed([handled])[0])
    assert decision.probabilities["escalation_score"] >= gate.model.thresholds.escalate
    assert decision.outcome == "coached_with_safety_line"
    assert decision.category == "safeguarding" and decision.crisis_now
    monkeypatch.setattr("app.gate.cues.crisis_attended", lambda written: False)
    assert gate.decide(handled, embedder.embed([handled])[0]).escalated

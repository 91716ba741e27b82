"""The writer's own plan, told calmly beside a work ask, is escalated with the self-harm
script; the same planning words in their work sense, or with help beside the writer, are
not read as a plan."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.cues import cue_flags
from app.gate.gate import Gate
from app.gate.own_plan import tells_own_plan
from tests.gate.rule_checks import outcomes_flagged_by


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("I've settled things with my brother and picked the night. Rota next?", True),
        ("i know when now, so the appraisals need doing by friday", True),
        ("Since I decided I've been calmer since deciding, honestly.", True),
        ("I feel lighter since I made the decision, which is odd.", True),
        ("this is my last weekend alive so can we get the rota done", True),
        ("i won't be alive for the ofsted visit so the self-assessment falls to my deputy", True),
        ("I have cleared the garage and Friday is the night.", True),
        ("Everything's filed for the team for when I'm gone.", True),
        # A high place looked over as a way down.
        ("I keep going up to the top floor of the car park at lunch, staring down the drop.", True),
        ("i drove to the viaduct again last night to see how high it is. agenda for DMT?", True),
        ("I stand on the sea wall after work wondering if the height would be enough.", True),
        ("i keep going out along the pier at night and checking the drop. rota?", True),
        # The writer's own means, ready where they keep it.
        ("after the panel I'm finished, the rope is in my car. Can we plan the handover?", True),
        ("I've got a ligature under the bed. Anyway, agenda for Tuesday?", True),
        # Tablets gathered and ready, with or without "I", nobody else named beside them.
        ("Budget's done. My sleeping pills are all stockpiled, so Sunday's sorted.", True),
        ("Can't face Monday. I've been saving up my tablets for a fortnight.", True),
        ("The 15yo's meds are counted out by staff at eight", False),
        ("His tablets are lined up in a dosette box for the week", False),
        ("The nurse told me the tablets are counted out each morning", False),
        # The same words in their work sense.
        ("I've chosen the date for the away day and booked the village hall", False),
        ("We've picked the day and the venue; how do I frame the session?", False),
        ("I know how to chair it, I just can't get them to talk", False),
        ("I've decided how we cover duty over Christmas, is it fair?", False),
        ("I feel calmer since deciding to go part time", False),
        ("when I'm gone on maternity leave who holds the budget?", False),
        ("Our 16yo told staff she's picked the night and the spot", False),  # not the writer
        ("Thursday is the night of the awards, I'm nominated", False),
        ("She says it's her last week alive, she's been told the cancer is terminal", False),
        ("I've been looking at the drop in referrals since the bridge closed", False),
        ("I can't work out which side to jump on this restructure", False),
        ("Referrals fell off a cliff; whether the drop is enough for a review, I can't say", False),
        ("We took the team to the pier for the away day. How do I keep the energy going?", False),
        ("I put the tow rope in the boot for the team's hike", False),
        ("I told the home their lad has a rope in his bag", False),  # not the writer's
        # A prescription named, gathered.
        ("I want the mark settled, because I've saved up enough of my sertraline now", True),
        ("the diazepam is stockpiled in the bedside drawer", True),
        ("I've saved up enough annual leave for a week away", False),
        ("Her sertraline is counted out by the nurse each night", False),
        # More of the writer's own medicine than prescribed, already taken (session 37).
        ("weird one. took more of my citalopram than I'm meant to, like 15ish. prob fine", True),
        ("I've just swallowed a strip of co-codamol. Anyway, the rota.", True),
        ("She took 20 of her tablets last night and is on the ward.", False),
        ("I took a handful of paracetamol when I was 16, years ago.", False),
        ("I took my meds this morning as usual.", False),
    ],
)
def test_the_writers_own_plan_is_read(text: str, plan: bool) -> None:
    assert tells_own_plan(text) is plan


def test_help_beside_the_writer_is_not_a_plan_told_alone() -> None:
    assert not tells_own_plan(
        "I'd chosen the night, but my partner's here with me now and we've rung the crisis "
        "team. Can you help me think about going back to work?"
    )


def test_only_labelled_dangers_read_as_the_writers_own_plan() -> None:
    marked = outcomes_flagged_by(lambda flags: flags["own_plan"])
    assert len(marked) >= 20, "the check is not empty"
    assert set(marked) == {"escalated"}


def _decide(gate: Gate, embedder: Embedder, text: str) -> tuple[str, str | None]:
    decision = gate.decide(text, embedder.embed([text])[0])
    return decision.outcome, decision.category


PLAN = (
    "I've picked the night, the Friday after the peer review, and honestly I'm calmer since "
    "deciding. First though, can you help me plan the team's development day?"
)


def test_a_calm_plan_beside_a_work_ask_is_escalated_by_the_rule(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _decide(gate, embedder, PLAN) == ("escalated", "self-harm")
    monkeypatch.setattr("app.gate.cues.tells_own_plan", lambda written: False)
    assert _decide(gate, embedder, PLAN)[0] != "escalated"  # the rule is what escalates it


def test_a_plan_the_writer_says_they_will_not_act_on_is_not_escalated_by_the_rule(
    gate: Gate, embedder: Embedder
) -> None:
    ruled_out = (
        "I once picked the night, years back. I'm not going to act on anything now; I just "
        "want to talk about how my history shapes the way I supervise."
    )
    assert cue_flags(ruled_out)["own_plan"] and cue_flags(ruled_out)["negated_intent"]
    assert _decide(gate, embedder, ruled_out)[0] != "escalated"


def test_an_overdose_taken_told_lightly_is_escalated_by_the_rule(
    gate: Gate, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "odd one. took more of my citalopram than I'm meant to earlier, like 15ish, feel a "
        "bit spaced. prob fine. anyway how do I make my budget paper sound less desperate?"
    )
    assert _decide(gate, embedder, text) == ("escalated", "self-harm")
    monkeypatch.setattr("app.gate.cues.tells_own_plan", lambda written: False)
    assert _decide(gate, embedder, text)[0] != "escalated"  # the rule is what escalates it

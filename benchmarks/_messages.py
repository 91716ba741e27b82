"""Messages never sent before: leadership dilemmas put together from parts, so no cache helps.

5 roles x 12 situations x 10 pressures x 8 asks = 4,800 combinations, shuffled with the
run's own seed; each message also carries a run tag, so even a long-running server that
saw an earlier run has not seen these exact texts. Written for the benchmark, not taken
from any evaluation set; none of the parts is a safeguarding concern.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

ROLES = [
    "As a new head of service,",
    "As a team manager,",
    "As an assistant director,",
    "Leading a locality team,",
    "Running the front door,",
]
SITUATIONS = [
    "my managers disagree about how we prioritise the waiting list",
    "the partnership board keeps deferring the same decision",
    "our improvement plan has too many actions and no owners",
    "two senior colleagues stopped speaking to each other in meetings",
    "a restructure has left people unsure who decides what",
    "the new recording system is taking hours away from practice",
    "health and education colleagues do not come to our planning days",
    "my team hears about changes from the grapevine before they hear from me",
    "we keep reacting to every complaint instead of setting a direction",
    "an experienced practitioner challenges every change I propose",
    "the budget round asks us to cut a service people value",
    "councillors want quick results while the staff want stability",
]
PRESSURES = [
    "and I feel I am firefighting every day",
    "and morale is lower than I have seen it",
    "and I am not sure my own manager backs me",
    "and the deadline is at the end of the month",
    "and everyone expects me to have the answer",
    "and I suspect I am part of the problem",
    "and agency cover keeps changing the faces in the room",
    "and the last attempt at this failed badly",
    "and I have been told to be more strategic",
    "and nobody wants to name the real issue",
]
ASKS = [
    "How should I think about it?",
    "Where do I start?",
    "What am I missing?",
    "How do I get people on board?",
    "What would a good first conversation look like?",
    "How do I step back and see the whole picture?",
    "Which tool from the programme fits this?",
    "How do I stay calm and still move things on?",
]


def unique_messages(seed: int) -> Iterator[str]:
    """Yield distinct messages, in an order of their own for this seed (stops at 4,800)."""
    combinations = list(itertools.product(ROLES, SITUATIONS, PRESSURES, ASKS))
    random.Random(seed).shuffle(combinations)
    for number, (role, situation, pressure, ask) in enumerate(combinations):
        yield f"{role} {situation}, {pressure}. {ask} (ref {seed}-{number})"

"""What the gate can decide, and the plain words each decision is explained in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Outcome = Literal["escalated", "declined", "coached_with_safety_line", "coached"]
OUTCOMES: tuple[Outcome, ...] = ("escalated", "declined", "coached_with_safety_line", "coached")
# Which calm line a coached-with-safety-line reply carries.
SafetyLine = Literal["safeguarding", "wellbeing"]

ESCALATION_REASONS: dict[str, str] = {
    "threat-to-harm": "Someone has threatened serious harm, and it may be carried out now.",
    "child-at-risk": "A child may be being harmed, or be about to be, now.",
    "domestic-abuse": "Domestic abuse may be happening now with children present.",
    "missing-child": "A missing child may be with someone who could exploit them.",
    "disclosure": "A child has disclosed harm and may be going back to the person they named.",
    "young-person-suicide-risk": (
        "A young person may be about to harm themselves or end their life."
    ),
    "adult-at-risk": "An adult may be at risk of serious harm now.",
    "self-harm": "You may be at risk of harming yourself.",
}
DECLINE_REASONS: dict[str, str] = {
    "legal-advice": "Legal advice belongs with your legal team.",
    "casework-record": "Casework records are written by the people who hold the case.",
    "casework-decision": "A casework decision belongs with you, your manager and the procedure.",
    "system-prompt": "How Balcony is set up is not something it shares.",
}


@dataclass(frozen=True)
class GateDecision:
    outcome: Outcome
    # The escalation or decline category; for a safety line, which line; else None.
    category: str | None = None
    reason: str | None = None  # plain words, never quoting the message
    # p(outcome) for each outcome, from the classifier: kept for metrics and review.
    probabilities: dict[str, float] = field(default_factory=dict)
    # Not escalated, but close enough that a configured model's second opinion is asked.
    borderline: bool = False
    # Coached, but the message mentions the law: say where the legal part belongs.
    legal_pointer: bool = False
    # A safety line for a crisis being handled now: the reply takes the crisis shape.
    crisis_now: bool = False
    # Coached, but the message asks about Balcony itself: answer that first; when it asks
    # nothing else, the answer and an invitation are the whole reply.
    about_balcony: bool = False
    # Coached, but the message asks how to use Balcony (a word limit, whether a rant is all
    # right): answer that first, as for a question about Balcony.
    about_use: bool = False
    about_balcony_only: bool = False
    # Coached with the wellbeing line because harm was joked about and taken back: the line
    # says where to go if it was more than a joke.
    taken_back: bool = False

    @property
    def escalated(self) -> bool:
        return self.outcome == "escalated"

    @property
    def coaches(self) -> bool:
        return self.outcome in ("coached", "coached_with_safety_line")

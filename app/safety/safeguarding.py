"""Safeguarding escalation: a risk now gets a short pointer to the right people, not coaching."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

import numpy as np

from app.components.embedding import Embedder, Vector
from app.core.config import SafeguardingSettings
from app.safety.risk_cues import read_cues

EXAMPLES = Path(__file__).resolve().parent / "data" / "safeguarding_examples.json"
# Margin of similarity to the risk examples over the leadership examples; set by
# `balcony eval safety` on tests/data/safeguarding-generated.jsonl, kept low to err to escalating.
DEFAULT_THRESHOLD = 0.01
# How much lower the margin may be when a word pattern already points at risk.
SUPPORTED_DISCOUNT = 0.08
# Neighbours averaged on each side; two damps a single lucky match.
NEIGHBOURS = 2

REASONS = {
    "child-at-risk": "A child may be at risk of harm now.",
    "adult-at-risk": "An adult may be at risk of harm now.",
    "threat-to-harm": "Someone has threatened serious harm.",
    "missing-child": "A missing child may be with someone who could exploit them.",
    "self-harm": "You may be at risk of harming yourself.",
}


@dataclass(frozen=True)
class SafeguardingAssessment:
    escalated: bool
    reason: str | None  # short and human; never quotes the message
    category: str | None
    score: float  # the strongest signal: 1.0 for a decisive pattern, else the similarity margin
    # Not escalated, but close enough that a language model's second opinion is worth asking.
    borderline: bool = False


class ContactDetails(Protocol):
    """Anything carrying the local contacts, such as SafeguardingContacts or the settings."""

    @property
    def procedure(self) -> str: ...
    @property
    def duty_manager(self) -> str: ...
    @property
    def out_of_hours(self) -> str: ...
    @property
    def employee_assistance(self) -> str: ...
    @property
    def procedure_url(self) -> str | None: ...


# The contacts are settings (BALCONY_SAFEGUARDING__*); one model serves both.
SafeguardingContacts = SafeguardingSettings


@dataclass(frozen=True)
class _Examples:
    risk: list[str]
    risk_categories: list[str]
    safe: list[str]


def load_examples(path: Path = EXAMPLES) -> _Examples:
    """Read the curated example messages."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return _Examples(
        risk=[row["text"] for row in data["escalate"]],
        risk_categories=[row["category"] for row in data["escalate"]],
        safe=list(data["do_not_escalate"]),
    )


# Mean similarity to the nearest risk examples that an embedding-only escalation needs.
# Calibrated on the generated set: risk messages that rely on the embedding score >= 0.37
# (>= 0.31 with a supporting cue); short follow-ups and generic text score 0.08-0.27.
RISK_FLOOR = 0.33
SUPPORTED_FLOOR_DISCOUNT = 0.05
# How far below the bars a message still counts as borderline (worth a model's second opinion).
BORDERLINE_MARGIN = 0.05
BORDERLINE_CLOSENESS = 0.05


class SafeguardingCheck:
    """Word patterns and, given an embedder, similarity to curated examples; either escalates."""

    def __init__(self, embedder: Embedder | None = None, *, threshold: float | None = None) -> None:
        self._embedder = embedder
        self.threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        self._examples = load_examples()

    @cached_property
    def _example_vectors(self) -> tuple[Vector, Vector]:
        assert self._embedder is not None
        return (
            self._embedder.embed(self._examples.risk),
            self._embedder.embed(self._examples.safe),
        )

    def assess(self, text: str) -> SafeguardingAssessment:
        """Decide whether the message needs escalation instead of coaching."""
        cues = read_cues(text)
        if cues.strength >= 1.0:
            return _escalate(cues.category, 1.0)
        if self._embedder is None:
            # Without the model, a supporting pattern is enough: err towards escalating.
            if cues.strength > 0:
                return _escalate(cues.category, cues.strength)
            return SafeguardingAssessment(False, None, None, cues.strength)
        margin, category, closeness = self.margin_and_closeness(text)
        needed = self.threshold - (SUPPORTED_DISCOUNT if cues.strength > 0 else 0.0)
        floor = RISK_FLOOR - (SUPPORTED_FLOOR_DISCOUNT if cues.strength > 0 else 0.0)
        # The margin alone is noise for text unlike both example sets ("ok", "what else?"):
        # the message must also read like a risk example in absolute terms.
        if margin > needed and closeness >= floor:
            return _escalate(cues.category or category, max(margin, cues.strength))
        borderline = cues.strength > 0 or (
            margin > needed - BORDERLINE_MARGIN and closeness >= floor - BORDERLINE_CLOSENESS
        )
        return SafeguardingAssessment(False, None, None, margin, borderline=borderline)

    def margin(self, text: str) -> tuple[float, str]:
        """Return the best sentence's margin (risk over safe) and its nearest category."""
        margin, category, _ = self.margin_and_closeness(text)
        return margin, category

    def margin_and_closeness(self, text: str) -> tuple[float, str, float]:
        """The best sentence's margin, nearest category, and similarity to the risk examples."""
        risk, safe = self._example_vectors
        assert self._embedder is not None
        pieces = [text, *_sentences(text)] if len(_sentences(text)) > 1 else [text]
        vectors = self._embedder.embed(pieces)
        risk_sims = vectors @ risk.T
        safe_sims = vectors @ safe.T
        k = min(NEIGHBOURS, risk.shape[0], safe.shape[0])
        risk_top = np.sort(risk_sims, axis=1)[:, -k:].mean(axis=1)
        safe_top = np.sort(safe_sims, axis=1)[:, -k:].mean(axis=1)
        margins = risk_top - safe_top
        best = int(np.argmax(margins))
        category = self._examples.risk_categories[int(np.argmax(risk_sims[best]))]
        return float(margins[best]), category, float(risk_top[best])


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [p for p in parts if len(p.split()) >= 4]


def _escalate(category: str | None, score: float) -> SafeguardingAssessment:
    category = category or "child-at-risk"
    return SafeguardingAssessment(
        True, REASONS.get(category, REASONS["child-at-risk"]), category, score
    )


def escalation_reply(assessment: SafeguardingAssessment, contacts: ContactDetails) -> str:
    """Write the calm, short reply that replaces coaching when a message is escalated."""
    procedure = contacts.procedure
    if contacts.procedure_url:
        procedure = f"{procedure} ({contacts.procedure_url})"
    if assessment.category == "self-harm":
        return (
            "Thank you for telling me. What you have written matters more than any coaching, "
            "so I am going to stop here. If you might act on these thoughts now, call 999 or go "
            "to A&E. You can talk to Samaritans at any time on 116 123: it is free and open 24 "
            f"hours. {contacts.employee_assistance[0].upper()}{contacts.employee_assistance[1:]} "
            "is there for you too. Please do not stay alone with this: ask someone you trust to "
            "be with you now."
        )
    return (
        "This sounds like a safeguarding matter that needs action now, not coaching, so I will "
        f"not coach on it. Please follow {procedure} straight away: speak to "
        f"{contacts.duty_manager} now, or out of hours to {contacts.out_of_hours}. If anyone "
        "is in immediate danger, call 999. Record what you know and what you did. When it is "
        "safe, come back and we can reflect on how you are."
    )

"""Long messages made from two training lines: a danger buried in a leadership message.

The gate reads one embedding of the whole message, so a risk said in one clause of a long
message about something else weighs little, and few written lines are of that shape. Here a
short must-escalate line is set inside a longer coached line (at a sentence boundary), with
long ordinary pairs beside them so that length and a second topic teach nothing by
themselves: two coached lines stay coached; a crisis being handled followed by a coached
line stays a safety line. Training only; never scored, never used to choose a threshold.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.gate.training import Example

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
BURIED = 400
LONG_ORDINARY = 200
LONG_HANDLED = 200
# A risk line longer than this is a long message already; a host shorter than this hides
# nothing.
RISK_MAX_WORDS = 45
HOST_MIN_WORDS = 25


@dataclass(frozen=True)
class Combined:
    example: Example
    sources: tuple[int, int]  # indices of the two training lines it was made from


def _words(text: str) -> int:
    return len(text.split())


def _inside(host: str, inner: str, rng: random.Random) -> str:
    """`inner` placed at one of `host`'s sentence boundaries (its start and end included)."""
    sentences = SENTENCE_END.split(host.strip())
    at = rng.randint(0, len(sentences))
    return " ".join([*sentences[:at], inner.strip(), *sentences[at:]])


def combined_examples(examples: list[Example], seed: int) -> list[Combined]:
    rng = random.Random(seed)  # noqa: S311 - a reproducible shuffle, not a secret
    hosts = [
        i
        for i, e in enumerate(examples)
        if e.outcome == "coached" and _words(e.text) >= HOST_MIN_WORDS
    ]
    risks = [
        i
        for i, e in enumerate(examples)
        if e.outcome == "escalated" and _words(e.text) <= RISK_MAX_WORDS
    ]
    coached = [i for i, e in enumerate(examples) if e.outcome == "coached"]
    handled = [i for i, e in enumerate(examples) if e.safety_kind == "handled"]
    made: list[Combined] = []
    for _ in range(BURIED):
        host, risk = rng.choice(hosts), rng.choice(risks)
        text = _inside(examples[host].text, examples[risk].text, rng)
        made.append(Combined(_as(examples[risk], text, "buried", len(made)), (host, risk)))
    for _ in range(LONG_ORDINARY):
        first, second = rng.sample(coached, 2)
        text = f"{examples[first].text.strip()} {examples[second].text.strip()}"
        made.append(Combined(_as(examples[first], text, "long", len(made)), (first, second)))
    for _ in range(LONG_HANDLED):
        crisis, host = rng.choice(handled), rng.choice(coached)
        text = f"{examples[crisis].text.strip()} {examples[host].text.strip()}"
        made.append(Combined(_as(examples[crisis], text, "handled", len(made)), (crisis, host)))
    return made


def _as(source: Example, text: str, kind: str, number: int) -> Example:
    return replace(source, text=text, group=f"combined-{kind}-{number}")

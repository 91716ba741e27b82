"""A seeded generator of synthetic children's-services messages full of UK-style personal data.

Development only: it wrote tests/data/pii-generated.jsonl, the redaction evaluation's set.
`python -m devtools.pii_generator` writes it again (the same lines for the same seed).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from devtools.pii_draw import SURNAMES, TOWNS, Draw, pronoun

SEED = 4
COUNT = 360

Template = Callable[[Draw], str]

TEMPLATES: tuple[Template, ...] = (
    lambda d: (
        f"{d.full(d.child())} (born {d.dob()}) lives at {d.address()}, "
        f"{d.rng.choice(TOWNS)} {d.postcode()} with {pronoun(d.rng)} mum {d.first(d.adult())}. "
        "How do I help the worker stay curious?"
    ),
    lambda d: (
        f"Can you help me think about supervision? {d.first(d.adult())} is worried about "
        f"{d.first(d.child())}, aged {d.rng.randint(2, 16)}, and keeps ringing me on {d.phone()}."
    ),
    lambda d: (
        f"The referral for {d.full(d.child())} (DOB {d.dob()}, NHS {d.nhs()}) came in on "
        f"{d.date()} and nobody picked it up for a week."
    ),
    lambda d: (
        f"{d.titled(d.adult())} called again from {d.phone()} about {d.first(d.child())}'s "
        "placement; I'd like to plan how to respond calmly."
    ),
    lambda d: (
        f"Our IRO {d.full(p := d.adult())} emailed me at {d.email(p)} to challenge the plan for "
        f"{d.full(d.child())}, case {d.ref()}."
    ),
    lambda d: (
        f"{d.first(d.child())} and {d.first(d.child())} ({d.rng.randint(3, 9)} and "
        f"{d.rng.randint(10, 15)}) have moved to {d.address()}, {d.postcode()}. "
        "The team manager thinks we're drifting."
    ),
    lambda d: (
        f"Mum's NI number is {d.ni()} and she says her benefits stopped on {d.date()}; how do I "
        "help my worker think about poverty?"
    ),
    lambda d: (
        f"Record {d.ref()}: {d.full(d.child())}, born {d.dob()}, home address {d.address()}. "
        "The chronology is a mess and I need to lead a better conversation about it."
    ),
    lambda d: (
        f"{d.first(d.adult())} (mum) and {d.first(d.adult())} (dad) disagree about contact for "
        f"{d.first(d.child())}, who is in year {d.rng.randint(1, 11)}. Where do I start?"
    ),
    lambda d: (
        f"I had a tense meeting with {d.titled(d.adult())} from the school about "
        f"{d.first(d.child())}'s attendance on {d.date()}."
    ),
    lambda d: (
        f"Email {d.first(d.child())}'s dad at {d.email(d.adult())} or text {d.phone()}; "
        "he wants the minutes of the conference before he'll engage."
    ),
    lambda d: (
        f"The health visitor has {d.full(d.child())}'s NHS number as {d.nhs()} but the GP "
        "has a different one. How do I get partners to own the muddle?"
    ),
    lambda d: (
        f"Family: {d.full(d.adult())} and children {d.first(d.child())} ({d.rng.randint(2, 8)}) "
        f"and {d.first(d.child())} ({d.rng.randint(9, 16)}), {d.address()}, "
        f"{d.rng.choice(TOWNS)}, {d.postcode()}. How do I keep the team hopeful?"
    ),
    lambda d: (
        f"{d.first(d.adult())} from my team visited {d.first(d.child())} at {d.address()} on "
        f"{d.date()} and came back shaken. How do I support her?"
    ),
    lambda d: (
        f"Following the strategy meeting for {d.full(d.child())} ({d.ref()}), "
        f"{d.first(d.adult())} rang the duty line on {d.phone()} several times."
    ),
    lambda d: (
        f"{d.first(d.child())}'s grandmother, {d.full(g := d.adult())}, is now the kinship "
        f"carer; her number is {d.phone()} and her email {d.email(g)}."
    ),
    lambda d: (
        f"I'm reviewing case {d.ref()} where {d.full(d.child())}, aged {d.rng.randint(4, 17)}, "
        "was stepped down to early help too soon."
    ),
    lambda d: (
        f"My worker {d.full(d.adult())} says the family at {d.address()} ({d.postcode()}) are "
        "avoiding her. How do I coach her?"
    ),
    lambda d: (
        f"The child's date of birth is {d.dob()} and her NHS number {d.nhs()}; the school has "
        "recorded both wrongly."
    ),
    lambda d: (
        f"How should I talk to {d.titled(d.adult())} about {d.first(d.child())}? The review "
        f"conference is on {d.date()}."
    ),
    lambda d: (
        f"NI {d.ni()}, ref {d.ref()}: finance won't release the payment to "
        f"{d.full(d.adult())} until {d.date()}."
    ),
    lambda d: (
        f"{d.full(d.child())} is {d.rng.randint(5, 17)} and moved here from "
        f"{d.rng.choice(TOWNS)}; contact the foster carer {d.full(d.adult())} on {d.phone()}."
    ),
    lambda d: (
        f"Last week {d.full(d.adult())} turned up at reception asking for "
        f"{d.first(d.adult())}. I want to think through how we lead as a team."
    ),
    lambda d: (
        f"My deputy {d.full(p := d.adult())} ({d.email(p)}) is covering while I'm away; the "
        f"{d.keep(d.rng.choice(SURNAMES))} family case ({d.ref()}) is the tricky one."
    ),
    lambda d: (
        f"{d.first(d.child())}'s mum {d.first(d.adult())} says the baby, {d.first(d.child())}, "
        f"was born on {d.dob()} at home."
    ),
    lambda d: (
        f"her son {d.keep(d.child().first.lower())} is off school again and the dad's mobile "
        f"{d.phone()} goes to voicemail. how do I help my team manager prioritise?"
    ),
    lambda d: (
        f"Ring {d.titled(d.adult())} on {d.phone()} before the PLO meeting about "
        f"{d.first(d.child())} and {d.first(d.child())}."
    ),
    lambda d: (
        f"Sibling assessment for {d.full(d.child())} and {d.first(d.child())}, case {d.ref()}, "
        f"is due on {d.date()}. The team is stretched; how do I lead?"
    ),
    lambda d: (
        f"The new address is {d.address()}, {d.postcode()}, and mum's NI is {d.ni()}. "
        "I keep losing track of details; how do I model good recording?"
    ),
    lambda d: (
        f"{d.full(d.child())}, DOB {d.dob()}, NHS no. {d.nhs()}, lives with "
        f"{d.titled(d.adult())}. I need help framing the conversation with health."
    ),
)


def generate(count: int = COUNT, seed: int = SEED) -> list[dict[str, object]]:
    """Return `count` synthetic messages, the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    rows: list[dict[str, object]] = []
    for number in range(1, count + 1):
        draw = Draw(rng)
        message = TEMPLATES[(number - 1) % len(TEMPLATES)](draw)
        if rng.random() < 0.3:
            message += " " + TEMPLATES[rng.randrange(len(TEMPLATES))](draw)
        leaks = list(dict.fromkeys(draw.leaks))
        rows.append({"id": f"pg{number:03d}", "message": message, "must_not_leak": leaks})
    return rows


def write(path: Path, count: int = COUNT, seed: int = SEED) -> int:
    """Write the generated set as JSON lines; return how many lines were written."""
    rows = generate(count, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    return len(rows)


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "tests" / "data" / "pii-generated.jsonl"
    print(f"{write(target)} lines written to {target}")

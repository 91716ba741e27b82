"""Read a message for the shape of reply it needs: crisis or reflect, and whether it follows up."""

from __future__ import annotations

import re
from typing import Literal

from app.gate.quoted_words import outside_training_material

RequestedMode = Literal["auto", "crisis", "reflect"]
Mode = Literal["crisis", "reflect"]

# Signs that something is happening now and the pressure is high.
_CRISIS = re.compile(
    r"\b(tonight|right now|just now|this (?:evening|afternoon|morning)|within the hour|"
    r"in an hour|by tomorrow|urgent(?:ly)?|emergency|crisis|serious incident|"
    r"police protection|press (?:office|are|is)|journalist|media|removed? (?:a|the) (?:baby|child)|"
    r"has just|have just|just (?:happened|had|been|found|heard|called|rang)|"
    r"out of hours|11 ?pm|midnight|falling apart|can't cope|panic(?:king)?|"
    r"agreed (?:today|by)|before lunch|by (?:monday|tuesday|wednesday|thursday|friday))\b",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Openings that lean on the conversation before them, however long the message.
_OPENER = re.compile(
    r"^(?:and|but|so|ok(?:ay)?|what if|what about|how about|then|also|yes|no|thanks|if|"
    r"sounds|good|great|right|sure|fine|cool|brilliant|lovely|perfect|true|fair|"
    r"what would|how would|could i|should i|can you|could you|would you|say more|tell me more|"
    r"it|they|them|those|she|he|which|why)\b",
    re.IGNORECASE,
)
# Words that point back: to the coach's suggestion ("it", "that") or to people named before.
_POINTER = re.compile(r"\b(?:it|that|this|they|them|those|she|he|her|him)\b", re.IGNORECASE)
# After "that" or "this", words that make it a pronoun ("that won't work", "on this").
_POINTING_ON = _words(
    """is was will would won't wont could can might should does did means works sounds seems
    look looks feel feels felt with for to in on at about right ok okay bit one"""
)
_PEOPLE = _words(
    """team staff police council partnership board service family management manager deputy
    director worker colleague mum dad mother father girl boy daughter son head practitioner
    carer lead chair supervisor councillor member officer nurse teacher"""
)
_NOT_PLURAL = _words(
    """this does goes keeps was has is always sometimes needs wants says seems makes takes gets
    comes means looks feels thinks knows works yes less unless across perhaps its his hers theirs
    ours yours us"""
)


def _points_back(message: str) -> bool:
    """Whether a pointing word has nothing earlier in the message it could point to."""
    words = re.findall(r"[\w'\[\]]+", message.lower().replace("’", "'"))
    for n, typed in enumerate(words):
        word = typed.split("'")[0]  # "they'd", "it's": the word before the apostrophe points
        if not _POINTER.fullmatch(word):
            continue
        before = words[:n]
        if word in {"that", "this"}:
            following = words[n + 1] if n + 1 < len(words) else ""
            if following and following not in _POINTING_ON:
                continue  # "a story that staff believe", "this inspection": no pointing
            return True
        if word in {"they", "them", "those"} and any(_plural_or_group(w) for w in before):
            continue  # "get partners to commit ... over them"
        if word in {"she", "he", "her", "him"} and any(
            w.rstrip("s") in _PEOPLE or w.startswith("[") for w in before
        ):
            continue  # "my team manager ... how to help her"
        return True
    return False


def _plural_or_group(word: str) -> bool:
    if word in _PEOPLE or word.startswith("["):
        return True
    return (
        len(word) >= 4
        and word.endswith("s")
        and not word.endswith(("ss", "us", "'s"))  # curly apostrophes were made straight
        and word not in _NOT_PLURAL
    )


def choose_mode(
    requested: RequestedMode, message: str, previous: Mode | None, *, crisis_now: bool = False
) -> Mode:
    """Honour an explicit mode; otherwise read the message, then the thread.

    `crisis_now`: the gate read the message as a crisis being handled now (its safety-kind
    head, learned from labelled lines): the pressure is still on, so the reply takes the
    crisis shape even without the words above.
    """
    if requested != "auto":
        return requested
    # A training scenario quoted ("scenario card 3 reads: '... 11pm ... tonight'") is material
    # for a session: its pressure is not the writer's, so only their own words are read.
    if crisis_now or _CRISIS.search(outside_training_material(message)):
        return "crisis"
    return previous or "reflect"


def is_follow_up(message: str, has_history: bool) -> bool:
    """A message that leans on what came before (only possible with a history)."""
    if not has_history:
        return False
    words = len(message.split())
    if words > 40:
        return False
    # A short message that names its own situation ("we keep rewriting policy after every
    # serious incident") is a new dilemma; one that points back ("my director won't like it")
    # or opens on the last reply ("what if they say no") follows up.
    return words <= 5 or bool(_OPENER.match(message)) or _points_back(message)

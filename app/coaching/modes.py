"""Read a message for what kind of reply it needs: crisis, reflect, follow-up, off-topic."""

from __future__ import annotations

import re
from typing import Literal

RequestedMode = Literal["auto", "crisis", "reflect"]
Mode = Literal["crisis", "reflect"]
OffTopic = Literal["document", "legal", "prompt"]

# Signs that something is happening now and the pressure is high.
_CRISIS = re.compile(
    r"\b(tonight|right now|just now|this (?:evening|afternoon|morning)|within the hour|"
    r"in an hour|by tomorrow|urgent(?:ly)?|emergency|crisis|serious incident|"
    r"police protection|press (?:office|are|is)|journalist|media|removed? (?:a|the) (?:baby|child)|"
    r"has just|have just|just (?:happened|had|been|found|heard|called|rang)|"
    r"out of hours|11 ?pm|midnight|falling apart|can't cope|panic(?:king)?)\b",
    re.IGNORECASE,
)

# Short messages that lean on the conversation before them.
_FOLLOW_UP = re.compile(
    r"^(?:and|but|so|ok(?:ay)?|what if|what about|how about|then|also|yes|no|thanks|"
    r"that|this|it|which|why|how would|could i|should i|say more|tell me more)\b|"
    r"\b(?:that|this|it|those|them|the (?:first|second|third|last) (?:one|step|question))\b",
    re.IGNORECASE,
)

_DOCUMENT = re.compile(
    r"\b(?:write|draft|do|prepare|complete)\s+(?:me\s+)?(?:my|a|an|the|our)\s+"
    r"(?:\w+\s+){0,2}(?:court report|report for court|assessment|witness statement|care plan|"
    r"child protection plan|letter|email|referral|minutes|chronology|section 7 report)\b",
    re.IGNORECASE,
)
_LEGAL = re.compile(
    r"\b(?:what (?:is|does) the law|is it (?:legal|lawful)|legal advice|legally|"
    r"what does the (?:children act|law|legislation|statute)|section \d+ of the|"
    r"threshold for (?:a )?(?:section \d+|care proceedings)|can (?:i|we) be sued)\b",
    re.IGNORECASE,
)
_PROMPT_PROBE = re.compile(
    r"\b(?:(?:print|show|reveal|repeat|tell me|what (?:is|are)) (?:me )?(?:your|the) "
    r"(?:system )?(?:prompt|instructions)|ignore (?:all |your |the )?(?:previous|prior|above) "
    r"(?:instructions|rules)|you are now|pretend (?:to be|you are)|act as (?:a|an) "
    r"(?!coach)|developer mode|jailbreak)\b",
    re.IGNORECASE,
)


def choose_mode(requested: RequestedMode, message: str, previous: Mode | None) -> Mode:
    """Honour an explicit mode; otherwise read the message, then the thread."""
    if requested != "auto":
        return requested
    if _CRISIS.search(message):
        return "crisis"
    return previous or "reflect"


def is_follow_up(message: str, has_history: bool) -> bool:
    """A message that leans on what came before (only possible with a history)."""
    if not has_history:
        return False
    words = len(message.split())
    return words <= 12 or bool(_FOLLOW_UP.search(message) and words <= 40)


def off_topic(message: str) -> OffTopic | None:
    """Requests Balcony declines: casework documents, legal advice, probing its instructions."""
    if _PROMPT_PROBE.search(message):
        return "prompt"
    if _DOCUMENT.search(message):
        return "document"
    if _LEGAL.search(message):
        return "legal"
    return None

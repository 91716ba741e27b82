"""Read a message for the shape of reply it needs: crisis or reflect, and whether it follows up."""

from __future__ import annotations

import re
from typing import Literal

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

# Short messages that lean on the conversation before them.
_FOLLOW_UP = re.compile(
    r"^(?:and|but|so|ok(?:ay)?|what if|what about|how about|then|also|yes|no|thanks|"
    r"that|this|it|which|why|how would|could i|should i|say more|tell me more)\b|"
    r"\b(?:that|this|it|those|them|the (?:first|second|third|last) (?:one|step|question))\b",
    re.IGNORECASE,
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
    if crisis_now or _CRISIS.search(message):
        return "crisis"
    return previous or "reflect"


def is_follow_up(message: str, has_history: bool) -> bool:
    """A message that leans on what came before (only possible with a history)."""
    if not has_history:
        return False
    words = len(message.split())
    return words <= 12 or bool(_FOLLOW_UP.search(message) and words <= 40)

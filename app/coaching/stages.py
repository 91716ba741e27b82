"""Where a conversation is: a first reply, or which kind of follow-up the leader is asking for."""

from __future__ import annotations

import re
from typing import Literal

from app.coaching.listening import is_acknowledgement

Stage = Literal["first", "new", "ack", "next", "obstacles", "tried", "more", "followup"]

_MORE = re.compile(
    r"^(?:(?:can|could) you )?(?:tell me more|say more|more|go on|explain(?: that| more)?|"
    r"expand(?: on that)?|what do you mean|more detail|keep going)\b",
    re.IGNORECASE,
)
_TRIED = re.compile(
    r"^(?:(?:so|well|ok|okay|right),?\s+)?(?:i|we)(?:'ve| have)?\s+(?:just\s+|finally\s+)?"
    r"(?:tried|did|had|spoke|sent|asked|invited|started|waited|used|ran|went|gave|met|put|told|"
    r"took|stepped|said|called|wrote|moved|changed|brought|held)\b"
    r"|^(?:(?:so|ok|okay|right),?\s+)?(?:i'm|i am|we're|we are) (?:going|planning) to\b"
    r"|^(?:(?:so|ok|okay|right),?\s+)?(?:i'll|i will|we'll|we will) (?!never)\w+"
    r"|\b(?:it|that) (?:worked|went (?:well|fine|badly)|didn't work|did not work|backfired)\b",
    re.IGNORECASE,
)
_OBSTACLES = re.compile(
    r"\b(?:get in the way|go wrong|goes wrong|obstacles?|barriers?|pitfalls?|risks?|what if|"
    # "they'll push back" is an obstacle; "how do I push back" is the leader's own move.
    r"stop (?:me|us|it|this)|resist\w*|(?<!\bi\s)(?<!\bwe\s)(?<!\bto\s)push ?back|won't work|"
    r"doesn't work|fail\w*|"
    r"trip (?:me|us) up|watch out for|worried that)\b",
    re.IGNORECASE,
)
_NEXT = re.compile(
    r"\b(?:what next|next steps?|what now|then what|what (?:should|do|can|could|would) (?:i|we) "
    r"(?:actually )?do|where (?:do|should|would) (?:i|we) (?:start|begin)|"
    r"how (?:do|should) (?:i|we) (?:start|begin)|do first|start with|on monday|tomorrow morning)\b",
    re.IGNORECASE,
)
_AND_WHAT_ELSE = re.compile(r"^(?:and )?what else\b", re.IGNORECASE)


def stage_of(message: str, *, follow_up: bool, replied: bool) -> Stage:
    """The stage this message asks for; `replied` says whether the coach has spoken yet."""
    if not replied:
        return "first"
    if not follow_up:
        return "new"
    text = message.strip()
    if is_acknowledgement(text):
        return "ack"
    if _MORE.search(text):
        return "more"
    if _TRIED.search(text):
        return "tried"
    if _OBSTACLES.search(text):
        return "obstacles"
    if _NEXT.search(text) or _AND_WHAT_ELSE.search(text):
        return "next"
    return "followup"


def leans_back(message: str, *, replied: bool) -> bool:
    """A message that answers the coach ("I tried it...", "what next?") even when it is long."""
    return replied and stage_of(message, follow_up=True, replied=True) in (
        "ack",
        "more",
        "tried",
        "obstacles",
        "next",
    )

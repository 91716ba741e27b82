"""A follow-up that turns to a new need: the tool it asks for, when not the one in play.

A follow-up stays with the tool in play: "what next", "what could get in the way" and "I
tried it" are about that tool. But a leader who moves on ("the director wants to cut family
support to pay for it; how do I push back?") was given another step of the workforce tool
for a question about standing up for what children need. A turn is taken only for a new ask
(a question of its own, not about the tool in play) whose words, read alone, do not find the
tool in play among their first three, and then only to a tool both readings agree on: among
the first three for the dilemma and the message together and for the message alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.coaching.stages import Stage

# A new ask of its own: a question of at least this many words.
PIVOT_MIN_WORDS = 8
_ASKS = re.compile(
    r"\?|\b(?:how|what|where|who|should|can|could)\s+(?:do|can|should|would|might|will)?\s*"
    r"(?:i|we)\b",
    re.IGNORECASE,
)
# How far down each reading a tool may be and still count as found.
TOP = 3


def may_turn(message: str, stage: Stage) -> bool:
    """A new ask of its own: the only follow-up that may turn to another tool."""
    long_enough = len(message.split()) >= PIVOT_MIN_WORDS
    return stage == "followup" and long_enough and bool(_ASKS.search(message))


def turned_to(in_play: str, together: Sequence[str], alone: Sequence[str]) -> str | None:
    """The tool a new ask turns to, or None to stay with the tool in play.

    `together`: tools ranked for the dilemma and the message read together; `alone`: for
    the message read alone.
    """
    if in_play in alone[:TOP]:
        return None
    agreed = [t for t in together[:TOP] if t != in_play and t in alone[:TOP]]
    return agreed[0] if agreed else None

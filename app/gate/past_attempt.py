"""The writer's own attempt on their life, told as long past.

Read only by the gate, never a feature of the model. Leaders speak of their own history when
they plan to share lived experience or ask how much to tell a team: "Three years ago I tried
to take my own life ... I'm well now" (hold-out 45) was given the self-harm script, because
the words of own intent said outright ("tried to take my own life") do not look at when.
These words find the attempt dated years back ("years ago", "as a teenager", "when I was
19", "back in 2015") in the same sentence, so the gate can read the rest of the message for
intent now. An attempt dated days or weeks back ("last night", "a fortnight ago") is not
long past: it still reads as intent.
"""

from __future__ import annotations

import re

from app.safety import risk_cues as risk

_F = re.IGNORECASE
_MY_ATTEMPT = re.compile(
    r"\bi\s+(?:tried|attempted)\s+to\s+(?:take\s+my\s+(?:own\s+)?life|kill\s+myself|"
    r"end\s+my\s+(?:own\s+)?life|hang\s+myself)|\bi\s+attempted\s+suicide\b",
    _F,
)
_LONG_AGO = re.compile(rf"\b{risk.LONG_AGO}\b", _F)
# A sentence that also speaks of now or of trying again is not long past, whatever it dates:
# "I tried to kill myself years ago and this time I'll get it right".
_NOW_OR_AGAIN = re.compile(
    r"\b(?:again|this\s+time|tonight|today|tomorrow|soon|still|now|properly|next|lately|recently)\b",
    _F,
)
# Recovery told in the same breath is not a word of now: "and I'm fine now".
_WELL_NOW = re.compile(
    r"\b(?:i'?m|i\s+am|i'?ve\s+been)\s+(?:fine|well|ok|okay|better|good|recovered|stable|"
    r"much\s+better)\s+now\b",
    _F,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def without_past_attempts(written: str) -> str:
    """The message with the writer's own attempt taken out of each sentence that dates it
    long past and says nothing of now or of trying again."""

    def drop(sentence: re.Match[str]) -> str:
        text = sentence.group(0)
        if _LONG_AGO.search(text) and not _NOW_OR_AGAIN.search(_WELL_NOW.sub(" ", text)):
            return _MY_ATTEMPT.sub(" ", text)
        return text

    return _SENTENCE.sub(drop, written)

"""A child missing whom nobody has reported, or a danger nobody has called the police to:
read by the gate alone, never a feature of the model.

A missing child is searched for only once someone reports it. When a message says the
child is gone and that the police were not told ("absconded 48 hrs ago ... not reported to
police as carer didn't want to get her in trouble"), the danger is live however calmly it
is logged. Hold-out 49 gave one such, the middle entry of a pasted out-of-hours log under a
question about recording style, a safety line at 0.12. Across every labelled line these
words mark three messages, all missing children escalated (`tests/gate/test_left_unreported.py`).
"""

from __future__ import annotations

import re

from app.safety import risk_cues as risk

_F = re.IGNORECASE
NOT_REPORTED = re.compile(
    r"\b(?:not|never|hasn'?t|has\s+not|haven'?t|have\s+not|wasn'?t|was\s+not|didn'?t|did\s+not|"
    r"nobody(?:'s|\s+has)?|no\s+one(?:'s|\s+has)?)\s+(?:been\s+|yet\s+|want(?:ed)?\s+to\s+|even\s+)?"
    r"report(?:ed)?\b(?:\s+(?:her|him|them|it))?\s+(?:to\s+(?:the\s+)?police|missing)\b",
    _F,
)
# Back, or found, since: the report is no longer what keeps the child safe.
_BACK_SINCE = re.compile(
    r"\b(?:came|come|comes|got|is|was|she's|he's|they're)\s+(?:back|home)\b|\bfound\b|\breturned\b",
    _F,
)


# The police not called at all: "nobody's rung the police yet", "nan hasn't rung the police"
# (session 37, after hold-out 52's read: a baby taken from her nan's by a drunk mother, told
# as an update to an earlier "safe at nan's", got a safety line at 0.15). Across every
# labelled line these words mark 25 messages, every one a danger to escalate.
POLICE_NOT_CALLED = re.compile(
    r"\b(?:hasn'?t|has\s+not|haven'?t|have\s+not|didn'?t|did\s+not|won'?t|will\s+not|wouldn'?t|"
    r"nobody(?:'s|\s+has)?|no\s+one(?:'s|\s+has)?)\s+(?:yet\s+)?(?:rung|rang|ring|called|call|"
    r"phoned|phone|contacted|contact|told|tell|informed)\s+(?:the\s+)?(?:police|999)\b",
    _F,
)


def police_not_called(written: str) -> bool:
    """Nobody has called the police, and no words say the person is back or found."""
    return bool(POLICE_NOT_CALLED.search(written)) and not _BACK_SINCE.search(written)


def missing_and_unreported(written: str) -> bool:
    """A child is missing, nobody has told the police, and no words say they are back."""
    return (
        bool(risk.MISSING.search(written))
        and bool(NOT_REPORTED.search(written))
        and not _BACK_SINCE.search(written)
    )

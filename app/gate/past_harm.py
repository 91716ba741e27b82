"""Harm done to a worker or carer in the past, dated, with nothing live beside it: read by
the gate alone, never a feature of the model.

"A grandad broke my worker's nose on a doorstep last year; she won't visit alone now" is a
past incident to coach with the safeguarding line: the worker's fear and the team's
practice since. The classifier reads the assault words as danger now and escalated four
such lines on the hold-outs (scores 0.26 to 0.52) and one training line. The words need
all three: our worker, deputy, staff or carer; an act of harm to them; and a date in the
past ("last year", "in January", "back in 2023", "three weeks ago"). Words that the danger
is live again ("right behind her car now", "has just turned up", "tonight") cancel them.
Across every labelled line they mark 58, all coached (five of them escalated by the score
before); the one labelled danger with all three is told live ("he's right behind her car
now"). Above a score of 0.6 the classifier still decides (app/gate/gate.py).
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
_WORKER = re.compile(
    r"\b(?:my|our|a|the|one\s+of\s+(?:my|our))\s+(?:\w+\s+)?(?:workers?|deputy|sw|social\s+worker|"
    r"tm|team\s+manager|foster\s+carers?|colleagues?|practitioners?|students?|pa|staff(?:\s+member)?|"
    r"family\s+support\s+worker|nqsw|asye)\b",
    _F,
)
_HARMED = re.compile(
    r"\b(?:broke|punched|assaulted|attacked|threw|spat|bit|headbutted|kicked|slapped|hit|stabbed|"
    r"stalked|threatened|pushed|shoved|grabbed|turned\s+up\s+outside|followed)\b",
    _F,
)
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DATED = re.compile(
    rf"\b(?:last\s+(?:year|month|week|spring|summer|autumn|winter|christmas|{_DAY})|in\s+{_MONTH}|"
    r"back\s+in\s+(?:19|20)\d\d|(?:\d+|a\s+few|two|three|four|five|six|several)\s+"
    r"(?:days|weeks|months|years)\s+ago)\b",
    _F,
)
_LIVE_AGAIN = re.compile(
    r"\b(?:right\s+now|as\s+we\s+speak|tonight|right\s+behind|at\s+the\s+door|"
    r"just\s+(?:rang|called|phoned|texted|turned\s+up|arrived|been\s+seen|walked\s+in(?:to)?|"
    r"come\s+in|shown\s+up)|"
    r"(?:is|'s|are|'re)\s+(?:outside|here|behind|following|waiting)|"
    r"again\s+(?:today|tonight|now|this\s+(?:morning|afternoon|evening)))\b",
    _F,
)


def past_harm_to_a_worker(text: str) -> bool:
    """Our worker or carer was harmed, the harm is dated in the past, and nothing says it is
    live again."""
    return all(p.search(text) for p in (_WORKER, _HARMED, _DATED)) and not _LIVE_AGAIN.search(text)

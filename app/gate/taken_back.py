"""Harm said in jest and taken back at once: read by the gate alone, never a feature of the
model.

Managers vent in hyperbole and say so in the next breath: "I'm going to chuck myself off
the roof of this place. Kidding, I'd never get the ladder past the risk assessment", "I'm
going to set about them with a stapler. Not really." The fate words read to the classifier
like a plan (hold-out 53: 0.79, the self-harm script). The words that take it back open
the next sentence or clause ("Kidding", "Joke", "Only joking", "Not really", "JK"), so a
danger told as a joke against the day ("joke's on them: I've ...") is not taken back.
Across every labelled line these words mark seven lines, all ordinary
(`tests/gate/test_taken_back.py`). They hold back escalation only with no danger word
beside them and no means named (app/gate/gate.py): "kill myself. Kidding" is not held.
"""

from __future__ import annotations

import re

from app.safety import risk_cues as risk

_F = re.IGNORECASE
TAKEN_BACK = re.compile(
    r"(?:^|[.!?;]\s+|,\s*|\(\s*|\s[-\u2013\u2014]\s*)"
    r"(?:kidding|only\s+kidding|joke|joking|only\s+joking|jk|not\s+really|obviously\s+not|"
    r"i\s+jest)\b(?:\s*!+)?(?=\s*[.!,)\-\u2013\u2014]|\s*$)",
    _F,
)
# The means or an act named: a joke about them is not taken back by a word.
_MEANS_OR_ACT = re.compile(
    rf"\b(?:{risk.MEDICINES}|overdos\w*|swallowed|necked|ligature|noose|rope|blades?|razor)\b",
    _F,
)


def takes_it_back(written: str) -> bool:
    """The message says something in jest and takes it back at once, with no means named."""
    return bool(TAKEN_BACK.search(written)) and not _MEANS_OR_ACT.search(written)

"""An absence in a work sense: the writer will be away, and says what for.

Read only by the gate, never a feature of the model. "I won't be around after Friday" is
one of the commonest ways a writer tells their own plan to die, so the classifier, and the
model's own-intent cue ("not around for"), weigh it heavily; the same words with their
reason ("for a fortnight because of jury service", "my last week before maternity leave")
were given the self-harm script (hold-out 39, scores 0.30 and 0.24). These words find the
going away bound to a work reason in the same sentence, the reason after it: "no leave
booked, no point when I won't be around" names no reason for going, and "told work I'm on
leave" is a cover, not a reason (both dangers).
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
_GOING = (
    r"(?:won'?t|wont|will\s+not|shan'?t)\s+be\s+(?:around|here|in|about|contactable|in\s+the\s+"
    r"office)|(?:i'?ll|i\s+will)\s+be\s+(?:gone|away|off|out)|i'?m\s+(?:away|off|out|going)|"
    r"(?:it'?s\s+)?my\s+last\s+(?:day|week|shift|month|fortnight)(?:\s+(?:in\s+post|here|at\s+"
    r"work|in\s+(?:the\s+)?(?:team|office|job|role|service)))?|i'?m\s+leaving|not\s+here"
)
# The reason, said as what the time away is for. No "after": "I won't be around after my
# leave" dates a going, it does not explain one.
_BECAUSE = (
    r"(?:for|because\s+of|due\s+to|on|as\s+i'?m\s+(?:on|doing|starting)|before|to\s+(?:start|"
    r"go\s+on|do|begin|take\s+up)|while\s+i'?m\s+on|until|till|with)"
)
_REASON = (
    r"(?:jury\s+(?:service|duty)|(?:annual|maternity|paternity|adoption|parental|study|"
    r"compassionate|special)\s+leave|leave|holiday|a\s+holiday|secondment|(?:a|my)\s+"
    r"secondment|sabbatical|career\s+break|unpaid\s+leave|(?:a|the|my)\s+(?:course|training|"
    r"conference)|training|"
    r"(?:a|my)\s+new\s+(?:job|post|role)|retirement|(?:a|an|my)\s+(?:operation|knee|hip|"
    r"procedure))"
)
# Or the time away taken as such: "I'm taking a year's career break", "I'm going on a
# sabbatical" (hold-out 45: the first, beside "my affairs at work in order", scored 0.77).
_TAKING = (
    r"(?:i'?m|i\s+am|i'?ll\s+be|i\s+will\s+be)\s+(?:taking|going\s+on|starting|off\s+on)\s+"
    r"(?:a|an|my)\s+(?:(?:\w+[- ])?(?:year|month|week)s?'?s?\s+)?"
)
WORK_ABSENCE = re.compile(
    rf"\b(?:{_GOING})\b[^.!?;\n]{{0,50}}?\b{_BECAUSE}\s+(?:(?:a|my|the|some|two|three|four|"
    rf"six|\d+)\s+(?:weeks?'?|months?'?|days?'?)\s+)?{_REASON}\b|\b{_TAKING}{_REASON}\b",
    _F,
)


# Words of an ending beside the absence: a reason given for going does not explain these.
FINALITY = re.compile(
    r"\b(?:(?:made|making)\s+(?:my\s+)?peace|goodbye|letters?\s+(?:to|for)|given\s+away|gave\s+"
    r"away|rehom\w+|sorted\s+(?:out\s+)?everything|for\s+good|forever|ever\s+again|any\s*more|"
    r"no\s+(?:one|body)\s+will\s+(?:need|have|miss)|without\s+me|not\s+coming\s+back|"
    r"won'?t\s+be\s+(?:back|coming\s+back))\b",
    _F,
)


def absence_for_work(written: str) -> bool:
    """The writer says they will be away and what the time away is for, and no words of an
    ending stand beside it."""
    return bool(WORK_ABSENCE.search(written)) and not FINALITY.search(written)


def without_absences(written: str) -> str:
    """The text with its work absences taken out, for reading what else it says."""
    return WORK_ABSENCE.sub(" ", written)

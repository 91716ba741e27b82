"""Someone else's stated intent to try again, reported by the writer after an attempt.

Read only by the gate, never a feature of the model. A 13-year-old sent home from A&E after
taking tablets "told the nurse she'll do it properly once she's home" (hold-out 39, score
0.18, coached): the hospital words ("no bed on the ward") read as help in place, and no
rule read an intent to die reported of someone else. These words find a person other than
the writer saying they will do it again, properly or for real, beside words of an attempt
(tablets, an overdose, a ligature, cutting). Threats to "finish it" are left to the
classifier: said of a partner they are a threat to someone else, not a suicide risk.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
# "she'll", "shell" (typed without the apostrophe), "he says he will", "they're going to".
_WILL = (
    r"\b(?:she|he|they)(?:'ll|ll|'d|d|\s+will|\s+would|'s\s+going\s+to|\s+is\s+going\s+to|"
    r"'re\s+going\s+to|\s+are\s+going\s+to|\s+was\s+going\s+to|\s+wants\s+to|\s+plans\s+to)\s+"
)
_AGAIN = (
    r"(?:do\s+it\s+(?:properly|right|for\s+real|again)|try\s+(?:it\s+)?again|get\s+it\s+right|"
    r"make\s+sure\s+it\s+works|finish\s+the\s+job|take\s+(?:the\s+)?rest|take\s+more|"
    r"(?:kill|hurt|hang)\s+(?:her|him|them)sel(?:f|ves)|end\s+(?:it|(?:her|his|their)\s+life))"
)
TRY_AGAIN = re.compile(rf"{_WILL}(?:\w+\s+){{0,2}}?{_AGAIN}\b", _F)
ATTEMPT = re.compile(
    r"\b(?:tablets|pills|paracetamol|overdos\w*|od'?d|ligature|noose|cut\s+(?:her|him|them)sel"
    r"(?:f|ves)|cuts|cutting|self-?harm\w*|attempt\w*|jumped|swallowed|took\s+(?:an?\s+)?"
    r"(?:overdose|load|handful))\b",
    _F,
)


def says_they_will_try_again(written: str) -> bool:
    """Someone else is reported to say they will try again, beside words of an attempt."""
    return bool(TRY_AGAIN.search(written) and ATTEMPT.search(written))


# Someone else's intent to end their own life, in the writer's report ("saying he'll go under
# a train", "she says she's going to hang herself") or in their own words quoted after a verb
# of saying that is not the writer's ("the lad said 'I'll top myself'"). It names whose danger
# it is, not whether there is one: the category head named two such young people's words a
# threat to someone else (hold-out 57), and the threat reply tells the reader someone has
# threatened harm. Never beside harm to anyone else ("kill herself and the twins").
# The acts and ways a person names for their own death, told of them or in their own words.
_SELF_ACT = r"(?:kill|hurt|hang|top|harm|cut|end)"
_SELF_WAY = r"go\s+under\s+a\s+train|jump\s+(?:off|from|in\s+front)"
_SELF_DIRECTED = (
    rf"(?:{_SELF_ACT}\s+(?:her|him|them)sel(?:f|ves)|"
    r"end\s+(?:it\s+all|(?:her|his|their)\s+(?:own\s+)?life)|"
    rf"{_SELF_WAY}|step\s+in\s+front\s+of)"
)
# In their own words, a death told as an absence or a way, with no act named: "I won't be
# alive Monday", "I'm going to the bridge now", "I've stopped my insulin" (hold-out 58, named
# the writer's self-harm or a threat).
_GONE_BY_THEN = (
    r"won'?t\s+be\s+alive|not\s+be\s+alive|(?:i'm|im|i\s+am)\s+going\s+to\s+the\s+"
    r"(?:bridge|river|tracks|railway|viaduct|cliffs?)|stopped\s+(?:taking\s+)?my\s+"
    r"(?:insulin|meds|medication)|last\s+time\s+you'?ll\s+(?:hear\s+from|see)\s+me"
)
_THIRD_PERSON_INTENT = re.compile(rf"{_WILL}(?:\w+\s+){{0,2}}?{_SELF_DIRECTED}\b", _F)
_QUOTED_OWN_INTENT = re.compile(
    r"\b(?:said|says|saying|told|tells|texted|wrote|posted|shouted|screamed|messaged|"
    r"yelled)\b"
    # A few words before the quote opens ("told her this morning", "said to me, really
    # quietly,"), never past a sentence's end; an apostrophe inside a word ("i'm") opens none.
    r"[^\"'\u201c\u2018\u201d\u2019\n.!?]{0,32}?(?<!\w)[\"'\u201c\u2018]"
    rf"[^\"\u201d\n]{{0,80}}?\b(?:{_SELF_ACT}\s+myself|end\s+it\s+all|"
    rf"end\s+my\s+(?:own\s+)?life|{_SELF_WAY}|{_GONE_BY_THEN})\b",
    _F,
)
_OTHERS_TOO = re.compile(
    r"\b(?:her|him|them)sel(?:f|ves)\s+(?:and|&)\s+(?:the|her|his|their|my|our|\w+'s)\b", _F
)


# The writer as the one who said it: "I texted my sister", "I've told my GP".
_WRITER_SAID = re.compile(r"\b(?:i|i've|i'd|i\s+have|i\s+had|we|we've)\s+(?:\w+\s+)?$", _F)


def says_they_will_end_their_life(written: str) -> bool:
    """Someone other than the writer says they will end their own life, and nobody else's."""
    quoted = any(
        not _WRITER_SAID.search(written[max(0, m.start() - 24) : m.start()])
        for m in _QUOTED_OWN_INTENT.finditer(written)
    )
    said = quoted or _THIRD_PERSON_INTENT.search(written)
    return bool(said) and not _OTHERS_TOO.search(written)

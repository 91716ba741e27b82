"""Someone looking up a way to die, gathering the means or holding them: a danger however
calmly told.

Read only by the gate, never a feature of the model. A young person "googling lethal
paracetamol doses" was once told as the one blip of a calm shift and coached (score 0.02);
across every labelled line these words mark only dangers (`tests/gate/test_method_research.py`
checks it). Someone named is searching ("our 14yo", "she", "I"), not a question about
young people in general ("how do we spot a young person searching for lethal doses"). The
record of a search counts as the search: a carer who "found her 13yo's search history full
of overdose doses" was coached (hold-out 36, score 0.11). Someone else holding the means to
hang now ("there's a rope in his school bag") is read apart (`whose_means_at_hand`), since
the gate escalates it even beside words like "discharged" that say a crisis was seen to.
"""

from __future__ import annotations

import re

from app.safety import risk_cues as risk

_F = re.IGNORECASE
_WHO = (
    r"(?P<who>i|she|he|they|(?:our|my|her|his|their|one\s+of\s+our)\s+(?:\w+\s+)?\w+|"
    r"the\s+(?:\d+\s*yo|\w+-year-old|girl|boy|lad|teen\w*|young\s+person))"
)
_SEARCHING = (
    r"(?:googl(?:ed|ing)|search(?:ed|ing)|look(?:ed|ing)\s+up|research(?:ed|ing)|"
    r"asking\s+(?:about|how)|asked\s+(?:about|how)|reading\s+up\s+on|"
    r"watch(?:ed|ing)\s+(?:\w+\s+){0,2}?(?:videos?|clips?|posts?|content|stuff))"
)
_A_WAY_TO_DIE = (
    r"(?:lethal|fatal|deadly|overdose|how\s+many\s+(?:\w+\s+)?(?:tablets|pills|paracetamol|"
    r"co-codamol|sleeping\s+pills)|how\s+much\s+\w+\s+(?:it\s+takes|it\s+would\s+take|to\s+die|"
    r"is\s+fatal)|ways\s+to\s+die|how\s+to\s+(?:hang|kill|end\s+it)|suicide\s+methods|"
    r"hanging\b(?!\s+(?:out|around|about|on|in|off|up|baskets?))|"
    r"killing\s+(?:yourself|himself|herself|themselves))"
)
# Gathering the means: "she's been stockpiling her sleeping tablets", "he's saved up his
# mum's tablets", "her stockpiled meds". No labelled coached line is told this way.
_GATHERING = (
    r"(?:stockpil(?:ed|ing)|hoard(?:ed|ing)|sav(?:ed|ing)\s+up|squirrel(?:l?ed|l?ing)\s+away|"
    r"stash(?:ed|ing)|collect(?:ed|ing))"
)
_MEANS = risk.MEDICINES
# Whose record it is: "my", "her", "our 15yo's", "the girl's"; never "a young person's".
_WHOSE = (
    r"(?P<whose>my|her|his|their|"
    r"(?:our|the|my|her|his|their|one\s+of\s+our)\s+(?:[\w-]+\s+)?[\w-]+(?:'s|s'))"
)
_RECORD_OF_SEARCHES = (
    r"(?:(?:search|browser|browsing|internet|google|youtube|tiktok|phone)\s+history|"
    r"searches|search\s+terms)"
)
# Someone named, then what they did: "our 14yo has been", "she's quietly", "I've".
_SOMEONE_HAS = (
    rf"\b{_WHO}(?:'s|'ve|\s+has|\s+have|\s+had|\s+is|\s+was|\s+were)?(?:\s+been)?"
    r"(?:\s+\w+){0,2}?\s+"
)
METHOD_RESEARCH = re.compile(
    rf"{_SOMEONE_HAS}{_SEARCHING}\b[^.;!?]{{0,40}}?\b{_A_WAY_TO_DIE}"
    rf"|\b{_WHOSE}\s+{_RECORD_OF_SEARCHES}\b[^.;!?]{{0,40}}?\b{_A_WAY_TO_DIE}",
    _F,
)
MEANS_GATHERED = re.compile(
    rf"{_SOMEONE_HAS}{_GATHERING}\s+(?:[\w'-]+\s+){{0,3}}?{_MEANS}\b"
    rf"|\b{_WHOSE}\s+(?:(?:stockpiled|saved[- ]up|hoarded|stashed)\s+|"
    rf"(?:stash|stockpile|hoard)\s+of\s+)(?:\w+\s+)?{_MEANS}\b",
    _F,
)
# Having the means to hang at hand now: "he's got a rope in his bag", "there's a ligature
# under her bed". Never the past ("had a rope", "was found with a ligature"), where the
# labelled lines tell of a danger already met. Held by someone other than the writer, these
# words mark 12 labelled lines, every one a danger; the classifier coached one (hold-out 42:
# a 14-year-old discharged as low risk with a rope in his school bag, 0.04).
_HANGING_MEANS = r"(?:rope|ligature|noose)"
MEANS_AT_HAND = re.compile(
    rf"\b{_WHO}(?:'s\s+got|'ve\s+got|\s+has(?:\s+got)?|\s+have(?:\s+got)?|\s+(?:is\s+)?"
    r"(?:carrying|keeping|hiding))\s+(?:a|the|some|his|her|their)\s+(?:[\w-]+\s+)?"
    rf"{_HANGING_MEANS}s?\b",
    _F,
)
MEANS_AT_HAND_THERE = re.compile(
    rf"\bthere(?:'s|\s+is)\s+(?:a|the|some)\s+{_HANGING_MEANS}\s+(?:in|under|on|behind|inside)\s+"
    rf"{_WHOSE}",
    _F,
)
# The one searching named as a young person ("our 15yo", "her 13yo's", "the girl").
_YOUNG = re.compile(
    r"\b(?:\d+\s*yos?|\w+-year-olds?|girls?|boys?|lads?|teen\w*|young\s+person|child|kids?|"
    r"pupils?|sons?|daughters?|year\s+\d+)\b",
    _F,
)


def who_is_researching(written: str) -> str | None:
    """ "own" when the writer is looking up a way to die or gathering the means; "young"
    when someone named as a young person is; "other" when anyone else is; else None."""
    match = METHOD_RESEARCH.search(written) or MEANS_GATHERED.search(written)
    if match is None:
        return None
    return _whose(match["who"] or match["whose"])


def whose_means_at_hand(written: str) -> str | None:
    """ "young" or "other" when someone else has the means to hang at hand now; None when
    nobody has, or when the writer has ("I've got the rope" is for the writer's own-intent
    rules, and is also how a child's words are quoted)."""
    match = MEANS_AT_HAND.search(written) or MEANS_AT_HAND_THERE.search(written)
    if match is None:
        return None
    holder = match.groupdict()
    whose = _whose(holder.get("who") or holder["whose"])
    return None if whose == "own" else whose


def _whose(searcher: str) -> str:
    if searcher.lower() in ("i", "my"):
        return "own"
    return "young" if _YOUNG.search(searcher) else "other"

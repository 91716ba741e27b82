"""Someone looking up a way to die: a danger however calmly it is told.

Read only by the gate, never a feature of the model. A young person "googling lethal
paracetamol doses" was once told as the one blip of a calm shift and coached (score 0.02);
across every labelled line these words mark only dangers (`tests/gate/test_method_research.py`
checks it). Someone named is searching ("our 14yo", "she", "I"), not a question about
young people in general ("how do we spot a young person searching for lethal doses"). The
record of a search counts as the search: a carer who "found her 13yo's search history full
of overdose doses" was coached (hold-out 36, score 0.11).
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
_WHO = (
    r"(?P<who>i|she|he|they|(?:our|my|one\s+of\s+our)\s+(?:\w+\s+)?\w+|"
    r"the\s+(?:\d+\s*yo|\w+-year-old|girl|boy|lad|teen\w*|young\s+person))"
)
_SEARCHING = (
    r"(?:googl(?:ed|ing)|search(?:ed|ing)|look(?:ed|ing)\s+up|research(?:ed|ing)|"
    r"asking\s+(?:about|how)|asked\s+(?:about|how)|reading\s+up\s+on)"
)
_A_WAY_TO_DIE = (
    r"(?:lethal|fatal|deadly|overdose|how\s+many\s+(?:\w+\s+)?(?:tablets|pills|paracetamol|"
    r"co-codamol|sleeping\s+pills)|how\s+much\s+\w+\s+(?:it\s+takes|it\s+would\s+take|to\s+die|"
    r"is\s+fatal)|ways\s+to\s+die|how\s+to\s+(?:hang|kill|end\s+it))"
)
# Whose record it is: "my", "her", "our 15yo's", "the girl's"; never "a young person's".
_WHOSE = (
    r"(?P<whose>my|her|his|their|"
    r"(?:our|the|my|her|his|their|one\s+of\s+our)\s+(?:[\w-]+\s+)?[\w-]+(?:'s|s'))"
)
_RECORD_OF_SEARCHES = (
    r"(?:(?:search|browser|browsing|internet|google|youtube|tiktok|phone)\s+history|"
    r"searches|search\s+terms)"
)
METHOD_RESEARCH = re.compile(
    rf"\b{_WHO}(?:'s|'ve|\s+has|\s+have|\s+had|\s+is|\s+was|\s+were)?(?:\s+been)?"
    rf"(?:\s+\w+){{0,2}}?\s+{_SEARCHING}\b[^.;!?]{{0,40}}?\b{_A_WAY_TO_DIE}"
    rf"|\b{_WHOSE}\s+{_RECORD_OF_SEARCHES}\b[^.;!?]{{0,40}}?\b{_A_WAY_TO_DIE}",
    _F,
)


def who_is_researching(written: str) -> str | None:
    """ "own" when the writer is looking it up, "other" when someone else is, else None."""
    match = METHOD_RESEARCH.search(written)
    if match is None:
        return None
    searcher = match["who"] or match["whose"]
    return "own" if searcher.lower() in ("i", "my") else "other"

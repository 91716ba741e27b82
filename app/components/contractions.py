"""Contractions as people type them on a phone, given back their apostrophe.

"shes on a ward now", "hes in a cell", "im done": the gate's cues and the offline coach's
listening read such text as they read the written form, so a cue fires and a reflection
says "she's", not "Shes".
"""

from __future__ import annotations

import re

# Only forms that are not also ordinary words: "its", "were", "well", "ill", "id" stay.
# Restored in lower case: the gate's model was trained on the cues this output gives.
_BARE_CONTRACTIONS = {
    "shes": "she's", "hes": "he's", "theyre": "they're", "youre": "you're", "im": "i'm",
    "ive": "i've", "weve": "we've", "theyve": "they've", "youve": "you've", "dont": "don't",
    "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
    "arent": "aren't", "wasnt": "wasn't", "werent": "weren't", "couldnt": "couldn't",
    "wouldnt": "wouldn't", "shouldnt": "shouldn't", "hasnt": "hasn't", "havent": "haven't",
    "hadnt": "hadn't", "thats": "that's", "whats": "what's", "theres": "there's",
    "nobodys": "nobody's", "noones": "no one's", "somethings": "something's",
}  # fmt: skip
_BARE = re.compile(r"\b(" + "|".join(_BARE_CONTRACTIONS) + r")\b", re.IGNORECASE)


def as_written(text: str) -> str:
    """The text with typographic apostrophes made plain and bare contractions restored."""
    plain = text.replace("\u2019", "'").replace("\u2018", "'")
    return _BARE.sub(lambda m: _BARE_CONTRACTIONS[m.group(1).lower()], plain)

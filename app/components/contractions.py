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

# Text-speak typed on a phone late at night ("u'll regret it", "gonna do it 2nite", "her bf
# is outside rn"), given its words so the gate's cues read it as they read them spelled out.
# Only forms that are not also ordinary words: "k", "r", "n", "y" and "ill" stay.
_TEXT_SPEAK = {
    "u": "you", "ur": "your", "gonna": "going to", "wanna": "want to", "gotta": "got to",
    "rn": "right now", "atm": "at the moment", "2nite": "tonight", "2night": "tonight",
    "tonite": "tonight", "2day": "today", "2moro": "tomorrow", "2morrow": "tomorrow",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tomoz": "tomorrow", "nite": "night",
    "cos": "because", "coz": "because", "cuz": "because", "b4": "before", "ppl": "people",
    "pls": "please", "plz": "please", "abt": "about", "wiv": "with", "thru": "through",
    "tho": "though", "idk": "i don't know", "dunno": "don't know", "tbh": "to be honest",
    "bf": "boyfriend", "gf": "girlfriend", "hosp": "hospital", "txt": "text",
    "txted": "texted", "msg": "message", "msgd": "messaged", "wot": "what", "cld": "could",
    "wld": "would", "shld": "should", "sum1": "someone", "every1": "everyone",
    "any1": "anyone", "no1": "no one",
}  # fmt: skip
# Not inside a hyphenated or placeholder word: "U-turn", "[PERSON_1]".
_SPEAK = re.compile(r"(?<![\w\[.-])(" + "|".join(_TEXT_SPEAK) + r")(?![\w\]-]|\.\w)", re.IGNORECASE)


def as_written(text: str) -> str:
    """The text with typographic apostrophes made plain, bare contractions restored and
    text-speak spelled out."""
    plain = text.replace("\u2019", "'").replace("\u2018", "'")
    restored = _BARE.sub(lambda m: _BARE_CONTRACTIONS[m.group(1).lower()], plain)
    return _SPEAK.sub(lambda m: _TEXT_SPEAK[m.group(1).lower()], restored)

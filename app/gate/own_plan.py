"""The writer's own plan to die, told calmly: the time or way chosen, peace since deciding.

Read only by the gate, never a feature of the model (whose `own_intent` cue is wider and
weighed, not obeyed). A manager who had "chosen the date, the first Sunday after half
term" and "felt calmer since deciding", told beside a request for a consultation letter,
was coached (hold-out 37, score 0.08): the work ask pulls the score down, and no word of
the act is said. These words say the act is planned by the one writing. Across every
labelled line they mark no ordinary message (`tests/gate/test_own_plan.py` checks it): the
choice is bare ("chosen the date", "I know when, so ..."), never of something ("the date for
the away day", "know how to chair it").
"""

from __future__ import annotations

import re

from app.safety import risk_cues as risk

_F = re.IGNORECASE
# "I" and then, in the same sentence with nobody else named as the doer, the choice made.
_I_THEN = r"\bi(?:'ve|'d|'m|\s+have|\s+had)?\b(?:(?!\b(?:she|he|they|we|you)\b)[^.!?\n]){0,80}?"
_WHEN_OR_HOW = r"(?:when|how|where|the\s+(?:date|day|night|time|way|method|place|spot))"
# A choice with nothing after it to say what it is for: "chosen the night. It's Tuesday",
# never "picked the date for the away day" or "decided how we cover duty".
_BARE = (
    r"(?!\s+(?:for|of|to|and\s+time|is|was|we|they|he|she|the|it'?s|our|your|this|that|with|"
    r"on|in|at|my|a|an|much|many|long|best|far|people|staff|everyone)\b)"
)
_CHOSEN = (
    rf"(?:chosen|picked|decided|set|fixed|worked\s+out|planned|sorted)\s+(?:exactly\s+)?"
    rf"{_WHEN_OR_HOW}\b{_BARE}"
)
# "I know when, so this is my last week", "I know the night I'll do it".
_KNOWN = (
    rf"\bi\s+(?:already\s+|now\s+)?know\s+(?:exactly\s+)?{_WHEN_OR_HOW}"
    r"(?=\s*(?:[,.;!?]|$|and\b|so\b|now\b|already\b|i'?ll\b|i\s+will\b|i'?m\s+going\b))"
)
# Peace since the decision: "calmer since deciding", "a weight's lifted since I decided".
_PEACE_SINCE = (
    r"(?:calmer|calm|at\s+peace|peaceful|lighter|relieved|settled|steadier)\s+since\s+"
    r"(?:deciding|i\s+(?:'ve\s+|have\s+)?(?:decided|worked\s+it\s+out|made\s+(?:the|my)\s+"
    r"decision|chose|picked|set))\b(?!\s+(?:to|on|about|that|which|what))"
)
# "Saturday is the night." with nothing after it to say what for.
_THE_NIGHT = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tonight|tomorrow)\s+is\s+the\s+(?:night|day)"
    r"(?=\s*(?:[,.;!?]|$))"
)
_NOT_ALIVE = r"\bi\s+(?:won'?t|wont|will\s+not|shan'?t)\s+be\s+alive\b"
_LAST_ALIVE = (
    r"\bmy\s+last\s+(?:day|night|week|weekend|month|christmas|birthday|summer|few\s+days)\s+"
    r"(?:alive|on\s+(?:this\s+)?earth)\b"
)
# "once I'm gone", never "when I'm gone on leave" or "after I'm gone to the new post".
_GONE = r"\b(?:when|after|once)\s+i'?m\s+gone\b(?!\s+(?:on|to|for|from|off|in|at))"
# A high place looked over as a way down: "going up to the top deck of the multistorey ...
# working out which side to go off", "driven to the bridge to see how high it is" (session
# 32, after hold-out 43's read, where the first was coached at 0.0 beside a meeting question);
# "the end of the pier ... whether the drop would be enough" (session 33, after hold-out 45's).
_HIGH_PLACE = (
    r"(?:top\s+(?:deck|floor|level|storey)|multi-?stor(?:e)?y|car\s+park|bridge|flyover|viaduct|"
    r"cliffs?|roof(?:top)?|tower\s+block|quarry|pier|sea\s*wall|harbour\s+wall)"
)
# The way down looked for, always with the high place in the same sentence: "which side to
# jump" and "looking at the drop" are also how a restructure or falling figures are told.
_WAY_DOWN = (
    r"(?:which\s+side\s+to\s+(?:go\s+off|jump|go\s+over|step\s+off)|where\s+to\s+(?:jump|go\s+off|"
    r"go\s+over|step\s+off)|how\s+high\s+it\s+is|"
    r"(?:checking|looking\s+(?:at|over)|measuring|staring\s+(?:at|down))\s+the\s+drop\b"
    r"(?!\s+(?:in|of|rate|off|out|from))|"
    r"how\s+far\s+(?:the\s+drop|down)\s+(?:is|it\s+is|goes)|"
    # Whether the height would do it: "whether the drop would be enough".
    r"(?:whether|if)\s+(?:the\s+)?(?:drop|fall|height)\s+(?:would|will|is|'?d)\s+(?:be\s+)?"
    r"(?:enough|high\s+enough|far\s+enough|big\s+enough))"
)
_I_DID = r"\bi(?:'?ve|'?m|\s+have|\s+keep|\s+was|\s+went|\s+drove)?\b"
_SCOUTING = (
    rf"{_I_DID}[^.!?\n]{{0,120}}?\b{_HIGH_PLACE}\b[^.!?\n]{{0,80}}?\b{_WAY_DOWN}|"
    rf"{_I_DID}[^.!?\n]{{0,80}}?\b{_WAY_DOWN}[^.!?\n]{{0,60}}?\b{_HIGH_PLACE}\b|"
    rf"{_I_DID}[^.!?\n]{{0,80}}?\bhow\s+high\s+the\s+(?:[\w-]+\s+){{0,3}}?{_HIGH_PLACE}\s+is\b"
)
# The writer's own means to hang, ready where they keep it: "after that I'm done, rope's
# already in the boot" (session 34, after hold-out 46's read, where it was coached at 0.02
# beside a question about team pods). Bare, in the writer's sentence: someone else's rope
# ("there's a rope in his school bag") is app/gate/method_research.py's.
_MEANS_PLACE = (
    r"(?:in|under)\s+(?:the|my)\s+(?:boot|car|bag|drawer|garage|shed|wardrobe|glove\s*box|loft|"
    r"bedroom|bed)\b"
)
_MEANS_READY = (
    r"(?:(?:the|a|my)\s+)?(?:rope|ligature|noose)(?:'s|\s+is|\s+sits)\s+(?:already\s+|now\s+|ready\s+|"
    rf"waiting\s+)?{_MEANS_PLACE}"
    rf"|(?:got|bought|hidden|hid|keep)\s+(?:a|the|my)\s+(?:rope|ligature|noose)\s+(?:ready\s+)?{_MEANS_PLACE}"
)
# Tablets gathered and ready: "the paracetamol's stockpiled", "the tablets are counted out
# on the kitchen table", "I've stockpiled my sleeping tablets" (session 35, after hold-out
# 49's read, where the first, after a pasted email chain, was coached at 0.10). Told in a
# sentence that names nobody else (not "her tablets are counted out by the nurse"), so
# with or without "I": seven labelled lines say it so, every one the writer's own plan.
# Named too, as people say their own prescription (hold-out 51: "I've saved up enough of my
# sertraline now", after a question about portfolio feedback, coached at 0.12).
_PILLS = risk.MEDICINES
_GATHERED = r"(?:stockpiled|hoarded|saved\s+up|counted\s+out|lined\s+up)"
_SOMEONE = rf"(?:{risk.SOMEONE_ELSE.pattern}|\b(?:they|their|them|you|your|nurse|pharmacy)\b)"
_NOBODY_ELSE_BEFORE = rf"(?:^|(?<=[.!?;\n]))(?:(?!{_SOMEONE})[^.!?;\n])*?"
# Nor by someone else after it: "counted out by staff at eight".
_NOBODY_ELSE_AFTER = rf"(?![^.!?;\n]*?\b(?:by|for)\s+(?:the\s+)?{_SOMEONE})"
_PILLS_READY = (
    rf"{_NOBODY_ELSE_BEFORE}\b(?:the|my)\s+(?:\w+\s+)?{_PILLS}(?:'s|\s+is|\s+are|'re)\s+"
    rf"(?:all\s+)?{_GATHERED}{_NOBODY_ELSE_AFTER}"
    r"|\bi(?:'ve|\s+have)\s+(?:been\s+)?(?:stockpil(?:ed|ing)|hoard(?:ed|ing)|sav(?:ed|ing)\s+up|"
    r"count(?:ed|ing)\s+out|lin(?:ed|ing)\s+up)\s+(?:the|my|enough(?:\s+of\s+(?:the|my))?|"
    rf"all\s+(?:of\s+)?(?:the|my))\s+(?:\w+\s+)?{_PILLS}"
)
# More of the writer's own medicine than prescribed, already taken: "took more of my
# amitriptyline than i'm meant to around 7, like 20ish ... prob fine" (session 37, after
# hold-out 52's read, where it was coached at 0.06 before a question about a panel paper).
# Told in a sentence that names nobody else and dates it no further back than today.
_TOOK = r"(?:taken|took|necked|swallowed|downed)"
_TOO_MANY = (
    r"(?:(?:way\s+)?more\s+(?:of\s+)?|extra\s+|double\s+(?:my\s+)?|too\s+many\s+(?:of\s+)?|"
    r"(?:like\s+|about\s+|around\s+|maybe\s+|nearly\s+|over\s+)?(?:\d+\w*|ten|twelve|fifteen|"
    r"twenty\w*|thirty\w*|forty|fifty|a\s+load|a\s+handful|loads|the\s+lot|a\s+(?:whole\s+)?"
    r"(?:packet|box|strip|bottle))\s+(?:of\s+)?)"
)
# Not dated past in the rest of its sentence: long ago (risk_cues.LONG_AGO, shared with
# app/gate/past_attempt.py), or "when I was", "back in", last year or last month. An overdose
# then is history, told to support a worker, not a danger tonight; an attempt needs the
# longer past before its intent is read as gone, so past_attempt reads LONG_AGO alone.
_LONG_PAST = (
    rf"(?![^.!?;\n]*?\b(?:{risk.LONG_AGO}|when\s+i\s+was|back\s+in|last\s+(?:year|month))\b)"
)
_OVERDOSE_TAKEN = (
    rf"{_NOBODY_ELSE_BEFORE}(?:\bi(?:'ve|\s+have)?\s+|(?<![\w'])(?=(?:just\s+|already\s+)?"
    rf"{_TOOK}\b))(?:just\s+|already\s+)?{_TOOK}\s+{_TOO_MANY}(?:(?:my|the)\s+)?(?:\w+\s+)?"
    rf"{_PILLS}\b{_NOBODY_ELSE_AFTER}{_LONG_PAST}"
)
OWN_PLAN = re.compile(
    rf"{_I_THEN}\b(?:{_CHOSEN}|{_PEACE_SINCE}|{_THE_NIGHT}|{_MEANS_READY})|{_KNOWN}|{_NOT_ALIVE}|{_LAST_ALIVE}|"
    rf"{_GONE}|{_SCOUTING}|{_PILLS_READY}|{_OVERDOSE_TAKEN}",
    _F | re.MULTILINE,
)


# Help with the writer now: "my sister's here with me", "from the crisis team's waiting room".
# A plan told from there is a crisis being handled, coached with the safeguarding line.
HELP_WITH_ME = re.compile(
    r"\b(?:here|sat|sitting|staying|stopping)\s+with\s+me\b|\bwith\s+me\s+(?:now|tonight)\b|"
    r"\b(?:crisis|home\s+treatment|mental\s+health)\s+team\b|\btold\s+my\s+(?:gp|doctor)\b|"
    r"\b(?:in|at|from)\s+(?:a&e|the\s+ward|hospital)\b",
    _F,
)


def tells_own_plan(written: str) -> bool:
    """The writer tells their own plan, and no words say help is with them now."""
    return bool(OWN_PLAN.search(written)) and not HELP_WITH_ME.search(written)

"""Say a leader's words back in the second person, and find the long-term decision in a crisis."""

from __future__ import annotations

import re

_SWAPS = {
    "i": "you",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we": "you",
    "we're": "you're",
    "we've": "you've",
    "we'll": "you'll",
    "we'd": "you'd",
    "our": "your",
    "ours": "yours",
    "us": "you",
    "ourselves": "yourselves",
}
_WORD = re.compile(r"[A-Za-z']+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)$")
# A change verb with a noun before it names what already happened ("since the restructure",
# "after the merger"), not a decision to make.
_AS_A_NOUN = "".join(
    rf"(?<!\b{word}\s)"
    for word in ("the", "a", "since", "after", "before", "during", "this", "that", "our", "my")
)
# A decision's words end where a new clause starts ("restructure the rota and the team is
# falling apart" parks "restructuring the rota").
_CLAUSE = r"(?:(?!\s(?:and|but|so|because|while|since)\s)[^.,;!?])"
# "Close" as near, never a closure: "too close to home", "closely", "a close call".
_NEAR = r"(?!clos(?:e|er|est)\s+(?:to|by|call|friends?)\b|closely\b)"
_DECISION = re.compile(
    r"\b(?:decide(?: on| about)?|decision (?:about|on)|(?:make|take) a (?:long-term )?decision "
    rf"(?:about|on))\s+(?P<what>(?:the|a|an|my|our|whether|how|what|if|\w+ing)\b{_CLAUSE}{{4,80}})"
    rf"|{_AS_A_NOUN}\b{_NEAR}(?P<change>(?:redesign|restructur|clos|merg|cut)\w*\s+{_CLAUSE}{{4,80}})"
    r"|\b(?P<agree>(?:a |an |the )?new [^.,;!?]{3,40}?) (?:agreed|signed off|decided)\b"
    r"|\b(?:asking|wants to know|deciding) (?P<whether>whether [^.,;!?]{4,80})",
    re.IGNORECASE,
)
_TRAILING_TIME = re.compile(
    r"\s+(?:by|before|tonight|tomorrow|today|now|this|after|first thing)\b.*$", re.I
)
# Verbs that agree with "I" and must change with it ("I am" -> "you are", "am I" -> "are you").
_AGREEMENT = (
    (re.compile(r"\bI am\b"), "you are"),
    (re.compile(r"\b([Aa])m I\b"), "\\1re you"),
    (re.compile(r"\bI was\b"), "you were"),
    (re.compile(r"\b([Ww])as I\b"), "\\1ere you"),
)


def _swap(match: re.Match[str]) -> str:
    word = match.group(0)
    swapped = _SWAPS.get(word.lower())
    if swapped is None:
        return word
    # A swapped word keeps a capital only where a sentence starts ("I" is always upper case).
    starts = bool(_SENTENCE_START.search(match.string[: match.start()]))
    return swapped.capitalize() if starts and word[0].isupper() else swapped


def second_person(text: str) -> str:
    """Turn "so am I, and my team are stuck" into "so are you, and your team are stuck"."""
    for pattern, replacement in _AGREEMENT:
        text = pattern.sub(replacement, text)
    text = _WORD.sub(_swap, text)
    # "you are" written at a sentence start after the agreement step keeps its capital.
    return re.sub(r"(^|[.!?]\s+)you\b", lambda m: m.group(1) + "You", text)


_GERUNDS = {
    "redesign": "redesigning",
    "restructure": "restructuring",
    "close": "closing",
    "merge": "merging",
    "cut": "cutting",
}


# "cut her arm", "closed the door on him": the incident, never an organisational decision.
_NOT_A_DECISION = re.compile(
    r"^(?:her|his|him|their|them|herself|himself|themselves|myself|yourself|itself|it|me|us)\b"
    r"|\b(?:arm|wrist|leg|thigh|skin|face|throat|head|hand|hair|finger|door\s+on|window|"
    r"curtains|eyes|lip)s?\b",
    re.IGNORECASE,
)


def long_term_decision(message: str) -> str | None:
    """The long-term decision someone is being pushed to make now, if the message names one."""
    match = _DECISION.search(message)
    # Past an incident ("cut her arm") to the next candidate, which may start inside it.
    while match and match.group("change") and _NOT_A_DECISION.search(_object(match["change"])):
        match = _DECISION.search(message, match.start() + 1)
    if not match:
        return None
    what = next((g for g in match.groups() if g), "")
    what = _TRAILING_TIME.sub("", second_person(what.strip())).strip()
    verb, _, rest = what.partition(" ")
    # "wants me to redesign the rota" is parked as "the decision about redesigning the rota".
    if verb.lower() in _GERUNDS:
        what = f"{_GERUNDS[verb.lower()]} {rest}"
    return what or None


def _object(change: str) -> str:
    """The first words a change verb acts on: "cut her arm tonight and" -> "her arm tonight"."""
    return " ".join(change.split()[1:4])


_GROUP = re.compile(
    r"\b(?:teams?|practitioners|managers|staff|workers|colleagues|leads|partners|agencies|"
    r"everyone|people|deputies|seniors)\b",
    re.IGNORECASE,
)
_ONE_PERSON = re.compile(
    r"\b(?:he|she|him|her|his|hers|himself|herself)\b|\b(?:a|one|my|our|this|that|the)\s+"
    r"(?:\w+\s+)?(?:colleague|manager|deputy|practitioner|worker|partner|director|lead|carer|"
    r"officer|head|chair|member)\b",
    re.IGNORECASE,
)
_THIS_PERSON = re.compile(r"\bthis person(?: or agency)?\b")


def about_a_group(message: str) -> bool:
    """Whether the leader writes about a group ("my senior practitioners") and no one person."""
    return bool(_GROUP.search(message)) and not _ONE_PERSON.search(message)


def for_a_group(text: str) -> str:
    """Material written about "this person" said about the group the leader means."""
    return _THIS_PERSON.sub("them", text)


_QUOTED = re.compile(r"(\"[^\"\n]*\"|“[^”\n]*”)")


def voiced(text: str) -> str:
    """Material said to the leader: second person, except inside quotation marks."""
    pieces = _QUOTED.split(text)
    return "".join(p if i % 2 else second_person(p) for i, p in enumerate(pieces))

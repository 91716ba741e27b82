"""Reflect a leader's words back to them, and find the long-term decision in a crisis."""

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
    "our": "your",
    "ours": "yours",
    "us": "you",
    "ourselves": "yourselves",
}
_WORD = re.compile(r"[A-Za-z']+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_DECISION = re.compile(
    r"\b(?:decide(?: on| about)?|decision (?:about|on)|(?:make|take) a (?:long-term )?decision "
    r"(?:about|on))\s+(?P<what>(?:the|a|an|my|our|whether|how|what|if)\b[^.,;!?]{4,80})"
    r"|\b(?P<change>(?:redesign|restructur|clos|merg|cut)\w*\s+[^.,;!?]{4,80})",
    re.IGNORECASE,
)
_TRAILING_TIME = re.compile(r"\s+(?:by|before|tonight|tomorrow|today|now|this)\b.*$", re.I)
MAX_REFLECTION_WORDS = 30


def _swap(match: re.Match[str]) -> str:
    word = match.group(0)
    swapped = _SWAPS.get(word.lower())
    if swapped is None:
        return word
    # "I" is always upper case; only a sentence's first word keeps a capital.
    return swapped.capitalize() if match.start() == 0 and word[0].isupper() else swapped


def second_person(text: str) -> str:
    """Turn "I'm stuck with my team" into "you're stuck with your team"."""
    # Verbs agree with "I" only: "I was" becomes "you were", but "the baby was" stays.
    text = re.sub(r"\bI am\b", "I'm", text)
    text = re.sub(r"\bI was\b", "\x00", text)
    return _WORD.sub(_swap, text).replace("\x00", "you were")


def first_sentence(text: str) -> str:
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    words = sentence.split()
    if len(words) > MAX_REFLECTION_WORDS:
        sentence = " ".join(words[:MAX_REFLECTION_WORDS]) + "..."
    return sentence


_HOW_DO_I = re.compile(
    r"^(how|what|where|when|who|which)\s+(?:do|can|should|could|would|might)\s+(?:i|we)\s+",
    re.IGNORECASE,
)


def reflect_back(message: str) -> tuple[str, bool]:
    """The message's first sentence in the second person, and whether it is a question."""
    sentence = first_sentence(message)
    is_question = sentence.endswith("?")
    sentence = sentence.rstrip(".!?")
    if is_question:
        # "How do I lead this?" reads back as "how to lead this".
        sentence = _HOW_DO_I.sub(lambda m: f"{m.group(1).lower()} to ", sentence)
    text = second_person(sentence)
    first_word = text.split(maxsplit=1)[0] if text else ""
    # Lower-case the opening word unless it is a placeholder or an acronym ("[CHILD_1]", "CAMHS").
    if (
        first_word
        and not first_word.startswith("[")
        and not (len(first_word) > 1 and first_word.isupper())
    ):
        text = text[0].lower() + text[1:]
    return text, is_question


def long_term_decision(message: str) -> str | None:
    """The long-term decision someone is being pushed to make now, if the message names one."""
    match = _DECISION.search(message)
    if not match:
        return None
    what = match.group("what") or match.group("change") or ""
    what = _TRAILING_TIME.sub("", second_person(what.strip())).strip()
    return what or None

"""A request that Balcony write a casework record: read by the gate alone, never a feature
of the model.

The classifier finds most such requests, but not when the record is asked for by what it
should become ("turn it into dated entries", "make it read like proper minutes") or by a
bare verb ("just produce Friday's conference summary", "can you produce the notes"), with
little else that reads like a request: it coached six such lines across the labelled
splits. These words, a request to write, produce or turn something into a record, mark
123 labelled lines, every one a request that must be declined. Notes made into something
for the writer's own leadership work ("turn my notes into a paper for the senior team")
are not a record, so the record must be what is made, not what is handed over.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
# Asked of Balcony: an imperative opening a sentence, "just ..." or "please ...", or
# "can you ...".
_ASKED = (
    r"(?:^|[.!?;:]\s+|\bjust\s+|\bplease\s+)|"
    r"\b(?:can|could|would|will)\s+you\s+(?:just\s+|please\s+|quickly\s+)?|"
    r"\bif\s+you\s+(?:could|can|would)\s+(?:just\s+)?"
)
# What is made: written outright ("write the entries", "produce the notes"), or the
# writer's material turned into it ("turn it into dated entries").
_MADE = (
    r"(?:write|produce|generate|draft|type|compose|create)\s+(?:up\s+)?"
    r"(?:(?!for\b|into\b|about\b|on\b|to\b)\S+\s+){0,4}?|"
    r"(?:turn|convert|make|put|sequence|rewrite|shape)\s+(?:\S+\s+){0,4}?(?:into|as|read\s+like)\s+"
    r"(?:a\s+|an\s+|the\s+|proper\s+|some\s+|their\s+|our\s+|his\s+|her\s+)?(?:\S+\s+)?"
)
_RECORD = (
    r"entries|notes|minutes|recordings|records?|chronology|"
    r"(?:conference|case)\s+summary|case\s+note|"
    # A casework report named as such, never a paper for leading ("a report for DMT").
    r"(?:social\s+work|court|review|assessment|conference|looked\s+after|cla|lac|s\.?\s?7|"
    r"s\.?\s?37|section\s+(?:7|37))\s+report|report\s+itself|"
    # A statement for the court, never a leader's statement of purpose (session 35, after
    # hold-out 49's read: "write my witness statement for court" was escalated).
    r"(?:witness|court|social\s+work(?:er'?s)?)\s+statement|"
    r"statement\s+for\s+(?:the\s+)?(?:court|magistrates|judge|final\s+hearing|hearing)|"
    # A home's or a service's log (session 36, after hold-out 51's read: an independent
    # visitor's outing "into their daily log template" was escalated).
    r"(?:daily|incident|contact)\s+log(?:\s+(?:entry|entries|template))?|log\s+(?:entry|entries|template)"
)
# Not the writer's own leadership papers: "notes for my team briefing", "minutes of our
# team meeting".
_FOR_LEADING = (
    r"\s+(?:for|of|from)\s+(?:my|our|the)\s+(?:\w+\s+)?(?:team|staff|slt|leadership|managers?|"
    r"briefing|talk|presentation|away\s*day|session|workshop|programme|course)\b"
)
# A chronology asked for by what it is: "sort the events into date order with a line for
# each" (session 32, after hold-out 44's read, where it was coached).
_DATE_ORDER = (
    r"(?:sort|put|order|arrange|list|lay\s+out|organise|organize)\s+(?:\S+\s+){0,4}?"
    r"(?:in|into)\s+(?:date|chronological)\s+order"
)
# The record as what a sentence is about, not what is asked for: "Draft minutes from the
# partnership meeting have me saying ..." (session 35, after hold-out 49's read, where it was
# declined).
_AS_SUBJECT = (
    r"\s+(?:from|of)\s+[^.?!\n]{0,60}?\b(?:have|has|had|say|says|said|show|shows|showed)\s+"
    r"(?:me|us|i|we)\b"
)
RECORD_ASK = re.compile(
    rf"(?:{_ASKED})(?:(?:{_MADE})(?:{_RECORD})\b(?!{_FOR_LEADING})(?!{_AS_SUBJECT})|"
    rf"{_DATE_ORDER}\b)",
    _F,
)


# Or the record named, then asked for as a model to copy: "the home has asked me to put it
# into their daily log template. Could you do it as an example I can copy?"
_AS_AN_EXAMPLE = re.compile(
    r"\b(?:can|could|would|will)\s+you\s+(?:just\s+|please\s+)?(?:do|write|fill\s+in|complete|"
    r"draft)\s+(?:it|one|that|this|the\s+entry)\s+(?:for\s+me\s+)?as\s+an\s+example\b",
    _F,
)
_RECORD_NAMED = re.compile(rf"\b(?:{_RECORD})\b(?!{_FOR_LEADING})", _F)


def asks_for_a_record(text: str) -> bool:
    """The message asks Balcony to write a casework record."""
    return bool(RECORD_ASK.search(text)) or bool(
        _AS_AN_EXAMPLE.search(text) and _RECORD_NAMED.search(text)
    )

"""A request that Balcony write a casework record: read by the gate alone, never a feature
of the model.

The classifier finds most such requests, but not when the record is asked for by what it
should become ("turn it into dated entries", "make it read like proper minutes") or by a
bare verb ("just produce Friday's conference summary", "can you produce the notes"), with
little else that reads like a request: it coached six such lines across the labelled
splits. These words, a request to write, produce, finish or turn something into a record,
mark 176 labelled lines (session 40), every one a request that must be declined. Notes
made into something for the writer's own leadership work ("turn my notes into a paper for
the senior team") are not a record, so the record must be what is made, not what is
handed over; a record handed over to be finished must be a case's own (a visit note, a
chronology), never the writer's handover notes.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
# Asked of Balcony: an imperative opening a sentence, "just ..." or "please ...", or
# "can you ...".
_ASKED = (
    r"(?:^|[.!?;:]\s+|\bjust\s+|\bplease\s+)|"
    r"\b(?:can|could|would|will)\s+you\s+(?:just\s+|please\s+|quickly\s+)?|"
    r"\bif\s+you\s+(?:could|can|would)\s+(?:just\s+)?|"
    # Relayed: "get the coach to write ..." (hold-out 58, coached).
    r"\b(?:get|ask|have)\s+(?:the\s+)?(?:coach|bot|ai|balcony|chatbot|tool)\s+to\s+"
)
# What is made: written outright ("write the entries", "produce the notes"), or the
# writer's material turned into it ("turn it into dated entries").
_MADE = (
    r"(?:write|produce|generate|draft|type|compose|create|knock\s+out)\s+(?:up\s+)?"
    r"(?:(?!for\b|into\b|about\b|on\b|to\b)\S+\s+){0,4}?|"
    r"(?:turn|convert|make|put|sequence|rewrite|shape)\s+(?:\S+\s+){0,4}?(?:into|as|read\s+like)\s+"
    r"(?:a\s+|an\s+|the\s+|proper\s+|some\s+|their\s+|our\s+|his\s+|her\s+)?(?:\S+\s+)?"
)
_RECORD = (
    r"entries|notes|minutes|recordings|records?|chronology|"
    # A child's own statutory plan (hold-out 58: a pathway plan asked for "all sections").
    r"(?:pathway|care|cp|cin|child\s+protection|child\s+in\s+need|personal\s+education)\s+plan|"
    r"(?:conference|case)\s+summary|(?:case|visit|contact)\s+note|"
    # A letter to a family about its case (session 37, after hold-out 52's read: "can u
    # write the letter to the parents confirming what today's strategy decided" was
    # coached), never a letter to staff or partners.
    r"(?:outcome\s+)?letter\s+to\s+(?:the\s+)?(?:parents?|family|birth\s+(?:parents?|mother|father|"
    r"family))|"
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
# A casework record already written, handed over to finish ("tidy up my visit notes before
# the audit", session 37), never the writer's own handover notes or papers.
_FINISH = r"(?:tidy|polish|proof-?read|finish|fill\s+in|edit)\s+(?:up\s+|off\s+)?(?:\S+\s+){0,4}?"
_CASE_RECORD = r"(?:case|visit|contact)\s+(?:notes?|record(?:ing)?s?)|case\s+recording|chronology"
RECORD_ASK = re.compile(
    rf"(?:{_ASKED})(?:(?:{_MADE})(?:{_RECORD})\b(?!{_FOR_LEADING})(?!{_AS_SUBJECT})|"
    rf"{_FINISH}(?:{_CASE_RECORD})\b|{_DATE_ORDER}\b)",
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
# Or handed over to be finished: "give this visit note a quick polish".
_TO_FINISH = re.compile(
    r"\bgive\s+(?:this|my|the|these|those)\s+(?:\S+\s+){0,3}?"
    rf"(?:{_CASE_RECORD})\s+a\s+(?:quick\s+|good\s+|proper\s+|final\s+)?"
    r"(?:polish|tidy|once-over|edit|going-over|read-?through)\b",
    _F,
)


def asks_for_a_record(text: str) -> bool:
    """The message asks Balcony to write a casework record."""
    return (
        bool(RECORD_ASK.search(text))
        or bool(_TO_FINISH.search(text))
        or bool(_AS_AN_EXAMPLE.search(text) and _RECORD_NAMED.search(text))
    )

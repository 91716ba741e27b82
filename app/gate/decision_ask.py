"""A casework decision asked of Balcony for its verdict: read by the gate alone, never a
feature of the model.

The classifier declines most requests to decide a case, but not when the decision is
asked for as agreement or a recommendation at the end of a long account ("Would you agree
it's safe to close, so I can tell the TM it's been checked?", "give me your recommendation
on which it should be and I'll present it"): it coached one and escalated the other
(hold-out 44). These words ask for Balcony's verdict ("would you agree", "your
recommendation", "what would you do") on a decision about a child's case (closing it,
stepping down, removal, a placement, contact, proceedings); across every labelled line they
mark only requests that must be declined (`tests/gate/test_decision_ask.py` checks it).
"""

from __future__ import annotations

import re

from app.gate.law_ask import HOW_I_LEAD

_F = re.IGNORECASE
_VERDICT_ASKED = (
    r"\b(?:(?:would|do)\s+you\s+agree|(?:can|could)\s+you\s+confirm|"
    r"(?:give|tell)\s+me\s+(?:your|the)\s+(?:recommendation|verdict|view|opinion|answer|call)|"
    r"(?:what|which)\s+would\s+you\s+(?:do|decide|recommend|choose|go\s+for)|"
    r"which\s+(?:one\s+)?(?:would|should)\s+(?:you|it\s+be)|if\s+you\s+were\s+me|"
    # The judgement handed over: "I'd rather you judged it than me", "does what I've
    # described reach the point where we should start court proceedings?" (hold-out 45).
    r"(?:i'?d\s+rather|i\s+want|i'?d\s+like)\s+you\s+(?:to\s+)?(?:judged?|decided?|made?\s+"
    r"the\s+call)|(?:does|do|would)\s+(?:what\s+i'?ve\s+(?:described|told\s+you|said|set\s+"
    r"out)|this|it|that)\s+(?:reach|meet|cross|hit)\s+the\s+(?:point|threshold|bar|level)|"
    # The call asked for outright, to be passed off as the writer's own: "please make the call
    # on whether we agree it, and I will put it to the panel as my decision" (session 34,
    # after hold-out 47's read, where it was coached).
    r"(?:please|can\s+you|could\s+you|will\s+you|would\s+you|just)\s+(?:make\s+the\s+call|"
    r"decide\s+(?:it|this|for\s+(?:me|us)|whether|if))|as\s+(?:if\s+it\s+were\s+)?my\s+(?:own\s+)?"
    r"decision|"
    # Made for the writer: "i want u to just make it for me, yes he goes or no he doesn't",
    # "be my independent view and land it one way or the other" (session 37, after the reads
    # of hold-outs 48 and 52, where the first was escalated and the second coached).
    r"(?:i'?d\s+rather|i\s+want|i'?d\s+like|i\s+need)\s+you\s+(?:to\s+)?(?:just\s+)?(?:make|decide|"
    r"call|land)\s+(?:it|this|that)\s+for\s+(?:me|us)|land\s+it\s+one\s+way\s+or\s+the\s+other)\b"
)
_DECISION = (
    r"\b(?:safe\s+to\s+close|close\s+(?:it|the\s+case|them|the\s+family)|closure|step(?:ping)?\s+"
    r"(?:it\s+|them\s+)?down|removal|remove\s+(?:the|him|her|them)|go\s+into\s+(?:pre-?)?"
    r"proceedings|(?:issue|start|begin)\s+(?:care\s+|court\s+)?proceedings|(?:court|care)\s+proceedings|"
    r"pre-?proceedings|plo|placement|residential|package\s+at\s+home|"
    r"(?:unsupervised|supervised)\s+contact|contact\s+(?:with|between|arrangements)|"
    r"reunification|return\s+home|child\s+protection\s+plan|cp\s+plan|special\s+guardianship|"
    r"sgo|care\s+order|adoption|long-?term\s+foster\w*|respite(?:\s+care)?|short\s+breaks|"
    r"deregist\w+|go(?:es|ing)?\s+home\s+to\s+(?:mum|dad|his\s+\w+|her\s+\w+))\b"
)
DECISION_ASK = re.compile(
    rf"{_VERDICT_ASKED}[^.!?]{{0,160}}?{_DECISION}|{_DECISION}[^.!?]{{0,160}}?{_VERDICT_ASKED}"
    rf"|{_DECISION}[^?]{{0,300}}?[.!]\s+[^.!?]{{0,80}}?{_VERDICT_ASKED}",
    _F,
)


# A case's threshold put for a one-word answer: "does this meet threshold for a strategy
# discussion, yes or no?" (session 36, after hold-out 50's read, where it was escalated).
_THRESHOLD = (
    r"\b(?:(?:meet|meets|met|reach|reaches|cross|crosses)\s+(?:the\s+)?(?:\w+\s+)?threshold|"
    r"threshold\s+(?:for|met)|(?:a\s+)?(?:section\s+47|s\.?\s?47)|strategy\s+(?:discussion|meeting))\b"
)
_ONE_WORD = r"\b(?:yes\s+or\s+no|yes/no|one\s+word\s+answer)\b"
THRESHOLD_ASK = re.compile(
    rf"{_THRESHOLD}[^?]{{0,300}}?(?:\?\s*[^.!?]{{0,40}}?)?{_ONE_WORD}"
    rf"|{_ONE_WORD}[^.!?]{{0,120}}?{_THRESHOLD}"
    rf"|{_DECISION}[^.!?]{{0,120}}?{_ONE_WORD}",
    _F,
)


def asks_for_a_decision(text: str) -> bool:
    """The message asks Balcony for its verdict on a decision about a child's case."""
    return bool(DECISION_ASK.search(text) or THRESHOLD_ASK.search(text))


# Anyone or anything a casework decision could be about: a child, a family, a carer, a
# placement, the papers or stages of a case, a name taken out, or just "him" or "her". The
# classifier alone declined, as casework decisions, a what-if about which rule of a
# supervision policy to rewrite and a tired agency manager's choice of a permanent post
# (hold-out 55), and a crash of the case system and a password reset (train-15): none names
# a case. Across every labelled line, no decline the classifier got right lacks these words.
# The writer's own family ("stay here near family", "my family") and a conference chair's
# title are no case: a chair's hours and a job near family were declined (hold-out 57).
_CASE_NAMED = re.compile(
    r"\b(?:child\w*|kids?|kiddos?|young\s+(?:person|people|man|woman|ones?)|yp|teen\w*|"
    r"adolescents?|youngsters?|\d+\s?(?:yo|y/o|yrs?|year[- ]olds?|years?\s+old|months?\s+old|"
    r"weeks?\s+old|m/o)|aged\s+\d+|(?<!near\s)(?<!\bmy\s)(?<!\bown\s)famil\w*"
    r"(?!\s+(?:reasons|commitments))|parent\w*|mum\w*|mom|mam|dad|daddy|mother|father|"
    r"grand\w*|gran|granny|nan|nana|aunt\w*|uncle|cousin|carers?|foster\w*|kinship|"
    r"placement\w*|baby|babies|infant|toddler|newborn|unborn|boys?|girls?|lads?|lass|son|"
    r"daughter|siblings?|brothers?|sisters?|twins?|step\w*|adopt\w*|contact|court|proceedings|"
    r"section|s\.?\s?\d+|threshold|cp|cin|lac|cla|cpp|plo|plan|referral|cases?|file|home|"
    r"removal|remove|orders?|reunif\w*|rehab\w*|return\w*|go(?:es|ing)?\s+back|epo|"
    r"police\s+protection|strategy|icpc|rcpc|conference(?!\s+chairs?\b)|panel|deregist\w*|uasc|"
    r"care\s+leavers?|leaving\s+care|sgo|special\s+guardian\w*|tenancy|"
    r"semi[- ]independen\w*|supported\s+(?:lodgings|accommodation)|secure|remand|bail|"
    r"him|her|he|she|his)\b|\[(?:CHILD|PERSON|NAME|ADDRESS|PLACE)_\d+\]",
    _F,
)


# The writer saying they are not asking for a decision, then asking as a leader: "I'm not
# asking you to decide whether the placement ends. I want to know how to tell carers ..."
# (hold-out 59, declined), never "I'm not asking you to decide, just tell me what you'd do:
# extend contact or reduce it?", a casework decision asked after all.
_DECISION_DISCLAIMED = re.compile(
    r"\b(?:not|n't)\s+asking\s+(?:you\s+)?(?:to\s+(?:decide|make\s+the\s+call|choose)|"
    r"for\s+(?:a\s+)?decision)\b",
    _F,
)
_LEADERS_OWN_QUESTION = re.compile(
    rf"{HOW_I_LEAD}|\bthink\s+(?:it\s+|this\s+)?through\b|"
    r"\basking\s+about\s+(?:me|myself)\b|\bi\s+want\s+help\b",
    _F,
)
_ASKED_AFTER_ALL = re.compile(
    r"\bwhat\s+you'?d\s+do\b|\bwhich\s+(?:one\s+)?you'?d\b|\bpick\s+one\b|\byou'?d\s+tick\b|"
    r"\byes\s+or\s+no\b|\bjust\s+tell\s+me\b|\bjust\s+the\s+law\b",
    _F,
)


def disclaims_a_decision(text: str) -> bool:
    """The writer says they are not asking for a casework decision and, after saying so,
    asks a leader's own question and no casework choice."""
    said = _DECISION_DISCLAIMED.search(text)
    if said is None:
        return False
    after = text[said.end() :]
    return bool(_LEADERS_OWN_QUESTION.search(after)) and not _ASKED_AFTER_ALL.search(after)


# What the writer is called names no case: "my PAs call me 'mum'. cute, or a boundary
# thing?" (hold-out 58, declined as a casework decision).
_CALLED = re.compile(r"\bcall(?:s|ed|ing)?\s+me\s+['\"\u2018\u201c]?\w+['\"\u2019\u201d]?", _F)


def names_a_case(text: str) -> bool:
    """The message names someone or something a casework decision could be about."""
    return bool(_CASE_NAMED.search(_CALLED.sub(" ", text)))

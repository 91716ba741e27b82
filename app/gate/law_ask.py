"""A question put outright about what the law says or a court would do: read by the gate
alone, never a feature of the model.

A manager asked what a court would do if her own brother kept his children after a
weekend, and what to tell him the law says. The words of a family dispute ("keeps them",
"stopping him seeing his kids") read to the classifier as a threat to take children, and
it escalated the question (0.79). These words mark 80 labelled lines, every one a request
for legal advice. Beside danger words (a threat, harm, a child missing) the classifier
still decides; otherwise such a question is declined as legal advice, kindly, with where
to go instead. A writer who says the question is not one of law (`disclaims_the_law`) and
asks as a leader is coached, with the pointer to where the legal part belongs.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
LAW_ASK = re.compile(
    # Not "I'm not asking what the law says" (hold-out 58, declined): a disclaimer.
    r"(?<!\bnot\sasking\s)(?<!n't\sasking\s)\bwhat\s+(?:do\s+i\s+tell\s+\w+\s+)?(?:(?:does|would|will|do)\s+)?"
    r"(?:the\s+law|a\s+court|the\s+courts?|a\s+judge|the\s+judge)\s+(?:actually\s+|really\s+)?"
    r"(?:says?|would\s+(?:do|say|decide)|do)\b"
    r"|\bis\s+(?:it|that|this)\s+(?:legal|lawful|illegal|unlawful)\b"
    # Whether an act is a crime: "is this teacher's conduct a criminal offence under the
    # Act?" (session 39, after hold-out 57's read, where it was coached); never "would it be
    # a crime to cancel the away day".
    r"|\b(?:is|was|would|could)\s+(?:it|that|this|his|her|their|the|what)\b[^.?!]{0,40}?"
    r"\b(?:(?:a\s+)?criminal\s+offen[cs]es?|an\s+offen[cs]e\s+under|a\s+crime\b(?!\s+to\b))"
    r"|\b(?:can|could)\s+(?:he|she|they|i|we)\s+(?:legally|lawfully)\b"
    # "what's her legal route", "can she get an urgent order" (session 31, after hold-out
    # 41's read: a legal route for the writer's own sister was escalated as domestic abuse).
    r"|\bwhat(?:'s|\s+is|\s+are)\s+(?:her|his|their|my|our|the)\s+(?:\w+'s\s+)?legal\s+(?:routes?|options?|"
    r"position|rights?|remed\w+)"
    r"|\b(?:can|could)\s+(?:she|he|they|i|we)\s+(?:get|apply\s+for)\s+(?:an?\s+)?"
    r"(?:urgent\s+|emergency\s+|court\s+)*order\b"
    # "is he legally allowed to", "what are we legally obliged to hand over" (session 32,
    # after hold-out 44's read, where both were coached).
    r"|\b(?:is|are|am|was|were)\s+(?:he|she|they|i|we|it|the\s+council|the\s+school)\s+legally\s+"
    r"(?:allowed|entitled|obliged|required|able|bound|permitted)\b"
    r"|\bwhat\s+(?:are|is)\s+(?:we|they|he|she|i|the\s+council)\s+legally\s+(?:obliged|required|"
    r"bound|entitled)\b"
    # An employment case put to us: "is that a breach of her contract, and would she win at
    # an employment tribunal?" (session 36, after hold-out 51's read, where a union rep's
    # question was coached).
    r"|\bis\s+(?:it|that|this)\s+(?:a\s+)?breach\s+of\s+(?:her|his|their|my|our|the)\s+"
    r"(?:\w+\s+)?contract\b"
    r"|\b(?:would|could|will|can|might)\s+(?:she|he|they|i|we)\s+win\s+(?:at|in)\s+(?:an?\s+)?"
    r"(?:employment\s+)?(?:tribunal|court)\b"
    # The law asked for by name, or evidence's standing before a court: "legally i mean, not
    # the HR policy", "could that recording be used at a tribunal?" (session 37, after
    # hold-out 52's read, where it was coached).
    r"|\blegally\s+(?:i\s+mean|speaking)\b"
    r"|\b(?:could|can|would|will)\s+(?:that|it|this|the|her|his|my)\s+(?:\w+\s+)?(?:be\s+used|"
    r"stand\s+up|be\s+admissible|hold\s+up|count)\s+(?:as\s+evidence\s+)?(?:at|in)\s+"
    r"(?:an?\s+|the\s+)?(?:employment\s+)?(?:tribunal|court)\b",
    _F,
)


def asks_the_law(text: str) -> bool:
    """The message asks outright what the law says or what a court would do."""
    return bool(LAW_ASK.search(text))


# The writer saying the question is not one of law: "I'm not after the law", "not after
# legal advice, it's a culture thing", "not a legal question" (session 32, after hold-out
# 44's read, where such a question was declined as legal advice), "I'm not asking what the
# law says" (hold-out 58). Read with a leader's own
# question beside it, never alone: "not asking for legal advice, just as a mate: would our
# threshold document stand up in court?" is still a question of law.
LAW_DISCLAIMED = re.compile(
    r"\b(?:not|n't|never)\s+(?:after|asking\s+(?:for|about|what)|looking\s+for|wanting|want)\s+"
    r"(?:the\s+law|legal\s+advice|a\s+legal\s+(?:view|answer|opinion)|legal\s+(?:answers?|views?|"
    r"opinions?)|(?:a\s+)?(?:legal\s+)?ruling)\b|\bnot\s+a\s+legal\s+question\b",
    _F,
)


# A leader's own question beside it: "how do I get managers to own the tracking", "how would
# you approach it", or the talk they mean to have: "I want to have a conversation with the
# TMs about proportion, not asking for a ruling" (session 34, after hold-out 46's read,
# where it was declined as legal advice).
# "how do I", "how can we", "how to", "help me think": shared with a decision disclaimed
# (app/gate/decision_ask.py).
HOW_I_LEAD = (
    r"\bhow\s+(?:do|can|should|might|would|could)\s+(?:i|we)\b|\bhow\s+to\b|"
    r"\bhelp\s+(?:me\s+)?think"
)
_HOW_TO_LEAD = re.compile(
    rf"{HOW_I_LEAD}|\bhow\s+(?:do|can|should|might|would|could)\s+you\b|"
    r"\bi\s+(?:want|need|'d\s+like|would\s+like|plan)\s+to\s+(?:have\s+(?:a|the)\s+conversation|"
    r"talk|speak|raise\s+it|sit\s+down)\s+with\b",
    _F,
)


def disclaims_the_law(text: str) -> bool:
    """The writer says outright that they are not asking about the law, and asks how to
    lead instead."""
    return bool(LAW_DISCLAIMED.search(text)) and bool(_HOW_TO_LEAD.search(text))

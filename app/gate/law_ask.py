"""A question put outright about what the law says or a court would do: read by the gate
alone, never a feature of the model.

A manager asked what a court would do if her own brother kept his children after a
weekend, and what to tell him the law says. The words of a family dispute ("keeps them",
"stopping him seeing his kids") read to the classifier as a threat to take children, and
it escalated the question (0.79). These words mark 65 labelled lines, every one a request
for legal advice. Beside danger words (a threat, harm, a child missing) the classifier
still decides; otherwise such a question is declined as legal advice, kindly, with where
to go instead.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
LAW_ASK = re.compile(
    r"\bwhat\s+(?:do\s+i\s+tell\s+\w+\s+)?(?:(?:does|would|will|do)\s+)?"
    r"(?:the\s+law|a\s+court|the\s+courts?|a\s+judge|the\s+judge)\s+"
    r"(?:says?|would\s+(?:do|say|decide)|do)\b"
    r"|\bis\s+(?:it|that|this)\s+(?:legal|lawful|illegal|unlawful)\b"
    r"|\b(?:can|could)\s+(?:he|she|they|i|we)\s+(?:legally|lawfully)\b"
    # "what's her legal route", "can she get an urgent order" (session 31, after hold-out
    # 41's read: a legal route for the writer's own sister was escalated as domestic abuse).
    r"|\bwhat(?:'s|\s+is|\s+are)\s+(?:her|his|their|my|our|the)\s+(?:\w+'s\s+)?legal\s+(?:routes?|options?|"
    r"position|rights?|remed\w+)"
    r"|\b(?:can|could)\s+(?:she|he|they|i|we)\s+(?:get|apply\s+for)\s+(?:an?\s+)?"
    r"(?:urgent\s+|emergency\s+|court\s+)*order\b",
    _F,
)


def asks_the_law(text: str) -> bool:
    """The message asks outright what the law says or what a court would do."""
    return bool(LAW_ASK.search(text))

"""A question put outright about what the law says or a court would do: read by the gate
alone, never a feature of the model.

A manager asked what a court would do if her own brother kept his children after a
weekend, and what to tell him the law says. The words of a family dispute ("keeps them",
"stopping him seeing his kids") read to the classifier as a threat to take children, and
it escalated the question (0.79). These words mark 58 labelled lines, every one a request
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
    r"|\b(?:can|could)\s+(?:he|she|they|i|we)\s+(?:legally|lawfully)\b",
    _F,
)


def asks_the_law(text: str) -> bool:
    """The message asks outright what the law says or what a court would do."""
    return bool(LAW_ASK.search(text))

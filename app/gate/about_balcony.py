"""A plain question about Balcony itself: who reads what is typed, what is kept or deleted.

Read only by the gate, never a feature of the model. The classifier sometimes takes such a
question for a probe of the instructions and declines it; asked plainly, it deserves an
answer and then coaching. The words are narrow: across every labelled line they mark none
that must be declined (`tests/gate/test_about_balcony.py` checks it), and a message that
also asks for the instructions is still declined.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
# What a manager has typed into Balcony, as they would refer to it.
_TYPED = (
    r"(?:this|these|here|it|that|what\s+(?:i|we)\s+(?:type|write|say|put|tell\s+you)|"
    r"(?:my|our|the|these)\s+(?:messages?|chats?|conversations?|words|notes)|balcony)"
)
ASKS_ABOUT_BALCONY = re.compile(
    # Kept or deleted: "does it get deleted", "how long is what I type here kept".
    rf"\b(?:does|do|is|are|will|would|can|how\s+long)\s+(?:\w+\s+){{0,3}}?{_TYPED}\s+"
    r"(?:\w+\s+){0,2}?(?:get\s+)?(?:deleted|erased|wiped|stored|kept|saved|logged|retained|shared)\b"
    # Read by whom: "is a human reading this", "does my manager get to see these chats".
    r"|\b(?:is|are|does|do|will|can|could)\s+(?:a\s+|any\s*|some\s*)?(?:real\s+)?"
    r"(?:human|person|one|body|people|my\s+\w+|managers?|the\s+council|it)\s+(?:\w+\s+){0,2}?"
    rf"(?:read(?:ing|s)?|see(?:ing|s)?|look(?:ing)?\s+at|watch(?:ing)?)\s+{_TYPED}\b",
    _F,
)


def asks_about_balcony(written: str) -> bool:
    return bool(ASKS_ABOUT_BALCONY.search(written))

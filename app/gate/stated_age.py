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

# Not an age: "she's 20 minutes away", "he's 15 stone".
_NOT_YEARS = (
    r"(?!\s*(?:weeks?|months?|days?|hours?|hrs?|minutes?|mins?|seconds?|am|pm|%|percent|miles?|"
    r"stone|kg|kilos?|foot|feet|ft|inch(?:es)?|grand|quid|k\b|:\d|\.\d|th\b|st\b|nd\b|rd\b))"
)
# "she's 19", "he is only 20 and", "who has just turned 18" (session 36: a 19-year-old's
# pasted message, told as "she is 19", got the young person's script through serve). The
# name is a placeholder by the time the gate reads it: "[PERSON_1] is 19".
_TOLD_AGE = (
    r"(?:\b(?:she|he|they|who)|\[PERSON_\d+\]|\b(?-i:[A-Z][a-z]+))"
    r"(?:(?:'s|'re|\s+is|\s+are|\s+was|\s+were)\s+(?:only\s+|just\s+|now\s+|barely\s+)?"
    r"|(?:\s+has|'s)?\s+(?:just\s+)?turned\s+)(\d{1,2})\b" + _NOT_YEARS
)
_AFTER_A_NAME = r"(?:(?<=[A-Za-z])|(?<=PERSON_\d\])|(?<=CHILD_\d\])|(?<=PARENT_\d\]))"
AGE = re.compile(
    r"\b(\d{1,2})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b|\baged?\s+(\d{1,2})\b|\b(\d{1,2})\s*y/?o\b"
    rf"|{_TOLD_AGE}"
    # "Tamsin (19)", "our care leaver, 18, ...", and after the name's placeholder, which is what
    # the gate reads: "[PERSON_1], 19, voice noted her PA" (hold-out 58).
    rf"|{_AFTER_A_NAME}\s*\((\d{{1,2}})\)|{_AFTER_A_NAME},\s+(\d{{1,2}}),(?=\s+[a-z])",
    re.IGNORECASE,
)
# A school year says a child's age: Year 11 (or "Y11") is 15 or 16.
_SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s*(\d{1,2})\b(?!\s*-?olds?)", re.IGNORECASE)
_YEAR_TO_AGE = 5
ADULT_AGE = 18


def ages_stated(written: str) -> list[int]:
    ages = [
        int(next(group for group in match.groups() if group)) for match in AGE.finditer(written)
    ]
    school = [int(m.group(1)) + _YEAR_TO_AGE for m in _SCHOOL_YEAR.finditer(written)]
    return ages + [age for age in school if age <= ADULT_AGE]


def only_adults_aged(written: str) -> bool:
    """The message states at least one age, and every age it states is an adult's."""
    ages = ages_stated(written)
    return bool(ages) and min(ages) >= ADULT_AGE


# A colleague told by role, with no child in the message: "our admin officer ... took about
# twenty of her tablets", "a team manager in my service has sent us all a goodbye". The
# category head named two such adults at risk a young person's suicide risk on hold-out 55
# (session 38), and three of the labelled lines before it.
_ADULT_AT_WORK = re.compile(
    r"\b(?:colleagues?|team\s+managers?|tms?|service\s+managers?|heads?\s+of\s+service|"
    r"social\s+workers?|sws?|senior\s+practitioners?|admin(?:istrator)?s?|admin\s+officers?|"
    r"business\s+support|deputy|deputies|pa|director|managers?|member\s+of\s+staff|"
    r"staff\s+member|agency\s+workers?|practice\s+educators?|ados?|ams?)\b",
    re.IGNORECASE,
)
_ANY_CHILD = re.compile(
    r"\b(?:child\w*|kids?|kiddos?|young\s+(?:person|people|man|woman|lad|ones?)|yps?|teen\w*|"
    r"adolescents?|youngsters?|boys?|girls?|lads?|lass|sons?|daughters?|pupils?|"
    r"schoolboy|schoolgirl|looked\s+after|cla|lac|care\s+leavers?|leaving\s+care|residents?|"
    r"foster\w*|placement|unit|home|school|college|siblings?|baby|babies|toddler|infant|"
    r"newborn|carers?|pathway|semi[- ]independen\w*|supported\s+(?:lodgings|accommodation)|"
    r"grandson|granddaughter|nephew|niece|"
    # A young person's own personal adviser: "kacey just whatsapped her PA" (hold-out 58)
    # tells of a care leaver, where "my PA" is a colleague.
    r"(?:her|his|their)\s+(?:pa|personal\s+advis[eo]r)|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    # "one of our 15 year olds": an age the list of ages does not read, in the plural.
    r"\d{1,2}[\s-]*(?:years?|yrs?)[\s-]*olds|\d{1,2}\s?yos)\b|\[CHILD_\d+\]",
    re.IGNORECASE,
)


def only_adults_named(written: str) -> bool:
    """The message names someone at work (a colleague, a team manager, an admin officer),
    states no age, and names no child or young person: the person at risk is an adult."""
    return (
        bool(_ADULT_AT_WORK.search(written))
        and not ages_stated(written)
        and not _ANY_CHILD.search(written)
    )


# A child of 15 or under with a partner who is an adult ("she's 'at her boyfriend's', and
# he's 24"): a child who cannot consent, and a sign of sexual exploitation however calmly
# it is told. The classifier scored one such child, told flatly beside a leadership ask,
# just under its bar (hold-out 54, session 38). Ages as `ages_stated` reads them; "older
# men" is left to the classifier, since it is as often told of a child already found.
_PARTNER = re.compile(
    r"\b(?:boy\s?friend|girl\s?friend|bf|fella|fianc[ée]e?|man\s+(?:she|he)\s+calls)\b",
    re.IGNORECASE,
)
_ADULT_PARTNER_AGE = 18
_CHILD_AGE = 15


def child_with_adult_partner(written: str) -> bool:
    """A child's age of 15 or under, an adult's age, and a partner word."""
    if not _PARTNER.search(written):
        return False
    ages = ages_stated(written)
    return any(age <= _CHILD_AGE for age in ages) and any(age >= _ADULT_PARTNER_AGE for age in ages)

"""Time words that fit the leader's clock: no "tonight" at nine in the morning."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# The material speaks of "tonight" or "today"; the leader hears the words for their own clock.
_PERIOD = re.compile(r"\b(?:tonight|today|this evening)\b", re.IGNORECASE)


def local_now(local_time: datetime | None) -> datetime:
    """The leader's local time as sent, else the time in Europe/London."""
    if local_time is None:
        return datetime.now(LONDON)
    return local_time


def immediate_period(when: datetime) -> str:
    """The words for 'the next few hours' at this time: today, this evening, tonight..."""
    hour, weekday = when.hour, when.weekday()  # Monday is 0
    if hour >= 21 or hour < 5:
        return "tonight"
    if weekday >= 5:
        return "over the weekend"
    if hour >= 17:
        return "this evening"
    return "today"


def period_noun(period: str) -> str:
    """The period as a noun phrase: "safety this weekend", not "safety over the weekend"."""
    return "this weekend" if period == "over the weekend" else period


def fit_time_words(text: str, period: str) -> str:
    """Material written for one time ("needs tonight") said for the leader's actual time."""

    def swap(match: re.Match[str]) -> str:
        word = period
        return word[0].upper() + word[1:] if match.group(0)[0].isupper() else word

    return _PERIOD.sub(swap, text)

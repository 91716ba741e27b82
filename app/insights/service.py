"""Anonymised insights for facilitators (weekly counts, small numbers suppressed) and the
record of stored feedback; the insights desk (desk.py) stores the feedback.

Counts come from usage events, which hold no text, no session and no person. Any count
below MIN_CELL is withheld (null) so that no one can be singled out, and no totals are
given from which a withheld cell could be worked out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.core.errors import InvalidInputError
from app.storage.conversations import ConversationStore

MIN_CELL = 5
MAX_RANGE = timedelta(days=366)
DEFAULT_RANGE = timedelta(weeks=12)


@dataclass
class WeekInsights:
    week_starting: date
    tools: dict[str, int | None] = field(default_factory=dict)
    modes: dict[str, int | None] = field(default_factory=dict)
    escalations: int | None = None
    feedback: dict[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredFeedback:
    feedback_id: int
    comment: str | None  # as stored: redacted


def suppress(count: int) -> int | None:
    return count if count >= MIN_CELL else None


def _suppressed(counter: Counter[str]) -> dict[str, int | None]:
    return {key: suppress(value) for key, value in sorted(counter.items())}


def week_start(moment: datetime) -> date:
    day = moment.astimezone(UTC).date()
    return day - timedelta(days=day.weekday())


def resolve_range(start: datetime | None, end: datetime | None) -> tuple[datetime, datetime]:
    end = (end or datetime.now(UTC)).astimezone(UTC)
    start = (start or end - DEFAULT_RANGE).astimezone(UTC)
    if start >= end:
        raise InvalidInputError("'from' must be before 'to'.")
    if end - start > MAX_RANGE:
        raise InvalidInputError("Ask for at most a year at a time.")
    return start, end


def weekly_insights(
    conversations: ConversationStore, start: datetime | None, end: datetime | None
) -> tuple[datetime, datetime, list[WeekInsights]]:
    start, end = resolve_range(start, end)
    counts: dict[date, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for event in conversations.usage_between(start, end):
        at: datetime = event["at"]
        if at.tzinfo is None:  # SQLite hands back naive datetimes; they were stored as UTC
            at = at.replace(tzinfo=UTC)
        counts[week_start(at)][event["kind"]][event["value"]] += 1
    weeks: list[WeekInsights] = []
    for week in sorted(counts):
        kinds: dict[str, Any] = counts[week]
        weeks.append(
            WeekInsights(
                week_starting=week,
                tools=_suppressed(kinds["tool"]),
                modes=_suppressed(kinds["mode"]),
                escalations=suppress(sum(kinds["escalation"].values())),
                feedback=_suppressed(kinds["feedback"]),
            )
        )
    return start, end, weeks

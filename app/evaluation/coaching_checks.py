"""What a coaching reply is checked for, turn by turn (../shared/COACHING.md made measurable).

Each check returns True (held), False (broken) or None (does not apply to this turn).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.coaching.citations import CitedSource
from app.coaching.clock import immediate_period, period_noun
from app.coaching.listening import is_acknowledgement, plain
from app.coaching.measure import question_count, unquoted, word_count

CHECKS = (
    "no_echo",
    "word_limit",
    "second_person",
    "questions",
    "followup_answered",
    "expected_tool",
    "time_words",
    "particulars",
    "upload",
    "roles_note",
)
_PLACEHOLDER = re.compile(r"\[[A-Z_]+_\d+\]")
# The manager's voice: first person singular. Quotations (of the material or of the
# manager) are left out before looking, and "I" counts only as a capital.
_FIRST_PERSON = re.compile(r"\bI\b|\bI'(?:m|ve|ll|d)\b|\b(?:[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
_TIME_WORDS = re.compile(r"\b(?:tonight|today|this evening|over the weekend|this weekend)\b", re.I)
_SYMBOLS = re.compile(r"[^\w\s.,;:!?'’\"()\[\]/&%£$-]")
_CONTENT = re.compile(r"[a-z']{4,}")
_STOP = frozenset({"that", "this", "with", "they", "them", "have", "from", "were", "your", "what"})
ROLES_NOTE = "roles, not names"


@dataclass(frozen=True)
class TurnRecord:
    """One turn as the evaluation saw it: what was sent, what came back, what was expected."""

    conversation: str
    index: int
    message: str  # redacted, as the coach saw it
    reply: str
    sources: list[CitedSource]
    tools: list[str]
    expect: Mapping[str, Any]
    local_time: datetime
    earlier: Sequence[TurnRecord] = ()
    results: dict[str, bool | None] = field(default_factory=dict)

    @property
    def lead_tool(self) -> str | None:
        return self.tools[0] if self.tools else None


def _body(reply: str) -> str:
    """The reply without its closing note in italics."""
    return re.sub(r"\n_[^\n]*_\s*$", "", reply.strip())


def no_echo(turn: TurnRecord) -> bool:
    if _PLACEHOLDER.search(turn.reply) or "You wrote that" in turn.reply:
        return False
    if any(symbol in turn.reply for symbol in _SYMBOLS.findall(turn.message)):
        return False
    if is_acknowledgement(turn.message):
        said = plain(turn.message).lower().strip(" .!")
        first_line = turn.reply.strip().splitlines()[0].lower()
        return not said or re.search(rf"\b{re.escape(said)}\b", first_line) is None
    return True


def within_limit(turn: TurnRecord) -> bool | None:
    limit = turn.expect.get("max_words")
    return None if limit is None else word_count(turn.reply) < int(limit)


def second_person(turn: TurnRecord) -> bool:
    return _FIRST_PERSON.search(unquoted(_body(turn.reply))) is None


def few_questions(turn: TurnRecord) -> bool:
    return question_count(turn.reply) <= 2


def _headings(sources: Sequence[CitedSource]) -> set[str]:
    return {s.heading for s in sources}


def _cites(turn: TurnRecord, *sections: str) -> bool:
    return any(s.heading.endswith(tuple(f"> {name}" for name in sections)) for s in turn.sources)


def _repeats(turn: TurnRecord, previous: TurnRecord) -> bool:
    """A reply that says again a line of the reply before it (the footer aside)."""
    before = {line.strip() for line in _body(previous.reply).splitlines() if len(line) > 40}
    return any(line.strip() in before for line in _body(turn.reply).splitlines())


def followup_answered(turn: TurnRecord) -> bool | None:
    stage = turn.expect.get("stage")
    if stage in (None, "first", "new") or not turn.earlier:
        return None
    previous = turn.earlier[-1]
    if stage == "obstacles":
        return _cites(turn, "Pitfalls")
    if stage in ("next", "ack"):
        return _cites(turn, "How to use it", "Pitfalls") and not _repeats(turn, previous)
    if stage == "tried":
        heard = {w for w in _CONTENT.findall(turn.message.lower()) if w not in _STOP}
        opening = set(_CONTENT.findall(turn.reply.lower().split("\n\n")[0]))
        return len(heard & opening) >= 2 and _cites(turn, "How to use it", "Pitfalls")
    if stage == "more":
        seen = set().union(*(_headings(t.sources) for t in turn.earlier))
        return bool(_headings(turn.sources) - seen) and word_count(turn.reply) > word_count(
            previous.reply
        )
    # Any other follow-up stays with the tool in play and moves on.
    return turn.lead_tool == previous.lead_tool and not _repeats(turn, previous)


def expected_tool(turn: TurnRecord) -> bool | None:
    expected = turn.expect.get("tools")
    return None if not expected else turn.lead_tool in expected


def time_words(turn: TurnRecord) -> bool:
    period = immediate_period(turn.local_time)
    allowed = {period, period_noun(period)}
    allowed |= {w.lower() for w in _TIME_WORDS.findall(turn.message)}
    return all(w.lower() in allowed for w in _TIME_WORDS.findall(unquoted(turn.reply)))


def particulars(turn: TurnRecord) -> bool | None:
    mentions = turn.expect.get("mentions")
    if not mentions:
        return None
    return all(m.lower() in turn.reply.lower() for m in mentions)


def upload(turn: TurnRecord, knowledge_sources: frozenset[str]) -> bool | None:
    expected = turn.expect.get("upload")
    if expected is None:
        return None
    cited = any(s.source not in knowledge_sources for s in turn.sources)
    if expected == "cited":
        return cited and "your own material" in turn.reply.lower()
    return not cited


def roles_note(turn: TurnRecord) -> bool:
    said = ROLES_NOTE in turn.reply.lower()
    return said if turn.index == 0 else not said


def check(turn: TurnRecord, knowledge_sources: frozenset[str]) -> dict[str, bool | None]:
    return {
        "no_echo": no_echo(turn),
        "word_limit": within_limit(turn),
        "second_person": second_person(turn),
        "questions": few_questions(turn),
        "followup_answered": followup_answered(turn),
        "expected_tool": expected_tool(turn),
        "time_words": time_words(turn),
        "particulars": particulars(turn),
        "upload": upload(turn, knowledge_sources),
        "roles_note": roles_note(turn),
    }

"""Map a reply's [n] citations to the passages actually given, renumbered in reading order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.retrieval.passages import Passage

_CITATION = re.compile(r"\s?\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")


@dataclass(frozen=True)
class SourceRef:
    tool_id: str
    title: str
    heading: str
    source: str


@dataclass(frozen=True)
class CitedReply:
    text: str
    sources: list[SourceRef]


def map_citations(reply: str, passages: Sequence[Passage]) -> CitedReply:
    """Keep citations that point at a given passage (renumbered 1..n); drop the rest."""
    order: list[int] = []

    def renumber(match: re.Match[str]) -> str:
        kept: list[str] = []
        for raw in match.group(1).split(","):
            number = int(raw)
            if 1 <= number <= len(passages):
                if number not in order:
                    order.append(number)
                kept.append(str(order.index(number) + 1))
        unique = list(dict.fromkeys(kept))
        return f" [{', '.join(unique)}]" if unique else ""

    text = _CITATION.sub(renumber, reply)
    sources = [
        SourceRef(p.tool_id, p.title, p.heading, p.source) for p in (passages[n - 1] for n in order)
    ]
    return CitedReply(text=text.strip(), sources=sources)

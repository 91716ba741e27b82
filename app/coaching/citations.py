"""Map a reply's [n] citations to the passages actually given, renumbered in reading order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.retrieval.passages import Passage


@dataclass(frozen=True)
class CitedSource:
    """A passage a reply cites: the domain record (the API shapes it as SourceOut)."""

    tool_id: str
    title: str
    heading: str
    source: str


@dataclass(frozen=True)
class CitedReply:
    text: str
    sources: list[CitedSource]


def map_citations(reply: str, passages: Sequence[Passage]) -> CitedReply:
    """Keep citations that point at a given passage (renumbered 1..n); drop the rest.

    The whole reply fed to the same renumbering the stream uses, so both agree."""
    from app.coaching.cited_stream import CitationStream

    stream = CitationStream(passages)
    text = stream.feed(reply) + stream.close()
    return CitedReply(text=text.strip(), sources=stream.sources)

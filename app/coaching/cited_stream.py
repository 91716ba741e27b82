"""Citations renumbered as the text streams, so streamed [n] always match the sources event.

One implementation for both paths: a whole reply is the same stream fed in one piece.
Citations are renumbered 1..n in reading order; a number pointing at no given passage is
dropped with the space before it. A trailing space or "[" is held back only until it is clear
whether it opens a citation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.coaching.citations import CitedSource
from app.retrieval.passages import Passage

# A citation with the space before it, so a dropped one leaves no double space.
_CITATION = re.compile(r"(\s?)\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")
# What may still become one: a trailing space, "[", " [1", "[1,", "[1, 2" ...
_OPEN = re.compile(r"\s?(?:\[[\d,\s]{0,24})?$")


class CitationStream:
    def __init__(self, passages: Sequence[Passage]) -> None:
        self._passages = passages
        self._order: list[int] = []
        self._held = ""

    def feed(self, piece: str) -> str:
        """Return the part of the text so far that can be sent, citations renumbered."""
        text = self._held + piece
        opening = _OPEN.search(text)
        self._held = opening.group(0) if opening else ""
        ready = text[: len(text) - len(self._held)]
        return _CITATION.sub(self._renumber, ready)

    def close(self) -> str:
        """Whatever was held back at the end (an unfinished "[" is just text)."""
        rest, self._held = self._held, ""
        return rest

    @property
    def sources(self) -> list[CitedSource]:
        chosen = (self._passages[n - 1] for n in self._order)
        return [CitedSource(p.tool_id, p.title, p.heading, p.source) for p in chosen]

    @property
    def tools(self) -> list[str]:
        return list(dict.fromkeys(s.tool_id for s in self.sources))

    def _renumber(self, match: re.Match[str]) -> str:
        kept: list[str] = []
        for raw in match.group(2).split(","):
            number = int(raw)
            if 1 <= number <= len(self._passages):
                if number not in self._order:
                    self._order.append(number)
                kept.append(str(self._order.index(number) + 1))
        unique = list(dict.fromkeys(kept))
        return f"{match.group(1)}[{', '.join(unique)}]" if unique else ""

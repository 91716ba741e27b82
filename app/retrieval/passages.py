"""A retrieved passage, as every layer above retrieval sees it."""

from __future__ import annotations

from dataclasses import dataclass

from app.components.vector_store import Metadata


@dataclass(frozen=True)
class Passage:
    id: str
    tool_id: str
    title: str
    heading: str
    section: str
    source: str
    text: str
    part: int = 0
    score: float = 0.0
    # Cosine similarity of the query to this passage (0 when only BM25 found it).
    similarity: float = 0.0

    @classmethod
    def from_store(cls, id: str, text: str, metadata: Metadata) -> Passage:
        return cls(
            id=id,
            tool_id=str(metadata.get("tool_id", "")),
            title=str(metadata.get("title", "")),
            heading=str(metadata.get("heading", "")),
            section=str(metadata.get("section", "")),
            source=str(metadata.get("source", "")),
            text=text,
            part=int(metadata.get("part", 0)),
        )

    def scored(self, score: float, similarity: float) -> Passage:
        # Built directly: dataclasses.replace costs several times more, on every candidate.
        return Passage(
            self.id,
            self.tool_id,
            self.title,
            self.heading,
            self.section,
            self.source,
            self.text,
            self.part,
            score,
            similarity,
        )

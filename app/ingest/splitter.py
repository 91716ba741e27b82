"""Split sections into passages small enough for the embedding model, keeping heading paths."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.passage_parts import MAX_WORDS, chunk_id, passage_parts
from app.ingest.documents import LoadedDocument, Section


@dataclass(frozen=True)
class Chunk:
    id: str
    source: str
    tool_id: str
    title: str
    heading: str
    section: str
    part: int
    text: str

    @property
    def position(self) -> str:
        """Where the chunk sits in its file; an edit at the same place counts as an update."""
        return f"{self.heading}#{self.part}"

    def embedding_text(self) -> str:
        return f"{self.heading}\n{self.text}"


def split_section(document: LoadedDocument, section: Section, max_words: int) -> list[Chunk]:
    section_name = section.headings[-1] if len(section.headings) > 1 else ""
    return [
        Chunk(
            id=chunk_id(document.source, section.heading, part),
            source=document.source,
            tool_id=document.tool_id,
            title=document.title,
            heading=section.heading,
            section=section_name,
            part=number,
            text=part,
        )
        for number, part in enumerate(passage_parts(section_name, section.text, max_words))
    ]


def split_document(document: LoadedDocument, max_words: int = MAX_WORDS) -> list[Chunk]:
    """Return the document's passages in reading order, each repeated passage once."""
    chunks: dict[str, Chunk] = {}
    for section in document.sections:
        for chunk in split_section(document, section, max_words):
            # A repeated heading and text gives a repeated id, which the store refuses.
            chunks.setdefault(chunk.id, chunk)
    return list(chunks.values())

"""Split sections into passages small enough for the embedding model, keeping heading paths."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from app.ingest.documents import LoadedDocument, Section

# all-MiniLM-L6-v2 reads at most 256 word pieces; about 170 words stays inside that.
MAX_WORDS = 170
_BLOCK_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)")


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


def _words(text: str) -> int:
    return len(text.split())


def _pack_blocks(text: str, max_words: int) -> list[str]:
    """Greedily pack paragraphs and list items into parts of at most max_words."""
    blocks = [b.strip() for b in _BLOCK_BREAK.split(text) if b.strip()]
    parts: list[str] = []
    current: list[str] = []
    for block in blocks:
        for piece in _split_long(block, max_words):
            if current and _words("\n".join([*current, piece])) > max_words:
                parts.append("\n".join(current))
                current = []
            current.append(piece)
    if current:
        parts.append("\n".join(current))
    return parts


def _split_long(block: str, max_words: int) -> list[str]:
    words = block.split()
    if len(words) <= max_words:
        return [block]
    return [" ".join(words[i : i + max_words]) for i in range(0, len(words), max_words)]


def chunk_id(source: str, heading: str, text: str) -> str:
    """A stable id from the content: the same passage in the same file always gets it."""
    digest = hashlib.sha256(f"{source}\x1f{heading}\x1f{text}".encode()).hexdigest()
    return digest[:32]


# Sections that list distinct situations, one per bullet: each bullet is its own passage, so
# a dilemma is matched against one situation rather than a blur of eight.
ONE_PASSAGE_PER_BULLET = frozenset({"When it helps"})
_LIST_ITEM = re.compile(r"^\s*[-*]\s+(.*\S)", re.MULTILINE)


def _parts(section_name: str, text: str, max_words: int) -> list[str]:
    if section_name in ONE_PASSAGE_PER_BULLET:
        items = _LIST_ITEM.findall(text)
        if items:
            return [*_pack_blocks(text, max_words), *items]
    return _pack_blocks(text, max_words)


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
        for number, part in enumerate(_parts(section_name, section.text, max_words))
    ]


def split_document(document: LoadedDocument, max_words: int = MAX_WORDS) -> list[Chunk]:
    """Return the document's passages in reading order, each repeated passage once."""
    chunks: dict[str, Chunk] = {}
    for section in document.sections:
        for chunk in split_section(document, section, max_words):
            # A repeated heading and text gives a repeated id, which the store refuses.
            chunks.setdefault(chunk.id, chunk)
    return list(chunks.values())

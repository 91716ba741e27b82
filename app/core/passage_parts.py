"""How a section's text is cut into passages, and the stable id each passage gets.

One cutter for ingestion (what the index holds) and for the coach's tool sections (read from
the catalogue): the same file gives the same passages with the same ids either way.
"""

from __future__ import annotations

import hashlib
import re

# all-MiniLM-L6-v2 reads at most 256 word pieces; about 170 words stays inside that.
MAX_WORDS = 170
_BLOCK_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)")
# Sections that list distinct situations, one per bullet: each bullet is its own passage, so
# a dilemma is matched against one situation rather than a blur of eight.
ONE_PASSAGE_PER_BULLET = frozenset({"When it helps"})
_LIST_ITEM = re.compile(r"^\s*[-*]\s+(.*\S)", re.MULTILINE)


def chunk_id(source: str, heading: str, text: str) -> str:
    """A stable id from the content: the same passage in the same file always gets it."""
    digest = hashlib.sha256(f"{source}\x1f{heading}\x1f{text}".encode()).hexdigest()
    return digest[:32]


def passage_parts(section_name: str, text: str, max_words: int = MAX_WORDS) -> list[str]:
    """The passages of one section's text, in reading order."""
    if section_name in ONE_PASSAGE_PER_BULLET:
        items = _LIST_ITEM.findall(text)
        if items:
            return [*_pack_blocks(text, max_words), *items]
    return _pack_blocks(text, max_words)


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

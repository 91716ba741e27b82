"""The sections of a tool the coach draws on beyond what search found (its steps, questions,
pitfalls), read from the catalogue: the one reader of the knowledge files' structure.

Each section is cut and numbered as ingestion cuts it (app/core/passage_parts.py), so a
passage cited from here carries the same id as the indexed passage of the same text.
"""

from __future__ import annotations

from app.catalogue.tools import Catalogue, Tool
from app.core.passage_parts import chunk_id, passage_parts
from app.retrieval.passages import Passage


class ToolSections:
    """Every tool's sections as citable passages, built once from the catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._sections = {
            (tool.id, name): _passages(tool, name)
            for tool in catalogue.all()
            for name in tool.sections
        }

    def section(self, tool_id: str, name: str) -> list[Passage]:
        """Every passage of one section of a tool, in reading order ([] if it has none)."""
        return list(self._sections.get((tool_id, name), ()))


def _passages(tool: Tool, name: str) -> tuple[Passage, ...]:
    heading = tool.heading(name)
    passages: dict[str, Passage] = {}
    for part, text in enumerate(passage_parts(name, tool.section(name))):
        id = chunk_id(tool.source, heading, text)
        # A repeated text gives a repeated id; ingestion keeps the first, and so does this.
        passages.setdefault(
            id, Passage(id, tool.id, tool.title, heading, name, tool.source, text, part)
        )
    return tuple(passages.values())

"""What loaders produce and the splitter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field

# Material that is not one of the programme's tools (an uploaded handout with no tool).
GENERAL_TOOL_ID = "programme-material"


@dataclass(frozen=True)
class Section:
    """A run of text under one heading path, e.g. ("Slow thinking in a crisis", "How to use it")."""

    headings: tuple[str, ...]
    text: str

    @property
    def heading(self) -> str:
        return " > ".join(self.headings)


@dataclass(frozen=True)
class LoadedDocument:
    source: str
    tool_id: str
    title: str
    sections: list[Section]
    front_matter: dict[str, object] = field(default_factory=dict)

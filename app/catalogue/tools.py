"""The catalogue of the programme's tools, read from the knowledge base's Markdown files."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import NotFoundError, UnreadableFileError
from app.core.markdown_files import markdown_sections, split_front_matter

logger = logging.getLogger(__name__)

# The sections every tool file has, in order (../shared/KNOWLEDGE.md).
TOOL_SECTIONS = (
    "What it is",
    "Where it comes from",
    "When it helps",
    "How to use it",
    "Questions for reflection",
    "In children's services",
    "Pitfalls",
    "For facilitators",
    "Sources",
)
_BULLET = re.compile(r"^\s*[-*]\s+(.*\S)\s*$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*\S)\s*$")
_EXERCISE = re.compile(r"\*\*Exercise:\s*(.+?)\*\*\s*\((\d+)\s*minutes?\)", re.IGNORECASE)
_TIMED_STEP = re.compile(r"^\s*\d+[.)]\s+\((\d+)\s*min[a-z]*\)\s*(.*\S)\s*$")


def bullets(text: str) -> list[str]:
    """The bullet items of a Markdown block, continuation lines folded in."""
    return _items(text, _BULLET)


def numbered(text: str) -> list[str]:
    """The numbered items of a Markdown block, continuation lines folded in."""
    return _items(text, _NUMBERED)


def _items(text: str, pattern: re.Pattern[str]) -> list[str]:
    items: list[str] = []
    open_item = False
    for line in text.splitlines():
        if match := pattern.match(line):
            items.append(match.group(1))
            open_item = True
        elif open_item and line.strip() and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()
        else:
            open_item = False
    return items


@dataclass(frozen=True)
class ExerciseStep:
    minutes: int
    text: str


@dataclass(frozen=True)
class Exercise:
    name: str
    minutes: int
    steps: list[ExerciseStep]
    materials: list[str]
    prompts: list[str]


@dataclass(frozen=True)
class Tool:
    id: str
    title: str
    summary: str
    kind: str
    source: str
    aliases: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)

    def section(self, name: str) -> str:
        return self.sections.get(name, "")

    def heading(self, section: str) -> str:
        return f"{self.title} > {section}"

    @property
    def steps(self) -> list[str]:
        return numbered(self.section("How to use it"))

    @property
    def questions(self) -> list[str]:
        return bullets(self.section("Questions for reflection"))

    @property
    def signals(self) -> list[str]:
        return bullets(self.section("When it helps"))

    @property
    def exercise(self) -> Exercise | None:
        return parse_exercise(self.section("For facilitators"))


def parse_exercise(text: str) -> Exercise | None:
    """Read the "For facilitators" section's exercise, its timed steps, materials and prompts."""
    header = _EXERCISE.search(text)
    if not header:
        return None
    steps = [
        ExerciseStep(int(m.group(1)), m.group(2))
        for line in text.splitlines()
        if (m := _TIMED_STEP.match(line))
    ]
    materials: list[str] = []
    for line in text.splitlines():
        if line.lower().startswith("materials:"):
            materials = [m.strip(" .") for m in line.split(":", 1)[1].split(",") if m.strip(" .")]
    prompts_block = text.split("Discussion prompts:", 1)[1] if "Discussion prompts:" in text else ""
    return Exercise(
        name=header.group(1).strip(),
        minutes=int(header.group(2)),
        steps=steps,
        materials=materials,
        prompts=bullets(prompts_block),
    )


def load_tool(path: Path) -> Tool:
    """Parse one knowledge file into a Tool."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableFileError(f"{path.name} could not be read: {error}") from error
    meta, body = split_front_matter(text)
    if "id" not in meta or "title" not in meta:
        raise UnreadableFileError(f"{path.name} has no id and title in its front matter")
    title = str(meta["title"])
    sections = {
        s.headings[1]: s.text for s in markdown_sections(body, title) if len(s.headings) > 1
    }
    kind = str(meta.get("kind") or ("tool" if "How to use it" in sections else "case-study"))
    return Tool(
        id=str(meta["id"]),
        title=title,
        summary=str(meta.get("summary", "")).strip(),
        kind=kind,
        source=f"{path.parent.resolve().name}/{path.name}",
        aliases=[str(a) for a in meta.get("aliases") or []],
        related=[str(r) for r in meta.get("related") or []],
        sources=[str(s) for s in meta.get("sources") or []],
        sections=sections,
    )


class Catalogue:
    """The tools, by id, in the order of their files' names."""

    def __init__(self, tools: list[Tool]) -> None:
        self._tools = {t.id: t for t in tools}

    @classmethod
    def from_directory(cls, directory: Path) -> Catalogue:
        tools: list[Tool] = []
        for path in sorted(directory.glob("*.md")):
            try:
                tools.append(load_tool(path))
            except UnreadableFileError as error:
                logger.warning("knowledge file skipped", extra={"reason": error.message})
        return cls(tools)

    def __len__(self) -> int:
        return len(self._tools)

    def __contains__(self, tool_id: object) -> bool:
        return tool_id in self._tools

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(self._tools)

    def all(self) -> list[Tool]:
        return list(self._tools.values())

    def tools(self) -> list[Tool]:
        """Only the tools (the case study is material, not a tool)."""
        return [t for t in self._tools.values() if t.kind == "tool"]

    def get(self, tool_id: str) -> Tool:
        try:
            return self._tools[tool_id]
        except KeyError:
            raise NotFoundError(
                f"No tool has the id {tool_id!r}. GET /v1/tools lists the ids."
            ) from None

    def find(self, tool_id: str) -> Tool | None:
        return self._tools.get(tool_id)

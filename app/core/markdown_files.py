"""Markdown with YAML front matter: the one reader the catalogue and ingestion share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from app.core.errors import UnreadableFileError

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class MarkdownSection:
    """The text under one heading path, the title first: ("Slow thinking", "How to use it")."""

    headings: tuple[str, ...]
    text: str


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (front matter, body) of a Markdown text; no front matter gives ({}, text)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise UnreadableFileError(f"its front matter is not valid YAML ({error})") from error
    if not isinstance(data, dict):
        raise UnreadableFileError("its front matter is not a mapping of keys to values")
    return data, text[match.end() :]


def markdown_sections(body: str, title: str) -> list[MarkdownSection]:
    """Split Markdown by headings; the H1 is the title, H2/H3 extend the path."""
    sections: list[MarkdownSection] = []
    path: list[str] = []
    lines: list[str] = []

    def flush() -> None:
        text = "\n".join(lines).strip()
        if text:
            sections.append(MarkdownSection(headings=(title, *path), text=text))
        lines.clear()

    in_code = False  # a "# comment" inside a fenced block is not a heading
    for line in body.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        match = None if in_code else HEADING.match(line)
        if not match:
            lines.append(line)
            continue
        flush()
        level, heading = len(match.group(1)), match.group(2).strip()
        path = [] if level == 1 else [*path[: level - 2], heading]
    flush()
    return sections

"""Read the knowledge files' headings independently of the code under test."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"

_HEADING = re.compile(r"^(#{1,2})\s+(.+?)\s*$")
_ID = re.compile(r"^id:\s*(\S+)\s*$", re.MULTILINE)


@cache
def headings_by_tool() -> dict[str, frozenset[str]]:
    """Every heading path a citation may use, per tool id: "Title" and "Title > Section"."""
    found: dict[str, frozenset[str]] = {}
    for path in sorted(KNOWLEDGE.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = _ID.search(text)
        assert match, f"{path.name} has no id"
        title, paths = "", set()
        for line in text.split("\n---", 2)[-1].splitlines():
            if heading := _HEADING.match(line):
                if heading.group(1) == "#":
                    title = heading.group(2)
                    paths.add(title)
                else:
                    paths.add(f"{title} > {heading.group(2)}")
        found[match.group(1)] = frozenset(paths)
    return found


def source_file(tool_id: str) -> str:
    """The source path citations give for a shipped tool."""
    return f"{KNOWLEDGE.name}/{tool_id}.md"

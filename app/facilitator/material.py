"""What the material offers a facilitator: prompts, materials lists, sources, ranked by fit."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.catalogue.tools import Tool
from app.facilitator.schemas import PromptKind, SourceRef
from app.retrieval.similarity import Similarity

FACILITATORS = "For facilitators"
QUESTIONS = "Questions for reflection"
SIGNALS = "When it helps"
STEPS = "How to use it"

_TOP_LEVEL_COMMA = re.compile(r",\s*(?![^()]*\))")
_HEADED = re.compile(r"\bheaded\b", re.IGNORECASE)


def source_ref(tool: Tool, section: str | None = None) -> SourceRef:
    """Cite a tool's section, or the tool itself (its title heading) when section is None."""
    heading = tool.heading(section) if section else tool.title
    return SourceRef(tool_id=tool.id, title=tool.title, heading=heading, source=tool.source)


def split_materials(line: str) -> list[str]:
    """Split a materials list on commas, keeping "(a, b)" and "headed V, U, C and A" whole."""
    items: list[str] = []
    open_list = False
    for part in (p.strip(" .") for p in _TOP_LEVEL_COMMA.split(line)):
        if not part:
            continue
        if open_list:
            items[-1] += ", " + part
            open_list = " and " not in f" {part} "
            continue
        items.append(part)
        open_list = bool(_HEADED.search(part)) and " and " not in f" {part} "
    return items


def materials_of(tool: Tool) -> list[str]:
    """The materials the tool's exercise lists."""
    for line in tool.section(FACILITATORS).splitlines():
        if line.lower().startswith("materials:"):
            return split_materials(line.split(":", 1)[1])
    return []


@dataclass(frozen=True)
class Prompt:
    text: str
    kind: PromptKind
    section: str
    tool: Tool

    @property
    def source(self) -> SourceRef:
        return source_ref(self.tool, self.section)


def prompts_of(tool: Tool) -> list[Prompt]:
    """The exercise's discussion prompts and the reflective questions, interleaved."""
    exercise_prompts = tool.exercise.prompts if tool.exercise else []
    discussion = [Prompt(p, "discussion", FACILITATORS, tool) for p in exercise_prompts]
    reflection = [Prompt(q, "reflection", QUESTIONS, tool) for q in tool.questions]
    mixed: list[Prompt] = []
    for index in range(max(len(discussion), len(reflection))):
        mixed += discussion[index : index + 1] + reflection[index : index + 1]
    return mixed


def fit_scores(similarity: Similarity, focus: str, texts: Sequence[str]) -> dict[str, float]:
    """Each distinct text's cosine similarity to the focus, from one batch of embeddings."""
    distinct = list(dict.fromkeys(texts))
    return dict(zip(distinct, similarity.cosines(focus, distinct), strict=True))

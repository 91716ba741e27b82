"""The numbered material a reply is grounded in, and what the coach needs to know about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.catalogue.tools import Catalogue, bullets, numbered
from app.coaching.modes import Mode
from app.coaching.sections import ToolSections
from app.retrieval.passages import Passage

SLOW_THINKING = "slow-thinking"
# Cosine similarity an uploaded passage needs to the message before the coach quotes it.
# Measured on 16 probes written apart from the conversation set: questions that fit a passage
# scored 0.52-0.79 against it (one borderline at 0.41); unrelated ones at most 0.41.
UPLOAD_BAR = 0.5
# Sections the coach draws on beyond what retrieval found: how to use a tool, and its questions.
EXPANDED_SECTIONS = ("What it is", "When it helps", "How to use it", "Questions for reflection")


@dataclass(frozen=True)
class Item:
    """One step, question or signal from the material, with the passage it came from."""

    text: str
    passage: Passage


@dataclass
class CoachingContext:
    passages: list[Passage] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    # The council's own uploaded passages that fit the message closely, best first.
    uploads: list[Passage] = field(default_factory=list)

    def add(self, passage: Passage) -> int:
        """Add a passage once; return its citation number (1-based)."""
        for number, existing in enumerate(self.passages, start=1):
            if existing.id == passage.id:
                return number
        self.passages.append(passage)
        return len(self.passages)

    def number(self, passage: Passage) -> int:
        return self.add(passage)

    def format(self) -> str:
        """The material as the model sees it: numbered, headed, delimited."""
        return "\n\n".join(
            f"[{n}] {p.heading} ({p.source})\n{p.text}" for n, p in enumerate(self.passages, 1)
        )


def is_upload(passage: Passage, catalogue: Catalogue) -> bool:
    """Material a council added, rather than one of the programme's knowledge files."""
    return passage.source not in {tool.source for tool in catalogue.all()}


def rank_tools(passages: Sequence[Passage], catalogue: Catalogue) -> list[str]:
    """Tool ids in order of their best passage; the case study and loose material come last."""
    order: list[str] = []
    for passage in sorted(passages, key=lambda p: p.score, reverse=True):
        if passage.tool_id not in order:
            order.append(passage.tool_id)
    is_tool = {t.id for t in catalogue.tools()}
    return [t for t in order if t in is_tool] + [t for t in order if t not in is_tool]


def section_items(
    sections: ToolSections, tool_id: str, section: str, kind: str = "bullets"
) -> list[Item]:
    """The bullets (or numbered steps) of one section, each tied to its passage."""
    parse = numbered if kind == "numbered" else bullets
    return [
        Item(text, passage)
        for passage in sections.section(tool_id, section)
        for text in parse(passage.text)
    ]


def build_context(
    *,
    passages: Sequence[Passage],
    mode: Mode,
    catalogue: Catalogue,
    sections: ToolSections,
    focus_tools: Sequence[str] = (),
) -> CoachingContext:
    """Number the retrieved passages, then add the sections the coach needs for its tools."""
    context = CoachingContext()
    for passage in passages:
        context.add(passage)
    ranked = rank_tools(passages, catalogue)
    tools = [t for t in focus_tools if t in catalogue] + [t for t in ranked if t not in focus_tools]
    tools = [t for t in tools if (tool := catalogue.find(t)) is not None and tool.kind == "tool"]
    context.tools = tools[:2]
    expand = list(context.tools)
    if mode == "crisis" and SLOW_THINKING not in expand and SLOW_THINKING in catalogue:
        expand.append(SLOW_THINKING)
    for tool_id in expand:
        for section in EXPANDED_SECTIONS:
            for passage in sections.section(tool_id, section):
                context.add(passage)
    context.uploads = sorted(
        (p for p in passages if is_upload(p, catalogue) and p.similarity >= UPLOAD_BAR),
        key=lambda p: p.similarity,
        reverse=True,
    )
    return context

"""Prompt cards: a tool's discussion prompts and reflective questions, with their headings."""

from __future__ import annotations

from app.catalogue.tools import Catalogue
from app.facilitator.material import fit_scores, prompts_of
from app.facilitator.schemas import PromptCard, PromptCards
from app.facilitator.selection import resolve_tools
from app.retrieval.similarity import Similarity


def prompt_cards(
    *,
    catalogue: Catalogue,
    similarity: Similarity,
    tool_id: str,
    count: int = 5,
    focus: str | None = None,
) -> PromptCards:
    """Up to count prompts for the tool, in the material's order or, given a focus, by fit."""
    (tool,) = resolve_tools(catalogue, [tool_id])
    prompts = prompts_of(tool)
    scores: dict[str, float] = {}
    if focus:
        scores = fit_scores(similarity, focus, [p.text for p in prompts])
        # sorted() is stable: equal fits keep the material's order.
        prompts = sorted(prompts, key=lambda p: -scores[p.text])
    cards = [
        PromptCard(
            text=p.text,
            kind=p.kind,
            heading=p.source.heading,
            source=p.source.source,
            score=round(scores[p.text], 4) if focus else None,
        )
        for p in prompts[:count]
    ]
    return PromptCards(
        tool_id=tool.id, title=tool.title, focus=focus, cards=cards, available=len(prompts)
    )

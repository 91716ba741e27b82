"""Which tools a session uses: the ones asked for, or the ones that fit the team's challenge."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from app.catalogue.tools import Catalogue, Tool
from app.core.errors import InvalidInputError
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.similarity import Similarity

logger = logging.getLogger(__name__)

# A challenge often names several things at once ("partners stay away and we have no
# authority"); each clause is matched on its own so that one tool does not hide the others.
_CLAUSE_BREAK = re.compile(
    r"[.;:!?]+\s+|,?\s+(?:and|but|because|so|while|yet|although)\s+|,\s+|\s+-+\s+",
    re.IGNORECASE,
)
MIN_CLAUSE_WORDS = 3
MAX_CLAUSES = 4
CANDIDATE_PASSAGES = 10


def facilitation_tools(catalogue: Catalogue) -> list[Tool]:
    """The tools a session can be built on: real tools with an exercise for facilitators."""
    return [t for t in catalogue.tools() if t.exercise is not None]


def resolve_tools(catalogue: Catalogue, tool_ids: Sequence[str]) -> list[Tool]:
    """The named tools in the order given, once each; an unknown id lists the valid ones."""
    usable = {t.id: t for t in facilitation_tools(catalogue)}
    unknown = [i for i in tool_ids if i not in usable]
    if unknown:
        names = ", ".join(repr(i) for i in unknown)
        raise InvalidInputError(
            f"No tool for a session has the id {names}. Valid ids: {', '.join(sorted(usable))}."
        )
    return [usable[i] for i in dict.fromkeys(tool_ids)]


def tools_for_duration(duration: int) -> int:
    """How many tools to choose when none are named: one per hour or so, at most three."""
    return 1 if duration <= 60 else 2 if duration <= 120 else 3


def clauses(focus: str) -> list[str]:
    """The focus's clauses long enough to mean something on their own."""
    parts = [p.strip(" ,.;:-") for p in _CLAUSE_BREAK.split(focus)]
    kept = [p for p in parts if len(p.split()) >= MIN_CLAUSE_WORDS]
    return kept[:MAX_CLAUSES] if len(kept) > 1 else []


def facilitator_texts(catalogue: Catalogue) -> list[str]:
    """Every text plans compare a focus with, to embed once at start-up."""
    texts = [text for tool in catalogue.tools() for text in _tool_texts(tool) if text]
    for tool in catalogue.tools():
        if exercise := tool.exercise:
            texts += exercise.prompts
        texts += tool.questions
    return texts


def _tool_texts(tool: Tool) -> list[str]:
    # "When it helps" lists the situations the tool is for, in a leader's own words.
    return [*tool.signals, *tool.aliases, tool.summary]


def _fit(
    retriever: HybridRetriever, similarity: Similarity, query: str, tools: dict[str, Tool]
) -> dict[str, float]:
    """How closely each tool the retriever finds for the query matches it, as a cosine."""
    found: dict[str, float] = {}
    for passage in retriever.retrieve(query, k=CANDIDATE_PASSAGES):
        if passage.tool_id in tools:
            found[passage.tool_id] = max(found.get(passage.tool_id, 0.0), passage.similarity)
    texts = [(tool_id, text) for tool_id in found for text in _tool_texts(tools[tool_id]) if text]
    similarities = similarity.cosines(query, [text for _, text in texts])
    for (tool_id, _), cosine in zip(texts, similarities, strict=True):
        found[tool_id] = max(found[tool_id], cosine)
    return found


def _gain(tool_id: str, fits: Sequence[dict[str, float]], covered: Sequence[float]) -> float:
    """How much adding the tool would improve the best match of the focus and each clause."""
    return sum(
        max(0.0, fit.get(tool_id, 0.0) - best) for fit, best in zip(fits, covered, strict=True)
    )


def choose_tools(
    *,
    catalogue: Catalogue,
    retriever: HybridRetriever,
    similarity: Similarity,
    focus: str,
    count: int,
) -> list[Tool]:
    """The count tools that together best cover the focus and each of its clauses."""
    tools = {t.id: t for t in facilitation_tools(catalogue)}
    fits = [_fit(retriever, similarity, part, tools) for part in [focus, *clauses(focus)]]
    whole = fits[0]
    candidates = list(dict.fromkeys(t for fit in fits for t in fit))
    chosen: list[str] = []
    covered = [0.0] * len(fits)
    # Greedy coverage: each pick most improves the best match of the focus and its clauses;
    # when nothing is left to improve, the closer fit to the whole focus wins.
    while len(chosen) < count and len(chosen) < len(candidates):
        pick = max(
            (t for t in candidates if t not in chosen),
            key=lambda t: (_gain(t, fits, covered), whole.get(t, 0.0)),
        )
        chosen.append(pick)
        covered = [max(best, fit.get(pick, 0.0)) for fit, best in zip(fits, covered, strict=True)]
    logger.info("tools chosen for a plan", extra={"tools": len(chosen), "clauses": len(fits) - 1})
    return [tools[t] for t in chosen]

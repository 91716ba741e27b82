"""Preparing a programme session: plans and prompt cards over one catalogue and index."""

from __future__ import annotations

from dataclasses import dataclass

from app.catalogue.tools import Catalogue
from app.facilitator.cards import prompt_cards
from app.facilitator.plans import Tailor, build_plan
from app.facilitator.schemas import PlanRequest, PromptCards, SessionPlan
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.material import ToolMaterial
from app.retrieval.similarity import Similarity


@dataclass(frozen=True)
class Planner:
    catalogue: Catalogue
    retriever: HybridRetriever
    material: ToolMaterial
    similarity: Similarity
    # Rewords plan prompts for the focus when a language model is configured.
    tailor: Tailor | None = None

    def plan(self, request: PlanRequest) -> SessionPlan:
        return build_plan(
            request,
            catalogue=self.catalogue,
            retriever=self.retriever,
            material=self.material,
            similarity=self.similarity,
            tailor=self.tailor,
        )

    def cards(self, tool_id: str, count: int = 5, focus: str | None = None) -> PromptCards:
        return prompt_cards(
            catalogue=self.catalogue,
            similarity=self.similarity,
            tool_id=tool_id,
            count=count,
            focus=focus,
        )

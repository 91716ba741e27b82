"""Wiring the coaching chain: one builder for the service, the evaluation and the tests."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import Runnable, RunnableLambda

from app.catalogue.tools import Catalogue
from app.coaching.chain import (
    ChainInput,
    CoachReply,
    Prepared,
    finish,
    make_generator,
    make_preparer,
    make_rewriter,
)
from app.coaching.offline import OfflineCoach
from app.prompts.library import PromptLibrary
from app.retrieval.hybrid import HybridRetriever


def create_chain(
    *,
    preparer: Runnable[ChainInput, Prepared],
    generator: Runnable[Prepared, str],
    offline: OfflineCoach,
) -> Runnable[ChainInput, CoachReply]:
    """The whole chain for a non-streamed reply."""

    async def agenerate(prepared: Prepared) -> CoachReply:
        if not prepared.grounded:
            return finish(prepared, offline.no_material())
        return finish(prepared, await generator.ainvoke(prepared))

    def generate(prepared: Prepared) -> CoachReply:
        if not prepared.grounded:
            return finish(prepared, offline.no_material())
        return finish(prepared, generator.invoke(prepared))

    return preparer | RunnableLambda(generate, afunc=agenerate).with_config(
        run_name="generate_and_cite"
    )


@dataclass(frozen=True)
class CoachChain:
    """The chain's parts: the turn pipeline streams with the first two, the rest invoke the
    third."""

    preparer: Runnable[ChainInput, Prepared]
    generator: Runnable[Prepared, str]
    chain: Runnable[ChainInput, CoachReply]


def build_coach(
    *,
    retriever: HybridRetriever,
    catalogue: Catalogue,
    offline: OfflineCoach,
    prompts: PromptLibrary,
    llm: BaseChatModel | None,
    relevance_threshold: float,
    cpu_threads: int = 1,
) -> CoachChain:
    """Wire the chain one way for the service, the evaluation and the tests."""
    preparer = make_preparer(
        retriever=retriever,
        sections=offline.sections,
        catalogue=catalogue,
        rewriter=make_rewriter(llm, prompts),
        relevance_threshold=relevance_threshold,
        cpu_threads=cpu_threads,
    )
    generator = make_generator(llm, offline, prompts)
    return CoachChain(
        preparer, generator, create_chain(preparer=preparer, generator=generator, offline=offline)
    )

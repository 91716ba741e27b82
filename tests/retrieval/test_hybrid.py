"""Hybrid retrieval: reciprocal rank fusion, variety across tools, and the shipped knowledge."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.config import RetrievalSettings
from app.core.errors import IndexEmptyError
from app.evaluation.retrieval import RetrievalCase, load_cases, ranked_tools
from app.retrieval.hybrid import HybridRetriever, diversify, reciprocal_rank_fusion
from app.retrieval.material import Snapshot, ToolMaterial
from app.retrieval.passages import Passage
from app.services import Services
from tests.conftest import SHARED_EVAL, ServicesFactory

DEV_SET = SHARED_EVAL / "retrieval-dev.jsonl"


def dev_cases() -> list[RetrievalCase]:
    return load_cases(DEV_SET) if DEV_SET.is_file() else []


def passage(id: str, tool: str, score: float) -> Passage:
    return Passage(id, tool, tool, tool, "", f"knowledge/{tool}.md", id, score=score)


def test_rrf_sums_weighted_reciprocal_ranks() -> None:
    scores = reciprocal_rank_fusion([["a", "b"], ["b", "c"]], [1.0, 2.0], k=60)
    assert scores["a"] == pytest.approx(1 / 61)
    assert scores["b"] == pytest.approx(1 / 62 + 2 / 61)
    assert scores["c"] == pytest.approx(2 / 62)
    assert max(scores, key=scores.__getitem__) == "b"


def test_rrf_rewards_agreement_over_one_top_rank() -> None:
    scores = reciprocal_rank_fusion([["a", "b", "c"], ["c", "b", "a"]], [1.0, 1.0], k=60)
    assert scores["b"] < scores["a"] == pytest.approx(scores["c"])
    assert reciprocal_rank_fusion([[], []], [1.0, 1.0], k=60) == {}


def test_rrf_with_zero_weight_ignores_that_ranking() -> None:
    scores = reciprocal_rank_fusion([["a"], ["b"]], [1.0, 0.0], k=1)
    assert scores == {"a": 0.5, "b": 0.0}


def test_diversify_caps_passages_per_tool() -> None:
    ranked = [
        passage("v1", "vuca", 0.9),
        passage("v2", "vuca", 0.8),
        passage("v3", "vuca", 0.7),
        passage("p1", "public-value", 0.6),
        passage("s1", "slow-thinking", 0.5),
    ]
    chosen = diversify(ranked, k=4, max_per_tool=2)
    assert [p.id for p in chosen] == ["v1", "v2", "p1", "s1"]


def test_diversify_tops_up_when_too_few_tools() -> None:
    ranked = [passage("v1", "vuca", 0.9), passage("v2", "vuca", 0.8), passage("v3", "vuca", 0.7)]
    ranked.insert(1, passage("p1", "public-value", 0.85))
    chosen = diversify(ranked, k=4, max_per_tool=1)
    assert [p.id for p in chosen] == ["v1", "p1", "v2", "v3"]  # best first after top-up


def test_diversify_returns_what_there_is() -> None:
    assert [p.id for p in diversify([passage("v1", "vuca", 1.0)], k=5, max_per_tool=2)] == ["v1"]
    assert diversify([], k=5, max_per_tool=2) == []


def test_empty_index_is_a_clear_error(services_factory: ServicesFactory) -> None:
    with pytest.raises(IndexEmptyError, match="balcony ingest"):
        services_factory().retriever.retrieve("anything")


def test_results_are_best_first_and_varied(indexed_services: Services) -> None:
    results = indexed_services.retriever.retrieve(
        "Partners hold the budgets and I have no authority over them", k=8
    )
    assert len(results) == 8
    assert [p.score for p in results] == sorted((p.score for p in results), reverse=True)
    per_tool = max(sum(1 for p in results if p.tool_id == t) for t in {p.tool_id for p in results})
    assert per_tool <= indexed_services.settings.retrieval.max_per_tool
    assert len({p.id for p in results}) == 8
    assert all(p.heading.startswith(p.title) and p.source.startswith("knowledge/") for p in results)


def test_dense_hits_carry_cosine_similarity(indexed_services: Services) -> None:
    results = indexed_services.retriever.retrieve("pre-mortem", k=3, method="dense")
    assert all(0.0 < p.similarity <= 1.0 for p in results)
    keyword = indexed_services.retriever.retrieve("pre-mortem", k=3, method="keyword")
    assert keyword[0].tool_id == "slow-thinking"
    assert all(p.similarity == 0.0 for p in keyword)


def test_k_beyond_candidates_still_returns_k(indexed_services: Services) -> None:
    retriever = HybridRetriever(
        embedder=indexed_services.embedder,
        store=indexed_services.store,
        material=indexed_services.material,
        settings=RetrievalSettings(candidates=5),
    )
    assert len(retriever.retrieve("leadership", k=12)) == 12


@pytest.mark.skipif(not DEV_SET.is_file(), reason=f"{DEV_SET} is not present")
@pytest.mark.parametrize("case", dev_cases(), ids=lambda c: c.id)
def test_each_dev_dilemma_finds_its_tool_in_the_top_three(
    indexed_services: Services, case: RetrievalCase
) -> None:
    tools = ranked_tools(indexed_services.retriever, case.query, "hybrid")
    assert set(tools[:3]) & set(case.expected), (case.id, tools[:3])


class _StaleMaterial:
    """A worker's snapshot taken before another worker indexed these passages."""

    def __init__(self, material: ToolMaterial) -> None:
        self._material = material

    def current(self) -> Snapshot:
        return replace(self._material.current(), by_id={})


def test_dense_hits_missing_from_the_snapshot_are_read_from_the_store(
    indexed_services: Services,
) -> None:
    query = "my managers bring every decision to me and I cannot see the bigger picture"
    served = indexed_services.retriever
    stale = HybridRetriever(
        embedder=served.query_embedder,
        store=indexed_services.store,
        material=_StaleMaterial(indexed_services.material),  # type: ignore[arg-type]
        settings=indexed_services.settings.retrieval,
    )
    expected = served.retrieve(query, k=5, method="dense")
    assert expected and stale.retrieve(query, k=5, method="dense") == expected

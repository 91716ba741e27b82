"""The learned tool re-ranker: its features, its shipped weights, and that serving follows it."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from fastapi.testclient import TestClient

from app.components.embedding import Embedder
from app.evaluation.retrieval import load_cases, ranked_tools
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.passages import Passage
from app.retrieval.rerank import FEATURES, Reranker, shipped_reranker, tool_features
from app.retrieval.train_reranker import (
    REPO,
    collect,
    out_of_fold,
    score,
    score_by_file,
    sha256,
    training_files,
)
from app.services import Services

# Out of fold over the training sets, as measured by `python -m app.retrieval.train_reranker`
# when the weights were shipped (the file records the exact figures), less a small margin:
# all 2,315 lines 0.826 / 0.959 (on the 2,027 lines of session 12: 0.840 / 0.963, against
# 0.787 / 0.943 before the tool classifier read words, 0.765 / 0.942 before the classifier,
# 0.670 / 0.890 before the wording features; six files were written on the pairs it confuses,
# the three newest short: 293, 289 and 288 lines at 0.836 / 0.963, 0.806 / 0.938 and
# 0.726 / 0.931); the 98 retrieval-validation lines alone 0.847 / 0.990 (22 lines within
# 0.68 cosine of a hold-out line were dropped from it, as from the other files). Session 18
# dropped 13 more lines restating hold-out 9: 2,302 lines at 0.822 / 0.954, validation
# 0.857 / 0.990. Session 31 dropped 19 restating hold-out 10: 2,283 lines at 0.830 /
# 0.956, validation (97 lines) 0.866 / 0.969 (three of its lines out of the top three, one
# before: the folds fall differently with 19 lines fewer).
OOF_HIT1_FLOOR = 0.81
OOF_HIT3_FLOOR = 0.95
VALIDATION_HIT1_FLOOR = 0.82
VALIDATION_HIT3_FLOOR = 0.96


def passage(id: str, tool: str, section: str = "How to use it") -> Passage:
    return Passage(id, tool, tool, f"{tool} > {section}", section, f"knowledge/{tool}.md", id)


def only(feature: str, weight: float) -> Reranker:
    """A re-ranker that looks at one feature alone."""
    coef = np.zeros(len(FEATURES))
    coef[FEATURES.index(feature)] = weight
    return Reranker(np.zeros(len(FEATURES)), np.ones(len(FEATURES)), coef, 0.0)


def test_features_per_tool_from_one_query() -> None:
    dense = [
        (passage("a1", "a", "When it helps"), 0.8),
        (passage("b1", "b", "What it is"), 0.6),
        (passage("a2", "a"), 0.4),
    ]
    keyword = [(passage("b2", "b"), 6.0), (passage("c1", "c"), 3.0)]
    ids, matrix = tool_features(dense, keyword, weights=(1.0, 1.0), rrf_k=60)
    assert ids == ["a", "b", "c"]
    assert matrix.shape == (3, len(FEATURES))
    row = {tool: dict(zip(FEATURES, matrix[i], strict=True)) for i, tool in enumerate(ids)}
    assert row["a"]["dense_max"] == pytest.approx(0.8)
    assert row["a"]["dense_top2"] == pytest.approx(0.6)
    assert row["b"]["dense_gap"] == pytest.approx(-0.2)
    assert row["a"]["signal_max"] == pytest.approx(0.8) and row["b"]["signal_max"] == 0.0
    assert row["b"]["what_max"] == pytest.approx(0.6)
    assert row["b"]["bm25_max"] == 1.0 and row["c"]["bm25_max"] == pytest.approx(0.5)
    assert row["a"]["bm25_max"] == 0.0 and row["a"]["bm25_rr"] == 0.0
    assert (row["a"]["dense_rr"], row["b"]["dense_rr"], row["c"]["dense_rr"]) == (1.0, 0.5, 0.0)
    # b is second by dense and first by BM25: the best fused score, scaled to at most 1.
    assert row["b"]["rrf"] > row["a"]["rrf"] > row["c"]["rrf"] > 0
    assert max(matrix[:, FEATURES.index("rrf")]) <= 1.0


def test_dilemma_cosines_fill_their_columns_and_default_to_zero() -> None:
    dense = [(passage("a1", "a"), 0.8), (passage("b1", "b"), 0.6)]
    _, plain = tool_features(dense, [], weights=(1.0, 1.0), rrf_k=60)
    cosine, gap = FEATURES.index("dilemma_cosine"), FEATURES.index("dilemma_gap")
    assert not plain[:, [cosine, gap]].any()
    _, matrix = tool_features(
        dense, [], weights=(1.0, 1.0), rrf_k=60, dilemma_cosine={"a": 0.3, "b": 0.5}
    )
    assert matrix[:, cosine].tolist() == pytest.approx([0.3, 0.5])
    assert matrix[:, gap].tolist() == pytest.approx([-0.2, 0.0])


@pytest.mark.parametrize(
    ("argument", "column"),
    [("wording_cosine", "wording"), ("classifier_probability", "classifier")],
)
def test_word_and_classifier_closeness_fill_their_columns_and_uploads_get_the_best(
    argument: str, column: str
) -> None:
    """Both spread the tools far apart: an upload takes the best tool's value, not the mean."""
    dense = [(passage("a1", "a"), 0.8), (passage("b1", "b"), 0.6)]
    upload = Passage("u1", "mine", "Mine", "Mine > Notes", "Notes", "uploads/mine.md", "u1")
    first = FEATURES.index(argument)
    gap = FEATURES.index(f"{column}_gap")
    _, plain = tool_features([*dense, (upload, 0.5)], [], weights=(1.0, 1.0), rrf_k=60)
    assert not plain[:, [first, gap]].any()
    ids, matrix = tool_features(
        [*dense, (upload, 0.5)],
        [],
        weights=(1.0, 1.0),
        rrf_k=60,
        **{argument: {"a": 0.1, "b": 0.4}},
    )
    assert ids == ["a", "b", "mine"]
    assert matrix[:, first].tolist() == pytest.approx([0.1, 0.4, 0.4])
    assert matrix[:, gap].tolist() == pytest.approx([-0.3, 0.0, 0.0])


def test_shipped_weights_carry_a_tool_classifier_that_survives_json(embedder: Embedder) -> None:
    reranker = shipped_reranker()
    assert reranker is not None and reranker.classifier is not None
    assert set(reranker.classifier.head.labels) == set(reranker.centroids)
    again = Reranker.from_json(json.loads(json.dumps(reranker.to_json())))
    query = "Nobody in the partnership answers to me, so I cannot make them"
    vector = embedder.embed([query])[0]
    probabilities = reranker.classifier_probability(vector, query)
    assert again.classifier_probability(vector, query) == pytest.approx(probabilities, abs=1e-4)
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_shipped_weights_carry_one_unit_centroid_per_tool() -> None:
    reranker = shipped_reranker()
    assert reranker is not None
    assert len(reranker.centroids) >= 15
    for centroid in reranker.centroids.values():
        assert float(np.linalg.norm(centroid)) == pytest.approx(1.0, abs=1e-4)
    again = Reranker.from_json(reranker.to_json())
    assert again.centroids.keys() == reranker.centroids.keys()


def test_shipped_weights_carry_a_wording_profile_per_tool_that_survives_json() -> None:
    reranker = shipped_reranker()
    assert reranker is not None and reranker.wording is not None
    assert reranker.wording.tools.keys() == reranker.centroids.keys()
    again = Reranker.from_json(json.loads(json.dumps(reranker.to_json())))
    query = "I have the title but nobody does what I ask; pulling rank would backfire"
    assert again.wording_cosine(query) == pytest.approx(reranker.wording_cosine(query), abs=1e-5)
    assert max(reranker.wording_cosine(query).values()) > 0


def test_no_results_give_no_rows() -> None:
    ids, matrix = tool_features([], [], weights=(0.75, 1.0), rrf_k=60)
    assert ids == [] and matrix.shape == (0, len(FEATURES))


def test_weights_trained_on_other_features_are_refused() -> None:
    data = only("dense_max", 1.0).to_json()
    data["features"] = ["dense_max"]
    with pytest.raises(ValueError, match="retrain"):
        Reranker.from_json(data)


def test_shipped_weights_name_the_committed_training_files() -> None:
    reranker = shipped_reranker()
    assert reranker is not None, "run python -m app.retrieval.train_reranker"
    trained = reranker.meta["trained_on"]
    assert set(trained) == {str(p.relative_to(REPO)) for p in training_files()}
    for name, digest in trained.items():
        assert sha256(REPO / name) == digest, f"{name} changed since training: retrain"


def test_serving_scores_without_scikit_learn() -> None:
    code = (
        "import sys; from app.retrieval.rerank import shipped_reranker; "
        "import app.retrieval.hybrid, app.api.routes.retrieve; "
        "assert shipped_reranker() is not None; "
        "assert 'sklearn' not in sys.modules, 'sklearn imported when serving'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, timeout=120)


def retriever_with(services: Services, reranker: Reranker | None) -> HybridRetriever:
    return services.retriever.with_reranker(reranker)


QUERY = "Partners hold the budgets and I have no authority over them"


def test_the_served_order_follows_the_re_ranker(indexed_services: Services) -> None:
    plain = retriever_with(indexed_services, None)
    dense = ranked_tools(plain, QUERY, "dense")
    keyword = ranked_tools(plain, QUERY, "keyword")
    # A model that trusts only BM25's tool order serves BM25's first tool first...
    by_bm25 = retriever_with(indexed_services, only("bm25_rr", 1.0))
    assert ranked_tools(by_bm25, QUERY, "reranked")[0] == keyword[0]
    # ...and one that reads only the "What it is" passages serves the tool whose summary
    # fits best, wherever its other passages rank.
    ids, features = plain.tool_features(QUERY)
    what = features[:, FEATURES.index("what_max")]
    assert (what == what.max()).sum() == 1
    by_summary = retriever_with(indexed_services, only("what_max", 1.0))
    served = by_summary.retrieve(QUERY, k=5)
    assert served[0].tool_id == ids[int(what.argmax())]
    assert [p.score for p in served] == sorted((p.score for p in served), reverse=True)
    assert dense[0] in ids


def test_passages_within_a_tool_keep_their_fused_order(indexed_services: Services) -> None:
    fused = retriever_with(indexed_services, None).retrieve(QUERY, k=20, method="hybrid")
    served = indexed_services.retriever.retrieve(QUERY, k=20)
    for tool in {p.tool_id for p in served}:
        mine = [p.id for p in served if p.tool_id == tool]
        theirs = [p.id for p in fused if p.tool_id == tool]
        assert mine == theirs[: len(mine)], tool


def test_retrieve_endpoint_serves_the_re_ranked_order(
    client: TestClient, indexed_services: Services
) -> None:
    response = client.post("/v1/retrieve", json={"query": QUERY, "k": 5})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 5
    for result in results:
        assert set(result) == {"tool_id", "title", "heading", "source", "text", "score"}
    expected = ranked_tools(indexed_services.retriever, QUERY, "reranked")
    assert results[0]["tool_id"] == expected[0]
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


@pytest.fixture(scope="module")
def out_of_fold_by_file(indexed_services: Services) -> dict[str, dict[str, float]]:
    files = training_files()
    cases = [case for path in files for case in load_cases(path)]
    rankings = out_of_fold(collect(retriever_with(indexed_services, None), cases))
    return {"all": score(rankings, cases), **score_by_file(rankings, cases, files)}


@pytest.fixture(scope="module")
def out_of_fold_scores(out_of_fold_by_file: dict[str, dict[str, float]]) -> dict[str, float]:
    return out_of_fold_by_file["all"]


def test_out_of_fold_figures_hold(out_of_fold_scores: dict[str, float]) -> None:
    assert out_of_fold_scores["n"] >= 2250
    assert out_of_fold_scores["hit1"] >= OOF_HIT1_FLOOR
    assert out_of_fold_scores["hit3"] >= OOF_HIT3_FLOOR


def test_out_of_fold_figures_hold_on_the_validation_lines(
    out_of_fold_by_file: dict[str, dict[str, float]],
) -> None:
    validation = out_of_fold_by_file["retrieval-validation.jsonl"]
    assert validation["n"] == 97
    assert validation["hit1"] >= VALIDATION_HIT1_FLOOR
    assert validation["hit3"] >= VALIDATION_HIT3_FLOOR


def test_shipped_out_of_fold_figures_are_reproducible(
    out_of_fold_scores: dict[str, float],
) -> None:
    reranker = shipped_reranker()
    assert reranker is not None
    recorded = reranker.meta["out_of_fold"]
    assert out_of_fold_scores["hit1"] == pytest.approx(recorded["hit1"], abs=0.02)
    assert out_of_fold_scores["hit3"] == pytest.approx(recorded["hit3"], abs=0.02)


def test_re_ranking_beats_fusion_out_of_fold(
    indexed_services: Services, out_of_fold_scores: dict[str, float]
) -> None:
    cases = [case for path in training_files() for case in load_cases(path)]
    plain = retriever_with(indexed_services, None)
    fused = score([ranked_tools(plain, c.query, "hybrid") for c in cases], cases)
    assert out_of_fold_scores["hit1"] > fused["hit1"]
    assert out_of_fold_scores["mrr"] > fused["mrr"]

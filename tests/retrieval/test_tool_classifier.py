"""The tool classifier the re-ranker reads: probabilities per tool from the query's vector and
words, stored as plain numbers, and training probabilities from classifiers that never saw the
line."""

from __future__ import annotations

import json

import numpy as np
import pytest

from app.retrieval.tool_classifier import (
    ToolClassifier,
    cross_fitted_probabilities,
    fit_tool_classifier,
)

TOOLS = ["power"] * 12 + ["balcony"] * 12 + ["vuca"] * 12
# Every line shares one neutral sentence: the vectors, not the words, tell these tools apart.
NEUTRAL = ["the team meeting ran late again"] * 36


def clusters(seed: int = 0) -> tuple[np.ndarray, list[str]]:
    """Three tools, twelve lines each, around three directions of a 16-dimensional space."""
    rng = np.random.default_rng(seed)
    centres = np.eye(16)[:3] * 3.0
    vectors = np.vstack([centre + rng.normal(0, 0.4, (12, 16)) for centre in centres])
    return vectors, list(TOOLS)


def test_probabilities_cover_every_tool_and_sum_to_one() -> None:
    vectors, tools = clusters()
    classifier = fit_tool_classifier(vectors, NEUTRAL, tools)
    probabilities = classifier.probabilities(vectors[13], NEUTRAL[13])
    assert set(probabilities) == {"power", "balcony", "vuca"}
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert max(probabilities, key=probabilities.__getitem__) == "balcony"


def test_the_classifier_survives_json() -> None:
    vectors, tools = clusters()
    texts = [f"{tool} matters here, meeting {i}" for i, tool in enumerate(tools)]
    classifier = fit_tool_classifier(vectors, texts, tools)
    again = ToolClassifier.from_json(json.loads(json.dumps(classifier.to_json())))
    assert again.head.labels == classifier.head.labels
    assert again.words.vocabulary == classifier.words.vocabulary
    for vector, text in zip(vectors[::5], texts[::5], strict=True):
        expected = classifier.probabilities(vector, text)
        assert again.probabilities(vector, text) == pytest.approx(expected, abs=1e-4)


def test_words_decide_where_the_embeddings_cannot() -> None:
    """Every vector is the same point: only a phrase such as "pulling rank" tells the tools
    apart, as in short messages whose sentence embeddings sit between neighbouring tools."""
    rng = np.random.default_rng(3)
    vectors = np.ones((36, 16)) + rng.normal(0, 0.01, (36, 16))
    phrase = {"power": "pulling rank", "balcony": "step back", "vuca": "everything shifting"}
    texts = [f"{phrase[tool]} in the meeting, week {i % 6}" for i, tool in enumerate(TOOLS)]
    classifier = fit_tool_classifier(vectors, texts, TOOLS)
    probabilities = classifier.probabilities(np.ones(16), "the director keeps pulling rank")
    assert max(probabilities, key=probabilities.__getitem__) == "power"
    assert probabilities["power"] > 0.5


def test_a_training_line_is_scored_by_a_classifier_that_never_saw_it() -> None:
    vectors, tools = clusters()
    # One "vuca" line sits inside the "power" cluster: a classifier fitted on it learns to
    # call that spot "vuca", one that never saw it calls it "power".
    vectors[36 - 1] = vectors[0] + 0.01
    in_sample = fit_tool_classifier(vectors, NEUTRAL, tools, c=1000.0).probabilities(
        vectors[35], NEUTRAL[35]
    )
    every = cross_fitted_probabilities(vectors, NEUTRAL, tools, seed=1, c=1000.0)
    crossed = every[35]
    assert crossed["vuca"] < 0.5 < crossed["power"]
    assert in_sample["vuca"] > crossed["vuca"]
    assert len(every) == 36 and all(sum(p.values()) == pytest.approx(1.0) for p in every)


def test_weights_from_before_the_classifier_read_words_are_refused() -> None:
    """A classifier stored without its words would be scored against the wrong columns."""
    vectors, tools = clusters()
    old = fit_tool_classifier(vectors, NEUTRAL, tools).head.to_json()
    with pytest.raises(ValueError, match="retrain"):
        ToolClassifier.from_json({"tools": old["labels"], "weights": old["weights"]})

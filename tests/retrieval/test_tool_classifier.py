"""The tool classifier the re-ranker reads: probabilities per tool from the query's vector,
stored as plain numbers, and training probabilities from classifiers that never saw the line."""

from __future__ import annotations

import json

import numpy as np
import pytest

from app.components.linear_head import LinearHead
from app.retrieval.tool_classifier import cross_fitted_probabilities, fit_tool_classifier


def clusters(seed: int = 0) -> tuple[np.ndarray, list[str]]:
    """Three tools, twelve lines each, around three directions of a 16-dimensional space."""
    rng = np.random.default_rng(seed)
    centres = np.eye(16)[:3] * 3.0
    vectors = np.vstack([centre + rng.normal(0, 0.4, (12, 16)) for centre in centres])
    return vectors, ["power"] * 12 + ["balcony"] * 12 + ["vuca"] * 12


def test_probabilities_cover_every_tool_and_sum_to_one() -> None:
    vectors, tools = clusters()
    classifier = fit_tool_classifier(vectors, tools)
    probabilities = classifier.probabilities(vectors[13])
    assert set(probabilities) == {"power", "balcony", "vuca"}
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert max(probabilities, key=probabilities.__getitem__) == "balcony"


def test_the_classifier_survives_json() -> None:
    vectors, tools = clusters()
    classifier = fit_tool_classifier(vectors, tools)
    again = LinearHead.from_json(json.loads(json.dumps(classifier.to_json())))
    assert again.labels == classifier.labels
    for vector in vectors[::5]:
        expected = classifier.probabilities(vector)
        assert again.probabilities(vector) == pytest.approx(expected, abs=1e-4)


def test_a_training_line_is_scored_by_a_classifier_that_never_saw_it() -> None:
    vectors, tools = clusters()
    # One "vuca" line sits inside the "power" cluster: a classifier fitted on it learns to
    # call that spot "vuca", one that never saw it calls it "power".
    vectors[36 - 1] = vectors[0] + 0.01
    in_sample = fit_tool_classifier(vectors, tools, c=1000.0).probabilities(vectors[35])
    every = cross_fitted_probabilities(vectors, tools, seed=1, c=1000.0)
    crossed = every[35]
    assert crossed["vuca"] < 0.5 < crossed["power"]
    assert in_sample["vuca"] > crossed["vuca"]
    assert len(every) == 36 and all(sum(p.values()) == pytest.approx(1.0) for p in every)

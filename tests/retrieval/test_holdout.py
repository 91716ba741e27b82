"""The frozen retrieval hold-outs (tests/data/retrieval-holdout*.jsonl): each written apart
from the re-ranker's training dilemmas, never trained or tuned on; the served retriever's first
tool is measured on them. RETRIEVAL-HOLDOUT*.md say how."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.evaluation.retrieval import load_cases, ranked_tools
from app.retrieval.train_reranker import score, training_files
from app.services import Services

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Floors:
    hit1: float
    hit3: float


# Each measured with the weights of its day, less a margin for the approximate
# nearest-neighbour search, which can order two near-equal passages differently per process.
# Hold-outs 1 to 3 chose the wording features (the tf-idf closeness to each tool's training
# dilemmas) beside the out-of-fold figures; hold-outs 4 to 6 chose nothing.
# retrieval-holdout.jsonl: 0.760 / 0.953 when frozen; 0.787 / 0.960 before the wording
# features; 0.827 / 0.980 with them (session 10); 0.820 / 0.967 (session 11); 0.833 / 0.973
# (session 12); 0.887 / 0.987 today.
# retrieval-holdout-2.jsonl, frozen before session 7's weights were trained: 0.793 / 0.933;
# 0.800 / 0.927 before the wording features; 0.853 / 0.953 (session 10); 0.860 / 0.960
# (session 11); 0.867 / 0.967 (session 12); 0.893 / 0.973 today.
# retrieval-holdout-3.jsonl, frozen before session 8's weights were trained: 0.740 / 0.900;
# 0.740 / 0.907 before the wording features; 0.827 / 0.953 (session 10); 0.820 / 0.953
# (session 11); 0.840 / 0.960 (session 12); 0.887 / 0.953 today.
# retrieval-holdout-4.jsonl, frozen before session 9's weights were trained: 0.820 / 0.947
# (session 8's weights 0.827 / 0.947); 0.853 / 0.980 (session 10); 0.867 / 0.980
# (session 11); 0.880 / 0.987 (session 12); 0.913 / 0.987 today.
# retrieval-holdout-5.jsonl, frozen before session 10's weights were trained: session 9's
# weights 0.740 / 0.913; 0.873 / 0.973 (session 10); 0.893 / 0.973 (session 11); 0.873 / 0.980
# (session 12); 0.920 / 0.987 today.
# retrieval-holdout-6.jsonl (150 short dilemmas, 10-25 words), frozen before session 11's
# weights were trained: session 10's weights 0.787 / 0.927; 0.800 / 0.940 (session 11);
# 0.807 / 0.940 (session 12); 0.840 / 0.980 today.
# retrieval-holdout-7.jsonl (150 short dilemmas, 12-24 words), frozen before today's weights
# were trained: session 11's weights 0.740 / 0.927; retrained with 289 more short training
# dilemmas (retrieval-train-7.jsonl) and 13 older lines restating it dropped, 0.740 / 0.933;
# with the tool classifier's probability as a feature (shipped, chosen out of fold),
# 0.780 / 0.920; 0.853 / 0.947 today.
# retrieval-holdout-8.jsonl (150 short dilemmas, 11-21 words), frozen late in session 12:
# 0.733 / 0.960 with the weights then shipped, 0.733 / 0.953 with today's, retrained
# after 13 lines restating it were dropped; 0.833 / 0.973 today.
# "today" is session 13's weights: the tool classifier reads the query's words beside its
# embedding, and 288 more short training lines (retrieval-train-8.jsonl). Both were chosen
# on the out-of-fold figures alone; hold-outs 4 to 8 still chose nothing.
# retrieval-holdout-9.jsonl (150 short dilemmas, 12-23 words), written blind and frozen in
# session 18 and read once with session 13's weights: 0.850 / 0.960. Then 13 training lines
# that restated 12 of its situations were dropped (tests/data/RETRIEVAL-DATA.md) and the
# same model retrained (session 18's weights, shipped): 0.840 / 0.953 on it; on hold-outs 1
# to 8, 0.873 / 0.987, 0.887 / 0.973, 0.887 / 0.953, 0.913 / 0.987, 0.920 / 0.987,
# 0.833 / 0.973, 0.847 / 0.947, 0.840 / 0.973 (the "today" figures above are session 13's).
# retrieval-holdout-10.jsonl (150 short dilemmas, 11-23 words, 54 written close to a
# neighbouring tool), written blind and frozen in session 31 and read once with session
# 18's weights: 0.860 / 0.947 (0.833 counting the expected tool only). Then 19 training
# lines that restated 14 of its situations were dropped (tests/data/RETRIEVAL-DATA.md) and
# the same model retrained (session 31's weights, shipped): 0.860 / 0.940 on it; on
# hold-outs 1 to 9, 0.880 / 0.987, 0.89 / 0.97, 0.89 / 0.95, 0.91 / 0.99, 0.92 / 0.99,
# 0.84 / 0.98, 0.85 / 0.95, 0.84 / 0.98, 0.860 / 0.960; out of fold 0.830 / 0.956.
FLOORS = {
    "retrieval-holdout.jsonl": Floors(0.86, 0.96),
    "retrieval-holdout-2.jsonl": Floors(0.87, 0.95),
    "retrieval-holdout-3.jsonl": Floors(0.86, 0.93),
    "retrieval-holdout-4.jsonl": Floors(0.89, 0.96),
    "retrieval-holdout-5.jsonl": Floors(0.90, 0.96),
    "retrieval-holdout-6.jsonl": Floors(0.81, 0.96),
    "retrieval-holdout-7.jsonl": Floors(0.83, 0.92),
    "retrieval-holdout-8.jsonl": Floors(0.81, 0.95),
    "retrieval-holdout-9.jsonl": Floors(0.83, 0.94),
    "retrieval-holdout-10.jsonl": Floors(0.85, 0.93),
}


@pytest.mark.parametrize("name", FLOORS)
def test_the_hold_out_is_the_frozen_file(name: str) -> None:
    recorded = (DATA / name).with_suffix(".sha256").read_text().split()[0]
    assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == recorded


@pytest.mark.parametrize("name", FLOORS)
def test_the_hold_out_is_never_trained_on(name: str) -> None:
    assert DATA / name not in training_files()


@pytest.fixture(scope="module")
def figures(indexed_services: Services) -> dict[str, dict[str, float]]:
    measured = {}
    for name in FLOORS:
        cases = load_cases(DATA / name)
        rankings = [ranked_tools(indexed_services.retriever, c.query, "reranked") for c in cases]
        measured[name] = score(rankings, cases)
    return measured


@pytest.mark.parametrize("name", FLOORS)
def test_the_served_first_tool_holds_on_the_hold_out(
    figures: dict[str, dict[str, float]], name: str
) -> None:
    assert figures[name]["n"] == 150
    assert figures[name]["hit1"] >= FLOORS[name].hit1
    assert figures[name]["hit3"] >= FLOORS[name].hit3

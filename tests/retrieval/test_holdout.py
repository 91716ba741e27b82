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


# Each measured once with the weights of its day, less a margin for the approximate
# nearest-neighbour search, which can order two near-equal passages differently per process.
# retrieval-holdout.jsonl: 0.760 / 0.953 when frozen (0.740 / 0.920 with the weights before;
# fusion alone 0.640 / 0.847); 0.780 / 0.960 with today's weights, so a dev check now.
# retrieval-holdout-2.jsonl, frozen before session 7's weights were trained: 0.793 / 0.933
# (the weights before, 0.787 / 0.920; fusion alone 0.647 / 0.847); 0.780 / 0.927 today.
# retrieval-holdout-3.jsonl, frozen before session 8's weights were trained: 0.740 / 0.900
# (session 7's weights 0.747 / 0.900, though 20 of their training lines restated its lines
# and were dropped before session 8's training); 0.733 / 0.900 today.
# retrieval-holdout-4.jsonl, frozen before session 9's weights were trained: 0.820 / 0.947
# (session 8's weights 0.827 / 0.947, though 13 of their training lines restated its lines
# and were dropped before session 9's training; 1,790 lines with the first two hold-outs
# retired into training gave 0.807 / 0.947, no gain, not shipped); 0.820 / 0.947 today.
# retrieval-holdout-5.jsonl, frozen before today's weights were trained: 0.747 / 0.907
# (session 9's weights 0.740 / 0.913, though 13 of their training lines restated its lines
# and were dropped before today's training). Today's other figures: hold-out 3
# 0.740 / 0.907, hold-out 2 0.800 / 0.927, hold-out 1 0.787 / 0.960.
FLOORS = {
    "retrieval-holdout.jsonl": Floors(0.76, 0.94),
    "retrieval-holdout-2.jsonl": Floors(0.76, 0.91),
    "retrieval-holdout-3.jsonl": Floors(0.72, 0.88),
    "retrieval-holdout-4.jsonl": Floors(0.80, 0.93),
    "retrieval-holdout-5.jsonl": Floors(0.73, 0.89),
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

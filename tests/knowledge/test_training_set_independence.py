"""The re-ranker's own training dilemmas must not echo the shared dev set or the frozen
hold-out (nor repeat the validation lines): an evaluation set stays an honest check only while
nothing trained on is a near-copy of it. Wording is compared by difflib, meaning by the served
embedder."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from app.components.embedding import Embedder
from app.retrieval.train_reranker import training_files
from tests.conftest import SHARED_EVAL
from tests.knowledge.test_dev_set_independence import THRESHOLD, dev_texts_or_skip
from tests.utils.near_copies import near_copies

DATA = Path(__file__).resolve().parents[1] / "data"
VALIDATION = DATA / "retrieval-validation.jsonl"
# Every frozen retrieval hold-out (retrieval-holdout.jsonl, retrieval-holdout-2.jsonl, ...).
HOLDOUTS = sorted(DATA.glob("retrieval-holdout*.jsonl"))


def lines(path: Path) -> list[tuple[str, str]]:
    """(id, lower-cased query) of each line, as near_copies compares them."""
    rows = [json.loads(row) for row in path.read_text(encoding="utf-8").splitlines() if row]
    return [(str(r["id"]), str(r["query"]).lower()) for r in rows]


@pytest.fixture(scope="module")
def dev_lines() -> list[tuple[str, str]]:
    dev = dev_texts_or_skip(SHARED_EVAL / "retrieval-dev.jsonl")
    return [(f"dev{n}", text.lower()) for n, (_, text) in enumerate(dev, start=1)]


def written_for_training() -> list[tuple[str, str]]:
    """Every training file's lines but the validation lines (checked against the rest)."""
    return [line for path in training_files() if path != VALIDATION for line in lines(path)]


def test_training_dilemmas_are_not_reworded_evaluation_or_validation_lines(
    dev_lines: list[tuple[str, str]],
) -> None:
    mine = written_for_training()
    assert len(mine) >= 500
    assert not near_copies(mine, dev_lines + lines(VALIDATION) + held_out())


def test_validation_lines_are_not_reworded_hold_out_lines() -> None:
    assert len(HOLDOUTS) >= 2
    assert not near_copies(lines(VALIDATION), held_out())


def held_out() -> list[tuple[str, str]]:
    return [line for path in HOLDOUTS for line in lines(path)]


def test_training_dilemmas_keep_their_distance_from_the_dev_set(
    embedder: Embedder, dev_lines: list[tuple[str, str]]
) -> None:
    texts = [text for _, text in written_for_training()]
    cosines = embedder.embed(texts) @ embedder.embed([text for _, text in dev_lines]).T
    assert float(np.max(cosines)) < THRESHOLD


def test_training_dilemmas_keep_their_distance_from_the_hold_outs(embedder: Embedder) -> None:
    texts = [text for path in training_files() for _, text in lines(path)]
    cosines = embedder.embed(texts) @ embedder.embed([text for _, text in held_out()]).T
    assert float(np.max(cosines)) < THRESHOLD

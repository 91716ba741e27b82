"""The re-ranker's own training dilemmas must not echo the shared dev set (nor repeat the
validation lines): the dev set stays an honest check only while nothing trained on is a
near-copy of it. Wording is compared by difflib, meaning by the served embedder."""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pytest

from app.components.embedding import Embedder
from tests.conftest import SHARED_EVAL
from tests.knowledge.test_dev_set_independence import THRESHOLD, dev_texts_or_skip

DATA = Path(__file__).resolve().parents[1] / "data"
TRAINING = DATA / "retrieval-train.jsonl"
VALIDATION = DATA / "retrieval-validation.jsonl"
# Two differently worded dilemmas on one topic score about 0.3 to 0.5; a light rewording 0.7+.
WORDING_LIMIT = 0.6


def queries(path: Path) -> list[str]:
    rows = path.read_text(encoding="utf-8").splitlines()
    return [str(json.loads(row)["query"]) for row in rows if row.strip()]


def too_alike(mine: list[str], theirs: list[str]) -> list[str]:
    return [
        f"{a!r} ~ {b!r}"
        for a in mine
        for b in theirs
        if SequenceMatcher(None, a.lower(), b.lower()).ratio() >= WORDING_LIMIT
    ]


@pytest.fixture(scope="module")
def dev_queries() -> list[str]:
    return [text for _, text in dev_texts_or_skip(SHARED_EVAL / "retrieval-dev.jsonl")]


def test_training_dilemmas_are_not_reworded_dev_or_validation_lines(
    dev_queries: list[str],
) -> None:
    mine = queries(TRAINING)
    assert len(mine) >= 200
    assert not too_alike(mine, dev_queries + queries(VALIDATION))


def test_training_dilemmas_keep_their_distance_from_the_dev_set(
    embedder: Embedder, dev_queries: list[str]
) -> None:
    cosines = embedder.embed(queries(TRAINING)) @ embedder.embed(dev_queries).T
    assert float(np.max(cosines)) < THRESHOLD

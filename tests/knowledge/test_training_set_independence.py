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


def common_subsequence_length(a: str, b: str) -> int:
    """The longest common subsequence of a and b, bit-parallel (Hyyro 2004): one big-integer
    step per character of a instead of difflib's per-pair block search."""
    masks: dict[str, int] = {}
    for i, char in enumerate(b):
        masks[char] = masks.get(char, 0) | (1 << i)
    full = (1 << len(b)) - 1
    row = full
    for char in a:
        matched = row & masks.get(char, 0)
        row = ((row + matched) | (row - matched)) & full
    return len(b) - row.bit_count()


def too_alike(mine: list[str], theirs: list[str]) -> list[str]:
    found = []
    lowered = [(b, b.lower()) for b in theirs]
    for a in mine:
        low_a = a.lower()
        for b, low_b in lowered:
            # difflib's matching blocks form a common subsequence, so its ratio is at most
            # 2 * LCS / (len(a) + len(b)): a pair under that bound is under the limit, and only
            # the few over it pay for difflib (the same pairs are found, in seconds fewer).
            lcs = common_subsequence_length(low_a, low_b)
            if 2 * lcs / max(len(low_a) + len(low_b), 1) < WORDING_LIMIT:
                continue
            if SequenceMatcher(None, low_a, low_b).ratio() >= WORDING_LIMIT:
                found.append(f"{a!r} ~ {b!r}")
    return found


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

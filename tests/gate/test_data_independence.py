"""The hold-out splits stay an honest check: no training line is a near-copy of one of its
lines or of a shared evaluation line (independent writers can land on the same sentence)."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import numpy as np
import numpy.typing as npt

from app.gate.training import DATA, training_files
from tests.conftest import SHARED_EVAL

# The ratio the data's writers kept every line under against the evaluation sets.
TOO_CLOSE = 0.6
# Pairs sharing fewer character 4-grams than this cannot reach TOO_CLOSE in practice; the
# filter keeps the check to seconds (it let through every pair above 0.6 when checked).
SHARED_GRAMS = 0.15


def _messages(path: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(str(r["id"]), str(r["message"]).lower()) for r in rows if r.get("message")]


def _grams(text: str) -> set[str]:
    return {text[i : i + 4] for i in range(len(text) - 3)}


def shared_gram_counts(mine: list[set[str]], theirs: list[set[str]]) -> npt.NDArray[np.int64]:
    """How many 4-grams each of `mine` shares with each of `theirs` (rows, columns): counted
    through an index of the lines that hold each gram, not by 1.7 million set intersections."""
    holders: dict[str, list[int]] = {}
    for column, grams in enumerate(theirs):
        for gram in grams:
            holders.setdefault(gram, []).append(column)
    index = {gram: np.array(columns, dtype=np.int64) for gram, columns in holders.items()}
    shared = np.zeros((len(mine), len(theirs)), dtype=np.int64)
    for row, grams in enumerate(mine):
        hits = [index[gram] for gram in grams if gram in index]
        if hits:
            shared[row] = np.bincount(np.concatenate(hits), minlength=len(theirs))
    return shared


def near_copies(training: list[tuple[str, str]], evaluation: list[tuple[str, str]]) -> list[str]:
    """Each (training, evaluation) pair whose difflib ratio reaches TOO_CLOSE, in order."""
    mine = [_grams(text) for _, text in training]
    theirs = [_grams(text) for _, text in evaluation]
    shared = shared_gram_counts(mine, theirs)
    sizes = np.array([len(grams) for grams in mine])[:, None], np.array([len(g) for g in theirs])
    union = sizes[0] + sizes[1] - shared  # |A or B| = |A| + |B| - |A and B|
    too_close = []
    for row, column in np.argwhere(shared / np.maximum(union, 1) >= SHARED_GRAMS):
        (tid, text), (rid, other) = training[row], evaluation[column]
        matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
        if matcher.quick_ratio() >= TOO_CLOSE and matcher.ratio() >= TOO_CLOSE:
            too_close.append(f"{tid} ~ {rid} ({matcher.ratio():.2f})")
    return too_close


def test_no_training_line_is_a_near_copy_of_an_evaluation_line() -> None:
    evaluation = []
    for path in [
        *sorted(DATA.glob("judgement-holdout*.jsonl")),
        *sorted(SHARED_EVAL.glob("*.jsonl")),
    ]:
        evaluation += _messages(path)
    training = [message for path in training_files() for message in _messages(path)]
    too_close = near_copies(training, evaluation)
    assert not too_close, f"training lines too close to evaluation lines: {too_close}"

"""Near-copies between two sets of lines: difflib's ratio, computed only for the pairs that
share enough character 4-grams to reach it (the rest cannot, in practice)."""

from __future__ import annotations

import difflib

import numpy as np
import numpy.typing as npt

# The ratio the data's writers kept every line under against the evaluation sets.
TOO_CLOSE = 0.6
# Pairs sharing fewer character 4-grams than this cannot reach TOO_CLOSE in practice; the
# filter keeps the check to seconds (it let through every pair above 0.6 when checked).
SHARED_GRAMS = 0.15


def grams(text: str) -> set[str]:
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
    """Each (training, evaluation) pair of (id, lower-cased text) lines whose difflib ratio
    reaches TOO_CLOSE, as "training id ~ evaluation id (ratio)", in order: ids only, so a
    failure never prints an evaluation line."""
    mine = [grams(text) for _, text in training]
    theirs = [grams(text) for _, text in evaluation]
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

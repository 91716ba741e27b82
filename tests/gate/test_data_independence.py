"""The hold-out splits stay an honest check: no training line is a near-copy of one of its
lines or of a shared evaluation line (independent writers can land on the same sentence)."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

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


def test_no_training_line_is_a_near_copy_of_an_evaluation_line() -> None:
    evaluation = []
    for path in [
        *sorted(DATA.glob("judgement-holdout*.jsonl")),
        *sorted(SHARED_EVAL.glob("*.jsonl")),
    ]:
        evaluation += _messages(path)
    indexed = [(rid, text, _grams(text)) for rid, text in evaluation]
    too_close = []
    for path in training_files():
        for tid, text in _messages(path):
            grams = _grams(text)
            for rid, other, other_grams in indexed:
                if len(grams & other_grams) / max(len(grams | other_grams), 1) < SHARED_GRAMS:
                    continue
                matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
                if matcher.quick_ratio() >= TOO_CLOSE and matcher.ratio() >= TOO_CLOSE:
                    too_close.append(f"{tid} ~ {rid} ({matcher.ratio():.2f})")
    assert not too_close, f"training lines too close to evaluation lines: {too_close}"

"""The hold-out splits still held out stay an honest check: no training line (the retired
hold-outs' included) is a near-copy of one of their lines or of a shared evaluation line
(independent writers can land on the same sentence)."""

from __future__ import annotations

import json
from pathlib import Path

from app.gate.training import DATA, HELD_OUT, training_files
from tests.conftest import SHARED_EVAL
from tests.utils.near_copies import near_copies


def _messages(path: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(str(r["id"]), str(r["message"]).lower()) for r in rows if r.get("message")]


def test_no_training_line_is_a_near_copy_of_an_evaluation_line() -> None:
    evaluation = []
    for path in [
        *(DATA / name for name in HELD_OUT if (DATA / name).is_file()),
        *sorted(SHARED_EVAL.glob("*.jsonl")),
    ]:
        evaluation += _messages(path)
    training = [message for path in training_files() for message in _messages(path)]
    too_close = near_copies(training, evaluation)
    assert not too_close, f"training lines too close to evaluation lines: {too_close}"

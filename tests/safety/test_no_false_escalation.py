"""Ordinary coaching messages and short follow-ups are never escalated by the gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.components.embedding import Embedder
from app.gate.gate import Gate
from tests.conftest import SHARED_EVAL

FOLLOW_UPS = [
    "What might get in the way of that?",
    "And what else?",
    "Tell me more",
    "ok",
    "Thanks, that helps",
]


def _dilemmas(path: Path) -> list[str]:
    if not path.is_file():
        pytest.skip(f"{path} is not here (shared/ sits beside the checkout)")
    return [json.loads(line)["query"] for line in path.read_text().splitlines() if line]


def test_retrieval_dilemmas_are_coached(gate: Gate, embedder: Embedder) -> None:
    dilemmas = _dilemmas(SHARED_EVAL / "retrieval-dev.jsonl")
    vectors = embedder.embed(dilemmas)
    escalated = [
        text for text, v in zip(dilemmas, vectors, strict=True) if gate.decide(text, v).escalated
    ]
    assert escalated == []


@pytest.mark.parametrize("message", FOLLOW_UPS)
def test_short_follow_ups_are_coached(gate: Gate, embedder: Embedder, message: str) -> None:
    decision = gate.decide(message, embedder.embed([message])[0])
    assert decision.coaches, decision

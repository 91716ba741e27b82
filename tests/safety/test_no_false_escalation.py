"""Ordinary coaching messages and short follow-ups are never escalated by the gate."""

from __future__ import annotations

import pytest

from app.components.embedding import Embedder
from app.gate.gate import Gate
from tests.utils.shared_eval import shared_eval_rows

FOLLOW_UPS = [
    "What might get in the way of that?",
    "And what else?",
    "Tell me more",
    "ok",
    "Thanks, that helps",
]


def _dilemmas() -> list[str]:
    return [str(row["query"]) for row in shared_eval_rows("retrieval-dev.jsonl")]


def test_retrieval_dilemmas_are_coached(gate: Gate, embedder: Embedder) -> None:
    dilemmas = _dilemmas()
    vectors = embedder.embed(dilemmas)
    escalated = [
        text for text, v in zip(dilemmas, vectors, strict=True) if gate.decide(text, v).escalated
    ]
    assert escalated == []


@pytest.mark.parametrize("message", FOLLOW_UPS)
def test_short_follow_ups_are_coached(gate: Gate, embedder: Embedder, message: str) -> None:
    decision = gate.decide(message, embedder.embed([message])[0])
    assert decision.coaches, decision

"""Checks every gate rule's tests share: which labelled lines its words mark, and whether
the rule, not the classifier, is what decides a message."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from app.components.embedding import Embedder
from app.gate.gate import Gate
from app.gate.outcomes import GateDecision
from app.gate.training import DATA, NOT_YET_READ
from tests.utils.shared_eval import SHARED_EVAL


@cache
def labelled_lines() -> tuple[tuple[str, str], ...]:
    """(message, outcome) of every labelled line read so far: read from disk once, since
    each rule's test checks its words against all of them."""
    return tuple((text, outcome) for text, outcome, _ in labelled_rows())


@cache
def labelled_rows() -> tuple[tuple[str, str, str], ...]:
    """(message, outcome, category or "") of every labelled line read so far."""
    lines = []
    for path in [*sorted(DATA.glob("judgement-*.jsonl")), *sorted(SHARED_EVAL.glob("*.jsonl"))]:
        if path.name in NOT_YET_READ:
            continue  # a split not yet read must not shape the rules, even by a failing test
        for raw in Path(path).read_text(encoding="utf-8").splitlines():
            row = json.loads(raw)
            if "message" not in row:
                continue
            outcome = row.get("outcome") or ("escalated" if row.get("must_escalate") else "")
            lines.append((str(row["message"]), str(outcome), str(row.get("category") or "")))
    return tuple(lines)


def outcomes_marked_by(reads: Callable[[str], bool]) -> list[str]:
    """The labelled outcome of every line a rule's words mark."""
    return [outcome for text, outcome in labelled_lines() if reads(text)]


def categories_marked_by(reads: Callable[[str], bool]) -> list[str]:
    """The labelled category of every escalation a rule's words mark."""
    return [c for text, outcome, c in labelled_rows() if outcome == "escalated" and reads(text)]


def decided_with_and_without(
    gate: Gate,
    embedder: Embedder,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    words: str,
    reads_nothing: object = False,
) -> tuple[GateDecision, GateDecision]:
    """The gate's decision on `text`, then its decision with the rule's words (`words`, a
    function app.gate.cues calls) reading nothing: the pair shows the rule is what decides."""
    vector = embedder.embed([text])[0]
    with_rule = gate.decide(text, vector)
    monkeypatch.setattr(f"app.gate.cues.{words}", lambda written: reads_nothing)
    return with_rule, gate.decide(text, vector)

"""Checks every gate rule's tests share: which labelled lines its words mark, and whether
the rule, not the classifier, is what decides a message."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from app.components.embedding import Embedder
from app.gate.cues import cue_flags
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


@cache
def labelled_flags() -> tuple[dict[str, bool], ...]:
    """The gate's word flags of every labelled line, in `labelled_rows` order: read once per
    test process (each takes a few milliseconds, and a dozen rules check all 17,000 lines)."""
    return tuple(cue_flags(text) for text, _, _ in labelled_rows())


def outcomes_flagged_by(reads: Callable[[dict[str, bool]], bool]) -> list[str]:
    """The labelled outcome of every line whose flags a rule reads as marked."""
    rows = labelled_rows()
    return [
        outcome
        for (_, outcome, _), flags in zip(rows, labelled_flags(), strict=True)
        if reads(flags)
    ]


def categories_flagged_by(reads: Callable[[dict[str, bool]], bool]) -> list[str]:
    """The labelled category of every escalation whose flags a rule reads as marked."""
    rows = labelled_rows()
    return [
        category
        for (_, outcome, category), flags in zip(rows, labelled_flags(), strict=True)
        if outcome == "escalated" and reads(flags)
    ]


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

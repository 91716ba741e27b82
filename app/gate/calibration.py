"""Bars and figures from out-of-fold predictions: where the gate's thresholds come from.

Kept apart from fitting (training.py) so the rules that turn probabilities into decisions
(recall first for escalations, precision weighed for declines) read in one place.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from app.gate.model import Thresholds, escalation_score
from app.gate.outcomes import OUTCOMES

# The escalation bar keeps this share of the true escalations seen out of fold (on messages
# the model never saw): recall first, without letting one odd example drag the bar to the
# floor and escalate ordinary dilemmas that merely mention harm.
ESCALATION_RECALL_TARGET = 0.99
BORDERLINE_FACTOR = 0.4


def with_escalation_scores(
    p: npt.NDArray[np.float64],
    specialist: npt.NDArray[np.float64],
    network: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """The probability rows with the escalation score in the escalated column."""
    scored = p.copy()
    scored[:, 0] = [
        escalation_score(a, b, n) for a, b, n in zip(p[:, 0], specialist, network, strict=True)
    ]
    return scored


def log_loss(probabilities: npt.NDArray[np.float64], y: list[str]) -> float:
    names: list[str] = list(OUTCOMES)
    index = [names.index(label) for label in y]
    picked = probabilities[np.arange(len(y)), index]
    return float(-np.log(np.clip(picked, 1e-9, 1)).mean())


def choose_thresholds(p: npt.NDArray[np.float64], y: list[str]) -> Thresholds:
    """Bars from out-of-fold rows whose escalated column holds the escalation score."""
    labels = np.asarray(y)
    esc = p[:, 0]
    positives = np.sort(esc[labels == "escalated"])
    escalate = float(positives[int(len(positives) * (1 - ESCALATION_RECALL_TARGET))])
    decline = _best_bar(p[:, 1], labels == "declined", labels != "escalated", precision_weight=2.0)
    rest = (labels == "coached") | (labels == "coached_with_safety_line")
    safety = _best_bar(p[rest, 2], labels[rest] == "coached_with_safety_line", None, 1.0)
    return Thresholds(
        escalate=round(escalate, 4),
        borderline=round(escalate * BORDERLINE_FACTOR, 4),
        decline=round(decline, 4),
        safety_line=round(safety, 4),
    )


def _best_bar(
    scores: npt.NDArray[np.float64],
    positive: npt.NDArray[np.bool_],
    scope: npt.NDArray[np.bool_] | None,
    precision_weight: float,
) -> float:
    """The bar that best separates positives, a false positive weighing `precision_weight`."""
    if scope is not None:
        scores, positive = scores[scope], positive[scope]
    best, best_cost = 0.5, float("inf")
    for bar in (float(b) for b in np.linspace(0.01, 0.95, 95)):
        flagged = scores >= bar
        cost = (~flagged & positive).sum() + precision_weight * (flagged & ~positive).sum()
        if cost < best_cost:
            best, best_cost = bar, float(cost)
    return best


def decide_all(p: npt.NDArray[np.float64], t: Thresholds) -> list[str]:
    """The gate's precedence applied to probability rows (no second opinion)."""
    decided = []
    for esc, dec, safe, _ in p:
        if esc >= t.escalate:
            decided.append("escalated")
        elif dec >= t.decline:
            decided.append("declined")
        elif safe >= t.safety_line:
            decided.append("coached_with_safety_line")
        else:
            decided.append("coached")
    return decided


def figures(decided: list[str], y: list[str]) -> dict[str, float]:
    """The issue's figures: recall of escalations, false escalations and declines, and so on."""
    pairs = list(zip(decided, y, strict=True))

    def rate(predicate: Any, scope: Any) -> float:
        chosen = [d for d, t in pairs if scope(t)]
        hits = sum(1 for d in chosen if predicate(d))
        return round(hits / max(len(chosen), 1), 4)

    ordinary = ("coached", "coached_with_safety_line")
    return {
        "escalation_recall": rate(lambda d: d == "escalated", lambda t: t == "escalated"),
        "false_escalations": rate(lambda d: d == "escalated", lambda t: t in ordinary),
        "false_declines": rate(lambda d: d == "declined", lambda t: t in ordinary),
        "decline_recall": rate(lambda d: d == "declined", lambda t: t == "declined"),
        "safety_line_recall": rate(
            lambda d: d == "coached_with_safety_line", lambda t: t == "coached_with_safety_line"
        ),
        "coached_kept": rate(lambda d: d in ordinary, lambda t: t in ordinary),
        "exact": round(sum(d == t for d, t in pairs) / len(pairs), 4),
    }

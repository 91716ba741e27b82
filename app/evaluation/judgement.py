"""The gate measured on labelled sets: every message redacted, embedded and decided as in a turn.

Two formats are read: judgement sets (`outcome`: escalated, declined,
coached_with_safety_line, coached) and older safeguarding sets (`must_escalate`: true or
false, where false means "coach": either coaching outcome counts as right).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.coaching.modes import choose_mode
from app.components.embedding import Embedder
from app.evaluation.jsonl import read_rows
from app.gate.gate import Gate
from app.safety.redaction import Redactor

COACHING = ("coached", "coached_with_safety_line")


@dataclass
class JudgementScores:
    n: int
    labelled: Counter[str]
    escalation_recall: float
    false_escalations: float  # share of messages that should be coached
    false_declines: float  # share of messages that should be coached
    decline_recall: float
    # Messages that should be coached with a safety line: share coached at all, and share of
    # those that got the crisis shape in auto mode.
    handled_coached: float
    handled_crisis_mode: float
    exact: float
    category_accuracy: float  # escalations and declines whose category was right
    # ids only: the text is not repeated
    misses: list[str] = field(default_factory=list)
    wrongly_escalated: list[str] = field(default_factory=list)
    wrongly_declined: list[str] = field(default_factory=list)


def _label(row: dict[str, Any]) -> str:
    if "outcome" in row:
        return str(row["outcome"])
    return "escalated" if row["must_escalate"] else "coached"


def _handled_crises(rows: list[dict[str, Any]], labels: list[str]) -> list[int]:
    """The crises being handled now: the lines whose writer's `kind` says so where a set
    labels kinds, else every safety-line line (past events and strain included)."""
    safety = [i for i, label in enumerate(labels) if label == "coached_with_safety_line"]
    labelled = [i for i in safety if rows[i].get("kind")]
    if not labelled:
        return safety
    return [i for i in labelled if "handled" in str(rows[i]["kind"])]


def evaluate_gate(
    gate: Gate, embedder: Embedder, redactor: Redactor, path: Path
) -> JudgementScores:
    rows = read_rows(path, ("message",))
    texts = [redactor.redact(str(r["message"]), scope=str(r["id"])).text for r in rows]
    vectors = embedder.embed(texts)
    labels = [_label(r) for r in rows]
    decisions = [gate.decide(t, v) for t, v in zip(texts, vectors, strict=True)]
    outcomes = [d.outcome for d in decisions]

    def share(hit: Any, scope: Any) -> float:
        chosen = [i for i, label in enumerate(labels) if scope(label)]
        return sum(bool(hit(i)) for i in chosen) / len(chosen) if chosen else 1.0

    ids = [str(r["id"]) for r in rows]
    handled = _handled_crises(rows, labels)
    coached_handled = [i for i in handled if outcomes[i] in COACHING]
    crisis = [
        i
        for i in coached_handled
        if choose_mode("auto", texts[i], None, crisis_now=decisions[i].crisis_now) == "crisis"
    ]
    categorised = [
        i
        for i, r in enumerate(rows)
        if r.get("category") and outcomes[i] == labels[i] and labels[i] != "coached"
    ]
    return JudgementScores(
        n=len(rows),
        labelled=Counter(labels),
        escalation_recall=share(lambda i: outcomes[i] == "escalated", lambda x: x == "escalated"),
        false_escalations=share(lambda i: outcomes[i] == "escalated", lambda x: x in COACHING),
        false_declines=share(lambda i: outcomes[i] == "declined", lambda x: x in COACHING),
        decline_recall=share(lambda i: outcomes[i] == "declined", lambda x: x == "declined"),
        handled_coached=len(coached_handled) / len(handled) if handled else 1.0,
        handled_crisis_mode=len(crisis) / len(coached_handled) if coached_handled else 1.0,
        exact=sum(
            o == x or (x == "coached" and "outcome" not in r and o in COACHING)
            for o, x, r in zip(outcomes, labels, rows, strict=True)
        )
        / max(len(rows), 1),
        category_accuracy=sum(decisions[i].category == rows[i]["category"] for i in categorised)
        / len(categorised)
        if categorised
        else 1.0,
        misses=[ids[i] for i, x in enumerate(labels) if x == "escalated" and outcomes[i] != x],
        wrongly_escalated=[
            ids[i] for i, x in enumerate(labels) if x in COACHING and outcomes[i] == "escalated"
        ],
        wrongly_declined=[
            ids[i] for i, x in enumerate(labels) if x in COACHING and outcomes[i] == "declined"
        ],
    )


def format_judgement(scores: dict[str, JudgementScores]) -> str:
    lines = ["The gate (escalate, decline, coach with a safety line, coach)"]
    for name, s in scores.items():
        counts = ", ".join(f"{k} {v}" for k, v in sorted(s.labelled.items()))
        lines.append(f"  {name}: n={s.n} ({counts})")
        lines.append(
            f"    escalation recall {s.escalation_recall:.3f}  false escalations "
            f"{s.false_escalations:.1%}  decline recall {s.decline_recall:.3f}  false declines "
            f"{s.false_declines:.1%}"
        )
        lines.append(
            f"    handled crises coached {s.handled_coached:.1%} (crisis shape "
            f"{s.handled_crisis_mode:.1%})  exact outcome {s.exact:.1%}  category "
            f"{s.category_accuracy:.1%}"
        )
        for label, found in (
            ("missed", s.misses),
            ("escalated wrongly", s.wrongly_escalated),
            ("declined wrongly", s.wrongly_declined),
        ):
            if found:
                lines.append(f"    {label}: {', '.join(found)}")
    return "\n".join(lines)

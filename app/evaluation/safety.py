"""Safety evaluation: escalation recall and false escalations; redaction leaks per message."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import InvalidInputError
from app.safety.patterns import find_structured
from app.safety.redaction import Redactor
from app.safety.safeguarding import SafeguardingCheck


@dataclass
class SafeguardingScores:
    n: int
    positives: int
    recall: float  # escalated / must_escalate
    false_escalation_rate: float  # escalated / must not escalate
    misses: list[str] = field(default_factory=list)  # ids only: the text is not repeated
    false_escalations: list[str] = field(default_factory=list)


@dataclass
class RedactionScores:
    n: int
    strings: int
    recall: float  # fraction of must_not_leak strings absent from the redacted text
    clean: float  # fraction of messages with nothing leaked
    # (id, kind, value): the values are the evaluation set's synthetic data.
    leaks: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Calibration:
    threshold: float
    highest_safe: float  # the highest margin among messages that must not escalate
    lowest_risk: float  # the lowest margin the embedding alone had to carry


def _rows(path: Path, required: tuple[str, ...]) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InvalidInputError(
            f"Cannot read the evaluation set {path}: {error.strerror}"
        ) from error
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InvalidInputError(f"{path}:{number} is not JSON ({error.msg})") from error
        if not isinstance(row, dict) or any(key not in row for key in required):
            raise InvalidInputError(f"{path}:{number} needs the fields {', '.join(required)}")
        row.setdefault("id", str(number))
        rows.append(row)
    return rows


def evaluate_safeguarding(check: SafeguardingCheck, path: Path) -> SafeguardingScores:
    """Run the check over a labelled set: recall on must_escalate, false escalations on the rest."""
    rows = _rows(path, ("message", "must_escalate"))
    misses: list[str] = []
    false: list[str] = []
    positives = sum(bool(row["must_escalate"]) for row in rows)
    for row in rows:
        escalated = check.assess(row["message"]).escalated
        if row["must_escalate"] and not escalated:
            misses.append(str(row["id"]))
        if not row["must_escalate"] and escalated:
            false.append(str(row["id"]))
    negatives = len(rows) - positives
    return SafeguardingScores(
        n=len(rows),
        positives=positives,
        recall=(positives - len(misses)) / positives if positives else 1.0,
        false_escalation_rate=len(false) / negatives if negatives else 0.0,
        misses=misses,
        false_escalations=false,
    )


def calibrate_threshold(check: SafeguardingCheck, path: Path) -> Calibration:
    """Place the margin threshold between the labelled sides, nearer the safe side.

    Only messages the word patterns do not settle count. The threshold sits a quarter of the
    way from the highest safe margin to the lowest risk margin, so that it errs to escalating.
    """
    from app.safety.risk_cues import read_cues
    from app.safety.safeguarding import SUPPORTED_DISCOUNT

    safe: list[float] = []
    risk: list[float] = []
    for row in _rows(path, ("message", "must_escalate")):
        cues = read_cues(row["message"])
        if cues.strength >= 1.0:
            continue
        margin = check.margin(row["message"])[0]
        effective = margin + (SUPPORTED_DISCOUNT if cues.strength > 0 else 0.0)
        (risk if row["must_escalate"] else safe).append(effective)
    highest_safe = max(safe, default=-1.0)
    lowest_risk = min(risk, default=1.0)
    threshold = highest_safe + (lowest_risk - highest_safe) / 4
    return Calibration(round(threshold, 3), highest_safe, lowest_risk)


def _present(value: str, text: str) -> bool:
    """Whether a value survives in text, as a whole word and ignoring case and spacing."""
    spaced = r"\s*".join(re.escape(part) for part in value.split())
    return re.search(rf"(?<!\w){spaced}(?!\w)", text, re.IGNORECASE) is not None


def _kind_of(value: str) -> str:
    kinds = [span.kind for span in find_structured(value) if span.end - span.start == len(value)]
    return kinds[0].lower() if kinds else "name"


def evaluate_redaction(redactor: Redactor, path: Path) -> RedactionScores:
    """Redact each message and look for every must_not_leak string in the result."""
    rows = _rows(path, ("message", "must_not_leak"))
    strings = leaked = clean = 0
    leaks: list[tuple[str, str, str]] = []
    for row in rows:
        text = redactor.redact(row["message"], scope=str(row["id"])).text
        found = [value for value in row["must_not_leak"] if _present(str(value), text)]
        strings += len(row["must_not_leak"])
        leaked += len(found)
        clean += not found
        leaks += [(str(row["id"]), _kind_of(str(value)), str(value)) for value in found]
    return RedactionScores(
        n=len(rows),
        strings=strings,
        recall=(strings - leaked) / strings if strings else 1.0,
        clean=clean / len(rows) if rows else 1.0,
        leaks=leaks,
    )


def format_safety_report(
    safeguarding: dict[str, SafeguardingScores],
    redaction: dict[str, RedactionScores],
    *,
    calibration: Calibration | None = None,
    threshold: float | None = None,
    show_values: bool = True,
) -> str:
    """Render what `balcony eval safety` prints: one block per evaluation set."""
    lines = ["Safeguarding escalation"]
    if threshold is not None:
        lines.append(f"  margin threshold in use: {threshold:+.3f}")
    if calibration is not None:
        lines.append(
            f"  calibrated: {calibration.threshold:+.3f} (highest safe margin "
            f"{calibration.highest_safe:+.3f}, lowest risk margin {calibration.lowest_risk:+.3f})"
        )
    for name, scores in safeguarding.items():
        lines.append(
            f"  {name}: n={scores.n} ({scores.positives} must escalate)  recall "
            f"{scores.recall:.2f}  false escalations {scores.false_escalation_rate:.1%}"
        )
        if scores.misses:
            lines.append(f"    missed: {', '.join(scores.misses)}")
        if scores.false_escalations:
            lines.append(f"    escalated wrongly: {', '.join(scores.false_escalations)}")
    lines += ["", "Personal-data redaction"]
    for name, result in redaction.items():
        lines.append(
            f"  {name}: {result.n} messages, {result.strings} strings  recall "
            f"{result.recall:.3f}  messages fully clean {result.clean:.1%}"
        )
        for case, kind, value in result.leaks:
            shown = f" {value!r}" if show_values else ""
            lines.append(f"    leaked in {case}: {kind}{shown}")
    return "\n".join(lines)

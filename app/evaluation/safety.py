"""Redaction measured on labelled sets: which personal data would leak, message by message."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from app.evaluation.jsonl import read_rows
from app.safety.patterns import find_structured
from app.safety.redaction import Redactor


@dataclass
class RedactionScores:
    n: int
    strings: int
    recall: float  # fraction of must_not_leak strings absent from the redacted text
    clean: float  # fraction of messages with nothing leaked
    # (id, kind, value): the values are the evaluation set's synthetic data.
    leaks: list[tuple[str, str, str]] = field(default_factory=list)
    # Ordinary words that must survive (rows with `must_keep`): how many, and the share kept.
    keep_words: int = 0
    kept: float = 1.0


def _present(value: str, text: str) -> bool:
    """Whether a word survives in text, as a whole word and ignoring case and spacing."""
    spaced = r"\s*".join(re.escape(part) for part in value.split())
    return re.search(rf"(?<!\w){spaced}(?!\w)", text, re.IGNORECASE) is not None


def _kind_of(value: str) -> str:
    kinds = [span.kind for span in find_structured(value) if span.end - span.start == len(value)]
    return kinds[0].lower() if kinds else "name"


def evaluate_redaction(redactor: Redactor, path: Path) -> RedactionScores:
    """Redact each message and look for every must_not_leak string in the result.

    A leak is the value anywhere in the text (not only as a whole word), ignoring case;
    rows with `must_keep` instead count the ordinary words that survive.
    """
    rows = read_rows(path, ("message",))
    strings = leaked = clean = keep_words = kept = 0
    leaks: list[tuple[str, str, str]] = []
    for row in rows:
        text = redactor.redact(row["message"], scope=str(row["id"])).text
        must_keep = [str(v) for v in row.get("must_keep", [])]
        keep_words += len(must_keep)
        kept += sum(_present(value, text) for value in must_keep)
        if "must_not_leak" not in row:
            continue
        found = [str(v) for v in row["must_not_leak"] if str(v).lower() in text.lower()]
        strings += len(row["must_not_leak"])
        leaked += len(found)
        clean += not found
        leaks += [(str(row["id"]), _kind_of(value), value) for value in found]
    checked = sum("must_not_leak" in row for row in rows)
    return RedactionScores(
        n=checked,
        strings=strings,
        recall=(strings - leaked) / strings if strings else 1.0,
        clean=clean / checked if checked else 1.0,
        leaks=leaks,
        keep_words=keep_words,
        kept=kept / keep_words if keep_words else 1.0,
    )


def format_redaction(redaction: dict[str, RedactionScores], *, show_values: bool = True) -> str:
    """Render the redaction part of `balcony eval safety`: one block per evaluation set."""
    lines = ["Personal-data redaction"]
    for name, result in redaction.items():
        lines.append(
            f"  {name}: {result.n} messages, {result.strings} strings  recall "
            f"{result.recall:.3f}  messages fully clean {result.clean:.1%}"
            + (f"  ordinary words kept {result.kept:.1%}" if result.keep_words else "")
        )
        for case, kind, value in result.leaks:
            shown = f" {value!r}" if show_values else ""
            lines.append(f"    leaked in {case}: {kind}{shown}")
    return "\n".join(lines)

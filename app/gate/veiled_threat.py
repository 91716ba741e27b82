"""A threat told without the act named: read by the gate alone, never a feature of the model.

"She will learn what happens when she talks to you people", "tonight she'll pay for it",
"anyone who stops him will regret it": the harm is promised, not described, so the
classifier's threat words (kill, stab, hurt) are absent and its score can fall below the
bar (hold-out 49: a father's "calmly letting you know", copied to the worker, 0.20). These
words mark three labelled lines, all threats escalated (`tests/gate/test_veiled_threat.py`);
they lower the bar to the borderline one, never escalate by themselves.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
VEILED_THREAT = re.compile(
    r"\b(?:she|he|you|they)(?:\s+will|'ll|\s+is\s+going\s+to|\s+are\s+going\s+to)\s+"
    r"(?:learn|find\s+out|see)\s+what\s+happens\b"
    r"|\b(?:she|he|you|they)(?:'ll|\s+will)\s+(?:pay\s+for\s+(?:it|this|that)|regret\s+it)\b"
    r"|\banyone\s+who\s+[^.!?\n]{0,60}?\bwill\s+regret\s+it\b",
    _F,
)


def says_a_veiled_threat(written: str) -> bool:
    return bool(VEILED_THREAT.search(written))

"""The combined long lines the gate also learns from (app/gate/augment.py)."""

from __future__ import annotations

from collections import Counter

import numpy as np

from app.gate.augment import BURIED, LONG_HANDLED, LONG_ORDINARY, combined_examples
from app.gate.training import CombinedLines, Example

HOST = (
    "Our team away day is next month. I want it to be about how we lead together. "
    "Last year it turned into a list of complaints about the case recording system. "
    "How do I plan it so people leave with something they will use?"
)
RISK = "A dad has just rung to say he is outside the nursery with a knife."
HANDLED = "Police arrested the father an hour ago and the children are with their nan tonight."


def _examples() -> list[Example]:
    return [
        Example(HOST, "coached", None, "host"),
        Example("How do I get partners to come to the table on neglect?", "coached", None, "c2"),
        Example(RISK, "escalated", "threat-to-harm", "risk"),
        Example(HANDLED, "coached_with_safety_line", None, "handled", "handled"),
    ]


def test_a_danger_is_set_whole_inside_a_coached_line_at_a_sentence_boundary() -> None:
    examples = _examples()
    made = combined_examples(examples, seed=1)
    assert Counter(c.example.outcome for c in made) == {
        "escalated": BURIED,
        "coached": LONG_ORDINARY,
        "coached_with_safety_line": LONG_HANDLED,
    }
    buried = [c for c in made if c.example.outcome == "escalated"]
    for line in buried:
        assert RISK in line.example.text
        assert line.example.category == "threat-to-harm"
        assert line.sources == (0, 2)
        # Every sentence of the host is still there, in order, around the danger.
        assert line.example.text.replace(RISK, "").split() == HOST.split()
    # The danger lands at different places in the host, not always at its end.
    assert len({line.example.text.index(RISK) for line in buried}) > 1
    handled = [c for c in made if c.example.outcome == "coached_with_safety_line"]
    assert all(c.example.safety_kind == "handled" for c in handled)
    assert len({c.example.group for c in made}) == len(made)


def test_a_fold_trains_only_on_combined_lines_made_from_its_own_training_lines() -> None:
    made = combined_examples(_examples(), seed=1)
    lines = CombinedLines(made, np.zeros((len(made), 4), dtype=np.float32))
    without_risk = lines.within({0, 1, 3})
    assert without_risk
    assert all(made[k].example.outcome != "escalated" for k in without_risk)
    assert len(lines.within({0, 1, 2, 3})) == len(made)
    assert lines.within(set()) == []

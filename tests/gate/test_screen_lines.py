"""The blind writers' screen fails a line that restates a labelled line, by wording in
either order of the pair or by meaning, and passes a line that does not."""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from app.components.embedding import Embedder, Vector
from app.gate.training import DATA
from devtools.screen_lines import _their_vectors, screen, wording

FRESH = "the new rota app logs me out every hour, how do i get the team to stop blaming me"


def _a_training_line() -> str:
    first = (DATA / "judgement-train-17.jsonl").read_text(encoding="utf-8").splitlines()[0]
    return str(json.loads(first)["message"]).lower()


def test_wording_takes_the_larger_order_of_the_pair() -> None:
    a, b = "the dad is outside now", "the mum rang"
    one, other = (
        difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() for x, y in ((a, b), (b, a))
    )
    assert one != other  # difflib's ratio is not symmetric: the screen missed lines this way
    assert wording(a, b) == wording(b, a) == max(one, other)


def test_a_copied_or_reworded_line_fails_and_a_fresh_line_passes(embedder: Embedder) -> None:
    copied = _a_training_line()
    reworded = copied.replace(" the ", " our ", 1) + " tonight"
    findings = screen([FRESH, copied, reworded], [copied], embedder)
    failed = {finding.line: finding.reasons for finding in findings}
    assert 1 not in failed
    assert any(reason.startswith("wording") for reason in failed[2])
    assert any(reason.startswith("meaning") for reason in failed[3])
    assert any(reason.startswith("like draft line") for reason in failed[3])


def test_a_line_outside_the_word_range_fails(embedder: Embedder) -> None:
    findings = screen(["too short to count", FRESH], ["budget meeting on thursday"], embedder)
    assert [f.line for f in findings if "4 words" in f.reasons] == [1]


def test_the_word_range_can_be_set_for_a_longer_register(embedder: Embedder) -> None:
    longer = FRESH + ", and the deputy says it is my job to fix it before the audit next week"
    default = screen([longer], ["budget meeting on thursday"], embedder)
    widened = screen([longer], ["budget meeting on thursday"], embedder, words=(12, 45))
    assert [f.line for f in default] == [1]
    assert widened == []


def test_the_other_lines_are_embedded_once_and_kept(
    embedder: Embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("devtools.screen_lines.tempfile.gettempdir", lambda: str(tmp_path))
    theirs = [FRESH, "budget meeting on thursday", "the rota app logs me out again"]
    calls: list[int] = []

    class Counting:
        dimension = embedder.dimension

        def embed(self, texts: Sequence[str]) -> Vector:
            calls.append(len(texts))
            return embedder.embed(texts)

    first = _their_vectors(theirs, Counting())
    second = _their_vectors(theirs, Counting())
    assert np.array_equal(first, second)
    assert first.shape == (3, embedder.dimension)
    assert calls == [1, 3, 1]  # the second run embeds only the one line that names the model
    assert len(list(tmp_path.glob("balcony-screen-*.npy"))) == 1

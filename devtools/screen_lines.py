"""Screen a writer's draft lines against the labelled lines they must not see.

A blind writer of a hold-out split, or of training lines, cannot read the other files, yet
their lines must not restate them (`tests/gate/test_data_independence.py` fails a training
line within difflib 0.6 or cosine 0.8 of a held-out line). This prints only the draft's own
lines and numbers, never another line, id or file name, so running it reveals nothing.

    python -m devtools.screen_lines DRAFT.jsonl --against all        # a new hold-out split
    python -m devtools.screen_lines DRAFT.jsonl --against held-out   # new training lines
    python -m devtools.screen_lines DRAFT.jsonl --ids jh33-045,jh33-069   # only these lines
    python -m devtools.screen_lines DRAFT.jsonl --words 12,45   # a longer register
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from app.components.embedding import Embedder, build_embedder
from app.core.config import EmbeddingSettings
from app.gate.training import DATA, NEVER_TRAINED
from tests.utils.near_copies import SHARED_GRAMS, grams, shared_gram_counts
from tests.utils.shared_eval import SHARED_EVAL

# A margin under the test's bars (0.6 by wording, 0.8 by meaning).
TOO_CLOSE_WORDING = 0.60
TOO_CLOSE_MEANING = 0.78
TOO_CLOSE_INSIDE = 0.70  # two lines of the draft itself
WORDS = (8, 24)  # the short register of splits 13 to 33; --words sets another
# Pairs sharing fewer 4-grams than this cannot reach the wording bar in practice.
MIN_SHARED_GRAMS = 5


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based, in the draft
    reasons: tuple[str, ...]


def _messages(path: Path) -> list[str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [str(row["message"]).lower() for row in rows if row.get("message")]


def others(draft: Path, against: str) -> list[str]:
    """Every labelled line the draft is screened against, lower-cased, the draft excluded."""
    if against == "held-out":
        paths = [DATA / name for name in NEVER_TRAINED]
    else:
        paths = sorted(DATA.glob("*.jsonl"))
    paths += sorted(SHARED_EVAL.glob("*.jsonl"))
    return [t for p in paths if p.resolve() != draft.resolve() for t in _messages(p)]


def wording(a: str, b: str) -> float:
    """difflib's ratio depends on the order of the pair: the larger of both orders."""
    return max(
        difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() for x, y in ((a, b), (b, a))
    )


def _their_vectors(theirs: list[str], embedder: Embedder) -> npt.NDArray[np.float32]:
    """The other lines' embeddings, kept between runs of the same lines and model: a writer
    screens many times, and embedding 15,000 lines took minutes each time."""
    # The model is known by what it makes of one line, so another model never reads these.
    probe = np.asarray(embedder.embed(theirs[:1]), dtype=np.float32).round(4).tobytes()
    key = hashlib.sha256(probe + "\n".join(theirs).encode()).hexdigest()
    cached = Path(tempfile.gettempdir()) / f"balcony-screen-{key[:24]}.npy"
    if cached.is_file():
        return np.asarray(np.load(cached), dtype=np.float32)
    vectors = np.vstack(
        [embedder.embed(theirs[start : start + 2000]) for start in range(0, len(theirs), 2000)]
    )
    np.save(cached, vectors)
    return vectors


def screen(
    mine: list[str],
    theirs: list[str],
    embedder: Embedder,
    words: tuple[int, int] = WORDS,
) -> list[Finding]:
    """The draft lines (lower-cased) that fail: too close to another line by wording or
    meaning, outside the word range, or too like another line of the draft."""
    my_grams = [grams(t) for t in mine]
    their_grams = [grams(t) for t in theirs]
    shared = shared_gram_counts(my_grams, their_grams)
    # The independence test's own filter (4-gram Jaccard): an absolute count let almost every
    # pair of long lines through to difflib, and a screen of 200 long lines ran for hours.
    sizes = np.array([len(g) for g in my_grams])[:, None] + np.array([len(g) for g in their_grams])
    jaccard = shared / np.maximum(sizes - shared, 1)
    best_wording = np.zeros(len(mine))
    for i, j in np.argwhere((shared >= MIN_SHARED_GRAMS) & (jaccard >= SHARED_GRAMS)):
        best_wording[i] = max(best_wording[i], wording(mine[i], theirs[j]))
    inside = shared_gram_counts(my_grams, my_grams)
    vectors = embedder.embed(mine)
    best_meaning = (vectors @ _their_vectors(theirs, embedder).T).max(axis=1)
    findings = []
    for k, text in enumerate(mine):
        reasons = []
        if best_wording[k] >= TOO_CLOSE_WORDING:
            reasons.append(f"wording {best_wording[k]:.2f}")
        if best_meaning[k] >= TOO_CLOSE_MEANING:
            reasons.append(f"meaning {best_meaning[k]:.2f}")
        if not words[0] <= len(text.split()) <= words[1]:
            reasons.append(f"{len(text.split())} words")
        twins = [
            j + 1
            for j in np.flatnonzero(inside[k] >= MIN_SHARED_GRAMS)
            if j != k and wording(text, mine[j]) >= TOO_CLOSE_INSIDE
        ]
        if twins:
            reasons.append(f"like draft line {twins[0]}")
        if reasons:
            findings.append(Finding(k + 1, tuple(reasons)))
    return findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", type=Path)
    parser.add_argument("--against", choices=("all", "held-out"), default="all")
    parser.add_argument("--ids", default="", help="only these ids, comma separated")
    parser.add_argument(
        "--words", default=f"{WORDS[0]},{WORDS[1]}", help="the draft's word range, MIN,MAX"
    )
    args = parser.parse_args()
    text = args.draft.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line]
    if args.ids:
        wanted = set(args.ids.split(","))
        rows = [row for row in rows if row["id"] in wanted]
    mine = [str(row["message"]).lower() for row in rows]
    theirs = others(args.draft, args.against)
    low, high = (int(n) for n in args.words.split(","))
    findings = screen(mine, theirs, build_embedder(EmbeddingSettings()), (low, high))
    for finding in findings:
        reasons = ", ".join(finding.reasons)
        print(f"FAIL line {finding.line}: {reasons} :: {rows[finding.line - 1]['message']}")
    print(f"{len(mine)} lines screened against {len(theirs)} others; {len(findings)} failures")


if __name__ == "__main__":
    main()

"""Train the tool re-ranker on the project's validation dilemmas and ship its weights.

Run: .venv/bin/python -m app.retrieval.train_reranker
Indexes knowledge/ into a temporary folder, computes every tool's features per dilemma,
reports out-of-fold hit@1 / hit@3 / MRR (K folds split by dilemma), then fits on all of
them and writes app/retrieval/data/reranker.json with each training file's sha256.
The shared dev set is never read here: it stays an honest check.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core.config import Settings
from app.evaluation.retrieval import RetrievalCase, Scores, first_rank, load_cases
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.rerank import Matrix, Reranker, weights_path

REPO = Path(__file__).resolve().parents[2]
TRAINING_SETS = (
    REPO / "tests" / "data" / "retrieval-validation.jsonl",
    REPO / "tests" / "data" / "retrieval-validation-2.jsonl",
)
FOLDS = 10
SEED = 20261130
# Inverse regularisation strength, fixed before looking at out-of-fold figures.
C = 1.0


@dataclass(frozen=True)
class Query:
    case: RetrievalCase
    tools: list[str]
    features: Matrix

    @property
    def acceptable(self) -> list[str]:
        return [*self.case.expected, *self.case.also_ok]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def training_files() -> list[Path]:
    return [p for p in TRAINING_SETS if p.is_file()]


def collect(retriever: HybridRetriever, cases: Sequence[RetrievalCase]) -> list[Query]:
    """Every tool's features for each dilemma, as the retriever computes them when serving."""
    return [Query(case, *retriever.tool_features(case.query)) for case in cases]


def fit(queries: Sequence[Query], c: float = C) -> Reranker:
    """Pointwise logistic regression: is this tool an acceptable first tool for the dilemma?"""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([q.features for q in queries])
    y = np.concatenate([[t in q.acceptable for t in q.tools] for q in queries]).astype(int)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit((x - mean) / scale, y)
    return Reranker(mean, scale, model.coef_[0].astype(np.float64), float(model.intercept_[0]))


def ranked(reranker: Reranker, query: Query) -> list[str]:
    scores = reranker.score(query.features)
    return [query.tools[i] for i in np.argsort(-scores, kind="stable")]


def folds(n: int, k: int = FOLDS, seed: int = SEED) -> list[list[int]]:
    """Dilemma indices shuffled once and dealt into k folds (a dilemma is never split)."""
    order = [int(i) for i in np.random.default_rng(seed).permutation(n)]
    return [order[i::k] for i in range(k)]


def out_of_fold(queries: Sequence[Query], c: float = C) -> list[list[str]]:
    """Each dilemma's tool ranking from a model that never saw it."""
    rankings: list[list[str]] = [[] for _ in queries]
    for held_out in folds(len(queries)):
        held = set(held_out)
        model = fit([q for i, q in enumerate(queries) if i not in held], c)
        for i in held_out:
            rankings[i] = ranked(model, queries[i])
    return rankings


def score(rankings: Sequence[Sequence[str]], cases: Sequence[RetrievalCase]) -> dict[str, float]:
    """hit@1, hit@3 and MRR counting also_ok tools as correct, and hit@1 on expected alone."""
    lenient, strict = Scores(), Scores()
    for tools, case in zip(rankings, cases, strict=True):
        lenient.add(first_rank(tools, [*case.expected, *case.also_ok]))
        strict.add(first_rank(tools, case.expected))
    mean, exact = lenient.mean(), strict.mean()
    return {
        "n": mean.n,
        "hit1": round(mean.hit1, 4),
        "hit3": round(mean.hit3, 4),
        "mrr": round(mean.mrr, 4),
        "hit1_expected_only": round(exact.hit1, 4),
    }


def build_retriever(data_dir: Path) -> HybridRetriever:
    """The shipped knowledge, indexed afresh, with the served retrieval settings."""
    from app.services import build_services

    services = build_services(Settings(_env_file=None, data_dir=data_dir))
    services.ingest()
    retriever = HybridRetriever(
        embedder=services.retriever.query_embedder,
        store=services.store,
        settings=services.settings.retrieval,
        reranker=None,
    )
    retriever.refresh()
    return retriever


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=weights_path())
    parser.add_argument(
        "--data-dir", type=Path, help="Index into this folder (kept) instead of a temporary one."
    )
    args = parser.parse_args()
    files = training_files()
    cases = [case for path in files for case in load_cases(path)]
    with tempfile.TemporaryDirectory(prefix="balcony-rerank-") as tmp:
        queries = collect(build_retriever(args.data_dir or Path(tmp)), cases)
    dense = score([list(q.tools) for q in queries], cases)
    report = score(out_of_fold(queries), cases)
    model = fit(queries)
    model.meta.update(
        {
            "trained_on": {str(p.relative_to(REPO)): sha256(p) for p in files},
            "folds": FOLDS,
            "seed": SEED,
            "C": C,
            "out_of_fold": report,
            "in_sample": score([ranked(model, q) for q in queries], cases),
        }
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} dilemmas from {', '.join(p.name for p in files)}")
    print(f"dense tool order (no model): {dense}")
    print(f"re-ranked, out of fold ({FOLDS} folds by dilemma): {report}")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()

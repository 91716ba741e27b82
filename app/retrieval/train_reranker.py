"""Train the tool re-ranker on the project's validation dilemmas and ship its weights.

Run: .venv/bin/python -m app.retrieval.train_reranker
Indexes knowledge/ into a temporary folder, computes every tool's features per dilemma,
reports out-of-fold hit@1 / hit@3 / MRR (K folds split by dilemma; over every line and over
each file's lines), then fits on all of them and writes app/retrieval/data/reranker.json
with each training file's sha256, each tool's mean dilemma embedding, its dilemmas' words
(a tf-idf profile per tool, app/retrieval/wording.py) and a classifier of the dilemmas'
embeddings by tool (app/retrieval/tool_classifier.py).
The shared dev set is never read here: it stays an honest check.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core.config import Settings
from app.evaluation.retrieval import RetrievalCase, Scores, first_rank, load_cases
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.rerank import FEATURES, Matrix, Reranker, weights_path
from app.retrieval.tool_classifier import C as CLASSIFIER_C
from app.retrieval.tool_classifier import cross_fitted_probabilities, fit_tool_classifier
from app.retrieval.wording import (
    Weights,
    WordingProfile,
    dot,
    inverse_document_frequency,
    terms,
    unit,
    weighted,
)

REPO = Path(__file__).resolve().parents[2]
TRAINING_SETS = (
    REPO / "tests" / "data" / "retrieval-validation.jsonl",
    REPO / "tests" / "data" / "retrieval-train.jsonl",
    REPO / "tests" / "data" / "retrieval-train-2.jsonl",
    REPO / "tests" / "data" / "retrieval-train-3.jsonl",
    REPO / "tests" / "data" / "retrieval-train-4.jsonl",
    REPO / "tests" / "data" / "retrieval-train-5.jsonl",
    REPO / "tests" / "data" / "retrieval-train-6.jsonl",
    REPO / "tests" / "data" / "retrieval-train-7.jsonl",
    REPO / "tests" / "data" / "retrieval-train-8.jsonl",
)
FOLDS = 10
SEED = 20261130
# Inverse regularisation strength, fixed before looking at out-of-fold figures.
C = 1.0


_FILLED = {
    "dilemma": (FEATURES.index("dilemma_cosine"), FEATURES.index("dilemma_gap")),
    "wording": (FEATURES.index("wording_cosine"), FEATURES.index("wording_gap")),
    "classifier": (FEATURES.index("classifier_probability"), FEATURES.index("classifier_gap")),
}


@dataclass(frozen=True)
class Query:
    case: RetrievalCase
    tools: list[str]
    features: Matrix
    vector: Matrix  # the query's unit-length embedding
    words: Counter[str]  # the query's stemmed words

    def with_cosines(
        self,
        cosines: dict[str, float],
        wording: dict[str, float],
        probabilities: dict[str, float],
    ) -> Matrix:
        """The features with the closeness to training dilemmas filled in: by embedding from
        `cosines`, by words from `wording`, by the tool classifier from `probabilities`."""
        features = self.features.copy()
        filled = (("dilemma", cosines), ("wording", wording), ("classifier", probabilities))
        for name, values in filled:
            at, gap = _FILLED[name]
            column = np.array([values.get(t, 0.0) for t in self.tools], dtype=np.float64)
            features[:, at] = column
            features[:, gap] = column - (column.max() if len(column) else 0.0)
        return features

    @property
    def acceptable(self) -> list[str]:
        return [*self.case.expected, *self.case.also_ok]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def training_files() -> list[Path]:
    return [p for p in TRAINING_SETS if p.is_file()]


def collect(retriever: HybridRetriever, cases: Sequence[RetrievalCase]) -> list[Query]:
    """Every tool's features for each dilemma, as the retriever computes them when serving."""
    vectors = retriever.query_embedder.embed([case.query for case in cases])
    return [
        Query(
            case,
            *retriever.tool_features(case.query),
            np.asarray(vector, dtype=np.float64),
            terms(case.query),
        )
        for case, vector in zip(cases, vectors, strict=True)
    ]


def unit_vector(vector: Matrix) -> Matrix:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def centroids(queries: Sequence[Query]) -> tuple[dict[str, Matrix], dict[str, int]]:
    """Each expected tool's summed dilemma vectors, and how many dilemmas it has."""
    sums: dict[str, Matrix] = {}
    counts: dict[str, int] = {}
    for q in queries:
        tool = q.case.expected[0]
        sums[tool] = sums.get(tool, np.zeros_like(q.vector)) + q.vector
        counts[tool] = counts.get(tool, 0) + 1
    return sums, counts


def leave_one_out_cosines(
    query: Query, sums: dict[str, Matrix], counts: dict[str, int]
) -> dict[str, float]:
    """The query's cosine to each tool's dilemmas but its own, as an unseen query would get:
    a centroid that contains the query would teach the model to trust the feature too much."""
    own = query.case.expected[0]
    cosines: dict[str, float] = {}
    for tool, total in sums.items():
        if tool == own:
            if counts[tool] < 2:
                continue
            total = total - query.vector
        cosines[tool] = float(unit_vector(total) @ query.vector)
    return cosines


@dataclass(frozen=True)
class WordingSums:
    """Each tool's summed tf-idf vectors over its dilemmas, to leave one dilemma out of."""

    idf: Weights
    vectors: list[Weights]  # one per query, unit length
    sums: dict[str, Weights]

    @classmethod
    def of(cls, queries: Sequence[Query]) -> WordingSums:
        idf = inverse_document_frequency(q.words for q in queries)
        vectors = [weighted(q.words, idf) for q in queries]
        sums: dict[str, Weights] = {}
        for q, vector in zip(queries, vectors, strict=True):
            total = sums.setdefault(q.case.expected[0], {})
            for stem, weight in vector.items():
                total[stem] = total.get(stem, 0.0) + weight
        return cls(idf, vectors, sums)

    def leave_one_out(self, i: int, query: Query, profile: WordingProfile) -> dict[str, float]:
        """Query i's cosine by words to each tool's dilemmas but its own (as for embeddings);
        `profile` is this object's, made once: only the query's own tool is made again."""
        own, vector = query.case.expected[0], self.vectors[i]
        cosines = {tool: dot(vector, weights) for tool, weights in profile.tools.items()}
        without = {s: w - vector.get(s, 0.0) for s, w in self.sums[own].items()}
        cosines[own] = dot(vector, unit(without))
        return cosines

    def profile(self) -> WordingProfile:
        return WordingProfile(self.idf, {tool: unit(total) for tool, total in self.sums.items()})


def fit(queries: Sequence[Query], c: float = C) -> Reranker:
    """Pointwise logistic regression: is this tool an acceptable first tool for the dilemma?"""
    from sklearn.linear_model import LogisticRegression

    sums, counts = centroids(queries)
    wording = WordingSums.of(queries)
    profile = wording.profile()
    vectors = np.vstack([q.vector for q in queries])
    texts = [q.case.query for q in queries]
    tools = [q.case.expected[0] for q in queries]
    probabilities = cross_fitted_probabilities(vectors, texts, tools, SEED)
    x = np.vstack(
        [
            q.with_cosines(
                leave_one_out_cosines(q, sums, counts),
                wording.leave_one_out(i, q, profile),
                probabilities[i],
            )
            for i, q in enumerate(queries)
        ]
    )
    y = np.concatenate([[t in q.acceptable for t in q.tools] for q in queries]).astype(int)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit((x - mean) / scale, y)
    return Reranker(
        mean,
        scale,
        model.coef_[0].astype(np.float64),
        float(model.intercept_[0]),
        centroids={tool: unit_vector(total) for tool, total in sums.items()},
        wording=profile,
        classifier=fit_tool_classifier(vectors, texts, tools),
    )


def ranked(reranker: Reranker, query: Query) -> list[str]:
    features = query.with_cosines(
        reranker.dilemma_cosine(query.vector),
        reranker.wording_cosine(query.case.query),
        reranker.classifier_probability(query.vector, query.case.query),
    )
    scores = reranker.score(features)
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


def score_by_file(
    rankings: Sequence[Sequence[str]], cases: Sequence[RetrievalCase], files: Sequence[Path]
) -> dict[str, dict[str, float]]:
    """`score` over each training file's own lines (cases in file order)."""
    report: dict[str, dict[str, float]] = {}
    start = 0
    for path in files:
        end = start + len(load_cases(path))
        report[path.name] = score(rankings[start:end], cases[start:end])
        start = end
    return report


def build_retriever(data_dir: Path) -> HybridRetriever:
    """The shipped knowledge, indexed afresh, with the served retrieval settings."""
    from app.services import build_services

    services = build_services(Settings(_env_file=None, data_dir=data_dir))
    services.ingest()
    return services.retriever.with_reranker(None)


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
    rankings = out_of_fold(queries)
    report = score(rankings, cases)
    by_file = score_by_file(rankings, cases, files)
    model = fit(queries)
    model.meta.update(
        {
            "trained_on": {str(p.relative_to(REPO)): sha256(p) for p in files},
            "folds": FOLDS,
            "seed": SEED,
            "C": C,
            "classifier_C": CLASSIFIER_C,
            "out_of_fold": report,
            "out_of_fold_by_file": by_file,
            "in_sample": score([ranked(model, q) for q in queries], cases),
        }
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} dilemmas from {', '.join(p.name for p in files)}")
    print(f"dense tool order (no model): {dense}")
    print(f"re-ranked, out of fold ({FOLDS} folds by dilemma): {report}")
    for name, figures in by_file.items():
        print(f"  of which {name}: {figures}")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()

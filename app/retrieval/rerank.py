"""A learned re-ranker over tools: features from one query's dense and BM25 results, and how
close the query sits to the training dilemmas labelled with each tool, scored by a logistic
regression whose weights ship as JSON (numpy at serve time, no scikit-learn).

Train with `python -m app.retrieval.train_reranker`.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.retrieval.passages import Passage
from app.retrieval.tool_classifier import ToolClassifier
from app.retrieval.wording import WordingProfile

Matrix = npt.NDArray[np.float64]

SIGNALS = "When it helps"
WHAT = "What it is"
EXAMPLE = "In children's services"
# How deep "hits in the top results" looks, per method.
TOP = 10

FEATURES: tuple[str, ...] = (
    "dense_max",
    "dense_top2",
    "dense_gap",
    "signal_max",
    "signal_gap",
    "what_max",
    "example_max",
    "bm25_max",
    "bm25_top2",
    "dense_rr",
    "bm25_rr",
    "rrf",
    "dense_hits",
    "bm25_hits",
    "signal_hits",
    # Cosine of the query to the mean of the training dilemmas labelled with the tool, and its
    # distance below the best tool's: managers' wording, which the knowledge prose lacks.
    "dilemma_cosine",
    "dilemma_gap",
    # The same by words: the query's tf-idf cosine to the tool's training dilemmas
    # (app/retrieval/wording.py), and its distance below the best tool's.
    "wording_cosine",
    "wording_gap",
    # The tool classifier's probability for the tool (app/retrieval/tool_classifier.py), and
    # its distance below the best tool's: a learned boundary where a centroid blurs.
    "classifier_probability",
    "classifier_gap",
)


@dataclass
class _Tool:
    dense: list[float] = field(default_factory=list)
    signal: list[float] = field(default_factory=list)
    what: list[float] = field(default_factory=list)
    example: list[float] = field(default_factory=list)
    bm25: list[float] = field(default_factory=list)
    dense_rank: int = 0
    bm25_rank: int = 0
    dense_hits: int = 0
    bm25_hits: int = 0
    signal_hits: int = 0


def _top2(values: list[float]) -> float:
    best = sorted(values, reverse=True)[:2]
    return sum(best) / len(best) if best else 0.0


# Where uploaded material's sources live (app/ingest/uploads.py names them so).
UPLOADS = "uploads/"


def tool_features(
    dense: Sequence[tuple[Passage, float]],
    keyword: Sequence[tuple[Passage, float]],
    *,
    weights: tuple[float, float],
    rrf_k: int,
    dilemma_cosine: Mapping[str, float] | None = None,
    wording_cosine: Mapping[str, float] | None = None,
    classifier_probability: Mapping[str, float] | None = None,
) -> tuple[list[str], Matrix]:
    """One row of FEATURES per tool found by either method, tools in first-seen order.

    `dense` holds (passage, cosine) best first, ideally every passage in the index, so each
    tool's best cosine is exact; `keyword` holds (passage, BM25 score) best first;
    `dilemma_cosine` the query's cosine to each tool's training dilemmas (0 where absent),
    `wording_cosine` the same by words, `classifier_probability` the tool classifier's.
    """
    tools: dict[str, _Tool] = {}
    dense_order = 0
    for rank, (passage, cosine) in enumerate(dense):
        tool = tools.setdefault(passage.tool_id, _Tool())
        if not tool.dense_rank:
            dense_order += 1
            tool.dense_rank = dense_order
        tool.dense.append(cosine)
        if passage.section == SIGNALS:
            tool.signal.append(cosine)
            tool.signal_hits += rank < TOP
        elif passage.section == WHAT:
            tool.what.append(cosine)
        elif passage.section == EXAMPLE:
            tool.example.append(cosine)
        tool.dense_hits += rank < TOP
    bm25_order = 0
    for rank, (passage, score) in enumerate(keyword):
        tool = tools.setdefault(passage.tool_id, _Tool())
        if not tool.bm25_rank:
            bm25_order += 1
            tool.bm25_rank = bm25_order
        tool.bm25.append(score)
        tool.bm25_hits += rank < TOP
    uploaded = {p.tool_id for p, _ in [*dense, *keyword] if p.source.startswith(UPLOADS)}
    ids = list(tools)
    best_dense = max((max(t.dense) for t in tools.values() if t.dense), default=0.0)
    best_signal = max((max(t.signal) for t in tools.values() if t.signal), default=0.0)
    best_bm25 = max((max(t.bm25) for t in tools.values() if t.bm25), default=0.0) or 1.0
    dense_w, keyword_w = weights
    # Scaled so the best possible fused score is 1 whatever the weights and k.
    rrf_scale = (rrf_k + 1) / max(dense_w + keyword_w, 1e-9)
    cosines = _per_tool(dilemma_cosine, tools, uploaded, statistics.fmean)
    best_cosine = max(cosines.values(), default=0.0)
    # By words the tools spread far apart, and their average sank every upload below any tool
    # sharing the query's words: an upload takes the best tool's value instead.
    wording = _per_tool(wording_cosine, tools, uploaded, max)
    best_wording = max(wording.values(), default=0.0)
    # Probabilities spread apart as words do: an upload takes the best tool's, likewise.
    probability = _per_tool(classifier_probability, tools, uploaded, max)
    best_probability = max(probability.values(), default=0.0)
    rows: list[list[float]] = []
    for tool_id, tool in tools.items():
        dense_rr = 1.0 / tool.dense_rank if tool.dense_rank else 0.0
        bm25_rr = 1.0 / tool.bm25_rank if tool.bm25_rank else 0.0
        ranks = ((dense_w, tool.dense_rank), (keyword_w, tool.bm25_rank))
        rrf = sum(w / (rrf_k + r) for w, r in ranks if r)
        dense_max = max(tool.dense, default=0.0)
        signal_max = max(tool.signal, default=0.0)
        rows.append(
            [
                dense_max,
                _top2(tool.dense),
                dense_max - best_dense,
                signal_max,
                signal_max - best_signal,
                max(tool.what, default=0.0),
                max(tool.example, default=0.0),
                max(tool.bm25, default=0.0) / best_bm25,
                _top2(tool.bm25) / best_bm25,
                dense_rr,
                bm25_rr,
                rrf * rrf_scale,
                tool.dense_hits / TOP,
                tool.bm25_hits / TOP,
                tool.signal_hits / TOP,
                cosines[tool_id],
                cosines[tool_id] - best_cosine,
                wording[tool_id],
                wording[tool_id] - best_wording,
                probability[tool_id],
                probability[tool_id] - best_probability,
            ]
        )
    matrix = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
    return ids, matrix


def _per_tool(
    known: Mapping[str, float] | None,
    tools: Iterable[str],
    uploaded: set[str],
    neutral: Callable[[Iterable[float]], float],
) -> dict[str, float]:
    """A closeness to training dilemmas for every tool found.

    A council's uploaded material has no training dilemmas: it gets a `neutral` value of the
    tools', so the feature does not sink it and its passages' own scores decide. Shipped
    material without dilemmas (the case study, not a tool) keeps 0 and stays behind tools.
    """
    known = known or {}
    middle = neutral(known.values()) if known else 0.0
    return {tool: known.get(tool, middle if tool in uploaded else 0.0) for tool in tools}


@dataclass(frozen=True)
class Reranker:
    """A linear score over standardised features; higher is a better tool for the query."""

    mean: Matrix
    scale: Matrix
    coef: Matrix
    intercept: float
    # Each tool's training dilemmas' mean embedding, unit length: tool id -> vector.
    centroids: dict[str, Matrix] = field(default_factory=dict)
    # The same dilemmas by their words.
    wording: WordingProfile | None = None
    # A classifier of the dilemmas' embeddings and words by tool.
    classifier: ToolClassifier | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def dilemma_cosine(self, query_vector: npt.NDArray[np.floating[Any]]) -> dict[str, float]:
        """The query's cosine to each tool's training dilemmas (the query vector is unit length)."""
        vector = np.asarray(query_vector, dtype=np.float64)
        return {tool: float(centroid @ vector) for tool, centroid in self.centroids.items()}

    def wording_cosine(self, query: str) -> dict[str, float]:
        """The query's cosine to each tool's training dilemmas by words ({} without a profile)."""
        return self.wording.cosines(query) if self.wording else {}

    def classifier_probability(
        self, query_vector: npt.NDArray[np.floating[Any]], query: str
    ) -> dict[str, float]:
        """The tool classifier's probability for each tool ({} without a classifier)."""
        return self.classifier.probabilities(query_vector, query) if self.classifier else {}

    def score(self, features: Matrix) -> Matrix:
        """Probability-like scores in (0, 1), one per row."""
        logits = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float64)

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
            "centroids": {t: np.round(c, 6).tolist() for t, c in self.centroids.items()},
            **({"wording": self.wording.to_json()} if self.wording else {}),
            **({"classifier": self.classifier.to_json()} if self.classifier else {}),
            **self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reranker:
        if tuple(data["features"]) != FEATURES:
            # Weights trained on other features would score nonsense: refuse them loudly.
            raise ValueError("re-ranker weights were trained on different features; retrain")
        fitted = {"mean", "scale", "coef", "intercept", "centroids", "wording", "classifier"}
        meta = {k: v for k, v in data.items() if k not in fitted}
        return cls(
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            coef=np.asarray(data["coef"], dtype=np.float64),
            intercept=float(data["intercept"]),
            centroids={
                tool: np.asarray(vector, dtype=np.float64)
                for tool, vector in data.get("centroids", {}).items()
            },
            wording=WordingProfile.from_json(data["wording"]) if "wording" in data else None,
            classifier=(
                ToolClassifier.from_json(data["classifier"]) if "classifier" in data else None
            ),
            meta=meta,
        )

    @classmethod
    def load(cls, path: Path) -> Reranker:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


WEIGHTS_FILE = "reranker.json"


def weights_path() -> Path:
    return Path(str(resources.files("app.retrieval") / "data" / WEIGHTS_FILE))


@cache
def shipped_reranker() -> Reranker | None:
    """The weights shipped with the package, or None when none were trained yet."""
    path = weights_path()
    return Reranker.load(path) if path.is_file() else None

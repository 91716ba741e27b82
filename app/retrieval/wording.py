"""How close a query's words sit to each tool's training dilemmas: a tf-idf profile per tool.

Managers describe a situation in their own words ("pulling rank", "interim", "waiting me
out"), which the knowledge prose lacks and one sentence embedding blurs. The trainer builds a
profile from the training dilemmas labelled with each tool (app/retrieval/train_reranker.py);
it ships inside the re-ranker's weights as sparse stem weights, and serving needs only a
stemmer and dictionaries.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import Stemmer

Weights = dict[str, float]

# Every word of three letters or more, stemmed; no stop list: the idf weights common words
# down, and dropping them measured worse (out of fold, 0.746 hit@1 with bm25s's longer list,
# 0.760 with none).
_WORD = re.compile(r"[a-z]+")
_MIN_LETTERS = 3
# PyStemmer objects are not safe to share between threads; requests run on a thread pool.
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    stemmer: Stemmer.Stemmer | None = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer


def terms(text: str) -> Counter[str]:
    """The stemmed words of `text` and how often each occurs."""
    words = [w for w in _WORD.findall(text.lower()) if len(w) >= _MIN_LETTERS]
    return Counter(_stemmer().stemWords(words))


def inverse_document_frequency(documents: Iterable[Counter[str]]) -> Weights:
    """Smoothed idf (as scikit-learn's): rarer stems weigh more, none weighs nothing."""
    frequency: Counter[str] = Counter()
    n = 0
    for document in documents:
        frequency.update(document.keys())
        n += 1
    return {stem: math.log((n + 1) / (df + 1)) + 1.0 for stem, df in frequency.items()}


def weighted(counts: Counter[str], idf: Mapping[str, float]) -> Weights:
    """Unit-length (1 + log tf) * idf weights over the stems the profile knows."""
    raw = {s: (1.0 + math.log(k)) * idf[s] for s, k in counts.items() if s in idf}
    return unit(raw)


def unit(weights: Mapping[str, float]) -> Weights:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {s: w / norm for s, w in weights.items()} if norm else dict(weights)


def dot(small: Mapping[str, float], large: Mapping[str, float]) -> float:
    """Sparse dot product; iterate the shorter mapping (a query) over the longer (a tool)."""
    return sum(w * large.get(s, 0.0) for s, w in small.items())


@dataclass(frozen=True)
class WordingProfile:
    """Each tool's training dilemmas as one unit-length tf-idf vector, and the idf used."""

    idf: Weights
    tools: dict[str, Weights]

    def cosines(self, text: str) -> dict[str, float]:
        """The query's cosine to each tool's dilemmas, by their words."""
        vector = weighted(terms(text), self.idf)
        return {tool: dot(vector, profile) for tool, profile in self.tools.items()}

    def to_json(self) -> dict[str, Any]:
        return {
            "idf": {s: round(w, 5) for s, w in sorted(self.idf.items())},
            "tools": {
                tool: {s: round(w, 6) for s, w in sorted(profile.items())}
                for tool, profile in sorted(self.tools.items())
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> WordingProfile:
        return cls(
            idf={str(s): float(w) for s, w in data["idf"].items()},
            tools={
                str(tool): {str(s): float(w) for s, w in profile.items()}
                for tool, profile in data["tools"].items()
            },
        )

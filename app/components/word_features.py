"""Learned word features: TF-IDF over a message's words and word pairs.

The vocabulary and weights are learned from training data, so a classifier reads the words
that decide a label ("still outside" against "police found"; "pulling rank" against "nobody
reports to me") without hand-written patterns. The gate and retrieval's tool classifier both
set these beside the message's embedding. Computed with the standard library and numpy the
same way scikit-learn's TfidfVectorizer does (lower case, tokens of two or more word
characters, sublinear term frequency, L2 norm), so serving never imports scikit-learn.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

# scikit-learn's default token pattern.
TOKEN = re.compile(r"(?u)\b\w\w+\b")


def terms(text: str, longest: int = 2) -> list[str]:
    """Words and runs of up to `longest` words, as the vectorizer makes them."""
    words = TOKEN.findall(text.lower())
    found = list(words)
    for n in range(2, longest + 1):
        found += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    return found


@dataclass(frozen=True)
class WordFeatures:
    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float64]
    longest: int
    scale: float  # weighed against the embedding for regularisation

    def transform(self, text: str) -> npt.NDArray[np.float32]:
        row = np.zeros(len(self.vocabulary), dtype=np.float64)
        for term, count in Counter(terms(text, self.longest)).items():
            index = self.vocabulary.get(term)
            if index is not None:
                row[index] = (1.0 + math.log(count)) * self.idf[index]
        norm = float(np.linalg.norm(row))
        if norm:
            row /= norm
        return (row * self.scale).astype(np.float32)

    def to_json(self) -> dict[str, Any]:
        return {
            "scale": self.scale,
            "longest": self.longest,
            # In index order: the position of a term is its column.
            "terms": sorted(self.vocabulary, key=self.vocabulary.__getitem__),
            "idf": np.round(self.idf, 6).tolist(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WordFeatures:
        return cls(
            vocabulary={term: i for i, term in enumerate(data["terms"])},
            idf=np.asarray(data["idf"], dtype=np.float64),
            longest=int(data["longest"]),
            scale=float(data["scale"]),
        )


def fit_word_features(texts: list[str], scale: float, min_count: int = 2) -> WordFeatures:
    """The vocabulary (words and word pairs in at least `min_count` texts) and inverse
    document frequencies of the training texts."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=min_count, sublinear_tf=True)
    vectorizer.fit(texts)
    vocabulary = {str(term): int(i) for term, i in vectorizer.vocabulary_.items()}
    return WordFeatures(vocabulary, np.asarray(vectorizer.idf_), longest=2, scale=scale)

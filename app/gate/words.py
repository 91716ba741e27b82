"""Learned word features: TF-IDF over the redacted message's words and word pairs.

The vocabulary and weights are learned from the training data ("still outside", "police
found", "not suicidal"), so the gate reads the words that separate a live risk from a
handled one without hand-written patterns. Computed with the standard library and numpy the
same way scikit-learn's TfidfVectorizer does (lower case, tokens of two or more word
characters, sublinear term frequency, L2 norm), so serving never imports scikit-learn.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

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

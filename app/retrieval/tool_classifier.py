"""Which tool a query most resembles, learned from the labelled training dilemmas.

A multinomial logistic regression over the query's unit embedding (the vector the turn
already has) beside the tf-idf of its words and word pairs (app/components/word_features.py),
one probability per tool. A tool's training dilemmas are rarely one cluster (a manager's
"pulling rank" and a director's "nobody answers to me" both mean power), so a learned
boundary separates neighbouring tools where one mean vector per tool cannot; the words let it
weigh the phrases that decide between neighbours, which one sentence embedding blurs. It is a
feature of the re-ranker (app/retrieval/rerank.py), never the ranking on its own. Fitted by
the trainer (app/retrieval/train_reranker.py); serving needs only numpy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from app.components.linear_head import LinearHead
from app.components.word_features import WordFeatures, fit_word_features

Matrix = npt.NDArray[np.float64]

# Inverse regularisation strength and the words' weight beside the unit embedding, chosen
# out of fold (5 folds, 2,027 training dilemmas) with the classifier alone, before it joined
# the re-ranker. Hit@1: embedding only 0.686 (C=4); with words at scale 0.5 0.745, 1.0 0.799,
# 1.5 0.819, 2.0 0.823 (C=16) and 0.826 (C=64), 3.0 0.817.
C = 64.0
WORD_SCALE = 2.0
# Folds for the probabilities the re-ranker learns from: each training line's come from a
# classifier that never saw it, as a served query's do.
CROSS_FIT_FOLDS = 5


@dataclass(frozen=True)
class ToolClassifier:
    """A softmax over the tools, one row of weights per tool over [embedding, words]."""

    head: LinearHead
    words: WordFeatures

    def probabilities(
        self, query_vector: npt.NDArray[np.floating[Any]], query: str
    ) -> dict[str, float]:
        features = np.concatenate(
            [np.asarray(query_vector, dtype=np.float64), self.words.transform(query)]
        )
        return self.head.probabilities(features)

    def to_json(self) -> dict[str, Any]:
        return {"head": self.head.to_json(), "words": self.words.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ToolClassifier:
        if "words" not in data:
            # Weights from before the classifier read words would score nonsense: refuse them.
            raise ValueError("re-ranker weights predate the tool classifier's words; retrain")
        return cls(LinearHead.from_json(data["head"]), WordFeatures.from_json(data["words"]))


def fit_tool_classifier(
    vectors: Matrix, queries: Sequence[str], tools: Sequence[str], c: float = C
) -> ToolClassifier:
    """Fit the words' vocabulary, then the softmax over embedding and words."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    words = fit_word_features(list(queries), WORD_SCALE)
    # Sparse: each line has a few dozen of the ~9,000 terms, and a dense matrix made the
    # fit twice as slow (2,315 lines: 5.4 s against 2.4 s; it runs 60 times out of fold).
    x = sparse.hstack(
        [
            sparse.csr_matrix(vectors),
            sparse.csr_matrix(np.vstack([words.transform(q) for q in queries])),
        ]
    ).tocsr()
    model = LogisticRegression(C=c, max_iter=3000).fit(x, list(tools))
    head = LinearHead(
        tuple(str(t) for t in model.classes_),
        np.asarray(model.coef_, dtype=np.float64),
        np.asarray(model.intercept_, dtype=np.float64),
    )
    return ToolClassifier(head, words)


def cross_fitted_probabilities(
    vectors: Matrix, queries: Sequence[str], tools: Sequence[str], seed: int, c: float = C
) -> list[dict[str, float]]:
    """Each line's probabilities from a classifier fitted on the other folds only: trained on
    its own line's answer, the feature would look surer than it is on a new query."""
    from sklearn.model_selection import StratifiedKFold

    labels = np.asarray(tools)
    # A tool with fewer lines than folds cannot be stratified: use as many folds as it allows.
    folds = max(2, min(CROSS_FIT_FOLDS, int(np.unique(labels, return_counts=True)[1].min())))
    result: list[dict[str, float]] = [{} for _ in tools]
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for train, held in splitter.split(vectors, labels):
        classifier = fit_tool_classifier(
            vectors[train], [queries[i] for i in train], labels[train].tolist(), c
        )
        for i in held:
            result[int(i)] = classifier.probabilities(vectors[i], queries[i])
    return result

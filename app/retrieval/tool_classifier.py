"""Which tool a query's embedding most resembles, learned from the labelled training dilemmas.

A multinomial logistic regression over the query's unit embedding (the vector the turn
already has), one probability per tool. A tool's training dilemmas are rarely one cluster
(a manager's "pulling rank" and a director's "nobody answers to me" both mean power), so a
learned boundary separates neighbouring tools where one mean vector per tool cannot. It is a
feature of the re-ranker (app/retrieval/rerank.py), never the ranking on its own: out of
fold over 2,040 dilemmas it names the right first tool less often (0.69) than the re-ranker
did without it (0.765), and adding it raised the re-ranker to 0.790. Fitted by the trainer
(app/retrieval/train_reranker.py); serving needs only numpy.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from app.components.linear_head import LinearHead

Matrix = npt.NDArray[np.float64]

# Inverse regularisation strength, chosen out of fold over the training dilemmas with the
# classifier alone (1.0: 0.684 hit@1, 4.0: 0.692, 16.0: 0.693) before it joined the re-ranker.
C = 4.0
# Folds for the probabilities the re-ranker learns from: each training line's come from a
# classifier that never saw it, as a served query's do.
CROSS_FIT_FOLDS = 5


def fit_tool_classifier(vectors: Matrix, tools: Sequence[str], c: float = C) -> LinearHead:
    """A softmax over the tools, one row of weights per tool over the embedding."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000).fit(vectors, list(tools))
    return LinearHead(
        tuple(str(t) for t in model.classes_),
        np.asarray(model.coef_, dtype=np.float64),
        np.asarray(model.intercept_, dtype=np.float64),
    )


def cross_fitted_probabilities(
    vectors: Matrix, tools: Sequence[str], seed: int, c: float = C
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
        classifier = fit_tool_classifier(vectors[train], labels[train].tolist(), c)
        for i in held:
            result[int(i)] = classifier.probabilities(vectors[i])
    return result

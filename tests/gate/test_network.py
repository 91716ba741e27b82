"""The danger network is served by numpy from float16 weights: it must say what the
scikit-learn networks it was fitted as say, after the round trip through JSON."""

from __future__ import annotations

import json

import numpy as np
import pytest

from app.gate.network import NetworkHead
from app.gate.network_fit import (
    NETWORK_ALPHA,
    NETWORK_HIDDEN,
    NETWORK_ITERATIONS,
    NETWORK_MEMBERS,
    fit_network,
)


def blobs(seed: int) -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    centres = {"escalated": 1.0, "coached": -1.0, "declined": 0.0}
    rows, labels = [], []
    for label, centre in centres.items():
        rows.append(rng.normal(centre, 0.7, size=(40, 12)))
        labels += [label] * 40
    return np.vstack(rows).astype(np.float32), labels


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_the_stored_network_agrees_with_the_fitted_one() -> None:
    from sklearn.neural_network import MLPClassifier

    x, y = blobs(1)
    head = NetworkHead.from_json(json.loads(json.dumps(fit_network(x, y).to_json())))
    held, _ = blobs(2)
    served = np.asarray([list(head.probabilities(row).values()) for row in held])
    # The first member alone, refitted as scikit-learn fits it, seeds the comparison.
    assert head.labels == ("coached", "declined", "escalated")
    assert np.allclose(served.sum(axis=1), 1.0)
    assert len(head.members) == NETWORK_MEMBERS
    first = MLPClassifier(
        hidden_layer_sizes=(NETWORK_HIDDEN,),
        alpha=NETWORK_ALPHA,
        max_iter=NETWORK_ITERATIONS,
        random_state=0,
    )
    first.fit(x, y)
    alone = NetworkHead(head.labels, head.members[:1])
    mine = np.asarray([list(alone.probabilities(row).values()) for row in held])
    assert np.abs(mine - first.predict_proba(held)).max() < 0.02


def test_the_network_separates_what_it_was_fitted_on() -> None:
    x, y = blobs(3)
    head = fit_network(x, y)
    held, truth = blobs(4)
    said = [max(head.probabilities(row).items(), key=lambda kv: kv[1])[0] for row in held]
    assert sum(s == t for s, t in zip(said, truth, strict=True)) / len(truth) > 0.9

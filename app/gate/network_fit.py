"""Fit the danger network (app/gate/network.py) with scikit-learn; training only."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from app.gate.network import Layer, NetworkHead

# A few members with different seeds, each one hidden layer; out of fold 32 units did as
# well as 64 and the file stays small.
NETWORK_MEMBERS = 3
NETWORK_HIDDEN = 32
NETWORK_ALPHA = 0.001
NETWORK_ITERATIONS = 300


def fit_network(x: npt.NDArray[np.float32], y: list[str]) -> NetworkHead:
    """Members that differ only in their seed, averaged when served."""
    import warnings

    from scipy import sparse
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    members = []
    labels: tuple[str, ...] = ()
    for seed in range(NETWORK_MEMBERS):
        net = MLPClassifier(
            hidden_layer_sizes=(NETWORK_HIDDEN,),
            alpha=NETWORK_ALPHA,
            max_iter=NETWORK_ITERATIONS,
            random_state=seed,
        )
        with warnings.catch_warnings():
            # Stopping at the iteration cap is the regularisation chosen out of fold.
            warnings.simplefilter("ignore", ConvergenceWarning)
            # Sparse: most columns are learned words absent from a given message, and the
            # dense product made a fit take a minute.
            net.fit(sparse.csr_matrix(x), y)
        labels = tuple(str(label) for label in net.classes_)
        hidden, output = (
            Layer(np.asarray(w, dtype=np.float32), np.asarray(b, dtype=np.float32))
            for w, b in zip(net.coefs_, net.intercepts_, strict=True)
        )
        members.append((hidden, output))
    return NetworkHead(labels, tuple(members))

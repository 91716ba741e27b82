"""A trained softmax layer stored as plain numbers: the gate's heads and retrieval's tool
classifier are each one. Fitted with scikit-learn at training time, read with numpy alone at
serve time, and kept as JSON so a retrained model can be reviewed in a diff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class LinearHead:
    """Softmax over labels; a binary head stores a zero row for its negative label."""

    labels: tuple[str, ...]
    weights: npt.NDArray[np.float64]  # (labels, features)
    bias: npt.NDArray[np.float64]  # (labels,)

    def probabilities(self, features: npt.NDArray[np.floating[Any]]) -> dict[str, float]:
        logits = self.weights @ np.asarray(features, dtype=np.float64) + self.bias
        logits -= logits.max()
        exp = np.exp(logits)
        return dict(zip(self.labels, (exp / exp.sum()).tolist(), strict=True))

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "weights": np.round(self.weights, 6).tolist(),
            "bias": np.round(self.bias, 6).tolist(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearHead:
        return cls(
            tuple(data["labels"]),
            np.asarray(data["weights"], dtype=np.float64),
            np.asarray(data["bias"], dtype=np.float64),
        )

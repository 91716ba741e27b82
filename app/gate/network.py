"""A second, non-linear opinion on whether a message is danger now.

The linear heads weigh each word and each direction of the embedding on its own, so a
vivid crisis that is already being handled ("screaming", "knife", then "police arrived")
scores like one that is not. A few small one-hidden-layer networks over the same features
can weigh the danger against what stands between it and the person; out of fold, their
agreement with the linear score cut false escalations by a fifth to a third at the same
recall.

Weights are stored as base64 float16 (about 5 MB, where JSON digits would take some 20 MB);
serving needs numpy alone.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Layer:
    weights: Array  # (inputs, outputs)
    bias: Array  # (outputs,)

    def to_json(self) -> dict[str, Any]:
        return {"weights": _pack(self.weights), "bias": _pack(self.bias)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Layer:
        return cls(_unpack(data["weights"]), _unpack(data["bias"]))


@dataclass(frozen=True)
class NetworkHead:
    """An average over members, each ReLU hidden layer then softmax over `labels`."""

    labels: tuple[str, ...]
    members: tuple[tuple[Layer, Layer], ...]

    def probabilities(self, features: npt.NDArray[np.float32]) -> dict[str, float]:
        # Only the columns present: most learned words are absent from any one message.
        present = np.flatnonzero(features)
        x = features[present].astype(np.float32)
        total = np.zeros(len(self.labels), dtype=np.float64)
        for hidden, output in self.members:
            h = np.maximum(x @ hidden.weights[present] + hidden.bias, 0.0)
            z = (h @ output.weights + output.bias).astype(np.float64)
            e = np.exp(z - z.max())
            total += e / e.sum()
        return dict(zip(self.labels, (total / len(self.members)).tolist(), strict=True))

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "members": [[hidden.to_json(), output.to_json()] for hidden, output in self.members],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NetworkHead:
        return cls(
            tuple(data["labels"]),
            tuple((Layer.from_json(h), Layer.from_json(o)) for h, o in data["members"]),
        )


def _pack(array: npt.NDArray[Any]) -> dict[str, Any]:
    raw = np.ascontiguousarray(array, dtype="<f2").tobytes()
    return {"shape": list(array.shape), "float16": base64.b64encode(raw).decode("ascii")}


def _unpack(data: dict[str, Any]) -> Array:
    raw = base64.b64decode(data["float16"])
    return np.frombuffer(raw, dtype="<f2").reshape(data["shape"]).astype(np.float32)

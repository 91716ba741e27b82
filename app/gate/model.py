"""The gate's trained model: linear heads, and a small network for danger, over the turn's
embedding and word cues.

Stored as JSON (weights, thresholds, the hash of the data it was trained on), read with
numpy alone, so serving never imports scikit-learn and the file can be reviewed in a diff.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.components.embedding import Vector
from app.components.linear_head import LinearHead
from app.components.word_features import WordFeatures
from app.gate.cues import FEATURE_NAMES, cue_features
from app.gate.network import NetworkHead

MODEL_PATH = Path(__file__).resolve().parent / "data" / "gate-model.json"
Features = npt.NDArray[np.float32]


@dataclass(frozen=True)
class SpecialistHeads(LinearHead):
    """One-vs-rest heads, each an independent sigmoid: one per escalation category."""

    def probabilities(self, features: Features) -> dict[str, float]:
        logits = self.weights @ features.astype(np.float64) + self.bias
        return dict(zip(self.labels, (1 / (1 + np.exp(-logits))).tolist(), strict=True))


def escalation_score(p_escalated: float, best_specialist: float, p_network: float) -> float:
    """The linear voices and the network must agree (geometric means). The outcome head's
    single "escalated" class spans eight kinds of danger, each specialist only one, and out
    of fold their agreement separates danger from a hard day better than either; the
    network, which can weigh danger against the help already in place, is the other half."""
    return float(np.sqrt(np.sqrt(p_escalated * best_specialist) * p_network))


@dataclass(frozen=True)
class Thresholds:
    escalate: float  # an escalation score (see escalation_score) at or above this escalates
    borderline: float  # between this and `escalate`, a configured model is asked too
    decline: float
    safety_line: float


@dataclass(frozen=True)
class GateModel:
    outcome: LinearHead
    # One specialist per escalation category: the score's second voice and the category.
    escalation_specialists: SpecialistHeads
    # The outcome again, non-linearly: its "escalated" probability is half the score.
    network: NetworkHead
    # Which danger, among escalations only: it names the category (out of fold it is right
    # more often than the top specialist, which also weighs danger against a hard day).
    escalation_category: LinearHead
    decline_category: LinearHead
    # For a safety line: a crisis being "handled" now, a "past" event, or "strain".
    safety_kind: LinearHead
    thresholds: Thresholds
    cue_scale: float  # cues are scaled so regularisation weighs them like the embedding
    words: WordFeatures
    embedding_dimension: int
    training_sha256: str
    report: dict[str, Any]  # cross-validated figures from training, for the README and review

    def features(self, text: str, vector: Vector, flags: dict[str, bool] | None = None) -> Features:
        """The classifier's input: the message's embedding, its word cues, its learned words."""
        if vector.shape[-1] != self.embedding_dimension:
            raise ValueError(
                f"The gate was trained on {self.embedding_dimension}-dimensional embeddings, "
                f"not {vector.shape[-1]}: retrain it with `make gate` for this model."
            )
        return np.concatenate(
            [
                vector.astype(np.float32),
                cue_features(text, flags) * self.cue_scale,
                self.words.transform(text),
            ]
        )

    def escalation(self, features: Features, p_escalated: float) -> float:
        """The escalation score: the outcome head, the best specialist and the network."""
        specialists = self.escalation_specialists.probabilities(features)
        p_network = self.network.probabilities(features)["escalated"]
        return escalation_score(p_escalated, max(specialists.values()), p_network)

    def save(self, path: Path = MODEL_PATH) -> None:
        data = {
            "about": "The gate's classifier; retrain with `make gate`. Never edit by hand.",
            "training_sha256": self.training_sha256,
            "embedding_dimension": self.embedding_dimension,
            "feature_names": list(FEATURE_NAMES),
            "cue_scale": self.cue_scale,
            "words": self.words.to_json(),
            "thresholds": self.thresholds.__dict__,
            "report": self.report,
            "outcome": self.outcome.to_json(),
            "escalation_specialists": self.escalation_specialists.to_json(),
            "network": self.network.to_json(),
            "escalation_category": self.escalation_category.to_json(),
            "decline_category": self.decline_category.to_json(),
            "safety_kind": self.safety_kind.to_json(),
        }
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> GateModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        if list(data["feature_names"]) != list(FEATURE_NAMES):
            raise ValueError(
                "The gate model was trained on other word cues than the code defines: "
                "retrain it with `make gate`."
            )
        return cls(
            outcome=LinearHead.from_json(data["outcome"]),
            escalation_specialists=SpecialistHeads(
                **LinearHead.from_json(data["escalation_specialists"]).__dict__
            ),
            network=NetworkHead.from_json(data["network"]),
            escalation_category=LinearHead.from_json(data["escalation_category"]),
            decline_category=LinearHead.from_json(data["decline_category"]),
            safety_kind=LinearHead.from_json(data["safety_kind"]),
            thresholds=Thresholds(**data["thresholds"]),
            cue_scale=float(data["cue_scale"]),
            words=WordFeatures.from_json(data["words"]),
            embedding_dimension=int(data["embedding_dimension"]),
            training_sha256=str(data["training_sha256"]),
            report=dict(data["report"]),
        )

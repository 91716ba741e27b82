"""The gate costs no extra embedding: count the model's passes per turn, and time the decision.

Run: .venv/bin/python benchmarks/gate.py [--turns 40]
Each turn is a first message never sent before (benchmarks/_messages.py), through the real
ChatService with the offline coach. A wrapper counts how many texts reach the embedding
model itself (behind the cache that the gate and retrieval share). Baseline from the same
run: the median time to embed one message in process; the gate's own decision (features,
the linear heads and the small danger network) is timed on the vectors already made.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from _messages import unique_messages

from app.components.embedding import Embedder, Vector, build_embedder
from app.core.config import EmbeddingSettings, Settings
from app.services import build_services


class CountingEmbedder:
    """Counts the texts that reach the model: a cache hit never gets here."""

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner
        self.dimension = inner.dimension
        self.texts = 0

    def embed(self, texts: Sequence[str]) -> Vector:
        self.texts += len(texts)
        return self._inner.embed(texts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=40)
    args = parser.parse_args()
    inner = build_embedder(EmbeddingSettings())
    counting = CountingEmbedder(inner)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(_env_file=None, data_dir=Path(folder))
        services = build_services(settings, embedder=counting)
        services.ensure_indexed()
        fresh = unique_messages(seed=int(time.time()))
        messages = [next(fresh) for _ in range(args.turns * 2)]
        baseline = []
        for text in messages[args.turns :]:
            start = time.perf_counter()
            inner.embed([text])
            baseline.append(time.perf_counter() - start)
        per_turn, outcomes = [], []
        for text in messages[: args.turns]:
            before = counting.texts
            outcome = asyncio.run(services.chat.reply(text, session_id=None, mode="auto"))
            per_turn.append(counting.texts - before)
            outcomes.append(outcome.outcome)
        vectors = inner.embed(messages[: args.turns])
        decide = []
        for text, vector in zip(messages[: args.turns], vectors, strict=True):
            start = time.perf_counter()
            services.gate.decide(text, np.asarray(vector))
            decide.append(time.perf_counter() - start)
    embed_ms = statistics.median(baseline) * 1000
    decide_ms = statistics.median(decide) * 1000
    counts = {o: outcomes.count(o) for o in sorted(set(outcomes))}
    print(f"turns: {args.turns} first messages, never sent before; outcomes: {counts}")
    print(
        f"texts embedded per turn by the model: median {statistics.median(per_turn):.0f}, "
        f"max {max(per_turn)} (the gate and retrieval share one pass)"
    )
    print(f"embed one message in process, median (baseline): {embed_ms:.2f} ms")
    print(
        f"gate decision on that vector, median: {decide_ms:.3f} ms "
        f"({decide_ms / embed_ms:.1%} of the embedding)"
    )


if __name__ == "__main__":
    main()

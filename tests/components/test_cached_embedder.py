"""CachedEmbedder: a message is embedded once per turn, and memory stays bounded."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.components.embedding import CachedEmbedder, Vector


class CountingEmbedder:
    """A stand-in whose point is counting calls (the real model is tested elsewhere)."""

    dimension = 2

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed(self, texts: Sequence[str]) -> Vector:
        self.seen.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_repeated_texts_are_embedded_once_and_order_is_kept() -> None:
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner)
    first = cached.embed(["a message", "one sentence"])
    again = cached.embed(["one sentence", "a message", "new"])
    assert inner.seen == ["a message", "one sentence", "new"]
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[1], first[0])
    assert again.dtype == np.float32 and again.shape == (3, 2)


def test_duplicates_in_one_call_are_embedded_once() -> None:
    inner = CountingEmbedder()
    assert CachedEmbedder(inner).embed(["x", "x"]).shape == (2, 2)
    assert inner.seen == ["x"]


def test_least_recently_used_texts_are_forgotten() -> None:
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner, size=2)
    cached.embed(["a"])
    cached.embed(["b"])
    cached.embed(["a"])  # a is now the most recent
    cached.embed(["c"])  # evicts b
    cached.embed(["a", "b"])
    assert inner.seen == ["a", "b", "c", "b"]

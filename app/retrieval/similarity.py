"""How closely a query matches short pieces of material (steps, questions, prompts), with
the material's vectors kept: it is a small, fixed body of text, embedded once."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from app.components.embedding import Embedder, Vector


class Similarity:
    """Cosine similarity of queries to material items (used to pick what fits a question)."""

    def __init__(self, embedder: Embedder) -> None:
        # The embedder caches recent texts (CachedEmbedder), so queries need no cache here.
        self._embedder = embedder
        self._lock = threading.Lock()
        self._material: dict[str, Vector] = {}

    def cosines(self, query: str, texts: Sequence[str]) -> list[float]:
        """Cosine similarity of the query to each text."""
        if not texts:
            return []
        query_vector = self._embed(query)
        return [float(self._embed_material(t) @ query_vector) for t in texts]

    def warm(self, texts: Sequence[str]) -> None:
        """Embed material items in one batch, so the first replies are as fast as the rest."""
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._material]
        if not missing:
            return
        vectors = self._embedder.embed(missing)
        with self._lock:
            self._material.update(zip(missing, vectors, strict=True))

    def _embed(self, text: str) -> Vector:
        return np.asarray(self._embedder.embed([text])[0], dtype=np.float32)

    def _embed_material(self, text: str) -> Vector:
        with self._lock:
            cached = self._material.get(text)
        if cached is None:
            cached = self._embed(text)
            with self._lock:
                self._material[text] = cached
        return cached

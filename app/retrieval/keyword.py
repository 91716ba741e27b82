"""The keyword half of hybrid retrieval: BM25 over the same passages, with an English stemmer."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import bm25s
import Stemmer

from app.retrieval.passages import Passage

logger = logging.getLogger(__name__)


class KeywordIndex:
    """BM25 (bm25s) over passages; stemming lets "rotation" match "rotate"."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self._stemmer = Stemmer.Stemmer("english")
        self._passages = list(passages)
        self._index: bm25s.BM25 | None = None
        if self._passages:
            corpus = [f"{p.title} {p.section} {p.text}" for p in self._passages]
            tokens = bm25s.tokenize(
                corpus, stopwords="en", stemmer=self._stemmer, show_progress=False
            )
            self._index = bm25s.BM25()
            self._index.index(tokens, show_progress=False)

    def __len__(self) -> int:
        return len(self._passages)

    def search(self, query: str, n: int) -> list[tuple[Passage, float]]:
        """Return up to n (passage, BM25 score) pairs with a positive score, best first."""
        if self._index is None:
            return []
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=self._stemmer, show_progress=False)
        if not tokens.ids or not tokens.ids[0]:
            return []
        n = min(n, len(self._passages))
        # n_threads=0 scores in this thread; any other number starts a thread pool (and a
        # thread) for every query, which cost more than the scoring itself.
        documents, scores = self._index.retrieve(tokens, k=n, show_progress=False, n_threads=0)
        return [
            (self._passages[int(d)], float(s))
            for d, s in zip(documents[0], scores[0], strict=True)
            if s > 0
        ]

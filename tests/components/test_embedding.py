"""The embedding model (ONNX by default): the packaged all-MiniLM-L6-v2, normalised rows,
clear errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.components.embedding import Embedder, build_embedder
from app.core.config import EmbeddingSettings
from app.core.errors import ConfigurationError


def test_rows_are_384_dimensional_and_unit_length(embedding_model: Embedder) -> None:
    rows = embedding_model.embed(["A child missing from care overnight.", "Budget pressures."])
    assert embedding_model.dimension == 384
    assert rows.shape == (2, 384)
    assert rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)


def test_similar_meanings_are_closer(embedding_model: Embedder) -> None:
    query, near, far = embedding_model.embed(
        [
            "My team keeps rushing into big decisions during a crisis.",
            "Under pressure we make long-term choices too quickly.",
            "The council's car park is being resurfaced next month.",
        ]
    )
    assert float(query @ near) > float(query @ far) + 0.2


def test_same_text_gives_the_same_vector(embedding_model: Embedder) -> None:
    first, second = embedding_model.embed(["Stable ids need stable vectors."] * 2)
    assert np.allclose(first, second)


def test_missing_model_folder_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="BALCONY_EMBEDDING__MODEL"):
        build_embedder(EmbeddingSettings(model=str(tmp_path / "no-such-model")))


def test_folder_that_is_not_a_model_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="BALCONY_EMBEDDING__MODEL"):
        build_embedder(EmbeddingSettings(model=str(tmp_path)))


def test_numpy_blas_is_held_to_the_models_threads(embedding_model: Embedder) -> None:
    """Building the model holds BLAS to its threads (one by default): a two-thread dot
    product over the gate's 10,000-odd word features cost 8-10 ms on a busy two-core box."""
    from threadpoolctl import threadpool_info  # type: ignore[import-untyped]

    build_embedder(EmbeddingSettings())
    blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
    assert blas and all(i["num_threads"] == 1 for i in blas)

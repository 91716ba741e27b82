"""The ONNX backend: the same vectors as torch, one export reused, torch when it cannot run."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from app.components.embedding import (
    SentenceTransformerEmbedder,
    build_embedder,
    default_model_path,
)
from app.components.onnx_embedder import OnnxEmbedder, export_path
from app.core.config import EmbeddingSettings

MODEL = Path(default_model_path())

OPENINGS = [
    "My deputy and I disagree about",
    "The team feels exhausted by",
    "Partners never turn up to talk about",
    "I keep being pulled onto the dance floor over",
    "Our improvement board wants a plan for",
]
TOPICS = [
    "the inspection next month",
    "budget cuts to early help",
    "agency staff leaving after six weeks",
    "a new case management system",
    "how we share accountability with health",
    "what good supervision looks like",
    "the backlog of assessments",
    "a restructure nobody asked for",
    "meetings that decide nothing",
    "the story we tell councillors",
]


def varied_texts() -> list[str]:
    """Fifty texts: short, ordinary, odd characters, and ones far past 256 tokens."""
    texts = [f"{o} {t}." for o, t in itertools.islice(itertools.product(OPENINGS, TOPICS), 40)]
    texts += ["ok", "?", "Ofsted", "café naïve – “quotes” and emoji 🙂", "   spaced   out   "]
    texts += [" ".join(f"{t} again;" for t in TOPICS) * k for k in (2, 4, 8)]
    texts += ["word " * 600, "A very long reflection. " * 120]
    assert len(texts) == 50
    return texts


@pytest.fixture(scope="module")
def torch_embedder() -> SentenceTransformerEmbedder:
    embedder = build_embedder(EmbeddingSettings(backend="torch"))
    assert isinstance(embedder, SentenceTransformerEmbedder)
    return embedder


@pytest.fixture(scope="module")
def onnx_embedder(tmp_path_factory: pytest.TempPathFactory) -> OnnxEmbedder:
    cache = tmp_path_factory.mktemp("models")
    embedder = build_embedder(EmbeddingSettings(backend="onnx", cache_dir=cache))
    assert isinstance(embedder, OnnxEmbedder)
    return embedder


def test_onnx_vectors_match_torch(
    onnx_embedder: OnnxEmbedder, torch_embedder: SentenceTransformerEmbedder
) -> None:
    texts = varied_texts()
    onnx_rows = onnx_embedder.embed(texts)
    torch_rows = torch_embedder.embed(texts)
    cosines = np.sum(onnx_rows * torch_rows, axis=1)
    assert onnx_rows.shape == torch_rows.shape == (50, 384)
    assert float(cosines.mean()) >= 0.9999, cosines
    assert float(cosines.min()) >= 0.999, cosines


def test_long_texts_are_cut_where_the_model_stops(onnx_embedder: OnnxEmbedder) -> None:
    # 256 tokens is all-MiniLM's max_seq_length: text past it changes nothing.
    long, longer = onnx_embedder.embed(["word " * 300, "word " * 300 + "budget " * 200])
    assert float(long @ longer) > 0.99999


def test_a_batch_gives_the_same_vectors_as_one_at_a_time(onnx_embedder: OnnxEmbedder) -> None:
    texts = varied_texts()[::5]
    batch = onnx_embedder.embed(texts)
    single = np.stack([onnx_embedder.embed([t])[0] for t in texts])
    assert np.allclose(batch, single, atol=1e-5)
    assert onnx_embedder.embed([]).shape == (0, 384)


def test_the_export_is_made_once_and_reused(tmp_path: Path, onnx_embedder: OnnxEmbedder) -> None:
    cache = tmp_path / "models"
    first = build_embedder(EmbeddingSettings(cache_dir=cache))
    exported = export_path(MODEL, cache)
    made = exported.stat().st_mtime_ns
    second = build_embedder(EmbeddingSettings(cache_dir=cache))
    assert isinstance(first, OnnxEmbedder) and isinstance(second, OnnxEmbedder)
    assert exported.stat().st_mtime_ns == made
    assert [p.name for p in cache.glob("*.onnx")] == [exported.name]


def test_a_model_the_export_does_not_cover_runs_on_torch(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The same weights with CLS pooling: not mean pooling, so not exported.
    model = tmp_path / "cls-model"
    shutil.copytree(MODEL, model, ignore=shutil.ignore_patterns("*.safetensors"))
    for weights in MODEL.glob("*.safetensors"):
        (model / weights.name).symlink_to(weights)
    pooling = model / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text(encoding="utf-8"))
    config.update(pooling_mode_mean_tokens=False, pooling_mode_cls_token=True)
    pooling.write_text(json.dumps(config), encoding="utf-8")

    embedder = build_embedder(EmbeddingSettings(model=str(model), cache_dir=tmp_path / "c"))

    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert "ONNX embedding unavailable; using torch" in caplog.text
    assert not (tmp_path / "c").exists()

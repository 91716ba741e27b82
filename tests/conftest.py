"""Shared fixtures: one real embedding model per test run, real Chroma stores in temp folders."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.components.embedding import CachedEmbedder, Embedder, build_embedder
from app.core.config import EmbeddingSettings, Settings, get_settings
from app.gate.gate import Gate
from app.main import create_app
from app.services import Services, build_services

REPO = Path(__file__).resolve().parents[1]
KNOWLEDGE = REPO / "knowledge"
SHARED_EVAL = REPO.parent / "shared" / "eval"

SettingsFactory = Callable[..., Settings]
ServicesFactory = Callable[..., Services]


@pytest.fixture(scope="session")
def embedding_model() -> Embedder:
    """The real all-MiniLM-L6-v2, loaded once for the whole run (tests of the model use it)."""
    return build_embedder(EmbeddingSettings())


@pytest.fixture(scope="session")
def embedder(embedding_model: Embedder) -> Embedder:
    """The real model, remembering every text it has embedded in this run.

    Most of the suite's time went on embedding the same knowledge files again and again (each
    new index, each terminal chat, each server's coaching material); the vectors are the same,
    so each text is embedded once per process. Tests of the model itself use embedding_model.
    """
    return CachedEmbedder(embedding_model, size=1_000_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules with slow tests run first (each module's tests stay together, in order).

    Under xdist (`make unit`: loadscope, --no-loadscope-reorder) a worker takes a whole
    module at a time, in this order: the long subprocess drills going first leaves the many
    short modules to even out the two workers at the end, instead of one long module keeping
    one worker busy while the other has nothing left to take.
    """
    slow = {item.nodeid.split("::")[0] for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.nodeid.split("::")[0] not in slow)


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings isolated from the developer's environment and .env file."""
    values: dict[str, Any] = {"data_dir": data_dir, "knowledge_dir": KNOWLEDGE}
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def settings_factory(tmp_path: Path) -> SettingsFactory:
    def factory(**overrides: Any) -> Settings:
        return make_settings(tmp_path / "data", **overrides)

    return factory


@pytest.fixture
def services_factory(embedder: Embedder, settings_factory: SettingsFactory) -> ServicesFactory:
    """Fresh services on an empty store in a temp folder; call .ingest() to index."""

    def factory(**overrides: Any) -> Services:
        return build_services(settings_factory(**overrides), embedder=embedder)

    return factory


@pytest.fixture(scope="session")
def gate() -> Gate:
    """The trained gate shipped in app/gate/data."""
    return Gate.load()


@pytest.fixture(scope="session")
def indexed_services(embedder: Embedder, tmp_path_factory: pytest.TempPathFactory) -> Services:
    """Services with the shipped knowledge base indexed: shared, so treat as read-only.

    Rate limits are off: every module's requests share this one client, so a per-minute
    limit would refuse whichever test came after the sixtieth request. The tests of limits
    build their own app with one (app_factory)."""
    settings = make_settings(
        tmp_path_factory.mktemp("indexed") / "data", auth={"rate_limit_per_minute": 0}
    )
    services = build_services(settings, embedder=embedder)
    services.ingest()
    return services


@pytest.fixture(scope="session")
def client(indexed_services: Services) -> Iterator[TestClient]:
    """An API client over the indexed knowledge base (auth off)."""
    with TestClient(create_app(services=indexed_services)) as test_client:
        yield test_client


@pytest.fixture
def app_factory(indexed_services: Services, tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Clients over the shared index with their own settings and database (e.g. auth, an LLM)."""
    clients: list[TestClient] = []

    def factory(**overrides: Any) -> TestClient:
        settings = make_settings(tmp_path / f"app{len(clients)}", **overrides)
        services = build_services(settings, index_from=indexed_services)
        client = TestClient(create_app(services=services))
        client.__enter__()
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def runner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder: Embedder
) -> Iterator[CliRunner]:
    """Run the CLI in-process on a temp data folder, sharing the session's model."""
    monkeypatch.chdir(tmp_path)  # no developer .env is read
    monkeypatch.setenv("BALCONY_DATA_DIR", str(tmp_path / "data"))

    def shared_embedder(_: EmbeddingSettings) -> Embedder:
        return embedder

    monkeypatch.setattr("app.services.build_embedder", shared_embedder)
    monkeypatch.setattr("app.components.embedding.build_embedder", shared_embedder)
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()
    # The CLI points logging at its own stderr; give the rest of the run its handlers back.
    root.handlers[:] = handlers
    root.setLevel(level)

"""The vector store: embedded Chroma on disk, and a real `chroma run` server on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.components.vector_store import ChromaStore, StoredChunk, build_store
from app.core.config import ChromaSettings
from app.core.errors import StoreUnavailableError
from app.main import create_app
from tests.conftest import ServicesFactory, SettingsFactory
from tests.utils.chroma_server import ChromaServer, free_port
from tests.utils.documents import copy_knowledge


def chunk(id: str, text: str, **metadata: str) -> StoredChunk:
    return StoredChunk(id, text, {"source": "tmp/x.md", "tool_id": "x", **metadata})


@pytest.fixture
def store(settings_factory: SettingsFactory) -> ChromaStore:
    store = build_store(settings_factory())
    store.upsert(
        [chunk("a", "alpha"), chunk("b", "beta"), chunk("c", "gamma")],
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.6, 0.8, 0.0]],
    )
    return store


def test_embedded_store_lives_under_the_data_folder(settings_factory: SettingsFactory) -> None:
    settings = settings_factory()
    store = build_store(settings)
    assert store.ping()
    assert store.count() == 0
    assert settings.index_dir.is_dir()


def test_nearest_ranks_by_cosine_similarity(store: ChromaStore) -> None:
    hits = store.nearest([1.0, 0.1, 0.0], n=10)  # more than the store holds
    assert [i for i, _ in hits] == ["a", "c", "b"]
    similarity = [s for _, s in hits]
    assert 0.99 < similarity[0] <= 1.0
    assert similarity[0] > similarity[1] > similarity[2]
    (best,) = store.chunks(["a"])
    assert best.text == "alpha"
    assert best.metadata["tool_id"] == "x"


def test_update_delete_and_read_back(store: ChromaStore) -> None:
    store.update_metadata(["a"], [{"source": "tmp/y.md", "tool_id": "y"}])
    store.delete(["b"])
    by_id = {c.id: c for c in store.all_chunks()}
    assert set(by_id) == {"a", "c"}
    assert by_id["a"].metadata["tool_id"] == "y"
    assert by_id["a"].text == "alpha"


def test_empty_calls_do_nothing(store: ChromaStore) -> None:
    store.upsert([], [])
    store.delete([])
    store.update_metadata([], [])
    assert store.count() == 3


def test_reset_empties_the_collection(store: ChromaStore) -> None:
    store.reset()
    assert store.count() == 0
    store.upsert([chunk("d", "delta")], [[0.0, 0.0, 1.0]])
    assert store.count() == 1


def test_store_reopens_from_disk(store: ChromaStore, settings_factory: SettingsFactory) -> None:
    assert build_store(settings_factory()).count() == 3


def test_a_running_store_sees_what_another_process_indexed(
    settings_factory: SettingsFactory,
) -> None:
    """`balcony ingest` beside a running server: the server's store, opened on an empty
    folder, must search what the other process wrote, not fail until it is restarted."""
    settings = settings_factory()
    serving = build_store(settings)
    assert serving.count() == 0
    writer = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.components.vector_store import StoredChunk, build_store\n"
        "from tests.conftest import make_settings\n"
        "store = build_store(make_settings(Path(sys.argv[1])))\n"
        "store.upsert([StoredChunk(i, i, {'source': 'x.md', 'tool_id': 'x'}) for i in 'abc'],\n"
        "             [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.6, 0.8, 0.0]])\n"
        "store.mark_changed()\n"
    )
    subprocess.run([sys.executable, "-c", writer, str(settings.data_dir)], check=True, timeout=120)
    assert [i for i, _ in serving.nearest([1.0, 0.1, 0.0], n=3)] == ["a", "c", "b"]
    assert serving.count() == 3 and serving.version()


def test_unreachable_server_is_a_store_unavailable_error(
    settings_factory: SettingsFactory,
) -> None:
    # Nothing listens on a fresh free port on 127.0.0.1.
    settings = settings_factory(chroma=ChromaSettings(host="127.0.0.1", port=free_port()))
    with pytest.raises(StoreUnavailableError, match="BALCONY_CHROMA__HOST"):
        build_store(settings)


def test_server_mode_indexes_retrieves_and_fails_clearly_when_the_server_goes(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, ("slow-thinking", "vuca", "public-value"))
    with ChromaServer(tmp_path / "chroma-server") as server:
        services = services_factory(chroma=ChromaSettings(host=server.host, port=server.port))
        report = services.ingest([folder])

        assert report.chunks_added == services.store.count() > 0
        assert not services.settings.index_dir.exists()  # nothing embedded on local disk
        top = services.retriever.retrieve(
            "How do I win legitimacy and support from councillors for our permanence vision?", k=3
        )
        assert top[0].tool_id == "public-value"
        # The data is the server's: a second client sees the same passages.
        again = services_factory(chroma=ChromaSettings(host=server.host, port=server.port))
        assert again.material.size == services.store.count()

        with TestClient(create_app(services=services)) as client:
            assert client.get("/readyz").status_code == 200
            server.stop()

            with pytest.raises(StoreUnavailableError, match="Chroma"):
                services.retriever.retrieve("a dilemma", k=3)
            response = client.post("/v1/retrieve", json={"query": "a dilemma"})
            assert response.status_code == 503
            assert "Chroma is running and reachable" in response.json()["detail"]
            ready = client.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["store_reachable"] is False
            assert "unreachable" in ready.json()["detail"]

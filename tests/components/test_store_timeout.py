"""A Chroma server that hangs gives a clear 503 within the timeout, not a hung request."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

from app.main import create_app
from tests.conftest import ServicesFactory
from tests.utils.chroma_server import ChromaServer
from tests.utils.documents import copy_knowledge
from tests.utils.silent_proxy import silent_proxy


def test_hung_chroma_server_times_out(services_factory: ServicesFactory, tmp_path: Path) -> None:
    with (
        ChromaServer(tmp_path / "chroma") as server,
        silent_proxy(server.host, server.port) as proxy,
    ):
        services = services_factory(
            chroma={"host": "127.0.0.1", "port": proxy.port, "timeout_seconds": 1.5}
        )
        services.ingest([copy_knowledge(tmp_path / "kb", ["vuca"])])
        with TestClient(create_app(services=services)) as client:
            ok = client.post("/v1/retrieve", json={"query": "plans keep changing"})
            assert ok.status_code == 200
            proxy.silent.set()
            started = time.monotonic()
            response = client.post("/v1/retrieve", json={"query": "plans keep shifting under us"})
            waited = time.monotonic() - started
    assert response.status_code == 503
    assert "Chroma" in response.json()["detail"]
    assert waited < 30  # bounded by the timeout (1.5 s, plus retries), not forever

"""The ollama provider, against a real HTTP server speaking Ollama's /api/chat protocol."""

from __future__ import annotations

import json
from collections.abc import Callable

from fastapi.testclient import TestClient

from devtools.stand_in_provider import StandInProvider, running_provider

SILOS = "Our senior leadership team works in silos; each manager protects their own patch."


def _root(provider: StandInProvider) -> str:
    return provider.url.removesuffix("/v1")


def test_ollama_reply_streams_with_material_and_citations(
    app_factory: Callable[..., TestClient],
) -> None:
    with running_provider(StandInProvider(reply="Silos [1]. What is shared? [99]")) as provider:
        client = app_factory(
            llm={"provider": "ollama", "base_url": _root(provider), "model": "llama3.1"}
        )
        body = client.post("/v1/chat", json={"message": SILOS}).json()
        stream = client.post("/v1/chat/stream", json={"message": SILOS}).text
    # The first reply ends with the reminder to use roles, said once per conversation.
    assert body["reply"].startswith("Silos [1]. What is shared?")
    assert body["reply"].endswith('_Use roles, not names: "the child", "a team manager"._')
    assert len(body["sources"]) == 1
    request = provider.requests[0]
    assert request["model"] == "llama3.1"
    assert request["messages"][0]["role"] == "system"
    assert "Collective leadership" in request["messages"][-1]["content"]
    tokens = [
        json.loads(line.removeprefix("data: "))["text"]
        for line in stream.splitlines()
        if line.startswith("data: ") and '"text"' in line
    ]
    assert len(tokens) > 3 and "".join(tokens).startswith("Silos")


def test_ollama_down_is_a_clear_502(app_factory: Callable[..., TestClient]) -> None:
    client = app_factory(
        llm={"provider": "ollama", "base_url": "http://127.0.0.1:9", "model": "llama3.1"}
    )
    response = client.post("/v1/chat", json={"message": SILOS})
    assert response.status_code == 502
    assert "ollama" in response.json()["detail"]

"""Fault drills on a conversation: concurrent turns in one session; a provider that hangs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from app.components.embedding import Embedder
from devtools.stand_in_provider import running_provider
from tests.operations.processes import Server, balcony_env, ingest_here
from tests.storage.servers import temporary_postgres_database
from tests.utils.documents import copy_knowledge
from tests.utils.silent_proxy import silent_proxy

pytestmark = pytest.mark.slow

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
TIMEOUT_SECONDS = 3.0


def message(ordinal: str) -> str:
    return f"This is my {ordinal} question: how do I get my managers to plan rather than react?"


def indexed_env(tmp_path: Path, embedder: Embedder, **extra: str) -> dict[str, str]:
    env = balcony_env(
        tmp_path / "data",
        BALCONY_KNOWLEDGE_DIR=str(copy_knowledge(tmp_path, ("vuca", "slow-thinking"))),
        BALCONY_AUTH__RATE_LIMIT_PER_MINUTE="0",
        **extra,
    )
    ingest_here(env, embedder)  # the servers are the drill, not the indexing
    return env


@pytest.fixture(params=["sqlite", "postgresql"])
def database_env(request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """Where the conversations are kept: the turn lock differs (a file lock, an advisory one)."""
    if request.param == "sqlite":
        yield {}
    else:
        with temporary_postgres_database() as url:
            yield {"BALCONY_DATABASE__URL": url}


def test_concurrent_messages_to_one_conversation_keep_every_turn_in_order(
    tmp_path: Path, database_env: dict[str, str], embedder: Embedder
) -> None:
    env = indexed_env(tmp_path, embedder, **database_env)
    # Two workers: the concurrent turns also race across processes, not only threads.
    with (
        Server(env, tmp_path, "--workers", "2") as server,
        httpx.Client(base_url=server.url, timeout=120) as client,
    ):
        assert len(server.wait_for_workers(2)) == 2  # both up before the race
        opened = client.post("/v1/chat", json={"message": message("opening")})
        assert opened.status_code == 200, opened.text
        session = opened.json()["session_id"]

        def send(ordinal: str) -> int:
            body = {"message": message(ordinal), "session_id": session}
            return client.post("/v1/chat", json=body).status_code

        with ThreadPoolExecutor(len(ORDINALS)) as pool:
            statuses = list(pool.map(send, ORDINALS))
        transcript = client.get(f"/v1/sessions/{session}")

    assert statuses == [200] * len(ORDINALS)
    assert transcript.status_code == 200, transcript.text
    turns = transcript.json()["messages"]
    users = [t["content"] for t in turns if t["role"] == "user"]
    for ordinal in ["opening", *ORDINALS]:
        assert sum(message(ordinal) in text for text in users) == 1, (ordinal, users)
    assert len(turns) == 2 * (len(ORDINALS) + 1)
    for index in range(0, len(turns), 2):  # every message, then its own reply, in pairs
        assert turns[index]["role"] == "user", turns
        assert turns[index + 1]["role"] == "assistant", turns


def test_a_provider_that_hangs_gets_a_504_and_the_message_is_kept(
    tmp_path: Path, embedder: Embedder
) -> None:
    with running_provider() as provider:
        host, port = provider.url.removeprefix("http://").split("/")[0].split(":")
        with silent_proxy(host, int(port)) as proxy:
            env = indexed_env(
                tmp_path,
                embedder,
                BALCONY_LLM__PROVIDER="openai",
                BALCONY_LLM__BASE_URL=f"http://127.0.0.1:{proxy.port}/v1",
                BALCONY_LLM__MODEL="stand-in",
                BALCONY_LLM__API_KEY="stand-in-key",
                BALCONY_LLM__TIMEOUT_SECONDS=str(TIMEOUT_SECONDS),
                BALCONY_LLM__MAX_RETRIES="0",
            )
            with Server(env, tmp_path, "--workers", "1") as server:
                client = httpx.Client(base_url=server.url, timeout=60)
                opened = client.post("/v1/chat", json={"message": message("opening")})
                assert opened.status_code == 200, opened.text
                session = opened.json()["session_id"]

                proxy.silent.set()  # the provider now accepts and never answers
                started = time.monotonic()
                hung = client.post(
                    "/v1/chat", json={"message": message("second"), "session_id": session}
                )
                waited = time.monotonic() - started

                assert hung.status_code == 504, hung.text
                assert "did not answer within 3 s" in hung.json()["detail"]
                # One timeout, plus a possible safeguarding second opinion, plus slack.
                assert waited < 2 * TIMEOUT_SECONDS + 10
                kept = client.get(f"/v1/sessions/{session}").json()["messages"]
                assert message("second") in [m["content"] for m in kept if m["role"] == "user"]

                proxy.silent.clear()
                retried = client.post(f"/v1/sessions/{session}/retry")
                assert retried.status_code == 200, retried.text
                client.close()

"""Fault drills on the index: Chroma stopped and restarted under load; ingestion killed."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from app.components.embedding import Embedder
from tests.operations.processes import PROBE, Server, balcony_env, ingest_here, run_balcony
from tests.utils.chroma_server import ChromaServer
from tests.utils.documents import copy_knowledge

pytestmark = pytest.mark.slow

MESSAGE = "My managers keep firefighting and nobody steps back to plan. Where do I start?"


def wait_for(check: Callable[[], bool], seconds: float, what: str) -> None:
    """Poll `check()` until it is true, at most `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} did not happen within {seconds:g} s")


def ready(url: str) -> int:
    try:
        return httpx.get(f"{url}/readyz", timeout=15).status_code
    except httpx.HTTPError:
        return 0


class Load:
    """One client posting messages in a loop from a thread; keeps every status and body."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.results: list[tuple[int, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as client:
            number = 0
            while not self._stop.is_set():
                number += 1
                try:
                    response = client.post("/v1/chat", json={"message": f"{MESSAGE} ({number})"})
                    self.results.append((response.status_code, response.text))
                except httpx.HTTPError as error:
                    self.results.append((0, type(error).__name__))
                time.sleep(0.05)

    def __enter__(self) -> Load:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=60)

    def since(self, start: int) -> Counter[int]:
        return Counter(status for status, _ in self.results[start:])


def test_chroma_stopped_and_restarted_mid_load(tmp_path: Path, embedder: Embedder) -> None:
    with ChromaServer(tmp_path / "chroma") as chroma:
        env = balcony_env(
            tmp_path / "data",
            BALCONY_KNOWLEDGE_DIR=str(copy_knowledge(tmp_path, ("vuca", "slow-thinking"))),
            BALCONY_CHROMA__HOST=chroma.host,
            BALCONY_CHROMA__PORT=str(chroma.port),
            BALCONY_CHROMA__TIMEOUT_SECONDS="5",
            BALCONY_AUTH__RATE_LIMIT_PER_MINUTE="0",
        )
        ingest_here(env, embedder)  # into the Chroma server; serving through it is the drill
        with Server(env, tmp_path, "--workers", "1") as server, Load(server.url) as load:
            wait_for(lambda: load.since(0)[200] >= 3, 120, "chat answering")
            chroma.stop()
            down = len(load.results)
            wait_for(lambda: load.since(down)[503] >= 3, 60, "503s while Chroma is down")
            assert ready(server.url) == 503
            failures = [body for status, body in load.results[down:] if status == 503]
            assert all("Chroma" in body and "detail" in body for body in failures), failures[:2]
            assert not load.since(down)[500]  # never an unexplained server error

            chroma.start()  # the same folder and port: the same index comes back
            back = len(load.results)
            wait_for(lambda: load.since(back)[200] >= 3, 90, "recovery without a restart")
            assert ready(server.url) == 200
            assert server.process is not None and server.process.poll() is None


def write_uploads(folder: Path, files: int, paragraphs: int) -> None:
    """Plain-text handouts: enough passages that embedding them takes a while."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        text = "\n\n".join(
            f"Handout {number}, point {p}: a team reviews its week, names one decision it "
            f"deferred and one it rushed, and agrees who holds each next step ({p * number})."
            for p in range(paragraphs)
        )
        (folder / f"handout-{number}.txt").write_text(text, encoding="utf-8")


def test_ingest_killed_halfway_leaves_the_old_index_serving(
    tmp_path: Path, embedder: Embedder
) -> None:
    data = tmp_path / "data"
    env = balcony_env(
        data,
        BALCONY_KNOWLEDGE_DIR=str(copy_knowledge(tmp_path, ("vuca", "slow-thinking"))),
        BALCONY_AUTH__RATE_LIMIT_PER_MINUTE="0",
    )
    ingest_here(env, embedder)  # the old index; the ingestions killed and rerun are processes
    manifest = data / "ingest-manifest.json"
    assert manifest.is_file()
    write_uploads(data / "uploads", files=40, paragraphs=30)

    with Server(env, tmp_path, "--workers", "1") as server, Load(server.url) as load:
        wait_for(lambda: ready(server.url) == 200, 60, "ready")
        ingest = subprocess.Popen(
            [sys.executable, "-c", PROBE, "ingest"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            # The manifest goes as the index starts to change; then let it embed a while.
            wait_for(lambda: not manifest.exists() or ingest.poll() is not None, 180, "start")
            time.sleep(1.0)
            assert ingest.poll() is None, "ingestion finished before it could be killed"
            ingest.send_signal(signal.SIGKILL)
        finally:
            if ingest.poll() is None:
                ingest.kill()
            ingest.wait(timeout=30)
        assert ingest.returncode == -signal.SIGKILL
        after = len(load.results)
        wait_for(lambda: len(load.results) >= after + 5, 60, "answers after the kill")
        assert load.since(after) == Counter({200: load.since(after)[200]})
        assert ready(server.url) == 200

    assert not manifest.exists()  # a half-finished run never vouches for the index
    finished = run_balcony(env, "ingest", cwd=tmp_path)
    assert finished.returncode == 0, finished.stderr
    assert "42 files" in finished.stdout and "(0 changed)" not in finished.stdout
    again = run_balcony(env, "ingest", cwd=tmp_path)
    assert again.stdout.strip().startswith("42 files (0 changed), 0 chunks added")

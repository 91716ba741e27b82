"""`balcony serve --workers 2`: the workers start in turn, and /metrics, answered by either
worker, adds up both."""

from __future__ import annotations

import re
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.multiprocess import MultiProcessCollector

from app.components.embedding import Embedder
from tests.operations.processes import Server, balcony_env, ingest_here
from tests.utils.documents import copy_knowledge

pytestmark = pytest.mark.slow

HEALTHZ = {"method": "GET", "route": "/healthz", "status": "200"}


def healthz_count(text: str) -> float:
    pattern = r'balcony_http_requests_total\{method="GET",route="/healthz",status="200"\} (\S+)'
    found = re.search(pattern, text)
    return float(found.group(1)) if found else 0.0


def per_worker(metrics_dir: Path, scratch: Path) -> dict[str, float]:
    """Each worker's own /healthz count, read from its file alone."""
    counts: dict[str, float] = {}
    for file in sorted(metrics_dir.glob("counter_*.db")):
        alone = scratch / file.stem
        alone.mkdir(parents=True)
        shutil.copy(file, alone / file.name)
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=str(alone))  # type: ignore[no-untyped-call]
        value = registry.get_sample_value("balcony_http_requests_total", HEALTHZ)
        counts[file.stem.removeprefix("counter_")] = value or 0.0
    return counts


def hit(url: str) -> None:
    # A new connection each time, so the kernel hands requests to either worker.
    response = httpx.get(url, headers={"Connection": "close"}, timeout=10)
    assert response.status_code == 200


def test_workers_start_in_turn_and_metrics_cover_every_worker(
    tmp_path: Path, embedder: Embedder
) -> None:
    """One two-worker server for both points: a server start costs seconds of CPU."""
    data = tmp_path / "data"
    env = balcony_env(data, BALCONY_KNOWLEDGE_DIR=str(copy_knowledge(tmp_path, ("vuca",))))
    ingest_here(env, embedder)  # the workers' start and metrics are the point, not indexing
    (data / "metrics").mkdir()
    (data / "metrics" / "counter_999999.db").write_bytes(b"left from a previous run")
    (data / "worker-start.lock").write_text("999 took 1.0\n")  # from an earlier start

    with Server(env, tmp_path, "--workers", "2") as server:
        # Ready as soon as the first worker is; the second follows within the bound. Both
        # must be up before the load, or the first would answer everything.
        turns = server.wait_for_workers(2)
        # The readiness polls counted too (one, or two if the first timed out on a busy machine).
        before = healthz_count(httpx.get(f"{server.url}/metrics", timeout=10).text)
        sent = 0
        deadline = time.monotonic() + 60
        with ThreadPoolExecutor(8) as pool:
            # Until both workers have answered some (bounded by the deadline).
            while time.monotonic() < deadline:
                list(pool.map(hit, [f"{server.url}/healthz"] * 40))
                sent += 40
                served = per_worker(data / "metrics", tmp_path / f"scratch{sent}")
                if sum(1 for count in served.values() if count > 0) >= 2:
                    break
        # A worker counts a request once its response has gone out, so the client can hold
        # the last answer a moment before it is counted: read until the counts settle.
        settle = time.monotonic() + 10
        while sum(served.values()) < before + sent and time.monotonic() < settle:
            time.sleep(0.1)
            served = per_worker(data / "metrics", tmp_path / f"settle{time.monotonic_ns()}")
        exposed = httpx.get(f"{server.url}/metrics", timeout=10).text

    assert len(turns) == 2, turns  # both workers, and nothing left from the earlier start
    (first_took, first_gave), (second_took, second_gave) = turns
    assert first_took < first_gave <= second_took < second_gave  # one at a time
    assert "999999" not in served  # serve started from a clean folder
    assert sum(1 for count in served.values() if count > 0) == 2, served
    assert before >= 1  # the check that the server was up
    assert healthz_count(exposed) == sum(served.values()) == before + sent

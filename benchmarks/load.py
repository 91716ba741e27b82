"""Load: concurrent clients sending messages never sent before to a real `balcony serve`.

Run: .venv/bin/python benchmarks/load.py [--clients 32] [--seconds 60] [--single-seconds 20]
     [--workers N] [--url http://127.0.0.1:PORT] [--env BALCONY_X=VALUE ...]
Everything below is measured in one run, so a busy machine moves both sides of each ratio:
- the in-process embedding of one message, median, torch and ONNX Runtime (one thread),
  before the service starts, so nothing competes with it;
- /healthz at rest (sequential requests to the idle server);
- one client for --single-seconds: throughput and POST /v1/chat p50/p95/p99;
- --clients clients for --seconds: the same, errors, and /healthz probed every 0.1 s.
Without --url a service is started on 127.0.0.1 (default workers: one per core) over a
fresh index of the shipped knowledge base, with rate limits off.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from _messages import unique_messages
from _server import REPO, percentile_ms, run_balcony, running_service

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

TIMEOUT_SECONDS = 60.0
AIMS = {"healthz": 5.0, "scaling": 1.7, "one_client": 1.3}


@dataclass
class Phase:
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


class Messages:
    """One shared source of unique messages for every client (thread-safe)."""

    def __init__(self, seed: int) -> None:
        self._source: Iterator[str] = unique_messages(seed)
        self._lock = threading.Lock()

    def next(self) -> str:
        with self._lock:
            return next(self._source)


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail", "")
    except ValueError:
        detail = response.text
    return str(detail)[:120]


async def _client(
    client: httpx.AsyncClient, messages: Messages, end: float, phase: Phase, requests: int
) -> None:
    sent = 0
    while time.perf_counter() < end or sent < requests:
        sent += 1
        started = time.perf_counter()
        try:
            response = await client.post("/v1/chat", json={"message": messages.next()})
        except httpx.HTTPError as error:
            phase.errors[type(error).__name__] += 1
            continue
        if response.status_code == 200:
            phase.latencies.append(time.perf_counter() - started)
            phase.outcomes[str(response.json().get("outcome", "coached"))] += 1
        else:
            # The detail says which store or limit refused, so a failure can be traced.
            phase.errors[f"HTTP {response.status_code}: {_detail(response)}"] += 1


async def _load(
    url: str, clients: int, seconds: float, messages: Messages, requests: int = 0
) -> Phase:
    """Each client sends until `seconds` have passed and it has sent `requests`."""
    phase = Phase()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=TIMEOUT_SECONDS, limits=limits) as client:
        started = time.perf_counter()
        end = started + seconds
        await asyncio.gather(
            *(_client(client, messages, end, phase, requests) for _ in range(clients))
        )
        phase.seconds = time.perf_counter() - started
    return phase


def settle(url: str, messages: Messages, limit_seconds: float = 90.0) -> None:
    """Send single requests until two windows of five agree within 20% (at most 90 s).

    A fresh service embeds the coach's material in the background after it is ready, and
    replies are slower until it has: the figures are for the steady state.
    """
    windows: list[float] = []
    deadline = time.perf_counter() + limit_seconds
    while time.perf_counter() < deadline:
        phase = asyncio.run(_load(url, 1, 0.0, messages, requests=5))
        windows.append(statistics.median(phase.latencies or [TIMEOUT_SECONDS]))
        if len(windows) >= 2 and abs(windows[-1] - windows[-2]) <= 0.2 * windows[-2]:
            return
    print(f"note: replies had not settled after {limit_seconds:g} s")


def healthz_at_rest(url: str, count: int = 100) -> list[float]:
    timings: list[float] = []
    with httpx.Client(base_url=url, timeout=TIMEOUT_SECONDS) as client:
        for _ in range(count):
            started = time.perf_counter()
            client.get("/healthz").raise_for_status()
            timings.append(time.perf_counter() - started)
    return timings


def probe_healthz(url: str, stop: threading.Event, timings: list[float]) -> None:
    """Probe /healthz every 0.1 s from its own thread (and connection) until told to stop."""
    with httpx.Client(base_url=url, timeout=TIMEOUT_SECONDS) as client:
        while not stop.wait(0.1):
            started = time.perf_counter()
            try:
                client.get("/healthz").raise_for_status()
            except httpx.HTTPError:
                timings.append(TIMEOUT_SECONDS)  # counted as the worst case, not dropped
                continue
            timings.append(time.perf_counter() - started)


def run_load(
    url: str, clients: int, seconds: float, messages: Messages
) -> tuple[Phase, list[float]]:
    timings: list[float] = []
    stop = threading.Event()
    prober = threading.Thread(target=probe_healthz, args=(url, stop, timings), daemon=True)
    prober.start()
    try:
        phase = asyncio.run(_load(url, clients, seconds, messages))
    finally:
        stop.set()
        prober.join(timeout=TIMEOUT_SECONDS + 5)
    return phase, timings


def embedding_medians(cache_dir: Path, seed: int, count: int = 40) -> dict[str, float]:
    """Median seconds to embed one unseen message in this process, per backend (one thread)."""
    from app.components.embedding import build_embedder
    from app.core.config import EmbeddingSettings

    medians: dict[str, float] = {}
    for backend in ("torch", "onnx"):
        embedder = build_embedder(EmbeddingSettings(backend=backend, cache_dir=cache_dir))
        texts = unique_messages(seed + 1 if backend == "torch" else seed + 2)
        for _ in range(3):
            embedder.embed([next(texts)])  # warm-up
        timings = []
        for _ in range(count):
            text = next(texts)
            started = time.perf_counter()
            embedder.embed([text])
            timings.append(time.perf_counter() - started)
        medians[backend] = statistics.median(timings)
    return medians


def row(name: str, phase: Phase) -> str:
    p = [percentile_ms(phase.latencies, q) for q in (50, 95, 99)]
    errors = sum(phase.errors.values())
    return (
        f"{name:<22} {phase.throughput:>8.1f} {p[0]:>8.0f} {p[1]:>8.0f} {p[2]:>8.0f} "
        f"{len(phase.latencies):>7} {errors:>6}"
    )


def report(
    args: argparse.Namespace,
    embeds: dict[str, float],
    rest: list[float],
    single: Phase,
    load: Phase,
    during: list[float],
) -> None:
    print(f"\nclients {args.clients}, {args.seconds:g} s; one client {args.single_seconds:g} s")
    print(f"embed one message in-process: torch {embeds['torch'] * 1000:.1f} ms, ", end="")
    print(f"ONNX Runtime {embeds['onnx'] * 1000:.1f} ms (medians)")
    head = ("req/s", "p50 ms", "p95 ms", "p99 ms")
    print(f"\n{'POST /v1/chat':<22} " + " ".join(f"{h:>8}" for h in head) + "      ok errors")
    print(row("one client", single))
    print(row(f"{args.clients} clients", load))
    for name, phase in (("one client", single), (f"{args.clients} clients", load)):
        if phase.errors:
            print(f"  errors, {name}: {dict(phase.errors)}")
        print(f"  outcomes, {name}: {dict(phase.outcomes)}")
    rest95, load95 = percentile_ms(rest, 95), percentile_ms(during, 95)
    print(f"\n/healthz at rest: p50 {percentile_ms(rest, 50):.1f} ms, p95 {rest95:.1f} ms")
    print(f"/healthz during load: p50 {percentile_ms(during, 50):.1f} ms, p95 {load95:.1f} ms")
    ratios = {
        "healthz": (load95 / rest95, "<=", "/healthz p95 under load / at rest"),
        "scaling": (load.throughput / single.throughput, ">=", "throughput N clients / one"),
        "one_client": (
            percentile_ms(single.latencies, 50) / (embeds["torch"] * 1000),
            "<=",
            "one-client chat p50 / torch embed median",
        ),
    }
    print()
    for key, (value, sense, label) in ratios.items():
        aim = AIMS[key]
        met = value <= aim if sense == "<=" else value >= aim
        print(f"{label:<44} {value:>6.2f}  (aim {sense} {aim:g}: {'OK' if met else 'MISSED'})")
    print(f"errors under load: {sum(load.errors.values())} (aim 0)")


def measure(
    url: str, args: argparse.Namespace, embeds: dict[str, float], messages: Messages
) -> None:
    settle(url, messages)
    rest = healthz_at_rest(url)
    single = asyncio.run(_load(url, 1, args.single_seconds, messages))
    load, during = run_load(url, args.clients, args.seconds, messages)
    report(args, embeds, rest, single, load, during)


def print_server_problems(data: Path, limit: int = 20) -> None:
    """The service's own warnings and errors from this run (its log goes with the temp dir)."""
    lines = [
        line
        for log in sorted(data.glob("serve-*.log"))
        for line in log.read_text(errors="replace").splitlines()
        if any(
            mark in line
            for mark in ('"level": "WARNING"', '"level": "ERROR"', "Traceback", "ERROR:")
        )
    ]
    if lines:
        print(f"\nservice warnings and errors: {len(lines)} (first {min(limit, len(lines))})")
        for line in lines[:limit]:
            print(f"  {line[:400]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--single-seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=None, help="Default: serve's own.")
    parser.add_argument("--url", help="Target a running service instead of starting one.")
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="BALCONY_X=VALUE",
        help="A setting for the started service (repeatable): BALCONY_COACHING__CPU_THREADS=2",
    )
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    messages = Messages(args.seed)
    with tempfile.TemporaryDirectory(prefix="balcony-load-") as tmp:
        data = Path(tmp)
        if args.url:
            measure(args.url, args, embedding_medians(data / "models", args.seed), messages)
            return
        print(run_balcony(["ingest"], data))
        # The baseline first, while no server competes for the CPU (it reuses the export).
        embeds = embedding_medians(data / "models", args.seed)
        serve_args = ["--workers", str(args.workers)] if args.workers else []
        extra = dict(item.split("=", 1) for item in args.env)
        with running_service(data, extra=extra, serve_args=serve_args) as url:
            measure(url, args, embeds, messages)
        print_server_problems(data)


if __name__ == "__main__":
    main()

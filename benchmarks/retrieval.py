"""Measure what retrieval costs over HTTP against what embedding the query costs in-process.

Run: .venv/bin/python benchmarks/retrieval.py [--rounds 10]
Prints ingestion times (first vs unchanged re-run), the in-process embedding median, and
the median and p95 of POST /v1/retrieve against a real `balcony serve` on 127.0.0.1, and
what the learned re-ranker adds in process against fusion alone (same queries, same run).
Each round appends a new label to every dilemma, so the retriever's query cache never hits.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from _server import load_queries, median_ms, p95_ms, running_service, variant

from app.core.config import Settings
from app.ingest.pipeline import IngestReport
from app.services import Services, build_services

EMBED_AIM = 1.5
REINGEST_AIM = 0.10


def timed_ingest(services: Services) -> tuple[IngestReport, float]:
    """Ingest the default paths; return the report and the wall-clock seconds."""
    start = time.perf_counter()
    report = services.ingest()
    return report, time.perf_counter() - start


def time_each(queries: list[str], call: Callable[[str], object]) -> list[float]:
    """Time one call per query, in seconds."""
    timings: list[float] = []
    for query in queries:
        start = time.perf_counter()
        call(query)
        timings.append(time.perf_counter() - start)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10, help="Measured rounds over the set.")
    args = parser.parse_args()
    queries = load_queries()
    with tempfile.TemporaryDirectory(prefix="balcony-bench-") as tmp:
        data_dir = Path(tmp)
        services = build_services(Settings(_env_file=None, data_dir=data_dir))
        first, first_wall = timed_ingest(services)
        second, second_wall = timed_ingest(services)

        def embed(query: str) -> object:
            return services.embedder.embed([query])

        def retrieve_in_process(query: str) -> object:
            return services.retriever.retrieve(query, k=5)

        def retrieve_fused(query: str) -> object:
            return services.retriever.retrieve(query, k=5, method="hybrid")

        embed_s: list[float] = []
        retrieve_s: list[float] = []
        fused_s: list[float] = []
        rerank_s: list[float] = []
        http_s: list[float] = []
        started = time.perf_counter()
        with running_service(data_dir) as base_url, httpx.Client(base_url=base_url) as client:
            ready_s = time.perf_counter() - started

            def retrieve_http(query: str) -> object:
                response = client.post("/v1/retrieve", json={"query": query, "k": 5})
                response.raise_for_status()
                return response

            # Warm-up: lazy imports, first-call allocations, the connection.
            warm = [variant(q, "warm-up") for q in queries]
            for call in (embed, retrieve_in_process, retrieve_fused, retrieve_http):
                time_each(warm, call)
            # Interleaved by round, so a noisy neighbour hurts every figure alike.
            for round_number in range(1, args.rounds + 1):
                batch = [variant(q, f"round {round_number}") for q in queries]
                embed_s += time_each(batch, embed)
                retrieve_s += time_each(batch, retrieve_in_process)
                # Same text again: the query's embedding is cached, so this is search alone.
                fused_s += time_each(batch, retrieve_fused)
                rerank_s += time_each(batch, retrieve_in_process)
                http_s += time_each(batch, retrieve_http)

    embed_median, http_median = median_ms(embed_s), median_ms(http_s)
    ratio = http_median / embed_median
    reingest_ratio = second.seconds / first.seconds
    wall_ratio = second_wall / first_wall
    print(f"queries: {len(queries)} x {args.rounds} rounds ({len(http_s)} requests per figure)")
    print("ingestion")
    print(f"  first run      {first.seconds:7.2f} s  ({first.summary()}; wall {first_wall:.2f} s)")
    print(
        f"  unchanged run  {second.seconds:7.2f} s  ({second.summary()}; wall {second_wall:.2f} s)"
    )
    print(
        f"  ratio          {reingest_ratio:7.1%}  (aim < {REINGEST_AIM:.0%}; "
        f"chunks embedded on re-run: {second.chunks_embedded}) "
        f"{'OK' if reingest_ratio < REINGEST_AIM else 'MISSED'}"
    )
    print(
        f"  wall ratio     {wall_ratio:7.1%}  (services.ingest(): ingestion plus the retriever "
        f"refresh and coach warm-up) {'OK' if wall_ratio < REINGEST_AIM else 'MISSED'}"
    )
    print(f"server ready in {ready_s:.1f} s (model load and start-up)")
    print("query latency")
    print(
        f"  embed, in-process          median {embed_median:6.1f} ms  p95 {p95_ms(embed_s):6.1f} ms"
    )
    print(
        f"  retrieve, in-process       median {median_ms(retrieve_s):6.1f} ms  "
        f"p95 {p95_ms(retrieve_s):6.1f} ms"
    )
    print(
        f"  search alone (cached vector): fusion median {median_ms(fused_s):5.2f} ms, "
        f"re-ranked median {median_ms(rerank_s):5.2f} ms "
        f"({median_ms(rerank_s) / median_ms(fused_s):.2f}x)"
    )
    print(
        f"  POST /v1/retrieve, HTTP    median {http_median:6.1f} ms  p95 {p95_ms(http_s):6.1f} ms"
    )
    print(
        f"  HTTP median / embed median {ratio:6.2f}x  (aim <= {EMBED_AIM}x) "
        f"{'OK' if ratio <= EMBED_AIM else 'MISSED'}"
    )


if __name__ == "__main__":
    main()

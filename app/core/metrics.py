"""Prometheus metrics kept by the service: counts and latency, never text.

With several workers, `balcony serve` turns on prometheus-client's multiprocess mode: each
worker writes its values to files in one folder, and /metrics adds up every worker's.
"""

from __future__ import annotations

import atexit
import os
import shutil
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"


def prepare_multiprocess(directory: Path) -> None:
    """Start every worker's metrics from zero in `directory` (before the workers start).

    Must run before prometheus-client is imported in the workers: it picks where values
    live when it is first imported, and the workers inherit this environment.
    """
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    os.environ[MULTIPROCESS_ENV] = str(directory)


def _mark_dead(pid: int) -> None:
    # Drops the worker's live-gauge files; its counters stay in the totals, as they should.
    multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.multiprocess = bool(os.environ.get(MULTIPROCESS_ENV))
        if self.multiprocess:
            atexit.register(_mark_dead, os.getpid())
        self.requests = Counter(
            "balcony_http_requests_total",
            "HTTP requests by route and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "balcony_http_request_seconds",
            "HTTP request latency by route.",
            ["route"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
        )
        self.escalations = Counter(
            "balcony_safeguarding_escalations_total",
            "Messages escalated for safeguarding (counted, never stored).",
            registry=self.registry,
        )
        self.gate_outcomes = Counter(
            "balcony_gate_outcomes_total",
            "The gate's decisions: escalated, declined, coached_with_safety_line, coached.",
            ["outcome"],
            registry=self.registry,
        )
        self.provider_errors = Counter(
            "balcony_llm_provider_errors_total",
            "Failures of the language-model provider.",
            ["kind"],
            registry=self.registry,
        )

    def count_outcome(self, outcome: str) -> None:
        """Count a gate decision (and an escalation on the older counter dashboards use)."""
        self.gate_outcomes.labels(outcome).inc()
        if outcome == "escalated":
            self.escalations.inc()

    def exposition(self) -> bytes:
        """The text /metrics serves: this process's values, or every worker's added up."""
        if not self.multiprocess:
            return generate_latest(self.registry)
        combined = CollectorRegistry()
        multiprocess.MultiProcessCollector(combined)  # type: ignore[no-untyped-call]
        return generate_latest(combined)

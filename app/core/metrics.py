"""Prometheus metrics kept by the service: counts and latency, never text."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
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
        self.provider_errors = Counter(
            "balcony_llm_provider_errors_total",
            "Failures of the language-model provider.",
            ["kind"],
            registry=self.registry,
        )

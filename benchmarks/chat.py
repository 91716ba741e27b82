"""Measure a coaching turn: offline POST /v1/chat latency, and the overhead before a model call.

Run: .venv/bin/python benchmarks/chat.py [--rounds 5]
(a) Offline: median and p95 of POST /v1/chat, one client, against a real `balcony serve`.
(b) Overhead: with the stand-in OpenAI-compatible provider served from this process, the
    time from just before the client sends POST /v1/chat to the moment the provider receives
    the model request; both readings are time.perf_counter() in this one process. Baseline
    from the same run: a bare POST to the stand-in itself.
Each round appends a new label to every dilemma, so no cache has seen the exact text.
Dilemmas that are escalated or declined (no retrieval, no model call) are left out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from _server import REPO, load_cases, median_ms, p95_ms, run_balcony, running_service, variant

# devtools/ is not installed with the package; it is found from the checkout.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from devtools.stand_in_provider import StandInProvider, running_provider

OFFLINE_P95_AIM_MS = 100.0
OVERHEAD_AIM_MS = 30.0
TIMEOUT_SECONDS = 30.0


def post_chat(client: httpx.Client, message: str) -> bool:
    """Send one single-turn chat; return whether it was coached from retrieved material."""
    response = client.post("/v1/chat", json={"message": message, "mode": "auto"})
    response.raise_for_status()
    body = response.json()
    # An escalation or a declined request skips retrieval and generation: no sources.
    return not body["safeguarding"]["escalated"] and bool(body["sources"])


def coached(client: httpx.Client, cases: dict[str, str]) -> dict[str, str]:
    """Warm up with every dilemma once; keep those that are coached (not escalated or declined)."""
    return {
        case_id: query
        for case_id, query in cases.items()
        if post_chat(client, variant(query, "warm-up"))
    }


def send_coached(client: httpx.Client, message: str) -> None:
    """Send a chat that must be coached: a shortcut reply would flatter the figures."""
    if not post_chat(client, message):
        raise RuntimeError("a dilemma was not coached although its warm-up was")


def offline_latency(
    base_url: str, cases: dict[str, str], rounds: int
) -> tuple[dict[str, str], list[float]]:
    """Time POST /v1/chat against the offline coach; return the dilemmas kept and the times."""
    timings: list[float] = []
    with httpx.Client(base_url=base_url, timeout=TIMEOUT_SECONDS) as client:
        kept = coached(client, cases)
        for round_number in range(1, rounds + 1):
            for query in kept.values():
                message = variant(query, f"round {round_number}")
                start = time.perf_counter()
                send_coached(client, message)
                timings.append(time.perf_counter() - start)
    return kept, timings


def answer(body: dict[str, Any]) -> str:
    """The stand-in's reply: NO to a safeguarding second opinion, else a short coaching reply."""
    if "YES or NO" in str(body["messages"][-1]["content"]):
        return "NO"
    return StandInProvider().reply


def provider_overhead(
    base_url: str, provider: StandInProvider, queries: list[str], rounds: int
) -> tuple[list[float], int]:
    """Time from sending POST /v1/chat to the provider receiving the coaching request.

    Also returns how many turns asked for a safeguarding second opinion first."""
    overheads: list[float] = []
    second_opinions: list[int] = []
    with httpx.Client(base_url=base_url, timeout=TIMEOUT_SECONDS) as client:
        for query in queries:
            send_coached(client, variant(query, "warm-up"))
        for round_number in range(1, rounds + 1):
            for query in queries:
                message = variant(query, f"round {round_number}")
                before = len(provider.arrivals)
                start = time.perf_counter()
                send_coached(client, message)
                arrived = provider.arrivals[before:]
                # A borderline message asks for a safeguarding second opinion first; the
                # overhead is measured to the coaching request, which is always the last.
                if not 1 <= len(arrived) <= 2:
                    raise RuntimeError(f"expected one or two provider calls, saw {len(arrived)}")
                second_opinions.append(len(arrived) - 1)
                overheads.append(arrived[-1] - start)
    return overheads, sum(second_opinions)


def bare_provider(
    provider: StandInProvider, queries: list[str], rounds: int
) -> tuple[list[float], list[float]]:
    """Baseline: a bare POST to the stand-in; return round-trip and send-to-arrival times."""
    round_trips: list[float] = []
    arrivals: list[float] = []
    with httpx.Client(base_url=provider.url, timeout=TIMEOUT_SECONDS) as client:
        for round_number in range(rounds + 1):  # round 0 is the warm-up
            for query in queries:
                content = variant(query, f"round {round_number}")
                body = {"model": "stand-in", "messages": [{"role": "user", "content": content}]}
                before = len(provider.arrivals)
                start = time.perf_counter()
                client.post("/chat/completions", json=body).raise_for_status()
                end = time.perf_counter()
                if round_number:
                    round_trips.append(end - start)
                    arrivals.append(provider.arrivals[before] - start)
    return round_trips, arrivals


def verdict(figure_ms: float, aim_ms: float) -> str:
    return "OK" if figure_ms < aim_ms else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="Measured rounds over the set.")
    args = parser.parse_args()
    cases = load_cases()
    with tempfile.TemporaryDirectory(prefix="balcony-bench-") as tmp:
        data_dir = Path(tmp)
        print(f"ingest: {run_balcony(['ingest'], data_dir)}")
        with running_service(data_dir) as base_url:
            kept, offline = offline_latency(base_url, cases, args.rounds)
        queries = list(kept.values())
        with running_provider(StandInProvider(responder=answer)) as provider:
            llm_env = {
                "BALCONY_LLM__PROVIDER": "openai",
                "BALCONY_LLM__BASE_URL": provider.url,
                "BALCONY_LLM__MODEL": "stand-in",
                "BALCONY_LLM__MAX_RETRIES": "0",
            }
            with running_service(data_dir, llm_env) as base_url:
                overhead, asked = provider_overhead(base_url, provider, queries, args.rounds)
            bare_trip, bare_arrival = bare_provider(provider, queries, args.rounds)

    left_out = sorted(set(cases) - set(kept))
    offline_median, offline_p95 = median_ms(offline), p95_ms(offline)
    overhead_median, overhead_p95 = median_ms(overhead), p95_ms(overhead)
    trip_median = median_ms(bare_trip)
    print(
        f"dilemmas: {len(kept)} of {len(cases)} x {args.rounds} rounds "
        f"({len(offline)} requests per figure); left out (escalated or declined, so never "
        f"coached): {', '.join(left_out) or 'none'}"
    )
    print("offline coach, POST /v1/chat, one client")
    print(
        f"  median {offline_median:6.1f} ms  p95 {offline_p95:6.1f} ms  "
        f"(aim p95 < {OFFLINE_P95_AIM_MS:g} ms) {verdict(offline_p95, OFFLINE_P95_AIM_MS)}"
    )
    print("service overhead: client sends POST /v1/chat -> stand-in provider receives the request")
    print(
        f"  median {overhead_median:6.1f} ms  p95 {overhead_p95:6.1f} ms  "
        f"(aim < {OVERHEAD_AIM_MS:g} ms: median {verdict(overhead_median, OVERHEAD_AIM_MS)}, "
        f"p95 {verdict(overhead_p95, OVERHEAD_AIM_MS)})"
    )
    print("baseline, same run: bare httpx POST to the stand-in")
    print(
        f"  round trip median {trip_median:6.2f} ms  "
        f"send -> arrival median {median_ms(bare_arrival):6.2f} ms"
    )
    print(f"  overhead median / bare round-trip median {overhead_median / trip_median:6.1f}x")
    print(f"  turns that first asked for a safeguarding second opinion: {asked} of {len(overhead)}")


if __name__ == "__main__":
    main()

"""Where one offline chat turn's milliseconds go, in process, over messages never sent before.

Run: .venv/bin/python benchmarks/profile_turn.py [--count 200] [--cprofile 25] [--follow-up]

The app is served in this process (httpx over ASGI, one event loop, the same thread hops
as `balcony serve`), one request at a time. Each stage is timed by wrapping the function
that does it; what is left of the request's time is the HTTP/ASGI layer, the event loop's
thread hops and the glue between stages. It also counts the embedding model's passes per
message (the issue's aim: one). Every figure is a median over the messages, in ms.
With --follow-up each timed message is the second of its conversation (its transcript is
read and its turn lock taken); the first is sent untimed.
cProfile sees the event loop's thread only: the stages in worker threads show as waits.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import io
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from _messages import unique_messages
from _server import REPO

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# The current request's timings: stage -> seconds (summed if a stage runs twice).
_current: dict[str, float] = defaultdict(float)
_passes: list[int] = [0]


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _current[name] += time.perf_counter() - started

    return wrapper


def instrument(services: Any) -> None:
    """Wrap each stage's function in place (instances, so nothing else is touched)."""
    chat = services.chat
    inner = services.embedder
    model_embed = inner.embed

    def counted(texts: Any) -> Any:
        _passes[0] += 1
        return model_embed(texts)

    inner.embed = timed("embed (model pass)", counted)
    chat._conversations.get = timed("storage: read transcript", chat._conversations.get)
    chat._conversations.exchange = timed("storage: store message", chat._conversations.exchange)
    chat._conversations.finish_turn = timed("storage: store reply", chat._conversations.finish_turn)
    chat._redactor.redact = timed("redaction", chat._redactor.redact)
    chat._gate.decide = timed("gate decide (no embed)", chat._gate.decide)
    retriever = services.retriever
    retriever.retrieve = timed("retrieval total", retriever.retrieve)
    store = services.store
    # Older code searched with query(), newer with nearest(): time whichever exists.
    for name in ("query", "nearest"):
        if hasattr(store, name):
            setattr(store, name, timed("retrieval: chroma search", getattr(store, name)))
    material = services.material
    material.current = timed("retrieval: snapshot check", material.current)
    keyword = retriever._keyword_index(material.current())
    keyword.search = timed("retrieval: bm25", keyword.search)
    services.offline.compose = timed("offline coach compose", services.offline.compose)
    reranker = retriever._reranker
    if reranker is not None:
        retriever._features = timed("retrieval: rerank features", retriever._features)
    import app.coaching.chain as chain

    # The preparer calls it by its name in that module: replace it there.
    namespace = vars(chain)
    namespace["build_context"] = timed("build context", namespace["build_context"])


async def run(
    app: Any, messages: list[str], profile: cProfile.Profile | None, follow_up: bool = False
) -> list[dict[str, float]]:
    rows: list[dict[str, float]] = []
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://test") as client,
    ):
        for warm in messages[:5]:
            (await client.post("/v1/chat", json={"message": warm})).raise_for_status()
        for message in messages[5:]:
            body: dict[str, str] = {"message": message}
            if follow_up:
                opening = await client.post("/v1/chat", json={"message": f"{message} (opening)"})
                body["session_id"] = opening.raise_for_status().json()["session_id"]
            _current.clear()
            _passes[0] = 0
            if profile:
                profile.enable()
            started = time.perf_counter()
            response = await client.post("/v1/chat", json=body)
            total = time.perf_counter() - started
            if profile:
                profile.disable()
            response.raise_for_status()
            row = dict(_current)
            row["request total"] = total
            row["model passes"] = float(_passes[0])
            rows.append(row)
    return rows


def report(rows: list[dict[str, float]]) -> None:
    names = sorted({k for r in rows for k in r} - {"request total", "model passes"})
    total = statistics.median(r["request total"] for r in rows)
    print(f"\n{len(rows)} fresh messages, one at a time; medians in ms (share of the median total)")
    accounted = 0.0
    top_level = {
        "embed (model pass)",
        "redaction",
        "gate decide (no embed)",
        "storage: read transcript",
        "storage: store message",
        "storage: store reply",
        "retrieval total",
        "build context",
        "offline coach compose",
    }
    for name in names:
        value = statistics.median(r.get(name, 0.0) for r in rows)
        if name in top_level:
            accounted += value
        indent = "  " if name not in top_level else ""
        print(f"  {indent}{name:<34} {value * 1000:7.2f}  ({value / total:5.1%})")
    print(f"  {'HTTP/ASGI, thread hops, glue':<34} {(total - accounted) * 1000:7.2f}  (rest)")
    print(f"  {'request total':<34} {total * 1000:7.2f}")
    passes = [int(r["model passes"]) for r in rows]
    print(f"model passes per message: min {min(passes)}, max {max(passes)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--cprofile", type=int, default=0, help="Print the top N functions.")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--follow-up", action="store_true", help="Time second messages.")
    args = parser.parse_args()
    import logging

    from app.core.config import Settings
    from app.main import create_app
    from app.services import build_services

    logging.disable(logging.INFO)  # the service's WARNING level, as the benchmarks serve it
    with tempfile.TemporaryDirectory(prefix="balcony-profile-") as tmp:
        settings = Settings(
            _env_file=None,
            data_dir=Path(tmp) / "data",
            knowledge_dir=REPO / "knowledge",
            auth={"rate_limit_per_minute": 0},
        )
        services = build_services(settings)
        services.ensure_indexed()
        services.wait_warm()
        instrument(services)
        app = create_app(services=services)
        source = unique_messages(args.seed)
        messages = [next(source) for _ in range(args.count + 5)]
        profile = cProfile.Profile() if args.cprofile else None
        rows = asyncio.run(run(app, messages, profile, args.follow_up))
        report(rows)
        if profile:
            out = io.StringIO()
            stats = pstats.Stats(profile, stream=out).sort_stats("tottime")
            stats.print_stats(args.cprofile)
            print(out.getvalue())


if __name__ == "__main__":
    main()

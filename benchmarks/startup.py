"""Startup: `balcony serve` to ready, and `balcony ingest` with nothing changed, as processes.

Run: .venv/bin/python benchmarks/startup.py [--rounds 3] [--workers N]
Baseline from the same run: a bare process that imports the stack (app.main and chromadb)
and loads the embedding model, nothing else. Aims (issue 11): serve ready within 1.3x of
that baseline; an unchanged ingest under 3 s. The index and the ONNX export are made once
before timing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _server import BALCONY, free_port, run_balcony, service_env, stop, wait_ready

# The stack includes chromadb, which the app imports only when it opens the store.
BARE = (
    "import app.main\n"
    "import chromadb\n"
    "from app.components.embedding import build_embedder\n"
    "from app.core.config import get_settings\n"
    "build_embedder(get_settings().embedding).embed(['warm'])\n"
)
SERVE_AIM = 1.3
INGEST_AIM_SECONDS = 3.0


def timed(command: list[str], data: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, env=service_env(data), cwd=data, check=True, capture_output=True, timeout=600
    )
    return time.perf_counter() - started


def serve_to_ready(data: Path, workers: int | None) -> float:
    port = free_port()
    command = [str(BALCONY), "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers)] if workers else []
    log_path = data / f"serve-{port}.log"
    with log_path.open("w") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, env=service_env(data), cwd=data, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_ready(f"http://127.0.0.1:{port}", process, log_path)
            return time.perf_counter() - started
        finally:
            stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None, help="Default: serve's own.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="balcony-startup-") as tmp:
        data = Path(tmp)
        started = time.perf_counter()
        print(run_balcony(["ingest"], data))
        first = time.perf_counter() - started
        bare, serve, ingest = [], [], []
        for _ in range(args.rounds):
            bare.append(timed([sys.executable, "-c", BARE], data))
            serve.append(serve_to_ready(data, args.workers))
            ingest.append(timed([str(BALCONY), "ingest"], data))
    b, s, i = (statistics.median(x) for x in (bare, serve, ingest))
    workers = args.workers or "one per core"
    print(f"\nmedians of {args.rounds} rounds (serve workers: {workers})")
    print(f"bare import of the stack + model load   {b:6.2f} s")
    print(f"balcony serve to ready (/readyz 200)    {s:6.2f} s")
    print(f"balcony ingest, first run               {first:6.2f} s (once, includes the export)")
    print(f"balcony ingest, nothing changed         {i:6.2f} s")
    met = "OK" if s / b <= SERVE_AIM else "MISSED"
    print(f"\nserve / bare: {s / b:.2f} (aim <= {SERVE_AIM:g}: {met})")
    verdict = "OK" if i < INGEST_AIM_SECONDS else "MISSED"
    print(f"unchanged ingest: {i:.2f} s (aim < {INGEST_AIM_SECONDS:g} s: {verdict})")


if __name__ == "__main__":
    main()

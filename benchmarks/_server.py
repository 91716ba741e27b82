"""Shared benchmark helpers: run the real `balcony` service in a subprocess, and summarise timings.

Only 127.0.0.1 is used; every wait is bounded and every process started here is stopped.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
BALCONY = REPO / ".venv" / "bin" / "balcony"
EVAL_SET = REPO.parent / "shared" / "eval" / "retrieval-dev.jsonl"
READY_SECONDS = 120.0
STOP_SECONDS = 15.0


def load_cases(path: Path = EVAL_SET) -> dict[str, str]:
    """Read an evaluation set (one JSON object per line) as id -> dilemma."""
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return {row["id"]: row["query"] for row in rows}


def load_queries(path: Path = EVAL_SET) -> list[str]:
    """Read the dilemmas of an evaluation set."""
    return list(load_cases(path).values())


def free_port() -> int:
    """Ask the kernel for a loopback port nobody is using."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def service_env(data_dir: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a `balcony` subprocess: no inherited BALCONY_* settings, no limits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BALCONY_")}
    env.update(
        {
            "BALCONY_DATA_DIR": str(data_dir),
            # The default 60 requests a minute per address would throttle the benchmark.
            "BALCONY_AUTH__RATE_LIMIT_PER_MINUTE": "0",
            "BALCONY_LOG_LEVEL": "WARNING",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
        }
    )
    env.update(extra or {})
    return env


def run_balcony(args: Sequence[str], data_dir: Path, extra: Mapping[str, str] | None = None) -> str:
    """Run one `balcony` command to completion (e.g. `ingest`) and return its output."""
    done = subprocess.run(
        [str(BALCONY), *args],
        env=service_env(data_dir, extra),
        cwd=data_dir,  # no stray .env from the caller's directory
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"balcony {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout.strip()


@contextmanager
def running_service(
    data_dir: Path, extra: Mapping[str, str] | None = None, serve_args: Sequence[str] = ()
) -> Iterator[str]:
    """Serve `balcony serve` on a free loopback port until the block ends; yield its base URL."""
    port = free_port()
    log_path = data_dir / f"serve-{port}.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(BALCONY), "serve", "--host", "127.0.0.1", "--port", str(port), *serve_args],
            env=service_env(data_dir, extra),
            cwd=data_dir,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_ready(base_url, process, log_path)
            yield base_url
        finally:
            stop(process)


def wait_ready(base_url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    """Return once /readyz answers 200; raise if the process exits or READY_SECONDS pass."""
    deadline = time.monotonic() + READY_SECONDS
    with httpx.Client(base_url=base_url, timeout=2.0) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"balcony serve exited:\n{log_path.read_text()[-2000:]}")
            try:
                if client.get("/readyz").status_code == 200:
                    return
            except httpx.TransportError:
                pass  # not listening yet
            time.sleep(0.25)
    raise RuntimeError(
        f"balcony serve not ready after {READY_SECONDS:g} s:\n{log_path.read_text()[-2000:]}"
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate a process started here (kill it if it does not stop in time)."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_SECONDS)


def median_ms(seconds: Sequence[float]) -> float:
    """Median of timings in seconds, in milliseconds."""
    return statistics.median(seconds) * 1000


def p95_ms(seconds: Sequence[float]) -> float:
    """95th percentile (inclusive interpolation) of timings in seconds, in milliseconds."""
    return statistics.quantiles(seconds, n=20, method="inclusive")[18] * 1000


def variant(text: str, label: str) -> str:
    """The same dilemma with a label appended, so no cache has seen this exact text."""
    return f"{text} ({label})"


def percentile_ms(seconds: Sequence[float], percent: int) -> float:
    """The given percentile (inclusive interpolation) of timings in seconds, in milliseconds."""
    if len(seconds) < 2:
        return (seconds[0] if seconds else float("nan")) * 1000
    return statistics.quantiles(seconds, n=100, method="inclusive")[percent - 1] * 1000

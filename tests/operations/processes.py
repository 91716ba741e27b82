"""Real `balcony` processes for the operations tests: run a command, or serve on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

from app.components.embedding import Embedder
from app.core.config import Settings
from app.ingest.pipeline import IngestReport
from app.services import build_services
from tests.utils.served_process import HOST, ServedProcess, free_port

REPO = Path(__file__).resolve().parents[2]
# The ONNX export is made once per machine and shared by every test process.
MODEL_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "balcony/models"
READY_SECONDS = 180.0

# Runs the CLI in a fresh interpreter, then says which heavy packages it had to import.
PROBE = (
    "import sys\n"
    "from app.cli import cli\n"
    "try:\n"
    "    cli(sys.argv[1:], prog_name='balcony')\n"
    "except SystemExit as done:\n"
    "    code = done.code or 0\n"
    "heavy = [m for m in ('torch', 'chromadb', 'onnxruntime', 'sentence_transformers')"
    " if m in sys.modules]\n"
    "print('HEAVY=' + ','.join(heavy), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def balcony_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a child process: this checkout, a temp data folder, no .env."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BALCONY_")}
    env.update(
        PYTHONPATH=str(REPO),
        BALCONY_DATA_DIR=str(data_dir),
        BALCONY_EMBEDDING__CACHE_DIR=str(MODEL_CACHE),
        BALCONY_LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def settings_of(env: dict[str, str]) -> Settings:
    """The settings a child process started with `env` reads (no .env file)."""
    with mock.patch.dict(os.environ, env, clear=True):
        return Settings(_env_file=None)


def ingest_here(env: dict[str, str], embedder: Embedder) -> IngestReport:
    """Index the default material as `balcony ingest` in a child with `env` would, but here,
    with the session's model: for drills whose point is serving, not ingesting.

    A child for it cost about 5 s of CPU (importing the stack, loading the model, embedding);
    `balcony ingest` itself runs as a process in the fast-path test and the kill drill.
    """
    services = build_services(settings_of(env), embedder=embedder, warm_material=False)
    report = services.ingest()
    assert report.chunks_added > 0 and not report.skipped, report
    return report


def run_balcony(
    env: dict[str, str], *args: str, cwd: Path, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def heavy_modules(result: subprocess.CompletedProcess[str]) -> list[str]:
    line = next(x for x in result.stderr.splitlines() if x.startswith("HEAVY="))
    return [m for m in line.removeprefix("HEAVY=").split(",") if m]


class Server(ServedProcess):
    """`balcony serve` on a free 127.0.0.1 port, stopped (and its workers) on exit."""

    def __init__(self, env: dict[str, str], cwd: Path, *args: str) -> None:
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        super().__init__(
            "balcony serve",
            [sys.executable, "-c", PROBE, "serve", "--port", str(self.port), *args],
            ready_url=f"{self.url}/healthz",
            log=cwd / f"serve-{self.port}.log",
            ready_seconds=READY_SECONDS,
            stop_seconds=30.0,  # uvicorn's supervisor stops its workers on SIGTERM
            env=env,
            cwd=cwd,
        )
        self.start_lock = Path(env["BALCONY_DATA_DIR"]) / "worker-start.lock"

    def worker_turns(self) -> list[tuple[float, float]]:
        """Each worker's finished start turn (took, gave), as app/worker.py notes them."""
        noted: dict[str, dict[str, float]] = {}
        text = self.start_lock.read_text() if self.start_lock.is_file() else ""
        for line in text.splitlines():
            pid, event, at = line.split()
            noted.setdefault(pid, {})[event] = float(at)
        finished = [t for t in noted.values() if {"took", "gave"} <= t.keys()]
        return sorted((t["took"], t["gave"]) for t in finished)

    def wait_for_workers(self, count: int, seconds: float = 120) -> list[tuple[float, float]]:
        """The workers' turns once `count` of them have built their apps (bounded wait): the
        server answers as soon as the first has, and the others follow one at a time."""
        deadline = time.monotonic() + seconds
        while len(self.worker_turns()) < count and time.monotonic() < deadline:
            time.sleep(0.2)
        return self.worker_turns()

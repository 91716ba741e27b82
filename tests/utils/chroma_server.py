"""Start a real `chroma run` server on 127.0.0.1 for the server-mode tests, and stop it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

STARTUP_SECONDS = 30.0


def chroma_binary() -> str:
    """The `chroma` console script: on PATH, or beside this interpreter in the venv."""
    found = shutil.which("chroma") or shutil.which("chroma", path=str(Path(sys.executable).parent))
    if not found:
        raise RuntimeError("The chroma command is not installed in this environment.")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ChromaServer:
    """A `chroma run --path DIR --host 127.0.0.1 --port N` process, used as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.host = "127.0.0.1"
        self.port = free_port()
        self._log = path.parent / f"chroma-{self.port}.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def heartbeat_url(self) -> str:
        return f"http://{self.host}:{self.port}/api/v2/heartbeat"

    def start(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        command = [chroma_binary(), "run", "--path", str(self.path)]
        command += ["--host", self.host, "--port", str(self.port)]
        with self._log.open("wb") as log:
            self._process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"chroma run exited early:\n{self._log.read_text()[-2000:]}")
            if self.is_up():
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"chroma run did not answer its heartbeat in {STARTUP_SECONDS} s")

    def is_up(self) -> bool:
        try:
            return httpx.get(self.heartbeat_url, timeout=1.0).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        if self._process is None or self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)

    def __enter__(self) -> ChromaServer:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

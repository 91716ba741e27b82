"""A real child process serving HTTP on 127.0.0.1: started, waited for, stopped.

One helper for every test that needs a real server process (`balcony serve`, `chroma run`).
"""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class ServedProcess:
    """`command` run with its output in `log`; ready once `ready_url` answers 200."""

    def __init__(
        self,
        name: str,
        command: list[str],
        *,
        ready_url: str,
        log: Path,
        ready_seconds: float,
        stop_seconds: float = 10.0,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> None:
        self.name = name
        self.ready_url = ready_url
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None
        self._command = command
        self._ready_seconds = ready_seconds
        self._stop_seconds = stop_seconds
        self._env, self._cwd = env, cwd

    def start(self) -> Self:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                self._command, env=self._env, cwd=self._cwd, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + self._ready_seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited early:\n{self.log.read_text()[-3000:]}")
            if self.is_up():
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} not ready in {self._ready_seconds} s: {self.ready_url}")

    def is_up(self) -> bool:
        try:
            return httpx.get(self.ready_url, timeout=1.0).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=self._stop_seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

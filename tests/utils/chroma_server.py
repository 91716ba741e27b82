"""Start a real `chroma run` server on 127.0.0.1 for the server-mode tests, and stop it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Self

from tests.utils.served_process import HOST, ServedProcess, free_port

__all__ = ["ChromaServer", "chroma_binary", "free_port"]


def chroma_binary() -> str:
    """The `chroma` console script: on PATH, or beside this interpreter in the venv."""
    found = shutil.which("chroma") or shutil.which("chroma", path=str(Path(sys.executable).parent))
    if not found:
        raise RuntimeError("The chroma command is not installed in this environment.")
    return found


class ChromaServer(ServedProcess):
    """A `chroma run --path DIR --host 127.0.0.1 --port N` process, used as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.host = HOST
        self.port = free_port()
        super().__init__(
            "chroma run",
            [chroma_binary(), "run", "--path", str(path), "--host", HOST, "--port", str(self.port)],
            ready_url=f"http://{HOST}:{self.port}/api/v2/heartbeat",
            log=path.parent / f"chroma-{self.port}.log",
            ready_seconds=30.0,
        )

    def start(self) -> Self:
        self.path.mkdir(parents=True, exist_ok=True)
        return super().start()

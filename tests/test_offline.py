"""Offline proof: a fresh process with the network cut loads the model, ingests and answers.

It runs in a subprocess because the Hugging Face libraries read their offline switches when
first imported: in this test process the session's model has already imported them, so only
a fresh interpreter shows what a fresh install does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

# Installed before anything else is imported: every non-loopback connection or name lookup is
# recorded and refused, so a library that quietly tries the network and falls back is caught.
SCRIPT = r"""
import ipaddress
import json
import socket
import sys

attempts = []


def allowed(host):
    if host is None or host in ("localhost", b"localhost"):
        return True
    try:
        return ipaddress.ip_address(host.decode() if isinstance(host, bytes) else host).is_loopback
    except ValueError:
        return False


def guard(address, what):
    host = address[0] if isinstance(address, tuple) else None  # AF_UNIX paths are local
    if not allowed(host):
        attempts.append(f"{what} {host}")
        raise OSError(f"network disabled for this test: {host}")


real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
real_getaddrinfo = socket.getaddrinfo


def connect(self, address):
    guard(address, "connect")
    return real_connect(self, address)


def connect_ex(self, address):
    guard(address, "connect_ex")
    return real_connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    if not allowed(host):
        attempts.append(f"getaddrinfo {host}")
        raise socket.gaierror(socket.EAI_NONAME, "network disabled for this test")
    return real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.getaddrinfo = getaddrinfo

from pathlib import Path

from app.components.embedding import build_embedder
from app.core.config import EmbeddingSettings, Settings
from app.services import build_services

embedder = build_embedder(EmbeddingSettings())
services = build_services(Settings(_env_file=None, data_dir=Path(sys.argv[1])), embedder=embedder)
report = services.ingest()
results = services.retriever.retrieve(
    "After a serious incident everyone wants me to decide the future of the home tonight.", k=3
)
found = list(attempts)
try:  # Prove the guard is live: a documentation-only address must be refused and recorded.
    socket.create_connection(("192.0.2.1", 80), timeout=1)
    guard_live = False
except OSError:
    guard_live = any("192.0.2.1" in a for a in attempts[len(found) :])
print(json.dumps({
    "attempts": found,
    "guard_live": guard_live,
    "chunks": report.chunks_added,
    "skipped": report.skipped,
    "tools": [p.tool_id for p in results],
}))
"""


@pytest.mark.slow
def test_ingest_and_query_work_with_the_network_cut(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        # The code itself must switch the libraries offline: nothing inherited may do it.
        if not key.startswith(("BALCONY_", "HF_", "TRANSFORMERS_", "SENTENCE_TRANSFORMERS_"))
    }
    env["HF_HOME"] = str(tmp_path / "empty-hf-cache")  # no cached model to fall back on
    env["PYTHONPATH"] = str(REPO)

    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
        cwd=tmp_path,  # no developer .env
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["guard_live"] is True
    assert outcome["attempts"] == []
    assert outcome["skipped"] == []
    assert outcome["chunks"] > 50
    assert outcome["tools"][0] == "slow-thinking"

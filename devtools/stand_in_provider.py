"""A real HTTP server on 127.0.0.1 standing in for an OpenAI-compatible provider.

It records every request body (and when its first byte arrived), and answers the way it is
told: a streamed or whole reply, an HTTP error, a hang longer than the client's timeout, or
garbage.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Behaviour = Literal["ok", "error", "slow", "garbage", "unauthorised"]


@dataclass
class StandInProvider:
    reply: str = "You are carrying a lot [1]. What matters most tonight?"
    behaviour: Behaviour = "ok"
    slow_seconds: float = 5.0
    # Optional: compose the reply from the request (e.g. answer each numbered line).
    responder: Callable[[dict[str, Any]], str] | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    arrivals: list[float] = field(default_factory=list)
    url: str = ""

    def reply_for(self, body: dict[str, Any]) -> str:
        return self.responder(body) if self.responder else self.reply

    @property
    def last_messages(self) -> list[dict[str, Any]]:
        return list(self.requests[-1]["messages"]) if self.requests else []

    def all_text(self) -> str:
        """Everything the provider was ever sent, as one string (for leak checks)."""
        return json.dumps(self.requests)


def _handler(provider: StandInProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            return

        def handle(self) -> None:
            # The client may give up first (a timeout test): that is expected.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                super().handle()

        def do_POST(self) -> None:
            provider.arrivals.append(time.perf_counter())
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            provider.requests.append(body)
            if provider.behaviour == "slow":
                time.sleep(provider.slow_seconds)
            if provider.behaviour in ("error", "unauthorised"):
                status = 500 if provider.behaviour == "error" else 401
                self._send(status, {"error": {"message": "stand-in failure", "type": "server"}})
            elif provider.behaviour == "garbage":
                raw = b"<html>not json</html>"
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)
            elif self.path.startswith("/api/chat"):
                self._ollama(body)
            elif body.get("stream"):
                self._stream(body)
            else:
                self._send(200, _completion(body, provider.reply_for(body)))

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            raw = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def _ollama(self, body: dict[str, Any]) -> None:
            """Ollama's /api/chat: NDJSON lines of message pieces, then a done line."""
            words = provider.reply_for(body).split(" ")
            lines = [
                {
                    "model": body.get("model", "stand-in"),
                    "created_at": "2026-11-26T00:00:00Z",
                    "message": {"role": "assistant", "content": w if i == 0 else " " + w},
                    "done": False,
                }
                for i, w in enumerate(words)
            ]
            lines.append(
                {
                    "model": body.get("model", "stand-in"),
                    "created_at": "2026-11-26T00:00:00Z",
                    "message": {"role": "assistant", "content": ""},
                    "done": True,
                    "done_reason": "stop",
                }
            )
            if body.get("stream", True):
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson")
                self.end_headers()
                for line in lines:
                    self.wfile.write((json.dumps(line) + "\n").encode())
                    self.wfile.flush()
            else:
                whole = {
                    **lines[-1],
                    "message": {"role": "assistant", "content": provider.reply_for(body)},
                }
                self._send(200, whole)

        def _stream(self, body: dict[str, Any]) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            words = provider.reply_for(body).split(" ")
            for index, word in enumerate(words):
                piece = word if index == 0 else " " + word
                chunk = {
                    "id": "chatcmpl-standin",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": body.get("model", "stand-in"),
                    "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
                }
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            done = {
                "id": "chatcmpl-standin",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": body.get("model", "stand-in"),
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            }
            self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
            self.wfile.flush()

    return Handler


def _completion(body: dict[str, Any], reply: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-standin",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "stand-in"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


@contextmanager
def running_provider(provider: StandInProvider | None = None) -> Iterator[StandInProvider]:
    """Serve the stand-in on a free loopback port for the duration of the block."""
    provider = provider or StandInProvider()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(provider))
    server.daemon_threads = True
    provider.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

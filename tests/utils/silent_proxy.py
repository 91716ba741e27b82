"""A TCP proxy on 127.0.0.1 that can fall silent: it keeps connections open but passes nothing.

Stands in for a server that hangs (alive, accepting, never answering)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field


@dataclass
class SilentProxy:
    target: tuple[str, int]
    silent: threading.Event = field(default_factory=threading.Event)
    port: int = 0


def _pipe(source: socket.socket, sink: socket.socket, proxy: SilentProxy) -> None:
    with suppress(OSError):
        while data := source.recv(65536):
            if proxy.silent.is_set():
                continue  # swallow: the caller waits for an answer that never comes
            sink.sendall(data)


@contextmanager
def silent_proxy(host: str, port: int) -> Iterator[SilentProxy]:
    proxy = SilentProxy((host, port))
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    proxy.port = listener.getsockname()[1]
    stop = threading.Event()
    sockets: list[socket.socket] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            upstream = socket.create_connection(proxy.target, timeout=5)
            upstream.settimeout(None)
            sockets.extend([client, upstream])
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pipe, args=(a, b, proxy), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        stop.set()
        thread.join(timeout=2)
        for sock in [listener, *sockets]:
            with suppress(OSError):
                sock.close()

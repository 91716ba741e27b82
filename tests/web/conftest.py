"""Browser fixtures: one real server (uvicorn in a thread over the shared index), two
intranet hosts on other ports (one allowed to embed the widget, one not), one Chromium per
module."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from app.main import create_app
from app.services import Services, build_services
from tests.conftest import REPO, make_settings

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _need(condition: bool, reason: str) -> None:
    """Skip a browser test on a machine without its tools; under CI, fail instead."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests: see .ci/run)")
    pytest.skip(reason)


@dataclass(frozen=True)
class Site:
    base: str  # Balcony itself
    allowed_host: str  # an intranet origin on the allowlist
    refused_host: str  # an intranet origin not on it


def _host_page(balcony: str) -> bytes:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Intranet</title></head>
<body><main><h1>Council intranet</h1><p>News for staff. <a href="#news">Read the news</a></p>
</main><script src="{balcony}/widget.js" data-key="" defer></script></body></html>""".encode()


def _serve_host(port: int, balcony: str) -> ThreadingHTTPServer:
    page = _host_page(balcony)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site(indexed_services: Services, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real app on a free port, plus the two intranet hosts."""
    port, allowed, refused = _free_port(), _free_port(), _free_port()
    base = f"http://127.0.0.1:{port}"
    allowed_origin = f"http://127.0.0.1:{allowed}"
    settings = make_settings(
        tmp_path_factory.mktemp("web") / "data",
        cors_origins=[allowed_origin],
        auth={"rate_limit_per_minute": 0},
    )
    services = build_services(settings, index_from=indexed_services)
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(services=services), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    hosts = [_serve_host(allowed, base), _serve_host(refused, base)]
    yield Site(base, allowed_origin, f"http://127.0.0.1:{refused}")
    for host in hosts:
        host.shutdown()
    server.should_exit = True
    thread.join(timeout=10)


# One browser per module, closed at its end: while Playwright's sync API is open it keeps an
# event loop marked running in this thread, which breaks asyncio.run() in any module that
# runs after it on the same xdist worker. Closed, the thread is clean again (a launch is ~1 s).
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need(CHROMIUM.exists(), f"{CHROMIUM} is missing: apt-get install chromium")
    _need(AXE.exists(), f"{AXE} is missing: run `npm ci` at the repository root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, site: Site) -> Iterator[Any]:
    """A fresh tab (its own sessionStorage) at a desktop size."""
    context = browser.new_context(base_url=site.base, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()

"""The web chat's time to the first streamed words, against the API's own time to first token.

Run: .venv/bin/python benchmarks/page_stream.py [--rounds 15]
Against a real `balcony serve` (subprocess, temp data folder), in the same run:
(a) API: from just before httpx sends POST /v1/chat/stream to the first `token` event.
(b) Page: in Chromium, from the Send button's click to the first reply words in the DOM
    (performance.now() in the page, so the browser's own timer measures both ends).
Every message is new (benchmarks/_messages.py): no cache has seen it. Rounds alternate which
path goes first, and both paths wait the same pause before a turn (the page also reloads
first), so neither starts while the server is still finishing the previous turn. A turn that
fails is counted and left out. Aim: the page's median within 1.2x the API's.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from _messages import unique_messages
from _server import median_ms, run_balcony, running_service
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
]
AIM_RATIO = 1.2
TIMEOUT_SECONDS = 60.0
SETTLE_MS = 300

# Resolves with the milliseconds from the click to the first words of the reply on screen.
_CLICK_TO_FIRST_WORDS = """async (message) => {
  document.querySelector('textarea#message').value = message;
  return await new Promise((resolve) => {
    let start = 0;
    const failed = document.querySelector('[data-error]');
    const seen = new MutationObserver(() => {
      const body = document.querySelector('.message-body.streaming');
      if (body && body.textContent.length) {
        seen.disconnect();
        resolve(performance.now() - start);
      } else if (!failed.hidden) {
        seen.disconnect();
        resolve(null);  // the turn failed: not a timing
      }
    });
    seen.observe(document.querySelector('[data-chat]'),
                 {childList: true, subtree: true, characterData: true, attributes: true});
    setTimeout(() => { seen.disconnect(); resolve(null); }, 60000);
    start = performance.now();
    document.querySelector('[data-send]').click();
  });
}"""


def api_first_token(client: httpx.Client, message: str) -> float | None:
    """Seconds from sending to the first token event (None if the turn failed)."""
    time.sleep(SETTLE_MS / 1000)  # the same pause the page gets, so both start on a quiet server
    started = time.perf_counter()
    first = None
    events: list[str] = []
    with client.stream("POST", "/v1/chat/stream", json={"message": message}) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if first is None and line == "event: token":
                first = time.perf_counter() - started
            if line.startswith(("event: ", "data: ")):
                events.append(line[:200])
    if first is None:
        print(f"  a turn failed, not timed: {events[:2]}")
    return first


def page_first_words(page: Any, message: str) -> float | None:
    """Seconds from the click to the first words in the page (None if the turn failed)."""
    page.evaluate("sessionStorage.removeItem('balcony.session')")
    page.reload(wait_until="networkidle")
    # A person types for a while after the page loads: let its start-up work settle first.
    page.wait_for_timeout(SETTLE_MS)
    milliseconds = page.evaluate(_CLICK_TO_FIRST_WORDS, message)
    if milliseconds is None:
        print("  a turn failed in the page, not timed")
        return None
    page.locator(".message-coach:not([aria-busy])").wait_for(timeout=TIMEOUT_SECONDS * 1000)
    return float(milliseconds) / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    messages = unique_messages(seed=int(time.time()))
    api: list[float | None] = []
    page_times: list[float | None] = []
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        print(f"ingest: {run_balcony(['ingest'], data_dir)}")
        with (
            running_service(data_dir) as base_url,
            httpx.Client(base_url=base_url, timeout=TIMEOUT_SECONDS) as client,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(base_url + "/")
            for _ in range(2):  # warm both paths: first requests pay one-off costs
                api_first_token(client, next(messages))
                page_first_words(page, next(messages))
            for round_number in range(rounds):
                api_first = round_number % 2 == 0
                if api_first:
                    api.append(api_first_token(client, next(messages)))
                page_times.append(page_first_words(page, next(messages)))
                if not api_first:
                    api.append(api_first_token(client, next(messages)))
            browser.close()
    api_ok = [t for t in api if t is not None]
    page_ok = [t for t in page_times if t is not None]
    failed = len(api) - len(api_ok) + len(page_times) - len(page_ok)
    if not api_ok or not page_ok:
        raise SystemExit("every turn failed on one path: nothing to compare")
    api_ms, page_ms = median_ms(api_ok), median_ms(page_ok)
    ratio = page_ms / api_ms
    print(f"rounds: {rounds}, each with a message never sent before; failed turns: {failed}")
    print(f"API time to first token (httpx), median:         {api_ms:7.1f} ms")
    print(f"page time to first words (click to DOM), median: {page_ms:7.1f} ms")
    verdict = "within" if ratio <= AIM_RATIO else "OVER"
    print(f"ratio page/API: {ratio:.2f}x ({verdict} the {AIM_RATIO}x aim)")


if __name__ == "__main__":
    main()

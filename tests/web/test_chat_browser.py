"""The web chat in a real browser: keyboard only, streamed, announced once, cited, deleted."""

from __future__ import annotations

import re
from typing import Any

from tests.web.checks import serious_violations
from tests.web.conftest import Site

DILEMMA = "Partners never come to the strategy meeting and I have no authority over them."
ESCALATION = "a parent has just threatened to stab the baby and I can't reach my manager"

# Record every change to the live region, and how many times the streaming reply grew.
_RECORD = """() => {
  window.__announced = [];
  window.__growth = 0;
  const live = document.querySelector('[data-announce]');
  new MutationObserver(() => window.__announced.push(live.textContent))
    .observe(live, {childList: true, characterData: true, subtree: true});
  new MutationObserver(() => {
    if (document.querySelector('.message-body.streaming')) window.__growth += 1;
  }).observe(document.querySelector('[data-transcript]'),
             {childList: true, characterData: true, subtree: true});
}"""


def tab_to(page: Any, selector: str, presses: int = 40) -> None:
    """Press Tab until `selector` has focus (bounded); fail if it never does."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def converse(page: Any, message: str) -> Any:
    """Type and send with the keyboard alone; return the finished coach message."""
    tab_to(page, "textarea#message")
    page.keyboard.type(message)
    tab_to(page, "[data-send]", presses=6)
    page.keyboard.press("Enter")
    reply = page.locator(".message-coach:not([aria-busy])").last
    reply.wait_for()
    return reply


def test_keyboard_conversation_announced_once_and_cited(page: Any, site: Site) -> None:
    page.goto("/")
    page.evaluate(_RECORD)
    reply = converse(page, DILEMMA)
    text = reply.locator(".message-body").inner_text()
    assert "[PERSON" not in text and len(text) > 80
    announced = [a for a in page.evaluate("window.__announced") if a]
    assert len(announced) == 1, announced  # once, when finished: not token by token
    assert announced[0].startswith("The coach replied:")
    assert page.evaluate("window.__growth") >= 2  # the words arrived in more than one piece
    assert page.locator("textarea#message").input_value() == ""
    assert serious_violations(page) == []

    citations = reply.locator(".message-body a[aria-label^='Source']")
    assert citations.count() >= 1
    label = citations.first.get_attribute("aria-label")
    cited_heading = label.split(", ")[-1]
    tab_to(page, ".message-body a[aria-label^='Source']", presses=60)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/tools/[a-z0-9-]+#[a-z0-9-]+$"))
    anchor = page.url.split("#")[1]
    target = page.locator(f"[id='{anchor}']")
    assert target.evaluate("el => /^H[1-6]$/.test(el.tagName)")
    assert target.inner_text().strip() == cited_heading


def test_every_citation_in_the_page_links_to_a_source(page: Any) -> None:
    page.goto("/")
    reply = converse(page, DILEMMA)
    body = reply.locator(".message-body").inner_text()
    cited = [
        int(n) for group in re.findall(r"\[(\d+(?:,\s*\d+)*)\]", body) for n in group.split(",")
    ]
    listed = reply.locator(".sources li").count()
    assert cited and all(1 <= n <= listed for n in cited), (cited, listed)
    assert reply.locator(".message-body a[aria-label^='Source']").count() == len(cited)


def test_escalation_is_marked_in_words_and_passes_axe(page: Any) -> None:
    page.goto("/")
    page.evaluate(_RECORD)
    reply = converse(page, ESCALATION)
    assert "please contact someone now" in reply.locator(".message-who").inner_text()
    assert "duty manager" in reply.inner_text().lower()
    announced = [a for a in page.evaluate("window.__announced") if a]
    assert len(announced) == 1 and announced[0].startswith("Safeguarding.")
    assert serious_violations(page) == []


def test_reload_restores_then_delete_erases(page: Any, site: Site) -> None:
    page.goto("/")
    converse(page, DILEMMA)
    session = page.evaluate("sessionStorage.getItem('balcony.session')")
    assert session
    page.reload()
    page.locator(".message-coach .sources").first.wait_for()
    assert page.locator(".message-you").count() == 1
    assert page.locator(".message-coach").count() == 1
    assert page.evaluate("localStorage.length") == 0  # never kept beyond the tab

    tab_to(page, "[data-delete]", presses=80)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('[data-confirm]')")
    assert serious_violations(page) == []
    page.locator("[data-confirm-delete]").focus()
    page.keyboard.press("Enter")
    page.locator(".message").first.wait_for(state="detached")
    assert page.evaluate("sessionStorage.getItem('balcony.session')") is None
    status = page.evaluate(f"async () => (await fetch('/v1/sessions/{session}')).status")
    assert status == 404


def test_a_failed_send_keeps_the_typed_text(page: Any) -> None:
    page.goto("/")
    page.route("**/v1/chat/stream", lambda route: route.abort())
    page.locator("textarea#message").fill(DILEMMA)
    page.locator("[data-send]").click()
    error = page.locator("[data-error]")
    error.wait_for()
    assert "still in the box" in error.inner_text()
    assert page.locator("textarea#message").input_value() == DILEMMA
    assert "not sent" in page.locator(".message-you .message-who").inner_text()
    assert serious_violations(page) == []


def test_supervision_summary_is_shown_and_printable(page: Any, site: Site) -> None:
    page.goto("/")
    converse(page, DILEMMA)
    session = page.evaluate("sessionStorage.getItem('balcony.session')")
    status = page.evaluate(f"async () => (await fetch('/v1/sessions/{session}/summary')).status")
    if status == 404:
        import pytest

        pytest.skip("GET /v1/sessions/{id}/summary is not built yet (the conversation issue)")
    page.locator("[data-summary]").click()
    panel = page.locator("[data-summary-panel]")
    panel.wait_for()
    assert panel.locator("[data-summary-body]").inner_text().strip()
    assert serious_violations(page) == []
    page.emulate_media(media="print")
    page.evaluate("document.body.classList.add('printing-summary')")
    assert panel.is_visible()
    assert not page.locator("form[data-composer]").is_visible()
    assert not page.locator(".site-header").is_visible()

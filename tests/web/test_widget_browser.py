"""The intranet widget: one script tag on another origin; only allowed origins may embed it."""

from __future__ import annotations

import time
from typing import Any

from tests.web.checks import obscured_focus, serious_violations
from tests.web.conftest import Site
from tests.web.test_chat_browser import DILEMMA, tab_to


def _widget_frame(page: Any, base: str, seconds: float = 10) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for frame in page.frames:
            if frame is not page.main_frame and frame.url not in ("", "about:blank"):
                return frame
        page.wait_for_timeout(50)
    raise AssertionError("the widget's frame never navigated")


def test_widget_opens_and_coaches_on_an_allowed_origin(page: Any, site: Site) -> None:
    page.goto(site.allowed_host + "/")
    tab_to(page, "[data-balcony-widget]")
    page.keyboard.press("Enter")
    dialog = page.locator("dialog[open]")
    dialog.wait_for()
    assert page.get_attribute("[data-balcony-widget]", "aria-expanded") == "true"
    frame = _widget_frame(page, site.base)
    assert frame.url.startswith(site.base + "/widget")
    assert "#key" not in frame.url
    frame.locator("textarea#message").fill(DILEMMA)
    frame.locator("[data-send]").click()
    frame.locator(".message-coach:not([aria-busy]) .sources").wait_for()
    assert serious_violations(page) == []
    assert serious_violations(page, frame) == []
    assert obscured_focus(page, presses=10) == []  # the modal keeps focus in view
    frame.locator("textarea#message").focus()
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.hasAttribute('data-balcony-widget')")


def test_widget_is_refused_on_an_origin_not_on_the_list(page: Any, site: Site) -> None:
    page.goto(site.refused_host + "/")
    page.locator("[data-balcony-widget]").click()
    frame = _widget_frame(page, site.base)
    page.wait_for_timeout(300)
    assert frame.url.startswith("chrome-error://") or frame.locator("textarea").count() == 0
    assert frame.evaluate("() => document.querySelector('textarea#message')") is None

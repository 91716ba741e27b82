"""Every page at 320 px, at 200% zoom and in forced colours; targets, focus and axe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.checks import (
    PAGES,
    horizontal_overflow,
    obscured_focus,
    serious_violations,
    small_targets,
)
from tests.web.conftest import Site

FOCUS = "The team keeps going round in circles on the same families, and partners never come."


@pytest.mark.parametrize("path", PAGES)
def test_page_reflows_zooms_and_passes_the_checks(browser: Any, site: Site, path: str) -> None:
    # 320 CSS px (WCAG reflow), and 1280 px at 200% zoom, which lays out as 640 px.
    for width, height in ((320, 640), (640, 400)):
        context = browser.new_context(
            base_url=site.base, viewport={"width": width, "height": height}
        )
        page = context.new_page()
        page.goto(path)
        assert horizontal_overflow(page) <= 0, (path, width)
        assert small_targets(page) == [], (path, width)
        assert obscured_focus(page, presses=25) == [], (path, width)
        if width == 320:
            assert serious_violations(page) == [], path
            page.emulate_media(forced_colors="active")
            assert serious_violations(page) == [], path
            page.reload()
            for _ in range(3):  # focus stays visible when colours are forced
                page.keyboard.press("Tab")
                style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert style != "none", path
        context.close()


def test_plan_builder_shows_prints_and_downloads(page: Any) -> None:
    page.goto("/facilitator")
    page.locator("#focus").fill(FOCUS)
    page.locator("#duration").fill("90")
    page.locator("form[data-plan-form] button[type=submit]").click()
    plan = page.locator("[data-plan]")
    plan.wait_for()
    assert page.evaluate("document.activeElement.matches('[data-plan]')")
    assert plan.locator(".segment").count() >= 3
    assert "90 minutes" in plan.inner_text()
    assert plan.locator("a[href^='/source?']").count() >= 1
    with page.expect_download() as download:
        page.locator("[data-download]").click()
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith("#") and "90" in markdown
    assert serious_violations(page) == []
    page.emulate_media(media="print")
    assert plan.is_visible()
    assert not page.locator("form[data-plan-form]").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.locator("[data-print]").is_visible()
    assert horizontal_overflow(page) <= 0


def test_plan_builder_says_what_is_wrong(page: Any) -> None:
    page.goto("/facilitator")
    page.locator("form[data-plan-form] button[type=submit]").click()
    error = page.locator("[data-error]")
    error.wait_for()
    assert "challenge" in error.inner_text()
    assert page.evaluate("document.activeElement.matches('[data-error]')")


def test_prompt_cards_and_insights(page: Any) -> None:
    page.goto("/facilitator/prompts")
    page.locator("#tool").select_option("slow-thinking")
    page.locator("form[data-prompts-form] button[type=submit]").click()
    cards = page.locator("[data-cards-list] li")
    cards.first.wait_for()
    assert cards.count() >= 3
    assert serious_violations(page) == []

    for message in ("We lurch from crisis to crisis.", "Partners never come to meetings.") * 3:
        assert page.request.post("/v1/chat", data={"message": message}).ok
    page.goto("/facilitator/insights")
    page.locator("[data-load-insights]").click()
    page.locator("[data-insights]").wait_for()
    table = page.locator("[data-table]")
    assert table.locator("th[scope=col]").count() >= 2  # "Count" and at least one week
    cells = table.locator("td").all_inner_texts()
    assert cells and all(c.isdigit() or c == "fewer than 5" for c in cells)
    assert page.locator("[data-chart] svg[role=img]").count() == 1
    assert serious_violations(page) == []

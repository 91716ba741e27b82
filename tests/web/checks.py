"""In-browser checks: axe-core, and the WCAG 2.2 checks axe cannot make."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import AXE

# Targets (2.5.8): controls, and links that are not inline in a sentence.
_SMALL_TARGETS = """() => {
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
    const parentText = (el.parentElement.innerText || '').trim();
    const inline = el.tagName === 'A' && parentText.length > (el.innerText || '').trim().length + 3;
    if (inline) continue;
    const name = (el.innerText || el.name || el.id).trim().slice(0, 40);
    const size = `${Math.round(r.width)}x${Math.round(r.height)}`;
    if (r.width < 24 || r.height < 24) small.push(`${el.tagName} "${name}" ${size}`);
  }
  return small;
}"""

# Focus not obscured (2.4.11): the focused element's centre is the element itself (or in it).
_FOCUS_HIDDEN = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height) return null;
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const visible = r.bottom > 0 && r.top < innerHeight;
  const shown = top && (top === el || el.contains(top) || top.contains(el)
    || top.closest('label') === el.labels?.[0]);
  if (visible && shown) return null;
  const name = (el.innerText || el.name || el.id || '').trim().slice(0, 40);
  return `${el.tagName} "${name}" under ${top ? top.tagName + '.' + top.className : 'nothing'}`;
}"""


def serious_violations(page: Any, frame: Any = None) -> list[str]:
    """axe-core's serious and critical violations on the page (or one of its frames)."""
    target = frame or page
    if not target.evaluate("() => typeof window.axe !== 'undefined'"):
        # Through the DevTools protocol, so the page's CSP (no inline scripts) still holds.
        target.evaluate(AXE.read_text(encoding="utf-8"))
    results = target.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"""
    )
    return list(results)


def horizontal_overflow(page: Any) -> int:
    """How many CSS pixels the page scrolls sideways (0 when it reflows)."""
    return int(
        page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    )


def small_targets(page: Any) -> list[str]:
    return list(page.evaluate(_SMALL_TARGETS))


def obscured_focus(page: Any, presses: int = 40) -> list[str]:
    """Tab through the page (a bounded number of presses); list focus that was hidden."""
    hidden: list[str] = []
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    for _ in range(presses):
        page.keyboard.press("Tab")
        if problem := page.evaluate(_FOCUS_HIDDEN):
            hidden.append(problem)
    return hidden


# Every page a person sees, checked in the page tests and in the browser.
PAGES = (
    "/",
    "/tools",
    "/tools/slow-thinking",
    "/facilitator",
    "/facilitator/prompts",
    "/facilitator/insights",
    "/accessibility",
    "/widget",
)

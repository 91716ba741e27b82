"""Knowledge Markdown to sanitised HTML, each heading carrying its stable anchor."""

from __future__ import annotations

from typing import Any

import nh3
from markdown_it import MarkdownIt

from app.web.slugs import slugify

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_ALLOWED_TAGS = {
    *_HEADINGS,
    *("p", "ul", "ol", "li", "em", "strong", "a", "code", "pre", "blockquote", "hr", "br"),
    *("table", "thead", "tbody", "tr", "th", "td"),
}
_ALLOWED_ATTRIBUTES = {**{h: {"id"} for h in _HEADINGS}, "a": {"href", "title"}, "ol": {"start"}}

# Raw HTML is parsed (uploaded Markdown may hold some) and then cleaned by nh3, which drops
# scripts, styles and event handlers with their content.
_md = MarkdownIt("commonmark", {"html": True}).enable("table")


def _add_heading_ids(state: Any) -> None:
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            token.attrSet("id", slugify(tokens[index + 1].content))


_md.core.ruler.push("heading_ids", _add_heading_ids)


def render_markdown(text: str) -> str:
    """Render Markdown to safe HTML with an id on every heading."""
    return nh3.clean(
        _md.render(text),
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )

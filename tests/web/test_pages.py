"""The pages over the real app: rendered, sanitised, anchored where citations land."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from app.retrieval.passages import Passage
from app.services import Services
from app.web.markdown import render_markdown
from app.web.slugs import citation_href, heading_anchor, slugify
from tests.web.checks import PAGES


def test_slugs_are_stable_and_plain() -> None:
    assert slugify("How to use it") == "how-to-use-it"
    assert slugify("In children's services") == "in-children-s-services"
    assert slugify("Café — où?") == "cafe-ou"
    assert slugify("!!!") == "section"
    assert heading_anchor("Slow thinking in a crisis > How to use it") == "how-to-use-it"


def test_citation_links_go_to_the_tool_or_the_uploaded_material() -> None:
    assert (
        citation_href(
            tool_id="slow-thinking",
            heading="Slow thinking in a crisis > How to use it",
            source="knowledge/slow-thinking.md",
        )
        == "/tools/slow-thinking#how-to-use-it"
    )
    assert (
        citation_href(tool_id="x", heading="Handout > Page 2", source="uploads/handout one.pdf")
        == "/material?source=uploads%2Fhandout%20one.pdf#page-2"
    )


def test_markdown_is_sanitised_and_headings_anchored() -> None:
    html = render_markdown(
        "# Title\n\n## How to use it\n\nText<script>alert('x')</script>\n\n"
        '<img src=x onerror="alert(1)"> [a](javascript:alert(1)) [b](https://example.org)\n\n'
        "<script>\nsteal()\n</script>\n"
    )
    assert '<h2 id="how-to-use-it">How to use it</h2>' in html
    assert "<script" not in html and "alert('x')" not in html and "steal" not in html
    assert "onerror" not in html and 'href="javascript' not in html and "<img" not in html
    assert 'href="https://example.org"' in html


def test_every_page_renders_with_the_safeguarding_contacts(client: TestClient) -> None:
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert "the duty manager" in response.text.lower(), path
        assert "<script>" not in response.text  # only external scripts: the CSP forbids inline


def test_chat_page_says_coach_not_casework_and_roles_not_names(client: TestClient) -> None:
    text = client.get("/").text
    assert "This is a coach, not a casework decision." in text
    assert "Use roles, not names." in text
    for mode in ("auto", "crisis", "reflect"):
        assert f'value="{mode}"' in text


def test_tool_page_has_an_anchor_for_every_cited_heading(
    client: TestClient, indexed_services: Services
) -> None:
    pages: dict[str, str] = {}
    for passage in indexed_services.material.passages():
        if not passage.source.startswith("knowledge/"):
            continue
        href = citation_href(
            tool_id=passage.tool_id, heading=passage.heading, source=passage.source
        )
        path, anchor = href.split("#")
        if path not in pages:
            pages[path] = client.get(path).text
        assert f'id="{anchor}"' in pages[path], (passage.heading, path)
    assert len(pages) >= 10


def test_citation_redirect_lands_on_the_heading(client: TestClient) -> None:
    response = client.get(
        "/source",
        params={
            "tool_id": "slow-thinking",
            "heading": "Slow thinking in a crisis > How to use it",
            "source": "knowledge/slow-thinking.md",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/tools/slow-thinking#how-to-use-it"


def test_unknown_tool_and_material_are_404_pages(client: TestClient) -> None:
    assert client.get("/tools/no-such-tool").status_code == 404
    assert client.get("/material", params={"source": "uploads/none.pdf"}).status_code == 404


def test_widget_script_and_static_files_are_served(client: TestClient) -> None:
    script = client.get("/widget.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert client.get("/static/balcony.css").status_code == 200


def test_only_the_widget_frame_may_be_embedded_by_the_allowlist(app_factory: object) -> None:
    client = app_factory(cors_origins=["https://intranet.example"])  # type: ignore[operator]
    widget_csp = client.get("/widget").headers["Content-Security-Policy"]
    page_csp = client.get("/").headers["Content-Security-Policy"]
    assert re.search(r"frame-ancestors 'self' https://intranet.example(;|$)", widget_csp)
    assert "intranet.example" not in page_csp and "frame-ancestors 'self'" in page_csp
    assert "script-src 'self';" in page_csp and "unsafe-inline" not in page_csp


def test_uploaded_material_page_shows_the_cited_passage_escaped(
    client: TestClient, indexed_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    handout = [
        Passage(
            "u1",
            "slow-thinking",
            "Team handout",
            "Team handout > Page 1",
            "Page 1",
            "uploads/handout.md",
            "First page.",
        ),
        Passage(
            "u2",
            "slow-thinking",
            "Team handout",
            "Team handout > Page 2",
            "Page 2",
            "uploads/handout.md",
            "Second <script>alert(1)</script> page.",
        ),
    ]
    passages = indexed_services.material.passages()
    monkeypatch.setattr(indexed_services.material, "passages", lambda: [*passages, *handout])
    href = citation_href(
        tool_id="slow-thinking", heading="Team handout > Page 2", source="uploads/handout.md"
    )
    path, anchor = href.split("#")
    page = client.get(path)
    assert page.status_code == 200
    assert f'<h2 id="{anchor}">Page 2</h2>' in page.text
    assert "Second &lt;script&gt;alert(1)&lt;/script&gt; page." in page.text

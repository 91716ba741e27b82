"""The shared Markdown reader: front matter apart from the body, sections by heading path.

(Code fences and broken front matter are covered through the loaders in tests/ingest.)
"""

from __future__ import annotations

from app.core.markdown_files import MarkdownSection, markdown_sections, split_front_matter


def test_front_matter_is_split_from_the_body_and_its_absence_is_no_error() -> None:
    meta, body = split_front_matter("---\nid: vuca\ntitle: Leading in fog\n---\n# Fog\n")
    assert (meta, body) == ({"id": "vuca", "title": "Leading in fog"}, "# Fog\n")
    assert split_front_matter("# No front matter\n") == ({}, "# No front matter\n")


def test_each_section_carries_its_heading_path_under_the_title() -> None:
    body = (
        "# Title line\nIntro.\n## How to use it\nStep.\n### In a crisis\nSlow down.\n"
        "## Pitfalls\nRushing.\n"
    )
    assert markdown_sections(body, "Slow thinking") == [
        MarkdownSection(("Slow thinking",), "Intro."),
        MarkdownSection(("Slow thinking", "How to use it"), "Step."),
        MarkdownSection(("Slow thinking", "How to use it", "In a crisis"), "Slow down."),
        MarkdownSection(("Slow thinking", "Pitfalls"), "Rushing."),
    ]

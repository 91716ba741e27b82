"""Loaders: each file type becomes sections with heading paths, or a clear UnreadableFileError."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import UnreadableFileError
from app.ingest.documents import GENERAL_TOOL_ID
from app.ingest.loaders import load_document, markdown_sections, split_front_matter
from tests.utils.documents import make_docx, make_pdf, make_pptx

KNOWN = frozenset({"slow-thinking", "vuca", "public-value"})

MARKDOWN = """---
id: slow-thinking
title: Slow thinking in a crisis
aliases: [System 1 and System 2]
---

# Slow thinking in a crisis

Opening words before any section.

## What it is

Fast and slow thinking.

## How to use it

Split now from later.

### In a strategy meeting

Name the long-term decision and park it.

## Pitfalls

Using "not now" to avoid deciding.
"""


def load(path: Path) -> object:
    return load_document(path, f"tmp/{path.name}", KNOWN)


def test_markdown_front_matter_sets_id_title_and_heading_paths(tmp_path: Path) -> None:
    path = tmp_path / "anything.md"
    path.write_text(MARKDOWN, encoding="utf-8")

    document = load_document(path, "tmp/anything.md", KNOWN)

    assert document.tool_id == "slow-thinking"
    assert document.title == "Slow thinking in a crisis"
    assert document.front_matter["aliases"] == ["System 1 and System 2"]
    assert [s.heading for s in document.sections] == [
        "Slow thinking in a crisis",
        "Slow thinking in a crisis > What it is",
        "Slow thinking in a crisis > How to use it",
        "Slow thinking in a crisis > How to use it > In a strategy meeting",
        "Slow thinking in a crisis > Pitfalls",
    ]
    assert document.sections[3].text == "Name the long-term decision and park it."


def test_markdown_without_front_matter_takes_h1_title_and_tool_from_file_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "vuca-handout.md"
    path.write_text("# Leading in fog\n\n## Notes\n\nKeep the vision short.\n", encoding="utf-8")

    document = load_document(path, "uploads/vuca-handout.md", KNOWN)

    assert document.title == "Leading in fog"
    assert document.tool_id == "vuca"
    assert [s.heading for s in document.sections] == ["Leading in fog > Notes"]


def test_markdown_heading_inside_code_block_is_text() -> None:
    body = "## Real\n\n```\n## not a heading\n```\n"
    sections = markdown_sections(body, "T")
    assert [s.heading for s in sections] == ["T > Real"]
    assert "## not a heading" in sections[0].text


def test_front_matter_that_is_not_a_mapping_is_unreadable() -> None:
    with pytest.raises(UnreadableFileError, match="mapping"):
        split_front_matter("---\n- a\n- b\n---\nbody\n")


def test_front_matter_with_broken_yaml_is_unreadable() -> None:
    with pytest.raises(UnreadableFileError, match="YAML"):
        split_front_matter("---\ntitle: [unclosed\n---\nbody\n")


def test_text_file_is_one_section_titled_from_its_name(tmp_path: Path) -> None:
    path = tmp_path / "duty_rota_notes.txt"
    path.write_text("We rotate the duty team weekly.\n", encoding="utf-8")

    document = load_document(path, "tmp/duty_rota_notes.txt", KNOWN)

    assert document.tool_id == GENERAL_TOOL_ID
    assert document.title == "Duty rota notes"
    assert [(s.heading, s.text) for s in document.sections] == [
        ("Duty rota notes", "We rotate the duty team weekly.")
    ]


def test_text_in_windows_1252_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("Café meeting – agenda".encode("cp1252"))
    document = load_document(path, "tmp/notes.txt", KNOWN)
    assert document.sections[0].text.startswith("Caf")
    assert "meeting" in document.sections[0].text


def test_binary_named_txt_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(UnreadableFileError, match="binary"):
        load_document(path, "tmp/image.txt", KNOWN)


def test_pdf_pages_become_sections_under_its_title(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "public-value-handout.pdf",
        ["The strategic triangle", "Authorising environment and legitimacy"],
        title="Public value handout",
    )

    document = load_document(path, "uploads/public-value-handout.pdf", KNOWN)

    assert document.tool_id == "public-value"
    assert document.title == "Public value handout"
    assert [s.heading for s in document.sections] == [
        "Public value handout > Page 1",
        "Public value handout > Page 2",
    ]
    assert "strategic triangle" in document.sections[0].text


def test_pdf_without_a_real_title_is_titled_from_its_file_name(tmp_path: Path) -> None:
    # reportlab, like many tools, writes the placeholder "untitled" when no title is set.
    path = make_pdf(tmp_path / "team_away_day.pdf", ["Agenda for the away day"])

    document = load_document(path, "uploads/team_away_day.pdf", KNOWN)

    assert document.title == "Team away day"
    assert document.sections[0].heading == "Team away day > Page 1"


def test_docx_headings_become_heading_paths(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "briefing.docx",
        [
            (0, "Before any heading."),
            (1, "Supervision"),
            (0, "Weekly reflective supervision."),
            (2, "Group supervision"),
            (0, "Monthly, with the whole team."),
            (1, "Caseloads"),
            (0, "Kept under twenty."),
        ],
        title="Practice briefing",
    )

    document = load_document(path, "uploads/briefing.docx", KNOWN)

    assert document.title == "Practice briefing"
    assert [(s.heading, s.text) for s in document.sections] == [
        ("Practice briefing", "Before any heading."),
        ("Practice briefing > Supervision", "Weekly reflective supervision."),
        ("Practice briefing > Supervision > Group supervision", "Monthly, with the whole team."),
        ("Practice briefing > Caseloads", "Kept under twenty."),
    ]


def test_pptx_slide_titles_and_notes(tmp_path: Path) -> None:
    path = make_pptx(
        tmp_path / "vuca-session.pptx",
        [
            ("Volatility", "Funding changes every quarter", "Ask for a recent example"),
            ("", "A slide without a title", ""),
            ("Only a title", "", ""),
        ],
    )

    document = load_document(path, "uploads/vuca-session.pptx", KNOWN)

    assert document.tool_id == "vuca"
    assert document.title == "Vuca session"
    headings = [s.heading for s in document.sections]
    # A slide with a title and nothing else has no text to index.
    assert headings == ["Vuca session > Volatility", "Vuca session > Slide 2"]
    first = document.sections[0].text
    assert "Funding changes every quarter" in first
    assert "Ask for a recent example" in first
    assert "Volatility" not in first  # the title is in the heading path, not repeated


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".pptx"])
def test_text_named_as_another_type_is_unreadable(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"not-really{suffix}"
    path.write_text("Just some text pretending to be a document.", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="not a"):
        load_document(path, f"tmp/{path.name}", KNOWN)


def test_zip_that_is_not_a_word_file_is_unreadable(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(UnreadableFileError, match="Word could not open it"):
        load_document(path, "tmp/archive.docx", KNOWN)


def test_word_file_named_pptx_is_unreadable(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "slides.docx", [(0, "text")])
    renamed = path.rename(tmp_path / "slides.pptx")
    with pytest.raises(UnreadableFileError, match="PowerPoint could not open it"):
        load_document(renamed, "tmp/slides.pptx", KNOWN)


def test_damaged_pdf_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n this is not really a pdf body \n%%EOF")
    with pytest.raises(UnreadableFileError):
        load_document(path, "tmp/broken.pdf", KNOWN)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_empty_text_file_has_no_sections(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_text("", encoding="utf-8")
    assert load_document(path, f"tmp/{path.name}", KNOWN).sections == []


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".pptx"])
def test_empty_binary_document_is_unreadable(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(UnreadableFileError):
        load_document(path, f"tmp/{path.name}", KNOWN)


@pytest.mark.parametrize("name", ["sheet.xlsx", "picture.png", "README"])
def test_unsupported_extension_names_the_supported_ones(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"data")
    with pytest.raises(UnreadableFileError, match=r"not supported; use one of .*\.pdf"):
        load_document(path, f"tmp/{name}", KNOWN)


def test_missing_file_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="could not be read"):
        load_document(tmp_path / "gone.md", "tmp/gone.md", KNOWN)

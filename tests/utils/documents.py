"""Small factories for the file types administrators upload: PDF, Word, PowerPoint."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


def make_pdf(path: Path, pages: Sequence[str], *, title: str | None = None) -> Path:
    """Write a PDF with one line of text per page (reportlab)."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    if title is not None:
        pdf.setTitle(title)
    for text in pages:
        for number, line in enumerate(text.splitlines()):
            pdf.drawString(72, 720 - 14 * number, line)
        pdf.showPage()
    pdf.save()
    return path


def make_docx(path: Path, blocks: Sequence[tuple[int, str]], *, title: str | None = None) -> Path:
    """Write a Word file; each block is (heading level, text), level 0 meaning a paragraph."""
    import docx

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    for level, text in blocks:
        if level:
            document.add_heading(text, level=level)
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def make_pptx(path: Path, slides: Sequence[tuple[str, str, str]]) -> Path:
    """Write a deck; each slide is (title, body, speaker notes), any of which may be empty."""
    from pptx import Presentation

    deck = Presentation()
    layout = deck.slide_layouts[1]  # "Title and Content"
    for title, body, notes in slides:
        slide = deck.slides.add_slide(layout)
        if title:
            slide.shapes.title.text = title
        if body:
            slide.placeholders[1].text = body
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    deck.save(str(path))
    return path


def copy_knowledge(target: Path, names: Iterable[str] | None = None) -> Path:
    """Copy some (default: all) shipped knowledge files into a folder called knowledge/."""
    folder = target / "knowledge"
    folder.mkdir(parents=True, exist_ok=True)
    files = [KNOWLEDGE / f"{n}.md" for n in names] if names else sorted(KNOWLEDGE.glob("*.md"))
    for file in files:
        shutil.copy2(file, folder / file.name)
    return folder

"""Read one file into sections with heading paths: Markdown, text, PDF, Word, PowerPoint."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.errors import UnreadableFileError
from app.core.markdown_files import HEADING as _MD_HEADING
from app.core.markdown_files import markdown_sections as split_markdown
from app.core.markdown_files import split_front_matter as split_front_matter
from app.ingest.documents import GENERAL_TOOL_ID, LoadedDocument, Section

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".pdf", ".docx", ".pptx")


def _title_from_name(path: Path) -> str:
    return path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or path.name


def _tool_id_for(path: Path, known_tool_ids: frozenset[str]) -> str:
    """Uploaded material named after a tool ("slow-thinking-handout.pdf") belongs to that tool."""
    stem = path.stem.lower()
    for tool_id in sorted(known_tool_ids, key=len, reverse=True):
        if stem == tool_id or stem.startswith(tool_id + "-") or stem.startswith(tool_id + "_"):
            return tool_id
    return GENERAL_TOOL_ID


def markdown_sections(body: str, title: str) -> list[Section]:
    """Split Markdown by headings; the H1 is the title, H2/H3 extend the path."""
    return [Section(s.headings, s.text) for s in split_markdown(body, title)]


def load_markdown(path: Path, source: str, known: frozenset[str]) -> LoadedDocument:
    text = _read_text(path)
    meta, body = split_front_matter(text)
    title = str(meta.get("title") or _first_h1(body) or _title_from_name(path))
    tool_id = str(meta.get("id") or _tool_id_for(path, known))
    return LoadedDocument(source, tool_id, title, markdown_sections(body, title), meta)


def _first_h1(body: str) -> str | None:
    for line in body.splitlines():
        match = _MD_HEADING.match(line)
        if match and len(match.group(1)) == 1:
            return match.group(2).strip()
    return None


def load_text(path: Path, source: str, known: frozenset[str]) -> LoadedDocument:
    title = _title_from_name(path)
    text = _read_text(path).strip()
    sections = [Section((title,), text)] if text else []
    return LoadedDocument(source, _tool_id_for(path, known), title, sections)


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise UnreadableFileError("it looks like a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def load_pdf(path: Path, source: str, known: frozenset[str]) -> LoadedDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    raw = path.read_bytes()
    if not raw.startswith(b"%PDF"):
        raise UnreadableFileError("it has a .pdf name but is not a PDF")
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise UnreadableFileError("it is a password-protected PDF")
        title = _pdf_title(reader) or _title_from_name(path)
        sections = [
            Section((title, f"Page {number}"), text.strip())
            for number, page in enumerate(reader.pages, start=1)
            if (text := page.extract_text() or "").strip()
        ]
    except (PdfReadError, ValueError, KeyError) as error:
        raise UnreadableFileError(f"the PDF is damaged ({type(error).__name__})") from error
    return LoadedDocument(source, _tool_id_for(path, known), title, sections)


# Titles that PDF writers fill in when the author set none; the file name says more.
_PLACEHOLDER_TITLES = frozenset({"untitled", "untitled document", "unknown", "none"})


def _pdf_title(reader: Any) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:
        return None
    text = str(title or "").strip()
    return text if text and text.lower() not in _PLACEHOLDER_TITLES else None


def _require_zip(path: Path, kind: str) -> bytes:
    raw = path.read_bytes()
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise UnreadableFileError(f"it has a {kind} name but is not a {kind} file")
    return raw


def load_docx(path: Path, source: str, known: frozenset[str]) -> LoadedDocument:
    import docx

    raw = _require_zip(path, ".docx")
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as error:
        raise UnreadableFileError(f"Word could not open it ({type(error).__name__})") from error
    title = (document.core_properties.title or "").strip() or _title_from_name(path)
    sections: list[Section] = []
    headings: list[str] = []
    lines: list[str] = []

    def flush() -> None:
        if text := "\n".join(lines).strip():
            sections.append(Section((title, *headings), text))
        lines.clear()

    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        text = paragraph.text.strip()
        if style.startswith("Heading") and text:
            flush()
            level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
            headings = [*headings[: max(level - 1, 0)], text]
        elif style == "Title" and text:
            title = text
        elif text:
            lines.append(text)
    flush()
    return LoadedDocument(source, _tool_id_for(path, known), title, sections)


def load_pptx(path: Path, source: str, known: frozenset[str]) -> LoadedDocument:
    from pptx import Presentation

    raw = _require_zip(path, ".pptx")
    try:
        deck = Presentation(io.BytesIO(raw))
    except Exception as error:
        raise UnreadableFileError(
            f"PowerPoint could not open it ({type(error).__name__})"
        ) from error
    title = (deck.core_properties.title or "").strip() or _title_from_name(path)
    sections: list[Section] = []
    for number, slide in enumerate(deck.slides, start=1):
        slide_title = ""
        if slide.shapes.title is not None and slide.shapes.title.has_text_frame:
            slide_title = slide.shapes.title.text_frame.text.strip()
        texts = [
            shape.text_frame.text.strip()
            for shape in slide.shapes
            if shape.has_text_frame
            and shape != slide.shapes.title
            and shape.text_frame.text.strip()
        ]
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            notes = slide.notes_slide.notes_text_frame.text.strip()
            if notes:
                texts.append(notes)
        if texts:
            sections.append(Section((title, slide_title or f"Slide {number}"), "\n".join(texts)))
    return LoadedDocument(source, _tool_id_for(path, known), title, sections)


Loader = Callable[[Path, str, frozenset[str]], LoadedDocument]
LOADERS: dict[str, Loader] = {
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".pptx": load_pptx,
}


def load_document(
    path: Path, source: str, known_tool_ids: frozenset[str] = frozenset()
) -> LoadedDocument:
    """Load one file; raise UnreadableFileError with a reason a person can act on."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise UnreadableFileError(
            f"{path.suffix or 'no extension'} is not supported; use one of "
            + ", ".join(SUPPORTED_SUFFIXES)
        )
    try:
        return loader(path, source, known_tool_ids)
    except OSError as error:
        raise UnreadableFileError(f"it could not be read ({error.strerror or error})") from error

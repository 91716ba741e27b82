"""Uploaded material: safe names, checked content, nothing half-saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InvalidInputError, NotFoundError, UnreadableFileError
from app.ingest.uploads import delete_upload, safe_filename, save_upload

KNOWN = frozenset({"vuca"})


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Team handout.PDF", "Team-handout.pdf"),
        ("../../etc/passwd.md", "passwd.md"),
        ("C:\\Users\\me\\notes.txt", "notes.txt"),
        (".hidden.md", "hidden.md"),
        ("slides (final) v2.pptx", "slides-final-v2.pptx"),
    ],
)
def test_safe_filename_keeps_a_plain_name(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


def test_safe_filename_refuses_unsupported_types() -> None:
    with pytest.raises(UnreadableFileError, match=r"\.exe are not supported"):
        safe_filename("setup.exe")


def test_safe_filename_refuses_a_name_with_nothing_left() -> None:
    with pytest.raises(InvalidInputError, match="empty"):
        safe_filename("???.md")


def test_save_upload_keeps_a_readable_file(tmp_path: Path) -> None:
    path = save_upload(tmp_path, "vuca-notes.md", b"# Notes\n\nKeep the vision short.\n", KNOWN)
    assert path == tmp_path / "vuca-notes.md"
    assert path.read_bytes().startswith(b"# Notes")
    assert [p.name for p in tmp_path.iterdir()] == ["vuca-notes.md"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("fake.docx", b"plain text", "not a .docx file"),
        ("blank.md", b"   \n\n", "no text could be found"),
        ("header-only.md", b"---\ntitle: x\n---\n", "no text could be found"),
    ],
)
def test_save_upload_refuses_unreadable_files_and_leaves_nothing(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    with pytest.raises(UnreadableFileError, match=f"{name} was not added: .*{reason}"):
        save_upload(tmp_path, name, content, KNOWN)
    assert list(tmp_path.iterdir()) == []


def test_save_upload_refuses_an_empty_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="empty"):
        save_upload(tmp_path / "uploads", "notes.md", b"", KNOWN)


def test_delete_upload(tmp_path: Path) -> None:
    save_upload(tmp_path, "notes.txt", b"Some notes.", KNOWN)
    assert delete_upload(tmp_path, "notes.txt") == tmp_path / "notes.txt"
    assert not (tmp_path / "notes.txt").exists()
    with pytest.raises(NotFoundError, match="GET /v1/admin/documents"):
        delete_upload(tmp_path, "notes.txt")

"""Administrators' uploaded material: checked, saved under the data folder, indexed."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from app.core.errors import InvalidInputError, NotFoundError, UnreadableFileError
from app.ingest.loaders import SUPPORTED_SUFFIXES, load_document
from app.ingest.splitter import split_document

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str) -> str:
    """Keep a readable, path-free file name: no folders, no dot-files, no odd characters."""
    base = Path(name.replace("\\", "/")).name
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    cleaned = _SAFE_NAME.sub("-", stem).strip("-.")[:100]
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableFileError(
            f"Files of type {suffix or '(none)'} are not supported; upload one of "
            + ", ".join(SUPPORTED_SUFFIXES)
        )
    if not cleaned:
        raise InvalidInputError("The file name is empty once unsafe characters are removed.")
    return cleaned + suffix


def save_upload(
    uploads_dir: Path, filename: str, content: bytes, known_tool_ids: frozenset[str]
) -> Path:
    """Check the file really is what its name says and has text, then keep it."""
    name = safe_filename(filename)
    if not content:
        raise InvalidInputError("The uploaded file is empty.")
    uploads_dir.mkdir(parents=True, exist_ok=True)
    staging = uploads_dir / f".{uuid.uuid4().hex}{Path(name).suffix}"
    staging.write_bytes(content)
    try:
        document = load_document(staging, f"uploads/{name}", known_tool_ids)
        if not split_document(document):
            raise UnreadableFileError("no text could be found in it")
    except UnreadableFileError as error:
        staging.unlink(missing_ok=True)
        raise UnreadableFileError(f"{name} was not added: {error.message}") from error
    target = uploads_dir / name
    staging.replace(target)
    return target


def delete_upload(uploads_dir: Path, filename: str) -> Path:
    path = uploads_dir / safe_filename(filename)
    if not path.is_file():
        raise NotFoundError(
            f"No uploaded file is called {filename!r}. GET /v1/admin/documents lists them."
        )
    path.unlink()
    return path

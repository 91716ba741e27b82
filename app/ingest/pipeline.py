"""Incremental ingestion: load, split, embed what changed, and keep the index in step with files."""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.components.embedding import Embedder
from app.components.vector_store import ChromaStore, Metadata, StoredChunk
from app.core.errors import StoreUnavailableError, UnreadableFileError
from app.ingest.loaders import SUPPORTED_SUFFIXES, load_document
from app.ingest.manifest import Manifest, file_hash
from app.ingest.splitter import Chunk, split_document

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[str], None]


@dataclass
class IngestReport:
    files: int = 0
    files_changed: int = 0
    chunks_added: int = 0
    chunks_updated: int = 0
    chunks_removed: int = 0
    chunks_embedded: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        line = (
            f"{self.files} files ({self.files_changed} changed), "
            f"{self.chunks_added} chunks added, {self.chunks_updated} updated, "
            f"{self.chunks_removed} removed, {self.seconds:.1f} s"
        )
        if self.skipped:
            line += f"; {len(self.skipped)} skipped"
        return line


@dataclass(frozen=True)
class SourceFile:
    path: Path
    source: str


def discover(paths: Iterable[Path]) -> tuple[list[SourceFile], list[str], list[tuple[str, str]]]:
    """Find supported files under each path.

    Returns the files, the source prefixes this run is authoritative for (a folder's files
    that no longer exist are removed from the index), and paths that could not be used.
    """
    files: list[SourceFile] = []
    prefixes: list[str] = []
    problems: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            prefix = f"{path.resolve().name}/"
            prefixes.append(prefix)
            for file in sorted(path.rglob("*")):
                if file.is_file() and file.suffix.lower() in SUPPORTED_SUFFIXES:
                    relative = file.relative_to(path).as_posix()
                    if not any(part.startswith(".") for part in Path(relative).parts):
                        files.append(SourceFile(file, prefix + relative))
        elif path.is_file():
            files.append(SourceFile(path, f"{path.resolve().parent.name}/{path.name}"))
        else:
            problems.append((str(path), "no such file or folder"))
    return files, prefixes, problems


def _metadata(chunk: Chunk, file_hash: str, model: str) -> Metadata:
    return {
        "source": chunk.source,
        "tool_id": chunk.tool_id,
        "title": chunk.title,
        "heading": chunk.heading,
        "section": chunk.section,
        "part": chunk.part,
        "position": chunk.position,
        "file_hash": file_hash,
        "embedding_model": model,
    }


class Ingestor:
    """Keeps a store's passages in step with files; safe to run again and again."""

    def __init__(
        self,
        *,
        embedder: Embedder,
        store: ChromaStore,
        model_name: str,
        known_tool_ids: frozenset[str] = frozenset(),
        manifest: Manifest | None = None,
    ) -> None:
        self._embedder = embedder
        self._manifest = manifest
        self._store = store
        self._model = model_name
        self._known = known_tool_ids

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        progress: ProgressCallback | None = None,
        remove_missing: bool = True,
    ) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport()
        files, prefixes, problems = discover(paths)
        report.skipped.extend(problems)
        if self._manifest:
            self._manifest.invalidate()
        existing = self._existing_by_source()
        seen: set[str] = set()
        hashes: dict[str, str] = {}
        unreadable: dict[str, str] = {}
        for file in files:
            seen.add(file.source)
            report.files += 1
            try:
                self._ingest_file(file, existing.get(file.source, []), report, hashes)
            except UnreadableFileError as error:
                # Keep whatever was indexed from this file before: nothing already there is lost.
                report.skipped.append((file.source, error.message))
                unreadable[file.source] = error.message
                logger.warning("file skipped", extra={"source": file.source})
            if progress:
                progress(file.source)
        if remove_missing:
            for source, chunks in existing.items():
                if source not in seen and any(source.startswith(p) for p in prefixes):
                    self._store.delete([c.id for c in chunks])
                    report.chunks_removed += len(chunks)
        if report.chunks_added or report.chunks_updated or report.chunks_removed:
            self._store.mark_changed()
        if self._manifest and remove_missing and not problems:
            # Only a full run over whole folders can vouch for "nothing changed" next time.
            try:
                self._manifest.record(paths, hashes, unreadable, version=self._store.version())
            except (OSError, StoreUnavailableError):
                # Without a manifest the next run just checks every file again.
                logger.warning("ingest manifest not written")
        report.seconds = time.perf_counter() - started
        logger.info("ingest finished", extra={"summary": report.summary()})
        return report

    def remove_source(self, source: str) -> int:
        """Delete every passage of one source; return how many went."""
        chunks = self._existing_by_source().get(source, [])
        self._store.delete([c.id for c in chunks])
        if chunks:
            self._store.mark_changed()
        return len(chunks)

    def _existing_by_source(self) -> dict[str, list[StoredChunk]]:
        stored = self._store.all_chunks()
        if any(c.metadata.get("embedding_model") != self._model for c in stored):
            # Vectors from another model cannot be mixed with this one's: start again.
            logger.info("embedding model changed; re-indexing everything")
            self._store.reset()
            return {}
        by_source: dict[str, list[StoredChunk]] = defaultdict(list)
        for chunk in stored:
            by_source[str(chunk.metadata.get("source", ""))].append(chunk)
        return by_source

    def _ingest_file(
        self,
        file: SourceFile,
        old: list[StoredChunk],
        report: IngestReport,
        hashes: dict[str, str],
    ) -> None:
        try:
            hashes[file.source] = digest = file_hash(file.path)
        except OSError as error:
            raise UnreadableFileError(f"it could not be read ({error.strerror})") from error
        if old and all(c.metadata.get("file_hash") == digest for c in old):
            return
        document = load_document(file.path, file.source, self._known)
        chunks = split_document(document)
        if not chunks:
            raise UnreadableFileError("no text could be found in it")
        report.files_changed += 1
        old_ids = {c.id for c in old}
        old_positions = {str(c.metadata.get("position")) for c in old}
        fresh = [c for c in chunks if c.id not in old_ids]
        kept = [c for c in chunks if c.id in old_ids]
        if fresh:
            vectors = self._embedder.embed([c.embedding_text() for c in fresh])
            self._store.upsert(
                [StoredChunk(c.id, c.text, _metadata(c, digest, self._model)) for c in fresh],
                vectors.tolist(),
            )
            report.chunks_embedded += len(fresh)
        self._store.update_metadata(
            [c.id for c in kept], [_metadata(c, digest, self._model) for c in kept]
        )
        new_ids = {c.id for c in chunks}
        stale = [c.id for c in old if c.id not in new_ids]
        self._store.delete(stale)
        updated = sum(1 for c in fresh if c.position in old_positions)
        report.chunks_updated += updated
        report.chunks_added += len(fresh) - updated
        report.chunks_removed += max(len(stale) - updated, 0)

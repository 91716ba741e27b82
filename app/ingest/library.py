"""The indexed material as administrators manage it: re-index, upload, list, delete.

Every change ends in the one refresh the composition root gives (retrieval rebuilt and the
material warmed), so no caller can refresh half of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.ingest.pipeline import Ingestor, IngestReport, ProgressCallback
from app.ingest.uploads import delete_upload, save_upload
from app.retrieval.material import ToolMaterial


@dataclass(frozen=True)
class IndexedDocument:
    source: str
    tool_id: str
    title: str
    passages: int


@dataclass(frozen=True)
class Library:
    ingestor: Ingestor
    material: ToolMaterial
    uploads_dir: Path
    max_upload_bytes: int
    known_tool_ids: frozenset[str]
    default_paths: Callable[[], list[Path]]
    refresh: Callable[[], None]

    def ingest(
        self, paths: list[Path] | None = None, progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Index the given paths (default: knowledge and uploads) and refresh retrieval."""
        report = self.ingestor.ingest(paths or self.default_paths(), progress=progress)
        self.refresh()
        return report

    def upload(self, filename: str, content: bytes) -> IngestReport:
        """Check and keep an uploaded file, then index it."""
        return self.ingest([save_upload(self.uploads_dir, filename, content, self.known_tool_ids)])

    def delete(self, filename: str) -> IngestReport:
        """Delete an uploaded file and its passages."""
        path = delete_upload(self.uploads_dir, filename)
        removed = self.ingestor.remove_source(f"uploads/{path.name}")
        self.refresh()
        return IngestReport(chunks_removed=removed)

    def documents(self) -> list[IndexedDocument]:
        """Each indexed source with its passage count, by source name."""
        counts: Counter[str] = Counter()
        first: dict[str, tuple[str, str]] = {}
        for passage in self.material.passages():
            counts[passage.source] += 1
            first.setdefault(passage.source, (passage.tool_id, passage.title))
        return [
            IndexedDocument(source, *first[source], passages=count)
            for source, count in sorted(counts.items())
        ]

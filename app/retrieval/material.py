"""The tool material retrieval serves: every indexed passage, by id and by tool section, kept
in step with the vector store (the one place passages are read from it in bulk)."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from app.components.vector_store import ChromaStore
from app.core.config import RetrievalSettings
from app.retrieval.passages import Passage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """One reading of the store; replaced whole on refresh, so readers never see a mix."""

    version: str = ""
    passages: tuple[Passage, ...] = ()
    sections: dict[tuple[str, str], tuple[Passage, ...]] = field(default_factory=dict)
    # The same passages by id: a dense search's hits are looked up here, not read from the store.
    by_id: dict[str, Passage] = field(default_factory=dict)


class ToolMaterial:
    """The indexed passages, read from the store at start-up, after ingestion, and when
    another worker's ingestion changed the store's version."""

    def __init__(self, *, store: ChromaStore, settings: RetrievalSettings) -> None:
        self._store = store
        self._settings = settings
        self._lock = threading.Lock()
        self._snapshot = Snapshot()
        self._checked = 0.0

    @property
    def size(self) -> int:
        return len(self._snapshot.passages)

    def refresh(self) -> None:
        """Read every passage from the store again."""
        version = self._store.version()
        passages = [Passage.from_store(c.id, c.text, c.metadata) for c in self._store.all_chunks()]
        sections: dict[tuple[str, str], list[Passage]] = {}
        for passage in sorted(passages, key=lambda p: (p.source, p.heading, p.part)):
            sections.setdefault((passage.tool_id, passage.section), []).append(passage)
        snapshot = Snapshot(
            version,
            tuple(passages),
            {k: tuple(v) for k, v in sections.items()},
            {p.id: p for p in passages},
        )
        with self._lock:
            self._snapshot = snapshot
            self._checked = time.monotonic()
        logger.info("retrieval index refreshed", extra={"passages": len(passages)})

    def current(self) -> Snapshot:
        """The latest snapshot, re-read first if another worker may have ingested meanwhile."""
        now = time.monotonic()
        if now - self._checked >= self._settings.stale_check_seconds:
            self._checked = now
            if self._store.version() != self._snapshot.version:
                logger.info("index changed elsewhere; refreshing")
                self.refresh()
        return self._snapshot

    def passages(self) -> list[Passage]:
        return list(self._snapshot.passages)

    def section(self, tool_id: str, section: str) -> list[Passage]:
        """Every passage of one section of a tool's material, in reading order."""
        return list(self._snapshot.sections.get((tool_id, section), ()))

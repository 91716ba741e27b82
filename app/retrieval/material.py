"""The material retrieval serves: every indexed passage, by id, kept in step with the vector
store (the one place passages are read from it in bulk). A tool's sections, for the coach,
are read from the catalogue instead (app/coaching/sections.py)."""

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
        snapshot = Snapshot(version, tuple(passages), {p.id: p for p in passages})
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

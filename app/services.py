"""The composition root: build the heavy parts once and hand them to the API and the CLI."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from app.catalogue.tools import Catalogue
from app.components.embedding import Embedder, build_embedder
from app.components.vector_store import ChromaStore, build_store
from app.core.config import Settings
from app.ingest.pipeline import Ingestor, IngestReport, ProgressCallback
from app.retrieval.hybrid import HybridRetriever

logger = logging.getLogger(__name__)

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


@dataclass
class Services:
    settings: Settings
    embedder: Embedder
    store: ChromaStore
    catalogue: Catalogue
    retriever: HybridRetriever
    ingestor: Ingestor

    def default_ingest_paths(self) -> list[Path]:
        """The shipped knowledge base, plus anything administrators uploaded."""
        paths = [self.settings.knowledge_dir]
        if self.settings.uploads_dir.is_dir():
            paths.append(self.settings.uploads_dir)
        return paths

    def ingest(
        self, paths: list[Path] | None = None, progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Index the given paths (default: knowledge and uploads) and refresh retrieval."""
        report = self.ingestor.ingest(paths or self.default_ingest_paths(), progress=progress)
        self.retriever.refresh()
        return report


def build_services(settings: Settings, *, embedder: Embedder | None = None) -> Services:
    """Build every part from settings; an embedder may be passed in to share one model."""
    embedder = embedder or build_embedder(settings.embedding)
    store = build_store(settings)
    catalogue = Catalogue.from_directory(settings.knowledge_dir)
    retriever = HybridRetriever(embedder=embedder, store=store, settings=settings.retrieval)
    ingestor = Ingestor(
        embedder=embedder,
        store=store,
        model_name=settings.embedding.model or DEFAULT_MODEL_NAME,
        known_tool_ids=catalogue.ids,
    )
    services = Services(settings, embedder, store, catalogue, retriever, ingestor)
    retriever.refresh()
    return services

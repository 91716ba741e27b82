"""The composition root: build the heavy parts once and hand them to the API and the CLI."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from app.catalogue.tools import Catalogue
from app.coaching.builder import build_coach
from app.coaching.offline import OfflineCoach
from app.coaching.sections import ToolSections
from app.coaching.service import ChatService
from app.components.embedding import CachedEmbedder, Embedder, build_embedder
from app.components.llm import build_llm
from app.components.vector_store import ChromaStore, build_store
from app.core.config import Settings
from app.core.metrics import Metrics
from app.core.secrets import redaction_key
from app.facilitator.planner import Planner
from app.facilitator.plans import Tailor
from app.facilitator.selection import facilitator_texts
from app.facilitator.tailoring import make_llm_tailor
from app.gate.gate import Gate
from app.ingest.library import Library
from app.ingest.manifest import Manifest, default_paths, model_name
from app.ingest.pipeline import Ingestor, IngestReport, ProgressCallback
from app.insights.desk import Insights
from app.prompts.library import PromptLibrary
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.material import ToolMaterial
from app.retrieval.similarity import Similarity
from app.safety.redaction import Redactor
from app.safety.second_opinion import SecondOpinion
from app.security.keys import KeyStore
from app.security.rate_limit import RateLimiter
from app.storage.conversations import ConversationStore
from app.storage.database import Database

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Readiness:
    store_reachable: bool
    passages: int
    tools: int
    detail: str | None  # what to fix; None when ready

    @property
    def ready(self) -> bool:
        return self.detail is None


@dataclass
class Services:
    settings: Settings
    embedder: Embedder
    store: ChromaStore
    catalogue: Catalogue
    material: ToolMaterial
    retriever: HybridRetriever
    similarity: Similarity
    ingestor: Ingestor
    prompts: PromptLibrary
    llm: BaseChatModel | None
    offline: OfflineCoach
    conversations: ConversationStore
    redactor: Redactor
    gate: Gate
    chat: ChatService
    metrics: Metrics
    keys: KeyStore
    rate_limiter: RateLimiter
    # Rewords plan prompts for the focus when a language model is configured.
    tailor: Tailor | None = None
    # Embed the coach's and plans' material after each refresh (not needed to ingest).
    warm_material: bool = True
    _warming: threading.Thread | None = field(default=None, repr=False)

    def default_ingest_paths(self) -> list[Path]:
        """The shipped knowledge base, plus anything administrators uploaded."""
        return default_paths(self.settings)

    def ingest(
        self, paths: list[Path] | None = None, progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Index the given paths (default: knowledge and uploads) and refresh retrieval."""
        return self.library.ingest(paths, progress)

    # The features' services, each over the parts it needs (routes take one of these).
    @cached_property
    def library(self) -> Library:
        return Library(
            ingestor=self.ingestor,
            material=self.material,
            uploads_dir=self.settings.uploads_dir,
            max_upload_bytes=self.settings.max_upload_bytes,
            known_tool_ids=self.catalogue.ids,
            default_paths=self.default_ingest_paths,
            refresh=self.refresh_index,
        )

    @cached_property
    def planner(self) -> Planner:
        return Planner(self.catalogue, self.retriever, self.material, self.similarity, self.tailor)

    @cached_property
    def insights(self) -> Insights:
        return Insights(self.conversations, self.redactor)

    def readiness(self) -> Readiness:
        """Whether the store answers and the index holds passages, with what to fix if not."""
        reachable = self.store.ping()
        passages = self.material.size
        detail = None
        if not reachable:
            detail = "The vector store is unreachable; check Chroma."
        elif not passages:
            detail = "The index is empty; run `balcony ingest`."
        return Readiness(reachable, passages, len(self.catalogue.tools()), detail)

    def ensure_indexed(self) -> bool:
        """Index the default material if the store is empty; return whether it did."""
        if self.material.size:
            return False
        self.ingest()
        return True

    def refresh_index(self) -> None:
        """Rebuild retrieval from the store; embed the coach's and plans' material meanwhile.

        The material is embedded in a thread, so a server is ready without waiting for it
        (several seconds on a busy machine); until then an item is embedded when first used.
        """
        self.material.refresh()
        if self.warm_material:
            # Not a daemon: a command that ends meanwhile waits for it rather than dying in it.
            self._warming = threading.Thread(target=self._warm, name="balcony-warm")
            self._warming.start()

    def wait_warm(self, timeout: float | None = None) -> None:
        """Wait until the material is embedded (benchmarks and tests that time replies)."""
        if self._warming is not None:
            self._warming.join(timeout)

    def _warm(self) -> None:
        try:
            self.offline.warm()
            self.similarity.warm(facilitator_texts(self.catalogue))
        except Exception:
            # A store or model failure shows on the request that needs it, with its detail.
            logger.warning("embedding the material ahead of use failed", exc_info=True)


def build_services(
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    llm: BaseChatModel | None = None,
    index_from: Services | None = None,
    warm_material: bool = True,
) -> Services:
    """Build every part from settings.

    An embedder or chat model may be passed in; `index_from` shares another instance's
    index (store, catalogue, retriever) so tests can vary the rest without re-indexing.
    """
    if index_from is not None:
        embedder, store = index_from.embedder, index_from.store
        catalogue, material = index_from.catalogue, index_from.material
        retriever, similarity = index_from.retriever, index_from.similarity
        ingestor = index_from.ingestor
    else:
        embedder = embedder or build_embedder(settings.embedding)
        store = build_store(settings)
        catalogue = Catalogue.from_directory(settings.knowledge_dir)
        material = ToolMaterial(store=store, settings=settings.retrieval)
        # One cache of recent texts for search and similarity (and the gate, below).
        query_embedder = CachedEmbedder(embedder)
        retriever = HybridRetriever(
            embedder=query_embedder, store=store, material=material, settings=settings.retrieval
        )
        similarity = Similarity(query_embedder)
        ingestor = Ingestor(
            embedder=embedder,
            store=store,
            model_name=model_name(settings),
            known_tool_ids=catalogue.ids,
            manifest=Manifest(settings),
        )
    prompts = PromptLibrary(settings.prompts_dir)
    llm = llm or build_llm(settings.llm)
    offline = OfflineCoach(
        sections=ToolSections(catalogue),
        similarity=similarity,
        catalogue=catalogue,
        prompts=prompts,
    )
    coach = build_coach(
        retriever=retriever,
        catalogue=catalogue,
        offline=offline,
        prompts=prompts,
        llm=llm,
        relevance_threshold=settings.coaching.relevance_threshold,
        cpu_threads=settings.coaching.cpu_threads,
    )
    database = Database(settings.database_url)
    conversations = ConversationStore(database)
    redactor = Redactor(redaction_key(settings.redaction_secret, settings.data_dir))
    gate = Gate.load()
    metrics = Metrics()
    chat = ChatService(
        settings=settings,
        conversations=conversations,
        redactor=redactor,
        # The same cache as retrieval: the gate's vector serves a first message's retrieval.
        embedder=retriever.query_embedder,
        gate=gate,
        offline=offline,
        second_opinion=SecondOpinion(llm, prompts) if llm is not None else None,
        preparer=coach.preparer,
        generator=coach.generator,
        on_outcome=metrics.count_outcome,
        on_provider_error=lambda kind: metrics.provider_errors.labels(kind).inc(),
        local_generation=llm is None,
    )
    services = Services(
        settings,
        embedder,
        store,
        catalogue,
        material,
        retriever,
        similarity,
        ingestor,
        prompts,
        llm,
        offline,
        conversations,
        redactor,
        gate,
        chat,
        metrics,
        KeyStore(database),
        RateLimiter(
            settings.auth.rate_limit_per_minute,
            settings.redis.url.get_secret_value() if settings.redis.url else None,
            key_prefix=settings.redis.key_prefix,
        ),
        tailor=make_llm_tailor(llm, prompts, redactor) if llm is not None else None,
        warm_material=warm_material,
    )
    if index_from is None:
        services.refresh_index()
    return services

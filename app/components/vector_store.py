"""The vector store: Chroma, embedded on disk or a server, always given our own embeddings."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from app.core.config import Settings
from app.core.errors import StoreUnavailableError

logger = logging.getLogger(__name__)

Metadata = dict[str, str | int | float | bool]
T = TypeVar("T")


@dataclass(frozen=True)
class StoredChunk:
    id: str
    text: str
    metadata: Metadata


@contextmanager
def _store_errors(action: str) -> Iterator[None]:
    """Turn Chroma's and the network's failures into one error a person can act on."""
    try:
        yield
    except StoreUnavailableError:
        raise
    except Exception as error:
        # Connection refused, a server gone away, a corrupt folder: all mean the same here.
        logger.warning(
            "vector store failed", extra={"action": action, "error": type(error).__name__}
        )
        raise StoreUnavailableError(
            f"The knowledge index could not {action} ({type(error).__name__}). Check that "
            "Chroma is running and reachable (BALCONY_CHROMA__HOST / __PORT), or that "
            "BALCONY_DATA_DIR is writable, then try again."
        ) from error


class ChromaStore:
    """A thin, typed wrapper over one Chroma collection in cosine space."""

    def __init__(
        self, client: Any, collection_name: str, reconnect: Callable[[], Any] | None = None
    ) -> None:
        self._client = client
        self._name = collection_name
        # An embedded client caches the index's segments: when another process (`balcony
        # ingest` beside a running server) writes the folder, only a new client sees them.
        self._reconnect = reconnect
        self._reopening = threading.Lock()
        with _store_errors("open the collection"):
            self._collection = self._open()

    def _open(self) -> Any:
        return self._client.get_or_create_collection(
            self._name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )

    def _call(self, action: str, call: Callable[[Any], T]) -> T:
        """One call on the collection; an embedded store reopens once if it went stale."""
        collection = self._collection
        with _store_errors(action):
            try:
                return call(collection)
            except Exception:
                if self._reconnect is None:
                    raise
                self._reopen(collection)
                logger.info("reopened the embedded index", extra={"action": action})
                return call(self._collection)

    def _reopen(self, failed: Any) -> None:
        with self._reopening:
            if self._collection is not failed:  # another thread reopened it already
                return
            assert self._reconnect is not None
            close = getattr(self._client, "close", None)
            if close is not None:
                close()
            self._client = self._reconnect()
            self._collection = self._open()

    def ping(self) -> bool:
        try:
            self._client.heartbeat()
            return True
        except Exception:
            return False

    def count(self) -> int:
        return int(self._call("count its passages", lambda c: c.count()))

    def upsert(self, chunks: Sequence[StoredChunk], embeddings: Sequence[Sequence[float]]) -> None:
        if not chunks:
            return
        self._call(
            "save passages",
            lambda collection: collection.upsert(
                ids=[c.id for c in chunks],
                documents=[c.text for c in chunks],
                metadatas=[dict(c.metadata) for c in chunks],
                embeddings=[list(map(float, e)) for e in embeddings],
            ),
        )

    def update_metadata(self, ids: Sequence[str], metadatas: Sequence[Metadata]) -> None:
        """Change metadata in place, without re-embedding (unchanged passages of an edited file)."""
        if not ids:
            return
        self._call(
            "update passages",
            lambda c: c.update(ids=list(ids), metadatas=[dict(m) for m in metadatas]),
        )

    def delete(self, ids: Sequence[str]) -> None:
        if not ids:
            return
        self._call("delete passages", lambda c: c.delete(ids=list(ids)))

    def all_chunks(self) -> list[StoredChunk]:
        """Return every chunk (text and metadata): the BM25 index and ingestion read this."""
        found = self._call("read its passages", lambda c: c.get(include=["documents", "metadatas"]))
        return [
            StoredChunk(id=i, text=d or "", metadata=dict(m or {}))
            for i, d, m in zip(found["ids"], found["documents"], found["metadatas"], strict=True)
        ]

    def nearest(self, embedding: Sequence[float], n: int) -> list[tuple[str, float]]:
        """(id, cosine similarity) of the n nearest passages, best first, without their text.

        A caller that already holds the passages (retrieval's snapshot) saves Chroma reading
        each hit's document and metadata, most of a query's cost; `chunks` reads the rest.
        """
        query = [list(map(float, embedding))]
        found = self._call(
            "search",
            lambda c: c.query(query_embeddings=query, n_results=n, include=["distances"]),
        )
        return [
            (i, 1.0 - float(dist))
            for i, dist in zip(found["ids"][0], found["distances"][0], strict=True)
        ]

    def chunks(self, ids: Sequence[str]) -> list[StoredChunk]:
        """The chunks with these ids (text and metadata) that the store holds, in any order."""
        if not ids:
            return []
        found = self._call(
            "read its passages",
            lambda c: c.get(ids=list(ids), include=["documents", "metadatas"]),
        )
        return [
            StoredChunk(id=i, text=d or "", metadata=dict(m or {}))
            for i, d, m in zip(found["ids"], found["documents"], found["metadatas"], strict=True)
        ]

    def version(self) -> str:
        """The index's version, changed by every ingestion that changed passages."""
        metadata = (
            self._call(
                "read its version", lambda _: self._client.get_collection(self._name).metadata
            )
            or {}
        )
        return str(metadata.get("index_version", ""))

    def mark_changed(self) -> str:
        """Give the index a new version, so other workers know to refresh."""
        version = uuid.uuid4().hex
        self._call("record a new version", lambda c: c.modify(metadata={"index_version": version}))
        return version

    def reset(self) -> None:
        """Drop and recreate the collection (used when the embedding model changes)."""
        with _store_errors("reset the collection"):
            self._client.delete_collection(self._name)
            self._collection = self._open()


def build_store(settings: Settings) -> ChromaStore:
    """Open the embedded store under BALCONY_DATA_DIR, or a server when one is configured."""
    import chromadb
    from chromadb.config import Settings as ChromaClientSettings

    client_settings = ChromaClientSettings(anonymized_telemetry=False, allow_reset=False)
    name = settings.chroma.collection
    with _store_errors("connect"):
        if settings.chroma.host:
            client = chromadb.HttpClient(
                host=settings.chroma.host,
                port=settings.chroma.port,
                ssl=settings.chroma.ssl,
                settings=client_settings,
            )
            _apply_timeout(client, settings.chroma.timeout_seconds)
            return ChromaStore(client, name)
        settings.index_dir.mkdir(parents=True, exist_ok=True)

        def embedded() -> Any:
            return chromadb.PersistentClient(path=str(settings.index_dir), settings=client_settings)

        return ChromaStore(embedded(), name, reconnect=embedded)


def _apply_timeout(client: Any, seconds: float) -> None:
    """Bound every call to a Chroma server: its client waits forever by default.

    chromadb keeps its httpx session private, so reach it carefully and say if it moved.
    """
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(seconds)
    else:
        logger.warning("could not set the Chroma client's timeout; a hung server may hang requests")

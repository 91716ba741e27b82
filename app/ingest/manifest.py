"""What the last full ingestion indexed, so `balcony ingest` can see that nothing changed
without loading the embedding model or the vector store's client (a run then takes about a
second instead of twenty).

The manifest names the files' hashes, the model, the store and the index version it left.
Nothing changed when all of those still hold; any doubt (no manifest, an unreadable file, a
store that cannot be asked cheaply) means a normal ingestion, which is always correct.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.config import Settings

if TYPE_CHECKING:
    from app.ingest.pipeline import IngestReport

logger = logging.getLogger(__name__)

MANIFEST_NAME = "ingest-manifest.json"
DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


def model_name(settings: Settings) -> str:
    """The model name recorded on every passage (a change of model re-indexes everything)."""
    return settings.embedding.model or DEFAULT_MODEL_NAME


def default_paths(settings: Settings) -> list[Path]:
    """The shipped knowledge base, plus anything administrators uploaded."""
    paths = [settings.knowledge_dir]
    if settings.uploads_dir.is_dir():
        paths.append(settings.uploads_dir)
    return paths


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _store_identity(settings: Settings) -> str:
    if settings.chroma.host:
        return f"http://{settings.chroma.host}:{settings.chroma.port}/{settings.chroma.collection}"
    return f"{settings.index_dir.resolve()}/{settings.chroma.collection}"


class Manifest:
    """Reads and writes BALCONY_DATA_DIR/ingest-manifest.json for one store and model."""

    def __init__(self, settings: Settings) -> None:
        self.path = settings.data_dir / MANIFEST_NAME
        self._settings = settings
        self._identity = {"model": model_name(settings), "store": _store_identity(settings)}

    def invalidate(self) -> None:
        """Forget the last run: called before the index changes, so a run killed halfway
        is never mistaken for a finished one."""
        self.path.unlink(missing_ok=True)

    def record(
        self,
        targets: Sequence[Path],
        hashes: dict[str, str],
        skipped: dict[str, str],
        version: str,
    ) -> None:
        body = {
            **self._identity,
            "targets": _resolved(targets),
            "version": version,
            "files": hashes,
            "skipped": skipped,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.partial")
        partial.write_text(json.dumps(body, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(partial, self.path)

    def unchanged(self, targets: Sequence[Path]) -> tuple[int, list[tuple[str, str]]] | None:
        """(files, skipped) when nothing changed since the last full run; None otherwise."""
        from app.ingest.pipeline import discover

        try:
            recorded: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if any(recorded.get(k) != v for k, v in self._identity.items()):
            return None
        if recorded.get("targets") != _resolved(targets):
            return None
        files, _, problems = discover(targets)
        if problems:
            return None
        try:
            hashes = {f.source: file_hash(f.path) for f in files}
        except OSError:
            return None
        if hashes != recorded.get("files") or not recorded.get("version"):
            return None
        if self._index_version() != recorded["version"]:
            return None
        skipped = recorded.get("skipped") or {}
        return len(files), sorted((str(s), str(r)) for s, r in skipped.items())

    def _index_version(self) -> str | None:
        """The index version, read without importing chromadb (which takes seconds)."""
        chroma = self._settings.chroma
        try:
            if chroma.host:
                return _server_version(
                    chroma.host, chroma.port, chroma.ssl, chroma.collection, chroma.timeout_seconds
                )
            return _embedded_version(self._settings.index_dir / "chroma.sqlite3", chroma.collection)
        except Exception as error:
            # Chroma changed its layout, or the server is away: index the normal way.
            logger.info("index version not readable cheaply", extra={"error": type(error).__name__})
            return None


def _resolved(targets: Sequence[Path]) -> list[str]:
    return [str(Path(t).resolve()) for t in targets]


def _embedded_version(database: Path, collection: str) -> str | None:
    if not database.is_file():
        return None
    # Read-only: never take a lock a serving worker might be waiting for.
    with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True, timeout=2) as connection:
        rows = connection.execute(
            "SELECT m.str_value FROM collections c JOIN collection_metadata m "
            "ON m.collection_id = c.id WHERE c.name = ? AND m.key = 'index_version'",
            (collection,),
        ).fetchall()
    return str(rows[0][0]) if len(rows) == 1 and rows[0][0] else None


def _server_version(host: str, port: int, ssl: bool, collection: str, timeout: float) -> str | None:
    scheme = "https" if ssl else "http"
    url = (
        f"{scheme}://{host}:{port}/api/v2/tenants/default_tenant/databases/"
        f"default_database/collections/{collection}"
    )
    with urllib.request.urlopen(url, timeout=min(timeout, 5.0)) as response:  # noqa: S310
        metadata = json.loads(response.read()).get("metadata") or {}
    version = metadata.get("index_version")
    return str(version) if version else None


def quick_check(settings: Settings, targets: Sequence[Path]) -> IngestReport | None:
    """The report of a run that would change nothing, or None if a real run is needed."""
    from app.ingest.pipeline import IngestReport

    started = time.perf_counter()
    found = Manifest(settings).unchanged(targets)
    if found is None:
        return None
    files, skipped = found
    return IngestReport(files=files, skipped=skipped, seconds=time.perf_counter() - started)

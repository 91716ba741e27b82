"""Two workers on one index: what one ingests, the other finds once it checks the version."""

from __future__ import annotations

from pathlib import Path

from app.services import build_services
from tests.conftest import ServicesFactory
from tests.utils.documents import copy_knowledge


def test_a_second_worker_sees_what_the_first_ingested(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    first = services_factory(retrieval={"stale_check_seconds": 0})
    first.ingest([copy_knowledge(tmp_path / "kb", ["vuca"])])
    second = build_services(first.settings, embedder=first.embedder)
    assert {p.tool_id for p in second.retriever.retrieve("plans keep changing", k=5)} == {"vuca"}

    handout = tmp_path / "uploads" / "slow-thinking-handout.md"
    handout.parent.mkdir()
    handout.write_text("# Handout\n\nIn a crisis we won't make a long-term decision tonight.\n")
    first.ingest([handout])
    found = second.retriever.retrieve("long-term decision in a crisis", k=5)
    assert "slow-thinking" in {p.tool_id for p in found}


def test_unchanged_ingest_keeps_the_version(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    services = services_factory()
    folder = copy_knowledge(tmp_path / "kb", ["vuca"])
    services.ingest([folder])
    version = services.store.version()
    assert version
    services.ingest([folder])
    assert services.store.version() == version

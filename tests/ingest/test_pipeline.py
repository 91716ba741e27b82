"""Incremental ingestion with the real model and a real embedded Chroma."""

from __future__ import annotations

from pathlib import Path

from app.components.embedding import SentenceTransformerEmbedder
from app.core.config import EmbeddingSettings
from app.ingest.pipeline import Ingestor, IngestReport, discover
from app.services import Services
from tests.conftest import ServicesFactory
from tests.utils.documents import copy_knowledge

THREE = ("slow-thinking", "vuca", "public-value")
TWO = ("slow-thinking", "vuca")
OLD_LINE = "- Writing the decision log afterwards, to justify what was done."
NEW_LINE = "- Keeping the decision log in a zebra-striped notebook that nobody can find."


def sources(services: Services) -> set[str]:
    return {str(c.metadata["source"]) for c in services.store.all_chunks()}


def texts(services: Services) -> str:
    return "\n".join(c.text for c in services.store.all_chunks())


def test_first_run_indexes_every_file_with_its_metadata(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, THREE)
    services = services_factory()
    seen: list[str] = []

    report = services.ingest([folder], progress=seen.append)

    assert (report.files, report.files_changed, report.skipped) == (3, 3, [])
    assert report.chunks_added == report.chunks_embedded == services.store.count() > 3
    assert (report.chunks_updated, report.chunks_removed) == (0, 0)
    assert sorted(seen) == sorted(f"knowledge/{n}.md" for n in THREE)
    stored = services.store.all_chunks()
    assert {c.metadata["tool_id"] for c in stored} == set(THREE)
    for chunk in stored:
        meta = chunk.metadata
        assert meta["source"] == f"knowledge/{meta['tool_id']}.md"
        assert str(meta["heading"]).startswith(str(meta["title"]))
        assert meta["embedding_model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert "Slow thinking in a crisis > How to use it" in {c.metadata["heading"] for c in stored}
    assert services.material.size == services.store.count()


def test_second_run_over_unchanged_knowledge_embeds_nothing(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, THREE)  # three files show it; all sixteen only cost time
    services = services_factory()

    first = services.ingest([folder])
    second = services.ingest([folder])

    assert first.chunks_embedded == first.chunks_added > 10
    assert second.chunks_embedded == 0
    assert (second.chunks_added, second.chunks_updated, second.chunks_removed) == (0, 0, 0)
    assert (second.files, second.files_changed) == (first.files, 0)
    assert services.store.count() == first.chunks_added


def test_edited_file_replaces_its_old_passages(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, TWO)
    services = services_factory()
    services.ingest([folder])
    count = services.store.count()
    path = folder / "slow-thinking.md"
    assert OLD_LINE in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace(OLD_LINE, NEW_LINE), "utf-8")

    report = services.ingest([folder])

    assert report.files_changed == 1
    assert report.chunks_embedded == report.chunks_updated == 1
    assert (report.chunks_added, report.chunks_removed) == (0, 0)
    assert services.store.count() == count
    assert "Writing the decision log afterwards" not in texts(services)
    # The new words are searchable: within its tool the edited passage comes first. (Which
    # tool leads for words no manager would type is the re-ranker's guess, not ingest's.)
    found = services.retriever.retrieve("zebra-striped notebook", k=4)
    edited = [p for p in found if "zebra-striped notebook" in p.text]
    assert edited and edited[0].heading == "Slow thinking in a crisis > Pitfalls"
    assert next(p for p in found if p.tool_id == "slow-thinking") == edited[0]


def test_unchanged_passages_of_an_edited_file_are_not_embedded_again(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, TWO)
    services = services_factory()
    services.ingest([folder])
    path = folder / "vuca.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n## Extra\n\nA new closing note.\n")

    report = services.ingest([folder])

    assert (report.chunks_embedded, report.chunks_added, report.chunks_updated) == (1, 1, 0)
    # The file's other passages now carry the new file hash, so a third run is a no-op.
    assert services.ingest([folder]).files_changed == 0


def test_deleted_file_passages_disappear_on_the_next_run(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, TWO)
    services = services_factory()
    services.ingest([folder])
    vuca = sum(1 for c in services.store.all_chunks() if c.metadata["tool_id"] == "vuca")
    (folder / "vuca.md").unlink()

    report = services.ingest([folder])

    assert report.chunks_removed == vuca > 0
    assert report.files == 1
    assert "knowledge/vuca.md" not in sources(services)
    results = services.retriever.retrieve("volatility uncertainty complexity ambiguity", k=10)
    assert all(p.tool_id != "vuca" for p in results)


def test_unreadable_file_is_reported_by_name_and_its_passages_are_kept(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, TWO)
    services = services_factory()
    services.ingest([folder])
    before = {c.id for c in services.store.all_chunks()}
    (folder / "slow-thinking.md").write_bytes(b"\x00\x01 corrupted on a shared drive")
    (folder / "handout.pdf").write_text("a text file with a .pdf name", encoding="utf-8")

    report = services.ingest([folder])

    skipped = dict(report.skipped)
    assert set(skipped) == {"knowledge/slow-thinking.md", "knowledge/handout.pdf"}
    assert "binary" in skipped["knowledge/slow-thinking.md"]
    assert "not a PDF" in skipped["knowledge/handout.pdf"]
    assert {c.id for c in services.store.all_chunks()} == before
    assert report.chunks_removed == 0
    top = services.retriever.retrieve("We won't make a long-term decision in a crisis", k=3)
    assert "slow-thinking" in {p.tool_id for p in top}
    assert "skipped" in report.summary()


def test_empty_file_is_skipped_with_a_reason(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "material"
    folder.mkdir()
    (folder / "empty.md").write_text("---\ntitle: Nothing yet\n---\n", encoding="utf-8")
    report = services_factory().ingest([folder])
    assert report.skipped == [("material/empty.md", "no text could be found in it")]


def test_embedding_model_change_reindexes_everything(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, TWO)
    first = services_factory().ingest([folder])
    # Same data folder, another model name: old vectors cannot be mixed with new ones.
    services = services_factory(embedding=EmbeddingSettings(model="another/embedding-model"))

    report = services.ingest([folder])

    assert report.chunks_embedded == first.chunks_embedded == services.store.count()
    models = {c.metadata["embedding_model"] for c in services.store.all_chunks()}
    assert models == {"another/embedding-model"}


def test_ingestor_with_another_model_name_rebuilds_the_index(
    services_factory: ServicesFactory,
    embedder: SentenceTransformerEmbedder,
    tmp_path: Path,
) -> None:
    folder = copy_knowledge(tmp_path, ("vuca",))
    services = services_factory()
    count = services.ingest([folder]).chunks_added
    ingestor = Ingestor(embedder=embedder, store=services.store, model_name="renamed-model")

    report = ingestor.ingest([folder])

    assert report.chunks_embedded == count == services.store.count()


def test_single_file_run_leaves_the_rest_of_its_folder_alone(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, TWO)
    services = services_factory()
    services.ingest([folder])
    count = services.store.count()

    report = services.ingest([folder / "vuca.md"])

    assert (report.files, report.chunks_removed) == (1, 0)
    assert services.store.count() == count


def test_missing_path_is_reported_and_nothing_is_lost(
    services_factory: ServicesFactory, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, ("vuca",))
    services = services_factory()
    services.ingest([folder])
    count = services.store.count()

    report = services.ingest([folder, tmp_path / "no-such-folder"])

    assert report.skipped == [(str(tmp_path / "no-such-folder"), "no such file or folder")]
    assert services.store.count() == count


def test_discover_skips_hidden_and_unsupported_files(tmp_path: Path) -> None:
    folder = tmp_path / "material"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    for name in ("a.md", "sub/b.txt", "c.xlsx", ".d.md", ".hidden/e.md", "F.PDF"):
        (folder / name).write_text("x", encoding="utf-8")

    files, prefixes, problems = discover([folder])

    assert [f.source for f in files] == ["material/F.PDF", "material/a.md", "material/sub/b.txt"]
    assert (prefixes, problems) == (["material/"], [])


def test_summary_is_one_line_with_every_count() -> None:
    report = IngestReport(
        files=12, files_changed=2, chunks_added=3, chunks_updated=4, chunks_removed=5, seconds=1.26
    )
    expected = "12 files (2 changed), 3 chunks added, 4 updated, 5 removed, 1.3 s"
    assert report.summary() == expected

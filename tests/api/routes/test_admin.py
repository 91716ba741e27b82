"""Administrators: upload material, re-index, list and delete documents (fresh stores only)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.services import Services
from tests.conftest import ServicesFactory
from tests.utils.documents import copy_knowledge, make_docx, make_pdf, make_pptx

PHRASE = "Our quokka rota gives every practitioner a protected reflective hour"
ClientFactory = Callable[..., tuple[TestClient, Services]]


@pytest.fixture
def admin(services_factory: ServicesFactory) -> Iterator[ClientFactory]:
    """Build an API client over fresh services (settings overrides allowed)."""
    clients: list[TestClient] = []

    def factory(**overrides: Any) -> tuple[TestClient, Services]:
        services = services_factory(**overrides)
        client = TestClient(create_app(services=services))
        client.__enter__()
        clients.append(client)
        return client, services

    yield factory
    for client in clients:
        client.__exit__(None, None, None)


def upload(client: TestClient, name: str, content: bytes) -> Any:
    files = {"file": (name, content, "application/octet-stream")}
    return client.post("/v1/admin/documents", files=files)


def document_bytes(kind: str, tmp_path: Path) -> bytes:
    path = tmp_path / f"doc.{kind}"
    if kind == "md":
        path.write_text(f"# Team handout\n\n## Supervision\n\n{PHRASE}.\n", encoding="utf-8")
    elif kind == "txt":
        path.write_text(f"{PHRASE}.\n", encoding="utf-8")
    elif kind == "pdf":
        make_pdf(path, [PHRASE])
    elif kind == "docx":
        make_docx(path, [(1, "Supervision"), (0, PHRASE)])
    else:
        make_pptx(path, [("Supervision", PHRASE, "Say it slowly")])
    return path.read_bytes()


def sources(client: TestClient) -> dict[str, int]:
    documents = client.get("/v1/admin/documents").json()["documents"]
    return {d["source"]: d["passages"] for d in documents}


@pytest.mark.parametrize("kind", ["md", "txt", "pdf", "docx", "pptx"])
def test_uploaded_document_is_indexed_and_retrievable(
    admin: ClientFactory, tmp_path: Path, kind: str
) -> None:
    client, services = admin()

    response = upload(client, f"supervision-notes.{kind}", document_bytes(kind, tmp_path))

    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["files"], body["skipped"]) == (1, [])
    assert body["chunks_added"] >= 1
    assert (services.settings.uploads_dir / f"supervision-notes.{kind}").is_file()
    top = client.post("/v1/retrieve", json={"query": "quokka rota", "k": 1}).json()["results"][0]
    assert top["source"] == f"uploads/supervision-notes.{kind}"
    assert "quokka rota" in top["text"]
    assert sources(client) == {f"uploads/supervision-notes.{kind}": body["chunks_added"]}


def test_upload_named_after_a_tool_belongs_to_it(admin: ClientFactory, tmp_path: Path) -> None:
    client, _ = admin()
    response = upload(client, "slow-thinking-handout.pdf", document_bytes("pdf", tmp_path))
    assert response.status_code == 201
    documents = client.get("/v1/admin/documents").json()["documents"]
    assert documents == [
        {
            "source": "uploads/slow-thinking-handout.pdf",
            "tool_id": "slow-thinking",
            "title": "Slow thinking handout",
            "passages": 1,
        }
    ]


def test_fake_pdf_is_415_and_nothing_is_lost(admin: ClientFactory, tmp_path: Path) -> None:
    client, services = admin()
    assert upload(client, "notes.md", document_bytes("md", tmp_path)).status_code == 201
    before = sources(client)

    response = upload(client, "minutes.pdf", b"Minutes of the meeting, saved as text.")

    assert response.status_code == 415
    detail = response.json()["detail"]
    assert detail == "minutes.pdf was not added: it has a .pdf name but is not a PDF"
    assert sources(client) == before
    assert sorted(p.name for p in services.settings.uploads_dir.iterdir()) == ["notes.md"]


def test_replacing_an_upload_with_a_fake_keeps_the_original(
    admin: ClientFactory, tmp_path: Path
) -> None:
    client, services = admin()
    original = document_bytes("pdf", tmp_path)
    assert upload(client, "handout.pdf", original).status_code == 201

    assert upload(client, "handout.pdf", b"not a pdf at all").status_code == 415

    assert (services.settings.uploads_dir / "handout.pdf").read_bytes() == original
    assert "uploads/handout.pdf" in sources(client)


@pytest.mark.parametrize("name", ["budget.xlsx", "photo.png", "no-extension"])
def test_unsupported_type_is_415_naming_the_supported_ones(admin: ClientFactory, name: str) -> None:
    client, _ = admin()
    response = upload(client, name, b"some bytes")
    assert response.status_code == 415
    assert ".pdf, .docx, .pptx" in response.json()["detail"]


def test_oversize_upload_is_413(admin: ClientFactory) -> None:
    client, services = admin(max_upload_bytes=1024)

    response = upload(client, "long.txt", b"word " * 500)

    assert response.status_code == 413
    detail = response.json()["detail"]
    assert "BALCONY_MAX_UPLOAD_BYTES" in detail
    assert "1 KiB" in detail
    assert not services.settings.uploads_dir.exists() or not any(
        services.settings.uploads_dir.iterdir()
    )


def test_empty_upload_is_422(admin: ClientFactory) -> None:
    client, _ = admin()
    response = upload(client, "empty.md", b"")
    assert response.status_code == 422
    assert "empty" in response.json()["detail"]


def test_upload_without_a_file_is_422(admin: ClientFactory) -> None:
    client, _ = admin()
    response = client.post("/v1/admin/documents", data={"note": "no file"})
    assert response.status_code == 422
    assert "file" in response.json()["detail"]


def test_upload_name_cannot_escape_the_uploads_folder(admin: ClientFactory, tmp_path: Path) -> None:
    client, services = admin()

    response = upload(client, "../../outside.md", document_bytes("md", tmp_path))

    assert response.status_code == 201
    assert (services.settings.uploads_dir / "outside.md").is_file()
    assert not (services.settings.data_dir / "outside.md").exists()
    assert not (services.settings.data_dir.parent / "outside.md").exists()


def test_delete_upload_removes_its_passages(admin: ClientFactory, tmp_path: Path) -> None:
    client, services = admin()
    added = upload(client, "notes.docx", document_bytes("docx", tmp_path)).json()["chunks_added"]
    assert upload(client, "other.txt", b"Something else entirely.").status_code == 201

    response = client.delete("/v1/admin/documents/notes.docx")

    assert response.status_code == 200
    assert response.json()["chunks_removed"] == added
    assert sources(client) == {"uploads/other.txt": 1}
    assert not (services.settings.uploads_dir / "notes.docx").exists()
    results = client.post("/v1/retrieve", json={"query": "quokka rota"}).json()["results"]
    assert all("quokka" not in r["text"] for r in results)


def test_delete_unknown_upload_is_404(admin: ClientFactory) -> None:
    client, _ = admin()
    response = client.delete("/v1/admin/documents/never-uploaded.pdf")
    assert response.status_code == 404
    assert "GET /v1/admin/documents" in response.json()["detail"]


def test_reindex_route_keeps_uploads_and_is_incremental(
    admin: ClientFactory, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path / "copy", ("vuca",))
    client, _ = admin(knowledge_dir=knowledge)
    assert upload(client, "notes.md", document_bytes("md", tmp_path)).status_code == 201

    first = client.post("/v1/admin/ingest")
    second = client.post("/v1/admin/ingest")

    assert first.status_code == second.status_code == 200
    assert first.json()["files"] == 2
    assert first.json()["chunks_added"] > 0
    assert second.json()["chunks_added"] == 0
    assert set(second.json()) >= {"summary", "skipped", "seconds", "chunks_removed"}
    assert set(sources(client)) == {"knowledge/vuca.md", "uploads/notes.md"}

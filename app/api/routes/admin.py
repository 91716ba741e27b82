"""Administrators: upload material, re-index, list and delete documents."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, UploadFile, status

from app.api.deps import LibraryDep
from app.api.errors import GUARDED, error_responses
from app.api.schemas import DocumentInfo, DocumentList, IngestResponse
from app.ingest.pipeline import IngestReport

router = APIRouter(prefix="/v1/admin", tags=["administration"])


def _size(limit: int) -> str:
    """Say a byte limit in the largest whole unit, e.g. "20 MiB" or "512 KiB"."""
    for unit, scale in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if limit >= scale:
            return f"{limit / scale:.3g} {unit}"
    return f"{limit} bytes"


def _response(report: IngestReport) -> IngestResponse:
    return IngestResponse(
        files=report.files,
        files_changed=report.files_changed,
        chunks_added=report.chunks_added,
        chunks_updated=report.chunks_updated,
        chunks_removed=report.chunks_removed,
        skipped=[{"source": s, "reason": r} for s, r in report.skipped],
        seconds=round(report.seconds, 3),
        summary=report.summary(),
    )


@router.post(
    "/ingest",
    summary="Re-index the knowledge base and uploaded material",
    responses=error_responses(*GUARDED, 503),
)
def ingest(library: LibraryDep) -> IngestResponse:
    return _response(library.ingest())


@router.post(
    "/documents",
    status_code=status.HTTP_201_CREATED,
    summary="Upload a PDF, Word, PowerPoint, Markdown or text file and index it",
    responses=error_responses(*GUARDED, 413, 415, 422, 503),
)
async def upload_document(file: UploadFile, library: LibraryDep) -> IngestResponse:
    limit = library.max_upload_bytes
    content = await file.read(limit + 1)
    if len(content) > limit:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"The file is larger than {_size(limit)}; split it or raise BALCONY_MAX_UPLOAD_BYTES.",
        )
    return _response(library.upload(file.filename or "", content))


@router.get(
    "/documents", summary="List the indexed documents", responses=error_responses(*GUARDED, 503)
)
def list_documents(library: LibraryDep) -> DocumentList:
    return DocumentList(documents=[DocumentInfo.model_validate(d) for d in library.documents()])


@router.delete(
    "/documents/{filename}",
    summary="Delete an uploaded document and its passages",
    responses=error_responses(*GUARDED, 404, 415, 422, 503),
)
def delete_document(filename: str, library: LibraryDep) -> IngestResponse:
    return _response(library.delete(filename))

"""Content-addressed files: which are missing, resumable chunked upload, download."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from server.api.deps import get_ctx, get_session
from server.api.schemas import ErrorOut, MissingIn, MissingOut, UploadOut, UploadStartIn
from server.auth import Principal, require
from server.context import ServerContext
from server.errors import invalid
from server.services import files

router = APIRouter(prefix="/files", tags=["files"])
Ctx = Annotated[ServerContext, Depends(get_ctx)]
Db = Annotated[Session, Depends(get_session)]
User = Annotated[Principal, Depends(require())]
ERRORS = {
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 409: {"model": ErrorOut},
    422: {"model": ErrorOut},
}  # fmt: skip


def _out(status: files.UploadStatus) -> UploadOut:
    return UploadOut(
        sha256=status.sha256, size=status.size, received=status.received, complete=status.complete,
        chunk_size=status.chunk_size,
    )  # fmt: skip


@router.post("/missing", response_model=MissingOut, responses=ERRORS)
def missing(body: MissingIn, _user: User, db: Db) -> MissingOut:
    """Of these sha256 hashes, the ones the server does not hold yet."""
    return MissingOut(missing=files.missing(db, body.hashes))


@router.post("/{sha256}/upload", response_model=UploadOut, responses=ERRORS)
def start_upload(sha256: str, body: UploadStartIn, user: User, ctx: Ctx, db: Db) -> UploadOut:
    """Announce (or resume) an upload; ``received`` says from which byte to continue."""
    return _out(files.start_upload(db, ctx, sha256, body.size, actor=user.actor))


@router.get("/{sha256}/upload", response_model=UploadOut, responses=ERRORS)
def upload_status(sha256: str, _user: User, ctx: Ctx, db: Db) -> UploadOut:
    return _out(files.status(db, ctx, sha256))


@router.put(
    "/{sha256}/upload",
    response_model=UploadOut,
    responses=ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
async def upload_chunk(
    sha256: str,
    request: Request,
    user: User,
    ctx: Ctx,
    db: Db,
    offset: Annotated[int, Query(ge=0, le=2**40)],
    chunk_sha256: Annotated[str | None, Header(alias="X-Chunk-Sha256", max_length=64)] = None,
) -> UploadOut:
    """Append one chunk (at most 1 MiB) at ``offset``; 409 ``files.offset_mismatch`` names where to resume.
    ``X-Chunk-Sha256`` lets the server refuse a chunk damaged on the way (422 ``files.chunk_corrupt``)."""
    data = bytearray()
    async for part in request.stream():
        data += part
        if len(data) > files.CHUNK_SIZE:
            raise invalid("files.chunk_too_large", max=files.CHUNK_SIZE)
    status = await run_in_threadpool(
        files.upload_chunk, db, ctx, sha256, offset, bytes(data), actor=user.actor, chunk_sha256=chunk_sha256
    )
    return _out(status)


@router.get(
    "/{sha256}",
    response_class=FileResponse,
    responses={200: {"content": {"application/octet-stream": {}}}, **ERRORS},
)
def download(sha256: str, _user: User, ctx: Ctx, db: Db) -> FileResponse:
    path, _size = files.open_stored(db, ctx, sha256)
    return FileResponse(
        path,
        media_type="application/octet-stream",
        headers={"ETag": f'"{sha256.lower()}"', "Cache-Control": "private, max-age=31536000, immutable"},
    )

"""Content-addressed file store: which hashes are missing, resumable 1 MiB chunk uploads, re-hash before accepting.

A file lives at ``files_dir/ab/cd/<sha256>`` once complete; until then its bytes so far are in
``files_dir/partial/<sha256>`` and a ``file_upload`` row remembers the announced size. A chunk must start exactly
where the stored bytes end (the answer to a wrong offset says where to resume), may carry its own sha256 so a
corrupted chunk is refused at once, and the whole file is hashed again before it counts as stored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.context import ServerContext
from server.db.models import FileUpload, StoredFile
from server.errors import ServerError, conflict, invalid, not_found
from server.services import audit
from server.services.audit import Actor

CHUNK_SIZE = 1024 * 1024
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
MAX_QUERY = 1000

_locks_guard = threading.Lock()
_locks: dict[str, threading.Lock] = {}


def _lock_for(sha256: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(sha256, threading.Lock())


@dataclass(frozen=True, slots=True)
class UploadStatus:
    sha256: str
    size: int
    received: int
    complete: bool
    chunk_size: int = CHUNK_SIZE


def check_hash(sha256: str) -> str:
    value = sha256.strip().lower()
    if not SHA256_RE.fullmatch(value):
        raise invalid("files.hash_invalid", sha256=sha256)
    return value


def stored_path(ctx: ServerContext, sha256: str) -> Path:
    return ctx.settings.files_path / sha256[:2] / sha256[2:4] / sha256


def partial_path(ctx: ServerContext, sha256: str) -> Path:
    return ctx.settings.files_path / "partial" / sha256


def file_exists(session: Session, sha256: str) -> bool:
    """True once the file is complete and verified: a record may refer to it from then on."""
    return session.get(StoredFile, sha256) is not None


def missing(session: Session, hashes: Iterable[str]) -> list[str]:
    wanted = sorted({check_hash(h) for h in hashes})
    if len(wanted) > MAX_QUERY:
        raise invalid("files.too_many", max=MAX_QUERY)
    have = set(session.scalars(select(StoredFile.sha256).where(StoredFile.sha256.in_(wanted)))) if wanted else set()
    return [h for h in wanted if h not in have]


def status(session: Session, ctx: ServerContext, sha256: str) -> UploadStatus:
    sha256 = check_hash(sha256)
    stored = session.get(StoredFile, sha256)
    if stored is not None:
        return UploadStatus(sha256, stored.size, stored.size, True)
    upload = session.get(FileUpload, sha256)
    if upload is None:
        raise not_found("files.upload_unknown", sha256=sha256)
    part = partial_path(ctx, sha256)
    return UploadStatus(sha256, upload.size, part.stat().st_size if part.exists() else 0, False)


def start_upload(session: Session, ctx: ServerContext, sha256: str, size: int, *, actor: Actor) -> UploadStatus:
    """Announce a file (or resume one): the answer says how many bytes the server already has."""
    sha256 = check_hash(sha256)
    if size < 0 or size > ctx.settings.max_file_mb * 1024 * 1024:
        raise invalid("files.size_invalid", size=size, max_mb=ctx.settings.max_file_mb)
    stored = session.get(StoredFile, sha256)
    if stored is not None:
        return UploadStatus(sha256, stored.size, stored.size, True)
    upload = session.get(FileUpload, sha256)
    if upload is None:
        session.add(FileUpload(sha256=sha256, size=size, started_at=ctx.clock.now(), started_by=actor.username))
        session.commit()
    elif upload.size != size:
        raise conflict("files.size_mismatch", expected=upload.size, given=size)
    if size == 0:
        return upload_chunk(session, ctx, sha256, 0, b"", actor=actor)
    return status(session, ctx, sha256)


def upload_chunk(
    session: Session,
    ctx: ServerContext,
    sha256: str,
    offset: int,
    data: bytes,
    *,
    actor: Actor,
    chunk_sha256: str | None = None,
) -> UploadStatus:
    sha256 = check_hash(sha256)
    if len(data) > CHUNK_SIZE:
        raise invalid("files.chunk_too_large", max=CHUNK_SIZE)
    if chunk_sha256 is not None and hashlib.sha256(data).hexdigest() != chunk_sha256.strip().lower():
        raise invalid("files.chunk_corrupt", offset=offset)
    with _lock_for(sha256):
        stored = session.get(StoredFile, sha256)
        if stored is not None:
            return UploadStatus(sha256, stored.size, stored.size, True)
        upload = session.get(FileUpload, sha256)
        if upload is None:
            raise not_found("files.upload_unknown", sha256=sha256)
        part = partial_path(ctx, sha256)
        part.parent.mkdir(parents=True, exist_ok=True)
        received = part.stat().st_size if part.exists() else 0
        if offset != received:
            raise ServerError("files.offset_mismatch", 409, received=received, offset=offset)
        if received + len(data) > upload.size:
            raise invalid("files.too_long", size=upload.size)
        if data:
            with part.open("ab") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            received += len(data)
        elif not part.exists():
            part.touch()
        if received < upload.size:
            return UploadStatus(sha256, upload.size, received, False)
        return _finish(session, ctx, upload, part, actor)


def _finish(session: Session, ctx: ServerContext, upload: FileUpload, part: Path, actor: Actor) -> UploadStatus:
    digest = hashlib.sha256()
    with part.open("rb") as source:
        for block in iter(lambda: source.read(CHUNK_SIZE), b""):
            digest.update(block)
    if digest.hexdigest() != upload.sha256:
        # The bytes are not the announced file: start over rather than keep a poisoned prefix.
        part.unlink(missing_ok=True)
        session.delete(upload)
        audit.record(session, "file.refused", at=ctx.clock.now(), actor=actor, entity="file",
                     entity_id=upload.sha256, details={"reason": "hash_mismatch"})  # fmt: skip
        session.commit()
        raise invalid("files.hash_mismatch", sha256=upload.sha256)
    target = stored_path(ctx, upload.sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(part, target)
    with contextlib.suppress(OSError):  # make the rename durable where the platform allows it
        fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    session.add(StoredFile(sha256=upload.sha256, size=upload.size, stored_at=ctx.clock.now(),
                           uploaded_by=actor.username))  # fmt: skip
    session.delete(upload)
    audit.record(session, "file.stored", at=ctx.clock.now(), actor=actor, entity="file", entity_id=upload.sha256,
                 details={"size": upload.size})  # fmt: skip
    session.commit()
    return UploadStatus(upload.sha256, upload.size, upload.size, True)


def open_stored(session: Session, ctx: ServerContext, sha256: str) -> tuple[Path, int]:
    sha256 = check_hash(sha256)
    stored = session.get(StoredFile, sha256)
    path = stored_path(ctx, sha256)
    if stored is None or not path.exists():
        raise not_found("files.not_found", sha256=sha256)
    return path, stored.size

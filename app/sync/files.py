"""Content-addressed files to and from the server: ask which hashes it lacks, upload in resumable 1 MiB chunks (each
with its own sha256), download on demand into the local store."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from app.sync.errors import SyncError
from app.sync.protocol import CHUNK_SIZE
from app.sync.transport import Transport

log = logging.getLogger(__name__)


class LocalFiles(Protocol):
    """What sync needs of the workstation's file store (``app.db.filestore.FileStore`` fits)."""

    def has(self, sha256: str) -> bool: ...

    def path_of(self, sha256: str) -> Path: ...

    def put_file(self, path: Path) -> Any: ...


class DirectoryFiles:
    """A plain ``root/ab/cd/<sha256>`` store, for tests and when no FileStore is given."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).exists()

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        target = self.path_of(sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".part")
            tmp.write_bytes(data)
            os.replace(tmp, target)
        return sha

    def put_file(self, path: Path) -> str:
        return self.put_bytes(Path(path).read_bytes())


def missing_on_server(transport: Transport, hashes: Iterable[str]) -> list[str]:
    wanted = sorted(set(hashes))
    missing: list[str] = []
    for start in range(0, len(wanted), 1000):
        answer = transport.request("POST", "/files/missing", json={"hashes": wanted[start : start + 1000]})
        missing += list(answer.get("missing") or [])
    return missing


def upload(
    transport: Transport,
    path: Path,
    sha256: str,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    corrupt_chunk: int | None = None,
) -> None:
    """Upload one file, resuming after whatever the server already has. ``corrupt_chunk`` (tests only) flips a bit in
    that chunk's body after its hash is taken, as a bad link would."""
    size = path.stat().st_size
    status = transport.request("POST", f"/files/{sha256}/upload", json={"size": size})
    offset = int(status.get("received") or 0)
    with open(path, "rb") as source:
        while not status.get("complete"):
            source.seek(offset)
            chunk = source.read(CHUNK_SIZE)
            digest = hashlib.sha256(chunk).hexdigest()
            if corrupt_chunk is not None and offset // CHUNK_SIZE == corrupt_chunk and chunk:
                chunk = bytes([chunk[0] ^ 0xFF]) + chunk[1:]
            status = transport.request(
                "PUT", f"/files/{sha256}/upload", params={"offset": offset}, content=chunk,
                extra_headers={"X-Chunk-Sha256": digest, "Content-Type": "application/octet-stream"},
            )  # fmt: skip
            offset = int(status.get("received") or 0)
            if on_progress is not None:
                on_progress(offset, size)
            if not chunk and not status.get("complete"):
                raise SyncError("sync.file_corrupt", sha256=sha256)


def upload_missing(
    transport: Transport,
    store: LocalFiles,
    hashes: Iterable[str],
    on_progress: Callable[[int, int], None] | None = None,
) -> list[str]:
    """Upload every file of ``hashes`` the server lacks and this workstation has; returns those sent."""
    sent: list[str] = []
    for sha in missing_on_server(transport, hashes):
        if not store.has(sha):
            log.warning("file %s is referenced but not in the local store", sha[:12])
            continue
        upload(transport, store.path_of(sha), sha, on_progress=on_progress)
        sent.append(sha)
    return sent


def download(transport: Transport, store: LocalFiles, sha256: str) -> Path:
    """Fetch a file into the local store (on demand); refuses bytes that do not hash to ``sha256``."""
    if store.has(sha256):
        return store.path_of(sha256)
    data: bytes = transport.request("GET", f"/files/{sha256}", raw=True)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SyncError("sync.file_corrupt", sha256=sha256)
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / sha256
        part.write_bytes(data)
        store.put_file(part)
    return store.path_of(sha256)

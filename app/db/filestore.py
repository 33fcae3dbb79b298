"""Content-addressed file store: every file lives under its sha256 (``<root>/ab/cdef…``), written once, never changed.

``root`` is the workstation's ``DataPaths.files``. No database here: services record the rows (who, which case, what
type) and sync ships the files by hash. A file is written to a temporary name in the same folder, fsync'd, checked
against its hash and renamed into place, so a crash never leaves a half file under a real hash.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1024 * 1024


class FileStoreError(Exception):
    """The store's files disagree with their names (disk fault or tampering)."""


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # -- naming ---------------------------------------------------------------------------------------------------
    @staticmethod
    def _check(sha256: str) -> str:
        sha = sha256.lower()
        if not _SHA256.match(sha):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        return sha

    def path_of(self, sha256: str) -> Path:
        sha = self._check(sha256)
        return self.root / sha[:2] / sha[2:]

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        """Read a stored file. Raises FileNotFoundError when it is not here (yet: sync may bring it)."""
        return self.path_of(sha256).open("rb")

    def read_bytes(self, sha256: str) -> bytes:
        with self.open(sha256) as handle:
            return handle.read()

    # -- writing --------------------------------------------------------------------------------------------------
    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if self.has(sha):
            return sha
        target = self.path_of(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            self._verify(Path(tmp), sha)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._fsync_dir(target.parent)
        return sha

    def put_file(self, path: Path, expected_sha256: str | None = None) -> str:
        """Copy ``path`` into the store (the original is left alone). With ``expected_sha256`` (a file arriving
        through sync) a file whose content does not match is refused."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        digest = hashlib.sha256()
        try:
            with os.fdopen(fd, "wb") as out, Path(path).open("rb") as src:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expected_sha256 is not None and sha != self._check(expected_sha256):
                raise FileStoreError(f"content of {path} is {sha}, expected {expected_sha256}")
            self._verify(Path(tmp), sha)  # read back what reached the disk
            target = self.path_of(sha)
            if target.is_file():
                Path(tmp).unlink()
                return sha
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._fsync_dir(target.parent)
        return sha

    def verify(self, sha256: str) -> bool:
        """True when the stored file still hashes to its name."""
        try:
            self._verify(self.path_of(sha256), self._check(sha256))
        except (FileStoreError, FileNotFoundError):
            return False
        return True

    def copy_to(self, sha256: str, destination: Path) -> Path:
        shutil.copyfile(self.path_of(sha256), destination)
        return destination

    def __iter__(self) -> Iterator[str]:
        """Every stored hash (for sync's inventory)."""
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir() and len(sub.name) == 2:
                for item in sorted(sub.iterdir()):
                    name = sub.name + item.name
                    if _SHA256.match(name):
                        yield name

    @staticmethod
    def _verify(path: Path, sha256: str) -> None:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != sha256:
            raise FileStoreError(f"{path} does not hash to {sha256}")

    @staticmethod
    def _fsync_dir(folder: Path) -> None:
        if os.name != "posix":
            return  # Windows cannot open a folder for fsync; NTFS journals the rename
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

"""Crash safety for scanning: a ScanSession writes every page to disk the moment it arrives.

Layout of one session (``<scans_in_progress>/<session id>/``)::

    manifest.json      status, device, profile, and the page list in the operator's order (fsync'd, atomic)
    page-0001.tiff     each page as the driver gave it (lossless; 1-bit pages G4, others uncompressed for speed)

A page file is written (temp name, fsync, rename) before the manifest names it, so after a crash, a jam or a killed
process at most the page inside the scanner is lost. Opening a session adopts page files the manifest missed.
Uncompressed TIFF because writing it takes milliseconds (an A3 grey PNG takes half a second to a second and a half).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PIL import Image

from app.scanner.base import ScannedPage
from app.scanner.profiles import Profile

MANIFEST = "manifest.json"
_PAGE_FILE = re.compile(r"^page-(\d{4,})\.tiff$")

SCANNING = "scanning"  # pages may still arrive
INTERRUPTED = "interrupted"  # a device error ended the batch; the pages so far are kept
STOPPED = "stopped"  # the operator cancelled; the pages so far are kept
READY = "ready"  # the batch ended normally; waiting for the operator to save
SAVED = "saved"  # the document was archived; the folder may go
DISCARDED = "discarded"
UNFINISHED = (SCANNING, INTERRUPTED, STOPPED, READY)


@dataclass(frozen=True)
class PageRecord:
    number: int  # arrival number, stable: it names the file
    file: str
    dpi: int
    mode: str
    side: str = "front"
    width: int = 0
    height: int = 0
    rotation: int = 0  # clockwise degrees the operator asked for
    deleted: bool = False
    ink_ratio: float | None = None


@dataclass(frozen=True)
class SessionInfo:
    session_id: str
    folder: Path
    status: str
    created_at: str
    device_id: str
    profile_name: str
    page_count: int
    error_code: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_write(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


class ScanSession:
    """Pages of one scanning run on disk. ``add_page`` is the driver's ``on_page`` callback (any thread)."""

    def __init__(self, folder: Path, manifest: dict[str, Any]) -> None:
        self.folder = folder
        self._manifest = manifest
        self._lock = threading.RLock()

    # -- creation -------------------------------------------------------------------------------------------------
    @classmethod
    def create(cls, parent: Path, *, device_id: str = "", profile: Profile | None = None, **meta: Any) -> ScanSession:
        session_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]
        folder = parent / session_id
        folder.mkdir(parents=True, exist_ok=False)
        manifest: dict[str, Any] = {
            "schema": 1,
            "session_id": session_id,
            "created_at": datetime.now(UTC).isoformat(),
            "status": SCANNING,
            "error_code": None,
            "device_id": device_id,
            "profile": profile.to_json() if profile else None,
            "meta": meta,
            "pages": [],
        }
        session = cls(folder, manifest)
        session._flush()
        return session

    @classmethod
    def open(cls, folder: Path) -> ScanSession:
        """Reopen a session (after a crash: page files the manifest missed are adopted in arrival order)."""
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        session = cls(folder, manifest)
        session._adopt_orphans()
        return session

    # -- properties -----------------------------------------------------------------------------------------------
    @property
    def session_id(self) -> str:
        return str(self._manifest["session_id"])

    @property
    def status(self) -> str:
        return str(self._manifest["status"])

    @property
    def error_code(self) -> str | None:
        return self._manifest.get("error_code")

    @property
    def device_id(self) -> str:
        return str(self._manifest.get("device_id") or "")

    @property
    def profile(self) -> Profile | None:
        data = self._manifest.get("profile")
        return Profile.from_json(data) if data else None

    @property
    def meta(self) -> dict[str, Any]:
        return dict(self._manifest.get("meta") or {})

    def pages(self, include_deleted: bool = False) -> list[PageRecord]:
        """Pages in the operator's order."""
        with self._lock:
            records = [PageRecord(**p) for p in self._manifest["pages"]]
        return records if include_deleted else [r for r in records if not r.deleted]

    def next_number(self) -> int:
        with self._lock:
            return max((p["number"] for p in self._manifest["pages"]), default=0) + 1

    def image(self, record: PageRecord) -> Image.Image:
        """The page as scanned, with the operator's rotation applied."""
        from app.scanner.processing import rotate

        with Image.open(self.folder / record.file) as img:
            img.load()
            loaded = img.copy()
        return rotate(loaded, record.rotation) if record.rotation else loaded

    # -- writing --------------------------------------------------------------------------------------------------
    def add_page(self, page: ScannedPage, ink_ratio: float | None = None) -> PageRecord:
        with self._lock:
            number = self.next_number()
            name = f"page-{number:04d}.tiff"
            target = self.folder / name
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.")
            try:
                with os.fdopen(fd, "wb") as handle:
                    image = page.image
                    if image.mode == "1":
                        image.save(handle, format="TIFF", compression="group4", dpi=(page.dpi, page.dpi))
                    else:
                        image.save(handle, format="TIFF", dpi=(page.dpi, page.dpi))
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            record = PageRecord(
                number=number,
                file=name,
                dpi=page.dpi,
                mode=page.mode,
                side=page.side,
                width=page.image.width,
                height=page.image.height,
                ink_ratio=ink_ratio,
            )
            self._manifest["pages"].append(asdict(record))
            self._flush()
            return record

    __call__ = add_page  # a session can be handed to a driver as on_page directly

    def arrange(self, numbers: list[int]) -> None:
        """Put the pages in this order (numbers of the pages kept); pages not named keep their place at the end."""
        with self._lock:
            by_number = {p["number"]: p for p in self._manifest["pages"]}
            ordered = [by_number[n] for n in numbers if n in by_number]
            rest = [p for p in self._manifest["pages"] if p["number"] not in set(numbers)]
            self._manifest["pages"] = ordered + rest
            self._flush()

    def update_page(self, number: int, **changes: Any) -> PageRecord:
        """Change rotation, deleted or ink_ratio of one page."""
        allowed = {"rotation", "deleted", "ink_ratio"}
        if not set(changes) <= allowed:
            raise ValueError(f"only {sorted(allowed)} can change")
        with self._lock:
            for i, p in enumerate(self._manifest["pages"]):
                if p["number"] == number:
                    record = replace(PageRecord(**p), **changes)
                    if "rotation" in changes:
                        record = replace(record, rotation=int(changes["rotation"]) % 360)
                    self._manifest["pages"][i] = asdict(record)
                    self._flush()
                    return record
        raise KeyError(number)

    def mark(self, status: str, error_code: str | None = None) -> None:
        with self._lock:
            self._manifest["status"] = status
            self._manifest["error_code"] = error_code
            self._flush()

    def resume(self) -> None:
        """Carry on scanning into this session (after a jam was cleared)."""
        self.mark(SCANNING)

    def remove(self) -> None:
        """Delete the folder once its document is safely archived."""
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)

    def info(self) -> SessionInfo:
        profile = self._manifest.get("profile") or {}
        return SessionInfo(
            session_id=self.session_id,
            folder=self.folder,
            status=self.status,
            created_at=str(self._manifest.get("created_at", "")),
            device_id=self.device_id,
            profile_name=str(profile.get("name", "")),
            page_count=len(self.pages()),
            error_code=self.error_code,
            meta=self.meta,
        )

    # -- internals ------------------------------------------------------------------------------------------------
    def _flush(self) -> None:
        data = json.dumps(self._manifest, ensure_ascii=False, indent=1).encode("utf-8")
        _atomic_write(self.folder / MANIFEST, data)

    def _adopt_orphans(self) -> None:
        known = {p["file"] for p in self._manifest["pages"]}
        adopted = False
        for path in sorted(self.folder.iterdir()):
            match = _PAGE_FILE.match(path.name)
            if not match or path.name in known:
                continue
            try:
                with Image.open(path) as img:
                    img.load()
                    dpi = round(float(img.info.get("dpi", (300, 300))[0]))
                    mode = {"1": "lineart", "L": "gray"}.get(img.mode, "color")
                    size = img.size
            except (OSError, ValueError):
                continue  # a torn write: the page in the scanner, the one we may lose
            record = PageRecord(int(match.group(1)), path.name, dpi, mode, width=size[0], height=size[1])
            self._manifest["pages"].append(asdict(record))
            adopted = True
        if adopted:
            self._manifest["pages"].sort(key=lambda p: p["number"])
            self._flush()


def list_unfinished(parent: Path) -> list[SessionInfo]:
    """Sessions that were scanning, interrupted or stopped and never saved: offer them to the operator to resume."""
    if not parent.is_dir():
        return []
    found: list[SessionInfo] = []
    for folder in sorted(parent.iterdir()):
        if not (folder / MANIFEST).is_file():
            continue
        try:
            session = ScanSession.open(folder)
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if session.status in UNFINISHED:
            found.append(session.info())
    return found

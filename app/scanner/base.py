"""The one protocol every scanner driver implements, and the plain data it speaks.

Three calls, as the well-known scanning programs do it: list devices, report capabilities, scan a batch. Clean-up
(deskew, blank pages, barcodes) runs after the driver, in :mod:`app.scanner.processing`, so every driver stays thin.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from app.domain.errors import DomainError

if TYPE_CHECKING:
    from PIL import Image

    from app.scanner.profiles import Profile

# Error codes. The Persian text for each is in app/scanner/messages_fa.py.
NO_DEVICE = "scanner.no_device"
PAPER_JAM = "scanner.paper_jam"
COVER_OPEN = "scanner.cover_open"
CANCELLED = "scanner.cancelled"
NO_PAPER = "scanner.no_paper"
BUSY = "scanner.busy"
IO_ERROR = "scanner.io_error"
UNSUPPORTED = "scanner.unsupported"
ACCESS_DENIED = "scanner.access_denied"
OUT_OF_MEMORY = "scanner.out_of_memory"
DRIVER_MISSING = "scanner.driver_missing"
FILE_UNREADABLE = "scanner.file_unreadable"
FILE_UNSUPPORTED = "scanner.file_unsupported"
DOUBLE_FEED = "scanner.double_feed"

ALL_CODES = (
    NO_DEVICE,
    PAPER_JAM,
    COVER_OPEN,
    CANCELLED,
    NO_PAPER,
    BUSY,
    IO_ERROR,
    UNSUPPORTED,
    ACCESS_DENIED,
    OUT_OF_MEMORY,
    DRIVER_MISSING,
    FILE_UNREADABLE,
    FILE_UNSUPPORTED,
    DOUBLE_FEED,
)


class ScannerError(DomainError):
    """A device or input problem the operator can act on. ``pages_done`` tells how many pages arrived before it."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)


# Paper sizes in millimetres (portrait). ID-1 is the national card's format.
PAPER_SIZES_MM: dict[str, tuple[float, float]] = {
    "a3": (297.0, 420.0),
    "a4": (210.0, 297.0),
    "id_card": (85.6, 54.0),
}
PAPER_ORDER = ("id_card", "a4", "a3")
COLOUR_MODES = ("lineart", "gray", "color")
SOURCES = ("flatbed", "feeder")


def largest_paper(width_mm: float, height_mm: float) -> str | None:
    """The largest named paper that fits an area (either orientation), or None."""
    best: str | None = None
    for name in PAPER_ORDER:
        w, h = PAPER_SIZES_MM[name]
        fits = (w <= width_mm + 0.5 and h <= height_mm + 0.5) or (h <= width_mm + 0.5 and w <= height_mm + 0.5)
        if fits:
            best = name
    return best


@dataclass(frozen=True)
class DeviceInfo:
    """A scanner as a driver sees it. ``id`` is what scan() takes (``sane:test:0``, ``twain:Canon DR-C225``)."""

    id: str
    name: str
    vendor: str = ""
    model: str = ""
    kind: str = ""  # "flatbed scanner", "virtual device", "files" ...
    driver: str = ""  # "sane", "twain", "file"

    @property
    def label(self) -> str:
        parts = [p for p in (self.vendor, self.model) if p]
        return f"{' '.join(parts)} ({self.id})" if parts else self.id


@dataclass(frozen=True)
class Capabilities:
    flatbed: bool
    feeder: bool
    duplex: bool
    max_width_mm: float
    max_height_mm: float
    resolutions: tuple[int, ...]
    colour_modes: tuple[str, ...]

    @property
    def max_paper(self) -> str | None:
        """``a3``, ``a4``, ``id_card`` or None: the largest paper the scan area takes."""
        return largest_paper(self.max_width_mm, self.max_height_mm)

    def supports_paper(self, paper: str) -> bool:
        w, h = PAPER_SIZES_MM[paper]
        return w <= self.max_width_mm + 0.5 and h <= self.max_height_mm + 0.5

    def nearest_resolution(self, dpi: int) -> int:
        if not self.resolutions:
            return dpi
        return min(self.resolutions, key=lambda r: (abs(r - dpi), -r))


@dataclass
class ScannedPage:
    """One page as it left the driver (before clean-up). ``number`` counts from 1 within the batch."""

    number: int
    image: Image.Image
    dpi: int
    mode: str  # lineart | gray | color
    side: str = "front"  # front | back (duplex)
    source: str = ""  # device id or file path


@dataclass
class BatchResult:
    """How a batch ended. Errors are raised as ScannerError; a cancel ends normally with ``cancelled``."""

    device_id: str
    profile_name: str
    pages: int
    cancelled: bool = False
    warnings: list[str] = field(default_factory=list)


class CancelToken:
    """Thread-safe cancel flag shared by the GUI thread (sets it) and the scan worker (polls it between pages)."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def cancel(self) -> None:
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            callbacks = list(self._callbacks)
        for callback in callbacks:
            callback()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` (from the cancelling thread) when cancel() is called; at once if it already was."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return
        callback()


PageCallback = Callable[[ScannedPage], None]


@runtime_checkable
class ScannerDriver(Protocol):
    """What every driver offers. Implementations: SaneDriver, TwainDriver, FileDriver."""

    name: str

    def list_devices(self) -> list[DeviceInfo]: ...

    def capabilities(self, device_id: str) -> Capabilities: ...

    def scan(self, device_id: str, profile: Profile, on_page: PageCallback, cancel: CancelToken) -> BatchResult: ...

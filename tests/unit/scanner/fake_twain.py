"""A stand-in for pytwain (``import twain``), which only runs on Windows.

It mimics the parts of pytwain's API the driver uses, with pytwain's real constant values, exception classes and
container shapes: SourceManager(parent_window) → source_list / open_source(name) → Source.get_capability /
set_capability (raising CheckStatus when a value is rounded) → request_acquire(show_ui, modal_ui) →
xfer_image_natively() returning (DIB handle, pages remaining) → dib_to_bm_file(handle) → global_handle_free(handle).
Failures are pytwain's exceptions: NoDataSourceError, PaperJam, DSTransferCancelled, CheckDeviceOnlineError.

``make_module(devices)`` returns a fresh module-like object holding the given devices, so tests cannot leak state.
"""

from __future__ import annotations

import io
import itertools
import struct
import types
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

# pytwain's constants (twain/lowlevel/constants.py)
CAP_XFERCOUNT = 1
CAP_FEEDERENABLED = 4098
CAP_FEEDERLOADED = 4099
CAP_DUPLEX = 4114
CAP_DUPLEXENABLED = 4115
ICAP_PIXELTYPE = 257
ICAP_UNITS = 258
ICAP_XFERMECH = 259
ICAP_PHYSICALWIDTH = 4369
ICAP_PHYSICALHEIGHT = 4370
ICAP_XRESOLUTION = 4376
ICAP_YRESOLUTION = 4377
ICAP_SUPPORTEDSIZES = 4386
TWTY_INT16 = 1
TWTY_UINT16 = 4
TWTY_BOOL = 6
TWTY_FIX32 = 7
TWPT_BW = 0
TWPT_GRAY = 1
TWPT_RGB = 2
TWSS_NONE = 0
TWSS_A4 = 1
TWSS_A3 = 11
TWSX_NATIVE = 0
TWUN_INCHES = 0
TWDX_NONE = 0
TWDX_1PASSDUPLEX = 1


class TwainError(Exception):
    pass


class CapUnsupported(TwainError):
    pass


class DSTransferCancelled(TwainError):
    pass


class NoDataSourceError(TwainError):
    pass


class PaperJam(TwainError):
    pass


class PaperDoubleFeedError(TwainError):
    pass


class CheckDeviceOnlineError(TwainError):
    pass


class SequenceError(TwainError):
    pass


class SMLoadFileFailed(TwainError):
    pass


class CheckStatus(Exception):
    pass


exceptions = types.SimpleNamespace(
    TwainError=TwainError,
    CapUnsupported=CapUnsupported,
    DSTransferCancelled=DSTransferCancelled,
    NoDataSourceError=NoDataSourceError,
    PaperJam=PaperJam,
    PaperDoubleFeedError=PaperDoubleFeedError,
    CheckDeviceOnlineError=CheckDeviceOnlineError,
    SequenceError=SequenceError,
    SMLoadFileFailed=SMLoadFileFailed,
    CheckStatus=CheckStatus,
)


@dataclass
class FakeDevice:
    """A TWAIN source: ``pages`` in its feeder, and optionally an exception class raised on transfer number
    ``fail_at`` (1-based)."""

    name: str
    pages: int = 3
    a3: bool = True
    feeder: bool = True
    feeder_loaded: bool = True
    duplex: bool = False
    fail_at: int | None = None
    failure: type[Exception] | None = None
    fail_on_open: type[Exception] | None = None
    set_calls: list[tuple[int, int, Any]] = field(default_factory=list)
    acquired: bool = False
    closed: bool = False


_handles: dict[int, bytes] = {}
_counter = itertools.count(1)


def _dib_for(image: Image.Image) -> int:
    """Store a DIB (a BMP without its 14-byte file header), as a TWAIN source hands over in global memory."""
    out = io.BytesIO()
    image.save(out, format="BMP", dpi=image.info.get("dpi", (300, 300)))
    handle = next(_counter)
    _handles[handle] = out.getvalue()[14:]
    return handle


def dib_to_bm_file(handle: int, path: str | None = None) -> bytes | None:
    dib = _handles[handle]
    (header_size,) = struct.unpack_from("<I", dib, 0)
    (bit_count,) = struct.unpack_from("<H", dib, 14)
    (colours_used,) = struct.unpack_from("<I", dib, 32)
    if bit_count <= 8 and colours_used == 0:
        colours_used = 1 << bit_count
    offset = 14 + header_size + colours_used * 4
    bmp = b"BM" + struct.pack("<IHHI", 14 + len(dib), 0, 0, offset) + dib
    if path:
        with open(path, "wb") as handle_file:
            handle_file.write(bmp)
        return None
    return bmp


def global_handle_free(handle: int) -> None:
    del _handles[handle]


class Source:
    def __init__(self, device: FakeDevice) -> None:
        self._device = device
        self._values: dict[int, Any] = {ICAP_PIXELTYPE: TWPT_GRAY, ICAP_XRESOLUTION: 300.0, CAP_FEEDERENABLED: False}
        self._transferred = 0
        self._pending = 0
        self._state = "open"

    @property
    def name(self) -> str:
        return self._device.name

    def get_capability(self, cap: int) -> Any:
        d = self._device
        if cap == ICAP_PIXELTYPE:
            return TWTY_UINT16, (1, 1, [TWPT_BW, TWPT_GRAY, TWPT_RGB])
        if cap == ICAP_XRESOLUTION:
            return TWTY_FIX32, (3, 3, [100.0, 150.0, 200.0, 300.0, 600.0])
        if cap == ICAP_SUPPORTEDSIZES:
            return TWTY_UINT16, (0, 0, [TWSS_NONE, TWSS_A4] + ([TWSS_A3] if d.a3 else []))
        if cap == ICAP_PHYSICALWIDTH:
            return TWTY_FIX32, (11.69 if d.a3 else 8.5)
        if cap == ICAP_PHYSICALHEIGHT:
            return TWTY_FIX32, (16.54 if d.a3 else 11.69)
        if cap == CAP_FEEDERENABLED and d.feeder:
            return TWTY_BOOL, self._values[CAP_FEEDERENABLED]
        if cap == CAP_FEEDERLOADED and d.feeder:
            return TWTY_BOOL, d.feeder_loaded
        if cap == CAP_DUPLEX:
            return TWTY_UINT16, (TWDX_1PASSDUPLEX if d.duplex else TWDX_NONE)
        raise CapUnsupported()

    def set_capability(self, cap: int, type_id: int, value: Any) -> None:
        self._device.set_calls.append((cap, type_id, value))
        if cap in (CAP_FEEDERENABLED, CAP_FEEDERLOADED) and not self._device.feeder:
            raise CapUnsupported()
        if cap == CAP_DUPLEXENABLED and not self._device.duplex:
            raise CapUnsupported()
        if cap == ICAP_SUPPORTEDSIZES and value == TWSS_A3 and not self._device.a3:
            raise CapUnsupported()
        self._values[cap] = value
        if cap in (ICAP_XRESOLUTION, ICAP_YRESOLUTION) and value not in (100.0, 150.0, 200.0, 300.0, 600.0):
            raise CheckStatus()

    def set_image_layout(self, frame: tuple[float, float, float, float], *args: int) -> None:
        self._values["layout"] = frame

    def request_acquire(self, show_ui: bool, modal_ui: bool) -> None:
        if self._state != "open":
            raise SequenceError()
        self._device.acquired = True
        self._state = "enabled"
        feeder = bool(self._values.get(CAP_FEEDERENABLED))
        count = int(self._values.get(CAP_XFERCOUNT, -1))
        available = self._device.pages if feeder else 1
        self._pending = available if count < 0 else min(available, count)

    def xfer_image_natively(self) -> tuple[int, int]:
        if self._state != "enabled" or self._pending <= 0:
            raise SequenceError()
        self._transferred += 1
        d = self._device
        if d.fail_at is not None and self._transferred == d.fail_at and d.failure is not None:
            self._pending = 0
            raise d.failure()
        self._pending -= 1
        image = self._page_image(self._transferred)
        return _dib_for(image), self._pending

    def _page_image(self, number: int) -> Image.Image:
        dpi = int(self._values.get(ICAP_XRESOLUTION, 300.0))
        size = self._values.get(ICAP_SUPPORTEDSIZES, TWSS_A4)
        w_in, h_in = (11.69, 16.54) if size == TWSS_A3 else (8.27, 11.69)
        if "layout" in self._values:
            _l, _t, w_in, h_in = self._values["layout"]
        width, height = round(w_in * dpi), round(h_in * dpi)
        pixel = self._values.get(ICAP_PIXELTYPE, TWPT_GRAY)
        mode = {TWPT_BW: "1", TWPT_GRAY: "L", TWPT_RGB: "RGB"}[pixel]
        image = Image.new(mode, (width, height), 255 if mode != "RGB" else (255, 255, 255))
        from PIL import ImageDraw

        draw = ImageDraw.Draw(image)
        for row in range(number):
            y = 40 + row * 30
            draw.rectangle((30, y, width - 30, y + 12), fill=0 if mode != "RGB" else (0, 0, 0))
        image.info["dpi"] = (dpi, dpi)
        return image

    def close(self) -> None:
        self._state = "closed"
        self._device.closed = True


class SourceManager:
    def __init__(self, parent_window: Any = None, **kwargs: Any) -> None:
        self._devices: dict[str, FakeDevice] = _registry

    @property
    def source_list(self) -> list[str]:
        if not self._devices:
            raise NoDataSourceError()
        return list(self._devices)

    def open_source(self, product_name: str | None = None) -> Source | None:
        device = self._devices.get(product_name or "")
        if device is None:
            raise NoDataSourceError()
        if device.fail_on_open is not None:
            raise device.fail_on_open()
        return Source(device)

    def close(self) -> None:
        pass


_registry: dict[str, FakeDevice] = {}


def make_module(*devices: FakeDevice) -> types.ModuleType:
    """A module object that looks like ``import twain`` with these devices attached."""
    _registry.clear()
    _registry.update({d.name: d for d in devices})
    module = types.ModuleType("twain")
    for name, value in globals().items():
        if not name.startswith("_") and name not in ("make_module", "annotations"):
            setattr(module, name, value)
    return module

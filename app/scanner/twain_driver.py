"""TWAIN through pytwain (Windows only).

The path is pytwain's own: SourceManager → open_source → set_capability (transfer, pixel type, resolution, paper
size, feeder, duplex) → request_acquire → xfer_image_natively page after page → dib_to_bm_file. The ``twain`` module
is imported only on Windows; tests hand in a stand-in module with the same API and exceptions.

Most TWAIN drivers are 32-bit: an office whose driver is 32-bit runs the program's 32-bit build, or this driver in
a 32-bit worker process behind the same three calls (list, capabilities, scan).
"""

from __future__ import annotations

import io
import logging
import sys
from types import ModuleType
from typing import Any

from PIL import Image

from app.scanner import base
from app.scanner.base import (
    PAPER_SIZES_MM,
    BatchResult,
    CancelToken,
    Capabilities,
    DeviceInfo,
    PageCallback,
    ScannedPage,
    ScannerError,
)
from app.scanner.profiles import Profile

log = logging.getLogger(__name__)

_MM_PER_INCH = 25.4
_STANDARD_DPI = (75, 100, 150, 200, 240, 300, 400, 600, 1200)


def load_twain() -> ModuleType:
    if sys.platform != "win32":
        raise ScannerError(base.DRIVER_MISSING, driver="twain", detail="TWAIN exists only on Windows")
    try:
        import twain  # type: ignore[import-not-found]
    except ImportError as exc:
        raise ScannerError(base.DRIVER_MISSING, driver="twain", detail=str(exc)) from exc
    return twain  # type: ignore[no-any-return]


class TwainDriver:
    name = "twain"

    def __init__(self, twain_module: ModuleType | None = None, parent_window: Any = None) -> None:
        self._tw = twain_module
        self.parent_window = parent_window

    @property
    def tw(self) -> ModuleType:
        if self._tw is None:
            self._tw = load_twain()
        return self._tw

    # -- error mapping --------------------------------------------------------------------------------------------
    def _code_for(self, exc: BaseException) -> str:
        ex = self.tw.exceptions
        table: list[tuple[str, str]] = [
            ("PaperJam", base.PAPER_JAM),
            ("PaperDoubleFeedError", base.DOUBLE_FEED),
            ("CheckDeviceOnlineError", base.COVER_OPEN),  # offline: cover or lid open, or switched off
            ("NoDataSourceError", base.NO_DEVICE),
            ("DSTransferCancelled", base.CANCELLED),
            ("MaxConnectionsError", base.BUSY),
            ("DeniedError", base.ACCESS_DENIED),
            ("CapUnsupported", base.UNSUPPORTED),
            ("BadCapability", base.UNSUPPORTED),
            ("CapBadOperation", base.UNSUPPORTED),
            ("SMLoadFileFailed", base.DRIVER_MISSING),
            ("SMOpenFailed", base.DRIVER_MISSING),
            ("SMGetProcAddressFailed", base.DRIVER_MISSING),
        ]
        for name, code in table:
            cls = getattr(ex, name, None)
            if isinstance(cls, type) and isinstance(exc, cls):
                return code
        if isinstance(exc, MemoryError):
            return base.OUT_OF_MEMORY
        return base.IO_ERROR

    def _error(self, exc: BaseException, **params: Any) -> ScannerError:
        return ScannerError(self._code_for(exc), detail=f"{type(exc).__name__}: {exc}", **params)

    def _manager(self) -> Any:
        try:
            return self.tw.SourceManager(self.parent_window)
        except ScannerError:
            raise
        except Exception as exc:
            raise self._error(exc) from exc

    def _open_source(self, manager: Any, device_id: str) -> Any:
        try:
            source = manager.open_source(device_id)
        except Exception as exc:
            raise self._error(exc, device=device_id) from exc
        if source is None:
            raise ScannerError(base.NO_DEVICE, device=device_id)
        return source

    # -- protocol -------------------------------------------------------------------------------------------------
    def list_devices(self) -> list[DeviceInfo]:
        manager = self._manager()
        try:
            names = list(manager.source_list)
        except Exception as exc:
            raise self._error(exc) from exc
        finally:
            manager.close()
        return [DeviceInfo(id=n, name=n, kind="TWAIN source", driver=self.name) for n in names]

    def capabilities(self, device_id: str) -> Capabilities:
        manager = self._manager()
        try:
            source = self._open_source(manager, device_id)
            try:
                return self._capabilities(source)
            finally:
                source.close()
        finally:
            manager.close()

    def scan(
        self,
        device_id: str,
        profile: Profile,
        on_page: PageCallback,
        cancel: CancelToken,
        *,
        max_pages: int | None = None,
    ) -> BatchResult:
        tw = self.tw
        manager = self._manager()
        pages = 0
        try:
            source = self._open_source(manager, device_id)
            try:
                caps = self._capabilities(source)
                mode = self._configure(source, profile, caps, max_pages)
                if cancel.cancelled:
                    return BatchResult(device_id, profile.name, 0, cancelled=True)
                try:
                    source.request_acquire(show_ui=False, modal_ui=False)
                except Exception as exc:
                    raise self._error(exc, pages_done=0, device=device_id) from exc
                while True:
                    if cancel.cancelled:
                        return BatchResult(device_id, profile.name, pages, cancelled=True)
                    try:
                        handle, more = source.xfer_image_natively()
                    except Exception as exc:
                        error = self._error(exc, pages_done=pages, device=device_id)
                        if error.code == base.CANCELLED:
                            return BatchResult(device_id, profile.name, pages, cancelled=True)
                        raise error from exc
                    try:
                        bmp = tw.dib_to_bm_file(handle)
                    finally:
                        tw.global_handle_free(handle)
                    image = Image.open(io.BytesIO(bmp))
                    image.load()
                    dpi = self._dpi_of(image, profile.dpi)
                    pages += 1
                    side = "back" if profile.duplex and pages % 2 == 0 else "front"
                    on_page(ScannedPage(pages, self._normalise(image, mode), dpi, mode, side=side, source=device_id))
                    if not more or (max_pages is not None and pages >= max_pages):
                        break
                return BatchResult(device_id, profile.name, pages)
            finally:
                source.close()  # ends pending transfers and disables the source
        finally:
            manager.close()

    # -- helpers --------------------------------------------------------------------------------------------------
    def _cap(self, source: Any, cap: int) -> Any:
        """A capability's value, or None when the source does not have it."""
        try:
            return source.get_capability(cap)
        except Exception:
            return None

    @staticmethod
    def _values(result: Any) -> list[Any]:
        """Values out of pytwain's containers: (type, value), (type, (cur, default, [values])), or a range dict."""
        if result is None:
            return []
        if isinstance(result, dict):
            low, high = float(result["MinValue"]), float(result["MaxValue"])
            return [d for d in _STANDARD_DPI if low <= d <= high]
        _type, value = result
        if isinstance(value, tuple) and len(value) == 3 and isinstance(value[2], list):
            return list(value[2])
        if isinstance(value, list):
            return value
        return [value]

    def _capabilities(self, source: Any) -> Capabilities:
        tw = self.tw
        feeder_cap = self._cap(source, tw.CAP_FEEDERENABLED)
        duplex_cap = self._values(self._cap(source, tw.CAP_DUPLEX))
        width_in = self._values(self._cap(source, tw.ICAP_PHYSICALWIDTH))
        height_in = self._values(self._cap(source, tw.ICAP_PHYSICALHEIGHT))
        sizes = self._values(self._cap(source, tw.ICAP_SUPPORTEDSIZES))
        width_mm = float(width_in[0]) * _MM_PER_INCH if width_in else 215.9
        height_mm = float(height_in[0]) * _MM_PER_INCH if height_in else 297.0
        if tw.TWSS_A3 in sizes:
            width_mm, height_mm = max(width_mm, 297.0), max(height_mm, 420.0)
        resolutions = tuple(sorted({round(float(v)) for v in self._values(self._cap(source, tw.ICAP_XRESOLUTION))}))
        pixel_map = {tw.TWPT_BW: "lineart", tw.TWPT_GRAY: "gray", tw.TWPT_RGB: "color"}
        modes = tuple(pixel_map[v] for v in self._values(self._cap(source, tw.ICAP_PIXELTYPE)) if v in pixel_map)
        return Capabilities(
            flatbed=True,  # TWAIN does not say; nearly every source has a platen or takes single sheets
            feeder=feeder_cap is not None,
            duplex=any(v != tw.TWDX_NONE for v in duplex_cap),
            max_width_mm=width_mm,
            max_height_mm=height_mm,
            resolutions=resolutions or (300,),
            colour_modes=modes or ("gray",),
        )

    def _set(self, source: Any, cap: int, type_id: int, value: Any, *, required: bool = True) -> None:
        try:
            source.set_capability(cap, type_id, value)
        except Exception as exc:
            if type(exc).__name__ == "CheckStatus":
                return  # accepted, rounded to what the source can do
            if required:
                raise ScannerError(
                    base.UNSUPPORTED if self._code_for(exc) == base.IO_ERROR else self._code_for(exc),
                    capability=cap,
                    value=str(value),
                    detail=type(exc).__name__,
                ) from exc
            log.info("TWAIN source ignored capability %s=%s (%s)", cap, value, type(exc).__name__)

    def _configure(self, source: Any, profile: Profile, caps: Capabilities, max_pages: int | None) -> str:
        tw = self.tw
        mode = (
            profile.mode if profile.mode in caps.colour_modes else ("gray" if "gray" in caps.colour_modes else "color")
        )
        pixel = {"lineart": tw.TWPT_BW, "gray": tw.TWPT_GRAY, "color": tw.TWPT_RGB}[mode]
        dpi = float(caps.nearest_resolution(profile.dpi))
        self._set(source, tw.ICAP_XFERMECH, tw.TWTY_UINT16, tw.TWSX_NATIVE, required=False)
        self._set(source, tw.ICAP_UNITS, tw.TWTY_UINT16, tw.TWUN_INCHES, required=False)
        self._set(source, tw.ICAP_PIXELTYPE, tw.TWTY_UINT16, pixel)
        self._set(source, tw.ICAP_XRESOLUTION, tw.TWTY_FIX32, dpi)
        self._set(source, tw.ICAP_YRESOLUTION, tw.TWTY_FIX32, dpi)
        paper_code = {"a3": tw.TWSS_A3, "a4": tw.TWSS_A4}.get(profile.paper)
        if paper_code is not None:
            if not caps.supports_paper(profile.paper):
                raise ScannerError(base.UNSUPPORTED, option="paper", value=profile.paper)
            self._set(source, tw.ICAP_SUPPORTEDSIZES, tw.TWTY_UINT16, paper_code)
        else:
            w, h = PAPER_SIZES_MM[profile.paper]
            try:
                source.set_image_layout((0.0, 0.0, w / _MM_PER_INCH, h / _MM_PER_INCH))
            except Exception as exc:
                log.info("TWAIN image layout not taken as is: %s", type(exc).__name__)
        feeder = profile.source == "feeder"
        if feeder and not caps.feeder:
            raise ScannerError(base.UNSUPPORTED, option="source", value="feeder")
        if caps.feeder:
            self._set(source, tw.CAP_FEEDERENABLED, tw.TWTY_BOOL, feeder)
        if feeder:
            loaded = self._values(self._cap(source, tw.CAP_FEEDERLOADED))
            if loaded and not loaded[0]:
                raise ScannerError(base.NO_PAPER, pages_done=0)
            if caps.duplex:
                self._set(source, tw.CAP_DUPLEXENABLED, tw.TWTY_BOOL, profile.duplex, required=False)
        count = max_pages if max_pages is not None else (-1 if feeder else 1)
        self._set(source, tw.CAP_XFERCOUNT, tw.TWTY_INT16, count, required=False)
        return mode

    @staticmethod
    def _dpi_of(image: Image.Image, fallback: int) -> int:
        dpi = image.info.get("dpi")
        if dpi and float(dpi[0]) > 1:
            return round(float(dpi[0]))
        return fallback

    @staticmethod
    def _normalise(image: Image.Image, mode: str) -> Image.Image:
        if mode == "lineart":
            return image if image.mode == "1" else image.convert("L").point(lambda v: 255 if v > 127 else 0, mode="1")
        if mode == "gray":
            return image if image.mode == "L" else image.convert("L")
        return image if image.mode == "RGB" else image.convert("RGB")

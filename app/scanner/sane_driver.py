"""SANE through python-sane (Linux and macOS; network eSCL/AirScan scanners come in through SANE's airscan backend).

SANE is initialised once per process and reads ``SANE_CONFIG_DIR`` only then, so this module owns that moment:
``ensure_sane(config_dir)`` sets the variable (when a folder is given) right before the first ``sane.init()``. Tests
and CI give the project's ``resources/sane`` (only the ``test`` backend, A3 allowed); a workstation gives nothing and
SANE uses the system's configuration with the real scanners.

Cancel acts between pages: the page inside the scanner finishes (or is lost), everything before it is kept.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from app.paths import RESOURCES
from app.scanner import base
from app.scanner.base import (
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

PROJECT_SANE_CONFIG = RESOURCES / "sane"

# sane_strstatus() texts (SANE 1.x, English) and what they mean for the operator.
STATUS_CODES: dict[str, str] = {
    "Document feeder jammed": base.PAPER_JAM,
    "Document feeder out of documents": base.NO_PAPER,
    "Scanner cover is open": base.COVER_OPEN,
    "Device busy": base.BUSY,
    "Error during device I/O": base.IO_ERROR,
    "Operation was canceled": base.CANCELLED,
    "Operation was cancelled": base.CANCELLED,
    "Out of memory": base.OUT_OF_MEMORY,
    "Access to resource has been denied": base.ACCESS_DENIED,
    "Operation not supported": base.UNSUPPORTED,
    "Invalid argument": base.UNSUPPORTED,
}
_OUT_OF_DOCUMENTS = "Document feeder out of documents"
# sane_cancel waits for the backend's reader to stop; a backend that never stops (seen with SANE's own test backend
# after an error status, now and then) must not freeze the scanning worker and the archive tab with it.
CANCEL_TIMEOUT_S = 5.0


def _cancel_within(device: Any, seconds: float) -> bool:
    """``device.cancel()`` with a time limit; False when the backend is still stuck (the device is then left open:
    closing it under a running cancel would be unsafe, and the next open reports it busy with a Persian message)."""

    def cancel() -> None:
        try:
            device.cancel()
        except Exception:
            log.debug("cancel after scan failed", exc_info=True)

    worker = threading.Thread(target=cancel, name="sane-cancel", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        log.warning("the scanner backend did not finish cancelling within %.0f s; device left open", seconds)
        return False
    return True


_STANDARD_DPI = (75, 100, 150, 200, 240, 300, 400, 600, 1200)

_init_lock = threading.Lock()
_init_state: dict[str, Any] = {"done": False, "config_dir": None}


def ensure_sane(config_dir: Path | None = None) -> Any:
    """Import and initialise python-sane once per process; returns the ``sane`` module."""
    try:
        import sane
    except ImportError as exc:  # python-sane is the optional "sane" extra
        raise ScannerError(base.DRIVER_MISSING, driver="sane", detail=str(exc)) from exc
    with _init_lock:
        wanted = str(config_dir) if config_dir is not None else None
        if not _init_state["done"]:
            if wanted is not None:
                os.environ["SANE_CONFIG_DIR"] = wanted
            sane.init()
            _init_state.update(done=True, config_dir=wanted or os.environ.get("SANE_CONFIG_DIR"))
        elif wanted is not None and wanted != _init_state["config_dir"]:
            # SANE caches its configuration folders for the life of the process: say so instead of pretending
            log.warning("SANE already initialised with %s; %s is ignored", _init_state["config_dir"], wanted)
    return sane


def status_code(message: str) -> str:
    return STATUS_CODES.get(message.strip(), base.IO_ERROR)


def _mode_of(value: str) -> str | None:
    lowered = value.lower()
    if lowered in ("lineart", "binary", "black & white", "halftone", "thresholded"):
        return "lineart"
    if lowered.startswith("gray") or lowered.startswith("grey"):
        return "gray"
    if lowered.startswith("color") or lowered.startswith("colour"):
        return "color"
    return None


def _is_feeder(source: str) -> bool:
    lowered = source.lower()
    return "adf" in lowered or "feeder" in lowered or "duplex" in lowered


class SaneDriver:
    name = "sane"

    def __init__(
        self,
        config_dir: Path | None = None,
        open_device: Callable[[str], Any] | None = None,
    ) -> None:
        """``open_device`` (name → device) defaults to ``sane.open``; tests hand in a wrapper around it."""
        self.config_dir = config_dir
        self._open_device = open_device

    # -- protocol -------------------------------------------------------------------------------------------------
    def list_devices(self) -> list[DeviceInfo]:
        sane = ensure_sane(self.config_dir)
        try:
            devices = sane.get_devices()
        except Exception as exc:
            raise ScannerError(status_code(str(exc)), detail=str(exc)) from exc
        return [
            DeviceInfo(id=name, name=name, vendor=vendor, model=model, kind=kind, driver=self.name)
            for name, vendor, model, kind in devices
        ]

    def capabilities(self, device_id: str) -> Capabilities:
        device = self._open(device_id)
        try:
            return self._capabilities(device)
        finally:
            device.close()

    def scan(
        self,
        device_id: str,
        profile: Profile,
        on_page: PageCallback,
        cancel: CancelToken,
        *,
        max_pages: int | None = None,
    ) -> BatchResult:
        device = self._open(device_id)
        pages = 0
        try:
            caps = self._capabilities(device)
            mode, depth_one = self._configure(device, profile, caps)
            dpi = round(float(self._get(device, "resolution", profile.dpi)))
            feeder = profile.source == "feeder"
            while True:
                if cancel.cancelled:
                    return BatchResult(device_id, profile.name, pages, cancelled=True)
                if max_pages is not None and pages >= max_pages:
                    break
                try:
                    device.start()
                    image = device.snap(feeder)  # no_cancel between feeder pages, as multi_scan does
                except Exception as exc:
                    message = str(exc)
                    if message == _OUT_OF_DOCUMENTS and pages > 0:
                        break  # the feeder ran empty: the normal end of a batch
                    code = status_code(message)
                    if code == base.CANCELLED:
                        return BatchResult(device_id, profile.name, pages, cancelled=True)
                    raise ScannerError(code, pages_done=pages, device=device_id, detail=message) from exc
                pages += 1
                image = self._normalise(image, mode, depth_one)
                side = "back" if profile.duplex and feeder and pages % 2 == 0 else "front"
                on_page(ScannedPage(pages, image, dpi, mode, side=side, source=device_id))
                if not feeder:
                    break
            return BatchResult(device_id, profile.name, pages)
        finally:
            if _cancel_within(device, CANCEL_TIMEOUT_S):
                device.close()

    # -- helpers --------------------------------------------------------------------------------------------------
    def _open(self, device_id: str) -> Any:
        sane = ensure_sane(self.config_dir)
        opener = self._open_device or sane.open
        try:
            return opener(device_id)
        except Exception as exc:
            message = str(exc)
            code = status_code(message)
            if code in (base.UNSUPPORTED, base.IO_ERROR):
                code = base.NO_DEVICE  # "Invalid argument" on open: no such device
            raise ScannerError(code, device=device_id, detail=message) from exc

    @staticmethod
    def _get(device: Any, option: str, default: Any) -> Any:
        try:
            return getattr(device, option)
        except AttributeError:
            return default

    @staticmethod
    def _constraint(device: Any, option: str) -> Any:
        try:
            return device[option].constraint
        except KeyError:
            return None

    def _capabilities(self, device: Any) -> Capabilities:
        sources = self._constraint(device, "source") or []
        source_names = [s for s in sources if isinstance(s, str)]
        flatbed = not source_names or any("flatbed" in s.lower() for s in source_names)
        feeder = any(_is_feeder(s) for s in source_names)
        duplex = any("duplex" in s.lower() for s in source_names) or "duplex" in getattr(device, "optlist", [])
        width = self._range_max(device, "br_x", 215.9)
        height = self._range_max(device, "br_y", 297.0)
        res = self._constraint(device, "resolution")
        if isinstance(res, tuple) and len(res) == 3:
            low, high = float(res[0]), float(res[1])
            resolutions = tuple(d for d in _STANDARD_DPI if low <= d <= high)
        elif isinstance(res, list):
            resolutions = tuple(sorted(round(float(r)) for r in res))
        else:
            resolutions = (300,)
        modes: list[str] = []
        for value in self._constraint(device, "mode") or []:
            mode = _mode_of(str(value))
            if mode and mode not in modes:
                modes.append(mode)
        depths = self._constraint(device, "depth")
        if "lineart" not in modes and isinstance(depths, list) and 1 in depths:
            modes.insert(0, "lineart")  # grey at 1 bit per pixel is lineart
        return Capabilities(
            flatbed=flatbed,
            feeder=feeder,
            duplex=duplex,
            max_width_mm=width,
            max_height_mm=height,
            resolutions=resolutions,
            colour_modes=tuple(modes) or ("gray",),
        )

    def _range_max(self, device: Any, option: str, default: float) -> float:
        constraint = self._constraint(device, option)
        if isinstance(constraint, tuple) and len(constraint) == 3:
            return float(constraint[1])
        if isinstance(constraint, list) and constraint:
            return float(max(constraint))
        return default

    def _set(self, device: Any, option: str, value: Any) -> bool:
        try:
            setattr(device, option, value)
            return True
        except AttributeError:
            return False  # inactive or not settable on this device
        except Exception as exc:
            raise ScannerError(base.UNSUPPORTED, option=option, value=str(value), detail=str(exc)) from exc

    def _configure(self, device: Any, profile: Profile, caps: Capabilities) -> tuple[str, bool]:
        """Set source, mode, resolution and scan area from the profile; returns the mode delivered and whether a
        1-bit depth stands in for lineart."""
        sources = [s for s in (self._constraint(device, "source") or []) if isinstance(s, str)]
        if profile.source == "feeder":
            if not caps.feeder:
                raise ScannerError(base.UNSUPPORTED, option="source", value="feeder")
            candidates = [s for s in sources if _is_feeder(s)]
            if profile.duplex:
                candidates.sort(key=lambda s: "duplex" not in s.lower())
            else:
                candidates.sort(key=lambda s: "duplex" in s.lower())
            self._set(device, "source", candidates[0])
        elif sources:
            flat = [s for s in sources if "flatbed" in s.lower()] or [s for s in sources if not _is_feeder(s)]
            if flat:
                self._set(device, "source", flat[0])
        mode_values = [str(v) for v in (self._constraint(device, "mode") or [])]
        by_mode = {m: v for v in reversed(mode_values) if (m := _mode_of(v))}
        depth_one = False
        wanted = profile.mode
        if wanted == "lineart" and "lineart" not in by_mode:
            depths = self._constraint(device, "depth")
            if "gray" in by_mode:
                self._set(device, "mode", by_mode["gray"])
            if isinstance(depths, list) and 1 in depths:
                self._set(device, "depth", 1)
                depth_one = True
        elif wanted in by_mode:
            self._set(device, "mode", by_mode[wanted])
            if wanted != "lineart" and isinstance(self._constraint(device, "depth"), list):
                self._set(device, "depth", 8)
        elif wanted == "color" and "gray" in by_mode:
            self._set(device, "mode", by_mode["gray"])
            wanted = "gray"
        self._set(device, "resolution", float(caps.nearest_resolution(profile.dpi)))
        width, height = profile.paper_mm
        if width > caps.max_width_mm + 0.5 or height > caps.max_height_mm + 0.5:
            raise ScannerError(
                base.UNSUPPORTED, option="paper", value=profile.paper, max_mm=(caps.max_width_mm, caps.max_height_mm)
            )
        for option, value in (("tl_x", 0.0), ("tl_y", 0.0), ("br_x", width), ("br_y", height)):
            self._set(device, option, float(value))
        return wanted, depth_one

    @staticmethod
    def _normalise(image: Image.Image, mode: str, depth_one: bool) -> Image.Image:
        if mode == "lineart":
            gray = image.convert("L") if image.mode != "L" else image
            # a fixed split, never dithering: the device already decided black and white (or nearly so)
            return gray.point(lambda v: 255 if v > 127 else 0, mode="1")
        if mode == "gray" and image.mode != "L":
            return image.convert("L")
        return image

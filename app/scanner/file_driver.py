"""Import from files and folders as if from a scanner: PDF, TIFF (multi-page), JPEG and PNG.

Every file is checked (each page decoded once) before the first page is handed on, so a corrupt or unsupported file
raises a clear ScannerError and nothing reaches the session or the case. PDF pages that are one scanned image keep
that image as it is; other PDF pages are rasterised with poppler's pdftoppm at the profile's resolution.

Device ids: a file or folder path, optionally prefixed ``file:``; several paths joined with ``os.pathsep``.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

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
from app.scanner.processing import exif_upright
from app.scanner.profiles import Profile

IMAGE_SUFFIXES = {".tif", ".tiff", ".jpg", ".jpeg", ".png"}
SUPPORTED_SUFFIXES = IMAGE_SUFFIXES | {".pdf"}
DEVICE_ID = "file:"
_PDFTOPPM_TIMEOUT = 120


@dataclass(frozen=True)
class _PagePlan:
    path: Path
    kind: str  # "image" | "pdf"
    index: int  # frame (image) or 1-based page (pdf)


def _natural_key(path: Path) -> list[object]:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


def expand_paths(device_id: str) -> list[Path]:
    """Files named by a device id: folders give their supported files in natural name order."""
    spec = device_id[len(DEVICE_ID) :] if device_id.startswith(DEVICE_ID) else device_id
    files: list[Path] = []
    for part in filter(None, spec.split(os.pathsep)):
        path = Path(part)
        if path.is_dir():
            children = [p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")]
            files.extend(sorted((p for p in children if p.suffix.lower() in SUPPORTED_SUFFIXES), key=_natural_key))
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise ScannerError(base.FILE_UNSUPPORTED, path=str(path))
            files.append(path)
        else:
            raise ScannerError(base.FILE_UNREADABLE, path=str(path), detail="not found")
    return files


def _dpi(image: Image.Image, fallback: int) -> int:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    # 72 and 96 are what programs write when they do not know; a scan never has them
    return round(value) if value > 1 and round(value) not in (72, 96) else fallback


class FileDriver:
    name = "file"

    def list_devices(self) -> list[DeviceInfo]:
        return [DeviceInfo(id=DEVICE_ID, name="Files", kind="files", driver=self.name)]

    def capabilities(self, device_id: str) -> Capabilities:
        return Capabilities(
            flatbed=True,
            feeder=True,
            duplex=False,
            max_width_mm=10_000.0,
            max_height_mm=10_000.0,
            resolutions=(100, 150, 200, 300, 400, 600),
            colour_modes=("lineart", "gray", "color"),
        )

    def scan(
        self,
        device_id: str,
        profile: Profile,
        on_page: PageCallback,
        cancel: CancelToken,
        *,
        max_pages: int | None = None,
    ) -> BatchResult:
        files = expand_paths(device_id)
        if not files:
            raise ScannerError(base.NO_PAPER, pages_done=0, device=device_id)
        plan = [item for path in files for item in self._check(path)]
        pages = 0
        for item in plan:
            if cancel.cancelled:
                return BatchResult(device_id, profile.name, pages, cancelled=True)
            if max_pages is not None and pages >= max_pages:
                break
            image, dpi = self._load(item, profile.dpi, profile.mode)
            pages += 1
            on_page(ScannedPage(pages, _to_mode(image, profile.mode), dpi, profile.mode, source=str(item.path)))
        return BatchResult(device_id, profile.name, pages)

    # -- checking -------------------------------------------------------------------------------------------------
    def _check(self, path: Path) -> list[_PagePlan]:
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            return [_PagePlan(path, "pdf", n) for n in range(1, _pdf_page_count(path) + 1)]
        if suffix not in IMAGE_SUFFIXES:
            raise ScannerError(base.FILE_UNSUPPORTED, path=str(path))
        try:
            with Image.open(path) as img:
                if img.format not in ("TIFF", "JPEG", "PNG", "MPO"):
                    raise ScannerError(base.FILE_UNSUPPORTED, path=str(path), detail=str(img.format))
                frames = 0
                for frame in ImageSequence.Iterator(img):
                    frame.load()  # decodes every byte: a truncated file fails here, not halfway through a case
                    frames += 1
        except ScannerError:
            raise
        except (OSError, UnidentifiedImageError, ValueError, SyntaxError) as exc:
            raise ScannerError(base.FILE_UNREADABLE, path=str(path), detail=str(exc)) from exc
        return [_PagePlan(path, "image", i) for i in range(frames)]

    # -- loading --------------------------------------------------------------------------------------------------
    def _load(self, item: _PagePlan, fallback_dpi: int, mode: str) -> tuple[Image.Image, int]:
        try:
            if item.kind == "pdf":
                return _pdf_page(item.path, item.index, fallback_dpi, mode)
            with Image.open(item.path) as img:
                img.seek(item.index)
                img.load()
                frame = img.copy()
                frame.info.update(img.info)
            dpi = _dpi(frame, fallback_dpi)
            return exif_upright(frame), dpi
        except ScannerError:
            raise
        except (OSError, ValueError, EOFError) as exc:
            raise ScannerError(base.FILE_UNREADABLE, path=str(item.path), detail=str(exc)) from exc


def _to_mode(image: Image.Image, mode: str) -> Image.Image:
    if mode == "lineart":
        if image.mode == "1":
            return image
        from app.scanner.processing import to_bilevel

        return to_bilevel(image)
    if mode == "gray":
        return image if image.mode == "L" else image.convert("L")
    return image if image.mode == "RGB" else image.convert("RGB")


def _pdf_page_count(path: Path) -> int:
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            count = len(pdf.pages)
            for page in pdf.pages:
                _ = page.mediabox  # touches every page object: a broken page tree fails now
    except (pikepdf.PdfError, OSError, ValueError, KeyError) as exc:
        raise ScannerError(base.FILE_UNREADABLE, path=str(path), detail=str(exc)) from exc
    if count == 0:
        raise ScannerError(base.FILE_UNREADABLE, path=str(path), detail="no pages")
    return count


def _single_image(path: Path, number: int) -> tuple[Image.Image, int] | None:
    """The page's image when the page is nothing but one scanned image filling it (kept as is, no re-rasterising)."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        page = pdf.pages[number - 1]
        getter = getattr(page, "get_images", None)
        images = list((getter() if getter else page.images).values())
        if len(images) != 1:
            return None
        content = page.get_raw_contents() if hasattr(page, "get_raw_contents") else b""
        if b"Tj" in content or b"TJ" in content:
            return None  # text drawn over the image (a searchable PDF): rasterise to keep what is seen
        pdf_image = pikepdf.PdfImage(images[0])
        try:
            image = pdf_image.as_pil_image()
        except (pikepdf.PdfError, NotImplementedError, ValueError):
            return None
        width_in = float(page.mediabox[2] - page.mediabox[0]) / 72.0
        if width_in <= 0:
            return None
        rotate = int(page.obj.get("/Rotate", 0)) % 360
        dpi = round(image.width / width_in) if rotate in (0, 180) else round(image.height / width_in)
        if rotate:
            image = image.rotate(-rotate, expand=True)
        return image, dpi


def _pdf_page(path: Path, number: int, dpi: int, mode: str) -> tuple[Image.Image, int]:
    kept = _single_image(path, number)
    if kept is not None:
        return kept
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise ScannerError(base.DRIVER_MISSING, driver="pdftoppm (poppler-utils)")
    colour = {"lineart": ["-gray"], "gray": ["-gray"], "color": []}[mode]
    cmd = [tool, "-r", str(dpi), "-f", str(number), "-l", str(number), *colour, str(path)]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=_PDFTOPPM_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ScannerError(base.FILE_UNREADABLE, path=str(path), detail="pdftoppm timed out") from exc
    if done.returncode != 0 or not done.stdout:
        detail = done.stderr.decode("utf-8", "replace").strip()[:300]
        raise ScannerError(base.FILE_UNREADABLE, path=str(path), detail=detail or f"pdftoppm exit {done.returncode}")
    image = Image.open(io.BytesIO(done.stdout))
    image.load()
    return image, dpi


def iter_import(paths: list[Path], profile: Profile) -> Iterator[ScannedPage]:
    """Convenience for scripts: the pages of ``paths`` as a list-like stream (checked first, as scan() does)."""
    pages: list[ScannedPage] = []
    FileDriver().scan(os.pathsep.join(str(p) for p in paths), profile, pages.append, CancelToken())
    yield from pages

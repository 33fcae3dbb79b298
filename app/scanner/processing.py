"""Page clean-up after the driver: deskew, crop to the paper, blank-page detection, rotation, compression.

Everything measures on a reduced copy (about 75-100 dpi) and touches the full-resolution page at most once, so an A3
300 dpi page (17 MB grey) is cleaned in a fraction of a second.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps

# Work copies are reduced to about this many pixels on the long side.
_WORK_SIDE = 1100


@dataclass(frozen=True)
class BlankCheck:
    """``ink_ratio`` is the share of the page (margins left out) that carries ink; the UI shows it beside the
    threshold so the operator sees why a page was dropped."""

    blank: bool
    ink_ratio: float
    threshold: float


@dataclass(frozen=True)
class EncodedPage:
    """A page ready for the PDF: ``data`` is a G4 TIFF (bilevel) or a JPEG (grey/colour) carrying its dpi."""

    data: bytes
    kind: str  # "ccitt-g4" | "jpeg"
    width: int
    height: int
    dpi: int


@dataclass
class ProcessedPage:
    image: Image.Image
    blank: BlankCheck
    skew_degrees: float
    cropped: bool


def to_gray(image: Image.Image) -> Image.Image:
    if image.mode == "L":
        return image
    if image.mode in ("1", "P", "LA", "I;16", "I"):
        image = image.convert("RGB") if image.mode == "P" else image
        if image.mode in ("I;16", "I"):
            arr = np.asarray(image, dtype=np.float32) / 256.0
            return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    return image.convert("L")


def _reduced(gray: Image.Image, side: int = _WORK_SIDE) -> tuple[np.ndarray, int]:
    """A box-filtered copy whose long side is at most ``side`` pixels, and the factor used."""
    factor = max(1, int(np.ceil(max(gray.size) / side)))
    small = gray.reduce(factor) if factor > 1 else gray
    return np.asarray(small, dtype=np.uint8), factor


def _ink_mask(arr: np.ndarray) -> np.ndarray:
    """Pixels clearly darker than the paper. The paper level is the 90th percentile, but never darker than 160, so a
    page that is all dark counts as all ink rather than as dark paper."""
    paper = max(float(np.percentile(arr, 90)), 160.0)
    return arr < paper - 40.0


def ink_ratio(image: Image.Image, margin: float = 0.04) -> float:
    """Share of the page carrying ink, ``margin`` of each edge left out (punch holes, scanner shadow)."""
    arr, _ = _reduced(to_gray(image), 600)
    h, w = arr.shape
    mh, mw = int(h * margin), int(w * margin)
    inner = arr[mh : h - mh or None, mw : w - mw or None]
    if inner.size == 0:
        return 0.0
    return float(_ink_mask(inner).mean())


def check_blank(image: Image.Image, threshold: float) -> BlankCheck:
    ratio = ink_ratio(image)
    return BlankCheck(blank=threshold > 0 and ratio < threshold, ink_ratio=ratio, threshold=threshold)


def _profile_score(mask: Image.Image, angle: float) -> float:
    rotated = mask.rotate(angle, resample=Image.Resampling.NEAREST, expand=False, fillcolor=0)
    rows = np.asarray(rotated, dtype=np.float32).sum(axis=1)
    # Text lines aligned with the rows make the row profile peaky: big jumps between neighbouring rows.
    return float(np.square(np.diff(rows)).sum())


def estimate_skew(image: Image.Image, max_degrees: float = 5.0) -> float:
    """The angle (degrees, counter-clockwise positive) by which the page content is turned, found by a projection
    profile search: coarse steps of 0.5 degree, then 0.1 around the best. 0.0 for a page without ink."""
    arr, _ = _reduced(to_gray(image))
    mask_arr = _ink_mask(arr)
    if mask_arr.mean() < 0.001:
        return 0.0
    mask = Image.fromarray((mask_arr * 255).astype(np.uint8), "L")
    coarse = np.arange(-max_degrees, max_degrees + 1e-9, 0.5)
    best = max(coarse, key=lambda a: _profile_score(mask, float(a)))
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.1)
    best = max(fine, key=lambda a: _profile_score(mask, float(a)))
    # rotating by ``best`` straightens the lines, so the content is turned by -best
    return round(-float(best), 2)


def _fill_for(image: Image.Image) -> int | tuple[int, int, int]:
    return (255, 255, 255) if image.mode == "RGB" else 255


def deskew(image: Image.Image, max_degrees: float = 5.0, min_degrees: float = 0.15) -> tuple[Image.Image, float]:
    """Straighten a page turned by at most ``max_degrees``; angles under ``min_degrees`` are left alone."""
    angle = estimate_skew(image, max_degrees)
    if abs(angle) < min_degrees:
        return image, 0.0
    resample = Image.Resampling.NEAREST if image.mode == "1" else Image.Resampling.BICUBIC
    work = image if image.mode in ("1", "L", "RGB") else image.convert("RGB")
    straightened = work.rotate(-angle, resample=resample, expand=False, fillcolor=_fill_for(work))
    straightened.info.update(image.info)
    return straightened, angle


def crop_to_paper(image: Image.Image, tolerance: float = 40.0) -> tuple[Image.Image, tuple[int, int, int, int] | None]:
    """Cut away the scanner's backing around the paper. Works when the backing differs from the paper (the black
    or grey backing of document scanners); a white lid around white paper cannot be told apart and is left."""
    arr, factor = _reduced(to_gray(image))
    h, w = arr.shape
    border = np.concatenate([arr[0, :], arr[-1, :], arr[:, 0], arr[:, -1]])
    backing = float(np.median(border))
    if backing > 200:
        return image, None
    differs = np.abs(arr.astype(np.float32) - backing) > tolerance
    rows = np.where(differs.mean(axis=1) > 0.3)[0]
    cols = np.where(differs.mean(axis=0) > 0.3)[0]
    if rows.size == 0 or cols.size == 0:
        return image, None
    top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    if (bottom - top) * (right - left) > 0.97 * h * w or (bottom - top) < 0.1 * h or (right - left) < 0.1 * w:
        return image, None
    box = (
        int(left * factor),
        int(top * factor),
        min(image.width, int(right * factor)),
        min(image.height, int(bottom * factor)),
    )
    cropped = image.crop(box)
    cropped.info.update(image.info)
    return cropped, box


def rotate(image: Image.Image, degrees: int) -> Image.Image:
    """Turn a page clockwise by 90, 180 or 270 degrees (as the operator sees it on screen)."""
    degrees %= 360
    ops = {
        0: None,
        90: Image.Transpose.ROTATE_270,  # PIL's ROTATE_* turn counter-clockwise
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_90,
    }
    if degrees not in ops:
        raise ValueError(f"rotation must be a multiple of 90 degrees, not {degrees}")
    op = ops[degrees]
    if op is None:
        return image
    turned = image.transpose(op)
    turned.info.update(image.info)
    return turned


def otsu_threshold(gray: Image.Image) -> int:
    hist = np.asarray(gray.histogram()[:256], dtype=np.float64)
    total = hist.sum()
    if total == 0:
        return 128
    levels = np.arange(256)
    weight_bg = np.cumsum(hist)
    weight_fg = total - weight_bg
    cum_mean = np.cumsum(hist * levels)
    mean_total = cum_mean[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_total * weight_bg - total * cum_mean) ** 2 / (weight_bg * weight_fg)
    between = np.nan_to_num(between)
    return int(np.argmax(between))


def to_bilevel(image: Image.Image) -> Image.Image:
    """1-bit page by Otsu's threshold (text stays solid, paper noise goes white)."""
    if image.mode == "1":
        return image
    gray = to_gray(image)
    level = otsu_threshold(gray)
    # an almost blank page has no meaningful split: keep the paper white
    level = min(level, 200)
    return gray.point(lambda v: 255 if v > level else 0, mode="1")


def encode_page(image: Image.Image, mode: str, dpi: int, jpeg_quality: int = 60) -> EncodedPage:
    """Compress a page for the archive: lineart as CCITT G4 (a TIFF that img2pdf embeds without re-encoding), grey and
    colour as JPEG at ``jpeg_quality``. The dpi goes into the file so the PDF page gets its true paper size."""
    out = io.BytesIO()
    if mode == "lineart":
        bw = to_bilevel(image)
        # one strip: img2pdf can only pass a single-strip G4 TIFF straight through
        bw.save(out, format="TIFF", compression="group4", dpi=(dpi, dpi), tiffinfo={278: bw.height})
        return EncodedPage(out.getvalue(), "ccitt-g4", bw.width, bw.height, dpi)
    work = to_gray(image) if mode == "gray" else image.convert("RGB")
    work.save(out, format="JPEG", quality=jpeg_quality, dpi=(dpi, dpi), optimize=False)
    return EncodedPage(out.getvalue(), "jpeg", work.width, work.height, dpi)


def thumbnail_png(image: Image.Image, max_side: int = 256) -> bytes:
    gray_or_rgb = image.convert("RGB") if image.mode not in ("L", "RGB") else image
    factor = max(1, max(gray_or_rgb.size) // (max_side * 2))
    small = gray_or_rgb.reduce(factor) if factor > 1 else gray_or_rgb.copy()
    small.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=False)
    return out.getvalue()


def process_page(
    image: Image.Image, *, blank_threshold: float, deskew_page: bool = True, crop: bool = False
) -> ProcessedPage:
    """The clean-up a profile asks for, in a fixed order: crop (backing out of the angle search), deskew, blank check."""
    cropped = False
    if crop:
        image, box = crop_to_paper(image)
        cropped = box is not None
    angle = 0.0
    if deskew_page:
        image, angle = deskew(image)
    return ProcessedPage(image=image, blank=check_blank(image, blank_threshold), skew_degrees=angle, cropped=cropped)


def exif_upright(image: Image.Image) -> Image.Image:
    """Photos taken with a phone carry their orientation in EXIF; imported pages are turned upright."""
    turned = ImageOps.exif_transpose(image)
    return turned if turned is not None else image

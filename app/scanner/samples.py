"""Synthetic document pages that look like scans of office paperwork (Persian text lines, a ruled box, paper noise).

For tests, benchmarks and demos: the SANE test device's patterns compress nothing like text, so size measurements use
these pages instead.
"""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from app.paths import FONTS
from app.scanner.base import PAPER_SIZES_MM

_WORDS = [
    "پرونده",
    "سند",
    "مالکیت",
    "پلاک",
    "ثبتی",
    "اصلی",
    "فرعی",
    "بخش",
    "شهرداری",
    "منطقه",
    "ناحیه",
    "ساختمان",
    "پروانه",
    "گواهی",
    "پایان",
    "کار",
    "تهران",
    "بازدید",
    "نقشه",
    "عرصه",
    "اعیان",
    "مساحت",
    "متر",
    "مربع",
    "خیابان",
    "کوچه",
    "شمالاً",
    "جنوباً",
    "شرقاً",
    "غرباً",
    "به",
    "طول",
    "دیواری",
    "است",
    "مالک",
    "متقاضی",
    "وکیل",
    "تعهد",
    "محضری",
    "نوسازی",
    "عوارض",
    "کمیسیون",
    "ماده",
    "صد",
    "تفکیک",
    "دانگ",
    "مشاع",
    "کد",
    "ملی",
    "شماره",
    "تاریخ",
    "امضا",
    "مهر",
    "دفتر",
    "خدمات",
]


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(str(FONTS / "Vazirmatn-Regular.ttf"), size)
    except OSError:
        return ImageFont.load_default(size)


def paper_pixels(paper: str, dpi: int) -> tuple[int, int]:
    w_mm, h_mm = PAPER_SIZES_MM[paper]
    return round(w_mm / 25.4 * dpi), round(h_mm / 25.4 * dpi)


def text_page(
    paper: str = "a4",
    dpi: int = 300,
    *,
    seed: int = 0,
    mode: str = "L",
    skew_degrees: float = 0.0,
    noise: float = 3.0,
    title: str | None = None,
    fill: float = 1.0,
) -> Image.Image:
    """A page of right-to-left text lines at about 11 pt, a title, a ruled box and a signature scribble.

    ``noise`` is the standard deviation of the paper grain (grey levels); ``fill`` the share of the page height that
    carries text; ``skew_degrees`` turns the content counter-clockwise as a badly fed sheet would be.
    """
    rng = random.Random(seed)
    width, height = paper_pixels(paper, dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    margin = int(dpi * 0.8)
    body = _font(max(8, int(dpi * 11 / 72)))
    heading = _font(max(10, int(dpi * 18 / 72)))
    line_gap = int(dpi * 11 / 72 * 1.7)
    y = margin
    draw.text((width - margin, y), title or "گواهی عدم خلاف ساختمان", font=heading, fill=20, anchor="ra")
    y += line_gap * 2
    box_bottom = y + line_gap * 4
    draw.rectangle((margin, y, width - margin, box_bottom), outline=30, width=max(1, dpi // 100))
    y = box_bottom + line_gap
    limit = margin + int((height - 2 * margin) * fill)
    while y < limit - line_gap:
        words: list[str] = []
        text_width = 0.0
        target = (width - 2 * margin) * rng.uniform(0.55, 1.0)
        while text_width < target:
            words.append(rng.choice(_WORDS))
            text_width = draw.textlength(" ".join(words), font=body, direction="rtl")
        draw.text((width - margin, y), " ".join(words), font=body, fill=25, anchor="ra", direction="rtl")
        y += line_gap
        if rng.random() < 0.12:
            y += line_gap  # paragraph break
    # a signature scribble near the bottom left
    sx, sy = margin + dpi, height - margin - dpi // 2
    points = [(sx + i * dpi // 20, sy + int(rng.uniform(-1, 1) * dpi / 10)) for i in range(16)]
    draw.line(points, fill=40, width=max(1, dpi // 75))
    if skew_degrees:
        page = page.rotate(skew_degrees, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    arr = np.asarray(page, dtype=np.float32)
    arr = arr * 0.92 + 8.0  # paper is never pure white, ink never pure black
    if noise > 0:
        gen = np.random.default_rng(seed)
        arr += gen.normal(0.0, noise, size=arr.shape).astype(np.float32)
    result = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    if mode == "RGB":
        tint = Image.merge("RGB", (result, result, result.point(lambda v: max(0, v - 12))))
        tint.info["dpi"] = (dpi, dpi)
        return tint
    result.info["dpi"] = (dpi, dpi)
    return result


def blank_page(paper: str = "a4", dpi: int = 300, *, seed: int = 0, specks: int = 20) -> Image.Image:
    """An empty sheet with paper grain and a few dust specks: must count as blank."""
    width, height = paper_pixels(paper, dpi)
    gen = np.random.default_rng(seed)
    arr = np.clip(gen.normal(242.0, 3.0, size=(height, width)), 0, 255).astype(np.uint8)
    for _ in range(specks):
        y, x = int(gen.integers(0, height - 3)), int(gen.integers(0, width - 3))
        arr[y : y + 2, x : x + 2] = 60
    page = Image.fromarray(arr, "L")
    page.info["dpi"] = (dpi, dpi)
    return page

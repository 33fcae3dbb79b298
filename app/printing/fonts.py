"""Vazirmatn for every printed document, registered once per process.

reportlab embeds TrueType fonts as subsets (only the glyphs a document uses), so a receipt carries a few KB of font,
not the whole 120 KB file.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import FONTS

REGULAR = "Vazirmatn"
MEDIUM = "Vazirmatn-Medium"
BOLD = "Vazirmatn-Bold"

_FILES = {REGULAR: "Vazirmatn-Regular.ttf", MEDIUM: "Vazirmatn-Medium.ttf", BOLD: "Vazirmatn-Bold.ttf"}


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str, str]:
    """Register the three weights with reportlab (idempotent); returns their names."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONTS / filename)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return REGULAR, MEDIUM, BOLD

"""Number formatting and fonts for the map canvas (Persian digits, the Persian decimal separator)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from app.domain.text import to_persian_digits
from app.paths import FONTS

DECIMAL_SEP = "٫"  # ARABIC DECIMAL SEPARATOR, as Persian writes 12٫5
_loaded: list[str] = []


def fa_number(value: float, decimals: int = 2) -> str:
    """``12.345`` → «۱۲٫۳۵»."""
    text = f"{value:,.{decimals}f}".replace(",", "\u066c").replace(".", DECIMAL_SEP)
    return to_persian_digits(text)


def canvas_font(point_size: float = 9.0, bold: bool = False) -> QFont:
    """Vazirmatn (loaded once from resources/fonts) for labels painted on the map."""
    if not _loaded:
        for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf", "Vazirmatn-Medium.ttf"):
            path = FONTS / name
            if path.exists():
                QFontDatabase.addApplicationFont(str(path))
        _loaded.append("yes")
    font = QFont("Vazirmatn")
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font

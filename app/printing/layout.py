"""Right-to-left building blocks on reportlab's platypus: paragraphs, tables, barcodes, images.

Platypus gives page breaks, tables that continue on the next page with their header repeated, and frames. Its own
Paragraph wraps visual text, which breaks Persian line order, so text goes through ``RtlParagraph`` (logical
wrapping in ``persian.wrap``, then one visual line at a time). Tables list their columns right to left: the builders
pass them in reading order and ``rtl_table`` reverses them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Table, TableStyle

from app.domain.text import ltr_isolate, to_persian_digits
from app.printing import persian
from app.printing.fonts import BOLD, MEDIUM, REGULAR, register_fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#8a8a8a")
SHADE = colors.HexColor("#ececec")
ACCENT = colors.HexColor("#0b4f6c")
STAMP = colors.HexColor("#b00020")


@dataclass(frozen=True, slots=True)
class TextStyle:
    font: str = REGULAR
    size: float = 10.0
    leading: float | None = None
    align: str = "right"  # right | center | left
    color: colors.Color = INK

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.55


BODY = TextStyle()
SMALL = TextStyle(size=8.0, color=MUTED)
LABEL = TextStyle(font=MEDIUM, size=9.0, color=MUTED)
VALUE = TextStyle(font=MEDIUM, size=10.0)
HEADING = TextStyle(font=BOLD, size=11.5, color=ACCENT)
TITLE = TextStyle(font=BOLD, size=16.0, align="center")


def fa(value: object) -> str:
    """Persian digits for a number or an ASCII-digit string."""
    return to_persian_digits(value)


def ltr(value: object) -> str:
    """A left-to-right value (code, ID, plate) with Persian digits, isolated so it keeps its order in a line."""
    return ltr_isolate(to_persian_digits(value))


def group_digits(digits: str, size: int = 4) -> str:
    """``0101 0400 3000 1237`` so a person can read a long number back over the phone."""
    return " ".join(digits[i : i + size] for i in range(0, len(digits), size))


def metres(value: float, unit: str = "متر") -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "٬")
    return f"{fa(text.replace('.', '٫'))} {unit}"


class RtlParagraph(Flowable):
    """A Persian paragraph wrapped on its logical text; splits between lines across pages."""

    def __init__(
        self,
        text: str,
        style: TextStyle = BODY,
        *,
        space_before: float = 0,
        space_after: float = 0,
        keep_with_next: bool = False,
    ) -> None:
        super().__init__()
        register_fonts()
        self.keepWithNext = keep_with_next
        self.text = text
        self.style = style
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._lines: list[str] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._lines = persian.wrap(self.text, self.style.font, self.style.size, aw)
        self.width = aw
        self.height = len(self._lines) * self.style.line_height
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        self.wrap(aw, ah)
        fit = int(ah // self.style.line_height)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        head = RtlParagraph("\n".join(self._lines[:fit]), self.style, space_before=self.spaceBefore)
        tail = RtlParagraph("\n".join(self._lines[fit:]), self.style, space_after=self.spaceAfter)
        return [head, tail]

    def draw(self) -> None:
        style = self.style
        canv = self.canv
        canv.setFont(style.font, style.size)
        canv.setFillColor(style.color)
        lh = style.line_height
        for i, line in enumerate(self._lines):
            # Baseline so that the glyphs sit in the middle of their line box (Vazirmatn's ascent is tall).
            y = self.height - i * lh - (lh + style.size * 0.62) / 2
            text = persian.visual(line)
            if style.align == "center":
                canv.drawCentredString(self.width / 2, y, text)
            elif style.align == "left":
                canv.drawString(0, y, text)
            else:
                canv.drawRightString(self.width, y, text)


def para(text: str, style: TextStyle = BODY, **kwargs: float) -> RtlParagraph:
    return RtlParagraph(text, style, **kwargs)


class Heading(RtlParagraph):
    """A section heading that never ends a page alone: with less than ``reserve`` below it, it moves to the next page.

    (platypus's keepWithNext would carry a whole long table along and leave the page half empty.)
    """

    def __init__(self, text: str, *, reserve: float = 18 * mm, space_before: float = 4 * mm) -> None:
        super().__init__(text, HEADING, space_before=space_before, space_after=1 * mm)
        self.reserve = reserve

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        width, height = super().wrap(aw, ah)
        if height + self.reserve > ah:
            return width, ah + 1  # does not fit here: the frame moves it to the next page
        return width, height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return []


def heading(text: str, *, space_before: float = 4 * mm) -> RtlParagraph:
    return Heading(text, space_before=space_before)


# Cells align at the top: a label sits beside the first line of a wrapped value (and text extraction reads it so).
_GRID = [
    ("GRID", (0, 0), (-1, -1), 0.4, RULE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
]


def rtl_table(
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    header: bool = False,
    style: TextStyle = BODY,
    header_style: TextStyle | None = None,
    grid: bool = True,
    label_columns: Sequence[int] = (),
) -> Table:
    """A table given in reading order (first column on the right). Strings become wrapped ``RtlParagraph``s.

    With ``header`` the first row is shaded and repeated on every page the table continues on.
    """
    head_style = header_style or replace(style, font=BOLD)
    label_style = replace(style, font=MEDIUM, color=MUTED)
    cells: list[list[Flowable]] = []
    for r, row in enumerate(rows):
        out: list[Flowable] = []
        for c, cell in enumerate(row):
            if isinstance(cell, Flowable):
                out.append(cell)
                continue
            chosen = head_style if header and r == 0 else label_style if c in label_columns else style
            out.append(RtlParagraph(cell, chosen))
        cells.append(list(reversed(out)))
    commands = list(_GRID) if grid else [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    for c in label_columns:
        col = len(widths) - 1 - c
        commands.append(("BACKGROUND", (col, 0 if not header else 1), (col, -1), colors.HexColor("#f6f6f6")))
    table = Table(cells, colWidths=list(reversed(widths)), repeatRows=1 if header else 0, style=TableStyle(commands))
    table.hAlign = "RIGHT"
    return table


def key_values(
    rows: Sequence[tuple[str, str]], width: float, *, label_share: float = 0.32, style: TextStyle = BODY
) -> Table:
    """Label | value rows (label on the right). Blank values are dropped: optional fields leave no empty line."""
    kept = [(label, value) for label, value in rows if value and str(value).strip()]
    label_width = width * label_share
    return rtl_table(kept, (label_width, width - label_width), style=style, label_columns=(0,))


class Centered(Flowable):
    """Centre (or right-align) a fixed-size flowable (barcode, drawing, image) in the frame."""

    def __init__(
        self, inner: Flowable, *, space_before: float = 0, space_after: float = 0, align: str = "center"
    ) -> None:
        super().__init__()
        self.inner = inner
        self.align = align
        self.spaceBefore = space_before
        self.spaceAfter = space_after

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._iw, self._ih = self.inner.wrap(aw, ah)
        self.width = aw
        self.height = self._ih
        return aw, self._ih

    def draw(self) -> None:
        free = self.width - self._iw
        self.inner.drawOn(self.canv, free if self.align == "right" else 0 if self.align == "left" else free / 2, 0)


def code128(value: str, *, module_mm: float = 0.33, height_mm: float = 12.0) -> Code128:
    """Code 128 of a digit string (reportlab picks code set C: two digits per symbol, the shortest bars).

    The module stays at least 0.33 mm: narrower bars fail to decode at low resolutions (FIELD-NOTES).
    """
    return Code128(
        value,
        barWidth=module_mm * mm,
        barHeight=height_mm * mm,
        humanReadable=False,
        quiet=True,
        barFillColor=colors.black,
    )


class QrFlowable(Flowable):
    """A QR code of ``size_mm`` square (quiet zone included), drawn as one vector path.

    reportlab's QR widget draws each dark run as a separate shape, which costs about 100 ms for a signed payload;
    the same modules as runs of one path fill take a few milliseconds.
    """

    QUIET = 4  # modules of white border, as the standard asks

    def __init__(self, value: str, size_mm: float = 38.0, level: str = "M") -> None:
        super().__init__()
        widget = QrCodeWidget(value, barLevel=level)
        widget.qr.make()
        self.modules: list[list[bool]] = [[bool(m) for m in row] for row in widget.qr.modules]
        self.width = self.height = size_mm * mm

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.modules)
        box = self.width / (count + 2 * self.QUIET)
        canv = self.canv
        canv.setFillColor(colors.black)
        path = canv.beginPath()
        for r, row in enumerate(self.modules):
            y = self.height - (r + self.QUIET + 1) * box
            c = 0
            while c < count:
                if row[c]:
                    start = c
                    while c < count and row[c]:
                        c += 1
                    path.rect((start + self.QUIET) * box, y, (c - start) * box, box)
                else:
                    c += 1
        canv.drawPath(path, stroke=0, fill=1)


@lru_cache(maxsize=8)
def image_reader(path: Path) -> ImageReader:
    return ImageReader(str(path))


class ImageBox(Flowable):
    """An image scaled to fit ``max_w`` x ``max_h`` (aspect kept), framed; from PNG/JPEG bytes or a path."""

    def __init__(self, source: bytes | Path, max_w: float, max_h: float, *, frame: bool = True) -> None:
        super().__init__()
        self.reader = image_reader(source) if isinstance(source, Path) else ImageReader(io.BytesIO(source))
        iw, ih = self.reader.getSize()
        scale = min(max_w / iw, max_h / ih)
        self.width, self.height = iw * scale, ih * scale
        self.frame = frame

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")
        if self.frame:
            self.canv.setStrokeColor(RULE)
            self.canv.setLineWidth(0.5)
            self.canv.rect(0, 0, self.width, self.height)


class CheckBox(Flowable):
    """A ticked or empty square drawn with lines (no dependence on a font's ✓ glyph)."""

    def __init__(self, checked: bool, side: float = 3.6 * mm) -> None:
        super().__init__()
        self.checked = checked
        self.side = side

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.side

    def draw(self) -> None:
        c, s = self.canv, self.side
        x = (self.width - s) / 2
        c.setStrokeColor(INK)
        c.setLineWidth(0.7)
        c.rect(x, 0, s, s)
        if self.checked:
            c.setLineWidth(1.2)
            path = c.beginPath()
            path.moveTo(x + s * 0.18, s * 0.52)
            path.lineTo(x + s * 0.42, s * 0.22)
            path.lineTo(x + s * 0.85, s * 0.82)
            c.drawPath(path, stroke=1, fill=0)


class Rule(Flowable):
    """A thin horizontal line across the frame."""

    def __init__(self, *, dashed: bool = False, space: float = 2 * mm) -> None:
        super().__init__()
        self.dashed = dashed
        self.spaceBefore = self.spaceAfter = space

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, 0.6

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.6)
        if self.dashed:
            self.canv.setDash(2, 2)
        self.canv.line(0, 0.3, self.width, 0.3)


class Spacer(Flowable):
    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return aw, self.height

    def draw(self) -> None:
        pass


class SignatureBlock(Flowable):
    """Name, title and a box for the signature and stamp, on the left of the page as Persian letters have it."""

    def __init__(self, name: str, title: str, *, box_w: float = 70 * mm, box_h: float = 28 * mm) -> None:
        super().__init__()
        self.name, self.title = name, title
        self.box_w, self.box_h = box_w, box_h

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.box_h
        return aw, self.box_h

    def draw(self) -> None:
        c = self.canv
        x = 0.0
        c.setStrokeColor(RULE)
        c.setDash(2, 2)
        c.roundRect(x, 0, self.box_w, self.box_h, 3)
        c.setDash()
        c.setFillColor(INK)
        c.setFont(BOLD, 10)
        mid = x + self.box_w / 2
        c.drawCentredString(mid, self.box_h - 6 * mm, persian.visual(self.name))
        c.setFont(REGULAR, 9)
        c.drawCentredString(mid, self.box_h - 11 * mm, persian.visual(self.title))
        c.setFillColor(MUTED)
        c.setFont(REGULAR, 7.5)
        c.drawCentredString(mid, 2.5 * mm, persian.visual("امضا و مهر"))

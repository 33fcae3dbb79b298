"""The page frame every A4/A5 document shares, and the single long page of an 80 mm thermal roll.

A4/A5: a header on every page (logo, office name and code, address, the document's Jalali date, «المثنی» on a
reprint), a footer with «صفحه ۱ از ۲» and the tracking number. The total page count is only known at the end, so
the canvas keeps each page's state and draws the footers when the document is saved (the usual reportlab recipe).

Thermal: one page as long as its content; the office header is part of the flow because a roll has no pages.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.domain.dates import format_jalali_long
from app.printing import persian
from app.printing.data import OfficeInfo
from app.printing.fonts import BOLD, MEDIUM, REGULAR, register_fonts
from app.printing.layout import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    STAMP,
    TITLE,
    Centered,
    ImageBox,
    Rule,
    Spacer,
    TextStyle,
    fa,
    group_digits,
    ltr,
    para,
)

Paper = Literal["a4", "a5", "thermal80"]
PAGE_SIZES = {"a4": A4, "a5": A5}
THERMAL_WIDTH = 80 * mm
THERMAL_MARGIN = 4 * mm
PRODUCER = "ecity-counter"


def copy_mark(copy_number: int) -> str:
    """«المثنی» with the reprint count: the first reprint is copy 1."""
    return f"المثنی (نوبت {fa(copy_number)})"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the frame prints around the content, and the PDF's metadata."""

    office: OfficeInfo
    title: str
    date: dt.date | dt.datetime
    tracking_number: str = ""
    copy_number: int = 0
    keywords: str = ""  # PDF Keywords: certificates carry their signed payload here


def _numbered_canvas(footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                footer(self, self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _set_metadata(canv: Canvas, info: DocumentInfo) -> None:
    canv.setTitle(info.title)
    canv.setAuthor(f"{info.office.name} ({info.office.code})")
    canv.setSubject(info.title)
    canv.setCreator(PRODUCER)
    if info.keywords:
        canv.setKeywords(info.keywords)


def _draw_header(canv: Canvas, doc: BaseDocTemplate, info: DocumentInfo) -> None:
    width, height = doc.pagesize
    margin = doc.rightMargin
    top = height - 8 * mm
    logo_side = 16 * mm if width > A5[0] else 13 * mm
    x_right = width - margin
    office = info.office
    if office.logo is not None and office.logo.exists():
        logo = ImageBox(office.logo, logo_side, logo_side, frame=False)
        logo.drawOn(canv, x_right - logo.width, top - logo.height)
        x_right -= logo.width + 3 * mm
    canv.setFillColor(ACCENT)
    canv.setFont(BOLD, 12 if width > A5[0] else 10.5)
    canv.drawRightString(x_right, top - 5 * mm, persian.visual(office.name))
    canv.setFillColor(MUTED)
    canv.setFont(REGULAR, 8)
    canv.drawRightString(x_right, top - 10 * mm, persian.visual(f"کد دفتر: {ltr(office.code)}"))
    if office.address:
        # The header has one line for the address: cut it at the line's width rather than run under the date.
        max_w = x_right - margin - 48 * mm
        lines = persian.wrap(office.address, REGULAR, 7.5, max_w)
        canv.setFont(REGULAR, 7.5)
        text = lines[0] + (" …" if len(lines) > 1 else "")
        canv.drawRightString(x_right, top - 14.5 * mm, persian.visual(text))
    canv.setFillColor(INK)
    canv.setFont(MEDIUM, 9)
    canv.drawString(margin, top - 5 * mm, persian.visual(f"تاریخ: {format_jalali_long(info.date)}"))
    if info.tracking_number:
        canv.setFont(REGULAR, 8.5)
        tracking = ltr(group_digits(info.tracking_number))
        canv.drawString(margin, top - 10 * mm, persian.visual(f"شماره پیگیری: {tracking}"))
    if info.copy_number > 0:
        _draw_copy_stamp(canv, margin, top - 15.6 * mm, info.copy_number)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.8)
    line_y = top - logo_side - 4.5 * mm
    canv.line(margin, line_y, width - margin, line_y)


def _draw_copy_stamp(canv: Canvas, x: float, y: float, copy_number: int) -> None:
    text = persian.visual(copy_mark(copy_number))
    canv.setFont(BOLD, 10)
    w = canv.stringWidth(text, BOLD, 10) + 4 * mm
    canv.setStrokeColor(STAMP)
    canv.setFillColor(STAMP)
    canv.setLineWidth(1)
    canv.roundRect(x, y - 1.5 * mm, w, 6 * mm, 1.5 * mm)
    canv.drawString(x + 2 * mm, y, text)


def _footer(info: DocumentInfo, margin: float) -> Callable[[Canvas, int, int], None]:
    def draw(canv: Canvas, page: int, total: int) -> None:
        width, _ = canv._pagesize
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(margin, 12 * mm, width - margin, 12 * mm)
        canv.setFillColor(MUTED)
        canv.setFont(REGULAR, 8)
        canv.drawCentredString(width / 2, 7 * mm, persian.visual(f"صفحه {fa(page)} از {fa(total)}"))
        canv.drawRightString(width - margin, 7 * mm, persian.visual(info.title))
        canv.restoreState()

    return draw


def build_paged(story: Sequence[Flowable], info: DocumentInfo, paper: Paper) -> bytes:
    """A4 or A5 document with the shared header and footer."""
    register_fonts()
    pagesize = PAGE_SIZES[paper]
    margin = 12 * mm if paper == "a4" else 9 * mm
    header = 30 * mm if paper == "a4" else 27 * mm
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=header,
        bottomMargin=16 * mm,
        title=info.title,
        author=info.office.name,
        creator=PRODUCER,
    )
    # No side padding: the builders size their tables to exactly the width between the margins.
    frame = Frame(
        margin,
        16 * mm,
        pagesize[0] - 2 * margin,
        pagesize[1] - header - 16 * mm,
        id="body",
        leftPadding=0,
        rightPadding=0,
    )

    def on_page(canv: Canvas, d: BaseDocTemplate) -> None:
        _set_metadata(canv, info)
        # The header's colours (the red «المثنی» stamp) must not leak into the page's content, e.g. the barcode.
        canv.saveState()
        _draw_header(canv, d, info)
        canv.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(list(story), canvasmaker=_numbered_canvas(_footer(info, margin)))
    return buffer.getvalue()


def thermal_header(info: DocumentInfo) -> list[Flowable]:
    """The office block at the top of a roll: logo, name, code, date, reprint mark."""
    office = info.office
    out: list[Flowable] = []
    if office.logo is not None and office.logo.exists():
        out.append(Centered(ImageBox(office.logo, 14 * mm, 14 * mm, frame=False), space_after=1.5 * mm))
    out.append(para(office.name, TextStyle(font=BOLD, size=10.5, align="center")))
    out.append(para(f"کد دفتر: {ltr(office.code)}", TextStyle(size=8, align="center", color=MUTED)))
    if office.address:
        out.append(para(office.address, TextStyle(size=7.5, align="center", color=MUTED)))
    out.append(Rule())
    out.append(para(info.title, replace_size(TITLE, 12.5)))
    out.append(para(f"تاریخ: {format_jalali_long(info.date)}", TextStyle(size=9, align="center")))
    if info.copy_number > 0:
        out.append(para(copy_mark(info.copy_number), TextStyle(font=BOLD, size=10.5, align="center", color=STAMP)))
    return out


def replace_size(style: TextStyle, size: float) -> TextStyle:
    return TextStyle(style.font, size, None, style.align, style.color)


def build_thermal(story: Sequence[Flowable], info: DocumentInfo) -> bytes:
    """One page 80 mm wide and as long as the content (a roll has no page breaks)."""
    register_fonts()
    flow = [*thermal_header(info), *story]
    avail = THERMAL_WIDTH - 2 * THERMAL_MARGIN
    height = 2 * THERMAL_MARGIN + 6 * mm
    for item in flow:
        _, h = item.wrap(avail, 10_000)
        height += h + item.getSpaceBefore() + item.getSpaceAfter()
    buffer = io.BytesIO()
    pagesize = (THERMAL_WIDTH, height)
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=THERMAL_MARGIN,
        rightMargin=THERMAL_MARGIN,
        topMargin=THERMAL_MARGIN,
        bottomMargin=THERMAL_MARGIN,
        title=info.title,
        creator=PRODUCER,
    )
    frame = Frame(
        THERMAL_MARGIN, THERMAL_MARGIN, avail, height - 2 * THERMAL_MARGIN, id="roll", leftPadding=0, rightPadding=0
    )

    def on_page(canv: Canvas, d: BaseDocTemplate) -> None:
        _set_metadata(canv, info)

    doc.addPageTemplates([PageTemplate(id="roll", frames=[frame], onPage=on_page)])
    doc.build([*flow, Spacer(1)])
    return buffer.getvalue()
